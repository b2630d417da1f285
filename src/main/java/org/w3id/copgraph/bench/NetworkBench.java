package org.w3id.copgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The network part of the benchmark, on a copgraph server started normally (it computes and
 * publishes the metrics graph in the background from start-up): the first
 * {@code /api/network/metrics}, neighbourhoods at depth 1 and 2, and how long after start the
 * metrics graph is published. Bounded: about a minute at 10,000 CoPs.
 */
final class NetworkBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PUBLISH_WAIT_MS = 300_000;

    private final SparqlClient client;
    private final PrintStream log;

    NetworkBench(SparqlClient client, PrintStream log) {
        this.client = client;
        this.log = log;
    }

    void run(Figures f, Server s, long seed) {
        long started = System.nanoTime() - s.startMs() * 1_000_000;
        try {
            SparqlClient.Response first = client.send(SparqlClient.Request.get(s.base() + "/api/network/metrics?projection=all"));
            if (first.status() != 200) {
                f.notes.add("Network: /api/network/metrics answered HTTP " + first.status() + ".");
                return;
            }
            JsonNode m = JSON.readTree(first.body());
            f.network.add(new Figures.NetworkRow("first /api/network/metrics?projection=all (reads the facts, builds the"
                    + " projection, computes its metrics)", String.format("%.0f ms", first.ms())));
            f.network.add(new Figures.NetworkRow("of which the metrics of 'all' (" + m.at("/nodes").size() + " CoPs, betweenness "
                    + (m.get("exact").asBoolean() ? "exact" : "from " + m.get("sources").asInt() + " sampled sources") + ")",
                    m.get("millis").asLong() + " ms"));
            SparqlClient.Response again = client.send(SparqlClient.Request.get(s.base() + "/api/network/metrics?projection=all"));
            f.network.add(new Figures.NetworkRow("/api/network/metrics again (cached)", String.format("%.0f ms", again.ms())));
            List<String> cops = new ArrayList<>();
            m.get("nodes").forEach(n -> cops.add(n.get("iri").asText()));
            Random random = new Random(seed);
            for (int depth = 1; depth <= 2; depth++) {
                List<Double> times = new ArrayList<>();
                long nodes = 0;
                int failed = 0;
                int status = 200;
                for (int i = -10; i < 100 && !cops.isEmpty(); i++) {
                    String focus = cops.get(random.nextInt(cops.size()));
                    SparqlClient.Response r = client.send(SparqlClient.Request.get(s.base() + "/api/network/neighbourhood?depth="
                            + depth + "&focus=" + URLEncoder.encode(focus, StandardCharsets.UTF_8)));
                    if (i >= 0 && r.status() == 200) {
                        times.add(r.ms());
                        nodes += JSON.readTree(r.body()).at("/elements/nodes").size();
                    } else if (i >= 0) {
                        failed++;
                        status = r.status();
                    }
                }
                f.network.add(new Figures.NetworkRow(String.format("neighbourhood depth %d (100 random CoPs, %.0f nodes on average)",
                        depth, nodes / (double) Math.max(1, times.size())), failed == times.size() + failed
                        ? "HTTP " + status + " (see docs/network.md: memory)"
                        : String.format("p50 %.1f ms, p95 %.1f ms", Stats.percentile(times, 50), Stats.percentile(times, 95))
                        + (failed > 0 ? String.format(", %d answered HTTP %d", failed, status) : "")));
            }
            String ask = "ASK { GRAPH <" + org.w3id.copgraph.model.Iris.DEFAULT.graph("network-metrics") + "> { ?s ?p ?o } }";
            long deadline = System.nanoTime() + PUBLISH_WAIT_MS * 1_000_000;
            while (System.nanoTime() < deadline) {
                SparqlClient.Response r = client.send(SparqlClient.Request.sparql(s.sparql(), ask));
                if (r.status() == 200 && new String(r.body(), StandardCharsets.UTF_8).contains("true")) {
                    f.network.add(new Figures.NetworkRow("metrics graph of every projection published (background, one core)",
                            String.format("%.0f s after start", (System.nanoTime() - started) / 1e9)));
                    break;
                }
                Thread.sleep(1000);
            }
            f.network.forEach(row -> log.printf("  network: %s: %s%n", row.what(), row.figure()));
        } catch (IOException | RuntimeException e) {
            log.printf("  network failed: %s%n", e);
            f.notes.add("Network: failed (" + e + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
