package org.w3id.copgraph.queries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of curated queries kept on disk, one directory per data version, so that a restarted
 * server answers from what it computed before instead of running every query again. An entry
 * is only ever read back for the data version it was computed on; other versions' directories
 * are deleted once the current one is complete. Losing the directory loses nothing but time.
 */
final class SavedAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(SavedAnswers.class);

    private final Path dir;

    SavedAnswers(Path dir) {
        this.dir = dir;
    }

    /** The rows saved for {@code key}, or null when there are none (or they cannot be read). */
    Rows read(String version, String name, String key) {
        Path f = file(version, name, key);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(f))) {
            String header = readLine(in);
            String[] parts = header.split(" ", 2);
            if (parts.length != 2 || !parts[1].equals(key)) {
                return null;
            }
            org.apache.jena.query.ResultSet rs = ResultSetMgr.read(in, ResultSetLang.RS_JSON);
            List<Binding> rows = new ArrayList<>();
            while (rs.hasNext()) {
                rows.add(rs.nextBinding());
            }
            return new Rows(Var.varList(rs.getResultVars()), rows, version, Instant.parse(parts[0]));
        } catch (IOException | RuntimeException e) {
            // A half-written or foreign file is not an answer: compute it again.
            LOG.warn("Ignoring unreadable saved answer {}: {}", f, e.getMessage());
            return null;
        }
    }

    /** Saves {@code rows}; written to a temporary file first so a reader never sees half of it. */
    void write(String name, String key, Rows rows) {
        Path f = file(rows.version(), name, key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), name, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write((rows.computedAt() + " " + key + "\n").getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(body,
                        RowSetStream.create(rows.vars(), rows.rows().iterator()));
                body.writeTo(out);
            }
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the answer of {} in {}: {}", name, f.getParent(), e.getMessage());
        }
    }

    /** Deletes the answers of every data version but {@code version}: they can never be read again. */
    void retainOnly(String version) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        String keep = versionDir(version);
        try (Stream<Path> versions = Files.list(dir)) {
            for (Path v : versions.filter(p -> !p.getFileName().toString().equals(keep)).toList()) {
                deleteTree(v);
            }
        } catch (IOException e) {
            LOG.warn("Could not clean {}: {}", dir, e.getMessage());
        }
    }

    private Path file(String version, String name, String key) {
        return dir.resolve(versionDir(version)).resolve(name + "-" + sha256(key).substring(0, 16) + ".srj");
    }

    private static String versionDir(String version) {
        return version.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.write(c);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
