package org.w3id.copgraph.freshness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.VersionedCache;

/**
 * The entries of the CoP feed ({@code /feeds/cops.atom}), newest first, at most {@link #CAP}:
 * <ul>
 * <li>from the change log, each change to a CoP: <b>new</b> (the first change that touched it),
 *     <b>changed</b> (a later one; a confirmation says so), <b>removed</b> (with the reason);</li>
 * <li>from the data now, each CoP that is <b>stale</b>: dated the day it fell due
 *     (last reviewed + the stale-after setting), or, never reviewed, when it entered the change log.</li>
 * </ul>
 * The newest {@link #LOOK_AT} CoP changes are looked at. Filters apply to a CoP as the data holds
 * it now, and to a removed one as its last version in the event stream held it.
 */
public final class CopFeed {

    public static final int CAP = 50;
    static final int LOOK_AT = 2_000;

    private static final String PROV = Cop.PROV;
    private static final String SKOS_BROADER = "http://www.w3.org/2004/02/skos/core#broader";

    private static final Query CHANGES = QueryFactory.create("""
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            SELECT ?a ?op ?time ?r ?agent ?reason ?gone WHERE {
              GRAPH ?changes {
                ?a cop:changedResource ?r ; cop:operation ?op ; prov:endedAtTime ?time .
                FILTER(STRSTARTS(STR(?r), ?copPrefix))
                OPTIONAL { ?a prov:wasAssociatedWith/rdfs:label ?agent }
                OPTIONAL { ?a cop:removalReason ?reason }
                OPTIONAL { ?a prov:invalidated ?r . BIND(true AS ?gone) }
              }
            } ORDER BY DESC(?time) DESC(STR(?a)) LIMIT 2000
            """);

    private static final Query OLDEST = QueryFactory.create("""
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT (MIN(?t) AS ?oldest) WHERE { GRAPH ?changes { ?a prov:endedAtTime ?t } }
            """);

    private final Freshness freshness;
    private final VersionedCache<Key, List<FeedEntry>> cache;

    private record Key(FeedFilter filter, LocalDate today) {
    }

    private record Row(String activity, String operation, Instant time, String cop, String agent, String reason, boolean gone) {
    }

    public CopFeed(Freshness freshness) {
        this.freshness = freshness;
        this.cache = VersionedCache.ofSize(freshness.store(), 64);
    }

    /** The entries for {@code filter}, newest first. */
    public List<FeedEntry> entries(FeedFilter filter) {
        return cache.get(new Key(filter, freshness.today()), k -> compute(k.filter()));
    }

    private List<FeedEntry> compute(FeedFilter filter) {
        List<Row> rows = changeRows();
        Instant oldest = oldestChange();
        List<StaleCop> stale = freshness.stale().cops();
        return freshness.store().read(d -> {
            Graph union = d.getUnionGraph();
            Graph changes = d.getGraph(CopFacts.uri(freshness.iris().changesGraph()));
            Matcher matcher = new Matcher(filter, union, freshness.iris());
            Map<String, CopFacts> facts = new HashMap<>();
            List<FeedEntry> out = new ArrayList<>();
            for (Row r : rows) {
                CopFacts f = facts.computeIfAbsent(r.cop(), iri -> factsOf(union, iri));
                if (f == null || !matcher.matches(f)) {
                    continue;
                }
                out.add(entry(r, f, isFirst(changes, r)));
            }
            for (StaleCop s : stale) {
                CopFacts f = facts.computeIfAbsent(s.iri(), iri -> factsOf(union, iri));
                if (f != null && matcher.matches(f)) {
                    out.add(staleEntry(s, f, changes, oldest));
                }
            }
            out.sort(Comparator.comparing(FeedEntry::updated).reversed().thenComparing(FeedEntry::id));
            return List.copyOf(out.subList(0, Math.min(CAP, out.size())));
        });
    }

    private List<Row> changeRows() {
        var b = BindingFactory.binding(Var.alloc("changes"), CopFacts.uri(freshness.iris().changesGraph()),
                Var.alloc("copPrefix"), org.apache.jena.graph.NodeFactory.createLiteralString(freshness.iris().resource("cop", "")));
        return freshness.store().query(CHANGES, b, freshness.timeoutMillis(), exec -> {
            List<Row> out = new ArrayList<>();
            RowSet rs = exec.select();
            rs.forEachRemaining(row -> out.add(new Row(row.get("a").getURI(), row.get("op").getLiteralLexicalForm(),
                    Instant.parse(row.get("time").getLiteralLexicalForm()), row.get("r").getURI(),
                    text(row.get("agent")), text(row.get("reason")), row.get("gone") != null)));
            return out;
        });
    }

