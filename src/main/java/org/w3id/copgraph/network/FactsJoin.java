package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.w3id.copgraph.model.Cop;

/**
 * The in-memory joins that make the facts of a table of statements ({@link FactRows}), in
 * stages: the types, the cross-pollinations, their bare shortcuts, the start dates, the
 * memberships, the bare memberships, one stage per kind of tie, and the labels. Each stage is
 * kept with the tables (and earlier stages) it read. Making the facts again after a change
 * ({@link #make(FactRows, Made)} with the previous making) reuses every stage whose inputs are the
 * very same objects: {@link FactRows#apply} copies only the tables a change touches. A curator's
 * single statement then costs its own stage and the assembly (putting the stages' links together,
 * one reading per tie), not the whole join: at 10,000 CoPs the whole join reads 1.4 million
 * statements.
 *
 * <p>The texts of the reasons look labels up when shown, in a box shared by the makings that
 * reuse each other's stages, and filled with the newest labels: a reason made two changes ago
 * shows a label changed since.
 */
final class FactsJoin {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String SCHEMA = "http://schema.org/";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final org.apache.jena.graph.Node CROSS_POLLINATION = uri(Cop.NS + "CrossPollination");
    private static final org.apache.jena.graph.Node MEMBERSHIP = uri(ORG + "Membership");
    private static final org.apache.jena.graph.Node SUGGESTION = uri(Cop.NS + "Suggestion");
    static final Set<org.apache.jena.graph.Node> NODE_TYPES = Set.of(uri(Cop.NS + "CommunityOfPractice"), uri(FOAF + "Person"),
            uri(SCHEMA + "Person"), uri(SCHEMA + "Event"), uri(Cop.NS + "Practice"), uri(SKOS + "Concept"),
            uri(ORG + "Organization"), uri(FOAF + "Organization"));

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

    /** The ties read as "A how B": their predicate, kind, wording and which end is the subject. */
    private record TieKind(String predicate, LinkKind kind, String how, boolean inverse, boolean dated) {
    }

    // In the order the ties were always read: of two readings of one tie, the first is kept.
    private static final List<TieKind> TIES = List.of(
            new TieKind(Cop.NS + "hasPractice", LinkKind.PRACTICE, "has practice", false, false),
            new TieKind(Cop.NS + "usesTool", LinkKind.PRACTICE, "uses tool", false, false),
            new TieKind(Cop.NS + "practiceOf", LinkKind.PRACTICE, "has practice", true, false),
            new TieKind(Cop.NS + "domain", LinkKind.DOMAIN, "domain", false, false),
            // Roles at events: the event is the subject, the agent the object; dated by the event's start.
            new TieKind(SCHEMA + "organizer", LinkKind.EVENT, "organiser at", true, true),
            new TieKind(Cop.NS + "guest", LinkKind.EVENT, "guest at", true, true),
            new TieKind(Cop.NS + "facilitator", LinkKind.EVENT, "facilitator at", true, true),
            new TieKind(Cop.NS + "partner", LinkKind.EVENT, "partner at", true, true),
            new TieKind(Cop.NS + "hostedBy", LinkKind.ORGANISATIONAL, "hosted by", false, false),
            new TieKind(Cop.NS + "inNetwork", LinkKind.ORGANISATIONAL, "in network", false, false),
            new TieKind(Cop.NS + "partOfEcosystem", LinkKind.ORGANISATIONAL, "part of ecosystem", false, false),
            new TieKind(ORG + "unitOf", LinkKind.ORGANISATIONAL, "unit of", false, false),
            new TieKind(Cop.NS + "hosts", LinkKind.ORGANISATIONAL, "hosted by", true, false));

    /** One making of the facts: the facts, and each stage with what it read, for the next making. */
    static final class Made {
        private final Facts facts;
        private final Map<String, Stage> stages;
        private final Labels labels;
        private final int reused;

        private Made(Facts facts, Map<String, Stage> stages, Labels labels, int reused) {
            this.facts = facts;
            this.stages = stages;
            this.labels = labels;
            this.reused = reused;
        }

