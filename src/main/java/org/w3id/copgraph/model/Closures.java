package org.w3id.copgraph.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/** What belongs to one resource in a graph: the unit an event-stream member and an import's diff work on. */
public final class Closures {

    private Closures() {
    }

    /** A resource's statements and the blank nodes they lead to, as a graph of its own. */
    public static Graph describe(Graph source, Node resource) {
        Graph out = GraphFactory.createDefaultGraph();
        Deque<Node> todo = new ArrayDeque<>(List.of(resource));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            var it = source.find(s, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    out.add(t);
                    if (t.getObject().isBlank()) {
                        todo.push(t.getObject());
                    }
                }
            } finally {
                Iter.close(it);
            }
        }
        return out;
    }
}