    private Instant oldestChange() {
        var b = BindingFactory.binding(Var.alloc("changes"), CopFacts.uri(freshness.iris().changesGraph()));
        return freshness.store().query(OLDEST, b, freshness.timeoutMillis(), exec -> {
            RowSet rs = exec.select();
            Node n = rs.hasNext() ? rs.next().get("oldest") : null;
            return n == null ? Instant.EPOCH : Instant.parse(n.getLiteralLexicalForm());
        });
    }

    /** A CoP as the data holds it now, or as the event stream last held it once removed; null when neither knows it. */
    private CopFacts factsOf(Graph union, String iri) {
        Node n = CopFacts.uri(iri);
        if (union.contains(n, RDF.type.asNode(), CopFacts.uri(Cop.CommunityOfPractice))) {
            return CopFacts.read(union, iri);
        }
        Graph last = freshness.stream().lastDescription(iri);
        return last.contains(n, RDF.type.asNode(), CopFacts.uri(Cop.CommunityOfPractice)) ? CopFacts.read(last, iri) : null;
    }

    /** Whether no earlier change in the log touched the CoP: then it came with this one. */
    private static boolean isFirst(Graph changes, Row r) {
        var it = changes.find(Node.ANY, CopFacts.uri(Cop.changedResource), CopFacts.uri(r.cop()));
        try {
            while (it.hasNext()) {
                Node a = it.next().getSubject();
                Instant t = timeOf(changes, a);
                if (t != null && (t.isBefore(r.time()) || t.equals(r.time()) && a.getURI().compareTo(r.activity()) < 0)) {
                    return false;
                }
            }
            return true;
        } finally {
            it.close();
        }
    }

    private static Instant timeOf(Graph changes, Node activity) {
        List<Node> t = CopFacts.objects(changes, activity, PROV + "endedAtTime");
        return t.isEmpty() ? null : Instant.parse(t.get(0).getLiteralLexicalForm());
    }

    private FeedEntry entry(Row r, CopFacts f, boolean first) {
        String by = r.agent() == null ? "" : " by " + r.agent();
        String id = r.activity() + "#" + slug(r.cop());
        if (r.gone()) {
            return new FeedEntry(id, "removed", "Removed: " + f.label(), f.label() + " was removed" + by + " on "
                    + day(r.time()) + ". Reason: " + r.reason(), r.time(), r.cop(), r.agent());
        }
        if (first) {
            return new FeedEntry(id, "new", "New CoP: " + f.label(), f.label() + " was added" + by + " on " + day(r.time())
                    + " (" + r.operation() + ").", r.time(), r.cop(), r.agent());
        }
        if (r.operation().equals("confirm")) {
            return new FeedEntry(id, "changed", "Confirmed still accurate: " + f.label(), f.label()
                    + "'s entry was confirmed still accurate" + by + " on " + day(r.time()) + ".", r.time(), r.cop(), r.agent());
        }
        return new FeedEntry(id, "changed", "Changed: " + f.label(), f.label() + "'s entry was changed" + by + " on "
                + day(r.time()) + " (" + r.operation() + ").", r.time(), r.cop(), r.agent());
    }

    private FeedEntry staleEntry(StaleCop s, CopFacts f, Graph changes, Instant oldest) {
        String contact = s.contacts().isEmpty() ? "" : " Contact: " + String.join(", ", s.contacts().stream()
                .map(org.w3id.copgraph.view.Link::text).toList()) + ".";
        String window = Periods.words(freshness.staleAfter());
        if (s.lastReviewed() == null) {
            Instant since = firstSeen(changes, s.iri(), oldest);
            return new FeedEntry(s.iri() + "#never-reviewed", "stale", "Never reviewed: " + f.label(), f.label()
                    + "'s entry has never been confirmed accurate; entries are due for review every " + window + "." + contact,
                    since, s.iri(), null);
        }
        Instant due = s.staleSince().atStartOfDay(ZoneOffset.UTC).toInstant();
        return new FeedEntry(s.iri() + "#stale-since-" + s.staleSince(), "stale", "Due for review: " + f.label(), f.label()
                + " was last confirmed accurate on " + s.lastReviewed() + ", more than " + window + " ago." + contact,
                due, s.iri(), null);
    }

