package org.w3id.copgraph.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A store just after the seed graph was loaded into it, kept as its files: the build
 * ({@code mvn package}) loads {@code ontology/} and {@code data/} through the one write path
 * (SHACL check, change log, event stream, text index) and puts the store it leaves in the jar.
 * {@code serve} on a new store then copies those files in instead of loading the seed again,
 * when they were made from the same files under the same base IRI (the {@link #fingerprint()}):
 * the seed's statements, its change-log entry and its event are the build's, word for word.
 *
 * <p>Why: on two cores, parsing, checking and indexing 5,500 statements in a JVM that has not
 * yet loaded or compiled any of that code took 2.4–3.6 s of a 6.5 s start; copying 4 MB takes
 * milliseconds. The file holds each store file's length and its non-zero 4 kB blocks only: TDB2
 * grows its files 8 MB at a time, mostly zeros, and they are written back as sparse files.
 */
public final class SeedSnapshot {

    /** Where the build puts the snapshot, on the classpath. */
    public static final String RESOURCE = "/seed-snapshot.bin";

    private static final String MAGIC = "copgraph-seed-snapshot 1";
    private static final int BLOCK = 4096;

    private final String fingerprint;
    private final Instant made;
    private final List<String> graphs;
    private final long quads;
    private final java.util.function.Supplier<InputStream> source;

    private SeedSnapshot(String fingerprint, Instant made, List<String> graphs, long quads,
                         java.util.function.Supplier<InputStream> source) {
        this.fingerprint = fingerprint;
        this.made = made;
        this.graphs = graphs;
        this.quads = quads;
        this.source = source;
    }

    /** The snapshot the build put on the classpath, or null when there is none (a build that skipped it). */
    public static SeedSnapshot onClasspath() {
        if (SeedSnapshot.class.getResource(RESOURCE) == null) {
            return null;
        }
        return read(() -> SeedSnapshot.class.getResourceAsStream(RESOURCE));
    }

    /** The snapshot in {@code file}. */
    public static SeedSnapshot inFile(Path file) {
        return read(() -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static SeedSnapshot read(java.util.function.Supplier<InputStream> source) {
        try (DataInputStream in = open(source)) {
            return header(in, source);
        } catch (IOException e) {
            throw new UncheckedIOException("The seed snapshot cannot be read (rebuild with mvn package)", e);
        }
    }

    /** The header, written by {@link #write} before the files. */
    private static SeedSnapshot header(DataInputStream in, java.util.function.Supplier<InputStream> source) throws IOException {
        String fingerprint = in.readUTF();
        Instant made = Instant.parse(in.readUTF());
        int n = in.readInt();
        List<String> graphs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            graphs.add(in.readUTF());
        }
        return new SeedSnapshot(fingerprint, made, List.copyOf(graphs), in.readLong(), source);
    }

    private static DataInputStream open(java.util.function.Supplier<InputStream> source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source.get(), 1 << 16), 1 << 16));
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            in.close();
            throw new IOException("not a seed snapshot of this version of copgraph: " + magic);
        }
        return in;
    }

    /** What the seed files and base IRI were when it was made (see {@code Loader.seedFingerprint}). */
    public String fingerprint() {
        return fingerprint;
    }

    /** When the seed was loaded and checked: the time of its change-log entry. */
    public Instant made() {
        return made;
    }

    public List<String> graphs() {
        return graphs;
    }

    public long quads() {
        return quads;
    }

    /** Whether {@code dir} holds no store yet (absent or empty): the only place a snapshot is copied to. */
    public static boolean isNewStore(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the closed store in {@code storeDir} to {@code out}, with what it was made from. Lock
     * files are left out: TDB2's holds the process id of the build.
     */
    public static void write(Path storeDir, Path out, String fingerprint, Instant made, List<String> graphs, long quads) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(storeDir)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("tdb.lock")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), 1 << 16))) {
            o.writeUTF(MAGIC);
            o.writeUTF(fingerprint);
            o.writeUTF(made.toString());
            o.writeInt(graphs.size());
            for (String g : graphs) {
                o.writeUTF(g);
            }
            o.writeLong(quads);
            o.writeInt(files.size());
            byte[] block = new byte[BLOCK];
            for (Path f : files) {
                o.writeUTF(storeDir.relativize(f).toString().replace('\\', '/'));
                long length = Files.size(f);
                o.writeLong(length);
                try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                    for (long offset = 0; offset < length; offset += BLOCK) {
                        int n = in.readNBytes(block, 0, BLOCK);
                        if (!allZero(block, n)) {
                            o.writeLong(offset);
                            o.writeInt(n);
                            o.write(block, 0, n);
                        }
                    }
                }
                o.writeLong(-1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the seed snapshot " + out, e);
        }
    }

    /**
     * Copies the store's files into {@code dir}, which must be new (see {@link #isNewStore}): into
     * a directory beside it first, renamed into place once whole, so that a start stopped half-way
     * leaves a new store again, not half of one.
     */
    public void unpackInto(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.resolveSibling(abs.getFileName() + ".seed-" + ProcessHandle.current().pid());
        try {
            unpack(dir);
            Files.deleteIfExists(abs);
            Files.move(dir, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the seed snapshot into " + target, e);
        } finally {
            org.w3id.copgraph.Directories.deleteQuietly(dir);
        }
    }

    private void unpack(Path dir) throws IOException {
        try (DataInputStream in = open(source)) {
            header(in, source);
            int files = in.readInt();
            Files.createDirectories(dir);
            byte[] block = new byte[BLOCK];
            for (int i = 0; i < files; i++) {
                Path f = dir.resolve(in.readUTF()).normalize();
                if (!f.startsWith(dir.normalize())) {
                    throw new IOException("a file outside the store: " + f);
                }
                Files.createDirectories(f.getParent());
                long length = in.readLong();
                try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (long offset = in.readLong(); offset >= 0; offset = in.readLong()) {
                        int n = in.readInt();
                        in.readFully(block, 0, n);
                        ch.write(ByteBuffer.wrap(block, 0, n), offset);
                    }
                    // The zeros between and after the blocks written are holes: no disk, no time.
                    if (ch.size() < length) {
                        ch.write(ByteBuffer.wrap(new byte[1]), length - 1);
                    }
                }
            }
        }
    }

    private static boolean allZero(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
