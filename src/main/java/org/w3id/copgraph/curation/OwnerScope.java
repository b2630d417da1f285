package org.w3id.copgraph.curation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * What an owner's link covers: their CoP and what hangs off it. A statement is covered when its
 * subject is the CoP, an IRI below the CoP's ({@code {cop}/...} or {@code {cop}#...}), or a blank
 * node reached from a covered subject through the statements themselves (a place, an offer written
 * inline). Anything else (another CoP, a shared practice, a person) is not the owner's to change.
 */
public final class OwnerScope {

    private OwnerScope() {
    }

    /** Whether every statement of {@code graphs} is covered by an owner of {@code cop}. */
    public static boolean covers(String cop, Graph... graphs) {
        if (cop == null) {
            return false;
        }
        for (Graph g : graphs) {
            Set<Node> reached = reached(cop, g);
            var it = g.find();
            try {
                while (it.hasNext()) {
                    Node s = it.next().getSubject();
                    if (!reached.contains(s) && !owned(cop, s)) {
                        return false;
                    }
                }
            } finally {
                it.close();
            }
        }
        return true;
    }

    private static boolean owned(String cop, Node n) {
        if (!n.isURI()) {
            return false;
        }
        String iri = n.getURI();
        return iri.equals(cop) || iri.startsWith(cop + "/") || iri.startsWith(cop + "#");
    }

    /** Blank nodes reached from owned subjects, following the statements of {@code g}. */
    private static Set<Node> reached(String cop, Graph g) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        g.find().mapWith(Triple::getSubject).filterKeep(s -> owned(cop, s)).forEachRemaining(todo::add);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) {
                continue;
            }
            g.find(n, Node.ANY, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isBlank).forEachRemaining(todo::add);
        }
        return seen;
    }
}
