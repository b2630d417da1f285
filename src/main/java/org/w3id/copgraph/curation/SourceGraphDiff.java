package org.w3id.copgraph.curation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.model.Closures;

/**
 * What replacing a source graph's content with another changes, resource by resource: a resource
 * (an IRI subject) whose statements, with the blank nodes they lead to, are the same up to blank
 * node names is left alone entirely; otherwise its statements that differ are taken out and put
 * in. So re-importing the same data changes nothing at all (no change-log entry, no event-stream
 * member), and an edited record changes only its own resource.
 */
public record SourceGraphDiff(List<Triple> added, List<Triple> removed,
                              Set<Node> addedResources, Set<Node> changedResources, Set<Node> removedResources) {

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    public static SourceGraphDiff of(Graph before, Graph after) {
        Graph now = canonical(after);
        Set<Node> subjects = new LinkedHashSet<>();
        before.find().forEachRemaining(t -> {
            if (t.getSubject().isURI()) {
                subjects.add(t.getSubject());
            }
        });
        now.find().forEachRemaining(t -> {
            if (t.getSubject().isURI()) {
                subjects.add(t.getSubject());
            }
        });
        Set<Triple> add = new LinkedHashSet<>();
        Set<Triple> remove = new LinkedHashSet<>();
        Set<Node> added = new LinkedHashSet<>();
        Set<Node> changed = new LinkedHashSet<>();
        Set<Node> removed = new LinkedHashSet<>();
        for (Node s : subjects) {
            Graph old = Closures.describe(before, s);
            Graph neu = Closures.describe(now, s);
            if (old.isIsomorphicWith(neu)) {
                continue;
            }
            (old.isEmpty() ? added : neu.isEmpty() ? removed : changed).add(s);
            old.find().filterDrop(neu::contains).forEachRemaining(remove::add);
            neu.find().filterDrop(old::contains).forEachRemaining(add::add);
        }
        return new SourceGraphDiff(List.copyOf(add), List.copyOf(remove), added, changed, removed);
    }

    /** Literals as the store hands them back ("1.0", not "1.00"), so equal values compare equal. */
    private static Graph canonical(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(t.getSubject(), t.getPredicate(),
                t.getObject().isLiteral() ? CanonicalizeLiteral.get().apply(t.getObject()) : t.getObject()));
        return out;
    }

}
