package org.w3id.copgraph;

import java.nio.file.Path;

import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.Tokens;
import org.w3id.copgraph.forms.Forms;
import org.w3id.copgraph.directory.Directory;
import org.w3id.copgraph.network.MetricsGraph;
import org.w3id.copgraph.network.Network;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.Precomputation;
import org.w3id.copgraph.search.TextSearch;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.linkeddata.Harvest;
import org.w3id.copgraph.linkeddata.LinkedData;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.proposals.OwnerLinks;
import org.w3id.copgraph.proposals.ProposalService;
import org.w3id.copgraph.store.PrivateStore;
import org.w3id.copgraph.store.SeedSnapshot;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;

/**
 * One copgraph instance: its store and the features that work on it. The web app and the
 * command line both start from here, so everything the server does the command line can do.
 */
public final class Copgraph implements AutoCloseable {

    private final Settings settings;
    private final Store store;
    private final Curation curation;
    private final Tokens tokens;
    private final Loader loader;
    private final java.util.concurrent.Future<CuratedQueries> queries;
    private final Network network;
    private final MetricsGraph metricsGraph;
    private final org.w3id.copgraph.suggestions.Suggestions suggestions;
    private final org.w3id.copgraph.suggestions.SuggestionsGraph suggestionsGraph;
    private final Harvest harvest;
    private final LinkedData linkedData;
    private final org.w3id.copgraph.freshness.Freshness freshness;
    private final org.w3id.copgraph.freshness.CopFeed copFeed;
    private final Forms forms;
    private final PrivateStore privateStore;
    private final ProposalService proposals;
    private final org.w3id.copgraph.proposals.ReviewDiff reviewDiff;
    private final OwnerLinks ownerLinks;
    private final Directory directory;
    private final org.w3id.copgraph.imports.Imports imports;
    private final org.w3id.copgraph.maps.Maps maps;
    private final TextSearch textSearch;
    private volatile Precomputation precomputation;
    private volatile PublicUrl listening;
    private boolean backgroundStarted;
    private volatile org.w3id.copgraph.store.CompactionSchedule compaction;

    private Copgraph(Settings settings, java.util.concurrent.Future<Shacl> shapes, Store store, PrivateStore privateStore,
                     Path dumpsDir, Path answersDir) {
        this.settings = settings;
        this.store = store;
        this.curation = new Curation(store, () -> done(shapes), settings.iris(), settings.sparqlLimits());
        this.tokens = Tokens.load(settings.tokensFile(), System.getenv());
        this.loader = new Loader(store, curation, settings.home(), settings.iris());
        // The curated queries are parsed beside the seed load: only the web app and `query` need them.
        this.queries = inBackground("curated-queries",
                () -> CuratedQueries.load(settings.home().queries(), settings.iris(), settings.queryTimeoutMillis(), answersDir));
        this.textSearch = new TextSearch(store, settings.queryTimeoutMillis());
        this.network = Network.on(store, settings.queryTimeoutMillis(), textSearch, settings.iris().suggestionsGraph());
        this.metricsGraph = new MetricsGraph(store, settings.iris(), network);
        // A committed change reaches the network from its delta: no read of the store.
        curation.addCommitListener((record, before, after, added, removed) -> network.applied(before, after, added, removed));
        this.suggestions = new org.w3id.copgraph.suggestions.Suggestions(store, settings.iris(), settings.staleAfter(),
                java.time.Clock.systemUTC(), settings.queryTimeoutMillis());
        this.suggestionsGraph = new org.w3id.copgraph.suggestions.SuggestionsGraph(store, settings.iris(), suggestions);
        // The curated query suggested-connections reads the graph: its answers are kept per data version,
        // which a rewrite of the graph does not change.
        suggestionsGraph.onPublished(() -> {
            if (this.queries.isDone()) {
                queries().derivedGraphRewritten();
            }
        });
        if (!settings.serving().derivedWrites()) {
            // Another front on the same store keeps the derived graphs: this one never rewrites them
            // (a refresh closed before it ever ran is a no-op wherever it is asked for: at start,
            // after a change, by a request that finds the graph behind). It still reads them, and
            // what it keeps of them follows the store's stamps (see Store#contentModified).
            metricsGraph.close();
            suggestionsGraph.refresh().close();
        }
        this.harvest = new Harvest(store, settings.iris(), this::publicUrl, dumpsDir, settings.queryTimeoutMillis());
        this.linkedData = new LinkedData(store, settings.iris(), settings.home().ontology().resolve("context.jsonld"),
                settings.queryTimeoutMillis());
        this.privateStore = privateStore;
        this.proposals = new ProposalService(store, privateStore, curation, () -> done(shapes), settings.iris(), settings.proposing());
        this.reviewDiff = new org.w3id.copgraph.proposals.ReviewDiff(store, curation, settings.iris(), settings.queryTimeoutMillis());
        // A new resource's IRI is free of the published data and of the IRIs pending proposals would publish.
        this.forms = Forms.fromFile(store, settings.iris(), settings.home().shapes())
                .reserving(iri -> proposals.list(org.w3id.copgraph.proposals.Status.PENDING).stream()
                        .anyMatch(p -> iri.equals(p.target())));
        this.imports = new org.w3id.copgraph.imports.Imports(store, curation, settings.iris(),
                org.w3id.copgraph.imports.Mappings.load(settings.home().mappings()));
        this.ownerLinks = new OwnerLinks(store, privateStore, settings.iris());
        // /cops?q= asks the text index when the store has one; without it (a remote store) a scan of
        // every literal per search would be slow, so the directory matches the words of its own index.
        this.directory = new Directory(store, settings.iris(), settings.queryTimeoutMillis(), settings.staleAfter(),
                java.time.Clock.systemUTC(), () -> textSearch.indexed() ? this::textMatches : null);
        this.maps = new org.w3id.copgraph.maps.Maps(directory, settings.serving().mapTiles());
        // The event stream hears of every change inside the change's own transaction.
        curation.addListener(harvest.stream());
        this.freshness = new org.w3id.copgraph.freshness.Freshness(store, curation, settings.iris(), settings.staleAfter(),
                harvest.stream(), java.time.Clock.systemUTC(), settings.queryTimeoutMillis());
        this.copFeed = new org.w3id.copgraph.freshness.CopFeed(freshness);
    }

