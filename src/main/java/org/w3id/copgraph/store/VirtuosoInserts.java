package org.w3id.copgraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.update.UpdateRequest;

/**
 * Statements to add, as operations Virtuoso 7 accepts, all in one request (so still all or
 * nothing). Measured on Debian's 7.2.5: one INSERT DATA of 2,000 statements fails ("generated SQL
 * text has exceeded 10000 lines"), 500 a piece take minutes, 100 a piece a few ms per statement; a
 * request whose compiled code passes 32 kB fails ("SQ199"); and INSERT DATA refuses blank nodes
 * ("not allowed in a constant clause"). So: INSERT DATA in chunks
 * of {@link #CHUNK}, and statements with blank nodes as {@code INSERT { ... } WHERE {}}, each
 * blank node's statements in one operation, since a label names one node only within one.
 */
final class VirtuosoInserts {

    static final int CHUNK = 50;

    /** Operations per request: one request's compiled code must stay under 32 kB ("SQ199"), about 300 statements. */
    static final int OPERATIONS_PER_REQUEST = 4;

    private VirtuosoInserts() {
    }

    /**
     * {@code first} (clears, deletes) followed by the inserts, as requests Virtuoso accepts. A change
     * of more than {@code CHUNK * OPERATIONS_PER_REQUEST} statements takes several requests, so it is
     * not all or nothing; copgraph's bookkeeping statements (the data version) go last, so readers
     * see the new version only once the whole change is there.
     */
    static List<UpdateRequest> requests(UpdateRequest first, List<Quad> quads) {
        List<Quad> ordered = new ArrayList<>(quads);
        ordered.sort(java.util.Comparator.comparing(q -> q.getGraph().getURI().startsWith("urn:x-copgraph:") ? 1 : 0));
        UpdateRequest all = new UpdateRequest();
        first.getOperations().forEach(all::add);
        add(all, ordered);
        List<UpdateRequest> out = new ArrayList<>();
        UpdateRequest current = new UpdateRequest();
        int ops = 0;
        for (org.apache.jena.update.Update u : all.getOperations()) {
            if (ops >= OPERATIONS_PER_REQUEST) {
                out.add(current);
                current = new UpdateRequest();
                ops = 0;
            }
            current.add(u);
            ops++;
        }
        if (!current.getOperations().isEmpty()) {
            out.add(current);
        }
        return out;
    }

    static void add(UpdateRequest request, List<Quad> quads) {
        List<Quad> plain = new ArrayList<>();
        List<Quad> blank = new ArrayList<>();
        for (Quad q : quads) {
            (q.getSubject().isBlank() || q.getObject().isBlank() ? blank : plain).add(q);
        }
        for (int i = 0; i < plain.size(); i += CHUNK) {
            QuadDataAcc acc = new QuadDataAcc();
            plain.subList(i, Math.min(plain.size(), i + CHUNK)).forEach(acc::addQuad);
            request.add(new UpdateDataInsert(acc));
        }
        for (List<Quad> group : chunks(components(blank))) {
            // One operation per graph: 7.2.5 fails a template with blank nodes in two GRAPH blocks
            // ("SR002: Function string_output_string needs a string output", checked with curl).
            Map<Node, List<Quad>> byGraph = new LinkedHashMap<>();
            group.forEach(q -> byGraph.computeIfAbsent(q.getGraph(), k -> new ArrayList<>()).add(q));
            for (List<Quad> inGraph : byGraph.values()) {
                UpdateModify op = new UpdateModify();
                inGraph.forEach(q -> op.getInsertAcc().addQuad(q));
                op.setElement(new ElementGroup());
                request.add(op);
            }
        }
    }

    /** The statements grouped so that statements sharing a blank node are in one group (union-find). */
    private static List<List<Quad>> components(List<Quad> quads) {
        Map<Node, Node> parent = new HashMap<>();
        for (Quad q : quads) {
            Node s = q.getSubject();
            Node o = q.getObject();
            if (s.isBlank() && o.isBlank()) {
                parent.put(root(parent, s), root(parent, o));
            } else {
                root(parent, s.isBlank() ? s : o);
            }
        }
        Map<Node, List<Quad>> groups = new LinkedHashMap<>();
        for (Quad q : quads) {
            Node key = root(parent, q.getSubject().isBlank() ? q.getSubject() : q.getObject());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(q);
        }
        return new ArrayList<>(groups.values());
    }

    private static Node root(Map<Node, Node> parent, Node n) {
        Node p = parent.computeIfAbsent(n, k -> k);
        if (p.equals(n)) {
            return n;
        }
        Node r = root(parent, p);
        parent.put(n, r);
        return r;
    }

    /** Whole groups packed into operations of about {@link #CHUNK} statements. */
    private static List<List<Quad>> chunks(List<List<Quad>> groups) {
        List<List<Quad>> out = new ArrayList<>();
        List<Quad> current = new ArrayList<>();
        for (List<Quad> g : groups) {
            if (!current.isEmpty() && current.size() + g.size() > CHUNK) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.addAll(g);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
