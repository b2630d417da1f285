package org.w3id.copgraph.network;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one projection (over all time) kept beside the store, keyed by the data version,
 * so that a restarted server answers its first {@code /api/network/metrics} without computing
 * them again (betweenness alone takes seconds at 10,000 CoPs). A file of another version is
 * ignored; a file that cannot be read is recomputed.
 */
final class MetricsFile {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsFile.class);
    private static final int MAGIC = 0x436f504d; // "CoPM"
    // One writer: the files are small, and writes must not take a core from requests.
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "network-metrics-file");
        t.setDaemon(true);
        return t;
    });

    private MetricsFile() {
    }

    static Path file(Path dir, Projection p) {
        return dir.resolve("network-metrics-" + p.id() + ".bin");
    }

    static void writeLater(Path dir, Object version, Metrics m) {
        if (dir == null) {
            return;
        }
        WRITER.execute(() -> {
            try {
                write(dir, version, m);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Metrics of {} not kept in {}", m.projection().id(), dir, e);
            }
        });
    }

    /** Waits (up to {@code millis}) for the writes asked for so far: a closing store leaves none behind. */
    static void awaitWrites(long millis) {
        try {
            WRITER.submit(() -> { }).get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A write still running after that long is left to finish on its own.
        }
    }

    static void write(Path dir, Object version, Metrics m) throws IOException {
        Files.createDirectories(dir);
        Path file = file(dir, m.projection());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(String.valueOf(version));
            out.writeInt(m.communities());
            out.writeInt(m.sources());
            out.writeLong(m.millis());
            out.writeInt(m.nodes().size());
            for (var e : m.nodes().entrySet()) {
                NodeMetrics n = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(n.degree());
                out.writeDouble(n.weightedDegree());
                out.writeDouble(n.betweenness());
                out.writeDouble(n.closeness());
                out.writeDouble(n.clustering());
                out.writeInt(n.community());
                out.writeBoolean(n.articulationPoint());
            }
            out.writeInt(m.bridges().size());
            for (Edge e : m.bridges()) {
                out.writeUTF(e.source());
                out.writeUTF(e.target());
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The metrics of {@code net}'s projection kept for {@code version}, or null (none, another version, unreadable). */
    static Metrics read(Path dir, Object version, Net net) {
        if (dir == null || !Files.isRegularFile(file(dir, net.projection()))) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(dir, net.projection())), 1 << 16))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(String.valueOf(version))) {
                return null;
            }
            int communities = in.readInt();
            int sources = in.readInt();
            long millis = in.readLong();
            Map<String, NodeMetrics> nodes = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String iri = in.readUTF();
                nodes.put(iri, new NodeMetrics(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readInt(), in.readBoolean()));
            }
            List<Edge> bridges = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                String a = in.readUTF();
                String b = in.readUTF();
                Edge found = null;
                for (Edge e : net.incident(a)) {
                    if (e.other(a).equals(b)) {
                        found = e;
                        break;
                    }
                }
                if (found == null) {
                    return null;
                }
                bridges.add(found);
            }
            return new Metrics(net.projection(), net.window(), nodes, bridges, communities, sources, millis);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Metrics kept in {} not readable; computing them", dir, e);
            return null;
        }
    }
}
