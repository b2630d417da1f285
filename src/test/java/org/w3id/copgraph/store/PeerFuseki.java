package org.w3id.copgraph.store;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * A plain Fuseki server with a TDB2 dataset whose default graph is the union of its named graphs:
 * the "other SPARQL store" of the remote-store tests, run as a separate process on loopback.
 * Arguments: PORT DIR. Endpoints: /ds/query, /ds/update.
 */
public final class PeerFuseki {

    private PeerFuseki() {
    }

    /** A peer started in a JVM of its own (on an empty store in a new temporary directory) and answering. */
    public static Running launch() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("peer-fuseki");
        String cp = String.join(File.pathSeparator, "target/test-classes", "target/classes",
                Files.readString(Path.of("target/runtime-classpath.txt")).strip());
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", cp,
                PeerFuseki.class.getName(), Integer.toString(port), dir.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PEER READY")) {
                break;
            }
        }
        // Its output is read to the end, or a full pipe would stop it.
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return new Running(p, "http://localhost:" + port + "/ds");
    }

    /** A running peer: {@code base() + "/query"} and {@code "/update"} are its endpoints. */
    public record Running(Process process, String base) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(args[1]);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer server = FusekiServer.create().loopback(true).port(Integer.parseInt(args[0])).add("/ds", dsg).build().start();
        System.out.println("PEER READY " + server.getPort());
        server.join();
    }
}