    /** Opens the store of {@code settings} without loading anything into it. */
    public static Copgraph open(Settings settings) {
        return open(settings, null);
    }

    /**
     * Opens the store of {@code settings} to serve it: a new embedded store is given the seed
     * graph from the jar's {@link SeedSnapshot} when that was made from the same seed files
     * under the same base IRI (else {@link #seedIfEmpty} loads them as usual).
     */
    public static Copgraph openSeeding(Settings settings) {
        SeedSnapshot seed = null;
        if (settings.sparqlEndpoint() == null && settings.serving().derivedWrites() && SeedSnapshot.isNewStore(settings.storeDir())) {
            seed = matchingSeed(settings);
        }
        return open(settings, seed);
    }

    /** The jar's seed snapshot if it was made from this home's seed files and base IRI, else null. */
    private static SeedSnapshot matchingSeed(Settings settings) {
        try {
            SeedSnapshot seed = SeedSnapshot.onClasspath();
            if (seed != null && seed.fingerprint().equals(Loader.seedFingerprint(settings.home(), settings.iris()))) {
                return seed;
            }
        } catch (RuntimeException e) {
            // An unreadable snapshot or seed file: the load reads the files itself and says what is wrong.
        }
        return null;
    }

    private static Copgraph open(Settings settings, SeedSnapshot seed) {
        // The shapes are parsed while the store opens; the first write waits for them.
        var shapes = shapesOf(settings);
        Store store = settings.sparqlEndpoint() != null
                ? Store.remote(Store.endpoints(settings.sparqlEndpoint()), Store.endpoints(settings.updateEndpoint()), null)
                : Store.open(settings.storeDir(), seed);
        Path dumps = settings.sparqlEndpoint() != null ? Harvest.temporaryDumpsDir() : Harvest.dumpsDirFor(settings.storeDir());
        // Proposals and owner links: beside the store, never in it (for a remote store too: in --store DIR).
        Copgraph cg = new Copgraph(settings, shapes, store, PrivateStore.beside(settings.storeDir()), dumps,
                settings.sparqlEndpoint() != null ? null : answersDirFor(settings.storeDir()));
        cg.seededFrom = seed;
        return cg;
    }

    /** The snapshot a new store was given its seed graph from (null: none). */
    private SeedSnapshot seededFrom;

    /** A copgraph on a given store (for tests: {@link Store#inMemory()}). */
    public static Copgraph on(Settings settings, Store store) {
        return new Copgraph(settings, shapesOf(settings), store, PrivateStore.inMemory(), Harvest.temporaryDumpsDir(), null);
    }

