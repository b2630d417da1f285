package org.w3id.copgraph;

import java.nio.file.Path;

import org.w3id.copgraph.model.Iris;

/** How one copgraph instance is set up; the command line fills it, tests build it directly. */
public record Settings(Home home, Path storeDir, Iris iris, int port, long queryTimeoutMillis, Path tokensFile) {

    public static final long DEFAULT_QUERY_TIMEOUT_MILLIS = 30_000;

    public static Settings defaults() {
        return new Settings(Home.current(), Path.of("store"), Iris.DEFAULT, 8080, DEFAULT_QUERY_TIMEOUT_MILLIS, null);
    }

    public Settings withPort(int port) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile);
    }

    public Settings withStore(Path storeDir) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile);
    }

    public Settings withIris(Iris iris) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile);
    }

    public Settings withTokens(Path tokensFile) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile);
    }

    public Settings withQueryTimeout(long millis) {
        return new Settings(home, storeDir, iris, port, millis, tokensFile);
    }
}
