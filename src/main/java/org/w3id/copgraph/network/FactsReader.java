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
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/**
 * Reads the facts the network is made of from the store, one SPARQL query per kind of tie,
 * each keeping the named graph (the source) a statement came from.
 */
final class FactsReader {

    private static final String PREFIXES = String.join("\n", Cop.PREFIXES.entrySet().stream()
            .map(e -> "PREFIX " + e.getKey() + ": <" + e.getValue() + ">").toList()) + "\n";

    private static final Query TYPES = q("""
            SELECT ?s ?t WHERE {
              VALUES ?t { cop:CommunityOfPractice foaf:Person schema:Person schema:Event cop:Practice skos:Concept
                          org:Organization foaf:Organization }
              ?s a ?t . FILTER(isIRI(?s)) }""");
    private static final Query LABELS = q("SELECT ?s ?l WHERE { ?s rdfs:label ?l . FILTER(isIRI(?s)) }");
    private static final Query CROSS_POLLINATIONS = q("""
            SELECT ?xp ?agent ?target ?date ?strength ?evidence ?direction ?doc ?activity ?g WHERE {
              GRAPH ?g { ?xp a cop:CrossPollination ; prov:agent ?agent ; cop:target ?target .
                OPTIONAL { ?xp dcterms:date ?date } OPTIONAL { ?xp cop:strength ?strength }
                OPTIONAL { ?xp cop:evidenceStatus ?evidence } OPTIONAL { ?xp cop:direction ?direction }
                OPTIONAL { ?xp dcterms:source ?doc } OPTIONAL { ?xp prov:hadActivity ?activity } } }""");
    private static final Query TRANSFERRED = q("SELECT ?xp ?t WHERE { ?xp a cop:CrossPollination ; cop:transferred ?t }");
    private static final Query BARE_CROSS_POLLINATIONS = q("""
            SELECT ?target ?agent ?g WHERE {
              GRAPH ?g { ?target cop:crossPollinatedBy ?agent }
              FILTER NOT EXISTS { ?x prov:agent ?agent ; cop:target ?target }
              FILTER NOT EXISTS { ?y prov:agent ?target ; cop:target ?agent } }""");
    private static final Query MEMBERSHIPS = q("""
            SELECT ?m ?member ?org ?role ?start ?evidence ?g WHERE {
              GRAPH ?g { ?m a org:Membership ; org:member ?member ; org:organization ?org .
                OPTIONAL { ?m org:role ?role } OPTIONAL { ?m schema:startDate ?start }
                OPTIONAL { ?m cop:evidenceStatus ?evidence } } }""");
    private static final Query BARE_MEMBERSHIPS = q("""
            SELECT ?member ?org ?g WHERE {
              GRAPH ?g { ?member org:memberOf ?org }
              FILTER NOT EXISTS { ?m org:member ?member ; org:organization ?org } }""");
    private static final Query PRACTICES = q("""
            SELECT ?a ?p ?pred ?g WHERE { GRAPH ?g {
              { ?a cop:hasPractice ?p BIND("has practice" AS ?pred) }
              UNION { ?a cop:usesTool ?p BIND("uses tool" AS ?pred) }
              UNION { ?p cop:practiceOf ?a BIND("has practice" AS ?pred) } } }""");
    private static final Query DOMAINS = q("SELECT ?a ?d ?g WHERE { GRAPH ?g { ?a cop:domain ?d } }");
    private static final Query EVENTS = q("""
            SELECT ?e ?a ?pred ?date ?g WHERE { GRAPH ?g {
              VALUES (?p ?pred) { (schema:organizer "organiser") (cop:guest "guest") (cop:facilitator "facilitator")
                                  (cop:partner "partner") }
              ?e ?p ?a . OPTIONAL { ?e schema:startDate ?date } } }""");
    private static final Query TIES = q("""
            SELECT ?a ?o ?pred ?g WHERE { GRAPH ?g {
              { VALUES (?p ?pred) { (cop:hostedBy "hosted by") (cop:inNetwork "in network") (cop:partOfEcosystem "part of ecosystem")
                                    (org:unitOf "unit of") }
                ?a ?p ?o }
              UNION { ?o cop:hosts ?a BIND("hosted by" AS ?pred) } } }""");

