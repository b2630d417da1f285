package org.w3id.copgraph.proposals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.model.Iris;

/**
 * What a proposal would change, against the published data as it is now (read inside one read
 * transaction of the store). Only source graphs count as "the data": the change log, graph/meta
 * and the derived metrics are copgraph's own and never proposed to.
 *
 * <ul>
 * <li>{@code new}: everything described is added.</li>
 * <li>{@code change}: for every IRI the description has statements about, and for each predicate
 * it gives that IRI, the current statements of that IRI and predicate not in the description are
 * removed and the described ones not there yet are added. Predicates the description leaves out
 * are left alone, so a proposal need only say what it changes. Statements of blank nodes come and
 * go with the statement that reaches them (a place written inline is replaced whole).</li>
 * <li>{@code remove}: every statement about the target, of the blank nodes and IRIs below it
 * ({@code target/...}) it reaches, and every statement pointing at it.</li>
 * </ul>
 */
final class Diff {

    record Result(Graph added, Graph removed) {
    }

    private final DatasetGraph data;
    private final Iris iris;

    Diff(DatasetGraph data, Iris iris) {
        this.data = data;
        this.iris = iris;
    }

    /** Whether the data holds any statement about {@code iri} (as a subject, in a source graph). */
    boolean exists(Node iri) {
        return !current(iri, Node.ANY, Node.ANY).isEmpty();
    }

    Result added(Graph description) {
        return new Result(copy(description), GraphFactory.createDefaultGraph());
    }

    /**
     * For the target and the IRIs below it, each (subject, predicate) the description gives is
     * replaced by the described values; statements pointing at the target ({@code ?x p target},
     * a form's inverse fields) are replaced per predicate the same way; about anything else the
     * description can only add, so a change to one CoP never takes a value away from another.
     */
    Result change(Node target, Graph description) {
        return change(target, description, Set.of());
    }

    /**
     * As {@link #change(Node, Graph)}, and each property of {@code cleared} (an inverse one as
     * {@code ^IRI}) is replaced for the target even where the description gives it no value, so
     * emptying a form's field removes what it held.
     */
    Result change(Node target, Graph description, Set<String> cleared) {
        Graph added = GraphFactory.createDefaultGraph();
        Graph removed = GraphFactory.createDefaultGraph();
        Set<Node> subjects = new LinkedHashSet<>();
        description.find().forEachRemaining(t -> subjects.add(t.getSubject()));
        for (Node s : subjects) {
            if (!s.isURI()) {
                continue;
            }
            boolean own = s.equals(target) || below(target, s);
            Set<Node> predicates = new LinkedHashSet<>();
            description.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> predicates.add(t.getPredicate()));
            if (s.equals(target)) {
                cleared.stream().filter(c -> !c.startsWith("^")).forEach(c -> predicates.add(NodeFactory.createURI(c)));
            }
            for (Node p : predicates) {
                if (own) {
                    for (Triple t : current(s, p, Node.ANY)) {
                        if (!description.contains(t)) {
                            removed.add(t);
                            if (t.getObject().isBlank()) {
                                walk(t.getObject(), n -> current(n, Node.ANY, Node.ANY), Node::isBlank, removed);
                            }
                        }
                    }
                }
                description.find(s, p, Node.ANY).forEachRemaining(t -> {
                    if (current(t.getSubject(), t.getPredicate(), t.getObject()).isEmpty()) {
                        added.add(t);
                        if (t.getObject().isBlank()) {
                            walk(t.getObject(), n -> description.find(n, Node.ANY, Node.ANY).toList(), Node::isBlank, added);
                        }
                    }
                });
            }
        }
        Set<Node> inverse = new LinkedHashSet<>();
        cleared.stream().filter(c -> c.startsWith("^")).forEach(c -> inverse.add(NodeFactory.createURI(c.substring(1))));
        description.find(Node.ANY, Node.ANY, target).forEachRemaining(t -> {
            if (!t.getSubject().equals(target)) {
                inverse.add(t.getPredicate());
            }
        });
        for (Node p : inverse) {
            for (Triple t : current(Node.ANY, p, target)) {
                if (!description.contains(t)) {
                    removed.add(t);
                }
            }
        }
        return new Result(added, removed);
    }

    Result remove(Node target) {
        Graph removed = GraphFactory.createDefaultGraph();
        walk(target, n -> current(n, Node.ANY, Node.ANY), o -> o.isBlank() || o.isURI() && below(target, o), removed);
        for (Triple t : current(Node.ANY, Node.ANY, target)) {
            removed.add(t);
        }
        return new Result(GraphFactory.createDefaultGraph(), removed);
    }

    private static boolean below(Node target, Node n) {
        String t = target.getURI();
        return n.getURI().startsWith(t + "/") || n.getURI().startsWith(t + "#");
    }

    /** The statements of the source graphs matching the pattern, each once. */
    Set<Triple> current(Node s, Node p, Node o) {
        Set<Triple> out = new LinkedHashSet<>();
        var it = data.findNG(Node.ANY, s, p, o);
        try {
            while (it.hasNext()) {
                Quad q = it.next();
                if (q.getGraph().isURI() && !iris.isMaintainedGraph(q.getGraph().getURI())) {
                    out.add(q.asTriple());
                }
            }
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        return out;
    }

    /**
     * The statements about {@code start} and about every node they lead to that {@code follow}
     * accepts, once each, into {@code out}: a blank node's closure, or what hangs off a removed resource.
     */
    private static void walk(Node start, java.util.function.Function<Node, Iterable<Triple>> about,
                             java.util.function.Predicate<Node> follow, Graph out) {
        Deque<Node> todo = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            for (Triple t : about.apply(n)) {
                out.add(t);
                if (follow.test(t.getObject())) {
                    todo.add(t.getObject());
                }
            }
        }
    }

    private static Graph copy(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }
}
