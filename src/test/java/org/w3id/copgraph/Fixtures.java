package org.w3id.copgraph;

import java.nio.file.Path;

import io.javalin.Javalin;

import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.web.App;

/** Shared test set-up: the real seed graph, loaded once per JVM into memory, and servers on port 0. */
public final class Fixtures {

    private static Copgraph seeded;

    private Fixtures() {
    }

    public static Settings settings() {
        return Settings.defaults().withStore(Path.of("target/unused-store"));
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

    /** The web app on the seeded graph, started on a free port. Stop it when done. */
    public static Javalin server() {
        return App.create(seeded()).start(0);
    }

    public static Path bad(String name) {
        return Path.of("src/test/resources/bad", name);
    }
}
