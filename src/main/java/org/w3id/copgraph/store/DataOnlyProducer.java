package org.w3id.copgraph.store;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.Quad;

/**
 * Passes the index the statements of the named graphs only: the stored default graph is the
 * store's own bookkeeping and the event stream, which queries never see (their default graph is
 * the union of the named graphs), so a search must not find them either.
 */
final class DataOnlyProducer implements TextDocProducer {

    private final TextDocProducerTriples triples;

    DataOnlyProducer(TextIndex index) {
        this.triples = new TextDocProducerTriples(index);
    }

    @Override
    public void start() {
        triples.start();
    }

    @Override
    public void finish() {
        triples.finish();
    }

    @Override
    public void reset() {
        triples.reset();
    }

    @Override
    public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
        if (g == null || Quad.isDefaultGraph(g) || Quad.isUnionGraph(g)) {
            return;
        }
        triples.change(action, g, s, p, o);
    }
}