    /** When the CoP first appears in the change log; else (a bulk load lists no resources) the log's first change. */
    private static Instant firstSeen(Graph changes, String iri, Instant oldest) {
        Instant first = null;
        var it = changes.find(Node.ANY, CopFacts.uri(Cop.changedResource), CopFacts.uri(iri));
        try {
            while (it.hasNext()) {
                Instant t = timeOf(changes, it.next().getSubject());
                first = t != null && (first == null || t.isBefore(first)) ? t : first;
            }
        } finally {
            it.close();
        }
        return first != null ? first : oldest;
    }

    private static String day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String slug(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    private static String text(Node n) {
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    /** The filter, with what it needs from the data worked out once: a domain's narrower domains, a place's parts. */
    private static final class Matcher {

        private static final String SCHEMA = CopFacts.SCHEMA;

        private final FeedFilter filter;
        private final Graph union;
        private final Set<String> domains;
        private final Set<String> places;

        Matcher(FeedFilter filter, Graph union, org.w3id.copgraph.model.Iris iris) {
            this.filter = filter;
            this.union = union;
            // A narrower domain counts for its broader one: the domain and everything below it.
            this.domains = filter.domain() == null ? Set.of() : below(union, filter.domain(), SKOS_BROADER);
            // A place IRI, or a slug of one, counts with every place inside it; any other text is compared with the places' names.
            String place = filter.place();
            String placeIri = place == null ? null : place.contains(":") ? place : looksLikeSlug(place) ? iris.resource("place", place) : null;
            this.places = placeIri == null ? Set.of() : below(union, placeIri, SCHEMA + "containedInPlace");
        }

        boolean matches(CopFacts f) {
            if (filter.domain() != null && f.domains().stream().noneMatch(domains::contains)) {
                return false;
            }
            if (filter.lang() != null && f.languages().stream().map(l -> l.toLowerCase(Locale.ROOT))
                    .noneMatch(l -> l.equals(filter.lang()) || l.startsWith(filter.lang() + "-"))) {
                return false;
            }
            return filter.place() == null || meetsAt(f);
        }

        private boolean meetsAt(CopFacts f) {
            String asked = filter.place();
            if (asked.equalsIgnoreCase("online")) {
                return CopFacts.objects(union, CopFacts.uri(f.iri()), Cop.NS + "meetingMode").stream()
                        .anyMatch(m -> m.isURI() && (m.getURI().endsWith("OnlineEventAttendanceMode")
                                || m.getURI().endsWith("MixedEventAttendanceMode")));
            }
            for (String p : f.places()) {
                if (places.contains(p)) {
                    return true;
                }
                Node n = CopFacts.uri(p);
                for (String prop : List.of(RDFS.label.getURI(), SCHEMA + "addressLocality", SCHEMA + "addressCountry", SCHEMA + "name")) {
                    if (CopFacts.objects(union, n, prop).stream().anyMatch(v -> v.isLiteral()
                            && v.getLiteralLexicalForm().strip().equalsIgnoreCase(asked))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean looksLikeSlug(String v) {
            return v.matches("[a-z0-9]+(-[a-z0-9]+)*");
        }

        /** {@code top} and everything that reaches it through {@code up} (skos:broader, schema:containedInPlace). */
        private static Set<String> below(Graph g, String top, String up) {
            Set<String> out = new HashSet<>();
            Deque<Node> todo = new ArrayDeque<>(List.of(CopFacts.uri(top)));
            while (!todo.isEmpty() && out.size() < 100_000) {
                Node n = todo.pop();
                if (!out.add(n.getURI())) {
                    continue;
                }
                var it = g.find(Node.ANY, CopFacts.uri(up), n);
                try {
                    it.forEachRemaining(t -> {
                        if (t.getSubject().isURI()) {
                            todo.push(t.getSubject());
                        }
                    });
                } finally {
                    it.close();
                }
            }
            return out;
        }
    }
}
