package org.w3id.copgraph.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.w3id.copgraph.directory.DirectoryIndex.Entry;
import org.w3id.copgraph.directory.DirectoryPage.Card;
import org.w3id.copgraph.directory.DirectoryPage.Chip;
import org.w3id.copgraph.directory.DirectoryPage.Choice;
import org.w3id.copgraph.directory.DirectoryPage.FacetValue;
import org.w3id.copgraph.directory.DirectoryPage.FacetView;
import org.w3id.copgraph.directory.DirectoryPage.Field;
import org.w3id.copgraph.directory.DirectoryPage.Links;
import org.w3id.copgraph.directory.DirectoryPage.Named;
import org.w3id.copgraph.directory.DirectoryPage.SortOption;
import org.w3id.copgraph.i18n.Messages;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedCache;

/**
 * The directory of CoPs ({@code /cops}): every CoP as a card, found by words and narrowed by
 * facets. The index behind it is read from the store once per data version ({@link IndexReader});
 * a request is then a pass over that index in memory, with no query to the store.
 *
 * <p>Search: a CoP is found by a word of its own name, alternative names or description (the
 * strongest match), or by a word of the label of what it names — a domain (or a broader one), a
 * practice, a tool, its host or network, its place — so "permaculture" finds the CoPs of that
 * domain too. With a {@link TextMatcher} (the text index) the words are matched there; without one,
 * by word prefixes in the index itself.
 */