    private final Store store;
    private final long timeoutMillis;

    FactsReader(Store store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
    }

    Facts read() {
        Map<String, NodeType> types = new HashMap<>();
        select(TYPES, b -> {
            String s = b.get("s").getURI();
            NodeType t = typeOf(b.get("t").getURI());
            types.merge(s, t, (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
        });
        Map<String, String> labels = new HashMap<>();
        Map<String, Integer> labelRank = new HashMap<>();
        select(LABELS, b -> {
            String s = b.get("s").getURI();
            Node l = b.get("l");
            String lang = l.getLiteralLanguage();
            int rank = "en".equals(lang) ? 0 : lang.isEmpty() ? 1 : 2;
            if (rank < labelRank.getOrDefault(s, 3)) {
                labelRank.put(s, rank);
                labels.put(s, l.getLiteralLexicalForm());
            }
        });
        Builder out = new Builder(types, labels);
        crossPollinations(out);
        memberships(out);
        select(PRACTICES, b -> out.tie(LinkKind.PRACTICE, iri(b, "a"), iri(b, "p"), text(b, "pred"), null, null, graph(b), 1));
        select(DOMAINS, b -> out.tie(LinkKind.DOMAIN, iri(b, "a"), iri(b, "d"), "domain", null, null, graph(b), 1));
        select(EVENTS, b -> out.tie(LinkKind.EVENT, iri(b, "a"), iri(b, "e"), text(b, "pred") + " at", null,
                date(b.get("date")), graph(b), 1));
        select(TIES, b -> out.tie(LinkKind.ORGANISATIONAL, iri(b, "a"), iri(b, "o"), text(b, "pred"), null, null, graph(b), 1));
        return out.facts();
    }

    private void crossPollinations(Builder out) {
        Map<String, List<String>> transferred = new HashMap<>();
        select(TRANSFERRED, b -> transferred.computeIfAbsent(iri(b, "xp"), k -> new ArrayList<>()).add(iri(b, "t")));
        Set<String> seen = new HashSet<>();
        select(CROSS_POLLINATIONS, b -> {
            String xp = iri(b, "xp");
            if (xp == null || !seen.add(xp)) {
                return;
            }
            String agent = iri(b, "agent");
            String target = iri(b, "target");
            LocalDate date = date(b.get("date"));
            StringBuilder what = new StringBuilder();
            for (String t : transferred.getOrDefault(xp, List.of())) {
                what.append(what.length() == 0 ? "" : ", ").append(out.label(t));
            }
            String evidence = local(b.get("evidence"));
            String text = out.label(agent) + " → " + out.label(target) + ": "
                    + (what.length() == 0 ? "cross-pollination" : what + " moved")
                    + (date == null ? "" : " on " + date)
                    + (b.get("activity") == null ? "" : " at " + out.label(b.get("activity").getURI()))
                    + (evidence == null ? "" : " (" + evidence.toLowerCase(java.util.Locale.ROOT) + ")")
                    + (b.get("doc") == null || !b.get("doc").isURI() ? "" : "; source: " + out.label(b.get("doc").getURI()));
            double strength = switch (String.valueOf(local(b.get("strength")))) {
                case "Strong" -> 3;
                case "Moderate" -> 2;
                default -> 1;
            };
            Reason reason = new Reason(LinkKind.CROSS_POLLINATION, text, xp, date, List.of(graph(b)), strength);
            out.add(new Link(agent, target, true, reason));
            if ("Mutual".equals(local(b.get("direction")))) {
                out.add(new Link(target, agent, true, reason));
            }
        });
        select(BARE_CROSS_POLLINATIONS, b -> {
            String agent = iri(b, "agent");
            String target = iri(b, "target");
            String text = out.label(agent) + " → " + out.label(target) + ": cross-pollination (no details recorded)";
            out.add(new Link(agent, target, true, new Reason(LinkKind.CROSS_POLLINATION, text, null, null, List.of(graph(b)), 1)));
        });
    }

    private void memberships(Builder out) {
        select(MEMBERSHIPS, b -> {
            String member = iri(b, "member");
            String org = iri(b, "org");
            String role = b.get("role") == null ? "member" : out.label(b.get("role").getURI());
            // A CoP that is a member of an ecosystem is an organisational tie, not a shared person.
            LinkKind kind = out.type(member) == NodeType.COP ? LinkKind.ORGANISATIONAL : LinkKind.MEMBER;
            String evidence = local(b.get("evidence"));
            out.tie(kind, member, org, role + " of", evidence, date(b.get("start")), graph(b), 1);
        });
        select(BARE_MEMBERSHIPS, b -> {
            String member = iri(b, "member");
            LinkKind kind = out.type(member) == NodeType.COP ? LinkKind.ORGANISATIONAL : LinkKind.MEMBER;
            out.tie(kind, member, iri(b, "org"), "member of", null, null, graph(b), 1);
        });
    }

    private void select(Query query, Consumer<Binding> row) {
        store.query(query, BindingFactory.empty(), timeoutMillis, exec -> {
            var rows = exec.select();
            while (rows.hasNext()) {
                row.accept(rows.next());
            }
            return null;
        });
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

    static LocalDate date(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        String v = n.getLiteralLexicalForm();
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                return LocalDate.parse(v.substring(0, 10));
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                return LocalDate.parse(v + "-01");
            }
            if (v.matches("\\d{4}")) {
                return LocalDate.of(Integer.parseInt(v), 1, 1);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    private static String iri(Binding b, String var) {
        Node n = b.get(var);
        return n != null && n.isURI() ? n.getURI() : null;
    }

    private static String text(Binding b, String var) {
        return b.get(var).getLiteralLexicalForm();
    }

    private static String graph(Binding b) {
        return b.get("g").getURI();
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

    /** Collects nodes and links, skipping blank nodes and repeated ties. */
    private static final class Builder {
        private final Map<String, NodeType> types;
        private final Map<String, String> labels;
        private final Map<String, org.w3id.copgraph.network.Node> nodes = new LinkedHashMap<>();
        private final List<Link> links = new ArrayList<>();
        private final Set<String> ties = new HashSet<>();

        Builder(Map<String, NodeType> types, Map<String, String> labels) {
            this.types = types;
            this.labels = labels;
            types.forEach((iri, t) -> {
                if (t == NodeType.COP) {
                    node(iri);
                }
            });
        }

        NodeType type(String iri) {
            return types.getOrDefault(iri, NodeType.OTHER);
        }

        String label(String iri) {
            String l = labels.get(iri);
            return l != null ? l : iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        }

        void node(String iri) {
            nodes.computeIfAbsent(iri, i -> new org.w3id.copgraph.network.Node(i, label(i), type(i)));
        }

        void tie(LinkKind kind, String from, String to, String how, String evidence, LocalDate date, String graph, double weight) {
            if (from == null || to == null || from.equals(to) || !ties.add(kind + " " + from + " " + to)) {
                return;
            }
            String text = label(from) + " " + how + " " + label(to) + (date == null ? "" : " (" + date + ")")
                    + (evidence == null ? "" : " (" + evidence.toLowerCase(java.util.Locale.ROOT) + ")");
            add(new Link(from, to, false, new Reason(kind, text, to, date, List.of(graph), weight)));
        }

        void add(Link link) {
            if (link.from() == null || link.to() == null || link.from().equals(link.to())) {
                return;
            }
            node(link.from());
            node(link.to());
            links.add(link);
        }

        Facts facts() {
            return new Facts(nodes, links);
        }
    }
}
