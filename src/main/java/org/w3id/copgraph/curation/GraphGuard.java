package org.w3id.copgraph.curation;

import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * Stands between parsed statements and a bulk load, as {@code Curation}'s graph rules stand
 * between a change and the store: a statement for a graph copgraph maintains stops the load at
 * once, and the graphs written are noted for the change log. (Statements outside any named graph
 * never get here: {@code RdfFiles} refuses them, or puts a triple file's into the file's graph.)
 */
final class GraphGuard extends StreamRDFWrapper {

    private final Iris iris;
    private final Set<String> graphs = new TreeSet<>();
    private String last;

    GraphGuard(StreamRDF sink, Iris iris) {
        super(sink);
        this.iris = iris;
    }

    @Override
    public void quad(Quad q) {
        if (!q.getGraph().isURI()) {
            throw Problem.badRequest("graph-iri-required", "A graph is named by a blank node (" + q.getGraph()
                    + "): name every graph with an IRI that says where its statements came from.");
        }
        String g = q.getGraph().getURI();
        // Statements come grouped by graph: check each run of them once.
        if (!g.equals(last)) {
            // A bulk load from files may carry its sources' descriptions in graph/meta, as a load does.
            if (iris.isMaintainedGraph(g) && !g.equals(iris.metaGraph())) {
                throw new Problem(Problem.Kind.FORBIDDEN, "maintained-graph", "The graph " + g
                        + " is maintained by copgraph itself and cannot be loaded.");
            }
            graphs.add(g);
            last = g;
        }
        super.quad(q);
    }

    /** The graphs the statements went into, in order. */
    Set<String> graphs() {
        return graphs;
    }
}
