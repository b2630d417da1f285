package org.w3id.copgraph.store;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * The view of the store a write transaction works on: it passes every change through and keeps
 * the net number of statements the change added to or removed from the named graphs, so the
 * store can keep its statement count exact without counting the store. A quad already there is
 * not added again, one not there is not removed; the stored default graph (bookkeeping) is not
 * counted. Graph views route back through it, so writes through {@code getGraph(g)} count too.
 */
final class CountingDatasetGraph extends DatasetGraphWrapper {

    private long delta;

    CountingDatasetGraph(DatasetGraph base) {
        super(base);
    }

    /** Statements added minus statements removed so far. */
    long delta() {
        return delta;
    }

    @Override
    public void add(Quad q) {
        if (isData(q.getGraph()) && !get().contains(q)) {
            delta++;
        }
        get().add(q);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        add(Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad q) {
        if (isData(q.getGraph()) && get().contains(q)) {
            delta--;
        }
        get().delete(q);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        delete(Quad.create(g, s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g == null || Node.ANY.equals(g) || isData(g)) {
            var it = get().findNG(g, s, p, o);
            try {
                delta -= Iter.count(it);
            } finally {
                Iter.close(it);
            }
        }
        get().deleteAny(g, s, p, o);
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
        get().getDefaultGraph().clear();
    }

    private static boolean isData(Node g) {
        return g != null && !Quad.isDefaultGraph(g) && !Quad.isUnionGraph(g);
    }
}
