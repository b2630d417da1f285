package org.w3id.copgraph.freshness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.linkeddata.EventStream;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedCache;

/**
 * Keeping the map current: confirming a CoP "still accurate" (its {@code cop:lastReviewed}),
 * the CoPs not confirmed for {@link #staleAfter()} (and those never reviewed), removing a CoP for
 * a reason, and what happened to a removed one. Writes go through the one write path
 * ({@link Curation}); dates are UTC days.
 */
public final class Freshness {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_REASON = 2_000;

    private static final Query REMOVAL = QueryFactory.create("""
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            SELECT ?reason ?time ?agent WHERE {
              GRAPH ?changes { ?a prov:invalidated ?r ; cop:removalReason ?reason ; prov:endedAtTime ?time .
                               OPTIONAL { ?a prov:wasAssociatedWith/rdfs:label ?agent } }
            } ORDER BY DESC(?time) LIMIT 1
            """);

    private final Store store;
    private final Curation curation;
    private final Iris iris;
    private final Period staleAfter;
    private final EventStream stream;
    private final Clock clock;
    private final long timeoutMillis;
    private final VersionedCache<LocalDate, List<StaleCop>> staleCache;

    public Freshness(Store store, Curation curation, Iris iris, Period staleAfter, EventStream stream, Clock clock,
                     long timeoutMillis) {
        this.store = store;
        this.curation = curation;
        this.iris = iris;
        this.staleAfter = staleAfter;
        this.stream = stream;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.staleCache = VersionedCache.ofSize(store, 4);
    }

    /** How long a confirmed CoP counts as current (the server setting {@code --stale-after}). */
    public Period staleAfter() {
        return staleAfter;
    }

    /** Today, as a UTC date: the day a confirmation is recorded for. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    Instant now() {
        return clock.instant();
    }

    Iris iris() {
        return iris;
    }

    Store store() {
        return store;
    }

    EventStream stream() {
        return stream;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /** The IRI of the CoP {@code slug} names; a slug that could name none is a 404. */
    public String copIri(String slug) {
        if (slug == null || slug.length() > 200 || !SLUG.matcher(slug).matches()) {
            throw Problem.notFound("no-such-cop", "There is no CoP '" + slug + "': a CoP's slug is lower-case letters,"
                    + " digits and hyphens, as in /id/cop/urbana.");
        }
        return iris.resource("cop", slug);
    }

    /**
     * Checked before a confirmation's body is read: a curator, or the owner of this very CoP. No
     * token is a 401; an owner's token for another CoP, or a reader's, a 403.
     */
    public static void requireMayConfirm(Caller caller, String copIri) {
        if (caller.owns(copIri)) {
            return;
        }
        if (caller.scope() != null && !caller.role().allows(Role.CURATOR)) {
            throw new Problem(Problem.Kind.FORBIDDEN, "not-your-cop", "The token of '" + caller.name()
                    + "' lets it confirm only its own CoP (" + caller.scope() + "); a curator can confirm any.");
        }
        Curation.require(caller, Role.CURATOR);
    }

    /**
     * Checked before a removal's body is read: a curator. No token is a 401; a CoP's owner (known,
     * and not enough) or a reader's token, a 403.
     */
    public static void requireMayRemove(Caller caller) {
        if (caller.scope() != null && !caller.role().allows(Role.CURATOR)) {
            throw new Problem(Problem.Kind.FORBIDDEN, "forbidden", "'" + caller.name() + "' is the owner of one CoP ("
                    + caller.scope() + "); removing a CoP is a curator's: propose its removal instead.");
        }
        Curation.require(caller, Role.CURATOR);
    }

    /** Whether {@code caller} may confirm the CoP (to show the button). */
    public static boolean mayConfirm(Caller caller, String copIri) {
        return caller.owns(copIri) || caller.role().allows(Role.CURATOR);
    }

    /** Confirms the CoP still accurate today: its cop:lastReviewed becomes today, through the one write path. */
    public ChangeRecord confirm(Caller caller, String slug) {
        String iri = copIri(slug);
        requireMayConfirm(caller, iri);
        return curation.apply(caller, new Change.ConfirmReview(CopFacts.uri(iri), today()));
    }

