package org.w3id.copgraph.suggestions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * Reads a {@link SuggestionIndex} from any store in streaming scans, one per predicate
 * ({@code GRAPH ?g { ?s <p> ?o }}), joined here in memory, as the network's facts are read: SPARQL
 * joins over the union graph are far slower at 10,000 CoPs. The graphs copgraph derives itself
 * (the suggestions, the metrics) are not read: a suggestion is never a reason for itself.
 */
final class IndexReader {

    private static final Query SCAN = QueryFactory.create("SELECT ?s ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query SCAN_OBJECT = QueryFactory.create("SELECT ?s ?g WHERE { GRAPH ?g { ?s ?p ?o } }");

    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SCHEMA = "http://schema.org/";
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String DCT = "http://purl.org/dc/terms/";

    private final Store store;
    private final Iris iris;
    private final long timeoutMillis;

    IndexReader(Store store, Iris iris, long timeoutMillis) {
        this.store = store;
        this.iris = iris;
        this.timeoutMillis = Math.max(timeoutMillis, 600_000);
    }

    SuggestionIndex read(Object version) {
        Builder b = new Builder();
        scanObject(RDF_TYPE, Cop.CommunityOfPractice, (s, g) -> b.cop(s));
        scanObject(RDF_TYPE, FOAF + "Person", (s, g) -> b.person(s));
        scanObject(RDF_TYPE, SCHEMA + "Person", (s, g) -> b.person(s));

        scan(Cop.domain, (s, o, g) -> b.fact(b.domains, s, o, g, 0, -1));
        scan(Cop.NS + "hasPractice", (s, o, g) -> b.fact(b.practices, s, o, g, 0, -1));
        scan(Cop.NS + "practiceOf", (s, o, g) -> b.fact(b.practices, o, s, g, 0, -1));
        scan(Cop.NS + "usesTool", (s, o, g) -> b.fact(b.tools, s, o, g, 0, -1));

        // Offers and needs: CoP -> cop:Offer / cop:Need -> cop:concerns (one or more concepts, practices, tools).
        Map<String, List<String[]>> offered = new HashMap<>();
        Map<String, List<String[]>> needed = new HashMap<>();
        scan(Cop.offers, (s, o, g) -> offered.computeIfAbsent(o, k -> new ArrayList<>()).add(new String[] {s, g}));
        scan(Cop.needs, (s, o, g) -> needed.computeIfAbsent(o, k -> new ArrayList<>()).add(new String[] {s, g}));
        if (!offered.isEmpty() || !needed.isEmpty()) {
            scan(Cop.concerns, (s, o, g) -> {
                for (String[] cop : offered.getOrDefault(s, List.of())) {
                    b.fact(b.offers, cop[0], o, cop[1], b.id(s), -1);
                }
                for (String[] cop : needed.getOrDefault(s, List.of())) {
                    b.fact(b.needs, cop[0], o, cop[1], b.id(s), -1);
                }
            });
            scan(DCT + "description", (s, o, g) -> {
                if (offered.containsKey(s) || needed.containsKey(s)) {
                    b.descriptions.putIfAbsent(b.id(s), o);
                }
            });
        }

        // People and organisations around each CoP, and who is a member of what (for host members).
        Map<String, List<String[]>> membersOf = new HashMap<>();
        // Memberships only proposed (cop:evidenceStatus cop:Proposed) are told as proposals.
        java.util.Set<String> proposed = new java.util.HashSet<>();
        scanObject(Cop.NS + "evidenceStatus", Cop.NS + "Proposed", (s, g) -> proposed.add(s));
        Consumer<String[]> membership = m -> {
            String member = m[0];
            String organisation = m[1];
            boolean onlyProposed = m.length > 3 && m[3] != null && proposed.contains(m[3]);
            if (b.isCop(organisation)) {
                b.fact(b.contacts, organisation, member, m[2],
                        (onlyProposed ? SuggestionIndex.Tie.PROPOSED_MEMBER : SuggestionIndex.Tie.MEMBER).ordinal(), -1);
            } else if (b.isCop(member)) {
                b.fact(b.contacts, member, organisation, m[2],
                        (onlyProposed ? SuggestionIndex.Tie.PROPOSED_MEMBER_OF : SuggestionIndex.Tie.MEMBER_OF).ordinal(), -1);
            }
            if (!onlyProposed) {
                membersOf.computeIfAbsent(organisation, k -> new ArrayList<>()).add(m);
            }
        };
        scan(ORG + "memberOf", (s, o, g) -> membership.accept(new String[] {s, o, g}));
        Map<String, String> memberOfMembership = new HashMap<>();
        scan(ORG + "member", (s, o, g) -> memberOfMembership.put(s, o));
        scan(ORG + "organization", (s, o, g) -> {
            String member = memberOfMembership.get(s);
            if (member != null) {
                membership.accept(new String[] {member, o, g, s});
            }
        });
        memberOfMembership.clear();
        scan(Cop.contactPerson, (s, o, g) -> b.fact(b.contacts, s, o, g, SuggestionIndex.Tie.CONTACT.ordinal(), -1));
        Map<String, List<String>> hostsOf = new HashMap<>();
        scan(Cop.NS + "hostedBy", (s, o, g) -> {
            b.fact(b.contacts, s, o, g, SuggestionIndex.Tie.HOST.ordinal(), -1);
            hostsOf.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        });
        scan(Cop.NS + "hosts", (s, o, g) -> {
            b.fact(b.contacts, o, s, g, SuggestionIndex.Tie.HOST.ordinal(), -1);
            hostsOf.computeIfAbsent(o, k -> new ArrayList<>()).add(s);
        });
        scan(Cop.NS + "inNetwork", (s, o, g) -> b.fact(b.contacts, s, o, g, SuggestionIndex.Tie.NETWORK.ordinal(), -1));
        scan(Cop.NS + "partOfEcosystem", (s, o, g) -> b.fact(b.contacts, s, o, g, SuggestionIndex.Tie.ECOSYSTEM.ordinal(), -1));
        // The members of a CoP's hosts know it: the partners of the project that hosts it, say.
        hostsOf.forEach((cop, hosts) -> {
            for (String host : hosts) {
                for (String[] m : membersOf.getOrDefault(host, List.of())) {
                    if (!m[0].equals(cop)) {
                        b.fact(b.contacts, cop, m[0], m[2], SuggestionIndex.Tie.HOST_MEMBER.ordinal(), b.id(host));
                    }
                }
            }
        });
        membersOf.clear();
        Map<String, List<String>> hosted = new HashMap<>();
        hostsOf.forEach((cop, hosts) -> hosts.forEach(h -> hosted.computeIfAbsent(h, k -> new ArrayList<>()).add(cop)));
        String[] roles = {SCHEMA + "organizer", Cop.NS + "guest", Cop.NS + "facilitator", Cop.NS + "partner"};
        for (String role : roles) {
            scan(role, (event, agent, g) -> {
                b.fact(b.contacts, agent, event, g, SuggestionIndex.Tie.EVENT.ordinal(), -1);
                for (String cop : hosted.getOrDefault(agent, List.of())) {
                    b.fact(b.contacts, cop, event, g, SuggestionIndex.Tie.EVENT.ordinal(), -1);
                }
            });
        }

        // Cross-pollinations, either way and of any status: the pairs already linked.
        Map<String, String[]> xps = new HashMap<>();
        scan(PROV + "agent", (s, o, g) -> xps.computeIfAbsent(s, k -> new String[4])[0] = o);
        scan(Cop.NS + "target", (s, o, g) -> {
            String[] x = xps.computeIfAbsent(s, k -> new String[4]);
            x[1] = o;
            x[3] = g;
        });
        scan(Cop.NS + "evidenceStatus", (s, o, g) -> {
            String[] x = xps.get(s);
            if (x != null) {
                x[2] = o;
            }
        });
        scan(PROV + "hadActivity", (s, o, g) -> {
            String[] x = xps.get(s);
            if (x != null && x[0] != null && x[1] != null) {
                b.fact(b.contacts, x[0], o, g, SuggestionIndex.Tie.EVENT.ordinal(), -1);
                b.fact(b.contacts, x[1], o, g, SuggestionIndex.Tie.EVENT.ordinal(), -1);
            }
        });
        xps.values().forEach(x -> {
            if (x[0] != null && x[1] != null && !x[0].equals(x[1])) {
                int status = (Cop.NS + "Proposed").equals(x[2]) ? SuggestionIndex.PROPOSED : SuggestionIndex.TAKEN_UP;
                b.fact(b.links, x[0], x[1], x[3], status, -1);
                b.fact(b.links, x[1], x[0], x[3], status, -1);
            }
        });
        xps.clear();
        scan(Cop.NS + "crossPollinatedBy", (s, o, g) -> {
            b.fact(b.links, s, o, g, SuggestionIndex.TAKEN_UP, -1);
            b.fact(b.links, o, s, g, SuggestionIndex.TAKEN_UP, -1);
        });

        scan(Cop.lastReviewed, (s, o, g) -> b.reviewed(s, o, g));
        scan(SKOS + "broader", (s, o, g) -> b.broader(s, o));
        scan(SKOS + "narrower", (s, o, g) -> b.broader(o, s));
        scan(SKOS + "related", (s, o, g) -> b.related(s, o));

        // Labels last, only of what is mentioned: English, then no language, then any; names after labels.
        for (String p : List.of(RDFS_LABEL, SKOS + "prefLabel", FOAF + "name", SCHEMA + "name")) {
            scanLiterals(p, b::label);
        }
        return b.build(version);
    }

    private interface Row {
        void accept(String s, String o, String g);
    }

    private void scan(String predicate, Row row) {
        Binding p = BindingFactory.binding(Var.alloc("p"), NodeFactory.createURI(predicate));
        select(SCAN, p, r -> {
            Node s = r.get("s");
            Node o = r.get("o");
            String g = r.get("g").getURI();
            if (s.isURI() && !isDerived(g) && (o.isURI() || o.isLiteral())) {
                row.accept(s.getURI(), o.isURI() ? o.getURI() : o.getLiteralLexicalForm(), g);
            }
        });
    }

    private interface LabelRow {
        void accept(String s, String text, String lang);
    }

    private void scanLiterals(String predicate, LabelRow row) {
        Binding p = BindingFactory.binding(Var.alloc("p"), NodeFactory.createURI(predicate));
        select(SCAN, p, r -> {
            Node s = r.get("s");
            Node o = r.get("o");
            if (s.isURI() && o.isLiteral()) {
                row.accept(s.getURI(), o.getLiteralLexicalForm(), o.getLiteralLanguage());
            }
        });
    }

    private void scanObject(String predicate, String object, java.util.function.BiConsumer<String, String> row) {
        Binding b = BindingFactory.binding(BindingFactory.binding(Var.alloc("p"), NodeFactory.createURI(predicate)),
                Var.alloc("o"), NodeFactory.createURI(object));
        select(SCAN_OBJECT, b, r -> {
            if (r.get("s").isURI() && !isDerived(r.get("g").getURI())) {
                row.accept(r.get("s").getURI(), r.get("g").getURI());
            }
        });
    }

    private boolean isDerived(String graph) {
        return graph.equals(iris.suggestionsGraph()) || graph.equals(iris.networkMetricsGraph());
    }

    private void select(Query query, Binding substitution, Consumer<Binding> row) {
        store.query(query, substitution, timeoutMillis, exec -> {
            var rows = exec.select();
            while (rows.hasNext()) {
                row.accept(rows.next());
            }
            return null;
        });
    }

    /** Collects facts by IRI, then freezes them into int arrays. */
    private static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> things = new ArrayList<>();
        private final Map<String, Integer> graphIds = new HashMap<>();
        private final List<String> graphs = new ArrayList<>();
        private final List<Integer> cops = new ArrayList<>();
        private final Set<Integer> copSet = new HashSet<>();
        private final Set<Integer> persons = new HashSet<>();
        private final Map<Integer, String> labels = new HashMap<>();
        private final Map<Integer, Integer> labelRanks = new HashMap<>();
        private final Map<Integer, LocalDate> reviewed = new HashMap<>();
        private final Map<Integer, Integer> reviewedGraph = new HashMap<>();
        private final Map<Integer, Set<Integer>> broader = new HashMap<>();
        private final Map<Integer, Set<Integer>> narrower = new HashMap<>();
        private final Map<Integer, Set<Integer>> related = new HashMap<>();
        final Map<Integer, String> descriptions = new HashMap<>();
        final Map<Integer, List<long[]>> domains = new HashMap<>();
        final Map<Integer, List<long[]>> practices = new HashMap<>();
        final Map<Integer, List<long[]>> tools = new HashMap<>();
        final Map<Integer, List<long[]>> needs = new HashMap<>();
        final Map<Integer, List<long[]>> offers = new HashMap<>();
        final Map<Integer, List<long[]>> contacts = new HashMap<>();
        final Map<Integer, List<long[]>> links = new HashMap<>();

        int id(String iri) {
            Integer id = ids.get(iri);
            if (id == null) {
                id = things.size();
                ids.put(iri, id);
                things.add(iri);
            }
            return id;
        }

        int graph(String iri) {
            return graphIds.computeIfAbsent(iri, k -> {
                graphs.add(k);
                return graphs.size() - 1;
            });
        }

        void cop(String iri) {
            int id = id(iri);
            if (copSet.add(id)) {
                cops.add(id);
            }
        }

        boolean isCop(String iri) {
            Integer id = ids.get(iri);
            return id != null && copSet.contains(id);
        }

        void person(String iri) {
            persons.add(id(iri));
        }

        /** A fact about {@code cop} (ignored when it is not a CoP): the thing, its graph and details. */
        void fact(Map<Integer, List<long[]>> facet, String cop, String thing, String graph, int detail, int via) {
            Integer c = ids.get(cop);
            if (c == null || !copSet.contains(c) || cop.equals(thing)) {
                return;
            }
            facet.computeIfAbsent(c, k -> new ArrayList<>(4)).add(new long[] {id(thing), graph(graph), detail, via});
        }

        void reviewed(String cop, String date, String graph) {
            LocalDate d;
            try {
                d = LocalDate.parse(date.length() >= 10 ? date.substring(0, 10) : date);
            } catch (java.time.DateTimeException e) {
                return;
            }
            int c = id(cop);
            LocalDate known = reviewed.get(c);
            if (known == null || d.isAfter(known)) {
                reviewed.put(c, d);
                reviewedGraph.put(c, graph(graph));
            }
        }

        void broader(String narrow, String broad) {
            if (narrow.equals(broad)) {
                return;
            }
            int n = id(narrow);
            int b = id(broad);
            broader.computeIfAbsent(n, k -> new HashSet<>()).add(b);
            narrower.computeIfAbsent(b, k -> new HashSet<>()).add(n);
        }

        void related(String a, String b) {
            if (a.equals(b)) {
                return;
            }
            related.computeIfAbsent(id(a), k -> new HashSet<>()).add(id(b));
            related.computeIfAbsent(id(b), k -> new HashSet<>()).add(id(a));
        }

        void label(String iri, String text, String lang) {
            Integer id = ids.get(iri);
            if (id == null) {
                return;
            }
            int rank = "en".equals(lang) ? 0 : lang.isEmpty() ? 1 : 2;
            Integer known = labelRanks.get(id);
            if (known == null || rank < known) {
                labels.put(id, text);
                labelRanks.put(id, rank);
            }
        }

        SuggestionIndex build(Object version) {
            int n = things.size();
            int[] copArray = cops.stream().mapToInt(Integer::intValue).toArray();
            int[] position = new int[n];
            Arrays.fill(position, -1);
            for (int i = 0; i < copArray.length; i++) {
                position[copArray[i]] = i;
            }
            String[] labelArray = new String[n];
            labels.forEach((id, l) -> labelArray[id] = l);
            boolean[] personArray = new boolean[n];
            persons.forEach(p -> personArray[p] = true);
            LocalDate[] reviewedArray = new LocalDate[copArray.length];
            int[] reviewedGraphArray = new int[copArray.length];
            for (int i = 0; i < copArray.length; i++) {
                reviewedArray[i] = reviewed.get(copArray[i]);
                reviewedGraphArray[i] = reviewedGraph.getOrDefault(copArray[i], -1);
            }
            return new SuggestionIndex(things.toArray(String[]::new), Map.copyOf(ids), labelArray, personArray,
                    graphs.toArray(String[]::new), copArray, reviewedArray, reviewedGraphArray,
                    facet(domains, position, n), facet(practices, position, n), facet(tools, position, n),
                    facet(needs, position, n), facet(offers, position, n), facet(contacts, position, n),
                    facet(links, position, n), arrays(broader, n), arrays(narrower, n), arrays(related, n),
                    Map.copyOf(descriptions), version);
        }

        private static int[][] arrays(Map<Integer, Set<Integer>> m, int n) {
            int[][] out = new int[n][];
            m.forEach((k, v) -> out[k] = v.stream().mapToInt(Integer::intValue).sorted().toArray());
            return out;
        }

        /**
         * Sorted, one entry per thing (the lowest detail wins: a direct tie over a wide one, a link
         * taken up over a proposed one), and the postings of each thing.
         */
        private static SuggestionIndex.Facet facet(Map<Integer, List<long[]>> facts, int[] position, int n) {
            int copCount = (int) Arrays.stream(position).filter(p -> p >= 0).count();
            int[][] values = new int[copCount][];
            int[][] graphs = new int[copCount][];
            int[][] detail = new int[copCount][];
            int[][] via = new int[copCount][];
            int[] counts = new int[n];
            for (int i = 0; i < copCount; i++) {
                values[i] = SuggestionIndex.EMPTY;
                graphs[i] = SuggestionIndex.EMPTY;
                detail[i] = SuggestionIndex.EMPTY;
                via[i] = SuggestionIndex.EMPTY;
            }
            facts.forEach((cop, list) -> {
                int p = position[cop];
                list.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
                int[] v = new int[list.size()];
                int[] g = new int[list.size()];
                int[] d = new int[list.size()];
                int[] w = new int[list.size()];
                int k = 0;
                for (long[] f : list) {
                    if (k > 0 && v[k - 1] == f[0]) {
                        continue;
                    }
                    v[k] = (int) f[0];
                    g[k] = (int) f[1];
                    d[k] = (int) f[2];
                    w[k] = (int) f[3];
                    counts[v[k]]++;
                    k++;
                }
                values[p] = Arrays.copyOf(v, k);
                graphs[p] = Arrays.copyOf(g, k);
                detail[p] = Arrays.copyOf(d, k);
                via[p] = Arrays.copyOf(w, k);
            });
            int[][] postings = new int[n][];
            int[] fill = new int[n];
            for (int p = 0; p < copCount; p++) {
                for (int t : values[p]) {
                    if (postings[t] == null) {
                        postings[t] = new int[counts[t]];
                    }
                    postings[t][fill[t]++] = p;
                }
            }
            return new SuggestionIndex.Facet(values, graphs, detail, via, postings);
        }
    }
}