public final class Directory implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Directory.class);

    /** Where the directory is served. */
    public static final String PATH = "/cops";
    /** Values of a facet shown before "show all". */
    public static final int SHOWN_VALUES = 12;

    /** Resources whose labels, alternative labels or descriptions match a text, best first (the text index). */
    @FunctionalInterface
    public interface TextMatcher {
        List<Match> find(String text, int limit);

        record Match(String iri, double score) {
        }
    }

    private final Store store;
    private final Iris iris;
    private final long timeoutMillis;
    private final Period staleAfter;
    private final Clock clock;
    private final Supplier<TextMatcher> matcher;
    private final VersionedCache<String, DirectoryIndex> cache;
    /** The CoPs a search text matches, with their scores: the same words are asked again as facets are chosen. */
    private final VersionedCache<String, Map<Integer, Double>> matches;

    /**
     * @param matcher the text index, or a supplier of null when there is none (then the index's own words are matched)
     */
    public Directory(Store store, Iris iris, long timeoutMillis, Period staleAfter, Clock clock, Supplier<TextMatcher> matcher) {
        this.store = store;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.matcher = matcher;
        this.cache = VersionedCache.ofSize(store, 1);
        this.matches = VersionedCache.ofSize(store, 500);
    }

    /** The index of the data as it is now: read once per data version. */
    public DirectoryIndex index() {
        return index(cache.currentVersion());
    }

    /** Whether the index of the current data has been read (by a visitor or the warm-up). */
    boolean holdsIndex() {
        return cache.getIfPresent(cache.currentVersion(), "index") != null;
    }

    private DirectoryIndex index(Object version) {
        return cache.get(version, "index", k -> new IndexReader(store, timeoutMillis).read());
    }

    private final Object warmLock = new Object();
    private volatile boolean closed;

    /**
     * How long the data must go without a change before the index is read in the background. At
     * 10,000 CoPs a read takes seconds of a core; read a second after every change of a curator's
     * run (one every second or two), it took most of a core from the changes themselves (1,714
     * of 2,600 samples in a profile of 40 changes).
     */
    static final long QUIET_MILLIS = 5_000;

    // At nice 19, as the other background work: it must not take a core from requests.
    private static final java.util.concurrent.ExecutorService WARMER = org.w3id.copgraph.Background.lowPriorityThread("directory-warm-up");
    private final org.w3id.copgraph.Background.QuietSpell warmUp = new org.w3id.copgraph.Background.QuietSpell(QUIET_MILLIS, WARMER,
            this::warm);

    /**
     * Reads the index of the current data in the background once the data has gone
     * {@link #QUIET_MILLIS} without a change (after the change that asks has committed), so the
     * first visitor after a run of changes does not wait for it. A run of changes makes one read.
     */
    public void warmSoon() {
        if (!closed) {
            warmUp.touch();
        }
    }

    private void warm() {
        org.w3id.copgraph.Background.yieldToRequestsUninterruptibly();
        synchronized (warmLock) {
            if (closed) {
                return;
            }
            try {
                index();
            } catch (java.util.concurrent.CancellationException e) {
                // The store is closing (Store#stopQueries): nothing to tell.
            } catch (RuntimeException e) {
                LOG.warn("The directory's index was not read in the background; the next visitor reads it", e);
            }
        }
    }

    /** Stops warming; waits for a read in progress, since the store will not close with a transaction open. */
    @Override
    public void close() {
        closed = true;
        synchronized (warmLock) {
            // Nothing: entering means no background read is running.
        }
    }

    public Period staleAfter() {
        return staleAfter;
    }

    /** One page of the directory for {@code r}. */
    public DirectoryPage search(DirectoryRequest r) {
        Object version = cache.currentVersion();
        DirectoryIndex idx = index(version);
        List<Entry> entries = idx.entries();
        LocalDate cutoff = LocalDate.now(clock).minus(staleAfter);
        Facet[] facets = Facet.values();
        int[][] counts = new int[facets.length][];
        for (Facet f : facets) {
            counts[f.ordinal()] = new int[idx.dictionary(f).size()];
        }
        Matched m = matched(version, idx, r, cutoff, counts);
        List<Integer> matched = m.positions();
        Map<Integer, Double> scores = m.scores();
        int total = matched.size();
        int pages = Math.max(1, (total + r.size() - 1) / r.size());
        List<Card> cards = new ArrayList<>();
        long start = (long) (r.page() - 1) * r.size();
        for (long i = start; i < Math.min(total, start + r.size()); i++) {
            int pos = matched.get((int) i);
            cards.add(card(idx, entries.get(pos), r.lang(), cutoff, scores == null ? null : scores.get(pos)));
        }
        return new DirectoryPage(r, r.q(), r.lang(), total, r.page(), r.size(), pages, cards, facetViews(idx, r, counts),
                chips(idx, r), hidden(r), links(r, pages), sorts(r), languages(idx, r), describe(staleAfter, r.lang()));
    }

    /** The entry positions a request matches, in its order, and their scores (null without a search text). */
    private record Matched(List<Integer> positions, Map<Integer, Double> scores) {
    }

    /** The CoPs {@code r} matches (every page), counting facet values into {@code counts} when it is not null. */
    private Matched matched(Object version, DirectoryIndex idx, DirectoryRequest r, LocalDate cutoff, int[][] counts) {
        List<Entry> entries = idx.entries();
        int[] candidates;
        Map<Integer, Double> scores = null;
        if (!r.q().isEmpty()) {
            scores = matches.get(version, r.q(), q -> match(idx, q));
            Map<Integer, Double> s = scores;
            int[] order = r.sort() == DirectoryRequest.Sort.REVIEWED ? idx.byReviewed(r.lang()) : idx.byName(r.lang());
            candidates = Arrays.stream(order).filter(s::containsKey).toArray();
            if (r.sort() == DirectoryRequest.Sort.RELEVANCE) {
                // Stable: equal scores stay in name order.
                candidates = Arrays.stream(candidates).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> -s.get(i))).mapToInt(Integer::intValue).toArray();
            }
        } else {
            candidates = r.sort() == DirectoryRequest.Sort.REVIEWED ? idx.byReviewed(r.lang()) : idx.byName(r.lang());
        }

        // The ids asked for per facet; a value no CoP has matches nothing.
        Facet[] facets = Facet.values();
        int[][] wanted = new int[facets.length][];
        boolean impossible = false;
        for (Facet f : facets) {
            List<String> vs = r.values(f);
            wanted[f.ordinal()] = new int[vs.size()];
            for (int i = 0; i < vs.size(); i++) {
                int id = idOf(idx.dictionary(f), vs.get(i));
                wanted[f.ordinal()][i] = id;
                impossible |= id < 0;
            }
        }
        List<Integer> matched = new ArrayList<>();
        if (!impossible) {
            for (int pos : candidates) {
                Entry e = entries.get(pos);
                int fresh = freshness(e, cutoff);
                if (accepts(e, fresh, wanted)) {
                    matched.add(pos);
                    if (counts == null) {
                        continue;
                    }
                    for (Facet f : facets) {
                        int[] c = counts[f.ordinal()];
                        if (f == Facet.FRESH) {
                            c[fresh]++;
                        } else {
                            for (int id : e.values()[f.ordinal()]) {
                                c[id]++;
                            }
                        }
                    }
                }
            }
        }
        return new Matched(matched, scores);
    }

    /**
     * Every CoP {@code r} matches, on every page (its page and size are ignored), in its order, each
     * with the places it meets at that have coordinates: what a map of the directory shows.
     */
    public List<Located> located(DirectoryRequest r) {
        Object version = cache.currentVersion();
        DirectoryIndex idx = index(version);
        LocalDate cutoff = LocalDate.now(clock).minus(staleAfter);
        List<Located> out = new ArrayList<>();
        for (int pos : matched(version, idx, r, cutoff, null).positions()) {
            out.add(located(idx, idx.entries().get(pos), r.lang(), cutoff));
        }
        return out;
    }

    /** The card of one CoP with its mapped places, or empty when {@code iri} is not a CoP of the directory. */
    public java.util.Optional<Located> cop(String iri, String lang) {
        DirectoryIndex idx = index();
        int pos = idx.positionOf(iri);
        if (pos < 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(located(idx, idx.entries().get(pos), lang, LocalDate.now(clock).minus(staleAfter)));
    }

    private Located located(DirectoryIndex idx, Entry e, String lang, LocalDate cutoff) {
        Card card = card(idx, e, lang, cutoff, null);
        List<Located.Point> points = new ArrayList<>();
        for (int i = 0; i < e.places().size(); i++) {
            DirectoryIndex.Place p = e.places().get(i);
            if (p.latitude() != null && p.longitude() != null) {
                Named named = card.places().get(i);
                points.add(new Located.Point(p.iri(), named.label(), named.href(), p.latitude(), p.longitude()));
            }
        }
        return new Located(card, points);
    }

    /** The id of a value given by key, IRI or path on this host ({@code /id/domain/permaculture}), any case; -1 if no CoP has it. */
    private int idOf(DirectoryIndex.Dictionary d, String v) {
        String form = v.startsWith("/") ? iris.forPath(v) : v;
        int id = d.id(form);
        return id >= 0 ? id : d.id(form.toLowerCase(Locale.ROOT));
    }

    private boolean accepts(Entry e, int fresh, int[][] wanted) {
        for (Facet f : Facet.values()) {
            for (int id : wanted[f.ordinal()]) {
                if (f == Facet.FRESH ? id != fresh : !e.has(f, id)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** 0 fresh, 1 stale, 2 never reviewed: the ids of the freshness facet's values. */
    private static int freshness(Entry e, LocalDate cutoff) {
        if (e.lastReviewed() == null) {
            return 2;
        }
        return e.lastReviewed().isBefore(cutoff) ? 1 : 0;
    }

    /** Entry positions that match {@code q}, with their scores. */
    private Map<Integer, Double> match(DirectoryIndex idx, String q) {
        TextMatcher m = matcher.get();
        return m != null ? matchByIndex(idx, m, q) : matchByWords(idx, q);
    }

    /** Through the text index: a CoP's own hit counts in full, a hit on what it names counts half. */
    private static Map<Integer, Double> matchByIndex(DirectoryIndex idx, TextMatcher m, String q) {
        Map<Integer, Double> scores = new HashMap<>();
        int limit = Math.min(50_000, idx.entries().size() * 5 + 100);
        for (TextMatcher.Match hit : m.find(q, limit)) {
            int own = idx.positionOf(hit.iri());
            if (own >= 0) {
                scores.merge(own, hit.score(), Math::max);
            } else {
                for (int pos : idx.entriesRelatedTo(hit.iri())) {
                    scores.merge(pos, hit.score() / 2, Math::max);
                }
            }
        }
        return scores;
    }

    /** Without a text index: every word of {@code q} begins a word of the CoP (2) or of what it names (1). */
    private static Map<Integer, Double> matchByWords(DirectoryIndex idx, String q) {
        List<String> words = Words.of(q);
        Map<Integer, Double> scores = new HashMap<>();
        List<Entry> entries = idx.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            boolean own = true;
            boolean any = true;
            for (String w : words) {
                boolean o = Words.hasPrefix(e.ownWords(), w);
                own &= o;
                if (!o && !Words.hasPrefix(e.relatedWords(), w)) {
                    any = false;
                    break;
                }
            }
            if (any) {
                scores.put(i, own ? 2.0 : 1.0);
            }
        }
        return scores;
    }

    private Card card(DirectoryIndex idx, Entry e, String lang, LocalDate cutoff, Double score) {
        String description = e.descriptions().in(lang);
        List<Named> places = new ArrayList<>();
        for (DirectoryIndex.Place p : e.places()) {
            String label = p.labels().in(lang);
            if (label == null) {
                label = String.join(", ", List.of(p.locality(), p.country()).stream().filter(s -> !s.isEmpty()).toList());
            }
            places.add(new Named(p.iri(), null, label.isEmpty() ? DirectoryIndex.localName(p.iri()) : label, href(p.iri())));
        }
        String meets = e.mode() == null ? null : switch (e.mode()) {
            case ONLINE -> "online";
            case IN_PERSON -> "in person";
            case MIXED -> "online and in person";
        };
        int fresh = freshness(e, cutoff);
        return new Card(e.iri(), href(e.iri()), DirectoryIndex.name(e, lang), e.names().langOf(lang),
                description == null ? null : firstLine(description), e.descriptions().langOf(lang),
                named(idx, Facet.DOMAIN, e.domains(), lang), named(idx, null, e.practices(), lang),
                named(idx, Facet.TOOL, e.tools(), lang), named(idx, Facet.ORG, e.organisations(), lang), places, meets,
                e.languages().stream().map(l -> new Named(null, l, languageName(l, lang), PATH + "?" + Facet.LANG.param + "=" + l)).toList(),
                e.status() == null ? null : named(idx, Facet.STATUS, List.of(e.status()), lang).get(0),
                e.lastReviewed() == null ? null : e.lastReviewed().toString(),
                fresh == 0 ? "fresh" : fresh == 1 ? "stale" : "never", score);
    }

    private List<Named> named(DirectoryIndex idx, Facet f, List<String> iriList, String lang) {
        List<Named> out = new ArrayList<>();
        for (String iri : iriList) {
            String key = f == null ? null : keyOf(idx, f, iri);
            String label = idx.label(iri, lang);
            out.add(new Named(iri, key, label != null ? label : DirectoryIndex.localName(iri), href(iri)));
        }
        return out;
    }

    private static String keyOf(DirectoryIndex idx, Facet f, String iri) {
        int id = idx.dictionary(f).id(iri);
        return id < 0 ? null : idx.dictionary(f).key(id);
    }

    /** The link to a resource: its page on this host, or the IRI itself when it lies outside the base. */
    private String href(String iri) {
        String path = iris.pathOf(iri);
        return path != null ? path : iri;
    }

    /** The first sentence, or the first 200 characters cut at a word: "one line of description". */
    static String firstLine(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        int stop = -1;
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && t.charAt(i + 1) == ' ' && i >= 20) {
                stop = i + 1;
                break;
            }
        }
        if (stop > 0 && stop <= 200) {
            return t.substring(0, stop);
        }
        if (t.length() <= 200) {
            return t;
        }
        int cut = t.lastIndexOf(' ', 199);
        return t.substring(0, cut > 100 ? cut : 199) + "…";
    }

    private List<FacetView> facetViews(DirectoryIndex idx, DirectoryRequest r, int[][] counts) {
        List<FacetView> out = new ArrayList<>();
        for (Facet f : Facet.values()) {
            DirectoryIndex.Dictionary d = idx.dictionary(f);
            int[] c = counts[f.ordinal()];
            List<String> chosen = r.values(f);
            List<FacetValue> values = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int id = 0; id < d.size(); id++) {
                boolean selected = isChosen(d, id, chosen);
                if (c[id] > 0 || selected) {
                    ids.add(id);
                }
            }
            if (f != Facet.FRESH && f != Facet.ONLINE) {
                // Most frequent first; among equals in key order (labels are looked up only for the values shown).
                ids.sort(Comparator.comparingInt((Integer id) -> -c[id]).thenComparingInt(id -> id));
            }
            int shown = 0;
            int hidden = 0;
            for (int id : ids) {
                boolean selected = isChosen(d, id, chosen);
                if (!selected && shown >= SHOWN_VALUES && !r.more().contains(f)) {
                    hidden++;
                    continue;
                }
                shown++;
                String key = d.key(id);
                String chosenForm = chosen.stream().filter(v -> idOf(d, v) == id).findFirst().orElse(key);
                String href = PATH + (selected ? r.without(f, chosenForm) : r.with(f, key)).queryString();
                values.add(new FacetValue(key, d.iri(id), valueLabel(idx, f, id, r.lang()), c[id], selected, href));
            }
            out.add(new FacetView(f.param, f.title, values, hidden, hidden > 0 ? PATH + r.showingAll(f).queryString() : null));
        }
        return out;
    }

    private boolean isChosen(DirectoryIndex.Dictionary d, int id, List<String> chosen) {
        for (String v : chosen) {
            if (idOf(d, v) == id) {
                return true;
            }
        }
        return false;
    }

    private String valueLabel(DirectoryIndex idx, Facet f, int id, String lang) {
        DirectoryIndex.Dictionary d = idx.dictionary(f);
        String key = d.key(id);
        return switch (f) {
            case LANG -> languageName(key, lang);
            case PLACE -> key;
            case ONLINE -> Messages.forLanguage(lang).get(key.equals("yes") ? "directory.online.yes" : "directory.online.no");
            case FRESH -> switch (key) {
                case "fresh" -> Messages.forLanguage(lang).get("directory.fresh.fresh", describe(staleAfter, lang));
                case "stale" -> Messages.forLanguage(lang).get("directory.fresh.stale");
                default -> Messages.forLanguage(lang).get("directory.fresh.never");
            };
            default -> {
                String label = idx.label(d.iri(id), lang);
                yield label != null ? label : DirectoryIndex.localName(d.iri(id));
            }
        };
    }

    private List<Chip> chips(DirectoryIndex idx, DirectoryRequest r) {
        List<Chip> out = new ArrayList<>();
        for (Facet f : Facet.values()) {
            for (String v : r.values(f)) {
                int id = idOf(idx.dictionary(f), v);
                String label = id >= 0 ? valueLabel(idx, f, id, r.lang()) : v;
                out.add(new Chip(f.param, f.title, v, label, PATH + r.without(f, v).queryString()));
            }
        }
        return out;
    }

    private static List<Field> hidden(DirectoryRequest r) {
        List<Field> out = new ArrayList<>();
        for (Facet f : Facet.values()) {
            for (String v : r.values(f)) {
                out.add(new Field(f.param, v));
            }
        }
        if (r.sort() == DirectoryRequest.Sort.REVIEWED) {
            out.add(new Field("sort", "reviewed"));
        }
        if (r.size() != DirectoryRequest.DEFAULT_SIZE) {
            out.add(new Field("size", Integer.toString(r.size())));
        }
        if (r.hl() != null) {
            out.add(new Field("hl", r.hl()));
        }
        return out;
    }

    private static Links links(DirectoryRequest r, int pages) {
        return new Links(PATH + r.queryString(), PATH + r.atPage(1).queryString(),
                r.page() > 1 ? PATH + r.atPage(Math.min(r.page() - 1, pages)).queryString() : null,
                r.page() < pages ? PATH + r.atPage(r.page() + 1).queryString() : null,
                PATH + r.atPage(pages).queryString(),
                r.hasFilters() ? PATH + r.withoutFilters().queryString() : null,
                r.q().isEmpty() ? null : PATH + r.withoutQ().queryString());
    }

    private static List<SortOption> sorts(DirectoryRequest r) {
        List<SortOption> out = new ArrayList<>();
        if (!r.q().isEmpty()) {
            out.add(new SortOption("relevance", "relevance", r.sort() == DirectoryRequest.Sort.RELEVANCE,
                    PATH + r.sortedBy(DirectoryRequest.Sort.RELEVANCE).queryString()));
        }
        out.add(new SortOption("name", "name", r.sort() == DirectoryRequest.Sort.NAME, PATH + r.sortedBy(DirectoryRequest.Sort.NAME).queryString()));
        out.add(new SortOption("reviewed", "last reviewed", r.sort() == DirectoryRequest.Sort.REVIEWED,
                PATH + r.sortedBy(DirectoryRequest.Sort.REVIEWED).queryString()));
        return out;
    }

    private static List<Choice> languages(DirectoryIndex idx, DirectoryRequest r) {
        List<Choice> out = new ArrayList<>();
        for (String l : idx.languages()) {
            out.add(new Choice(l, languageName(l, l), l.equals(r.lang()), PATH + r.inLanguage(l).queryString()));
        }
        return out;
    }

    /** "Italian (it)", in the reader's language when Java knows it; the code alone otherwise. */
    static String languageName(String code, String readerLang) {
        return LANGUAGE_NAMES.computeIfAbsent(code + "|" + readerLang, k -> languageNameOf(code, readerLang));
    }

    /** Java's display names take a resource-bundle look-up each: kept, since a page shows dozens. */
    private static final Map<String, String> LANGUAGE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String languageNameOf(String code, String readerLang) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayName(Locale.forLanguageTag(readerLang));
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }

    /** "12 months", "1 year and 6 months", "90 days". */
    static String describe(Period p) {
        return describe(p, "en");
    }

    /** A period in words of {@code lang} ("12 mesi", "1 año y 6 meses"). */
    static String describe(Period p, String lang) {
        Messages m = Messages.forLanguage(lang);
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(m.get(Math.abs(p.getYears()) == 1 ? "period.year" : "period.years", p.getYears()));
        }
        if (p.getMonths() != 0) {
            parts.add(m.get(Math.abs(p.getMonths()) == 1 ? "period.month" : "period.months", p.getMonths()));
        }
        if (p.getDays() != 0 || parts.isEmpty()) {
            parts.add(m.get(Math.abs(p.getDays()) == 1 ? "period.day" : "period.days", p.getDays()));
        }
        return String.join(m.get("period.and"), parts);
    }
}