    /** Removes the CoP (see {@code curation.CopRemoval} for what goes with it); the reason is required. */
    public ChangeRecord remove(Caller caller, String slug, String reason) {
        String iri = copIri(slug);
        requireMayRemove(caller);
        if (reason != null && reason.length() > MAX_REASON) {
            throw Problem.badRequest("reason-too-long", "Keep the reason under " + MAX_REASON + " characters.");
        }
        return curation.apply(caller, new Change.RemoveCop(CopFacts.uri(iri), reason));
    }

    /** Whether a CoP last reviewed on {@code reviewed} (null: never) is stale on {@code today}. */
    public boolean isStale(LocalDate reviewed, LocalDate today) {
        return reviewed == null || !reviewed.plus(staleAfter).isAfter(today);
    }

    /** The CoPs not reviewed for {@link #staleAfter()} and those never reviewed, oldest first (never reviewed first). */
    public StaleList stale() {
        LocalDate today = today();
        return new StaleList(staleAfter, today, staleCache.get(today, this::computeStale));
    }

    private List<StaleCop> computeStale(LocalDate today) {
        return store.read(d -> {
            Graph union = d.getUnionGraph();
            List<StaleCop> out = new ArrayList<>();
            var it = union.find(Node.ANY, RDF.type.asNode(), CopFacts.uri(Cop.CommunityOfPractice));
            try {
                while (it.hasNext()) {
                    Node cop = it.next().getSubject();
                    if (!cop.isURI()) {
                        continue;
                    }
                    LocalDate reviewed = CopFacts.reviewed(union, cop);
                    if (isStale(reviewed, today)) {
                        CopFacts f = CopFacts.read(union, cop.getURI());
                        out.add(StaleCop.of(f, reviewed == null ? null : reviewed.plus(staleAfter), iris));
                    }
                }
            } finally {
                it.close();
            }
            out.sort(Comparator.comparing(StaleCop::lastReviewed, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(StaleCop::label, String.CASE_INSENSITIVE_ORDER));
            return List.copyOf(out);
        });
    }

    /** What the stale list shows: the setting, the day it was computed for, and the CoPs. */
    public record StaleList(Period staleAfter, LocalDate today, List<StaleCop> cops) {

        /** The setting as people say it ("12 months"). */
        public String window() {
            return Periods.words(staleAfter);
        }
    }

    /**
     * The latest removal of {@code iri} (a CoP removed for a reason), if it was removed; whether it
     * is still gone is for the caller to see (it may have been proposed again since).
     */
    public Optional<Removal> removal(String iri) {
        var changes = org.apache.jena.graph.NodeFactory.createURI(iris.changesGraph());
        var b = BindingFactory.binding(Var.alloc("r"), CopFacts.uri(iri), Var.alloc("changes"), changes);
        return store.query(REMOVAL, b, timeoutMillis, exec -> {
            var rows = exec.select();
            if (!rows.hasNext()) {
                return Optional.empty();
            }
            var row = rows.next();
            Node agent = row.get("agent");
            return Optional.of(new Removal(iri, row.get("reason").getLiteralLexicalForm(),
                    Instant.parse(row.get("time").getLiteralLexicalForm()), agent == null ? null : agent.getLiteralLexicalForm()));
        });
    }

    /**
     * What a CoP's page shows of its freshness, or null for a resource that is not a CoP: when it
     * was last reviewed (or never), whether that is stale, and whether {@code viewer} may confirm it.
     */
    public ReviewBox reviewBox(String iri, Caller viewer) {
        return store.read(d -> {
            Graph union = d.getUnionGraph();
            Node cop = CopFacts.uri(iri);
            if (!union.contains(cop, RDF.type.asNode(), CopFacts.uri(Cop.CommunityOfPractice))) {
                return null;
            }
            LocalDate reviewed = CopFacts.reviewed(union, cop);
            String path = iris.pathOf(iri);
            String slug = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
            String action = slug == null || !path.startsWith("/id/cop/") ? null : "/api/cops/" + slug + "/confirm";
            return new ReviewBox(reviewed, isStale(reviewed, today()), action != null && mayConfirm(viewer, iri), action);
        });
    }
}
