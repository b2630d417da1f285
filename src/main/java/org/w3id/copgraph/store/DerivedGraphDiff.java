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
 * The difference between what a derived graph (network metrics, suggestions) holds and what it is
 * to hold, subject by subject, planned on a read of the store and written by
 * {@link Store#writeDerivedDiff} in {@link Batch batches} while it is planned. TDB2 appends every statement written,
 * so rewriting a whole derived graph on each refresh made the store grow by that graph's size per
 * change until compacted; written this way it grows by what changed.
 *
 * <p>A subject whose statements are the same apart from its <em>stamps</em> (the data version it
 * was computed from, the time it was generated) keeps its old statements, stamps included: its
 * stamp then says when its content last changed, and an unchanged subject costs no write. The
 * graph's own description (the graph IRI as subject) is always brought up to date, in the last
 * batch: while the batches are written, each subject holds either its old statements or its new
 * ones (a subject is never split between batches), and the graph says the data version it was
 * computed from only once all of it is.
 */
public final class DerivedGraphDiff {

    /**
     * Statements added or removed per batch, about: the most a curated write waits for (about a
     * quarter of a second at TDB2's ~10,000 statements a second beside the text index's
     * listener), where the whole difference of a metrics refresh at 10,000 CoPs (260,000
     * statements, compared in the write) held the writer for 12-29 s. Batches go on in one
     * transaction while no request is under way (see {@link Store#writeDerivedDiff}): every
     * commit leaves TDB2 a copy of each block it touched, so more transactions, a larger store
     * until compacted.
     */
    static final int BATCH = 2_500;

    /** One transaction's part of the difference. */
    public record Batch(List<Quad> removes, List<Quad> adds) {
        void applyTo(DatasetGraph dataset) {
            removes.forEach(dataset::delete);
            adds.forEach(dataset::add);
        }

        int size() {
            return removes.size() + adds.size();
        }
    }

    private final DatasetGraph dataset;
    private final Node graph;
    private final Set<String> stamps;
    private final java.util.function.Consumer<Batch> sink;
    private final Set<Node> seen = new HashSet<>();
    private Batch open = new Batch(new ArrayList<>(), new ArrayList<>());
    private final Batch description = new Batch(new ArrayList<>(), new ArrayList<>());
    private long added;
    private long removed;
    private volatile int transactions;

    /**
     * @param dataset what the graph holds now (read only: nothing is written through it)
     * @param graph   the derived graph
     * @param stamps  predicates (IRIs) that do not count as a change of their subject
     * @param sink    given each batch as soon as it is full, and the last one by {@link #finish}
     */
    DerivedGraphDiff(DatasetGraph dataset, Node graph, Set<String> stamps, java.util.function.Consumer<Batch> sink) {
        this.dataset = dataset;
        this.graph = graph;
        this.stamps = stamps;
        this.sink = sink;
    }

    /** {@code subject} is to hold exactly {@code statements} (each with {@code subject} as subject). */
    public void subject(Node subject, List<Triple> statements) {
        seen.add(subject);
        Map<String, Quad> old = new HashMap<>();
        dataset.find(graph, subject, Node.ANY, Node.ANY).forEachRemaining(q -> old.put(key(q.getPredicate(), q.getObject()), q));
        boolean isDescription = subject.equals(graph);
        if (!isDescription && sameBesidesStamps(old, statements)) {
            return;
        }
        Batch into = isDescription ? description : open;
        for (Triple t : statements) {
            if (old.remove(key(t.getPredicate(), t.getObject())) == null) {
                into.adds().add(Quad.create(graph, t));
                added++;
            }
        }
        for (Quad q : old.values()) {
            into.removes().add(q);
            removed++;
        }
        if (open.size() >= BATCH) {
            sink.accept(open);
            open = new Batch(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Removes every subject of the graph not given to {@link #subject} since this diff was made. */
    void removeTheRest() {
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

    /** Hands over the last batch, with the graph's description, once every subject is given. */
    void finish() {
        open.removes().addAll(description.removes());
        open.adds().addAll(description.adds());
        sink.accept(open);
        open = new Batch(new ArrayList<>(), new ArrayList<>());
    }

    /** How many transactions the difference was written in. */
    public int transactions() {
        return transactions;
    }

    void wroteIn(int transactions) {
        this.transactions = transactions;
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
