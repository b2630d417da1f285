package org.w3id.copgraph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.ResultFormat;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a curated query (queries/NAME.rq) on the store and print its results.",
                "Without NAME, lists the curated queries."})
final class QueryCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The curated query's name.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "k=v", description = "A parameter value; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "csv", description = "json, rows, xml, csv or tsv (RDF: ttl, jsonld, nt, rdf, trig, nq); default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--limit", description = "At most this many rows (default 1000, at most 10000).")
    Long limit;

    @Option(names = "--offset", description = "Skip this many rows first.")
    Long offset;

    @Override
    public Integer call() {
        try (Copgraph cg = Copgraph.openSeeding(options.settings())) {
            Cli.seed(cg);
            if (name == null) {
                for (CuratedQuery q : cg.queries().list()) {
                    System.out.println(q.name() + "\t" + q.summary());
                }
                return 0;
            }
            CuratedQuery q = cg.queries().get(name);
            ResultFormat f = ResultFormat.offeredFor(q).stream()
                    .filter(x -> x.shortName.equals(format)).findFirst()
                    .orElseThrow(() -> Problem.badRequest("unknown-format", "Query '" + name + "' can be given as "
                            + String.join(", ", ResultFormat.offeredFor(q).stream().map(x -> x.shortName).toList()) + "."));
            Map<String, String> args = new LinkedHashMap<>(params);
            if (limit != null) {
                args.put("limit", limit.toString());
            }
            if (offset != null) {
                args.put("offset", offset.toString());
            }
            CuratedQueries.Answer a = cg.queries().answer(name, args, f, cg.store());
            System.out.write(a.body(), 0, a.body().length);
            System.out.flush();
            CuratedQueries.Citation c = a.citation();
            System.err.println("# " + c.query() + " " + c.hash() + " on data version " + c.dataVersion()
                    + ", at " + c.generatedAt());
            if (a.page() != null && a.page().hasNext()) {
                System.err.println("# more rows follow: --offset " + (a.page().offset() + a.page().limit()));
            }
            return 0;
        }
    }
}
