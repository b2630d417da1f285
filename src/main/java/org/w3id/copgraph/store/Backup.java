package org.w3id.copgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.w3id.copgraph.Problem;

/**
 * A whole store as gzip N-Quads: every named graph (data, change log, derived graphs) and the
 * store's own bookkeeping in the default graph. Restoring a backup gives back the same store.
 */
public final class Backup {

    private Backup() {
    }

    /** Streams the store out in one read transaction, so the backup is one consistent state. */
    public static long write(Store store, OutputStream out) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
                StreamRDF w = StreamRDFWriter.getWriterStream(gz, Lang.NQUADS);
                w.start();
                long[] n = {0};
                dsg.find().forEachRemaining(q -> {
                    w.quad(q);
                    n[0]++;
                });
                w.finish();
                gz.finish();
                return n[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Replaces the whole store with a backup, in one write transaction. The backup is parsed in
     * full first: a broken file changes nothing.
     */
    public static long restore(Store store, InputStream in) {
        DatasetGraph incoming = DatasetGraphFactory.create();
        try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
            RDFParser.source(gz).lang(Lang.NQUADS).parse(incoming);
        } catch (IOException | RiotException e) {
            throw Problem.badRequest("bad-backup", "Not a copgraph backup (gzip N-Quads): " + e.getMessage());
        }
        long[] n = {0};
        store.write(dsg -> {
            dsg.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            dsg.getDefaultGraph().clear();
            incoming.find().forEachRemaining(q -> {
                dsg.add(q);
                n[0]++;
            });
        });
        return n[0];
    }

}