        Facts facts() {
            return facts;
        }

        /** How many stages were taken from the previous making unchanged. */
        int reused() {
            return reused;
        }

        int stages() {
            return stages.size();
        }
    }

    private record Stage(Object[] inputs, Object output) {
    }

    /** Labels, looked up when a reason's text is made; replaced whole by each making. */
    private static final class Labels {
        private volatile Map<String, String> byIri = Map.of();

        String of(String iri) {
            String l = byIri.get(iri);
            return l != null ? l : iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        }
    }

    private final FactRows table;
    private final Made previous;
    private final Map<String, Stage> stages = new HashMap<>();
    private final Labels labels;
    private final Map<String, List<String>> sources = new HashMap<>();
    private int reused;

    private FactsJoin(FactRows table, Made previous) {
        this.table = table;
        this.previous = previous;
        this.labels = previous == null ? new Labels() : previous.labels;
    }

    /** The facts of {@code table}, reusing what {@code previous} (the making of an earlier table, or null) computed alike. */
    static Made make(FactRows table, Made previous) {
        return new FactsJoin(table, previous).make();
    }

    private Made make() {
        Types types = stage("types", this::types, t(RDF + "type"));
        Xp xp = stage("cross-pollinations", () -> crossPollinations(types), types, t(PROV + "agent"), t(Cop.NS + "target"),
                t(DCT + "date"), t(Cop.NS + "strength"), t(Cop.NS + "evidenceStatus"), t(Cop.NS + "direction"), t(DCT + "source"),
                t(PROV + "hadActivity"), t(Cop.NS + "transferred"));
        List<Link> bare = stage("bare cross-pollinations", () -> bareCrossPollinations(xp), xp, t(Cop.NS + "crossPollinatedBy"));
        Map<Key, LocalDate> starts = stage("start dates", this::startDates, t(SCHEMA + "startDate"));
        Memberships members = stage("memberships", () -> memberships(types, starts), types, starts, t(ORG + "member"),
                t(ORG + "organization"), t(ORG + "role"), t(Cop.NS + "evidenceStatus"));
        List<Link> memberOf = stage("bare memberships", () -> bareMemberships(types, members), types, members, t(ORG + "memberOf"));
        List<List<Link>> ties = new ArrayList<>();
        ties.add(members.links());
        ties.add(memberOf);
        for (TieKind k : TIES) {
            ties.add(k.dated() ? stage(k.predicate(), () -> ties(k, starts), t(k.predicate()), starts)
                    : stage(k.predicate(), () -> ties(k, null), t(k.predicate())));
        }
        Map<String, String> labelled = stage("labels", this::labels, t(RDFS + "label"));
        labels.byIri = labelled;

        // A stage of its own too: a change of a cross-pollination leaves it as it was.
        List<Link> once = stage("one reading per tie", () -> onePerTie(ties), ties.toArray());
        // The links and the nodes in parts, each remade only when what it is made of changed.
        List<Link> xpLinks = xp.links();
        Map<String, org.w3id.copgraph.network.Node> cops = stage("nodes: CoPs", () -> copNodes(types), types, labelled);
        Map<String, org.w3id.copgraph.network.Node> xpEnds = stage("nodes: cross-pollinations", () -> ends(xpLinks, types),
                xpLinks, types, labelled);
        Map<String, org.w3id.copgraph.network.Node> bareEnds = stage("nodes: bare cross-pollinations", () -> ends(bare, types),
                bare, types, labelled);
        Map<String, org.w3id.copgraph.network.Node> onceEnds = stage("nodes: ties", () -> ends(once, types), once, types, labelled);
        LinkParts links = new LinkParts(List.of(xpLinks, bare, once));
        NodeLayers nodes = new NodeLayers(cops, List.of(xpEnds, bareEnds, onceEnds));
        return new Made(new Facts(nodes, links), stages, labels, reused);
    }

