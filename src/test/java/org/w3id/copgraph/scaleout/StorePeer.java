package org.w3id.copgraph.scaleout;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.w3id.copgraph.Http;
import org.w3id.copgraph.store.PeerFuseki;
import org.w3id.copgraph.store.PeerVirtuoso;

/** The one store the fronts share, a SPARQL 1.1 service that is not copgraph's, in its own process. */
final class StorePeer implements AutoCloseable {

    private final String query;
    private final String update;
    private final AutoCloseable stop;

    private StorePeer(String query, String update, AutoCloseable stop) {
        this.query = query;
        this.update = update;
        this.stop = stop;
    }

    /** The store of the test: Debian's Virtuoso 7, the store that is not copgraph's that the issue names. */
    static StorePeer start(Path dir) throws Exception {
        return virtuoso();
    }

    /** Debian's Virtuoso 7 (see {@link PeerVirtuoso}): one URL for queries and updates. */
    static StorePeer virtuoso() throws Exception {
        PeerVirtuoso v = PeerVirtuoso.start();
        StorePeer peer = new StorePeer(v.queryEndpoint(), v.updateEndpoint(), v::close);
        peer.awaitAnswers();
        return peer;
    }

    static StorePeer fuseki(Path dir) throws Exception {
        Files.createDirectories(dir);
        int port = FrontsBehindBalancerTest.freePort();
        String cp = String.join(File.pathSeparator, "target/test-classes", "target/classes",
                Files.readString(Path.of("target/runtime-classpath.txt")).strip());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-cp", cp,
                PeerFuseki.class.getName(), Integer.toString(port), dir.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        StorePeer peer = new StorePeer("http://localhost:" + port + "/ds/query", "http://localhost:" + port + "/ds/update", () -> {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        });
        peer.awaitAnswers();
        return peer;
    }

    String queryEndpoint() {
        return query;
    }

    String updateEndpoint() {
        return update;
    }

    private void awaitAnswers() throws InterruptedException {
        Http http = new Http(0);
        for (int i = 0; i < 1200; i++) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(query + "?query=" + Http.enc("ASK {}")))
                        .header("Accept", "application/sparql-results+json").GET().build());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The store did not start at " + query);
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
