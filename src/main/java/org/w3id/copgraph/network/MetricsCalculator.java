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
import org.jgrapht.alg.scoring.ClusteringCoefficient;
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

    private static final long COMMUNITY_SEED = 20201202L;

    private MetricsCalculator() {
    }

    static Metrics compute(Net net) {
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
        double[][] bc = Brandes.run(adjacency);
        Map<Integer, Double> clustering = new ClusteringCoefficient<>(g).getScores();
        List<Set<Integer>> clusters = new LabelPropagationClustering<>(g, 100, new Random(COMMUNITY_SEED)).getClustering().getClusters();
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
                    clustering.getOrDefault(i, 0.0), community[i], cutpoints.contains(i)));
        }
        return new Metrics(net.projection(), net.window(), out, bridges, sorted.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Brandes' betweenness and Wasserman–Faust closeness from one BFS per source. */
    static final class Brandes {

        private Brandes() {
        }

        /** @return {betweenness (normalised), closeness} per node */
        static double[][] run(int[][] adj) {
            int n = adj.length;
            int parts = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors() * 2));
            double[] closeness = new double[n];
            double[] betweenness = IntStream.range(0, parts).parallel().mapToObj(part -> {
                double[] bc = new double[n];
                int[] dist = new int[n];
                long[] sigma = new long[n];
                double[] delta = new double[n];
                int[] stack = new int[n];
                int[] queue = new int[n];
                java.util.Arrays.fill(dist, -1);
                for (int s = part; s < n; s += parts) {
                    int head = 0;
                    int tail = 0;
                    int top = 0;
                    dist[s] = 0;
                    sigma[s] = 1;
                    queue[tail++] = s;
                    long sum = 0;
                    while (head < tail) {
                        int v = queue[head++];
                        stack[top++] = v;
                        sum += dist[v];
                        for (int w : adj[v]) {
                            if (dist[w] < 0) {
                                dist[w] = dist[v] + 1;
                                queue[tail++] = w;
                            }
                            if (dist[w] == dist[v] + 1) {
                                sigma[w] += sigma[v];
                            }
                        }
                    }
                    int reached = tail;
                    closeness[s] = sum == 0 || n < 2 ? 0 : ((reached - 1) / (double) (n - 1)) * ((reached - 1) / (double) sum);
                    while (top > 0) {
                        int w = stack[--top];
                        for (int v : adj[w]) {
                            if (dist[v] == dist[w] - 1) {
                                delta[v] += (sigma[v] / (double) sigma[w]) * (1 + delta[w]);
                            }
                        }
                        if (w != s) {
                            bc[w] += delta[w];
                        }
                    }
                    for (int i = 0; i < tail; i++) {
                        int v = queue[i];
                        dist[v] = -1;
                        sigma[v] = 0;
                        delta[v] = 0;
                    }
                }
                return bc;
            }).reduce(new double[n], (a, b) -> {
                double[] sum = new double[n];
                for (int i = 0; i < n; i++) {
                    sum[i] = a[i] + b[i];
                }
                return sum;
            });
            // Each unordered pair was counted from both ends; normalise by the pairs of other nodes.
            double pairs = n > 2 ? (n - 1) * (double) (n - 2) : 1;
            for (int i = 0; i < n; i++) {
                betweenness[i] = betweenness[i] / pairs;
            }
            return new double[][]{betweenness, closeness};
        }
    }
}
