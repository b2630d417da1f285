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
 * text has exceeded 10000 lines"), 500 a piece take minutes, 100 a piece a few ms per statement; and
 * INSERT DATA refuses blank nodes ("not allowed in a constant clause"). So: INSERT DATA in chunks
 * of {@link #CHUNK}, and statements with blank nodes as {@code INSERT { ... } WHERE {}}, each
 * blank node's statements in one operation, since a label names one node only within one.
 */
final class VirtuosoInserts {

    static final int CHUNK = 100;

    private VirtuosoInserts() {
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
            UpdateModify op = new UpdateModify();
            group.forEach(q -> op.getInsertAcc().addQuad(q));
            op.setElement(new ElementGroup());
            request.add(op);
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
