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

    /** What "immediate" is held to: a change and the neighbourhood asked right after it, p95. */
    static final long IMMEDIATE_MS = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A refresh follows the one before after a pause of up to ten minutes (DerivedGraphRefresh), then takes minutes at 10,000 CoPs. */
    private static final long PUBLISH_WAIT_MS = 1_200_000;
    /** The server's quiet spell (five minutes) and a compaction at 10,000 CoPs (about a minute), with room. */
    private static final long COMPACTION_WAIT_MS = 600_000;

    private final SparqlClient client;
    private final PrintStream log;

    NetworkBench(SparqlClient client, PrintStream log) {
        this.client = client;
        this.log = log;
    }

    /** The first server's first metrics (ms), nothing kept beside the store yet: the restarted server's peer. */
    private double firstEver = Double.NaN;

    void run(Figures f, Server s, long seed) {
        long started = System.nanoTime() - s.startMs() * 1_000_000;
        try {
            runRequests(f, s, seed);
        } finally {
            awaitPublished(f, s, started);
        }
    }

    private void runRequests(Figures f, Server s, long seed) {
        try {
            SparqlClient.Response first = client.send(SparqlClient.Request.get(s.base() + "/api/network/metrics?projection=all"));
            firstEver = first.ms();
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
        } catch (IOException | RuntimeException e) {
            log.printf("  network failed: %s%n", e);
            f.notes.add("Network: failed (" + e + ").");
        }
    }

    /**
     * Waits for both derived graphs to be published (the next server finds them and the kept
     * metrics), so that the restarted server's changes are measured without a first write of either.
     */
    private void awaitPublished(Figures f, Server s, long started) {
        try {
            // A derived graph is written in batches, its own description (with its data version) last.
            String metrics = described(org.w3id.copgraph.model.Iris.DEFAULT.graph("network-metrics"));
            String suggestions = described(org.w3id.copgraph.model.Iris.DEFAULT.suggestionsGraph());
            boolean metricsSeen = false;
            boolean suggestionsSeen = false;
            long deadline = System.nanoTime() + PUBLISH_WAIT_MS * 1_000_000;
            while (System.nanoTime() < deadline && !(metricsSeen && suggestionsSeen)) {
                if (!metricsSeen && (metricsSeen = asks(s, metrics))) {
                    f.network.add(new Figures.NetworkRow("metrics graph of every projection published (background, one core)",
                            String.format("%.0f s after start", (System.nanoTime() - started) / 1e9)));
                }
                if (!suggestionsSeen && (suggestionsSeen = asks(s, suggestions))) {
                    f.network.add(new Figures.NetworkRow("suggestions graph published (background, one core)",
                            String.format("%.0f s after start", (System.nanoTime() - started) / 1e9)));
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

    private static final int CHANGES = 100;
    private static final String METRICS_GRAPH = org.w3id.copgraph.model.Iris.DEFAULT.graph("network-metrics");

    /**
     * A server restarted on the store the first one left (its network's statements and metrics
     * kept beside the store): the first {@code /api/network/metrics}; then {@value #CHANGES}
     * single-statement changes through the write path, each followed at once by a neighbourhood
     * that must show it; then the store's size on disk before the changes, right after them, and
     * once the background refresh of the metrics graph has published them.
     */
    void restarted(Figures f, java.nio.file.Path store, java.nio.file.Path home, java.nio.file.Path work, String heap, long seed) {
        try {
            java.nio.file.Path tokens = work.resolve("network-tokens.txt");
            java.nio.file.Files.deleteIfExists(tokens);
            String token = org.w3id.copgraph.curation.Tokens.load(tokens, java.util.Map.of())
                    .issue(org.w3id.copgraph.curation.Role.CURATOR, "network-bench");
            try (Server s = Server.copgraph(store, home, work, heap, true, List.of("--tokens", tokens.toString()),
                    "copgraph-serve-network-restarted.log")) {
                SparqlClient.Response first = client.send(SparqlClient.Request.get(s.base() + "/api/network/metrics?projection=all"));
                boolean ok = first.status() == 200;
                f.network.add(new Figures.NetworkRow("first /api/network/metrics?projection=all after a restart (the answer's"
                        + " metrics, labels and notes kept beside the store)", ok ? String.format("%.0f ms", first.ms()) : "HTTP " + first.status()));
                f.goals.add(new Figures.Goal("first /api/network/metrics (restarted server, 10,000-CoP scale run: " + f.cops + " CoPs)",
                        String.format("%.0f ms", first.ms()), String.format("%.0f ms (first server, nothing kept)", firstEver),
                        first.ms() / firstEver, "≤ 3 s", ok && first.ms() <= 3000,
                        "GET /api/network/metrics?projection=all on a server restarted on the store a first server left: it"
                                + " answers from the metrics kept beside the store for the data version (network-metrics-*.bin,"
                                + " with each node's label and type), before the network itself is read (network-facts.bin)"));
                JsonNode m = JSON.readTree(first.body());
                List<String> cops = new ArrayList<>();
                m.get("nodes").forEach(n -> cops.add(n.get("iri").asText()));
                changes(f, s, store, token, cops, new Random(seed), work.resolve("copgraph-serve-network-restarted.log"));
            }
        } catch (IOException | RuntimeException e) {
            log.printf("  network (restarted) failed: %s%n", e);
            f.notes.add("Network (restarted): failed (" + e + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        f.network.forEach(row -> log.printf("  network: %s: %s%n", row.what(), row.figure()));
    }

    private void changes(Figures f, Server s, java.nio.file.Path store, String token, List<String> cops, Random random,
                         java.nio.file.Path serverLog) throws IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long before = storeBytes(store);
        long published = publishedAt(s);
        List<Double> reach = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        int missed = 0;
        int refusedPairs = 0;
        long nquadBytes = 0;
        for (int i = 0; i < CHANGES; i++) {
            String a = cops.get(random.nextInt(cops.size()));
            String b = cops.get(random.nextInt(cops.size()));
            if (a.equals(b)) {
                i--;
                continue;
            }
            String quad = "<" + a + "> <" + org.w3id.copgraph.model.Cop.NS + "crossPollinatedBy> <" + b + "> <"
                    + org.w3id.copgraph.model.Iris.DEFAULT.graph("network-bench") + "> .";
            nquadBytes += quad.getBytes(StandardCharsets.UTF_8).length + 1;
            String update = "INSERT DATA { GRAPH <" + org.w3id.copgraph.model.Iris.DEFAULT.graph("network-bench") + "> { <" + a + "> <"
                    + org.w3id.copgraph.model.Cop.NS + "crossPollinatedBy> <" + b + "> } }";
            long t0 = System.nanoTime();
            var w = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.base() + "/update"))
                    .header("Content-Type", "application/sparql-update").header("Authorization", "Bearer " + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(update)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (w.statusCode() == 422 && refusedPairs < CHANGES) {
                // The shapes refuse a shortcut edge beside a weak or proposed cross-pollination of
                // the same two CoPs (the generator makes some): the write path is right, and
                // another pair is drawn.
                refusedPairs++;
                nquadBytes -= quad.getBytes(StandardCharsets.UTF_8).length + 1;
                i--;
                continue;
            }
            if (w.statusCode() != 200) {
                throw new IOException("update answered HTTP " + w.statusCode() + ": " + w.body());
            }
            SparqlClient.Response r = client.send(SparqlClient.Request.get(s.base() + "/api/network/neighbourhood?depth=1&limit=1000&focus="
                    + URLEncoder.encode(a, StandardCharsets.UTF_8)));
            double ms = (System.nanoTime() - t0) / 1e6;
            if (r.status() == 200 && new String(r.body(), StandardCharsets.UTF_8).contains(b)) {
                reach.add(ms);
                shown.add(r.ms());
            } else {
                missed++;
            }
        }
        long afterChanges = storeBytes(store);
        boolean refreshedDuring = publishedAt(s) != published;
        // The refresh runs ten seconds after the last change, or after its pause (a refresh takes at
        // most a fifth of the time), and then computes every projection: wait for it.
        long deadline = System.nanoTime() + PUBLISH_WAIT_MS * 1_000_000;
        long lastChange = System.currentTimeMillis();
        while (System.nanoTime() < deadline && publishedAt(s) < lastChange) {
            Thread.sleep(2000);
        }
        Thread.sleep(3000);
        long afterRefresh = storeBytes(store);
        // Then the server's own schedule compacts the store once nobody has written for the quiet
        // spell (serve --compact-after-idle, five minutes by default): wait for it.
        long compactDeadline = System.nanoTime() + COMPACTION_WAIT_MS * 1_000_000;
        double compactions = compactions(s);
        while (System.nanoTime() < compactDeadline && compactions(s) <= compactions) {
            Thread.sleep(5000);
        }
        boolean compacted = compactions(s) > compactions;
        long afterCompaction = storeBytes(store);
        f.network.add(new Figures.NetworkRow(CHANGES + " single-statement changes through /update, each followed by its"
                + " neighbourhood: write + neighbourhood showing the new link", String.format("p50 %.0f ms, p95 %.0f ms; the"
                + " neighbourhood alone p50 %.1f ms, p95 %.1f ms; %d of %d shown on the first request", Stats.percentile(reach, 50),
                Stats.percentile(reach, 95), Stats.percentile(shown, 50), Stats.percentile(shown, 95), reach.size(), CHANGES)
                + (refusedPairs == 0 ? "" : "; " + refusedPairs + " pairs drawn were refused by the shapes (a weak or proposed"
                        + " cross-pollination of the two) and others drawn instead")));
        // "Immediate" made measurable: in the very next answer, and the write and that answer within a second.
        f.goals.add(new Figures.Goal("a change reaching the network (paths, neighbourhoods)",
                String.format("p95 %.0f ms (write + next request)", Stats.percentile(reach, 95)), "", Double.NaN,
                "immediate, from the change's delta: in the next answer, write + that answer p95 ≤ " + IMMEDIATE_MS + " ms",
                missed == 0 && Stats.percentile(reach, 95) <= IMMEDIATE_MS,
                "POST /update adding one cop:crossPollinatedBy, then GET its neighbourhood: the link must be in that very"
                        + " answer (" + reach.size() + "/" + CHANGES + " were); the write path hands the network the change's"
                        + " added and removed statements, and only the parts of the join they touch are made again"
                        + " (network/FactsJoin; no read of the store)"));
        f.goals.add(new Figures.Goal("neighbourhood p95 (depth 1, right after each change)",
                String.format("%.1f ms", Stats.percentile(shown, 95)), "", Double.NaN, "–", true,
                "GET /api/network/neighbourhood of the changed CoP, first request after the change: computed around its"
                        + " nodes (network/Around), the whole projection of the new version not being built yet"));
        long byChanges = afterChanges - before;
        long byAll = afterRefresh - before;
        long kept = afterCompaction - before;
        String written = refreshLines(serverLog);
        String compaction = compacted ? compactionLine(serverLog) : "no compaction within " + COMPACTION_WAIT_MS / 60_000 + " minutes";
        f.network.add(new Figures.NetworkRow("store on disk before / after the " + CHANGES + " changes / after the metrics refresh"
                + " / after the scheduled compaction", String.format("%,d / %,d / %,d / %,d bytes (%s; %s)%s", before, afterChanges,
                afterRefresh, afterCompaction, written, compaction,
                refreshedDuring ? "; a refresh was published during the changes" : "")));
        double ratio = byChanges > 0 ? kept / (double) byChanges : Double.NaN;
        f.goals.add(new Figures.Goal("store size after " + CHANGES + " single-statement changes (refresh and compaction running)",
                compacted ? String.format("%+,d bytes once compacted (%+,d bytes before)", kept, byAll)
                        : String.format("%+,d bytes, not compacted: the store had not grown past the schedule's threshold, or"
                        + " not within %d minutes", kept, COMPACTION_WAIT_MS / 60_000),
                String.format("+%,d bytes (the changes alone, not compacted)", byChanges), ratio,
                "grows with the changes only", compacted && !Double.isNaN(ratio) && ratio <= 1.5,
                "TDB2 directory (data and text index) before, right after the " + CHANGES + " changes (" + nquadBytes
                        + " bytes as N-Quads), once the background refresh published the metrics graph, and once the server's"
                        + " schedule compacted the store (grown by a quarter and five minutes without a write); the refresh"
                        + " writes only the metric statements that changed (" + written + "); the store before the changes"
                        + " is as load --bulk left it, so a compacted store can be smaller than it"));
    }

    private boolean asks(Server s, String ask) throws IOException {
        SparqlClient.Response r = client.send(SparqlClient.Request.sparql(s.sparql(), ask));
        return r.status() == 200 && new String(r.body(), StandardCharsets.UTF_8).contains("true");
    }

    /** How many times the server compacted its store, from /metrics; -1 when it cannot be read. */
    private double compactions(Server s) throws IOException {
        SparqlClient.Response r = client.send(SparqlClient.Request.get(s.base() + "/metrics"));
        if (r.status() != 200) {
            return -1;
        }
        for (String line : new String(r.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("copgraph_store_compactions_total")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    /** The server log's last compaction line: the sizes and how long it held writers. */
    private static String compactionLine(java.nio.file.Path serverLog) {
        try {
            return java.nio.file.Files.readAllLines(serverLog).stream().filter(l -> l.contains("Store compacted from"))
                    .map(l -> l.substring(l.indexOf("Store compacted from")).replace("Store compacted", "compacted"))
                    .reduce((a, b) -> b).orElse("compacted");
        } catch (IOException e) {
            return "compacted";
        }
    }

    /** The statements the metrics refreshes wrote, as the server's log says (added/removed per refresh). */
    private static String refreshLines(java.nio.file.Path serverLog) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : java.nio.file.Files.readAllLines(serverLog)) {
                int at = l.indexOf(" statements added, ");
                if (l.contains("Network metrics for data version") && at > 0) {
                    String head = l.substring(l.lastIndexOf('(', at) + 1, at);
                    String tail = l.substring(at + " statements added, ".length(), l.indexOf(" removed", at));
                    out.add("+" + head + "/-" + tail);
                }
            }
            return "metrics refreshes wrote " + (out.isEmpty() ? "nothing" : String.join(", ", out)) + " statements";
        } catch (IOException | RuntimeException e) {
            return "refresh log not read";
        }
    }

    /** Whether the derived graph {@code iri} is written whole: its description says its data version. */
    private static String described(String iri) {
        return "ASK { GRAPH <" + iri + "> { <" + iri + "> <" + org.w3id.copgraph.model.Cop.NS + "dataVersion> ?v } }";
    }

    /** When the metrics graph was last written (ms since the epoch), 0 when not yet. */
    private long publishedAt(Server s) throws IOException {
        String q = "SELECT ?t WHERE { GRAPH <" + METRICS_GRAPH + "> { <" + METRICS_GRAPH
                + "> <http://www.w3.org/ns/prov#generatedAtTime> ?t } }";
        SparqlClient.Response r = client.send(new SparqlClient.Request(s.sparql(), q));
        if (r.status() != 200) {
            return 0;
        }
        JsonNode b = JSON.readTree(r.body()).at("/results/bindings/0/t/value");
        return b.isMissingNode() ? 0 : java.time.Instant.parse(b.asText()).toEpochMilli();
    }

    /** The store directory's bytes on disk, without the copies kept beside it (rewritten, not grown). */
    private static long storeBytes(java.nio.file.Path store) throws IOException {
        try (var files = java.nio.file.Files.walk(store)) {
            return files.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("network-"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
