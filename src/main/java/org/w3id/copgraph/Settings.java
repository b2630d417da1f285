package org.w3id.copgraph;

import java.nio.file.Path;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.sparql.SparqlLimits;
import org.w3id.copgraph.store.CompactionSchedule;

/** How one copgraph instance is set up; the command line fills it, tests build it directly. */
public record Settings(Home home, Path storeDir, Iris iris, int port, long queryTimeoutMillis, Path tokensFile,
                       String sparqlEndpoint, String updateEndpoint, Serving serving,
                       SparqlLimits sparqlLimits, Proposing proposing, java.time.Period staleAfter) {

    public static final long DEFAULT_QUERY_TIMEOUT_MILLIS = 30_000;

    /** How long a CoP's entry counts as current after it was last confirmed accurate. */
    public static final java.time.Period DEFAULT_STALE_AFTER = java.time.Period.ofMonths(12);

    /**
     * How the server listens and what it keeps up in the background.
     *
     * @param host           the interface to listen on ({@link #DEFAULT_HOST}: loopback only)
     * @param publicUrl      where clients reach the server, for absolute links; null: the listening address
     * @param precompute     keep the curated queries' first pages computed (see {@code queries.Precomputation})
     * @param metricsAtStart compute the network metrics graph at start-up, not on first use
     * @param mapTiles       where maps take their background tiles from ({@code --map-tiles}); none by default
     * @param derivedWrites  whether this server writes to the store on its own: the derived graphs (network
     *                       metrics, suggestions) after changes, the seed graph into an empty store. Of several
     *                       fronts on one shared store exactly one does ({@code serve --no-derived-writes} on
     *                       the others), so they do not rewrite the same graphs over each other
     * @param compaction     when the embedded store is compacted (see {@code store.CompactionSchedule})
     */
    public record Serving(String host, PublicUrl publicUrl, boolean precompute, boolean metricsAtStart,
                          org.w3id.copgraph.maps.Tiles mapTiles, boolean derivedWrites, CompactionSchedule.Policy compaction) {

        public Serving {
            mapTiles = mapTiles == null ? org.w3id.copgraph.maps.Tiles.NONE : mapTiles;
            compaction = compaction == null ? CompactionSchedule.Policy.DEFAULT : compaction;
        }

        public Serving(String host, PublicUrl publicUrl, boolean precompute, boolean metricsAtStart,
                       org.w3id.copgraph.maps.Tiles mapTiles, boolean derivedWrites) {
            this(host, publicUrl, precompute, metricsAtStart, mapTiles, derivedWrites, null);
        }

        /** The only server on its store: it writes the derived graphs itself. */
        public Serving(String host, PublicUrl publicUrl, boolean precompute, boolean metricsAtStart,
                       org.w3id.copgraph.maps.Tiles mapTiles) {
            this(host, publicUrl, precompute, metricsAtStart, mapTiles, true);
        }

        /** As this, writing the derived graphs and the seed or leaving them to another front (see {@code derivedWrites}). */
        public Serving withDerivedWrites(boolean writes) {
            return new Serving(host, publicUrl, precompute, metricsAtStart, mapTiles, writes, compaction);
        }

        /** As this, compacting the embedded store by {@code policy}. */
        public Serving withCompaction(CompactionSchedule.Policy policy) {
            return new Serving(host, publicUrl, precompute, metricsAtStart, mapTiles, derivedWrites, policy);
        }

        /** Without map tiles: maps draw their points on a plain background. */
        public Serving(String host, PublicUrl publicUrl, boolean precompute, boolean metricsAtStart) {
            this(host, publicUrl, precompute, metricsAtStart, null);
        }

        /**
         * Loopback only: a server started to try copgraph is not open to the network by accident,
         * and its default public URL ({@code http://localhost:PORT/}) is then right by construction.
         * Opening it up ({@code --host 0.0.0.0}) is a decision that comes with a {@code --public-url}.
         */
        public static final String DEFAULT_HOST = "127.0.0.1";

        public static final Serving DEFAULTS = new Serving(DEFAULT_HOST, null, true, true);
    }

    /**
     * How proposals are taken (see {@code proposals}).
     *
     * @param maxStatements        the most statements a proposal may describe (413 beyond)
     * @param maxBytes             the largest proposal body (413 beyond, before it is read)
     * @param burst                how many proposals one client address may send at once
     * @param perHour              how many more it may send per hour after a burst (429 with Retry-After beyond)
     * @param ownerEditsNeedReview whether an owner's proposal about their own CoP still waits for a curator
     */
    public record Proposing(int maxStatements, long maxBytes, int burst, int perHour, boolean ownerEditsNeedReview) {

        public static final Proposing DEFAULTS = new Proposing(500, 256_000, 5, 30, true);

        public Proposing withOwnerEditsNeedReview(boolean review) {
            return new Proposing(maxStatements, maxBytes, burst, perHour, review);
        }

        public Proposing withRate(int burst, int perHour) {
            return new Proposing(maxStatements, maxBytes, burst, perHour, ownerEditsNeedReview);
        }

        public Proposing withMaxStatements(int n) {
            return new Proposing(n, maxBytes, burst, perHour, ownerEditsNeedReview);
        }
    }

    /** Without proposal settings or a stale-after period: the defaults. */
    public Settings(Home home, Path storeDir, Iris iris, int port, long queryTimeoutMillis, Path tokensFile,
                    String sparqlEndpoint, String updateEndpoint, Serving serving, SparqlLimits sparqlLimits) {
        this(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits,
                Proposing.DEFAULTS, DEFAULT_STALE_AFTER);
    }

    public static Settings defaults() {
        return new Settings(Home.current(), Path.of("store"), Iris.DEFAULT, 8080, DEFAULT_QUERY_TIMEOUT_MILLIS, null, null, null,
                Serving.DEFAULTS, SparqlLimits.DEFAULT);
    }

    public Settings withPort(int port) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    public Settings withStore(Path storeDir) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    public Settings withIris(Iris iris) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    public Settings withTokens(Path tokensFile) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    /** Reads (and, with an update endpoint, writes) another SPARQL store instead of the embedded TDB2. */
    public Settings withRemoteStore(String sparqlEndpoint, String updateEndpoint) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    public Settings withQueryTimeout(long millis) {
        return new Settings(home, storeDir, iris, port, millis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    public Settings withServing(Serving serving) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits, proposing, staleAfter);
    }

    /** Absolute links point here (see {@link PublicUrl}). */
    public Settings withPublicUrl(PublicUrl publicUrl) {
        return withServing(new Serving(serving.host(), publicUrl, serving.precompute(), serving.metricsAtStart(), serving.mapTiles(),
                serving.derivedWrites(), serving.compaction()));
    }

    /** Maps' background tiles ({@code serve --map-tiles}); {@link org.w3id.copgraph.maps.Tiles#NONE} for a plain background. */
    public Settings withMapTiles(org.w3id.copgraph.maps.Tiles tiles) {
        return withServing(new Serving(serving.host(), serving.publicUrl(), serving.precompute(), serving.metricsAtStart(), tiles,
                serving.derivedWrites(), serving.compaction()));
    }

    /** The size, nesting and answer-buffer limits of /sparql and /update (see {@link SparqlLimits}). */
    public Settings withSparqlLimits(SparqlLimits limits) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, limits, proposing, staleAfter);
    }

    /** How proposals are taken: size caps, the rate per client, whether owners' edits need review. */
    public Settings withProposing(Proposing proposing) {
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits,
                proposing, staleAfter);
    }

    /** A CoP not confirmed accurate for this long is stale ({@code /review/stale}, the feed, the directory's freshness facet). */
    public Settings withStaleAfter(java.time.Period staleAfter) {
        if (staleAfter.isNegative()) {
            throw Problem.badRequest("bad-stale-after", "The stale-after period must not be negative (e.g. P12M); got " + staleAfter + ".");
        }
        return new Settings(home, storeDir, iris, port, queryTimeoutMillis, tokensFile, sparqlEndpoint, updateEndpoint, serving, sparqlLimits,
                proposing, staleAfter);
    }
}