    /** Where the precomputed curated answers of a store live: beside it, as its dumps do. */
    public static Path answersDirFor(Path storeDir) {
        Path abs = storeDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-answers");
    }

    /** Starts keeping the curated queries' first pages computed in the background (see {@link Precomputation}). */
    public synchronized Precomputation startPrecomputation() {
        if (precomputation == null) {
            precomputation = Precomputation.start(queries(), store);
        }
        return precomputation;
    }

    /**
     * What a running server keeps up in the background, as {@code settings.serving()} says: the
     * network metrics graph (at start-up, and again a moment after each change) and the curated
     * queries' precomputed first pages. Once per instance, however many servers start on it.
     */
    public synchronized void startBackgroundWork() {
        if (backgroundStarted) {
            return;
        }
        backgroundStarted = true;
        // The embedded store is compacted when it has grown and nobody writes (see CompactionSchedule).
        compaction = org.w3id.copgraph.store.CompactionSchedule.start(store, settings.serving().compaction());
        if (settings.serving().metricsAtStart() && !store.isRemote()) {
            // The metrics refresh reads the network only when its graph is not current; a restart
            // on a store whose graphs are current would otherwise read it on the first request.
            // Not a front's: its read would be queries on the store the fronts share, at each start.
            network.readInBackground();
        }
        if (settings.serving().derivedWrites() && settings.serving().metricsAtStart()) {
            metricsGraph.refreshInBackground();
            suggestionsGraph.refresh().refreshInBackground();
        }
        if (settings.serving().precompute()) {
            startPrecomputation();
        }
        if (settings.serving().derivedWrites()) {
            curation.addListener((dsg, record, resources) -> metricsGraph.refreshSoon());
            curation.addListener((dsg, record, resources) -> suggestionsGraph.refresh().refreshSoon());
        }
        // The directory's index is read before the first visitor asks, at start and after each change.
        directory.warmSoon();
        curation.addListener((dsg, record, resources) -> directory.warmSoon());
    }

    /**
     * Loads the seed graph ({@code ontology/} and {@code data/}) into an empty store, telling
     * {@code say} since it takes a moment; a read-only remote store is left alone, and so is the
     * store of a front that leaves the store's own writes to another.
     */
    public Loader.Result seedIfEmpty(java.util.function.Consumer<String> say) {
        SeedSnapshot snapshot = seededFrom;
        if (snapshot != null) {
            seededFrom = null;
            say.accept(String.format("Empty store: the seed graph (ontology/ and data/, %d statements in %d graphs, loaded and"
                    + " SHACL-checked by the build at %s) copied in from the jar's snapshot.", snapshot.quads(),
                    snapshot.graphs().size(), snapshot.made()));
            return new Loader.Result(snapshot.graphs(), snapshot.quads());
        }
        // A front that leaves the store's own writes to another (--no-derived-writes) leaves the
        // seed to it too: fronts started together on an empty store would each load it.
        if (!settings.serving().derivedWrites() || !store.isEmpty() || store.isRemote() && settings.updateEndpoint() == null) {
            return new Loader.Result(java.util.List.of(), 0);
        }
        say.accept("Empty store: loading ontology/ and data/ (SHACL-checked) ...");
        long t0 = System.nanoTime();
        Loader.Result r = loader.loadSeedIfEmpty();
        say.accept(String.format("Loaded %d statements in %d graphs in %d ms.", r.quads(), r.graphs().size(),
                (System.nanoTime() - t0) / 1_000_000));
        return r;
    }

    /** Called by the server once it listens: the default public URL is where it listens. */
    public void listeningOn(String host, int port) {
        this.listening = PublicUrl.listening(host, port);
    }

    /**
     * Where clients reach this instance, for absolute links: {@code --public-url}, else the
     * address the server listens on (see {@link PublicUrl}). Never a request's Host header.
     */
    public PublicUrl publicUrl() {
        PublicUrl configured = settings.serving().publicUrl();
        if (configured != null) {
            return configured;
        }
        PublicUrl l = listening;
        return l != null ? l : PublicUrl.listening(settings.serving().host(), settings.port());
    }

    /** The background precomputation, or null when it was not started. */
    public Precomputation precomputation() {
        return precomputation;
    }

    public Settings settings() {
        return settings;
    }

    public Store store() {
        return store;
    }

