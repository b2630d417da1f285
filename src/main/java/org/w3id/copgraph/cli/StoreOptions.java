package org.w3id.copgraph.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import org.w3id.copgraph.Home;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.Iris;

/** Options every command that touches the store shares. */
final class StoreOptions {

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "TDB2 store directory (default: ${DEFAULT-VALUE}); created if missing.")
    Path store;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of the canonical IRIs (default: ${DEFAULT-VALUE}).")
    String base;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = ".",
            description = "Directory holding ontology/, data/ and queries/ (default: the current directory).")
    Path home;

    @Option(names = "--query-timeout", paramLabel = "MS", defaultValue = "30000",
            description = "Stop a query after this many milliseconds (default: ${DEFAULT-VALUE}).")
    long queryTimeout;

    Settings settings() {
        Path root = home.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(root.resolve("ontology"))) {
            throw Problem.badRequest("no-home", root + " has no ontology/ directory: run copgraph from a checkout"
                    + " of the repository or give --home DIR.");
        }
        if (!base.matches("https?://.+/")) {
            throw Problem.badRequest("bad-base", "--base must be an http(s) IRI ending in '/'; got '" + base + "'.");
        }
        return new Settings(new Home(root), store, new Iris(base), 8080, queryTimeout, null, null, null, Settings.Serving.DEFAULTS,
                org.w3id.copgraph.sparql.SparqlLimits.DEFAULT);
    }
}
