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
