package org.w3id.copgraph.linkeddata;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/**
 * The full dumps. Each is streamed from the store in one read transaction (so it is one
 * consistent state, and nothing is built in memory) into a file named for the data version it
 * holds; a dump is written again only once the data has changed. The dumps hold what users see:
 * the named graphs (N-Quads) or their union (N-Triples, Turtle, JSON-LD), never the store's own
 * bookkeeping in the stored default graph.
 *
 * <p>Dumps read the dataset directly rather than through {@code Store.query}: a SPARQL CONSTRUCT
 * over the whole store would cost a second serialisation for nothing.
 */
public final class Dumps {

    /** A dump file and the data version it holds. */
    public record DumpFile(DumpFormat format, Path path, Instant version, String versionKey, long size) {
        public String etag() {
            return "\"" + versionKey + "-" + format.shortName + "\"";
        }
    }

    private static final org.apache.jena.query.Query UNION = org.apache.jena.query.QueryFactory.create(
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o }");
    /** Writing a dump of ten million statements takes a minute or two; an hour is a runaway. */
    private static final long DUMP_TIMEOUT_MILLIS = 3_600_000;

    private final Store store;
    private final Path dir;
    private final Map<DumpFormat, Object> locks = new EnumMap<>(DumpFormat.class);

    public Dumps(Store store, Path dir) {
        this.store = store;
        this.dir = dir;
        for (DumpFormat f : DumpFormat.values()) {
            locks.put(f, new Object());
        }
    }

    /** The dump of the current data, written first if the data changed since the last one. */
    public DumpFile file(DumpFormat format) {
        synchronized (locks.get(format)) {
            Instant version = store.contentModified();
            Path path = dir.resolve(versionKey(version) + "-" + format.fileName);
            if (!Files.isRegularFile(path)) {
                return regenerate(format);
            }
            return describe(format, path, version);
        }
    }

    /** The dump file of the current version if it was already written, else null (never writes). */
    public DumpFile existing(DumpFormat format) {
        Instant version = store.contentModified();
        Path path = dir.resolve(versionKey(version) + "-" + format.fileName);
        return Files.isRegularFile(path) ? describe(format, path, version) : null;
    }

    private DumpFile regenerate(DumpFormat format) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "writing-", "-" + format.fileName);
            Instant version;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                version = write(format, out);
            }
            Path path = dir.resolve(versionKey(version) + "-" + format.fileName);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            removeOlder(format, path);
            return describe(format, path, version);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dump into " + dir, e);
        }
    }

    /** Old versions go; a client still downloading one keeps its open file (POSIX semantics). */
    private void removeOlder(DumpFormat format, Path keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*-" + format.fileName)) {
            for (Path p : files) {
                if (!p.equals(keep) && !p.getFileName().toString().startsWith("writing-")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static DumpFile describe(DumpFormat format, Path path, Instant version) {
        try {
            return new DumpFile(format, path, version, versionKey(version), Files.size(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short, file-name-safe name for a data version. */
    public static String versionKey(Instant version) {
        return version == null ? "empty" : Long.toString(version.getEpochSecond() * 1_000_000L + version.getNano() / 1000, 36);
    }

    /**
     * Streams a dump of the current data to {@code out} (compressed as the format says) and
     * returns the data version it holds. {@code copgraph export} and the server write the same bytes.
     */
    public Instant write(DumpFormat format, OutputStream out) {
        return store.read(dsg -> {
            Instant version = store.contentModified();
            try {
                OutputStream sink = format.gzip ? new FastGzip(out) : out;
                OutputStream buffered = new BufferedOutputStream(sink, 1 << 16);
                switch (format) {
                    case NT -> triples(StreamRDFWriter.getWriterStream(buffered, RDFFormat.NTRIPLES_UTF8), false);
                    case TTL -> triples(StreamRDFWriter.getWriterStream(buffered, RDFFormat.TURTLE_BLOCKS), true);
                    case NQ -> quads(dsg, StreamRDFWriter.getWriterStream(buffered, RDFFormat.NQUADS_UTF8));
                    case JSONLD -> jsonld(buffered);
                }
                buffered.flush();
                if (sink instanceof FastGzip gz) {
                    gz.finish();
                }
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return version;
        });
    }

    private void triples(StreamRDF w, boolean prefixes) {
        w.start();
        if (prefixes) {
            Cop.PREFIXES.forEach(w::prefix);
        }
        unionTriples(w::triple);
        w.finish();
    }

    /**
     * The union graph, each triple once however many sources state it. Through SPARQL, not the
     * union graph's find(): TDB2 answers the query by walking an index in which a triple's copies
     * in different graphs sit side by side, so it streams, where find() keeps every triple seen in
     * a hash set (an OutOfMemoryError at 9 million statements under -Xmx1g).
     */
    private void unionTriples(java.util.function.Consumer<Triple> out) {
        store.query(UNION, org.apache.jena.sparql.engine.binding.BindingFactory.empty(), DUMP_TIMEOUT_MILLIS, exec -> {
            var rows = exec.select();
            while (rows.hasNext()) {
                var b = rows.next();
                out.accept(Triple.create(b.get("s"), b.get("p"), b.get("o")));
            }
            return null;
        });
    }

    private static void quads(DatasetGraph dsg, StreamRDF w) {
        w.start();
        var it = dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                w.quad(q);
            }
        } finally {
            Iter.close(it);
        }
        w.finish();
    }

    private void jsonld(OutputStream out) {
        JsonLdStreamWriter w = new JsonLdStreamWriter(out);
        unionTriples(w::triple);
        w.close();
    }

    /** gzip at the fastest level: dumps are written often and read by machines; speed beats a few percent of size. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
