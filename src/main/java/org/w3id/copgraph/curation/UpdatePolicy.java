package org.w3id.copgraph.curation;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.modify.request.Target;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateBinaryOp;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * What a SPARQL Update may ask for, checked on the parsed request before any of it runs, so a
 * refused request has touched nothing and waited for no lock.
 * <ul>
 * <li>{@code LOAD} is refused: copgraph fetches nothing on a client's behalf (no remote host, never
 * a local {@code file:}); data comes in as an upload to {@code POST /api/imports}. There is no
 * opt-in to fetching: an upload does the same without a peer that can hold the write lock.
 * {@code LOAD SILENT} loads nothing and, as SPARQL has SILENT operations do, does not fail.</li>
 * <li>{@code SERVICE} anywhere in a WHERE clause (sub-queries and EXISTS included) is refused.</li>
 * <li>{@code ADD}, {@code MOVE}, {@code COPY}, {@code CLEAR} and {@code DROP} of the DEFAULT graph
 * are refused: the default graph is the union of the source graphs, not a graph of its own. So
 * are {@code CLEAR}/{@code DROP ALL} and {@code NAMED}: they would empty every source at once.</li>
 * <li>Naming a graph copgraph maintains (meta, change log, network metrics), anywhere: in a
 * template, in DATA, in WHERE, in WITH, USING or USING NAMED, is a 403. Graphs reached through
 * a variable are kept away by {@link RecordingDatasetGraph}, which does not show them at all.</li>
 * </ul>
 * WITH, USING and USING NAMED only ever select among the store's own graphs: ARQ never
 * dereferences them, and a graph the store does not hold is simply empty.
 */
final class UpdatePolicy {

    private final Iris iris;

    UpdatePolicy(Iris iris) {
        this.iris = iris;
    }

    /**
     * Checks every operation; returns the request to run, which leaves out each {@code LOAD SILENT}
     * (SPARQL says a SILENT operation always succeeds: it loads nothing, as a refused LOAD would).
     */
    UpdateRequest check(UpdateRequest request) {
        UpdateRequest run = new UpdateRequest();
        run.setPrefixMapping(request.getPrefixMapping());
        for (Update u : request.getOperations()) {
            if (u instanceof UpdateLoad load && load.getSilent()) {
                continue;
            }
            u.visit(new Checker());
            run.add(u);
        }
        return run;
    }

    private final class Checker implements UpdateVisitor {

        @Override
        public void visit(UpdateLoad load) {
            // The IRI is not repeated: a relative one is resolved against the server's working directory.
            throw Problem.badRequest("load-refused", "SPARQL LOAD is not accepted: copgraph fetches nothing on a"
                    + " client's behalf. Upload the file instead: POST it to /api/imports (with ?graph=IRI for a"
                    + " triple format), as text/turtle, application/trig, application/n-quads or another RDF format.");
        }

        @Override
        public void visit(UpdateDrop drop) {
            dropClear(drop, "DROP");
        }

        @Override
        public void visit(UpdateClear clear) {
            dropClear(clear, "CLEAR");
        }

        @Override
        public void visit(UpdateCreate create) {
            graph(create.getGraph());
        }

        @Override
        public void visit(UpdateAdd add) {
            binary(add, "ADD");
        }

        @Override
        public void visit(UpdateCopy copy) {
            binary(copy, "COPY");
        }

        @Override
        public void visit(UpdateMove move) {
            binary(move, "MOVE");
        }

        @Override
        public void visit(UpdateDataInsert insert) {
            insert.getQuads().forEach(q -> graph(q.getGraph()));
        }

        @Override
        public void visit(UpdateDataDelete delete) {
            delete.getQuads().forEach(q -> graph(q.getGraph()));
        }

        @Override
        public void visit(UpdateDeleteWhere delete) {
            delete.getQuads().forEach(q -> graph(q.getGraph()));
        }

        @Override
        public void visit(UpdateModify modify) {
            graph(modify.getWithIRI());
            modify.getUsing().forEach(UpdatePolicy.this::graph);
            modify.getUsingNamed().forEach(UpdatePolicy.this::graph);
            modify.getInsertQuads().forEach(q -> graph(q.getGraph()));
            modify.getDeleteQuads().forEach(q -> graph(q.getGraph()));
            where(modify.getWherePattern());
        }

