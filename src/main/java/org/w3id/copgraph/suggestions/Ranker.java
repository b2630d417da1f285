package org.w3id.copgraph.suggestions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Ranks "who could {@code learner} learn from" (and, turned round, "whom could {@code helper}
 * help") over a {@link SuggestionIndex}: pure, no store. Candidates come from inverted indexes
 * (CoPs offering what this one needs, sharing a domain or a nearby one, sharing a person,
 * organisation, event or cross-pollination partner), summed roughly as they are found; only the
 * best few are then scored in full and, for those returned, explained.
 */
public final class Ranker {

    private final SuggestionIndex ix;
    private final Weights w;
    private final LocalDate staleBefore;
    private final double logN;

    /**
     * @param staleBefore a helper reviewed before this day counts as stale (null: never stale)
     */
    public Ranker(SuggestionIndex index, Weights weights, LocalDate staleBefore) {
        this.ix = index;
        this.w = weights;
        this.staleBefore = staleBefore;
        this.logN = Math.log(Math.max(index.copCount(), 2));
    }

    public SuggestionIndex index() {
        return ix;
    }

    /** The CoPs {@code cop} (a position) could learn from, best first, explained. */
    public List<Suggestion> learnFrom(int cop, int limit, Include include) {
        return explainAll(cop, rank(cop, Direction.LEARN_FROM, limit, include), Direction.LEARN_FROM);
    }

    /** The CoPs {@code cop} could help, best first, explained. */
    public List<Suggestion> canHelp(int cop, int limit, Include include) {
        return explainAll(cop, rank(cop, Direction.CAN_HELP, limit, include), Direction.CAN_HELP);
    }

    /**
     * The positions of the best {@code limit} other CoPs for {@code cop} in {@code direction},
     * best first, without explanations: what an evaluation ranks.
     */
    public int[] rank(int cop, Direction direction, int limit, Include include) {
        int n = ix.copCount();
        double[] acc = new double[n];
        boolean[] seen = new boolean[n];
        int[][] touchedHolder = {new int[Math.max(1, Math.min(n, 1024))]};
        int[] count = {0};
        Adder add = (cops, weight) -> {
            for (int c : cops) {
                if (!seen[c]) {
                    seen[c] = true;
                    if (count[0] == touchedHolder[0].length) {
                        touchedHolder[0] = Arrays.copyOf(touchedHolder[0], Math.min(n, touchedHolder[0].length * 2));
                    }
                    touchedHolder[0][count[0]++] = c;
                }
                acc[c] += weight;
            }
        };
        gather(cop, direction, add);
        if (include != Include.UNLINKED) {
            int[] linked = ix.links.of(cop);
            int[] linkedCops = Arrays.stream(linked).map(t -> ix.copPosition[t]).filter(p -> p >= 0).toArray();
            add.add(linkedCops, 0);
        }
        int pool = Math.max(limit * w.candidatesPerSuggestion(), 40);
        PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.comparingDouble((Integer c) -> acc[c]).thenComparing(c -> -c));
        int[] touched = touchedHolder[0];
        for (int i = 0; i < count[0]; i++) {
            int c = touched[i];
            if (c == cop || !include.keeps(ix.linkStatus(cop, c))) {
                continue;
            }
            best.add(c);
            if (best.size() > pool) {
                best.poll();
            }
        }
        int[] candidates = best.stream().mapToInt(Integer::intValue).toArray();
        double[] scores = new double[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            scores[i] = direction == Direction.LEARN_FROM ? score(cop, candidates[i]) : score(candidates[i], cop);
        }
        Integer[] order = new Integer[candidates.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> ix.copIri(candidates[i])));
        return Arrays.stream(order).filter(i -> scores[i] > 0).limit(limit).mapToInt(i -> candidates[i]).toArray();
    }

    private interface Adder {
        void add(int[] cops, double weight);
    }

    /** Finds candidates and sums a rough score for each, walking only the posting lists of what {@code cop} has. */
    private void gather(int cop, Direction direction, Adder add) {
        // What the learner needs, offered by the helper (or, turned round, what this one offers, needed by others).
        SuggestionIndex.Facet mine = direction == Direction.LEARN_FROM ? ix.needs : ix.offers;
        SuggestionIndex.Facet theirs = direction == Direction.LEARN_FROM ? ix.offers : ix.needs;
        for (int c : mine.of(cop)) {
            add.add(theirs.copsWith(c), w.need());
            for (int near : near(c)) {
                add.add(theirs.copsWith(near), w.need() * w.nearConcept());
            }
            for (int rel : related(c)) {
                add.add(theirs.copsWith(rel), w.need() * w.relatedConcept());
            }
        }
        int[] domains = ix.domains.of(cop);
        for (int d : domains) {
            int[] with = ix.domains.copsWith(d);
            if (with.length <= w.candidateFanOut()) {
                add.add(with, w.sharedDomain() / domains.length);
            }
            for (int near : near(d)) {
                int[] nearWith = ix.domains.copsWith(near);
                if (nearWith.length <= w.candidateFanOut()) {
                    add.add(nearWith, w.neighbouringDomain() / domains.length);
                }
            }
        }
        for (int k : ix.contacts.of(cop)) {
            int[] with = ix.contacts.copsWith(k);
            if (with.length <= w.candidateFanOut()) {
                add.add(with, w.closeness() / Math.log(2 + with.length));
            }
        }
        for (int z : ix.links.of(cop)) {
            int[] with = ix.links.copsWith(z);
            if (with.length <= w.candidateFanOut()) {
                add.add(with, w.closeness() / Math.log(2 + with.length));
            }
        }
    }

    /** The parts of a score, each in [0, 1] (see {@link Weights}). */
    private record Parts(double need, double practices, double tools, double jaccard, double neighbours, double closeness,
                         double gate, double freshness) {

        double total(Weights w) {
            return (w.need() * need + (w.practice() * practices + w.tool() * tools) * gate + w.sharedDomain() * jaccard
                    + w.neighbouringDomain() * neighbours + w.closeness() * closeness) * freshness;
        }
    }

    /** How well {@code learner} could learn from {@code helper} (positions): 0 when nothing relates them. */
    public double score(int learner, int helper) {
        return parts(learner, helper).total(w);
    }

    private Parts parts(int l, int h) {
        double needSum = 0;
        for (int c : ix.needs.of(l)) {
            needSum += match(c, h);
        }
        double practices = saturate(toLearn(ix.practices, l, h, 3));
        double tools = saturate(toLearn(ix.tools, l, h, 3));
        int[] dl = ix.domains.of(l);
        int[] dh = ix.domains.of(h);
        int shared = intersectionSize(dl, dh);
        double jaccard = dl.length + dh.length == 0 ? 0 : (double) shared / (dl.length + dh.length - shared);
        int neighbouring = 0;
        for (int d : dl) {
            if (!ix.domains.has(h, d) && nearAny(d, h)) {
                neighbouring++;
            }
        }
        double neighbours = dl.length == 0 ? 0 : Math.min(1, (double) neighbouring / dl.length);
        double aa = adamicAdar(ix.contacts, l, h) + adamicAdar(ix.links, l, h);
        double gate = needSum > 0 || shared > 0 || neighbouring > 0 || aa > 0 ? 1 : w.unrelatedGate();
        return new Parts(saturate(needSum), practices, tools, jaccard, neighbours, saturate(aa), gate, freshness(h));
    }

    private static double saturate(double x) {
        return 1 - Math.exp(-x);
    }

    /** How well the helper's offers meet one need: 1 exactly, less through a broader, narrower or related concept. */
    private double match(int concern, int helper) {
        if (ix.offers.has(helper, concern)) {
            return 1;
        }
        for (int near : near(concern)) {
            if (ix.offers.has(helper, near)) {
                return w.nearConcept();
            }
        }
        for (int rel : related(concern)) {
            if (ix.offers.has(helper, rel)) {
                return w.relatedConcept();
            }
        }
        return 0;
    }

    /** The offered concern that meets a need best, or -1. */
    private int matchingOffer(int concern, int helper) {
        if (ix.offers.has(helper, concern)) {
            return concern;
        }
        for (int near : near(concern)) {
            if (ix.offers.has(helper, near)) {
                return near;
            }
        }
        for (int rel : related(concern)) {
            if (ix.offers.has(helper, rel)) {
                return rel;
            }
        }
        return -1;
    }

    /** The summed rarity (idf, in [0, 1] each) of the best {@code top} things the helper has and the learner lacks. */
    private double toLearn(SuggestionIndex.Facet f, int l, int h, int top) {
        double[] best = new double[top];
        for (int t : f.of(h)) {
            if (!f.has(l, t)) {
                double idf = rarity(f, t);
                for (int i = 0; i < top; i++) {
                    if (idf > best[i]) {
                        System.arraycopy(best, i, best, i + 1, top - i - 1);
                        best[i] = idf;
                        break;
                    }
                }
            }
        }
        double sum = 0;
        for (double b : best) {
            sum += b;
        }
        return sum;
    }

    private double rarity(SuggestionIndex.Facet f, int thing) {
        return Math.log((double) ix.copCount() / Math.max(1, f.count(thing))) / logN;
    }

    private double adamicAdar(SuggestionIndex.Facet f, int l, int h) {
        int[] a = f.of(l);
        int[] b = f.of(h);
        int lt = ix.cops[l];
        int ht = ix.cops[h];
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                if (a[i] != lt && a[i] != ht) {
                    sum += 1 / Math.log(2 + f.count(a[i]));
                }
                i++;
                j++;
            }
        }
        return sum;
    }

    private double freshness(int helper) {
        LocalDate r = ix.reviewed[helper];
        if (r == null) {
            return w.neverReviewed();
        }
        return staleBefore != null && r.isBefore(staleBefore) ? w.stale() : 1;
    }

    private int[] near(int concept) {
        int[] b = concept < ix.broader.length ? ix.broader[concept] : null;
        int[] n = concept < ix.narrower.length ? ix.narrower[concept] : null;
        if (b == null) {
            return n == null ? SuggestionIndex.EMPTY : n;
        }
        if (n == null) {
            return b;
        }
        int[] both = Arrays.copyOf(b, b.length + n.length);
        System.arraycopy(n, 0, both, b.length, n.length);
        return both;
    }

    private int[] related(int concept) {
        int[] r = concept < ix.related.length ? ix.related[concept] : null;
        return r == null ? SuggestionIndex.EMPTY : r;
    }

    private boolean nearAny(int domain, int cop) {
        for (int d : near(domain)) {
            if (ix.domains.has(cop, d)) {
                return true;
            }
        }
        for (int d : related(domain)) {
            if (ix.domains.has(cop, d)) {
                return true;
            }
        }
        return false;
    }

    private static int intersectionSize(int[] a, int[] b) {
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ explanations

    private List<Suggestion> explainAll(int cop, int[] others, Direction direction) {
        List<Suggestion> out = new ArrayList<>(others.length);
        for (int o : others) {
            out.add(direction == Direction.LEARN_FROM ? explain(cop, o, direction, o) : explain(o, cop, direction, o));
        }
        return out;
    }

    /** The suggestion that {@code l} could learn from {@code h}, seen from the side of {@code other}. */
    Suggestion explain(int l, int h, Direction direction, int other) {
        Parts p = parts(l, h);
        String ln = ix.copLabel(l);
        String hn = ix.copLabel(h);
        List<SuggestionReason> reasons = new ArrayList<>();
        Set<Item> couldMove = new LinkedHashSet<>();

        // Needs met by offers, one reason each.
        int[] needs = ix.needs.of(l);
        int shown = 0;
        for (int i = 0; i < needs.length && shown < 3; i++) {
            int c = needs[i];
            int offered = matchingOffer(c, h);
            if (offered < 0) {
                continue;
            }
            shown++;
            int at = ix.offers.find(h, offered);
            int need = ix.needs.detail[l][i];
            int offer = ix.offers.detail[h][at];
            String how = offered == c ? "" : nearOrRelated(c, offered);
            String text = ln + " needs " + ix.label(c) + quote(need) + "; " + hn + " offers " + ix.label(offered) + quote(offer)
                    + how + ".";
            couldMove.add(item(offered));
            reasons.add(new SuggestionReason("NeedMetByOffer", text, items(need, offer, c, offered),
                    sources(ix.needs.graphs[l][i], ix.offers.graphs[h][at])));
        }

        // Shared and neighbouring domains.
        List<Integer> shared = new ArrayList<>();
        List<Integer> sharedGraphs = new ArrayList<>();
        for (int i = 0; i < ix.domains.of(l).length; i++) {
            int d = ix.domains.of(l)[i];
            int at = ix.domains.find(h, d);
            if (at >= 0) {
                shared.add(d);
                sharedGraphs.add(ix.domains.graphs[l][i]);
                sharedGraphs.add(ix.domains.graphs[h][at]);
            }
        }
        if (!shared.isEmpty()) {
            reasons.add(new SuggestionReason("SharedDomain", "Both work on " + labels(shared) + ".",
                    shared.stream().map(this::item).toList(), sources(sharedGraphs)));
        }
        List<Item> nearVia = new ArrayList<>();
        List<String> nearText = new ArrayList<>();
        List<Integer> nearGraphs = new ArrayList<>();
        for (int i = 0; i < ix.domains.of(l).length && nearText.size() < 3; i++) {
            int d = ix.domains.of(l)[i];
            if (ix.domains.has(h, d)) {
                continue;
            }
            for (int j = 0; j < ix.domains.of(h).length; j++) {
                int e = ix.domains.of(h)[j];
                String how = nearOrRelated(d, e);
                if (!how.isEmpty()) {
                    nearText.add(ln + " works on " + ix.label(d) + ", " + hn + " on " + ix.label(e) + how);
                    nearVia.add(item(d));
                    nearVia.add(item(e));
                    nearGraphs.add(ix.domains.graphs[l][i]);
                    nearGraphs.add(ix.domains.graphs[h][j]);
                    break;
                }
            }
        }
        if (!nearText.isEmpty()) {
            reasons.add(new SuggestionReason("NeighbouringDomain", String.join("; ", nearText) + ".", nearVia, sources(nearGraphs)));
        }

        // Practices and tools the helper has and the learner does not, rarest first.
        toLearnReason(ix.practices, l, h, "PracticeToLearn", "the practice", "the practices", p.gate, reasons, couldMove);
        toLearnReason(ix.tools, l, h, "ToolToLearn", "the tool", "the tools", p.gate, reasons, couldMove);

        // People and organisations in both (they could introduce them), then the wider circles.
        closenessReasons(l, h, ln, hn, reasons);

        // How fresh the helper's data is.
        LocalDate r = ix.reviewed[h];
        if (r == null) {
            reasons.add(new SuggestionReason("Freshness", hn + "'s data was never reviewed: check that it is still accurate"
                    + " before acting on this suggestion.", List.of(item(ix.cops[h])), List.of()));
        } else if (staleBefore != null && r.isBefore(staleBefore)) {
            reasons.add(new SuggestionReason("Freshness", hn + "'s data was last reviewed on " + r
                    + ", longer ago than the freshness window: check that it is still accurate.", List.of(item(ix.cops[h])),
                    ix.reviewedGraph[h] >= 0 ? List.of(ix.graphs[ix.reviewedGraph[h]]) : List.of()));
        }
        double score = Math.round(p.total(w) * 1000) / 1000.0;
        int linked = ix.linkStatus(l, h);
        return new Suggestion(ix.copIri(other), ix.copLabel(other), direction, score, List.copyOf(couldMove),
                List.copyOf(reasons), linked >= 0);
    }

    private void toLearnReason(SuggestionIndex.Facet f, int l, int h, String kind, String one, String many, double gate,
                               List<SuggestionReason> reasons, Set<Item> couldMove) {
        List<int[]> missing = new ArrayList<>();
        int[] values = f.of(h);
        for (int i = 0; i < values.length; i++) {
            if (!f.has(l, values[i])) {
                missing.add(new int[] {values[i], f.graphs[h][i]});
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        missing.sort(Comparator.comparingInt((int[] m) -> f.count(m[0])).thenComparing(m -> ix.things[m[0]]));
        List<int[]> top = missing.subList(0, Math.min(3, missing.size()));
        List<Integer> things = top.stream().map(m -> m[0]).toList();
        String text = ix.copLabel(h) + " has " + (things.size() == 1 ? one : many) + " " + labels(things) + ", which "
                + ix.copLabel(l) + " does not list" + (things.size() == 1 ? " (" + rareness(f, things.get(0)) + ")" : "")
                + (gate < 1 ? "; nothing else relates the two CoPs, so this weighs little" : "") + ".";
        things.forEach(t -> couldMove.add(item(t)));
        reasons.add(new SuggestionReason(kind, text, things.stream().map(this::item).toList(),
                sources(top.stream().map(m -> m[1]).toList())));
    }

    private String rareness(SuggestionIndex.Facet f, int thing) {
        int n = f.count(thing);
        return n == 1 ? "no other CoP has it" : n + " of " + ix.copCount() + " CoPs have it";
    }

    private void closenessReasons(int l, int h, String ln, String hn, List<SuggestionReason> reasons) {
        List<String> wider = new ArrayList<>();
        List<Item> widerVia = new ArrayList<>();
        List<Integer> widerGraphs = new ArrayList<>();
        List<int[]> common = new ArrayList<>();
        commonOf(ix.contacts, l, h, common);
        commonOf(ix.links, l, h, common);
        // The most specific first: the fewest CoPs tied to them.
        // People first (they are who introduces), then the most specific: the fewest CoPs tied to them.
        common.sort(Comparator.comparingInt((int[] c) -> ix.persons[c[0]] ? 0 : 1).thenComparingInt(c -> c[5])
                .thenComparing(c -> ix.things[c[0]]));
        int introducers = 0;
        for (int[] c : common) {
            int k = c[0];
            SuggestionIndex.Tie tl = SuggestionIndex.Tie.values()[c[1]];
            SuggestionIndex.Tie th = SuggestionIndex.Tie.values()[c[3]];
            String sentence = tl.describe(ln, hostLabel(c[2])) + "; and " + th.describe(hn, hostLabel(c[4]));
            boolean canIntroduce = (tl.direct() || th.direct()) && tl != SuggestionIndex.Tie.EVENT && tl != SuggestionIndex.Tie.EXCHANGE
                    && tl != SuggestionIndex.Tie.PROPOSED_EXCHANGE;
            if (canIntroduce && introducers < 3) {
                introducers++;
                List<Item> via = new ArrayList<>(List.of(item(k)));
                if (c[2] >= 0) {
                    via.add(item(c[2]));
                }
                if (c[4] >= 0 && c[4] != c[2]) {
                    via.add(item(c[4]));
                }
                reasons.add(new SuggestionReason("CommonContact", ix.label(k) + " could introduce them: " + ix.label(k) + " "
                        + sentence + ".", via, sources(c[6], c[7])));
            } else if (!canIntroduce && wider.size() < 3) {
                wider.add(ix.label(k) + " " + sentence);
                widerVia.add(item(k));
                widerGraphs.add(c[6]);
                widerGraphs.add(c[7]);
            }
        }
        if (!wider.isEmpty()) {
            reasons.add(new SuggestionReason("NetworkCloseness", ln + " and " + hn + " are two steps apart: "
                    + String.join("; ", wider) + ".", widerVia, sources(widerGraphs)));
        }
    }

    /** Things both CoPs have in {@code f}: {thing, tie l, host l, tie h, host h, how many CoPs, graph l, graph h}. */
    private void commonOf(SuggestionIndex.Facet f, int l, int h, List<int[]> out) {
        int[] a = f.of(l);
        int[] b = f.of(h);
        boolean links = f == ix.links;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                if (a[i] != ix.cops[l] && a[i] != ix.cops[h]) {
                    int tieL = links ? exchange(f.detail[l][i]) : f.detail[l][i];
                    int tieH = links ? exchange(f.detail[h][j]) : f.detail[h][j];
                    out.add(new int[] {a[i], tieL, links ? -1 : f.via[l][i], tieH, links ? -1 : f.via[h][j], f.count(a[i]),
                            f.graphs[l][i], f.graphs[h][j]});
                }
                i++;
                j++;
            }
        }
    }

    /** A cross-pollination partner's tie: taken up, or only proposed. */
    private static int exchange(int status) {
        return (status == SuggestionIndex.PROPOSED ? SuggestionIndex.Tie.PROPOSED_EXCHANGE : SuggestionIndex.Tie.EXCHANGE).ordinal();
    }

    private String hostLabel(int host) {
        return host >= 0 ? ix.label(host) : "";
    }

    private String nearOrRelated(int a, int b) {
        int[] broader = a < ix.broader.length ? ix.broader[a] : null;
        int[] narrower = a < ix.narrower.length ? ix.narrower[a] : null;
        if (broader != null && Arrays.binarySearch(broader, b) >= 0) {
            return " (broader than " + ix.label(a) + ")";
        }
        if (narrower != null && Arrays.binarySearch(narrower, b) >= 0) {
            return " (narrower than " + ix.label(a) + ")";
        }
        return Arrays.binarySearch(related(a), b) >= 0 ? " (related to " + ix.label(a) + ")" : "";
    }

    private String quote(int resource) {
        String d = ix.descriptions.get(resource);
        if (d == null || d.isBlank()) {
            return "";
        }
        String t = d.strip();
        return " (\"" + (t.length() > 140 ? t.substring(0, 137) + "..." : t) + "\")";
    }

    private String labels(List<Integer> things) {
        List<String> names = things.stream().map(ix::label).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private Item item(int thing) {
        return new Item(ix.things[thing], ix.label(thing));
    }

    private List<Item> items(int... things) {
        Set<Item> out = new LinkedHashSet<>();
        for (int t : things) {
            out.add(item(t));
        }
        return List.copyOf(out);
    }

    private List<String> sources(int... graphs) {
        Set<String> out = new LinkedHashSet<>();
        for (int g : graphs) {
            if (g >= 0) {
                out.add(ix.graphs[g]);
            }
        }
        return List.copyOf(out);
    }

    private List<String> sources(List<Integer> graphs) {
        return sources(graphs.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Ranker(%d CoPs)", ix.copCount());
    }
}
