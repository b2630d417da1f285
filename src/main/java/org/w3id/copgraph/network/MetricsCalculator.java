package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * Computes the metrics of a network on its undirected, simple shape (direction and parallel
 * reasons folded into one tie; weights only in the weighted degree). Clustering, communities
 * (label propagation), bridges and articulation points come from JGraphT. Betweenness and
 * closeness come from one Brandes pass per source over int arrays, split across cores:
 * JGraphT's map-based BetweennessCentrality needs tens of seconds at 10,000 CoPs.
 */
final class MetricsCalculator {

    private static final long SEED = 20201202L;

    /** Up to this many nodes betweenness and closeness are exact; above, estimated from samples. */
    static final int EXACT_NODES = 3_000;

    /** How many BFS sources the estimates use above {@link #EXACT_NODES}. */
    static final int SAMPLES = 600;

    private MetricsCalculator() {
    }

    /**
     * Computes on a thread of its own with a deep stack: JGraphT's biconnectivity search recurses
     * once per node along a DFS path, which overflows an ordinary stack at 10,000 CoPs.
     */
    static Metrics compute(Net net) {
        return compute(net, true);
    }

    /** @param parallel spread the BFS sweeps over every core, or keep to one (background work) */
    static Metrics compute(Net net, boolean parallel) {
        java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(computeHere(net, parallel));
            } catch (RuntimeException | Error e) {
                result.set(e);
            }
        }, "network-metrics", 1L << 30);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing network metrics", e);
        }
        Object r = result.get();
        if (r instanceof RuntimeException e) {
            throw e;
        }
        if (r instanceof Error e) {
            throw e;
        }
        return (Metrics) r;
    }

    private static Metrics computeHere(Net net, boolean parallel) {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(net.nodes().keySet());
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
        }
        double[] weighted = new double[n];
        Map<DefaultEdge, Edge> original = new HashMap<>();
        for (Edge e : net.edges()) {
            Integer a = index.get(e.source());
            Integer b = index.get(e.target());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            weighted[a] += e.weight();
            weighted[b] += e.weight();
            DefaultEdge de = g.addEdge(a, b);
            if (de != null) {
                original.put(de, e);
            } else {
                // The reverse of a directed tie: one tie in the undirected shape, no longer a bridge by itself.
                original.put(g.getEdge(a, b), null);
            }
        }
        int[][] adjacency = new int[n][];
        for (int i = 0; i < n; i++) {
            int self = i;
            adjacency[i] = g.edgesOf(i).stream().mapToInt(e -> {
                int s = g.getEdgeSource(e);
                return s == self ? g.getEdgeTarget(e) : s;
            }).toArray();
        }
        int sources = n <= EXACT_NODES ? n : SAMPLES;
        double[][] bc = Brandes.run(adjacency, sources, SEED, parallel);
        double[] clustering = localClustering(adjacency);
        List<Set<Integer>> clusters = new LabelPropagationClustering<>(g, 100, new Random(SEED)).getClustering().getClusters();
        // Biggest community first, so community 0 is the main one whatever the iteration order.
        List<Set<Integer>> sorted = new ArrayList<>(clusters);
        sorted.sort((x, y) -> y.size() != x.size() ? Integer.compare(y.size(), x.size())
                : Integer.compare(x.stream().min(Integer::compare).orElse(0), y.stream().min(Integer::compare).orElse(0)));
        int[] community = new int[n];
        for (int c = 0; c < sorted.size(); c++) {
            for (int v : sorted.get(c)) {
                community[v] = c;
            }
        }
        BiconnectivityInspector<Integer, DefaultEdge> bi = new BiconnectivityInspector<>(g);
        Set<Integer> cutpoints = bi.getCutpoints();
        List<Edge> bridges = new ArrayList<>();
        for (DefaultEdge de : bi.getBridges()) {
            Edge e = original.get(de);
            if (e != null) {
                bridges.add(e);
            }
        }
        Map<String, NodeMetrics> out = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.put(ids.get(i), new NodeMetrics(adjacency[i].length, weighted[i], bc[0][i], bc[1][i],
                    clustering[i], community[i], cutpoints.contains(i)));
        }
        return new Metrics(net.projection(), net.window(), out, bridges, sorted.size(), sources, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Local clustering coefficient of every node: the share of its neighbours' pairs that are tied.
     * Counted on int arrays with a mark per neighbour; JGraphT's set-based version took 24 s on the
     * dense "all" projection of 1,000 generated CoPs, where shared domains tie hundreds of CoPs.
     */
    static double[] localClustering(int[][] adjacency) {
        int n = adjacency.length;
        double[] out = new double[n];
        int[] mark = new int[n];
        java.util.Arrays.fill(mark, -1);
        for (int v = 0; v < n; v++) {
            int[] nv = adjacency[v];
            int d = nv.length;
            if (d < 2) {
                continue;
            }
            for (int u : nv) {
                mark[u] = v;
            }
            long links = 0;
            for (int u : nv) {
                for (int w : adjacency[u]) {
                    if (mark[w] == v) {
                        links++;
                    }
                }
            }
            // Each tie between two neighbours was seen from both ends.
            out[v] = (links / 2.0) / (d * (d - 1) / 2.0);
        }
        return out;
    }

    /** Brandes' betweenness and Wasserman–Faust closeness from one BFS per source. */
    static final class Brandes {

        private Brandes() {
        }

        /** Exact: a BFS from every node. */
        static double[][] run(int[][] adjacency) {
            return run(adjacency, Integer.MAX_VALUE, 0, true);
        }

        /**
         * @param samples above this many nodes, BFS from this many randomly chosen sources only
         *                and scale (Brandes–Pich pivots for betweenness, Eppstein–Wang for
         *                closeness): unbiased estimates at a fraction of the time
         * @return {betweenness (normalised), closeness} per node
         */
        static double[][] run(int[][] adjacency, int samples, long seed, boolean parallel) {
            int n = adjacency.length;
            // Renumber nodes in breadth-first order and pack the adjacency into one array, so
            // that each BFS walks memory mostly forwards: about twice as fast at 10,000 CoPs.
            int[] order = bfsOrder(adjacency);
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                rank[order[i]] = i;
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + adjacency[order[i]].length;
            }
            int[] targets = new int[start[n]];
            for (int i = 0; i < n; i++) {
                int[] nb = adjacency[order[i]];
                for (int j = 0; j < nb.length; j++) {
                    targets[start[i] + j] = rank[nb[j]];
                }
                java.util.Arrays.sort(targets, start[i], start[i + 1]);
            }
            int[] sources;
            if (samples >= n) {
                sources = IntStream.range(0, n).toArray();
            } else {
                java.util.List<Integer> all = new java.util.ArrayList<>(IntStream.range(0, n).boxed().toList());
                java.util.Collections.shuffle(all, new java.util.Random(seed));
                sources = all.subList(0, samples).stream().mapToInt(Integer::intValue).sorted().toArray();
            }
            int parts = parallel ? Math.max(1, Math.min(sources.length, Runtime.getRuntime().availableProcessors())) : 1;
            double[][] sums = IntStream.range(0, parts).parallel()
                    .mapToObj(part -> sweep(start, targets, sources, part, parts))
                    .reduce((a, b) -> {
                        for (int r = 0; r < a.length; r++) {
                            for (int i = 0; i < n; i++) {
                                a[r][i] += b[r][i];
                            }
                        }
                        return a;
                    }).orElseGet(() -> new double[3][n]);
            double scale = n / (double) sources.length;
            // Each unordered pair was counted from both ends; normalise by the pairs of other nodes.
            double pairs = n > 2 ? (n - 1) * (double) (n - 2) : 1;
            double[] betweenness = new double[n];
            double[] closeness = new double[n];
            for (int i = 0; i < n; i++) {
                int r = rank[i];
                betweenness[i] = sums[0][r] * scale / pairs;
                // Undirected: the distances from the sources to a node are its distances to them.
                double reached = sums[2][r] * scale - 1;
                double distances = sums[1][r] * scale;
                closeness[i] = reached <= 0 || distances <= 0 || n < 2 ? 0 : (reached / (n - 1)) * (reached / distances);
            }
            return new double[][]{betweenness, closeness};
        }

        /** @return {betweenness sums, distance sums, reaching sources} per node (by rank) */
        private static double[][] sweep(int[] start, int[] targets, int[] sources, int part, int parts) {
            int n = start.length - 1;
            double[] bc = new double[n];
            double[] distanceSum = new double[n];
            double[] reachedBy = new double[n];
            int[] dist = new int[n];
            double[] sigma = new double[n];
            double[] delta = new double[n];
            int[] queue = new int[n];
            java.util.Arrays.fill(dist, -1);
            for (int si = part; si < sources.length; si += parts) {
                int s = sources[si];
                int head = 0;
                int tail = 0;
                dist[s] = 0;
                sigma[s] = 1;
                queue[tail++] = s;
                while (head < tail) {
                    int v = queue[head++];
                    int dv = dist[v];
                    distanceSum[v] += dv;
                    reachedBy[v] += 1;
                    double sv = sigma[v];
                    for (int k = start[v], end = start[v + 1]; k < end; k++) {
                        int w = targets[k];
                        int dw = dist[w];
                        if (dw < 0) {
                            dist[w] = dv + 1;
                            queue[tail++] = w;
                            sigma[w] = sv;
                        } else if (dw == dv + 1) {
                            sigma[w] += sv;
                        }
                    }
                }
                // The BFS queue, read backwards, visits nodes farthest first: no separate stack needed.
                for (int i = tail - 1; i > 0; i--) {
                    int w = queue[i];
                    int dw = dist[w];
                    double coefficient = (1 + delta[w]) / sigma[w];
                    for (int k = start[w], end = start[w + 1]; k < end; k++) {
                        int v = targets[k];
                        if (dist[v] == dw - 1) {
                            delta[v] += sigma[v] * coefficient;
                        }
                    }
                    bc[w] += delta[w];
                }
                for (int i = 0; i < tail; i++) {
                    int v = queue[i];
                    dist[v] = -1;
                    sigma[v] = 0;
                    delta[v] = 0;
                }
            }
            return new double[][]{bc, distanceSum, reachedBy};
        }

        private static int[] bfsOrder(int[][] adjacency) {
            int n = adjacency.length;
            int[] order = new int[n];
            boolean[] seen = new boolean[n];
            Integer[] byDegree = new Integer[n];
            for (int i = 0; i < n; i++) {
                byDegree[i] = i;
            }
            java.util.Arrays.sort(byDegree, (a, b) -> Integer.compare(adjacency[b].length, adjacency[a].length));
            int tail = 0;
            for (int root : byDegree) {
                if (seen[root]) {
                    continue;
                }
                seen[root] = true;
                int head = tail;
                order[tail++] = root;
                while (head < tail) {
                    for (int w : adjacency[order[head++]]) {
                        if (!seen[w]) {
                            seen[w] = true;
                            order[tail++] = w;
                        }
                    }
                }
            }
            return order;
        }
    }
}
