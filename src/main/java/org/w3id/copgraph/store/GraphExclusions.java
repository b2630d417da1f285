package org.w3id.copgraph.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDatasetNames;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadBlock;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.Path;

/**
 * The graphs a query of copgraph's data must leave out of a Virtuoso store's union (Virtuoso's own
 * graphs and copgraph's bookkeeping), narrowed to those that could change its answer. Virtuoso
 * checks every {@code define input:default-graph-exclude} on every statement it reads: at 10,000
 * CoPs the four exclusions made a domain listing 7 ms → 40 ms and a count 6 → 16 ms. Most queries
 * name predicates and classes none of Virtuoso's own graphs holds, and for them leaving such a
 * graph out changes nothing, so its pragma is not sent.
 *
 * <p>A statement pattern could match one of Virtuoso's graphs (read once: a few thousand
 * statements) when the graph holds a statement with the pattern's constants. The bookkeeping is
 * always left out: with the event stream's copies of changed resources it can hold any statement
 * of the data. A query keeps every exclusion
 * when it has what can reach any statement or node: a path that can be of length zero or a
 * negated property set, {@code GRAPH ?g} over no pattern, a property function, a dataset of its own.
 */
final class GraphExclusions {

    /** A graph to leave out, and whether a statement pattern could match one of its statements. */
    interface Excluded {
        String iri();

        /** {@code s}, {@code p}, {@code o}: a constant, or {@link Node#ANY} for a variable. */
        boolean couldMatch(Node s, Node p, Node o);
    }

    /** A graph whose statements are known (Virtuoso's own: they change only when its administrator maps tables). */
    record Known(String iri, Graph statements) implements Excluded {
        @Override
        public boolean couldMatch(Node s, Node p, Node o) {
            return statements.contains(s, p, o);
        }
    }

    /**
     * A graph that could hold any statement: copgraph's bookkeeping, where the event stream also
     * keeps a copy of every changed resource's description under a version IRI.
     */
    record Always(String iri) implements Excluded {
        @Override
        public boolean couldMatch(Node s, Node p, Node o) {
            return true;
        }
    }

    private final List<Excluded> graphs;

    GraphExclusions(List<Excluded> graphs) {
        this.graphs = List.copyOf(graphs);
    }

    /** Every graph, as the pragmas Virtuoso takes: for text it cannot analyse. */
    String all() {
        return pragmas(graphs);
    }

    /** The pragmas {@code query} needs: those of the graphs one of its patterns could match. */
    String forQuery(Query query) {
        if (query.hasDatasetDescription()) {
            return all();
        }
        Op op;
        try {
            op = Algebra.compile(query);
        } catch (RuntimeException e) {
            return all();
        }
        Patterns found = new Patterns();
        Walker.walk(op, found, new ExprVisitorBase());
        if (found.any) {
            return all();
        }
        List<Excluded> needed = new ArrayList<>();
        for (Excluded g : graphs) {
            if (found.patterns.stream().anyMatch(t -> g.couldMatch(t[0], t[1], t[2]))) {
                needed.add(g);
            }
        }
        return pragmas(needed);
    }

    private static String pragmas(List<Excluded> graphs) {
        StringBuilder b = new StringBuilder();
        for (Excluded g : graphs) {
            b.append("define input:default-graph-exclude <").append(g.iri()).append(">\n");
            b.append("define input:named-graph-exclude <").append(g.iri()).append(">\n");
        }
        return b.toString();
    }

    /** The statement patterns of a query (variables as ANY), or {@code any} when something can reach any statement. */
    private static final class Patterns extends OpVisitorBase {
        final List<Node[]> patterns = new ArrayList<>();
        boolean any;

        private void add(Node s, Node p, Node o) {
            patterns.add(new Node[] {constant(s), constant(p), constant(o)});
        }

        private void add(Triple t) {
            add(t.getSubject(), t.getPredicate(), t.getObject());
        }

