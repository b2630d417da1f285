package org.w3id.copgraph;

import java.nio.file.Path;

import org.w3id.copgraph.store.Store;

/** Shared test set-up: the real seed graph, loaded once per JVM into memory, and servers on port 0. */
public final class Fixtures {

    private static Copgraph seeded;

    private Fixtures() {
    }

    /** As {@code serve} is set up by default, on a free port. */
    public static Settings settings() {
        return Settings.defaults().withStore(Path.of("target/unused-store")).withPort(0);
    }

    /** A copgraph holding ontology/ and data/ of this checkout, shared by read-only tests. */
    public static synchronized Copgraph seeded() {
        if (seeded == null) {
            seeded = Copgraph.on(settings(), Store.inMemory());
            seeded.loader().loadSeedIfEmpty();
        }
        return seeded;
    }

    /** A copgraph of its own (for tests that write), seeded, with the tokens of {@code tokensFile}. */
    public static Copgraph fresh(Path tokensFile) {
        Copgraph cg = Copgraph.on(settings().withTokens(tokensFile), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        return cg;
    }

    /** The server on the seeded graph, started as {@code serve} starts it, on a free port. Stop it when done. */
    public static Server server() {
        Server app = Server.start(seeded());
        awaitDerivedGraphs(seeded());
        return app;
    }

    /**
     * Waits until the derived graphs (network metrics, suggestions) that a server writes in the
     * background after start are of the current data. Background work yields to requests, so under
     * a test's requests they could land between what the test compares.
     */
    public static void awaitDerivedGraphs(Copgraph cg) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!(cg.metricsGraph().isCurrent() && cg.suggestionsGraph().isCurrent())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The derived graphs were not written within 3 minutes of start");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static Path bad(String name) {
        return Path.of("src/test/resources/bad", name);
    }
}
