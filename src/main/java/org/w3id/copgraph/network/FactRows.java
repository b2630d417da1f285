package org.w3id.copgraph.network;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * The statements the network is made of (one table per predicate the facts reader scans), kept in
 * memory beside the facts built from them. A change's added and removed statements are applied
 * here, and the facts made again from the table without reading the store: reading the store is
 * what made a rebuild take seconds (TDB2 decodes every node of every scan). Also written to disk
 * beside the store, keyed by the data version, so a restarted server does not read the store.
 *
 * <p>Nodes are kept once each (the store hands out a new object per row). Not thread-safe:
 * {@link #apply} makes a copy; a table once handed to a reader is never changed.
 */
final class FactRows {

    /** One statement of one predicate: subject, object and the named graph (source) it is in. */
    record Row(Node s, Node o, String g) {
    }

    private final Map<String, LinkedHashSet<Row>> byPredicate;
    private final Set<Node> keptTypes;

    private FactRows(Map<String, LinkedHashSet<Row>> byPredicate, Set<Node> keptTypes) {
        this.byPredicate = byPredicate;
        this.keptTypes = keptTypes;
    }

    /** An empty table of {@code predicates}; of rdf:type only the statements of {@code keptTypes}. */
    static FactRows of(Collection<String> predicates, Set<Node> keptTypes) {
        Map<String, LinkedHashSet<Row>> m = new LinkedHashMap<>();
        predicates.forEach(p -> m.put(p, new LinkedHashSet<>()));
        return new FactRows(m, keptTypes);
    }

    /** Fills a table: nodes shared, as {@link FactRows} keeps them. */
    static final class Filler {
        private final FactRows rows;
        private final Map<Node, Node> nodes = new HashMap<>();
        private final Map<String, String> graphs = new HashMap<>();

        Filler(FactRows rows) {
            this.rows = rows;
        }

        void add(String predicate, Node s, Node o, String g) {
            rows.byPredicate.get(predicate).add(new Row(intern(s), intern(o), graphs.computeIfAbsent(g, x -> x)));
        }

        Node intern(Node n) {
            Node known = nodes.putIfAbsent(n, n);
            return known != null ? known : n;
        }
    }

    /** Whether the table keeps statements of this predicate (with this object, for rdf:type). */
    boolean keeps(Node p, Node o) {
        if (!p.isURI() || !byPredicate.containsKey(p.getURI())) {
            return false;
        }
        return !p.getURI().equals(FactsReader.RDF_TYPE) || keptTypes.contains(o);
    }

    Collection<Row> rows(String predicate) {
        return byPredicate.getOrDefault(predicate, new LinkedHashSet<>());
    }

    long size() {
        long n = 0;
        for (Set<Row> s : byPredicate.values()) {
            n += s.size();
        }
        return n;
    }

    /**
     * A new table: this one with {@code removed} taken out and {@code added} put in (statements of
     * predicates it does not keep are ignored); null when the change touches none of them.
     */
    FactRows apply(Collection<Quad> added, Collection<Quad> removed) {
        boolean touches = false;
        for (Quad q : removed) {
            touches |= keeps(q.getPredicate(), q.getObject());
        }
        for (Quad q : added) {
            touches |= keeps(q.getPredicate(), q.getObject());
        }
        if (!touches) {
            return null;
        }
        Map<String, LinkedHashSet<Row>> copy = new LinkedHashMap<>();
        // Only the predicates the change touches are copied; the others are shared, never changed.
        byPredicate.forEach((p, rows) -> copy.put(p, rows));
        Set<String> copied = new java.util.HashSet<>();
        for (Quad q : removed) {
            if (keeps(q.getPredicate(), q.getObject()) && q.getGraph().isURI()) {
                String p = q.getPredicate().getURI();
                if (copied.add(p)) {
                    copy.put(p, new LinkedHashSet<>(byPredicate.get(p)));
                }
                copy.get(p).remove(new Row(q.getSubject(), q.getObject(), q.getGraph().getURI()));
            }
        }
        for (Quad q : added) {
            if (keeps(q.getPredicate(), q.getObject()) && q.getGraph().isURI()) {
                String p = q.getPredicate().getURI();
                if (copied.add(p)) {
                    copy.put(p, new LinkedHashSet<>(byPredicate.get(p)));
                }
                copy.get(p).add(new Row(q.getSubject(), q.getObject(), q.getGraph().getURI()));
            }
        }
        return new FactRows(copy, keptTypes);
    }

    // ---- on disk: a table of distinct nodes, then each predicate's rows as numbers into it ----

    private static final int MAGIC = 0x436f5046; // "CoPF"
    private static final int FORMAT = 1;

    /** Writes the table to {@code file} (through a temporary file, so a reader never sees half of one). */
    void write(Path file, String version) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Map<Node, Integer> ids = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        Map<String, Integer> graphIds = new HashMap<>();
        List<String> graphs = new ArrayList<>();
        for (Set<Row> rows : byPredicate.values()) {
            for (Row r : rows) {
                id(ids, nodes, r.s());
                id(ids, nodes, r.o());
                if (!graphIds.containsKey(r.g())) {
                    graphIds.put(r.g(), graphs.size());
                    graphs.add(r.g());
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeInt(keptTypes.size());
            for (Node t : keptTypes) {
                out.writeUTF(t.getURI());
            }
            out.writeInt(graphs.size());
            for (String g : graphs) {
                out.writeUTF(g);
            }
            out.writeInt(nodes.size());
            for (Node n : nodes) {
                writeNode(out, n);
            }
            out.writeInt(byPredicate.size());
            for (var e : byPredicate.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().size());
                for (Row r : e.getValue()) {
                    out.writeInt(ids.get(r.s()));
                    out.writeInt(ids.get(r.o()));
                    out.writeInt(graphIds.get(r.g()));
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The table in {@code file} if it was written for {@code version}, else null. */
    /** The data version the statements kept in {@code file} are of; null when there is no such file or it is of another format. */
    static String versionOf(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 12))) {
            return in.readInt() == MAGIC && in.readInt() == FORMAT ? in.readUTF() : null;
        }
    }

    static FactRows read(Path file, String version) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(version)) {
                return null;
            }
            Set<Node> kept = new LinkedHashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                kept.add(NodeFactory.createURI(in.readUTF()));
            }
            String[] graphs = new String[in.readInt()];
            for (int i = 0; i < graphs.length; i++) {
                graphs[i] = in.readUTF();
            }
            Node[] nodes = new Node[in.readInt()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = readNode(in);
            }
            Map<String, LinkedHashSet<Row>> m = new LinkedHashMap<>();
            for (int p = in.readInt(); p > 0; p--) {
                String predicate = in.readUTF();
                int n = in.readInt();
                LinkedHashSet<Row> rows = new LinkedHashSet<>(Math.max(16, (int) (n / 0.75f) + 1));
                for (int i = 0; i < n; i++) {
                    rows.add(new Row(nodes[in.readInt()], nodes[in.readInt()], graphs[in.readInt()]));
                }
                m.put(predicate, rows);
            }
            return new FactRows(m, kept);
        }
    }

    private static void id(Map<Node, Integer> ids, List<Node> nodes, Node n) {
        if (!ids.containsKey(n)) {
            ids.put(n, nodes.size());
            nodes.add(n);
        }
    }

    private static void writeNode(DataOutputStream out, Node n) throws IOException {
        if (n.isURI()) {
            out.writeByte('U');
            writeString(out, n.getURI());
        } else if (n.isBlank()) {
            out.writeByte('B');
            writeString(out, n.getBlankNodeLabel());
        } else {
            out.writeByte('L');
            writeString(out, n.getLiteralLexicalForm());
            writeString(out, n.getLiteralLanguage());
            writeString(out, n.getLiteralDatatypeURI());
        }
    }

    private static Node readNode(DataInputStream in) throws IOException {
        int kind = in.readByte();
        String a = readString(in);
        return switch (kind) {
            case 'U' -> NodeFactory.createURI(a);
            case 'B' -> NodeFactory.createBlankNode(a);
            default -> {
                String lang = readString(in);
                String dt = readString(in);
                yield lang.isEmpty() ? NodeFactory.createLiteralDT(a, TypeMapper.getInstance().getSafeTypeByName(dt))
                        : NodeFactory.createLiteralLang(a, lang);
            }
        };
    }

    // writeUTF stops at 64 KB: a long description could be longer.
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
