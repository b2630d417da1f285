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
import java.util.List;
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
    // "CoP2": with each node's label and type and the network's notes, so the answer needs no network.
    private static final int MAGIC = 0x436f5032;
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

    /** A data version as written: the store's are instants. */
    private static Object versionOf(String text) {
        try {
            return java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    static void writeLater(Path dir, MetricsReport report) {
        if (dir == null) {
            return;
        }
        WRITER.execute(() -> {
            try {
                write(dir, report);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Metrics of {} not kept in {}", report.projection().id(), dir, e);
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

    static void write(Path dir, MetricsReport r) throws IOException {
        Files.createDirectories(dir);
        Path file = file(dir, r.projection());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(String.valueOf(r.version()));
            out.writeBoolean(r.exact());
            out.writeInt(r.communities());
            out.writeInt(r.sources());
            out.writeLong(r.millis());
            out.writeInt(r.nodes().size());
            for (MetricsReport.Row row : r.nodes()) {
                NodeMetrics n = row.metrics();
                out.writeUTF(row.node().iri());
                out.writeUTF(row.node().label());
                out.writeByte(row.node().type().ordinal());
                out.writeInt(n.degree());
                out.writeDouble(n.weightedDegree());
                out.writeDouble(n.betweenness());
                out.writeDouble(n.closeness());
                out.writeDouble(n.clustering());
                out.writeInt(n.community());
                out.writeBoolean(n.articulationPoint());
            }
            out.writeInt(r.bridges().size());
            for (MetricsReport.Bridge b : r.bridges()) {
                out.writeUTF(b.source());
                out.writeUTF(b.target());
            }
            out.writeInt(r.notes().size());
            for (String note : r.notes()) {
                out.writeUTF(note);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The metrics of {@code projection} over all time kept for {@code version} (null: whichever
     * version they were kept for), or null (none, another version, an older format, unreadable).
     * Needs no network: a restarted server answers with it before it has read the facts.
     */
    static MetricsReport read(Path dir, Object version, Projection projection) {
        Path file = dir == null ? null : file(dir, projection);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            String keptFor = in.readUTF();
            if (version != null && !keptFor.equals(String.valueOf(version))) {
                return null;
            }
            Object of = version != null ? version : versionOf(keptFor);
            boolean exact = in.readBoolean();
            int communities = in.readInt();
            int sources = in.readInt();
            long millis = in.readLong();
            NodeType[] types = NodeType.values();
            List<MetricsReport.Row> rows = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                Node node = new Node(in.readUTF(), in.readUTF(), types[in.readByte()]);
                rows.add(new MetricsReport.Row(node, new NodeMetrics(in.readInt(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readInt(), in.readBoolean())));
            }
            List<MetricsReport.Bridge> bridges = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                bridges.add(new MetricsReport.Bridge(in.readUTF(), in.readUTF()));
            }
            List<String> notes = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                notes.add(in.readUTF());
            }
            return new MetricsReport(of, projection, exact, sources, communities, millis, rows, bridges, notes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Metrics kept in {} not readable ({}); computing them", file, String.valueOf(e));
            return null;
        }
    }
}
