package org.w3id.copgraph.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's Markdown report. Every copgraph figure stands beside the peer's and their ratio:
 * for times copgraph ÷ peer (below 1 is copgraph faster), for throughput copgraph ÷ peer (above 1
 * is copgraph faster).
 */
final class Report {

    static final String COPGRAPH = "copgraph";
    static final String API = "copgraph /api";

    private Report() {
    }

    static String ratio(double ours, double theirs) {
        if (Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", ours / theirs);
    }

    static String ms(Double x) {
        if (x == null || Double.isNaN(x)) {
            return "–";
        }
        return x >= 100 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    static String markdown(String header, List<String> peers, List<Figures> runs) {
        StringBuilder md = new StringBuilder(header);
        for (Figures f : runs) {
            md.append("\n## ").append(String.format(Locale.ROOT, "%,d", f.cops)).append(" CoPs\n\n");
            goals(md, f);
            loads(md, f);
            starts(md, f);
            queries(md, f, peers);
            examples(md, f);
            mixed(md, f, peers);
            network(md, f);
            search(md, f);
            directory(md, f);
            suggestions(md, f);
            f.sections.forEach(md::append);
            if (!f.notes.isEmpty()) {
                md.append("\nNotes:\n\n");
                f.notes.forEach(n -> md.append("- ").append(n).append('\n'));
            }
        }
        return md.toString();
    }

    /** The speed goals measured in this run, each beside its peer, with its ratio and whether it was met. */
    static void goals(StringBuilder md, Figures f) {
        if (f.goals.isEmpty()) {
            return;
        }
        md.append("### Goals\n\n| figure | copgraph | peer | ratio | goal | met | how measured |\n|---|---:|---:|---:|---|---|---|\n");
        for (Figures.Goal g : f.goals) {
            md.append("| ").append(g.figure()).append(" | ").append(g.copgraph()).append(" | ").append(g.peer() == null ? "" : g.peer())
                    .append(" | ").append(Double.isNaN(g.ratio()) ? "" : String.format(Locale.ROOT, "%.2f×", g.ratio()))
                    .append(" | ").append(g.goal()).append(" | ").append(g.met() ? "yes" : "**no**").append(" | ").append(g.how()).append(" |\n");
        }
        md.append('\n');
    }

    private static void loads(StringBuilder md, Figures f) {
        if (f.loads.isEmpty()) {
            return;
        }
        md.append("### Loading\n\n| loader | statements | time (s) | statements/s | copgraph ÷ this (time) |\n|---|---:|---:|---:|---:|\n");
        Figures.Load ours = f.loads.stream().filter(l -> l.who().startsWith(COPGRAPH)).findFirst().orElse(null);
        for (Figures.Load l : f.loads) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s |%n", l.who(), l.statements(),
                    l.ms() == null ? "–" : String.format(Locale.ROOT, "%.1f", l.ms() / 1000.0),
                    Double.isNaN(l.perSecond()) ? "–" : String.format(Locale.ROOT, "%,.0f", l.perSecond()),
                    ours == null || l == ours || l.ms() == null || ours.ms() == null ? "" : ratio(ours.ms(), l.ms())));
        }
        f.loads.stream().filter(l -> l.note() != null).forEach(l -> md.append("\n").append(l.who()).append(": ").append(l.note()).append('\n'));
        if (f.precomputeMs != null) {
            md.append(String.format(Locale.ROOT, "%nAfter loading: the first pages of %d curated queries (every one that runs without"
                    + " arguments) precomputed in %.1f s and kept beside the store; `serve` does this in the background"
                    + " once per data version, so the `api cold` column below is a freshly started server reading them.%n",
                    f.precomputed, f.precomputeMs / 1000.0));
        }
    }

    private static void directory(StringBuilder md, Figures f) {
        if (f.directory.isEmpty()) {
            return;
        }
        md.append("\n### Directory (/cops: one client, the index read once per data version)\n\n")
                .append("| figure | value |\n|---|---:|\n");
        f.directory.forEach(r -> md.append("| ").append(r.what()).append(" | ").append(r.figure()).append(" |\n"));
    }

    /**
     * The suggestions' figures: each method's recall@10, MRR and nDCG@10 with its ratio to the best baseline's figure
     * (the best baseline may differ per figure), then the times.
     */
    static void suggestions(StringBuilder md, Figures f) {
        if (f.suggestionRanking.isEmpty() && f.suggestionTimes.isEmpty()) {
            return;
        }
        md.append("\n### Suggestions (a fifth of the cross-pollinations hidden: whom each CoP that lost one could learn from)\n\n");
        if (!f.suggestionRanking.isEmpty()) {
            double bestRecall = f.suggestionRanking.stream().filter(Figures.RankingRow::baseline).mapToDouble(Figures.RankingRow::recall).max().orElse(Double.NaN);
            double bestMrr = f.suggestionRanking.stream().filter(Figures.RankingRow::baseline).mapToDouble(Figures.RankingRow::mrr).max().orElse(Double.NaN);
            double bestNdcg = f.suggestionRanking.stream().filter(Figures.RankingRow::baseline).mapToDouble(Figures.RankingRow::ndcg).max().orElse(Double.NaN);
            md.append("| method | CoPs asked | recall@10 | ÷ best baseline | MRR | ÷ best baseline | nDCG@10 | ÷ best baseline |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Figures.RankingRow r : f.suggestionRanking) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.3f | %s | %.3f | %s | %.3f | %s |%n", r.method(), r.asked(),
                        r.recall(), ratio(r.recall(), bestRecall), r.mrr(), ratio(r.mrr(), bestMrr), r.ndcg(), ratio(r.ndcg(), bestNdcg)));
            }
            md.append("\nIssue goal at 10,000 CoPs: copgraph's recall@10 at least 1.20× the best baseline's. MRR counts the first"
                    + " hit within the ten.\n");
        }
        if (!f.suggestionTimes.isEmpty()) {
            md.append("\n| figure | value |\n|---|---:|\n");
            f.suggestionTimes.forEach(r -> md.append("| ").append(r.what()).append(" | ").append(r.figure()).append(" |\n"));
        }
        if (!f.suggestionNotes.isEmpty()) {
            md.append('\n');
            f.suggestionNotes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
    }

    private static void network(StringBuilder md, Figures f) {
        if (f.network.isEmpty()) {
            return;
        }
        md.append("\n### Network (copgraph serve started normally: the metrics graph is computed in the background)\n\n")
                .append("| figure | value |\n|---|---:|\n");
        f.network.forEach(r -> md.append("| ").append(r.what()).append(" | ").append(r.figure()).append(" |\n"));
    }

    private static void search(StringBuilder md, Figures f) {
        if (f.search.isEmpty()) {
            return;
        }
        md.append("\n### Label search (in process, on the loaded store; 20 hits)\n\n")
                .append("| method | figure |\n|---|---:|\n");
        f.search.forEach(r -> md.append("| ").append(r.what()).append(" | ").append(r.figure()).append(" |\n"));
    }

    private static void starts(StringBuilder md, Figures f) {
        if (f.startMs.isEmpty()) {
            return;
        }
        md.append("\n### Start-up (process start to first 200)\n\n| server | ms |\n|---|---:|\n");
        f.startMs.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }

    private static void queries(StringBuilder md, Figures f, List<String> peers) {
        if (f.queries.isEmpty()) {
            return;
        }
        md.append("\n### Curated queries (ms; cold = first run on a freshly started server, warm = p50 of the repeats)\n\n");
        List<String> cols = new ArrayList<>(List.of(API, COPGRAPH));
        cols.addAll(peers);
        StringBuilder head = new StringBuilder("| query | rows | api cold | api warm (cache) | sparql cold | sparql warm");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:|---:");
        for (String p : peers) {
            head.append(" | ").append(p).append(" cold | ").append(p).append(" warm | sparql÷").append(p)
                    .append(" cold | sparql÷").append(p).append(" warm | api÷").append(p).append(" cold | api÷")
                    .append(p).append(" warm");
            rule.append("|---:|---:|---:|---:|---:|---:");
        }
        md.append(head).append(" |\n").append(rule).append("|\n");
        for (Figures.QueryRow q : f.queries.values()) {
            md.append("| ").append(q.name).append(" | ").append(rows(q, cols)).append(" | ")
                    .append(ms(q.cold.get(API))).append(" | ").append(ms(q.warm.get(API))).append(" | ")
                    .append(ms(q.cold.get(COPGRAPH))).append(" | ").append(ms(q.warm.get(COPGRAPH)));
            for (String p : peers) {
                md.append(" | ").append(ms(q.cold.get(p))).append(" | ").append(ms(q.warm.get(p)))
                        .append(" | ").append(ratio(nan(q.cold.get(COPGRAPH)), nan(q.cold.get(p))))
                        .append(" | ").append(ratio(nan(q.warm.get(COPGRAPH)), nan(q.warm.get(p))))
                        .append(" | ").append(ratio(nan(q.cold.get(API)), nan(q.cold.get(p))))
                        .append(" | ").append(ratio(nan(q.warm.get(API)), nan(q.warm.get(p))));
            }
            md.append(" |\n");
        }
        md.append("\nTotals over all curated queries (sum of ms):\n\n| figure | ");
        md.append(String.join(" | ", cols)).append(" |\n|---|").append("---:|".repeat(cols.size())).append('\n');
        for (String kind : List.of("cold", "warm")) {
            for (boolean agreeing : List.of(false, true)) {
                md.append("| ").append(kind).append(agreeing ? ", queries whose rows agree everywhere" : ", all queries");
                for (String c : cols) {
                    double sum = f.queries.values().stream()
                            .filter(q -> !agreeing || q.rows.values().stream().distinct().count() == 1)
                            .mapToDouble(q -> nan((kind.equals("cold") ? q.cold : q.warm).get(c))).sum();
                    md.append(" | ").append(ms(sum));
                }
                md.append(" |\n");
            }
        }
    }

    private static void examples(StringBuilder md, Figures f) {
        if (f.examples.isEmpty()) {
            return;
        }
        md.append("\n### Curated queries with their documented example arguments (ms; nothing precomputed: the store answers)\n\n");
        md.append("| query | rows | api cold (fresh server) | api warm (cache) |\n|---|---:|---:|---:|\n");
        for (Figures.QueryRow q : f.examples.values()) {
            md.append("| ").append(q.name).append(" | ").append(rows(q, List.of(API))).append(" | ")
                    .append(ms(q.cold.get(API))).append(" | ").append(ms(q.warm.get(API))).append(" |\n");
        }
    }

    /** The row count, or every target's count when they differ (the answers must agree before timing means anything). */
    static String rows(Figures.QueryRow q, List<String> cols) {
        var distinct = q.rows.values().stream().distinct().toList();
        if (distinct.size() <= 1) {
            return distinct.isEmpty() ? "–" : String.valueOf(distinct.get(0));
        }
        StringBuilder s = new StringBuilder("differ: ");
        q.rows.forEach((k, v) -> s.append(k).append('=').append(v).append(' '));
        return s.toString().trim();
    }

    private static void mixed(StringBuilder md, Figures f, List<String> peers) {
        if (f.mixed.isEmpty()) {
            return;
        }
        md.append("\n### Mixed SPARQL workload (lookups by IRI, label search, counts, 2-hop joins)\n\n");
        md.append("| target | clients | requests | errors | p50 ms | p95 ms | req/s |");
        for (String p : peers) {
            md.append(" p50 ÷").append(p).append(" | p95 ÷").append(p).append(" | req/s ÷").append(p).append(" |");
        }
        md.append("\n|---|---:|---:|---:|---:|---:|---:|").append("---:|".repeat(3 * peers.size())).append('\n');
        Map<Integer, Stats> ours = f.mixed.getOrDefault(COPGRAPH, Map.of());
        f.mixed.forEach((target, byClients) -> byClients.forEach((clients, s) -> {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %.1f |", target, clients, s.requests(),
                    s.errors(), ms(s.p50Ms()), ms(s.p95Ms()), s.perSecond()));
            for (String p : peers) {
                Stats theirs = f.mixed.getOrDefault(p, Map.of()).get(clients);
                Stats o = ours.get(clients);
                if (!target.equals(COPGRAPH) || theirs == null || o == null) {
                    md.append(" | | |");
                } else {
                    md.append(' ').append(ratio(o.p50Ms(), theirs.p50Ms())).append(" | ").append(ratio(o.p95Ms(), theirs.p95Ms()))
                            .append(" | ").append(ratio(o.perSecond(), theirs.perSecond())).append(" |");
                }
            }
            md.append('\n');
        }));
    }

    private static double nan(Double d) {
        return d == null ? Double.NaN : d;
    }
}
