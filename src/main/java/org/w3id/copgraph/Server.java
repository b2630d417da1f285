package org.w3id.copgraph;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.web.WebServer;

/**
 * The one way copgraph is served: {@code copgraph serve} and the tests' servers both start here,
 * so a test talks to a server wired exactly as production's (same web app, same listeners, same
 * background work). Start-up does the slow parts side by side: the web app (Jetty, Javalin,
 * Fuseki) is built while the seed graph loads, and the server listens only once the data is in,
 * so a 200 from {@code /health} means the data is served.
 */
public final class Server implements AutoCloseable {

    private final Copgraph cg;
    private final WebServer web;
    private final boolean ownsCopgraph;
    private final Loader.Result seeded;

    private Server(Copgraph cg, WebServer web, boolean ownsCopgraph, Loader.Result seeded) {
        this.cg = cg;
        this.web = web;
        this.ownsCopgraph = ownsCopgraph;
        this.seeded = seeded;
    }

    /**
     * {@code copgraph serve}: opens the store of {@code settings} and serves it; closing the
     * server closes the store. {@code say} hears what an operator should see (the seed load);
     * {@code phases} hears the end of each start-up phase (for timing).
     */
    public static Server serve(Settings settings, Consumer<String> say, Consumer<String> phases) {
        WebServer.warmUpInBackground();
        Copgraph cg = Copgraph.openSeeding(settings);
        phases.accept("open store and features");
        try {
            return start(cg, true, say, phases);
        } catch (RuntimeException | Error e) {
            cg.close();
            throw e;
        }
    }

    /** Serves an opened copgraph (tests: one on a store in memory); stopping leaves it open. */
    public static Server start(Copgraph cg) {
        return start(cg, false, s -> { }, s -> { });
    }

    private static Server start(Copgraph cg, boolean owns, Consumer<String> say, Consumer<String> phases) {
        FutureTask<WebServer> building = new FutureTask<>(() -> {
            WebServer built = WebServer.build(cg);
            phases.accept("create web app (in parallel)");
            return built;
        });
        Thread t = new Thread(building, "web-app-startup");
        t.setDaemon(true);
        t.start();
        Loader.Result seeded = cg.seedIfEmpty(say);
        phases.accept("seed");
        WebServer web = built(building);
        Settings.Serving serving = cg.settings().serving();
        web.start(serving.host(), cg.settings().port());
        cg.listeningOn(serving.host(), web.port());
        phases.accept("start web server");
        cg.startBackgroundWork();
        return new Server(cg, web, owns, seeded);
    }

    private static WebServer built(FutureTask<WebServer> building) {
        try {
            return building.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the web app", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("The web app could not be built", e.getCause());
        }
    }

    public Copgraph copgraph() {
        return cg;
    }

    /** The port listened on (the one asked for, or the free one picked for port 0). */
    public int port() {
        return web.port();
    }

    /** Where clients reach the server: {@code --public-url}, else the listening address. */
    public PublicUrl publicUrl() {
        return cg.publicUrl();
    }

    /** What the start-up loaded into an empty store (nothing if it held data). */
    public Loader.Result seeded() {
        return seeded;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        web.join();
    }

    /** Stops listening; a server that opened its store closes it too. */
    public void stop() {
        web.stop();
        if (ownsCopgraph) {
            cg.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