    /** The one write path: every change to the data goes through it. */
    public Curation curation() {
        return curation;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Loader loader() {
        return loader;
    }

    public CuratedQueries queries() {
        return done(queries);
    }

    private static java.util.concurrent.Future<Shacl> shapesOf(Settings settings) {
        // Jena initialises itself on first use; two threads doing that at once deadlock on class
        // initialisation (seen: serve hung for good), so it is done here, before any work goes to other threads.
        org.apache.jena.sys.JenaSystem.init();
        return inBackground("shapes", () -> Shacl.fromFile(settings.home().shapes(), settings.iris()));
    }

    /** Start-up work that needs nothing else: run on its own thread, joined where it is first needed. */
    private static <T> java.util.concurrent.Future<T> inBackground(String name, java.util.concurrent.Callable<T> work) {
        return Background.onThread("copgraph-start-" + name, work);
    }

    /** The result of start-up work; its failure is thrown here as it would have been in line. */
    private static <T> T done(java.util.concurrent.Future<T> work) {
        return Background.join(work, "starting");
    }

    public Network network() {
        return network;
    }

    /** The derived graph of network metrics, kept in step with the data. */
    public MetricsGraph metricsGraph() {
        return metricsGraph;
    }

    /** Who each CoP could learn from and could help, with reasons. */
    public org.w3id.copgraph.suggestions.Suggestions suggestions() {
        return suggestions;
    }

    /** The derived graph of suggested connections, kept in step with the data. */
    public org.w3id.copgraph.suggestions.SuggestionsGraph suggestionsGraph() {
        return suggestionsGraph;
    }

    /** Descriptions of resources and graphs, the ontology document and the sitemap. */
    public LinkedData linkedData() {
        return linkedData;
    }

    /** Confirming CoPs still accurate, the stale list, removals with a reason. */
    public org.w3id.copgraph.freshness.Freshness freshness() {
        return freshness;
    }

    /** The Atom feed's entries: new, changed, stale and removed CoPs. */
    public org.w3id.copgraph.freshness.CopFeed copFeed() {
        return copFeed;
    }

    /** The proposal forms, generated from the shapes. */
    public Forms forms() {
        return forms;
    }

    /** Proposals by anyone, kept apart from the published data until a curator accepts them. */
    public ProposalService proposals() {
        return proposals;
    }

    /** A proposal beside the current data, with labels: for the review pages and the proposer's status page. */
    public org.w3id.copgraph.proposals.ReviewDiff reviewDiff() {
        return reviewDiff;
    }

    /** Owner links: a CoP's contact person signs in as its owner. */
    public OwnerLinks ownerLinks() {
        return ownerLinks;
    }

    /** The directory of CoPs ({@code /cops}): cards, search and facets. */
    public Directory directory() {
        return directory;
    }

    /** Imports of JSON and GeoJSON through the mapping files of {@code mappings/}. */
    public org.w3id.copgraph.imports.Imports imports() {
        return imports;
    }

    /** Maps of the directory and of neighbourhoods, and the directory as GeoJSON. */
    public org.w3id.copgraph.maps.Maps maps() {
        return maps;
    }

    private java.util.List<Directory.TextMatcher.Match> textMatches(String text, int limit) {
        return textSearch.find(text, Math.min(limit, TextSearch.MAX_LIMIT)).stream()
                .map(h -> new Directory.TextMatcher.Match(h.iri(), h.score())).toList();
    }

    /** Full-text search over names and descriptions (the text index; a scan on a remote store). */
    public TextSearch textSearch() {
        return textSearch;
    }

    /** Dumps, VoID/DCAT, the event stream and fragments, for harvesting partners. */
    public Harvest harvest() {
        return harvest;
    }

    @Override
    public void close() {
        // Everything in the background is asked to stop before anything is waited for, and the
        // store's queries under way are ended: each worker ends at its next unit of work and their
        // waits overlap instead of adding up (a server stopped amid the refreshes and the
        // precomputation at 10,000 CoPs took up to two minutes to exit).
        metricsGraph.stop();
        suggestionsGraph.refresh().stop();
        if (precomputation != null) {
            precomputation.stop();
        }
        store.stopQueries();
        if (compaction != null) {
            // Waits for a compaction under way: the store cannot close amid one.
            compaction.close();
        }
        // Background readers and writers end first: TDB2 will not close with a transaction open.
        metricsGraph.close();
        suggestionsGraph.refresh().close();
        network.close();
        directory.close();
        if (precomputation != null) {
            precomputation.close();
        }
        store.close();
        privateStore.close();
    }
}
