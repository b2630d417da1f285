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

    @Option(names = "--format", defaultValue = "csv", description = "json, xml, csv or tsv (RDF: ttl, jsonld, nt, rdf); default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--limit", description = "At most this many rows.")
    Long limit;

    @Option(names = "--offset", description = "Skip this many rows first.")
    Long offset;

    @Override
    public Integer call() {
        try (Copgraph cg = Copgraph.open(options.settings())) {
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
            CuratedQueries.Prepared p = cg.queries().prepare(name, params, limit, offset);
            cg.queries().run(p, cg.store(), f, System.out);
            System.out.flush();
            return 0;
        }
    }
}
