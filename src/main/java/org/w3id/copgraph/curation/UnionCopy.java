package org.w3id.copgraph.curation;

import org.apache.jena.graph.Graph;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.mem2.IndexingStrategy;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * An in-memory copy of the union of the statements a bulk load sends to the store, kept on the
 * way in, so that the SHACL check reads hash maps rather than TDB2's indexes (about four times
 * less work at 2 M statements). While loading, only the set of statements is kept (the loader
 * already has both cores busy); the indexes are built afterwards, in parallel. Only while it fits: past {@code maxStatements} the copy is
 * dropped and the check reads the store instead, so a load of any size still runs in the heap it
 * is given. The copy holds the terms as parsed; TDB2 stores some literals by value (an
 * {@code xsd:integer} "01" is read back as "1"), which no shape of ours looks at the lexical form of.
 */
final class UnionCopy extends StreamRDFWrapper {

    /** Heap per statement of the indexed copy, measured at 1.8 M statements (about 215 bytes). */
    static final long BYTES_PER_STATEMENT = 220;

    private final long maxStatements;
    private GraphMem2Roaring copy = new GraphMem2Roaring(IndexingStrategy.MANUAL);
    private long count;

    UnionCopy(StreamRDF sink, long maxStatements) {
        super(sink);
        this.maxStatements = maxStatements;
    }

    /** A copy that may take {@code share} of the heap. */
    static UnionCopy within(StreamRDF sink, double share) {
        return new UnionCopy(sink, (long) (Runtime.getRuntime().maxMemory() * share / BYTES_PER_STATEMENT));
    }

    @Override
    public void quad(Quad q) {
        super.quad(q);
        if (copy != null) {
            if (++count > maxStatements) {
                copy = null;
            } else {
                copy.add(q.asTriple());
            }
        }
    }

    /** Adds to the copy only (the loader has finished): statements written to the store after loading. */
    void alsoCopy(Quad q) {
        if (copy != null) {
            copy.add(q.asTriple());
        }
    }

    /** Whether the copy was kept (everything sent fitted), without indexing it yet. */
    boolean kept() {
        return copy != null;
    }

    /** The union of everything sent, indexed, or null if it grew too large to keep. */
    Graph union() {
        if (copy != null && !copy.isIndexInitialized()) {
            copy.initializeIndexParallel();
        }
        return copy;
    }
}
