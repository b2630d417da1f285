package org.w3id.copgraph.curation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.core.Quad;
import org.w3id.copgraph.Problem;

/**
 * A view of the store that records what a change really added and removed (a quad already there
 * is not "added"). Graph views route back through it, so SPARQL Update's CLEAR, DROP and LOAD
 * are recorded like INSERT and DELETE.
 */
final class RecordingDatasetGraph extends DatasetGraphWrapper {

    private final Set<Quad> added = new LinkedHashSet<>();
    private final Set<Quad> removed = new LinkedHashSet<>();

    RecordingDatasetGraph(DatasetGraph base) {
        super(base);
    }

    DatasetGraph base() {
        return get();
    }

    Set<Quad> added() {
        return added;
    }

    Set<Quad> removed() {
        return removed;
    }

    @Override
    public void add(Quad q) {
        if (q.isDefaultGraph() || Quad.isUnionGraph(q.getGraph())) {
            throw Problem.badRequest("graph-required", "Every statement lives in a named graph that says where it"
                    + " came from: write INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/your-source> { ... } }"
                    + " (or give ?graph= to the Graph Store Protocol).");
        }
        // Store literals in canonical form ("1.0", not "1.00"): TDB2 hands them back canonical,
        // and only the form it hands back can be deleted again.
        if (q.getObject().isLiteral()) {
            q = Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), CanonicalizeLiteral.get().apply(q.getObject()));
        }
        if (!get().contains(q)) {
            get().add(q);
            if (!removed.remove(q)) {
                added.add(q);
            }
        }
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        add(Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad q) {
        if (q.isDefaultGraph()) {
            // The stored default graph is copgraph's own bookkeeping, outside the data.
            return;
        }
        if (get().contains(q)) {
            get().delete(q);
            if (!added.remove(q)) {
                removed.add(q);
            }
        }
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        delete(Quad.create(g, s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        List<Quad> matches = new ArrayList<>();
        var it = g == null || Node.ANY.equals(g) ? get().findNG(g, s, p, o) : get().find(g, s, p, o);
        try {
            it.forEachRemaining(matches::add);
        } finally {
            Iter.close(it);
        }
        // Delete what find() returned as found: TDB2 hands back canonical literals ("1.0" for a
        // stored "1.00"), which contains() does not always match.
        for (Quad q : matches) {
            get().delete(q);
            if (!added.remove(q)) {
                removed.add(q);
            }
        }
    }

    /** The default graph is the union of the named graphs, as for queries; writing to it is refused. */
    @Override
    public Graph getDefaultGraph() {
        return GraphView.createUnionGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        graph.find().forEachRemaining(t -> add(Quad.create(graphName, t)));
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }
}
