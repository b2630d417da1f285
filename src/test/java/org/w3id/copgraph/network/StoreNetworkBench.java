package org.w3id.copgraph.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.w3id.copgraph.store.Store;

/**
 * Benchmark on a loaded store: how long the first build of the network takes (reading the facts,
 * each projection, the metrics of each published projection), then neighbourhood p50/p95.
 * <pre>java -cp ... org.w3id.copgraph.network.StoreNetworkBench STORE_DIR</pre>
 */
public final class StoreNetworkBench {

    private StoreNetworkBench() {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(Path.of(args[0]))) {
            Runtime rt = Runtime.getRuntime();
            long t0 = System.nanoTime();
            Facts facts = new FactsReader(store, 600_000).read();
            System.out.printf("Facts read: %d nodes, %d links in %d ms (heap used %d MB)%n", facts.nodes().size(),
                    facts.links().size(), (System.nanoTime() - t0) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) >> 20);
            if (Boolean.getBoolean("twice")) {
                long t1 = System.nanoTime();
                facts = new FactsReader(store, 600_000).read();
                System.out.printf("Facts read again: %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            }
            Network network = Network.of(facts);
            for (Projection p : Projection.values()) {
                long t = System.nanoTime();
                Net net = network.net(p, Window.ALWAYS);
                System.out.printf("Projection %s: %d nodes, %d edges in %d ms%n", p.id(), net.nodes().size(), net.edges().size(),
                        (System.nanoTime() - t) / 1_000_000);
            }
            for (Projection p : Projection.values()) {
                if (!p.copsOnly()) {
                    continue;
                }
                long t = System.nanoTime();
                network.metrics(p, Window.ALWAYS);
                System.out.printf("Metrics %s: %d ms%n", p.id(), (System.nanoTime() - t) / 1_000_000);
            }
            System.gc();
            System.out.printf("Heap used after all: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
            List<String> cops = facts.nodes().values().stream().filter(n -> n.type() == NodeType.COP).map(Node::iri).toList();
            Random random = new Random(1);
            for (int depth = 1; depth <= 2; depth++) {
                int samples = 500;
                long[] times = new long[samples];
                long[] json = new long[samples];
                long bytes = 0;
                for (int i = -100; i < samples; i++) {
                    String focus = cops.get(random.nextInt(cops.size()));
                    long t = System.nanoTime();
                    Neighbourhood nb = network.neighbourhood(focus, depth, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS,
                            Network.DEFAULT_LIMIT);
                    long t1 = System.nanoTime();
                    Metrics all = network.metrics(Projection.ALL, Window.ALWAYS);
                    byte[] body = JSON.writeValueAsBytes(Exports.cytoscape(View.of(nb, Projection.RESOURCES, all), iri -> iri));
                    if (i >= 0) {
                        times[i] = t1 - t;
                        json[i] = System.nanoTime() - t1;
                        bytes += body.length;
                    }
                }
                Arrays.sort(times);
                Arrays.sort(json);
                System.out.printf("Neighbourhood depth %d: p50 %.2f ms, p95 %.2f ms; to JSON p50 %.2f ms, p95 %.2f ms, %d bytes on average%n",
                        depth, times[samples / 2] / 1e6, times[(int) (samples * 0.95)] / 1e6, json[samples / 2] / 1e6,
                        json[(int) (samples * 0.95)] / 1e6, bytes / samples);
            }
        }
    }
}
