package org.w3id.copgraph.store;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.w3id.copgraph.Problem;

/**
 * A whole store as gzip N-Quads: every named graph (data, change log, derived graphs) and the
 * store's own bookkeeping in the default graph, ended by a checksum line,
 * {@code # copgraph-backup statements=N sha256=HEX}: a comment to every N-Quads reader, it
 * carries the number of statements and the SHA-256 of every byte before it (the uncompressed
 * statements). {@link #read} checks the whole gzip stream (its CRC and length trailer) and the
 * checksum before it hands anything on, so a cut-off or altered backup is refused before the
 * store is touched. Restoring goes through the one write path ({@code Curation#restore}).
 */
public final class Backup {

    static final String TRAILER = "# copgraph-backup ";
    private static final Pattern TRAILER_FIELDS = Pattern.compile(
            "# copgraph-backup statements=(\\d{1,18}) sha256=([0-9a-f]{64})");

    private Backup() {
    }

    /** Streams the store out in one read transaction, so the backup is one consistent state. */
    public static long write(Store store, OutputStream out) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                MessageDigest sha = sha256();
                DigestingOutputStream body = new DigestingOutputStream(gz, sha);
                StreamRDF w = StreamRDFWriter.getWriterStream(body, Lang.NQUADS);
                w.start();
                long[] n = {0};
                dsg.find().forEachRemaining(q -> {
                    w.quad(q);
                    n[0]++;
                });
                w.finish();
                body.flush();
                gz.write((TRAILER + "statements=" + n[0] + " sha256=" + HexFormat.of().formatHex(sha.digest()) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                gz.finish();
                return n[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A verified backup: its statements, and whether it carried a checksum. */
    public record Contents(DatasetGraph data, long statements, boolean checksummed) {
    }

    /**
     * Reads a backup in full and verifies it: the gzip stream to its end (CRC and length), then the
     * checksum line against the statements read. Any fault is a 400 {@code bad-backup} that says
     * what is wrong. A backup written before backups carried a checksum (copgraph before issue
     * 12) is refused unless {@code acceptWithoutChecksum}: its gzip trailer is still checked, but
     * a file cut between gzip members or rewritten whole would not be noticed.
     */
    public static Contents read(InputStream in, boolean acceptWithoutChecksum) {
        DatasetGraph incoming = DatasetGraphFactory.create();
        ChecksumReader body;
        long[] n = {0};
        try (GZIPInputStream gz = new WholeGzip(in)) {
            body = new ChecksumReader(gz);
            StreamRDF counting = new StreamRDFWrapper(StreamRDFLib.dataset(incoming)) {
                @Override
                public void quad(Quad q) {
                    n[0]++;
                    super.quad(q);
                }
            };
            // Blank nodes keep their stored labels (the writer encodes them): restoring a store's own
            // backup gives back the very same nodes, so what did not change is not a change.
            try {
                RDFParser.source(body).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded()).parse(counting);
            } catch (RiotException e) {
                // A file cut off mid-line fails to parse first: reading on says whether it is cut off.
                body.transferTo(OutputStream.nullOutputStream());
                throw bad("its N-Quads do not parse (" + e.getMessage() + ")");
            }
            // The parser may stop before the end: the gzip trailer is checked only when read.
            body.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException e) {
            throw bad("it is not gzip, or its compressed data is damaged (" + e.getMessage() + ")");
        } catch (java.io.EOFException e) {
            throw bad("it is cut off: the gzip stream ends before its end (no CRC and length trailer)");
        } catch (IOException e) {
            throw bad("it cannot be read (" + e.getMessage() + ")");
        }
        return new Contents(incoming, n[0], body.verify(n[0], acceptWithoutChecksum));
    }

    private static Problem bad(String what) {
        return Problem.badRequest("bad-backup", "Not a complete copgraph backup: " + what + ". Nothing was restored.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * A gzip stream that must end where its data ends. {@link GZIPInputStream} silently stops at
     * bytes after the last member's trailer that are no gzip header, so a backup with something
     * appended would pass as whole.
     */
    private static final class WholeGzip extends GZIPInputStream {
        private boolean endChecked;

        WholeGzip(InputStream in) throws IOException {
            super(in, 1 << 16);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r == -1 && !endChecked) {
                endChecked = true;
                // The inflater's unread input holds the 8-byte trailer, and anything after it.
                if (inf.getRemaining() > 8 || in.read() != -1) {
                    throw new ZipException("data follows the end of the gzip stream");
                }
            }
            return r;
        }
    }

    /** Hashes what passes through it, on the way to the gzip stream. */
    private static final class DigestingOutputStream extends FilterOutputStream {
        private final MessageDigest sha;

        DigestingOutputStream(OutputStream out, MessageDigest sha) {
            super(out);
            this.sha = sha;
        }

        @Override
        public void write(int b) throws IOException {
            sha.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha.update(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // The gzip stream is closed by its owner, after the checksum line.
        }
    }

    /**
     * Passes the uncompressed backup through to the parser, hashing every line up to the checksum
     * line and keeping that line; anything but blank space after it makes the backup bad.
     */
    private static final class ChecksumReader extends FilterInputStream {
        private final MessageDigest sha = sha256();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private String trailer;
        private boolean afterTrailer;

        ChecksumReader(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                endOfLine();
            } else {
                take((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n < 0) {
                endOfLine();
            }
            for (int i = 0; i < n; i++) {
                take(buf[off + i]);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Every byte must be seen: skipping reads.
            return super.read(new byte[(int) Math.min(n, 8192)]);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // The parser closes what it reads; the rest must still be read to check the gzip trailer.
        }

        private void take(byte b) {
            line.write(b);
            if (b == '\n') {
                endOfLine();
            }
        }

        private void endOfLine() {
            if (line.size() == 0) {
                return;
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            if (trailer != null) {
                afterTrailer |= !new String(bytes, StandardCharsets.UTF_8).isBlank();
            } else if (startsWithTrailer(bytes)) {
                trailer = new String(bytes, StandardCharsets.US_ASCII).strip();
            } else {
                sha.update(bytes);
            }
        }

        private static boolean startsWithTrailer(byte[] bytes) {
            byte[] t = TRAILER.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length < t.length) {
                return false;
            }
            for (int i = 0; i < t.length; i++) {
                if (bytes[i] != t[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the backup carried a checksum, which matched; a fault is thrown. */
        boolean verify(long statements, boolean acceptWithoutChecksum) {
            if (trailer == null) {
                if (acceptWithoutChecksum) {
                    return false;
                }
                throw bad("it has no checksum line (\"" + TRAILER + "statements=N sha256=HEX\" at its end): it was cut"
                        + " off, or written by a copgraph from before backups carried one. An admin who trusts an"
                        + " old backup can restore it with --force (POST /api/admin/restore?force=true)");
            }
            if (afterTrailer) {
                throw bad("there are statements after its checksum line");
            }
            Matcher m = TRAILER_FIELDS.matcher(trailer);
            if (!m.matches()) {
                throw bad("its checksum line is malformed: \"" + trailer + "\"");
            }
            if (Long.parseLong(m.group(1)) != statements) {
                throw bad("it holds " + statements + " statements; its checksum line says " + m.group(1));
            }
            if (!HexFormat.of().formatHex(sha.digest()).equals(m.group(2))) {
                throw bad("its statements do not match the SHA-256 of its checksum line: the file was altered");
            }
            return true;
        }
    }
}
