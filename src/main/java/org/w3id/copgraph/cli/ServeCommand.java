package org.w3id.copgraph.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Server;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.PublicUrl;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the graph over HTTP: home page, SPARQL endpoint, curated query API.",
                "On an empty store, loads ontology/ and data/ first.",
                "Listens on 127.0.0.1 unless --host says otherwise; links use --public-url."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--tokens", paramLabel = "FILE", description = "Bearer tokens of curators and admins (see `copgraph token`)."
            + " COPGRAPH_CURATOR_TOKEN and COPGRAPH_ADMIN_TOKEN each add one more.")
    java.nio.file.Path tokens;

    @Option(names = "--sparql-endpoint", paramLabel = "URL", description = {"Serve from another SPARQL 1.1 store instead of the"
            + " embedded TDB2: Fuseki/TDB2 (its default graph must be the union of its named graphs) or Virtuoso 7,"
            + " told apart by the store's HTTP Server header.", "Repeatable: replicas of one store, tried in turn when one"
            + " cannot be reached.", "Without --update-endpoint it is read-only."})
    java.util.List<String> sparqlEndpoints;

    @Option(names = "--update-endpoint", paramLabel = "URL", description = "The remote store's SPARQL Update endpoint, for writes;"
            + " repeatable as --sparql-endpoint.")
    java.util.List<String> updateEndpoints;

    @Option(names = "--metrics-at-start", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Read the network and compute its metrics graph at start-up, in the background on one core"
                    + " (default: ${DEFAULT-VALUE}). --no-metrics-at-start leaves both to the first /api/network request.")
    boolean metricsAtStart;

    @Option(names = "--precompute", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "Keep the first page of every curated query computed, in the background, once per data"
                    + " version; kept beside the store, so a restart need not compute them again (default: ${DEFAULT-VALUE}).")
    boolean precompute;

    @Option(names = "--derived-writes", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = {"Whether this server writes to the store on its own (default: ${DEFAULT-VALUE}): the derived graphs"
                    + " (network metrics, suggestions) kept in step after changes, and the seed graph into an empty store.",
                    "Several fronts on one shared store (see docs/scale-out.md): give --no-derived-writes to every front but one;"
                    + " such a front serves and writes curated changes as any other, and reads the derived graphs the one"
                    + " writer keeps."})
    boolean derivedWrites;

    @Option(names = "--compact-when-grown", paramLabel = "FACTOR", defaultValue = "1.25",
            description = {"Compact the embedded store once it has grown to FACTOR times its size after the last compaction"
                    + " and nobody has written for --compact-after-idle (default: ${DEFAULT-VALUE}; 0: never).",
                    "TDB2 keeps the old copy of whatever a write replaced until compacted; compacting holds writers for as"
                    + " long as it copies the store (about a minute at 10,000 CoPs), so it waits for a quiet spell, and runs"
                    + " regardless at twice the size. The README's Operations paragraph has the figures."})
    double compactWhenGrown;

    @Option(names = "--compact-after-idle", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "The quiet spell a compaction waits for: no write for this long, as an ISO 8601 duration such as"
                    + " PT5M or PT1H (default: ${DEFAULT-VALUE}).")
    String compactAfterIdle;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = Settings.Serving.DEFAULT_HOST,
            description = {"The interface to listen on (default: ${DEFAULT-VALUE}, this machine only).",
                    "0.0.0.0 listens on every interface: give --public-url with it."})
    String host;

    @Option(names = "--public-url", paramLabel = "URL", description = "Where clients reach this server, e.g."
            + " https://copgraph.example.org/: every absolute link (event stream, fragments, sitemap, VoID,"
            + " SPARQL service description) starts here, never at a request's Host header (default: the listening"
            + " address, http://localhost:PORT/).")
    String publicUrl;

    @Option(names = "--max-query-bytes", paramLabel = "BYTES", defaultValue = "1000000",
            description = "The largest SPARQL query or update text accepted (default: ${DEFAULT-VALUE}; 413 beyond).")
    long maxQueryBytes;

    @Option(names = "--result-buffer-bytes", paramLabel = "BYTES", defaultValue = "4000000",
            description = {"How much of a /sparql answer is held back before it is streamed (default: ${DEFAULT-VALUE}).",
                    "A query that fails within it gets an error status; past it, a failure aborts the response."})
    int resultBufferBytes;

    @Option(names = "--stale-after", paramLabel = "PERIOD", defaultValue = "P12M",
            description = {"How long a CoP counts as current after it was last confirmed accurate, as an ISO 8601",
                    "period (default: ${DEFAULT-VALUE}); older and never-reviewed ones are listed at /review/stale."})
    String staleAfter;

    @Option(names = "--owner-edits-need-review", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = {"Whether a CoP owner's proposals about their own CoP (sent with an owner link) wait for a"
                    + " curator like anyone's (default: ${DEFAULT-VALUE}).",
                    "--no-owner-edits-need-review publishes them at once, credited to the owner."})
    boolean ownerEditsNeedReview;

    @Option(names = "--proposals-per-hour", paramLabel = "N", defaultValue = "30",
            description = "How many proposals one client address may send per hour after a burst of --proposal-burst"
                    + " (default: ${DEFAULT-VALUE}); beyond, 429 with Retry-After.")
    int proposalsPerHour;

    @Option(names = "--proposal-burst", paramLabel = "N", defaultValue = "5",
            description = "How many proposals one client address may send at once (default: ${DEFAULT-VALUE}).")
    int proposalBurst;

    @Option(names = "--map-tiles", paramLabel = "URL-TEMPLATE", description = {"Background tiles for the maps, as a Leaflet"
            + " URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png (browsers fetch them from there).",
            "Default: none; the points are drawn on a plain background and no page asks another server for anything."})
    String mapTiles;

    @Option(names = "--map-attribution", paramLabel = "TEXT", description = "The credit the tile provider asks for, shown on every map.")
    String mapAttribution;

    @Override
    public Integer call() throws InterruptedException {
        StartupClock clock = new StartupClock();
        String sparqlEndpoint = sparqlEndpoints == null || sparqlEndpoints.isEmpty() ? null : String.join(" ", sparqlEndpoints);
        String updateEndpoint = updateEndpoints == null || updateEndpoints.isEmpty() ? null : String.join(" ", updateEndpoints);
        if (updateEndpoint != null && sparqlEndpoint == null) {
            throw org.w3id.copgraph.Problem.badRequest("bad-option", "--update-endpoint needs --sparql-endpoint.");
        }
        if (tokens != null && !java.nio.file.Files.isRegularFile(tokens)) {
            throw org.w3id.copgraph.Problem.badRequest("no-such-file", "No tokens file " + tokens + "; create one with `copgraph token`.");
        }
        Settings settings = options.settings().withPort(port).withTokens(tokens)
                .withRemoteStore(sparqlEndpoint, updateEndpoint)
                .withServing(new Settings.Serving(host, publicUrl == null ? null : PublicUrl.parse(publicUrl), precompute, metricsAtStart)
                        .withDerivedWrites(derivedWrites).withCompaction(compaction()))
                .withSparqlLimits(org.w3id.copgraph.sparql.SparqlLimits.DEFAULT.withMaxQueryBytes(maxQueryBytes)
                        .withResultBuffer(resultBufferBytes))
                .withProposing(Settings.Proposing.DEFAULTS.withOwnerEditsNeedReview(ownerEditsNeedReview)
                        .withRate(proposalBurst, proposalsPerHour))
                .withStaleAfter(period(staleAfter))
                .withMapTiles(org.w3id.copgraph.maps.Tiles.of(mapTiles, mapAttribution));
        Server server = Server.serve(settings, System.err::println, clock::mark);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        // The statement count is on /health, the home page and /metrics (read from the store's bookkeeping).
        System.out.printf("copgraph serving %s on http://%s:%d/ (links to %s)%s%n",
                sparqlEndpoint != null ? sparqlEndpoint : options.store, hostForUrl(host), server.port(), server.publicUrl(),
                server.seeded().graphs().isEmpty() ? "" : " (seed loaded: " + server.seeded().graphs().size() + " graphs)");
        server.join();
        return 0;
    }

    private org.w3id.copgraph.store.CompactionSchedule.Policy compaction() {
        java.time.Duration idle;
        try {
            idle = java.time.Duration.parse(compactAfterIdle.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw org.w3id.copgraph.Problem.badRequest("bad-option", "--compact-after-idle must be an ISO 8601 duration such as"
                    + " PT5M, PT30S or PT1H; got '" + compactAfterIdle + "'.");
        }
        try {
            return org.w3id.copgraph.store.CompactionSchedule.Policy.DEFAULT.withAfterIdle(idle).withWhenGrown(compactWhenGrown);
        } catch (IllegalArgumentException e) {
            throw org.w3id.copgraph.Problem.badRequest("bad-option", "--compact-when-grown / --compact-after-idle: " + e.getMessage() + ".");
        }
    }

    private static java.time.Period period(String text) {
        try {
            return java.time.Period.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw org.w3id.copgraph.Problem.badRequest("bad-option", "--stale-after must be an ISO 8601 period such as P12M,"
                    + " P6M or P1Y; got '" + text + "'.");
        }
    }

    /** The listening address as a person would type it (loopback and every-interface as localhost). */
    private static String hostForUrl(String host) {
        return PublicUrl.listening(host, 1).base().replaceFirst("^http://", "").replaceFirst(":1/$", "");
    }
}
