package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String SCHEMA = "http://schema.org/";
    private static final Node CROSS_POLLINATION = NodeFactory.createURI(Cop.NS + "CrossPollination");
    private static final Node MEMBERSHIP = NodeFactory.createURI(ORG + "Membership");
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
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final Set<Node> NODE_TYPES = Set.of(uri(Cop.NS + "CommunityOfPractice"), uri(FOAF + "Person"),
            uri("http://schema.org/Person"), uri("http://schema.org/Event"), uri(Cop.NS + "Practice"), uri(SKOS + "Concept"),
            uri("http://www.w3.org/ns/org#Organization"), uri(FOAF + "Organization"));
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

    /** The facts made of {@code rows}: the joins done in memory, no store read. */
    static Facts facts(FactRows rows) {
        return new Join(rows).facts();
    }

    /** The in-memory joins of the statements of one table into facts. */
    private static final class Join {
        private final FactRows table;

        Join(FactRows table) {
            this.table = table;
        }

        private void scan(String predicate, Row row, Node... objects) {
            if (objects.length == 0) {
                for (FactRows.Row r : table.rows(predicate)) {
                    row.accept(r.s(), r.o(), r.g());
                }
                return;
            }
            for (Node o : objects) {
                for (FactRows.Row r : table.rows(predicate)) {
                    if (r.o().equals(o)) {
                        row.accept(r.s(), o, r.g());
                    }
                }
            }
        }

    Facts facts() {
        Builder out = new Builder();
        for (FactRows.Row r : table.rows(RDF_TYPE)) {
            if (r.s().isURI() && NODE_TYPES.contains(r.o())) {
                out.type(r.s().getURI(), typeOf(r.o().getURI()));
            }
        }

        // Cross-pollinations and memberships: their statements, per subject, kept in the graph that types them.
        // In scan order (linked), so that of two readings of one tie the same one is always kept.
        Map<Node, String> xpGraph = new LinkedHashMap<>();
        Map<Node, String> membershipGraph = new LinkedHashMap<>();
        // Suggestions (computed links, in the derived graph) are read apart (readSuggestions): never as cross-pollinations.
        Map<Node, String> suggestionGraph = new LinkedHashMap<>();
        scan(RDF + "type", (s, o, g) -> {
            if (o.equals(CROSS_POLLINATION)) {
                xpGraph.putIfAbsent(s, g);
            } else if (o.equals(MEMBERSHIP)) {
                membershipGraph.putIfAbsent(s, g);
            } else if (o.equals(SUGGESTION)) {
                suggestionGraph.putIfAbsent(s, g);
            }
        }, CROSS_POLLINATION, MEMBERSHIP, SUGGESTION);
        suggestionGraph.keySet().forEach(xpGraph::remove);
        Map<Key, Node[]> details = new HashMap<>();
        // Every subject's agent/target and member/organisation (typed or not): a bare shortcut
        // (cop:crossPollinatedBy, org:memberOf) is only a tie of its own when nothing details it.
        Set<List<String>> detailedXp = new HashSet<>();
        Set<List<String>> detailedMembership = new HashSet<>();
        Map<Node, String> agents = new HashMap<>();
        Map<Node, String> members = new HashMap<>();
        scan(PROV + "agent", (s, o, g) -> {
            // A suggestion's ends are no cross-pollination: they must not hide a bare shortcut.
            if (o.isURI() && !suggestionGraph.containsKey(s)) {
                agents.putIfAbsent(s, out.iri(o.getURI()));
            }
            keep(details, xpGraph, s, g, XP_AGENT, o);
        });
        scan(Cop.NS + "target", (s, o, g) -> {
            String agent = agents.get(s);
            if (agent != null && o.isURI()) {
                detailedXp.add(List.of(agent, o.getURI()));
            }
            keep(details, xpGraph, s, g, XP_TARGET, o);
        });
        agents.clear();
        String[] xpProps = {DCT + "date", Cop.NS + "strength", Cop.NS + "evidenceStatus", Cop.NS + "direction",
                DCT + "source", PROV + "hadActivity"};
        for (int i = 0; i < xpProps.length; i++) {
            int slot = XP_DATE + i;
            scan(xpProps[i], (s, o, g) -> keep(details, xpGraph, s, g, slot, o));
        }
        Map<Node, List<String>> transferred = new HashMap<>();
        scan(Cop.NS + "transferred", (s, o, g) -> {
            if (xpGraph.containsKey(s) && o.isURI()) {
                List<String> list = transferred.computeIfAbsent(s, k -> new ArrayList<>(2));
                String t = out.iri(o.getURI());
                if (!list.contains(t)) {
                    list.add(t);
                }
            }
        });
        scan(ORG + "member", (s, o, g) -> {
            if (o.isURI()) {
                members.putIfAbsent(s, out.iri(o.getURI()));
            }
            keep(details, membershipGraph, s, g, M_MEMBER, o);
        });
        scan(ORG + "organization", (s, o, g) -> {
            String member = members.get(s);
            if (member != null && o.isURI()) {
                detailedMembership.add(List.of(member, o.getURI()));
            }
            keep(details, membershipGraph, s, g, M_ORG, o);
        });
        members.clear();
        scan(ORG + "role", (s, o, g) -> keep(details, membershipGraph, s, g, M_ROLE, o));
        scan(Cop.NS + "evidenceStatus", (s, o, g) -> keep(details, membershipGraph, s, g, M_EVIDENCE, o));
        // schema:startDate dates memberships and events alike.
        Map<Key, LocalDate> startDates = new HashMap<>();
        scan(SCHEMA + "startDate", (s, o, g) -> {
            LocalDate d = date(o);
            if (d != null) {
                startDates.putIfAbsent(new Key(s, g), d);
            }
        });

        // In the order the ties were always read: the first reading of a tie is the one kept.
        xpGraph.forEach((xp, g) -> {
            Node[] d = details.get(new Key(xp, g));
            if (d != null && d[XP_AGENT] != null && d[XP_TARGET] != null) {
                out.crossPollination(xp, g, d, transferred.getOrDefault(xp, List.of()));
            }
        });
        scan(Cop.NS + "crossPollinatedBy", (s, o, g) -> {
            if (s.isURI() && o.isURI() && !detailedXp.contains(List.of(o.getURI(), s.getURI()))
                    && !detailedXp.contains(List.of(s.getURI(), o.getURI()))) {
                out.bareCrossPollination(o.getURI(), s.getURI(), g);
            }
        });
        membershipGraph.forEach((m, g) -> {
            Node[] d = details.get(new Key(m, g));
            if (d != null && d[M_MEMBER] != null && d[M_ORG] != null && d[M_MEMBER].isURI() && d[M_ORG].isURI()) {
                String member = d[M_MEMBER].getURI();
                String role = d[M_ROLE] == null || !d[M_ROLE].isURI() ? null : d[M_ROLE].getURI();
                out.membership(member, d[M_ORG].getURI(), role, local(d[M_EVIDENCE]), startDates.get(new Key(m, g)), g);
            }
        });
        details.clear();
        scan(ORG + "memberOf", (s, o, g) -> {
            if (s.isURI() && o.isURI() && !detailedMembership.contains(List.of(s.getURI(), o.getURI()))) {
                out.membership(s.getURI(), o.getURI(), null, null, null, g);
            }
        });
        scan(Cop.NS + "hasPractice", (s, o, g) -> out.tie(LinkKind.PRACTICE, s, o, "has practice", null, null, g));
        scan(Cop.NS + "usesTool", (s, o, g) -> out.tie(LinkKind.PRACTICE, s, o, "uses tool", null, null, g));
        scan(Cop.NS + "practiceOf", (s, o, g) -> out.tie(LinkKind.PRACTICE, o, s, "has practice", null, null, g));
        scan(Cop.NS + "domain", (s, o, g) -> out.tie(LinkKind.DOMAIN, s, o, "domain", null, null, g));
        String[][] roles = {{SCHEMA + "organizer", "organiser"}, {Cop.NS + "guest", "guest"},
                {Cop.NS + "facilitator", "facilitator"}, {Cop.NS + "partner", "partner"}};
        for (String[] role : roles) {
            scan(role[0], (e, a, g) -> out.tie(LinkKind.EVENT, a, e, role[1] + " at", null, startDates.get(new Key(e, g)), g));
        }
        startDates.clear();
        String[][] ties = {{Cop.NS + "hostedBy", "hosted by"}, {Cop.NS + "inNetwork", "in network"},
                {Cop.NS + "partOfEcosystem", "part of ecosystem"}, {ORG + "unitOf", "unit of"}};
        for (String[] tie : ties) {
            scan(tie[0], (s, o, g) -> out.tie(LinkKind.ORGANISATIONAL, s, o, tie[1], null, null, g));
        }
        scan(Cop.NS + "hosts", (s, o, g) -> out.tie(LinkKind.ORGANISATIONAL, o, s, "hosted by", null, null, g));

        // Labels last, and only of what the facts mention: most labelled things are not in the network.
        out.forgetUnmentioned();
        // English first, then no language, then any other; only the ranks of non-English ones are
        // remembered (almost every label is English).
        Map<String, Integer> otherRank = new HashMap<>();
        scan(RDFS + "label", (s, l, g) -> {
            if (!s.isURI() || !l.isLiteral() || !out.mentions(s.getURI())) {
                return;
            }
            String lang = l.getLiteralLanguage();
            int rank = "en".equals(lang) ? 0 : lang.isEmpty() ? 1 : 2;
            int known = out.hasLabel(s.getURI()) ? otherRank.getOrDefault(s.getURI(), 0) : 3;
            if (rank < known) {
                String iri = out.iri(s.getURI());
                if (rank == 0) {
                    otherRank.remove(iri);
                } else {
                    otherRank.put(iri, rank);
                }
                out.label(iri, l.getLiteralLexicalForm());
            }
        });
        return out.facts();
    }
    }

    // Slots of what is kept per cross-pollination and per membership.
    private static final int XP_AGENT = 0;
    private static final int XP_TARGET = 1;
    private static final int XP_DATE = 2;
    private static final int XP_STRENGTH = 3;
    private static final int XP_EVIDENCE = 4;
    private static final int XP_DIRECTION = 5;
    private static final int XP_DOC = 6;
    private static final int XP_ACTIVITY = 7;
    private static final int M_MEMBER = 0;
    private static final int M_ORG = 1;
    private static final int M_ROLE = 2;
    private static final int M_EVIDENCE = 3;

    /** Keeps the first value of a slot of a subject typed (in graph {@code g}) as one of {@code typed}. */
    private static void keep(Map<Key, Node[]> details, Map<Node, String> typed, Node s, String g, int slot, Node o) {
        if (!g.equals(typed.get(s))) {
            return;
        }
        Node[] d = details.computeIfAbsent(new Key(s, g), k -> new Node[8]);
        if (d[slot] == null) {
            d[slot] = o;
        }
    }

    private interface Row {
        void accept(Node s, Node o, String g);
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

    private static NodeType typeOf(String iri) {
        String local = iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        return switch (local) {
            case "CommunityOfPractice" -> NodeType.COP;
            case "Person" -> NodeType.PERSON;
            case "Event" -> NodeType.EVENT;
            case "Practice" -> NodeType.PRACTICE;
            case "Concept" -> NodeType.DOMAIN;
            default -> NodeType.ORGANISATION;
        };
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

    private static String local(Node n) {
        if (n == null || !n.isURI()) {
            return null;
        }
        String iri = n.getURI();
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    private static Query q(String body) {
        return QueryFactory.create(PREFIXES + body);
    }

    private record Key(Node subject, String graph) {
    }

    /**
     * Collects nodes and links, skipping blank nodes and repeated ties. IRIs are kept once each
     * (the store hands out a new string per row), and texts are put together only when shown.
     */
    private static final class Builder {
        private final Map<String, String> iris = new HashMap<>();
        private final Map<String, NodeType> types = new HashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final Map<String, List<String>> sources = new HashMap<>();
        private final List<Link> links = new ArrayList<>();
        private final Set<Tie> ties = new HashSet<>();

        String iri(String iri) {
            String known = iris.putIfAbsent(iri, iri);
            return known != null ? known : iri;
        }

        boolean mentions(String iri) {
            return iris.containsKey(iri);
        }

        void type(String iri, NodeType t) {
            // Typed resources are the network's nodes: their IRIs kept once, shared with the links.
            types.merge(iri(iri), t, (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
        }

        /** Done with the ties: what is left to read is labels. */
        void forgetUnmentioned() {
            ties.clear();
        }

        boolean hasLabel(String iri) {
            return labels.containsKey(iri);
        }

        NodeType type(String iri) {
            return types.getOrDefault(iri, NodeType.OTHER);
        }

        void label(String iri, String label) {
            labels.put(iri(iri), label);
        }

        String label(String iri) {
            String l = labels.get(iri);
            return l != null ? l : iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        }

        List<String> source(String graph) {
            return sources.computeIfAbsent(graph, List::of);
        }

        void tie(LinkKind kind, Node from, Node to, String how, String evidence, LocalDate date, String graph) {
            if (from.isURI() && to.isURI()) {
                tie(kind, from.getURI(), to.getURI(), how, evidence, date, graph);
            }
        }

        void tie(LinkKind kind, String from, String to, String how, String evidence, LocalDate date, String graph) {
            if (from.equals(to)) {
                return;
            }
            String f = iri(from);
            String t = iri(to);
            if (!ties.add(new Tie(kind, f, t))) {
                return;
            }
            links.add(new Link(f, t, false, new Reason(kind, () -> label(f) + " " + how + " " + label(t)
                    + (date == null ? "" : " (" + date + ")")
                    + (evidence == null ? "" : " (" + evidence.toLowerCase(Locale.ROOT) + ")"), t, date, source(graph), 1,
                    Evidence.of(evidence))));
        }

        void membership(String member, String org, String role, String evidence, LocalDate start, String graph) {
            // A CoP that is a member of an ecosystem is an organisational tie, not a shared person.
            LinkKind kind = type(member) == NodeType.COP ? LinkKind.ORGANISATIONAL : LinkKind.MEMBER;
            if (role == null) {
                tie(kind, member, org, "member of", evidence, start, graph);
                return;
            }
            String r = iri(role);
            // The role's label is looked up when the text is shown, like the ends'.
            if (member.equals(org) || !ties.add(new Tie(kind, iri(member), iri(org)))) {
                return;
            }
            String f = iri(member);
            String t = iri(org);
            links.add(new Link(f, t, false, new Reason(kind, () -> label(f) + " " + label(r) + " of " + label(t)
                    + (start == null ? "" : " (" + start + ")")
                    + (evidence == null ? "" : " (" + evidence.toLowerCase(Locale.ROOT) + ")"), t, start, source(graph), 1,
                    Evidence.of(evidence))));
        }

        void crossPollination(Node xp, String graph, Node[] d, List<String> transferred) {
            if (!xp.isURI() && !xp.isBlank() || !d[XP_AGENT].isURI() || !d[XP_TARGET].isURI()) {
                return;
            }
            String agent = iri(d[XP_AGENT].getURI());
            String target = iri(d[XP_TARGET].getURI());
            if (agent.equals(target)) {
                return;
            }
            String via = xp.isURI() ? iri(xp.getURI()) : null;
            LocalDate date = date(d[XP_DATE]);
            String evidence = local(d[XP_EVIDENCE]);
            String activity = d[XP_ACTIVITY] == null || !d[XP_ACTIVITY].isURI() ? null : iri(d[XP_ACTIVITY].getURI());
            String doc = d[XP_DOC] == null || !d[XP_DOC].isURI() ? null : iri(d[XP_DOC].getURI());
            double strength = switch (String.valueOf(local(d[XP_STRENGTH]))) {
                case "Strong" -> 3;
                case "Moderate" -> 2;
                default -> 1;
            };
            List<String> moved = transferred.isEmpty() ? List.of() : List.copyOf(transferred);
            Reason reason = new Reason(LinkKind.CROSS_POLLINATION, () -> {
                StringBuilder what = new StringBuilder();
                for (String t : moved) {
                    what.append(what.length() == 0 ? "" : ", ").append(label(t));
                }
                return label(agent) + " → " + label(target) + ": "
                        + (what.length() == 0 ? "cross-pollination" : what + " moved")
                        + (date == null ? "" : " on " + date)
                        + (activity == null ? "" : " at " + label(activity))
                        + (evidence == null ? "" : " (" + evidence.toLowerCase(Locale.ROOT) + ")")
                        + (doc == null ? "" : "; source: " + label(doc));
            }, via, date, source(graph), strength, Evidence.of(evidence));
            moved.forEach(this::iri);
            links.add(new Link(agent, target, true, reason));
            if ("Mutual".equals(local(d[XP_DIRECTION]))) {
                links.add(new Link(target, agent, true, reason));
            }
        }

        void bareCrossPollination(String agent, String target, String graph) {
            if (agent.equals(target)) {
                return;
            }
            String a = iri(agent);
            String t = iri(target);
            links.add(new Link(a, t, true, new Reason(LinkKind.CROSS_POLLINATION,
                    () -> label(a) + " → " + label(t) + ": cross-pollination (no details recorded)", null, null, source(graph), 1)));
        }

        Facts facts() {
            Map<String, org.w3id.copgraph.network.Node> nodes = new LinkedHashMap<>();
            types.forEach((iri, t) -> {
                if (t == NodeType.COP) {
                    node(nodes, iri);
                }
            });
            for (Link l : links) {
                node(nodes, l.from());
                node(nodes, l.to());
            }
            return new Facts(nodes, links);
        }

        private void node(Map<String, org.w3id.copgraph.network.Node> nodes, String iri) {
            nodes.computeIfAbsent(iri, i -> new org.w3id.copgraph.network.Node(i, label(i), type(i)));
        }

        private record Tie(LinkKind kind, String from, String to) {
        }
    }
}
