package org.w3id.copgraph.cli;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.curation.Loader;

/** Small pieces several commands share. */
final class Cli {

    private Cli() {
    }

    /** Loads the seed graph into an empty store, saying so on stderr, since it takes a moment. */
    static Loader.Result seed(Copgraph cg) {
        return cg.seedIfEmpty(System.err::println);
    }
}