    /** The ties, one reading of each (kind, from, to): the first, in the order of the stages. */
    private static List<Link> onePerTie(List<List<Link>> ties) {
        List<Link> once = new ArrayList<>(ties.stream().mapToInt(List::size).sum());
        Set<Tie> seen = new HashSet<>();
        for (List<Link> candidates : ties) {
            for (Link l : candidates) {
                if (seen.add(new Tie(l.kind(), l.from(), l.to()))) {
                    once.add(l);
                }
            }
        }
        return once;
    }

    /** Reuses the previous making's stage {@code name} if it read the very same {@code inputs}; else computes it. */
    @SuppressWarnings("unchecked")
    private <T> T stage(String name, Supplier<T> compute, Object... inputs) {
        Stage old = previous == null ? null : previous.stages.get(name);
        if (old != null && same(old.inputs(), inputs)) {
            stages.put(name, old);
            reused++;
            return (T) old.output();
        }
        T out = compute.get();
        stages.put(name, new Stage(inputs, out));
        return out;
    }

    private static boolean same(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private Collection<FactRows.Row> t(String predicate) {
        return table.rows(predicate);
    }

    private interface Row {
        void accept(Node s, Node o, String g);
    }

    private void scan(String predicate, Row row) {
        for (FactRows.Row r : table.rows(predicate)) {
            row.accept(r.s(), r.o(), r.g());
        }
    }

    // ---- the stages ----

    /** Resources by their node type (the first in NodeType's order), and the graph typing each cross-pollination, membership and suggestion. */
    private record Types(Map<String, NodeType> types, Map<Node, String> xpGraph, Map<Node, String> membershipGraph,
                         Map<Node, String> suggestionGraph) {
        NodeType of(String iri) {
            return types.getOrDefault(iri, NodeType.OTHER);
        }
    }

    private Types types() {
        Map<String, NodeType> types = new HashMap<>();
        for (FactRows.Row r : table.rows(RDF + "type")) {
            if (r.s().isURI() && NODE_TYPES.contains(r.o())) {
                types.merge(r.s().getURI(), typeOf(r.o().getURI()), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
            }
        }
        // Each kept with the first graph that types it, in the order cross-pollinations, memberships, suggestions.
        Map<Node, String> xpGraph = new LinkedHashMap<>();
        Map<Node, String> membershipGraph = new LinkedHashMap<>();
        // Suggestions (computed links, in the derived graph) are read apart: never as cross-pollinations.
        Map<Node, String> suggestionGraph = new LinkedHashMap<>();
        for (Node o : List.of(CROSS_POLLINATION, MEMBERSHIP, SUGGESTION)) {
            Map<Node, String> into = o == CROSS_POLLINATION ? xpGraph : o == MEMBERSHIP ? membershipGraph : suggestionGraph;
            for (FactRows.Row r : table.rows(RDF + "type")) {
                if (r.o().equals(o)) {
                    into.putIfAbsent(r.s(), r.g());
                }
            }
        }
        suggestionGraph.keySet().forEach(xpGraph::remove);
        return new Types(types, xpGraph, membershipGraph, suggestionGraph);
    }

    /** The cross-pollinations detailed by their own node, and which (agent, target) pairs are so detailed. */
    private record Xp(List<Link> links, Set<List<String>> detailed) {
    }

    private Xp crossPollinations(Types types) {
        Map<Node, Node[]> details = new HashMap<>();
        Map<Node, String> typed = types.xpGraph();
        // Every subject's agent/target (typed or not): a bare shortcut (cop:crossPollinatedBy) is
        // only a tie of its own when nothing details it.
        Set<List<String>> detailed = new HashSet<>();
        Map<Node, String> agents = new HashMap<>();
        scan(PROV + "agent", (s, o, g) -> {
            // A suggestion's ends are no cross-pollination: they must not hide a bare shortcut.
            if (o.isURI() && !types.suggestionGraph().containsKey(s)) {
                agents.putIfAbsent(s, o.getURI());
            }
            keep(details, typed, s, g, XP_AGENT, o);
        });
        scan(Cop.NS + "target", (s, o, g) -> {
            String agent = agents.get(s);
            if (agent != null && o.isURI()) {
                detailed.add(List.of(agent, o.getURI()));
            }
            keep(details, typed, s, g, XP_TARGET, o);
        });
        String[] props = {DCT + "date", Cop.NS + "strength", Cop.NS + "evidenceStatus", Cop.NS + "direction", DCT + "source",
                PROV + "hadActivity"};
        for (int i = 0; i < props.length; i++) {
            int slot = XP_DATE + i;
            scan(props[i], (s, o, g) -> keep(details, typed, s, g, slot, o));
        }
        Map<Node, List<String>> transferred = new HashMap<>();
        scan(Cop.NS + "transferred", (s, o, g) -> {
            if (typed.containsKey(s) && o.isURI()) {
                List<String> list = transferred.computeIfAbsent(s, k -> new ArrayList<>(2));
                if (!list.contains(o.getURI())) {
                    list.add(o.getURI());
                }
            }
        });
        List<Link> links = new ArrayList<>();
        typed.forEach((node, g) -> {
            Node[] d = details.get(node);
            if (d != null && d[XP_AGENT] != null && d[XP_TARGET] != null) {
                crossPollination(links, node, g, d, transferred.getOrDefault(node, List.of()));
            }
        });
        return new Xp(links, detailed);
    }

    /** Keeps the first value of a slot of a subject typed in graph {@code g} (statements of other graphs are not its). */
    private static void keep(Map<Node, Node[]> details, Map<Node, String> typed, Node s, String g, int slot, Node o) {
        if (!g.equals(typed.get(s))) {
            return;
        }
        Node[] d = details.computeIfAbsent(s, k -> new Node[8]);
        if (d[slot] == null) {
            d[slot] = o;
        }
    }

    private void crossPollination(List<Link> links, Node xp, String graph, Node[] d, List<String> transferred) {
        if (!xp.isURI() && !xp.isBlank() || !d[XP_AGENT].isURI() || !d[XP_TARGET].isURI()) {
            return;
        }
        String agent = d[XP_AGENT].getURI();
        String target = d[XP_TARGET].getURI();
        if (agent.equals(target)) {
            return;
        }
        String via = xp.isURI() ? xp.getURI() : null;
        LocalDate date = date(d[XP_DATE]);
        String evidence = local(d[XP_EVIDENCE]);
        String activity = d[XP_ACTIVITY] == null || !d[XP_ACTIVITY].isURI() ? null : d[XP_ACTIVITY].getURI();
        String doc = d[XP_DOC] == null || !d[XP_DOC].isURI() ? null : d[XP_DOC].getURI();
        double strength = switch (String.valueOf(local(d[XP_STRENGTH]))) {
            case "Strong" -> 3;
            case "Moderate" -> 2;
            default -> 1;
        };
        List<String> moved = transferred.isEmpty() ? List.of() : List.copyOf(transferred);
        Labels l = labels;
        Reason reason = new Reason(LinkKind.CROSS_POLLINATION, () -> {
            StringBuilder what = new StringBuilder();
            for (String t : moved) {
                what.append(what.length() == 0 ? "" : ", ").append(l.of(t));
            }
            return l.of(agent) + " → " + l.of(target) + ": "
                    + (what.length() == 0 ? "cross-pollination" : what + " moved")
                    + (date == null ? "" : " on " + date)
                    + (activity == null ? "" : " at " + l.of(activity))
                    + (evidence == null ? "" : " (" + evidence.toLowerCase(Locale.ROOT) + ")")
                    + (doc == null ? "" : "; source: " + l.of(doc));
        }, via, date, source(graph), strength, Evidence.of(evidence));
        links.add(new Link(agent, target, true, reason));
        if ("Mutual".equals(local(d[XP_DIRECTION]))) {
            links.add(new Link(target, agent, true, reason));
        }
    }

    private List<Link> bareCrossPollinations(Xp xp) {
        List<Link> links = new ArrayList<>();
        Labels l = labels;
        scan(Cop.NS + "crossPollinatedBy", (s, o, g) -> {
            if (!s.isURI() || !o.isURI() || xp.detailed().contains(List.of(o.getURI(), s.getURI()))
                    || xp.detailed().contains(List.of(s.getURI(), o.getURI()))) {
                return;
            }
            String agent = o.getURI();
            String target = s.getURI();
            if (!agent.equals(target)) {
                links.add(new Link(agent, target, true, new Reason(LinkKind.CROSS_POLLINATION,
                        () -> l.of(agent) + " → " + l.of(target) + ": cross-pollination (no details recorded)", null, null,
                        source(g), 1)));
            }
        });
        return links;
    }

    /** schema:startDate dates memberships and events alike: the first of each subject in each graph. */
    private Map<Key, LocalDate> startDates() {
        Map<Key, LocalDate> starts = new HashMap<>();
        scan(SCHEMA + "startDate", (s, o, g) -> {
            LocalDate d = date(o);
            if (d != null) {
                starts.putIfAbsent(new Key(s, g), d);
            }
        });
        return starts;
    }

    /** The memberships detailed by their own node (ties to be deduplicated), and which (member, organisation) pairs are so detailed. */
    private record Memberships(List<Link> links, Set<List<String>> detailed) {
    }

    private Memberships memberships(Types types, Map<Key, LocalDate> starts) {
        Map<Node, Node[]> details = new HashMap<>();
        Map<Node, String> typed = types.membershipGraph();
        Set<List<String>> detailed = new HashSet<>();
        Map<Node, String> members = new HashMap<>();
        scan(ORG + "member", (s, o, g) -> {
            if (o.isURI()) {
                members.putIfAbsent(s, o.getURI());
            }
            keep(details, typed, s, g, M_MEMBER, o);
        });
        scan(ORG + "organization", (s, o, g) -> {
            String member = members.get(s);
            if (member != null && o.isURI()) {
                detailed.add(List.of(member, o.getURI()));
            }
            keep(details, typed, s, g, M_ORG, o);
        });
        scan(ORG + "role", (s, o, g) -> keep(details, typed, s, g, M_ROLE, o));
        scan(Cop.NS + "evidenceStatus", (s, o, g) -> keep(details, typed, s, g, M_EVIDENCE, o));
        List<Link> links = new ArrayList<>();
        typed.forEach((m, g) -> {
            Node[] d = details.get(m);
            if (d != null && d[M_MEMBER] != null && d[M_ORG] != null && d[M_MEMBER].isURI() && d[M_ORG].isURI()) {
                String role = d[M_ROLE] == null || !d[M_ROLE].isURI() ? null : d[M_ROLE].getURI();
                membership(links, types, d[M_MEMBER].getURI(), d[M_ORG].getURI(), role, local(d[M_EVIDENCE]),
                        starts.get(new Key(m, g)), g);
            }
        });
        return new Memberships(links, detailed);
    }

    private List<Link> bareMemberships(Types types, Memberships detailed) {
        List<Link> links = new ArrayList<>();
        scan(ORG + "memberOf", (s, o, g) -> {
            if (s.isURI() && o.isURI() && !detailed.detailed().contains(List.of(s.getURI(), o.getURI()))) {
                membership(links, types, s.getURI(), o.getURI(), null, null, null, g);
            }
        });
        return links;
    }

    private void membership(List<Link> links, Types types, String member, String org, String role, String evidence,
                            LocalDate start, String graph) {
        // A CoP that is a member of an ecosystem is an organisational tie, not a shared person.
        LinkKind kind = types.of(member) == NodeType.COP ? LinkKind.ORGANISATIONAL : LinkKind.MEMBER;
        if (role == null) {
            tie(links, kind, member, org, "member of", evidence, start, graph);
            return;
        }
        if (member.equals(org)) {
            return;
        }
        // The role's label is looked up when the text is shown, like the ends'.
        Labels l = labels;
        links.add(new Link(member, org, false, new Reason(kind, () -> l.of(member) + " " + l.of(role) + " of " + l.of(org)
                + (start == null ? "" : " (" + start + ")")
                + (evidence == null ? "" : " (" + evidence.toLowerCase(Locale.ROOT) + ")"), org, start, source(graph), 1,
                Evidence.of(evidence))));
    }

    private List<Link> ties(TieKind k, Map<Key, LocalDate> starts) {
        List<Link> links = new ArrayList<>();
        scan(k.predicate(), (s, o, g) -> {
            if (!s.isURI() || !o.isURI()) {
                return;
            }
            LocalDate date = starts == null ? null : starts.get(new Key(s, g));
            if (k.inverse()) {
                tie(links, k.kind(), o.getURI(), s.getURI(), k.how(), null, date, g);
            } else {
                tie(links, k.kind(), s.getURI(), o.getURI(), k.how(), null, date, g);
            }
        });
        return links;
    }

    private void tie(List<Link> links, LinkKind kind, String from, String to, String how, String evidence, LocalDate date, String graph) {
        if (from.equals(to)) {
            return;
        }
        Labels l = labels;
        links.add(new Link(from, to, false, new Reason(kind, () -> l.of(from) + " " + how + " " + l.of(to)
                + (date == null ? "" : " (" + date + ")")
                + (evidence == null ? "" : " (" + evidence.toLowerCase(Locale.ROOT) + ")"), to, date, source(graph), 1,
                Evidence.of(evidence))));
    }

    /** Each resource's label: English first, then one without a language, then any other; the first of each rank. */
    private Map<String, String> labels() {
        Map<String, String> labelled = new HashMap<>();
        // Only the ranks of non-English labels are remembered (almost every label is English).
        Map<String, Integer> otherRank = new HashMap<>();
        scan(RDFS + "label", (s, l, g) -> {
            if (!s.isURI() || !l.isLiteral()) {
                return;
            }
            String iri = s.getURI();
            String lang = l.getLiteralLanguage();
            int rank = "en".equals(lang) ? 0 : lang.isEmpty() ? 1 : 2;
            int known = labelled.containsKey(iri) ? otherRank.getOrDefault(iri, 0) : 3;
            if (rank < known) {
                if (rank == 0) {
                    otherRank.remove(iri);
                } else {
                    otherRank.put(iri, rank);
                }
                labelled.put(iri, l.getLiteralLexicalForm());
            }
        });
        return labelled;
    }

    private List<String> source(String graph) {
        return sources.computeIfAbsent(graph, List::of);
    }

    /** The node of every CoP. */
    private Map<String, org.w3id.copgraph.network.Node> copNodes(Types types) {
        Map<String, org.w3id.copgraph.network.Node> nodes = new HashMap<>();
        types.types().forEach((iri, t) -> {
            if (t == NodeType.COP) {
                node(nodes, types, iri);
            }
        });
        return nodes;
    }

    /** The node of each resource at an end of {@code links}. */
    private Map<String, org.w3id.copgraph.network.Node> ends(List<Link> links, Types types) {
        Map<String, org.w3id.copgraph.network.Node> nodes = new HashMap<>();
        for (Link l : links) {
            node(nodes, types, l.from());
            node(nodes, types, l.to());
        }
        return nodes;
    }

    private void node(Map<String, org.w3id.copgraph.network.Node> nodes, Types types, String iri) {
        if (!nodes.containsKey(iri)) {
            nodes.put(iri, new org.w3id.copgraph.network.Node(iri, labels.of(iri), types.of(iri)));
        }
    }

    private record Tie(LinkKind kind, String from, String to) {
    }

    private record Key(Node subject, String graph) {
    }

    private static org.apache.jena.graph.Node uri(String iri) {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }

    static NodeType typeOf(String iri) {
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

    private static LocalDate date(Node n) {
        return FactsReader.date(n);
    }

    private static String local(Node n) {
        return FactsReader.local(n);
    }
}
