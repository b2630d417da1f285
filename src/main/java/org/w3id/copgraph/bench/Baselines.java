package org.w3id.copgraph.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.copgraph.network.Edge;
import org.w3id.copgraph.network.Net;
import org.w3id.copgraph.network.Network;
import org.w3id.copgraph.network.Projection;
import org.w3id.copgraph.network.Window;
import org.w3id.copgraph.store.Store;

/**
 * What one would use instead of copgraph's suggestions to guess whom a CoP could learn from, read from the same store
 * (so from the same visible data): measuring instruments for {@link SuggestionsBench}, not product. Each leaves out the
 * CoP itself and the CoPs it is already linked with by a cross-pollination (either way), as the suggestions do, and
 * breaks ties at random (seeded), so that a tie does not favour the CoPs that happen to come first.
 */
final class Baselines {

    private static final String PREFIXES = "PREFIX cop: <https://w3id.org/copgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> ";
    private static final Query COPS = QueryFactory.create(PREFIXES
            + "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?c a cop:CommunityOfPractice } }");
    private static final Query DOMAINS = QueryFactory.create(PREFIXES
            + "SELECT DISTINCT ?c ?d WHERE { GRAPH ?g { ?c a cop:CommunityOfPractice ; cop:domain ?d } }");
    private static final Query CROSS_POLLINATIONS = QueryFactory.create(PREFIXES
            + "SELECT DISTINCT ?a ?b WHERE { { GRAPH ?g { ?x prov:agent ?a ; cop:target ?b } }"
            + " UNION { GRAPH ?h { ?b cop:crossPollinatedBy ?a } } }");

    private final long seed;
    private final List<String> cops;
    private final Map<String, Integer> position = new HashMap<>();
    private final Set<Integer>[] linked;
    private final int[][] domains;
    private final Map<String, List<Integer>> copsOfDomain = new HashMap<>();
    private final int[][] copsOfDomainById;
    private final int[][] neighbours;
    /** Every CoP, most cross-pollinations first (visible ones, either way), ties in a seeded random order. */
    private final int[] byCrossPollinations;
    /** Every CoP, most neighbours in the network of any tie first. */
    private final int[] byNeighbours;
    private final int[] counts;

