package org.w3id.copgraph.cli;

import java.util.concurrent.Callable;

import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.web.App;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the graph over HTTP: home page, SPARQL endpoint, curated query API.",
                "On an empty store, loads ontology/ and data/ first."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--tokens", paramLabel = "FILE", description = "Bearer tokens of curators and admins (see `copgraph token`)."
            + " COPGRAPH_CURATOR_TOKEN and COPGRAPH_ADMIN_TOKEN each add one more.")
    java.nio.file.Path tokens;

    @Option(names = "--sparql-endpoint", paramLabel = "URL", description = {"Serve from another SPARQL 1.1 store instead of the"
            + " embedded TDB2 (its default graph must be the union of its named graphs).", "Without --update-endpoint it is read-only."})
    String sparqlEndpoint;

    @Option(names = "--update-endpoint", paramLabel = "URL", description = "The remote store's SPARQL Update endpoint, for writes.")
    String updateEndpoint;

    @Option(names = "--metrics-at-start", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = {"Compute the network metrics graph at start-up, in the background on one core",
                    "(default: ${DEFAULT-VALUE}). --no-metrics-at-start leaves it to the first /api/network request."})
    boolean metricsAtStart;

    @Option(names = "--precompute", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = {"Keep the first page of every curated query computed, in the background, once per data",
                    "version; kept beside the store, so a restart need not compute them again (default: ${DEFAULT-VALUE})."})
    boolean precompute;

    @Option(names = "--max-query-bytes", paramLabel = "BYTES", defaultValue = "1000000",
            description = "The largest SPARQL query or update text accepted (default: ${DEFAULT-VALUE}; 413 beyond).")
    long maxQueryBytes;

    @Option(names = "--result-buffer-bytes", paramLabel = "BYTES", defaultValue = "4000000",
            description = {"How much of a /sparql answer is held back before it is streamed (default: ${DEFAULT-VALUE}).",
                    "A query that fails within it gets an error status; past it, a failure aborts the response."})
    int resultBufferBytes;

    private static Javalin built(java.util.concurrent.FutureTask<Javalin> building) throws InterruptedException {
        try {
            return building.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("The web app could not be built", e.getCause());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        StartupClock clock = new StartupClock();
        if (updateEndpoint != null && sparqlEndpoint == null) {
            throw org.w3id.copgraph.Problem.badRequest("bad-option", "--update-endpoint needs --sparql-endpoint.");
        }
        if (tokens != null && !java.nio.file.Files.isRegularFile(tokens)) {
            throw org.w3id.copgraph.Problem.badRequest("no-such-file", "No tokens file " + tokens + "; create one with `copgraph token`.");
        }
        Copgraph cg = Copgraph.open(options.settings().withPort(port).withTokens(tokens)
                .withRemoteStore(sparqlEndpoint, updateEndpoint)
                .withSparqlLimits(org.w3id.copgraph.sparql.SparqlLimits.DEFAULT.withMaxQueryBytes(maxQueryBytes)
                        .withResultBuffer(resultBufferBytes)));
        clock.mark("open store and features");
        // Building the web app (Jetty, Javalin, Fuseki) needs no data: it runs beside the seed load,
        // and the server starts listening only once the data is in, so /health means the data is served.
        java.util.concurrent.FutureTask<Javalin> building = new java.util.concurrent.FutureTask<>(() -> {
            Javalin created = App.create(cg);
            clock.mark("create web app (in parallel)");
            return created;
        });
        new Thread(building, "web-app-startup").start();
        Loader.Result seeded = Cli.seed(cg);
        clock.mark("seed");
        Javalin app = built(building).start(port);
        clock.mark("start web server");
        // The network metrics graph is computed and published in the background, on one core: at
        // start-up and after each change (the network served meanwhile is the previous one).
        if (metricsAtStart) {
            cg.metricsGraph().refreshInBackground();
        }
        if (precompute) {
            cg.startPrecomputation();
        }
        cg.curation().addListener((dsg, record, resources) -> cg.metricsGraph().refreshSoon());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            cg.close();
        }));
        // The statement count is on /health, the home page and /metrics (read from the store's bookkeeping).
        System.out.printf("copgraph serving %s on http://localhost:%d/%s%n",
                sparqlEndpoint != null ? sparqlEndpoint : options.store, app.port(),
                seeded.graphs().isEmpty() ? "" : " (seed loaded: " + seeded.graphs().size() + " graphs)");
        app.jettyServer().server().join();
        return 0;
    }
}