        private static Node constant(Node n) {
            return n == null || !n.isConcrete() ? Node.ANY : n;
        }

        @Override
        public void visit(OpBGP op) {
            op.getPattern().forEach(this::add);
        }

        @Override
        public void visit(OpTriple op) {
            add(op.getTriple());
        }

        @Override
        public void visit(OpQuadPattern op) {
            op.getPattern().forEach(q -> add(q.asTriple()));
        }

        @Override
        public void visit(OpQuadBlock op) {
            op.getPattern().forEach(q -> add(q.asTriple()));
        }

        @Override
        public void visit(OpQuad op) {
            add(op.getQuad().asTriple());
        }

        @Override
        public void visit(OpPath op) {
            TriplePath tp = op.getTriplePath();
            if (tp.isTriple()) {
                add(tp.asTriple());
                return;
            }
            List<Node> predicates = new ArrayList<>();
            if (!links(tp.getPath(), predicates) || !minLengthAtLeastOne(tp.getPath())) {
                any = true;
                return;
            }
            predicates.forEach(p -> add(Node.ANY, p, Node.ANY));
        }

        @Override
        public void visit(OpGraph op) {
            Patterns inside = new Patterns();
            Walker.walk(op.getSubOp(), inside, new ExprVisitorBase());
            if (inside.patterns.isEmpty()) {
                any = true; // GRAPH ?g over no statement pattern lists the graphs themselves
            }
        }

        @Override
        public void visit(OpDatasetNames op) {
            any = true;
        }

        @Override
        public void visit(OpPropFunc op) {
            any = true;
        }
    }

    /** Adds the predicates {@code path} steps along to {@code out}; false when a step can be any predicate. */
    private static boolean links(Path path, List<Node> out) {
        if (path instanceof P_Link l) {
            out.add(l.getNode());
            return true;
        }
        if (path instanceof P_ReverseLink l) {
            out.add(l.getNode());
            return true;
        }
        if (path instanceof org.apache.jena.sparql.path.P_Path1 one) {
            return links(one.getSubPath(), out);
        }
        if (path instanceof org.apache.jena.sparql.path.P_Path2 two) {
            return links(two.getLeft(), out) && links(two.getRight(), out);
        }
        return false; // a negated property set, or a kind of path this does not know
    }

    /** Whether every way through {@code path} takes at least one step (a zero-length path matches every node). */
    static boolean minLengthAtLeastOne(Path path) {
        return minLength(path) >= 1;
    }

    private static long minLength(Path path) {
        if (path instanceof P_Link || path instanceof P_ReverseLink || path instanceof org.apache.jena.sparql.path.P_NegPropSet) {
            return 1;
        }
        if (path instanceof org.apache.jena.sparql.path.P_Inverse i) {
            return minLength(i.getSubPath());
        }
        if (path instanceof org.apache.jena.sparql.path.P_Seq s) {
            return minLength(s.getLeft()) + minLength(s.getRight());
        }
        if (path instanceof org.apache.jena.sparql.path.P_Alt a) {
            return Math.min(minLength(a.getLeft()), minLength(a.getRight()));
        }
        if (path instanceof org.apache.jena.sparql.path.P_OneOrMore1 o) {
            return minLength(o.getSubPath());
        }
        if (path instanceof org.apache.jena.sparql.path.P_OneOrMoreN o) {
            return minLength(o.getSubPath());
        }
        if (path instanceof org.apache.jena.sparql.path.P_Mod m) {
            return m.getMin() <= 0 ? 0 : m.getMin() * minLength(m.getSubPath());
        }
        if (path instanceof org.apache.jena.sparql.path.P_FixedLength f) {
            return f.getCount() * minLength(f.getSubPath());
        }
        // P_ZeroOrMore1, P_ZeroOrMoreN, P_ZeroOrOne, P_Distinct, P_Multi, P_Shortest and anything newer:
        return 0;
    }
}
