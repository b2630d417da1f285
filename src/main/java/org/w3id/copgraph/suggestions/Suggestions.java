package org.w3id.copgraph.suggestions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedValue;

/**
 * Who a CoP could learn from and could help, with reasons a coordinator can check (see
 * {@code docs/suggestions.md}). The index is read once per data version; each answer is a walk
 * over it.
 */
public final class Suggestions {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    /** A person or organisation in more CoPs than this gets the suggestions of the first ones (direct ties first). */
    static final int MAX_AGENT_COPS = 25;

    private static final Query EXISTS = QueryFactory.create("ASK { GRAPH ?g { ?s ?p ?o } }");

    private final Store store;
    private final Iris iris;
    private final Period staleAfter;
    private final Clock clock;
    private final long timeoutMillis;
    private final VersionedValue<SuggestionIndex> index;
    private volatile Weights weights = Weights.DEFAULT;

    public Suggestions(Store store, Iris iris, Period staleAfter, Clock clock, long timeoutMillis) {
        this.store = store;
        this.iris = iris;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.timeoutMillis = timeoutMillis;
        this.index = VersionedValue.of(store);
    }

    /**
     * The index of any store, read now: for an evaluation that ranks over a store of its own
     * ({@code new Ranker(Suggestions.indexOf(store, iris), weights, null)}).
     */
    public static SuggestionIndex indexOf(Store store, Iris iris) {
        return new IndexReader(store, iris, 600_000).read(store.lastModified());
    }

    /** The index of the current data. */
    public SuggestionIndex index() {
        return index.getOnVersion(v -> new IndexReader(store, iris, timeoutMillis).read(v));
    }

    /** A ranker over the current data with the current weights. */
    public Ranker ranker() {
        return new Ranker(index(), weights, staleBefore());
    }

    /** Uses other weights from now on (an evaluation tuning them). */
    public void useWeights(Weights w) {
        this.weights = w;
    }

    private LocalDate staleBefore() {
        return LocalDate.now(clock).minus(staleAfter);
    }

    public SuggestionList forCop(String copIri, int limit) {
        return forCop(copIri, limit, Include.PROPOSED);
    }

    /** The CoPs {@code copIri} could learn from and could help; 404 for an unknown IRI, 400 for one that is not a CoP. */
    public SuggestionList forCop(String copIri, int limit, Include include) {
        checkLimit(limit);
        Ranker r = ranker();
        SuggestionIndex ix = r.index();
        int cop = ix.positionOf(copIri);
        if (cop < 0) {
            if (ix.knows(copIri) || exists(copIri)) {
                throw Problem.badRequest("not-a-cop", copIri + " is not a CoP; for a person or an organisation use"
                        + " ?person= or ?organisation=.");
            }
            throw Problem.notFound("unknown-cop", "There is no CoP " + copIri + "; find one at /cops.");
        }
        return new SuggestionList(copIri, ix.copLabel(cop), r.learnFrom(cop, limit, include), r.canHelp(cop, limit, include),
                dataVersion(ix));
    }

    public SuggestionList forAgent(String personOrOrgIri, int limit) {
        return forAgent(personOrOrgIri, limit, Include.PROPOSED);
    }

    /**
     * For a person or organisation: the suggestions of the CoPs it is tied to (a member, the
     * contact person, a host, a network, a member of a host), merged, best first, each other CoP
     * once. Suggestions between two of its own CoPs come first: it could make that introduction
     * itself.
     */
    public SuggestionList forAgent(String iri, int limit, Include include) {
        checkLimit(limit);
        Ranker r = ranker();
        SuggestionIndex ix = r.index();
        if (ix.positionOf(iri) >= 0) {
            throw Problem.badRequest("not-an-agent", iri + " is a CoP; ask with ?cop= instead.");
        }
        int[] cops = ix.copsOfContact(iri);
        if (cops.length == 0 && !ix.knows(iri) && !exists(iri)) {
            throw Problem.notFound("unknown-agent", "There is no person or organisation " + iri + ".");
        }
        List<Integer> own = new ArrayList<>();
        for (int c : cops) {
            own.add(c);
        }
        own.sort(Comparator.comparingInt((Integer c) -> directTie(ix, iri, c) ? 0 : 1).thenComparing(ix::copIri));
        List<Integer> asked = own.subList(0, Math.min(MAX_AGENT_COPS, own.size()));
        java.util.Set<String> ownIris = new java.util.HashSet<>();
        own.forEach(c -> ownIris.add(ix.copIri(c)));
        Map<String, Suggestion> learn = new LinkedHashMap<>();
        Map<String, Suggestion> help = new LinkedHashMap<>();
        for (int c : asked) {
            r.learnFrom(c, limit, include).forEach(s -> learn.merge(s.cop(), s, (a, b) -> a.score() >= b.score() ? a : b));
            r.canHelp(c, limit, include).forEach(s -> help.merge(s.cop(), s, (a, b) -> a.score() >= b.score() ? a : b));
        }
        Comparator<Suggestion> order = Comparator.comparingInt((Suggestion s) -> ownIris.contains(s.cop()) ? 0 : 1)
                .thenComparing(Comparator.comparingDouble(Suggestion::score).reversed()).thenComparing(Suggestion::cop);
        Integer id = ix.ids.get(iri);
        String label = id != null ? ix.label(id) : SuggestionIndex.localName(iri);
        return new SuggestionList(iri, label, learn.values().stream().sorted(order).limit(limit).toList(),
                help.values().stream().sorted(order).limit(limit).toList(), dataVersion(ix));
    }

    private static boolean directTie(SuggestionIndex ix, String agent, int cop) {
        int at = ix.contacts.find(cop, ix.ids.get(agent));
        return at >= 0 && SuggestionIndex.Tie.values()[ix.contacts.detail[cop][at]].direct();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest("bad-parameter", "Parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
    }

    private static long dataVersion(SuggestionIndex ix) {
        return ix.version() instanceof Instant i ? i.toEpochMilli() : 0;
    }

    private boolean exists(String iri) {
        return store.query(EXISTS, BindingFactory.binding(Var.alloc("s"), NodeFactory.createURI(iri)), timeoutMillis,
                exec -> exec.ask());
    }

    public Iris iris() {
        return iris;
    }
}
