package org.w3id.copgraph.web;

import io.javalin.Javalin;

import org.w3id.copgraph.Copgraph;

/**
 * The web app of {@link App} behind a handle without web types, so {@link org.w3id.copgraph.Server}
 * (which the command line and the tests start) needs no Javalin: only this package imports it.
 */
public final class WebServer {

    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    /** Builds the app (Jetty, Javalin, Fuseki) without starting it; needs no data. */
    /**
     * Loads and initialises, on a thread of its own, the classes the web app is made of (Javalin,
     * Jetty, Micrometer, Jackson): started before the store opens, it uses the second core while
     * the first opens the store, and {@link #build} then finds them ready. Start-up is mostly
     * class loading (about 10,000 classes), not one hot spot.
     */
    public static void warmUpInBackground() {
        org.w3id.copgraph.Background.onThread("web-warm-up", () -> {
            try {
                io.javalin.Javalin.create(cfg -> cfg.startup.showJavalinBanner = false);
                var registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
                new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
                registry.close();
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("warm", 1));
            } catch (Exception | LinkageError e) {
                // Only a head start: whatever failed here is loaded again, and reported, by build().
            }
            return null;
        });
    }

    public static WebServer build(Copgraph cg) {
        return new WebServer(App.create(cg));
    }

    /** Starts listening on {@code host} (an interface address) and {@code port} (0: a free one). */
    public void start(String host, int port) {
        app.start(host, port);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        app.jettyServer().server().join();
    }
}