        private void dropClear(UpdateDropClear u, String verb) {
            if (u.isDefault()) {
                throw defaultGraph(verb + " DEFAULT");
            }
            if (u.isAll() || u.isAllNamed()) {
                // One line that empties every source: name the graphs; a whole store is an admin's restore.
                throw Problem.badRequest("graph-required", verb + (u.isAll() ? " ALL" : " NAMED") + " is not accepted: name"
                        + " each graph to " + verb.toLowerCase(java.util.Locale.ROOT) + ", e.g. " + verb + " GRAPH <"
                        + iris.graph("a-source") + ">. Replacing the whole data is an admin's restore.");
            }
            if (u.isOneGraph()) {
                if (arqGraphName(u.getGraph())) {
                    throw defaultGraph(verb + " of " + u.getGraph().getURI());
                }
                graph(u.getGraph());
            }
        }

        private void binary(UpdateBinaryOp u, String verb) {
            for (Target t : List.of(u.getSrc(), u.getDest())) {
                if (t.isDefault()) {
                    throw defaultGraph(verb + " with DEFAULT");
                }
                if (t.isOneNamedGraph()) {
                    if (arqGraphName(t.getGraph())) {
                        throw defaultGraph(verb + " with " + t.getGraph().getURI());
                    }
                    graph(t.getGraph());
                }
            }
        }
    }

    private Problem defaultGraph(String what) {
        return Problem.badRequest("graph-required", what + " is not accepted: copgraph's default graph is the union of"
                + " the source graphs, not a graph of its own. Name the graphs, e.g. COPY <" + iris.graph("a-source")
                + "> TO <" + iris.graph("another-source") + ">.");
    }

    /**
     * ARQ's own names for the default graph and the union ({@code urn:x-arq:DefaultGraph},
     * {@code urn:x-arq:UnionGraph}): as the source or target of a graph operation they mean the
     * default graph (COPY of the union into a source graph duplicated every statement).
     */
    private static boolean arqGraphName(Node g) {
        return g != null && g.isURI() && g.getURI().startsWith("urn:x-arq:");
    }

    /** A 403 for a graph copgraph maintains itself; variables, blank nodes and the default graph pass. */
    private void graph(Node g) {
        if (g != null && Quad.isUnionGraph(g)) {
            throw defaultGraph("Writing to, or naming with WITH/USING, " + g.getURI());
        }
        if (g != null && g.isURI() && iris.isMaintainedGraph(g.getURI())) {
            throw maintained(g.getURI());
        }
    }

    static Problem maintained(String graph) {
        return new Problem(Problem.Kind.FORBIDDEN, "maintained-graph", "The graph " + graph + " is maintained by"
                + " copgraph itself: it cannot be written, and updates cannot read it (query it at /sparql)."
                + " A source's description in graph/meta arrives with the source's upload or file.");
    }

    /** SERVICE and maintained graphs in a WHERE clause, down into sub-queries and EXISTS. */
    private void where(Element pattern) {
        if (pattern == null) {
            return;
        }
        Op op = Algebra.compile(pattern);
        List<Problem> found = new ArrayList<>();
        OpVisitorBase ops = new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                found.add(Problem.badRequest("service-refused", "SERVICE is not accepted in an update: copgraph"
                        + " fetches nothing on a client's behalf. Query the other service yourself and send the"
                        + " statements as INSERT DATA, or upload them to /api/imports."));
            }

            @Override
            public void visit(OpGraph graph) {
                check(graph.getNode());
            }

            @Override
            public void visit(OpQuadPattern quads) {
                check(quads.getGraphNode());
            }

            private void check(Node g) {
                if (g != null && g.isURI() && !Quad.isDefaultGraph(g) && iris.isMaintainedGraph(g.getURI())) {
                    found.add(maintained(g.getURI()));
                }
            }
        };
        Walker.walk(op, ops, new ExprVisitorBase());
        if (!found.isEmpty()) {
            throw found.get(0);
        }
    }
}
