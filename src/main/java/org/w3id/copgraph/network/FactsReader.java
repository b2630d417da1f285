package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/**
 * Reads the facts the network is made of from the store in a few streaming scans: one query per
 * predicate ({@code GRAPH ?g { ?s <p> ?o }}, an index range scan), joined here in memory, rather
 * than SPARQL joins with OPTIONALs and FILTER NOT EXISTS over the union graph (50 s at 10,000
 * CoPs, against a few seconds). Every statement keeps the named graph (the source) it came from.
 * Reads go through {@link Store#query}, so a remote SPARQL store works too.
 */
final class FactsReader {

    private static final String PREFIXES = String.join("\n", Cop.PREFIXES.entrySet().stream()
            .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">").toList()) + "\n";

    /** One predicate's statements in every named graph; {@code ?p} is bound per scan. */
    private static final Query SCAN = q("SELECT ?s ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query TYPES = q("""
            SELECT ?s ?t WHERE {
              VALUES ?t { cop:CommunityOfPractice foaf:Person schema:Person schema:Event cop:Practice skos:Concept
                          org:Organization foaf:Organization }
              GRAPH ?g { ?s a ?t } FILTER(isIRI(?s)) }""");

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final Node SUGGESTION = NodeFactory.createURI(Cop.NS + "Suggestion");

    private final Store store;
    private final long timeoutMillis;

    /**
     * @param timeoutMillis the query timeout of the store; a scan gets at least ten minutes, since
     *                      it streams every statement of one predicate (a million at 50,000 CoPs)
     */
    FactsReader(Store store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = Math.max(timeoutMillis, 600_000);
    }

    /** Every predicate the facts are read from (rdf:type only with the classes of {@link #KEPT_TYPES}). */
    static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final Set<Node> NODE_TYPES = FactsJoin.NODE_TYPES;
    static final Set<Node> KEPT_TYPES;
    static final List<String> PREDICATES = List.of(RDF_TYPE, "http://www.w3.org/ns/prov#agent", Cop.NS + "target",
            "http://purl.org/dc/terms/date", Cop.NS + "strength", Cop.NS + "evidenceStatus", Cop.NS + "direction",
            "http://purl.org/dc/terms/source", "http://www.w3.org/ns/prov#hadActivity", Cop.NS + "transferred",
            "http://www.w3.org/ns/org#member", "http://www.w3.org/ns/org#organization", "http://www.w3.org/ns/org#role",
            "http://schema.org/startDate", Cop.NS + "crossPollinatedBy", "http://www.w3.org/ns/org#memberOf",
            Cop.NS + "hasPractice", Cop.NS + "usesTool", Cop.NS + "practiceOf", Cop.NS + "domain", "http://schema.org/organizer",
            Cop.NS + "guest", Cop.NS + "facilitator", Cop.NS + "partner", Cop.NS + "hostedBy", Cop.NS + "inNetwork",
            Cop.NS + "partOfEcosystem", "http://www.w3.org/ns/org#unitOf", Cop.NS + "hosts",
            "http://www.w3.org/2000/01/rdf-schema#label");

    static {
        Set<Node> kept = new java.util.LinkedHashSet<>(NODE_TYPES);
        kept.add(uri(Cop.NS + "CrossPollination"));
        kept.add(uri("http://www.w3.org/ns/org#Membership"));
        kept.add(uri(Cop.NS + "Suggestion"));
        KEPT_TYPES = java.util.Collections.unmodifiableSet(kept);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The facts of the store now (every statement they are made of read from it; see {@link #readRows}). */
    Facts read() {
        return facts(readRows());
    }

    /** The statements the facts are made of, in one streaming scan per predicate (rdf:type: per kept class). */
    FactRows readRows() {
        FactRows rows = FactRows.of(PREDICATES, KEPT_TYPES);
        FactRows.Filler fill = new FactRows.Filler(rows);
        for (String p : PREDICATES) {
            Binding b = BindingFactory.binding(Var.alloc("p"), NodeFactory.createURI(p));
            if (p.equals(RDF_TYPE)) {
                for (Node o : KEPT_TYPES) {
                    select(SCAN_OBJECT, BindingFactory.binding(b, Var.alloc("o"), o), r -> fill.add(p, r.get("s"), o, r.get("g").getURI()));
                }
            } else {
                select(SCAN, b, r -> fill.add(p, r.get("s"), r.get("o"), r.get("g").getURI()));
            }
        }
        return rows;
    }

    /** The facts made of {@code rows}: the joins done in memory, no store read (see {@link FactsJoin}). */
    static Facts facts(FactRows rows) {
        return FactsJoin.make(rows, null).facts();
    }

    private static final Query SCAN_OBJECT = q("SELECT ?s ?g WHERE { GRAPH ?g { ?s ?p ?o } }");

    private void select(Query query, Binding substitution, Consumer<Binding> row) {
        store.query(query, substitution, timeoutMillis, exec -> {
            var rows = exec.select();
            while (rows.hasNext()) {
                row.accept(rows.next());
            }
            return null;
        });
    }

    /** One {@code cop:Suggestion}: who could help whom, with what, how well, and why. */
    record SuggestionParts(String iri, String graph, String agent, String target, String score, String rank,
                           List<String> couldMove, List<ReasonParts> reasons) {
    }

    /** One {@code cop:SuggestionReason}: its kind (a local name), its sentence, what it rests on and where from. */
    record ReasonParts(String kind, String text, List<String> via, List<String> sources) {
    }

    private static final Query STAMP = q("SELECT ?t WHERE { GRAPH ?g { ?g prov:generatedAtTime ?t } }");

    /** When {@code graph} (the derived graph of suggestions) was last written, or null when it is not there: one lookup. */
    String stamp(String graph) {
        String[] t = {null};
        select(STAMP, BindingFactory.binding(Var.alloc("g"), NodeFactory.createURI(graph)), r -> t[0] = r.get("t").toString());
        return t[0];
    }

    /**
     * The suggestions stated in {@code graph}, read in a few scans of that graph only (it is small:
     * the best few per CoP). Apart from the facts: they are rewritten without the data changing.
     */
    List<SuggestionParts> readSuggestions(String graph) {
        Map<Node, Node[]> details = new LinkedHashMap<>();
        scanIn(graph, RDF + "type", (s, o) -> {
            if (o.equals(SUGGESTION)) {
                details.putIfAbsent(s, new Node[4]);
            }
        });
        String[] props = {PROV + "agent", Cop.NS + "target", Cop.NS + "score", Cop.NS + "rank"};
        for (int i = 0; i < props.length; i++) {
            int slot = i;
            scanIn(graph, props[i], (s, o) -> {
                Node[] d = details.get(s);
                if (d != null && d[slot] == null) {
                    d[slot] = o;
                }
            });
        }
        Map<Node, List<String>> transferred = new HashMap<>();
        scanIn(graph, Cop.NS + "transferred", (s, o) -> {
            if (details.containsKey(s) && o.isURI()) {
                transferred.computeIfAbsent(s, k -> new ArrayList<>(2)).add(o.getURI());
            }
        });
        Map<Node, List<Node>> reasonsOf = new HashMap<>();
        Set<Node> reasonNodes = new HashSet<>();
        scanIn(graph, Cop.NS + "reason", (s, o) -> {
            if (details.containsKey(s) && !o.isLiteral()) {
                reasonsOf.computeIfAbsent(s, k -> new ArrayList<>(3)).add(o);
                reasonNodes.add(o);
            }
        });
        Map<Node, String> kinds = new HashMap<>();
        Map<Node, String> comments = new HashMap<>();
        Map<Node, List<String>> vias = new HashMap<>();
        Map<Node, List<String>> sources = new HashMap<>();
        scanIn(graph, Cop.NS + "reasonKind", (s, o) -> {
            if (reasonNodes.contains(s)) {
                kinds.putIfAbsent(s, local(o));
            }
        });
        scanIn(graph, RDFS + "comment", (s, o) -> {
            // English first, as for labels.
            if (reasonNodes.contains(s) && o.isLiteral() && ("en".equals(o.getLiteralLanguage()) || !comments.containsKey(s))) {
                comments.put(s, o.getLiteralLexicalForm());
            }
        });
        scanIn(graph, Cop.NS + "via", (s, o) -> {
            if (reasonNodes.contains(s) && o.isURI()) {
                vias.computeIfAbsent(s, k -> new ArrayList<>(2)).add(o.getURI());
            }
        });
        scanIn(graph, DCT + "source", (s, o) -> {
            if (reasonNodes.contains(s) && o.isURI()) {
                sources.computeIfAbsent(s, k -> new ArrayList<>(2)).add(o.getURI());
            }
        });
        List<SuggestionParts> out = new ArrayList<>();
        details.forEach((s, d) -> {
            if (d[0] == null || d[1] == null || !d[0].isURI() || !d[1].isURI()) {
                return;
            }
            List<ReasonParts> reasons = new ArrayList<>();
            for (Node r : reasonsOf.getOrDefault(s, List.of())) {
                List<String> src = sources.getOrDefault(r, List.of());
                reasons.add(new ReasonParts(kinds.get(r), comments.get(r), vias.getOrDefault(r, List.of()),
                        src.isEmpty() ? List.of(graph) : List.copyOf(new java.util.LinkedHashSet<>(src))));
            }
            out.add(new SuggestionParts(s.isURI() ? s.getURI() : null, graph, d[0].getURI(), d[1].getURI(), lexical(d[2]),
                    lexical(d[3]), transferred.getOrDefault(s, List.of()), reasons));
        });
        // Best first for each CoP that could learn: the order the explorer adds them in.
        out.sort(java.util.Comparator.comparing((SuggestionParts p) -> rankOf(p.rank())));
        return out;
    }

    private static int rankOf(String rank) {
        try {
            return rank == null ? Integer.MAX_VALUE : Integer.parseInt(rank.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String lexical(Node n) {
        return n == null || !n.isLiteral() ? null : n.getLiteralLexicalForm();
    }

    private interface GraphRow {
        void accept(Node s, Node o);
    }

    /** One predicate's statements in one named graph. */
    private void scanIn(String graph, String predicate, GraphRow row) {
        Binding b = BindingFactory.binding(BindingFactory.binding(Var.alloc("p"), NodeFactory.createURI(predicate)),
                Var.alloc("g"), NodeFactory.createURI(graph));
        select(SCAN, b, r -> row.accept(r.get("s"), r.get("o")));
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");
    private static final java.util.regex.Pattern YEAR = java.util.regex.Pattern.compile("\\d{4}");

    static LocalDate date(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        String v = n.getLiteralLexicalForm();
        try {
            if (DAY.matcher(v).matches()) {
                return LocalDate.parse(v.substring(0, 10));
            }
            if (MONTH.matcher(v).matches()) {
                return LocalDate.parse(v + "-01");
            }
            if (YEAR.matcher(v).matches()) {
                return LocalDate.of(Integer.parseInt(v), 1, 1);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** The local name of an IRI (after its last # or /), or null for anything else. */
    static String local(Node n) {
        if (n == null || !n.isURI()) {
            return null;
        }
        String iri = n.getURI();
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    private static Query q(String body) {
        return QueryFactory.create(PREFIXES + body);
    }

}
