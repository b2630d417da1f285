package org.w3id.copgraph;

import java.nio.file.Path;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.sparql.SparqlLimits;

/** How one copgraph instance is set up; the command line fills it, tests build it directly. */
public record Settings(Home home, Path storeDir, Iris iris, int port, long queryTimeoutMillis, Path tokensFile,
                       String sparqlEndpoint, String updateEndpoint, SparqlLimits sparqlLimits) {

    public static final long DEFAULT_QUERY_TIMEOUT_MILLIS = 30_000;

    public static Settings defaults() {
        return new Settings(Home.current(), Path.of("store"), Iris.DEFAULT, 8080, DEFAULT_QUERY_TIMEOUT_MILLIS, null, null, null,
                SparqlLimits.DEFAULT);
    }

    public Settings withPort(int port) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, sparqlLimits);
    }

    public Settings withStore(Path storeDir) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, sparqlLimits);
    }

    public Settings withIris(Iris iris) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, sparqlLimits);
    }

    public Settings withTokens(Path tokensFile) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, sparqlLimits);
    }

    /** Reads (and, with an update endpoint, writes) another SPARQL store instead of the embedded TDB2. */
    public Settings withRemoteStore(String sparqlEndpoint, String updateEndpoint) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, sparqlLimits);
    }

    public Settings withQueryTimeout(long millis) {
        return new Settings(home, storeDir, iris, port, millis, tokensFile, sparqlEndpoint, updateEndpoint, sparqlLimits);
    }

    /** The size, nesting and answer-buffer limits of /sparql and /update (see {@link SparqlLimits}). */
    public Settings withSparqlLimits(SparqlLimits limits) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, limits);
    }
}
