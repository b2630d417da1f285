package org.w3id.copgraph.curation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.DatasetGraphWrapperView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.core.Quad;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * The store as a change sees it, recording what the change really added and removed (a quad
 * already there is not "added"). Graph views route back through it, so SPARQL Update's CLEAR and
 * DROP are recorded like INSERT and DELETE.
 *
 * <p>It shows a change only the source graphs: the graphs copgraph maintains (meta, change log,
 * network metrics) and the store's bookkeeping in the stored default graph are not there at all,
 * neither by name ({@code GRAPH <changes>}, {@code USING}, {@code WITH}) nor through a variable
 * ({@code GRAPH ?g}), and the default graph is the union of the source graphs. So no update can
 * read them, let alone copy them into a source graph. Reads for the write path's own work (the
 * SHACL check, the change log) go to the store itself. It is a {@link DatasetGraphWrapperView}:
 * ARQ would otherwise run an update's WHERE on the store underneath, past this view.
 */
final class RecordingDatasetGraph extends DatasetGraphWrapper implements DatasetGraphWrapperView {

    private final Set<Quad> added = new LinkedHashSet<>();
    private final Set<Quad> removed = new LinkedHashSet<>();
    private final Iris iris;

    RecordingDatasetGraph(DatasetGraph base, Iris iris) {
        super(base);
        this.iris = iris;
    }

    /** Whether a graph name is one a change may see: a source graph. */
    private boolean visible(Node g) {
        return g != null && !Quad.isDefaultGraph(g) && !Quad.isUnionGraph(g)
                && !(g.isURI() && iris.isMaintainedGraph(g.getURI()));
    }

    private boolean hidden(Quad q) {
        return !visible(q.getGraph());
    }

    @Override
    public Iterator<Quad> find() {
        return findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad q) {
        return find(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        if (g == null || Node.ANY.equals(g)) {
            return findNG(g, s, p, o);
        }
        if (Quad.isDefaultGraph(g) || Quad.isUnionGraph(g)) {
            // As ARQ's union graph does: each statement once, in the default graph's name.
            Node name = g;
            return Iter.iter(findNG(Node.ANY, s, p, o)).map(q -> Quad.create(name, q.asTriple())).distinct();
        }
        return visible(g) ? get().find(g, s, p, o) : Iter.nullIterator();
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        if (g != null && !Node.ANY.equals(g) && !visible(g)) {
            return Iter.nullIterator();
        }
        return Iter.iter(get().findNG(g, s, p, o)).filter(q -> !hidden(q));
    }

    @Override
    public boolean contains(Quad q) {
        return contains(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        Iterator<Quad> it = find(g, s, p, o);
        try {
            return it.hasNext();
        } finally {
            Iter.close(it);
        }
    }

    @Override
    public boolean containsGraph(Node g) {
        return Quad.isDefaultGraph(g) || Quad.isUnionGraph(g) || visible(g) && get().containsGraph(g);
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        return Iter.iter(get().listGraphNodes()).filter(this::visible);
    }

    @Override
    public boolean isEmpty() {
        return !contains(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public long size() {
        return Iter.count(listGraphNodes());
    }

    @Override
    public Graph getUnionGraph() {
        return getDefaultGraph();
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

    /**
     * Deletes what matches among the graphs a change sees (see {@link #find}); a pattern naming a
     * maintained graph matches nothing. The write path's own bookkeeping uses {@link #deleteAnyInStore}.
     */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g != null && (Quad.isDefaultGraph(g) || Quad.isUnionGraph(g))) {
            // The default graph is a view of the source graphs; it holds nothing to delete by itself.
            return;
        }
        deleteMatches(find(g, s, p, o));
    }

    /** Deletes what matches in the store, maintained graphs included (restores, descriptions in meta). */
    void deleteAnyInStore(Node g, Node s, Node p, Node o) {
        deleteMatches(g == null || Node.ANY.equals(g) ? get().findNG(g, s, p, o) : get().find(g, s, p, o));
    }

    private void deleteMatches(Iterator<Quad> it) {
        List<Quad> matches = new ArrayList<>();
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
