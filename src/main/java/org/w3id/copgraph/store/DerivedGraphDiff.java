package org.w3id.copgraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Writes a derived graph (network metrics, suggestions) as the difference from what it holds,
 * subject by subject, inside a {@link Store#writeDerived} change. TDB2 appends every statement
 * written, so rewriting a whole derived graph on each refresh made the store grow by that graph's
 * size per change until compacted; written this way it grows by what changed.
 *
 * <p>A subject whose statements are the same apart from its <em>stamps</em> (the data version it
 * was computed from, the time it was generated) keeps its old statements, stamps included: its
 * stamp then says when its content last changed, and an unchanged subject costs no write. The
 * graph's own description (the graph IRI as subject) is always brought up to date.
 */
public final class DerivedGraphDiff {

    private final DatasetGraph dataset;
    private final Node graph;
    private final Set<String> stamps;
    private final Set<Node> seen = new HashSet<>();
    private long added;
    private long removed;

    /**
     * @param dataset the dataset the change of {@link Store#writeDerived} is given
     * @param graph   the derived graph
     * @param stamps  predicates (IRIs) that do not count as a change of their subject
     */
    public DerivedGraphDiff(DatasetGraph dataset, Node graph, Set<String> stamps) {
        this.dataset = dataset;
        this.graph = graph;
        this.stamps = stamps;
    }

    /** {@code subject} is to hold exactly {@code statements} (each with {@code subject} as subject). */
    public void subject(Node subject, List<Triple> statements) {
        seen.add(subject);
        Map<String, Quad> old = new HashMap<>();
        dataset.find(graph, subject, Node.ANY, Node.ANY).forEachRemaining(q -> old.put(key(q.getPredicate(), q.getObject()), q));
        if (!subject.equals(graph) && sameBesidesStamps(old, statements)) {
            return;
        }
        for (Triple t : statements) {
            if (old.remove(key(t.getPredicate(), t.getObject())) == null) {
                dataset.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
                added++;
            }
        }
        for (Quad q : old.values()) {
            dataset.delete(q);
            removed++;
        }
    }

    /** Removes every subject of the graph not given to {@link #subject} since this diff was made. */
    public void removeTheRest() {
        List<Node> gone = new ArrayList<>();
        dataset.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
            if (!seen.contains(q.getSubject())) {
                gone.add(q.getSubject());
            }
        });
        for (Node s : new LinkedHashSet<>(gone)) {
            subject(s, List.of());
        }
    }

    public long added() {
        return added;
    }

    public long removed() {
        return removed;
    }

    private boolean sameBesidesStamps(Map<String, Quad> old, List<Triple> statements) {
        long oldOthers = old.values().stream().filter(q -> !isStamp(q.getPredicate())).count();
        long newOthers = 0;
        for (Triple t : statements) {
            if (isStamp(t.getPredicate())) {
                continue;
            }
            newOthers++;
            if (!old.containsKey(key(t.getPredicate(), t.getObject()))) {
                return false;
            }
        }
        return oldOthers == newOthers && oldOthers > 0;
    }

    private boolean isStamp(Node p) {
        return p.isURI() && stamps.contains(p.getURI());
    }

    /** A statement's predicate and object, literals by value: the store may give back another lexical form of a number. */
    static String key(Node p, Node o) {
        if (o.isLiteral()) {
            Object v;
            try {
                v = o.getLiteralValue();
            } catch (RuntimeException e) {
                v = o.getLiteralLexicalForm();
            }
            return p.getURI() + " " + o.getLiteralDatatypeURI() + " " + o.getLiteralLanguage() + " " + v;
        }
        return p + " " + o;
    }
}
