package org.w3id.copgraph.cli;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.curation.Loader;

/** Small pieces several commands share. */
final class Cli {

    private Cli() {
    }

    /** Loads the seed graph into an empty store, saying so, since it takes a moment. */
    static Loader.Result seed(Copgraph cg) {
        if (!cg.store().isEmpty() || cg.store().isRemote() && cg.settings().updateEndpoint() == null) {
            return new Loader.Result(java.util.List.of(), 0);
        }
        System.err.println("Empty store: loading ontology/ and data/ (SHACL-checked) ...");
        long t0 = System.nanoTime();
        Loader.Result r = cg.loader().loadSeedIfEmpty();
        System.err.printf("Loaded %d statements in %d graphs in %d ms.%n", r.quads(), r.graphs().size(),
                (System.nanoTime() - t0) / 1_000_000);
        return r;
    }
}
