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
 * The directory part of the benchmark ({@code /cops}, issue goal: p95 ≤ 20 ms at 10,000 CoPs): the
 * first request (which reads the directory's index from the store), then searches of one client
 * in a fixed random sequence — words of the generated descriptions with facets (language, online,
 * status, freshness, place, domain), facets alone, and words alone — half as JSON, half as the
 * HTML page. Searches repeat, as people's do; the CoPs a text matches are cached per data version.
 */
final class DirectoryBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Words of the generated descriptions' themes (see {@link SyntheticEcosystem}). */
    private static final String[] WORDS = {"composting", "repair", "mobility", "seed", "energy", "food", "budgeting", "rewilding",
        "cohousing", "currencies", "assemblies", "gardening", "water", "hardware", "waste", "forest", "synthetic", "transition"};
    private static final String[] LANGS = {"en", "it", "de", "fr", "es"};
    private static final String[] FRESH = {"fresh", "stale", "never"};
    private static final int REQUESTS = 300;
    private static final int WARM_UP = 30;

    private final SparqlClient client;
    private final PrintStream log;

    DirectoryBench(SparqlClient client, PrintStream log) {
        this.client = client;
        this.log = log;
    }

    void run(Figures f, Server s, long seed) {
        try {
            SparqlClient.Response first = client.send(SparqlClient.Request.get(s.base() + "/cops?format=json"));
            if (first.status() != 200) {
                f.notes.add("Directory: /cops answered HTTP " + first.status() + ".");
                return;
            }
            JsonNode page = JSON.readTree(first.body());
            f.directory.add(new Figures.NetworkRow(String.format("first /cops (reads the index of %,d CoPs from the store)",
                    page.get("total").asInt()), String.format("%.0f ms", first.ms())));
            List<String> domains = values(page, "domain");
            List<String> places = values(page, "place");
            Random random = new Random(seed);
            List<Double> withWords = new ArrayList<>();
            List<Double> facetsOnly = new ArrayList<>();
            List<Double> wordsOnly = new ArrayList<>();
            int errors = 0;
            long hits = 0;
            for (int i = -WARM_UP; i < REQUESTS; i++) {
                String format = (i & 1) == 0 ? "json" : "html";
                String word = WORDS[random.nextInt(WORDS.length)];
                int kind = Math.floorMod(i, 3);
                String query = switch (kind) {
                    case 0 -> "q=" + word + "&lang=" + LANGS[random.nextInt(LANGS.length)] + (random.nextBoolean() ? "&online=yes" : "")
                            + "&fresh=" + FRESH[random.nextInt(FRESH.length)]
                            + (places.isEmpty() ? "" : "&place=" + enc(places.get(random.nextInt(places.size()))));
                    case 1 -> (domains.isEmpty() ? "" : "domain=" + enc(domains.get(random.nextInt(domains.size()))) + "&")
                            + "status=active&sort=reviewed&page=" + (1 + random.nextInt(3));
                    default -> "q=" + word + (random.nextBoolean() ? "&sort=reviewed" : "");
                };
                SparqlClient.Response r = client.send(SparqlClient.Request.get(s.base() + "/cops?" + query + "&format=" + format));
                if (i < 0) {
                    continue;
                }
                if (r.status() != 200) {
                    errors++;
                    continue;
                }
                if (format.equals("json")) {
                    hits += JSON.readTree(r.body()).get("total").asLong();
                }
                (kind == 0 ? withWords : kind == 1 ? facetsOnly : wordsOnly).add(r.ms());
            }
            row(f, "words with facets (lang, online, freshness, place)", withWords);
            row(f, "facets alone (domain with narrower ones, status; sorted by review; pages 1-3)", facetsOnly);
            row(f, "words alone", wordsOnly);
            List<Double> all = new ArrayList<>(withWords);
            all.addAll(facetsOnly);
            all.addAll(wordsOnly);
            row(f, "all searches (issue goal at 10,000 CoPs: p95 ≤ 20 ms)", all);
            f.directory.add(new Figures.NetworkRow("searches answered with an error status", Integer.toString(errors)));
            f.directory.add(new Figures.NetworkRow("CoPs found per JSON search, on average",
                    String.format("%.0f", hits / Math.max(1.0, all.size() / 2.0))));
            f.directory.forEach(row -> log.printf("  directory: %s: %s%n", row.what(), row.figure()));
        } catch (IOException | RuntimeException e) {
            log.printf("  directory failed: %s%n", e);
            f.notes.add("Directory: failed (" + e + ").");
        }
    }

    private static void row(Figures f, String what, List<Double> times) {
        f.directory.add(new Figures.NetworkRow(String.format("/cops, %s: %d searches", what, times.size()),
                times.isEmpty() ? "–" : String.format("p50 %.1f ms, p95 %.1f ms", Stats.percentile(times, 50), Stats.percentile(times, 95))));
    }

    private static List<String> values(JsonNode page, String facet) {
        List<String> out = new ArrayList<>();
        page.at("/facets/" + facet + "/values").forEach(v -> out.add(v.get("value").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
