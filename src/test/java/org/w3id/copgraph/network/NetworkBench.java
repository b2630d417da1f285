package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark: a synthetic ecosystem of 10,000 CoPs and 30,000 cross-pollinations grown by
 * preferential attachment (seeded, so every run measures the same network). Prints the time of
 * all metrics and the p50/p95 of neighbourhoods (depth 2, capped) around random CoPs.
 * <pre>mvn -q -B test-compile exec:java -Dexec.mainClass=org.w3id.copgraph.network.NetworkBench -Dexec.classpathScope=test</pre>
 * Arguments: [cops] [links per new CoP] [seed], default 10000 3 42.
 */
public final class NetworkBench {

    private NetworkBench() {
    }

    public static void main(String[] args) {
        int cops = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Facts facts = generate(cops, m, seed);
        System.out.printf("Synthetic network: %d CoPs, %d links (preferential attachment, m=%d, seed=%d)%n",
                facts.nodes().size(), facts.links().size(), m, seed);
        Network network = Network.of(facts);

        long t0 = System.nanoTime();
        Net net = network.net(Projection.ALL, Window.ALWAYS);
        System.out.printf("Projection 'all' built: %d nodes, %d edges in %d ms%n", net.nodes().size(), net.edges().size(),
                (System.nanoTime() - t0) / 1_000_000);

        for (int run = 1; run <= 3; run++) {
            // A fresh Network each run, so nothing is cached between runs.
            Network fresh = Network.of(facts);
            fresh.net(Projection.ALL, Window.ALWAYS);
            long t = System.nanoTime();
            Metrics metrics = fresh.metrics(Projection.ALL, Window.ALWAYS);
            System.out.printf("All metrics (degree, weighted degree, betweenness, closeness, clustering, communities,"
                            + " bridges, articulation points), run %d: %d ms (%d communities, %d bridges; betweenness/closeness from %d BFS sources%s)%n",
                    run, (System.nanoTime() - t) / 1_000_000, metrics.communities(), metrics.bridges().size(), metrics.sources(),
                    metrics.exact() ? ", exact" : ", estimated");
        }

        List<String> ids = new ArrayList<>(net.nodes().keySet());
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            network.neighbourhood(ids.get(random.nextInt(ids.size())), 2, Set.of(), Set.of(), Projection.ALL, Window.ALWAYS, Network.DEFAULT_LIMIT);
        }
        int samples = 2000;
        long[] times = new long[samples];
        int maxNodes = 0;
        for (int i = 0; i < samples; i++) {
            String focus = ids.get(random.nextInt(ids.size()));
            long t = System.nanoTime();
            Neighbourhood n = network.neighbourhood(focus, 2, Set.of(), Set.of(), Projection.ALL, Window.ALWAYS, Network.DEFAULT_LIMIT);
            times[i] = System.nanoTime() - t;
            maxNodes = Math.max(maxNodes, n.nodes().size());
        }
        Arrays.sort(times);
        System.out.printf("Neighbourhood depth 2 (limit %d per node, %d max): p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d random CoPs;"
                        + " largest view %d nodes%n", Network.DEFAULT_LIMIT, Network.MAX_NODES, times[samples / 2] / 1e6,
                times[(int) (samples * 0.95)] / 1e6, times[samples - 1] / 1e6, samples, maxNodes);
    }

    /** Barabási–Albert growth: each new CoP links to {@code m} earlier ones, picked by degree. */
    static Facts generate(int cops, int m, long seed) {
        Random random = new Random(seed);
        Map<String, Node> nodes = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        int[] ends = new int[2 * cops * m + 2];
        int endCount = 0;
        for (int i = 0; i < cops; i++) {
            String iri = "https://w3id.org/copgraph/id/cop/synthetic-" + i;
            nodes.put(iri, new Node(iri, "Synthetic CoP " + i, NodeType.COP));
            if (i == 0) {
                continue;
            }
            java.util.Set<Integer> picked = new java.util.HashSet<>();
            while (picked.size() < Math.min(m, i)) {
                picked.add(endCount == 0 ? 0 : ends[random.nextInt(endCount)]);
            }
            for (int j : picked) {
                String from = "https://w3id.org/copgraph/id/cop/synthetic-" + j;
                LocalDate date = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
                links.add(new Link(from, iri, true, new Reason(LinkKind.CROSS_POLLINATION,
                        "Synthetic CoP " + j + " → Synthetic CoP " + i, null, date, List.of("https://w3id.org/copgraph/graph/synthetic"),
                        1 + random.nextInt(3))));
                ends[endCount++] = j;
                ends[endCount++] = i;
            }
        }
        return new Facts(nodes, links);
    }
}
