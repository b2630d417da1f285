package org.w3id.copgraph.linkeddata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.store.Store;

/**
 * What harvesting partners use to copy copgraph and keep their copy current: the full dumps,
 * the VoID/DCAT description, the event stream of changes and the triple pattern fragments.
 */
public final class Harvest {

    private final Dumps dumps;
    private final DatasetDescription description;
    private final EventStream stream;
    private final Fragments fragments;

    public Harvest(Store store, Iris iris, java.util.function.Supplier<PublicUrl> publicUrl, Path dumpsDir, long queryTimeoutMillis) {
        this.dumps = new Dumps(store, dumpsDir);
        this.description = new DatasetDescription(store, iris, publicUrl, dumps);
        this.stream = new EventStream(store, iris, EventStream.DEFAULT_PAGE_SIZE);
        this.fragments = new Fragments(store, queryTimeoutMillis);
    }

    /** Where the dumps of a store in {@code storeDir} are kept: beside it, as TDB2 owns its directory. */
    public static Path dumpsDirFor(Path storeDir) {
        Path abs = storeDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-dumps");
    }

    /** A fresh directory for the dumps of a store that lives in memory. */
    public static Path temporaryDumpsDir() {
        try {
            Path dir = Files.createTempDirectory("copgraph-dumps");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Dumps dumps() {
        return dumps;
    }

    public DatasetDescription description() {
        return description;
    }

    /** The event stream; it is also the change listener that feeds itself from the one write path. */
    public EventStream stream() {
        return stream;
    }

    public Fragments fragments() {
        return fragments;
    }
}
