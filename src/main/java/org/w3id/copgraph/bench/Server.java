package org.w3id.copgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A SPARQL server the benchmark talks to, running as its own process on loopback: copgraph
 * itself, a standalone Fuseki of the same Jena version, or Virtuoso.
 */
record Server(String name, Process process, String base, String sparql, long startMs) implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(3);

    /** copgraph serve without the network metrics at start-up (they would take a core from the queries timed). */
    static Server copgraph(Path store, Path home, Path work, String heap) throws IOException {
        return copgraph(store, home, work, heap, false);
    }

    static Server copgraph(Path store, Path home, Path work, String heap, boolean metricsAtStart) throws IOException {
        return copgraph(store, home, work, heap, metricsAtStart, List.of(), metricsAtStart ? "copgraph-serve-network.log" : "copgraph-serve.log");
    }

    /** With more arguments to {@code serve} (a tokens file, say), logging to {@code logName} in {@code work}. */
    static Server copgraph(Path store, Path home, Path work, String heap, boolean metricsAtStart, List<String> more, String logName)
            throws IOException {
        int port = Processes.freePort();
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + heap, "-cp", classPath(),
                "org.w3id.copgraph.cli.Main", "serve", "--store", store.toString(), "--home", home.toString(),
                "--port", String.valueOf(port), "--query-timeout", "120000"));
        if (!metricsAtStart) {
            cmd.add("--no-metrics-at-start");
        }
        cmd.addAll(more);
        Path log = work.resolve(logName);
        long t0 = System.nanoTime();
        Process p = Processes.start(cmd, work, log);
        String base = "http://127.0.0.1:" + port;
        Processes.awaitOk(base + "/health", p, START, log);
        return new Server("copgraph", p, base, base + "/sparql", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * copgraph serve as a front on another SPARQL store ({@code --sparql-endpoint}), read-only, with
     * nothing computed in the background (no metrics, no precomputed pages) to take a core from the
     * queries timed through it.
     */
    static Server copgraphFront(String endpoint, Path home, Path work, String heap) throws IOException {
        int port = Processes.freePort();
        Path store = Files.createDirectories(work.resolve("front-store"));
        List<String> cmd = List.of(java(), "-Xmx" + heap, "-cp", classPath(), "org.w3id.copgraph.cli.Main", "serve",
                "--sparql-endpoint", endpoint, "--store", store.toString(), "--home", home.toString(),
                "--port", String.valueOf(port), "--query-timeout", "120000", "--no-metrics-at-start", "--no-precompute");
        Path log = work.resolve("copgraph-front.log");
        long t0 = System.nanoTime();
        Process p = Processes.start(cmd, work, log);
        String base = "http://127.0.0.1:" + port;
        Processes.awaitOk(base + "/health", p, START, log);
        return new Server("front", p, base, base + "/sparql", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Standalone Fuseki on {@code store}, read-only, with the union of the named graphs as default graph. */
    static Server fuseki(Path jar, Path store, Path work, String heap) throws IOException {
        int port = Processes.freePort();
        Path run = Files.createDirectories(work.resolve("fuseki-run"));
        List<String> cmd = List.of(java(), "-Xmx" + heap, "-jar", jar.toString(), "--localhost", "--port",
                String.valueOf(port), "--timeout=120000", "--tdb2", "--loc", store.toString(),
                "--set", "tdb2:unionDefaultGraph=true", "/ds");
        Path log = work.resolve("fuseki.log");
        long t0 = System.nanoTime();
        Process p = Processes.start(cmd, run, log);
        String base = "http://127.0.0.1:" + port;
        Processes.awaitOk(base + "/$/ping", p, START, log);
        return new Server("fuseki", p, base, base + "/ds/sparql", (System.nanoTime() - t0) / 1_000_000);
    }

    static Server virtuoso(Virtuoso v) throws IOException {
        long t0 = System.nanoTime();
        Process p = v.start();
        return new Server("virtuoso", p, v.httpBase(), v.httpBase() + "/sparql", (System.nanoTime() - t0) / 1_000_000);
    }

    /** This JVM's class path with absolute entries, since the servers run in other directories. */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