    @SuppressWarnings("unchecked")
    private Baselines(Store store, Net net, long seed) {
        this.seed = seed;
        TreeSet<String> sorted = new TreeSet<>();
        store.read(d -> {
            try (QueryExec qe = QueryExec.dataset(d).query(COPS).build()) {
                RowSet rows = qe.select();
                rows.forEachRemaining(b -> sorted.add(b.get("c").getURI()));
            }
            return null;
        });
        this.cops = List.copyOf(sorted);
        for (int i = 0; i < cops.size(); i++) {
            position.put(cops.get(i), i);
        }
        int n = cops.size();
        this.linked = new Set[n];
        for (int i = 0; i < n; i++) {
            linked[i] = new HashSet<>();
        }
        store.read(d -> {
            try (QueryExec qe = QueryExec.dataset(d).query(CROSS_POLLINATIONS).build()) {
                qe.select().forEachRemaining(b -> {
                    Integer a = position.get(b.get("a").toString());
                    Integer t = position.get(b.get("b").toString());
                    if (a != null && t != null && !a.equals(t)) {
                        linked[a].add(t);
                        linked[t].add(a);
                    }
                });
            }
            try (QueryExec qe = QueryExec.dataset(d).query(DOMAINS).build()) {
                qe.select().forEachRemaining(b -> {
                    Integer c = position.get(b.get("c").getURI());
                    if (c != null && b.get("d").isURI()) {
                        copsOfDomain.computeIfAbsent(b.get("d").getURI(), k -> new ArrayList<>()).add(c);
                    }
                });
            }
            return null;
        });
        this.domains = new int[n][];
        Map<String, Integer> domainIds = new HashMap<>();
        copsOfDomain.keySet().stream().sorted().forEach(k -> domainIds.put(k, domainIds.size()));
        List<List<Integer>> byCop = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byCop.add(new ArrayList<>());
        }
        copsOfDomain.forEach((iri, list) -> list.forEach(c -> byCop.get(c).add(domainIds.get(iri))));
        for (int i = 0; i < n; i++) {
            domains[i] = byCop.get(i).stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        }
        this.copsOfDomainById = new int[domainIds.size()][];
        copsOfDomain.forEach((iri, list) -> copsOfDomainById[domainIds.get(iri)] = list.stream().mapToInt(Integer::intValue).distinct().toArray());
        List<Set<Integer>> nb = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nb.add(new HashSet<>());
        }
        for (Edge e : net.edges()) {
            Integer a = position.get(e.source());
            Integer b = position.get(e.target());
            if (a != null && b != null && !a.equals(b)) {
                nb.get(a).add(b);
                nb.get(b).add(a);
            }
        }
        this.neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = nb.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        this.byCrossPollinations = order(i -> linked[i].size());
        this.byNeighbours = order(i -> neighbours[i].length);
        this.counts = new int[n];
    }

    /** Reads the CoPs, their domains and cross-pollinations, and the network of any tie ({@link Projection#ALL}) from {@code store}. */
    static Baselines read(Store store, long seed, long timeoutMillis) {
        Net net = Network.on(store, timeoutMillis).net(Projection.ALL, Window.ALWAYS);
        return new Baselines(store, net, seed);
    }

    List<String> cops() {
        return cops;
    }

    /** Any CoP, at random. */
    List<String> random(String cop, int k) {
        int t = position.get(cop);
        Random r = new Random(seed * 1_000_003L + t);
        List<String> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int tries = 0; out.size() < k && tries < 100 * k; tries++) {
            int c = r.nextInt(cops.size());
            if (allowed(t, c) && taken.add(c)) {
                out.add(cops.get(c));
            }
        }
        return out;
    }

    /** The CoPs with the most cross-pollinations (given or taken up): preferential attachment. */
    List<String> mostCrossPollinated(String cop, int k) {
        return first(position.get(cop), byCrossPollinations, k);
    }

    /** The CoPs with the most neighbours in the network of any tie (members, practices, domains, events, hosts, cross-pollinations). */
    List<String> mostConnected(String cop, int k) {
        return first(position.get(cop), byNeighbours, k);
    }

    /** The CoPs whose domains are most like this one's (Jaccard index of the two sets of domains). */
    List<String> sharedDomains(String cop, int k) {
        int t = position.get(cop);
        List<Integer> touched = new ArrayList<>();
        for (int d : domains[t]) {
            for (int c : copsOfDomainById[d]) {
                if (counts[c]++ == 0) {
                    touched.add(c);
                }
            }
        }
        List<double[]> scored = new ArrayList<>();
        for (int c : touched) {
            if (allowed(t, c)) {
                double jaccard = counts[c] / (double) (domains[t].length + domains[c].length - counts[c]);
                scored.add(new double[] {c, jaccard});
            }
            counts[c] = 0;
        }
        return best(t, scored, k);
    }

    /** The CoPs with the most neighbours in common with this one in the network of any tie: link prediction. */
    List<String> commonNeighbours(String cop, int k) {
        int t = position.get(cop);
        List<Integer> touched = new ArrayList<>();
        for (int u : neighbours[t]) {
            for (int c : neighbours[u]) {
                if (counts[c]++ == 0) {
                    touched.add(c);
                }
            }
        }
        List<double[]> scored = new ArrayList<>();
        for (int c : touched) {
            if (allowed(t, c)) {
                scored.add(new double[] {c, counts[c]});
            }
            counts[c] = 0;
        }
        return best(t, scored, k);
    }

    private boolean allowed(int t, int c) {
        return c != t && !linked[t].contains(c);
    }

    /** The {@code k} best scored (ties in a random order of their own), then, if too few scored, random others. */
    private List<String> best(int t, List<double[]> scored, int k) {
        scored.sort((a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Long.compare(tie(t, (int) a[0]), tie(t, (int) b[0])));
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < Math.min(k, scored.size()); i++) {
            String c = cops.get((int) scored.get(i)[0]);
            out.add(c);
            seen.add(c);
        }
        if (out.size() < k) {
            for (String c : random(cops.get(t), 2 * k)) {
                if (out.size() < k && seen.add(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private List<String> first(int t, int[] order, int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < order.length && out.size() < k; i++) {
            if (allowed(t, order[i])) {
                out.add(cops.get(order[i]));
            }
        }
        return out;
    }

    private int[] order(java.util.function.IntUnaryOperator score) {
        Integer[] all = new Integer[cops.size()];
        Arrays.setAll(all, i -> i);
        Arrays.sort(all, (a, b) -> {
            int sa = score.applyAsInt(a);
            int sb = score.applyAsInt(b);
            return sa != sb ? Integer.compare(sb, sa) : Long.compare(tie(-1, a), tie(-1, b));
        });
        return Arrays.stream(all).mapToInt(Integer::intValue).toArray();
    }

    /** A seeded random key per (asking CoP, candidate), for breaking ties. */
    private long tie(int t, int c) {
        long x = seed * 0x9E3779B97F4A7C15L + t * 0xBF58476D1CE4E5B9L + c * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        x *= 0x7FB5D329728EA185L;
        x ^= x >>> 27;
        return x;
    }
}
