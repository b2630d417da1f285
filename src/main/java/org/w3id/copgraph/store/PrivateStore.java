package org.w3id.copgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.w3id.copgraph.Problem;

/**
 * A second dataset, apart from the published one: what copgraph keeps but does not publish
 * (proposals waiting for review with their proposers' contacts, hashes of owner links). It is
 * never part of the SPARQL union, the dumps, VoID or the event stream, because none of them is
 * given this dataset: they all read {@link Store}.
 *
 * <p>On disk it is a TDB2 database in {@code <store>/private}, so copying the store directory
 * copies it too (TDB2 itself only looks at its {@code Data-NNNN} directories). For a remote store
 * the local {@code --store} directory still holds it. It is opened on first use, so commands that
 * never touch proposals (load, query, export) never open it.
 */
public final class PrivateStore implements AutoCloseable {

    private final Path dir;
    private DatasetGraph dsg;

    private PrivateStore(Path dir, DatasetGraph dsg) {
        this.dir = dir;
        this.dsg = dsg;
    }

    /** The private dataset of the store in {@code storeDir}: {@code <storeDir>/private}. */
    public static PrivateStore beside(Path storeDir) {
        return new PrivateStore(storeDir.resolve("private"), null);
    }

    /** An in-memory one, for in-memory stores (tests). */
    public static PrivateStore inMemory() {
        return new PrivateStore(null, DatabaseMgr.createDatasetGraph());
    }

    private synchronized DatasetGraph dataset() {
        if (dsg == null) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Cannot create the private store directory " + dir, e);
            }
            try {
                dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
            } catch (org.apache.jena.dboe.DBOpEnvException e) {
                throw new Problem(Problem.Kind.CONFLICT, "store-locked", "The private store is in use by another"
                        + " process. Stop that process (a running `copgraph serve`?) or give another --store DIR.");
            }
        }
        return dsg;
    }

    public <T> T read(Function<DatasetGraph, T> action) {
        DatasetGraph d = dataset();
        return Txn.calculateRead(d, () -> action.apply(d));
    }

    /** One write transaction; an exception thrown by {@code change} aborts it. */
    public void write(Consumer<DatasetGraph> change) {
        DatasetGraph d = dataset();
        Txn.executeWrite(d, () -> change.accept(d));
    }

    @Override
    public synchronized void close() {
        if (dsg == null) {
            return;
        }
        if (dir != null) {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        } else {
            dsg.close();
        }
        dsg = null;
    }
}
