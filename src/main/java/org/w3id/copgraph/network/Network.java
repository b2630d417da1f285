package org.w3id.copgraph.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.SimpleGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.search.TextSearch;
import org.w3id.copgraph.store.Store;

/**
 * The network feature's entry point: projections of the graph into networks, neighbourhoods,
 * explained paths and metrics. Everything is built from the facts of one data version and
 * cached until the data changes.
 */
public final class Network {

    public static final int MAX_DEPTH = 3;
    public static final int DEFAULT_LIMIT = 30;
    public static final int MAX_NODES = 400;
    public static final int MAX_PATHS = 10;
    public static final int MAX_PATH_LENGTH = 6;

    private static final Logger LOG = LoggerFactory.getLogger(Network.class);

    private final Supplier<Object> version;
    private final Supplier<Facts> reader;
    private final Object lock = new Object();
    private volatile Snapshot current;
    private CompletableFuture<Snapshot> reading;
    private final java.util.concurrent.Semaphore building = new java.util.concurrent.Semaphore(1);
    // Bounded by edges, not entries: one network of every resource at 50,000 CoPs has 1.6 million
    // edges, and the explorer's time slider asks for a new window at every step.
    // Soft values: under memory pressure the collector drops built networks (they are rebuilt
    // from the facts when asked for again) rather than the server running out of memory.
    private final Cache<Key, Net> nets = Caffeine.newBuilder().maximumWeight(3_000_000)
            .weigher((Key k, Net n) -> n.edges().size() + n.nodes().size() / 4 + 1).softValues().build();
    private final Cache<Key, Metrics> metrics = Caffeine.newBuilder().maximumSize(32).softValues().build();
    private final Cache<Key, Graph<String, Edge>> graphs = Caffeine.newBuilder().maximumSize(2).softValues().build();

    /** Finds resources by name and description for {@link #search}; null: labels are scanned. */
    private final TextSearch text;

    /**
     * The suggested links of a snapshot: when the derived graph of suggestions was written (its
     * stamp; it is rewritten without the data version changing), and the links read from it.
     * Null for fixed facts, whose suggestions come with them.
     */
    private final SuggestedSource suggestedSource;
    private volatile SuggestedCache suggestedCache;

    interface SuggestedSource {
        /** When the suggestions were last written (one lookup), or null when there are none. */
        String stamp();

        List<FactsReader.SuggestionParts> read();
    }

    private record SuggestedCache(Object version, String stamp, SuggestedLinks links) {
    }

    private Network(Supplier<Object> version, Supplier<Facts> reader, TextSearch text, SuggestedSource suggestedSource) {
        this(version, reader, null, null, text, suggestedSource);
    }

    private Network(Supplier<Object> version, Supplier<Facts> reader, Supplier<FactRows> rowReader, java.nio.file.Path cacheDir,
                    TextSearch text, SuggestedSource suggestedSource) {
        this.version = version;
        this.reader = reader;
        this.rowReader = rowReader;
        this.cacheDir = cacheDir;
        this.text = text;
        this.suggestedSource = suggestedSource;
    }

    /**
     * Reads the statements the facts are made of from the store (null: facts are read whole by
     * {@link #reader}, and no change is applied from its delta).
     */
    private final Supplier<FactRows> rowReader;
    /** Where the statements and metrics of the last data version are kept for a restart (null: nowhere). */
    private final java.nio.file.Path cacheDir;
    private final java.util.concurrent.atomic.AtomicLong storeReads = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong deltasApplied = new java.util.concurrent.atomic.AtomicLong();

    /** How many times the facts were read from the store (every statement of them): a full rebuild. */
    public long storeReads() {
        return storeReads.get();
    }

    /** How many changes reached the network from their delta, without reading the store. */
    public long deltasApplied() {
        return deltasApplied.get();
    }

    private Network(Supplier<Object> version, Supplier<Facts> reader) {
        this(version, reader, null, null);
    }

    /** The network of the data in {@code store}, rebuilt whenever {@link Store#lastModified()} changes. */
    public static Network on(Store store, long queryTimeoutMillis) {
        return on(store, queryTimeoutMillis, null);
    }

    /** As {@link #on(Store, long)}, searching with {@code text} (the store's full-text search). */
    public static Network on(Store store, long queryTimeoutMillis, TextSearch text) {
        return on(store, queryTimeoutMillis, text, null);
    }

    /**
     * As {@link #on(Store, long, TextSearch)}, with the suggested links ({@code cop:Suggestion}) of
     * the derived graph {@code suggestionsGraph} (none when null), read only when asked for.
     */
    public static Network on(Store store, long queryTimeoutMillis, TextSearch text, String suggestionsGraph) {
        FactsReader r = new FactsReader(store, queryTimeoutMillis);
        SuggestedSource suggested = suggestionsGraph == null ? null : new SuggestedSource() {
            @Override
            public String stamp() {
                return r.stamp(suggestionsGraph);
            }

            @Override
            public List<FactsReader.SuggestionParts> read() {
                return r.readSuggestions(suggestionsGraph);
            }
        };
        return new Network(() -> Objects.requireNonNullElse((Object) store.lastModified(), Instant.EPOCH), r::read, r::readRows,
                store.localDirectory(), text, suggested);
    }

    /**
     * The suggested links for the facts of {@code s}: read again when the derived graph was
     * rewritten since (a cheap check of its stamp), only when a view asks for them.
     */
    SuggestedLinks suggested(Snapshot s) {
        if (suggestedSource == null) {
            return SuggestedLinks.of(s.facts());
        }
        String stamp = suggestedSource.stamp();
        SuggestedCache c = suggestedCache;
        if (c != null && c.version().equals(s.version()) && Objects.equals(c.stamp(), stamp)) {
            return c.links();
        }
        synchronized (suggestedSource) {
            c = suggestedCache;
            if (c != null && c.version().equals(s.version()) && Objects.equals(c.stamp(), stamp)) {
                return c.links();
            }
            SuggestedLinks links = stamp == null ? SuggestedLinks.NONE : SuggestedLinks.of(suggestedSource.read(), s.facts().nodes());
            suggestedCache = new SuggestedCache(s.version(), stamp, links);
            return links;
        }
    }

    /** A network of fixed facts (benchmarks, tests of the algorithms). */
    public static Network of(Facts fixed) {
        return new Network(() -> "fixed", () -> fixed);
    }

    /** A network read by {@code reader} whenever {@code version} changes (tests of the rebuilds). */
    static Network of(Supplier<Object> version, Supplier<Facts> reader) {
        return new Network(version, reader);
    }

    /** A network whose statements {@code rows} reads (tests of reads and deltas); nothing kept beside a store. */
    static Network ofRows(Supplier<Object> version, Supplier<FactRows> rows) {
        return ofRows(version, rows, null);
    }

    /** As {@link #ofRows(Supplier, Supplier)}, with the statements kept in {@code dir} between runs (as beside a store). */
    static Network ofRows(Supplier<Object> version, Supplier<FactRows> rows, java.nio.file.Path dir) {
        return new Network(version, () -> FactsReader.facts(rows.get()), rows, dir, null, null);
    }

    /** The data version the answers are computed for (the network served may still be of an earlier one). */
    public Object version() {
        return version.get();
    }

    /** The data version of the network that answers now. */
    public Object servedVersion() {
        return snapshot().version();
    }

    /** Whether the network of some data version has been read (a restarted server may answer before). */
    boolean built() {
        return current != null;
    }

    public Facts facts() {
        return snapshot().facts();
    }

    /**
     * Starts reading the network, unless it has been read or is being read, and returns at once;
     * then, at nice 19, the metrics views are drawn with (the whole network's: from those kept
     * beside the store when they are of this version). A server calls it at start, so that its
     * first neighbourhood or path is not the one that waits for the read and the projection
     * (3–8 s at 10,000 CoPs), nor a change's answer right after a restart.
     */
    public void readInBackground() {
        if (current != null || closed) {
            return;
        }
        build().thenRun(() -> metricsInBackground(Projection.ALL, Window.ALWAYS));
    }

    /**
     * A rebuild that took at most this long last time is waited for (up to {@link #QUICK_WAIT_MILLIS}):
     * on a store of this size a curator's change is then in the very next answer, and nobody
     * notices the wait. Larger stores keep answering from the previous network while they rebuild.
     */
    static final long QUICK_BUILD_MILLIS = 1_000;
    static final long QUICK_WAIT_MILLIS = 2_000;

    private volatile long lastBuildMillis = Long.MAX_VALUE;
    // A build already waited for in vain: later readers do not wait for it again.
    private volatile CompletableFuture<Snapshot> waitedOut;

    /**
     * The network to answer with: the one of the current data version when it is built. While
     * that is being rebuilt (in the background, one build at a time), a small store's rebuild is
     * waited for, briefly (see {@link #QUICK_BUILD_MILLIS}); a large store's readers get the
     * previous network, so that a change of the data never makes them wait long. Only the very
     * first build is always waited for.
     */
    Snapshot snapshot() {
        Object v = version.get();
        Snapshot s = current;
        if (s != null && s.version().equals(v)) {
            return s;
        }
        CompletableFuture<Snapshot> build = build();
        if (s == null) {
            return join(build);
        }
        return lastBuildMillis <= QUICK_BUILD_MILLIS ? awaitBriefly(v, build, s) : s;
    }

    /** The snapshot of version {@code v} if it is built within {@link #QUICK_WAIT_MILLIS}, else {@code previous}. */
    private Snapshot awaitBriefly(Object v, CompletableFuture<Snapshot> build, Snapshot previous) {
        long deadline = System.nanoTime() + QUICK_WAIT_MILLIS * 1_000_000;
        while (build != waitedOut) {
            try {
                Snapshot s = build.get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                if (s.version().equals(v)) {
                    return s;
                }
                // That build had started before the change: the next one reads it.
                build = build();
            } catch (java.util.concurrent.TimeoutException e) {
                waitedOut = build;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return previous;
            } catch (java.util.concurrent.ExecutionException e) {
                return join(build);
            }
        }
        return previous;
    }

    /**
     * {@code s}, or the network of the current data version when {@code s} is older and lacks
     * {@code iri}: a resource written a moment ago is not "no such resource" while its network
     * is still being rebuilt; only then is the rebuild waited for, however long it takes.
     */
    Snapshot knowing(Snapshot s, String... iris) {
        for (String iri : iris) {
            if (!s.facts().nodes().containsKey(iri) && !s.version().equals(version.get())) {
                return awaitSnapshot();
            }
        }
        return s;
    }

    /** The network of the current data version, waiting for it to be built if need be. */
    Snapshot awaitSnapshot() {
        while (true) {
            Object v = version.get();
            Snapshot s = current;
            if (s != null && s.version().equals(v)) {
                return s;
            }
            join(build());
        }
    }

    /**
     * Waits (a while) for a build still reading the store, so that the store can be closed: TDB2
     * refuses to close with a read transaction open.
     */
    public void close() {
        CompletableFuture<Snapshot> running;
        synchronized (lock) {
            running = reading;
        }
        if (running != null) {
            try {
                running.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException
                     | java.util.concurrent.CancellationException e) {
                // A failed build holds no transaction (a read the closing store stopped ends with a
                // CancellationException, which get() throws as it is); one still running after a
                // minute is left to the JVM's end.
            }
        }
        // What was to be kept beside the store a moment from now is written now (a command that
        // ends at once keeps it for the next), and nothing is written there after the close.
        closed = true;
        keepNow();
        MetricsFile.awaitWrites(10_000);
    }

    private volatile boolean closed;

    /** Starts a build of the current data version unless one is running; returns the running one. */
    private CompletableFuture<Snapshot> build() {
        synchronized (lock) {
            if (reading != null && !reading.isDone()) {
                return reading;
            }
            CompletableFuture<Snapshot> f = new CompletableFuture<>();
            reading = f;
            Thread t = new Thread(() -> {
                try {
                    // The version is read before the facts: a change made meanwhile is seen as a newer version.
                    Object v = version.get();
                    long t0 = System.nanoTime();
                    Snapshot s = read(v);
                    Facts facts = s.facts();
                    Snapshot served;
                    synchronized (lock) {
                        // A change applied from its delta meanwhile is newer than what was read here.
                        if (current == null || !current.version().equals(version.get())) {
                            published(s.rows() == null ? s : catchUp(s));
                        }
                        served = current;
                    }
                    lastBuildMillis = (System.nanoTime() - t0) / 1_000_000;
                    LOG.info("Network facts for data version {} read: {} nodes, {} links in {} ms", v, facts.nodes().size(),
                            facts.links().size(), (System.nanoTime() - t0) / 1_000_000);
                    f.complete(served);
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            }, "network-build");
            t.setDaemon(true);
            t.start();
            return f;
        }
    }

    /** The facts of version {@code v}: from the copy kept on disk for it, else read from the store. */
    private Snapshot read(Object v) {
        if (rowReader == null) {
            storeReads.incrementAndGet();
            return new Snapshot(v, reader.get(), null, null);
        }
        FactRows rows = null;
        java.nio.file.Path file = cacheDir == null ? null : cacheDir.resolve(ROWS_FILE);
        if (file != null) {
            try {
                rows = FactRows.read(file, String.valueOf(v));
                if (rows == null) {
                    // Kept for a version before v (a change came between the start and this read):
                    // read it, and the changes made since, kept for this read, bring it to v.
                    Object kept = keptChainTo(FactRows.versionOf(file), v);
                    if (kept != null) {
                        rows = FactRows.read(file, String.valueOf(kept));
                        v = rows == null ? v : kept;
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("The network's statements kept in {} are not readable; reading the store", file, e);
            }
        }
        boolean fromStore = rows == null;
        if (fromStore) {
            storeReads.incrementAndGet();
            rows = rowReader.get();
        }
        FactsJoin.Made made = FactsJoin.make(rows, null);
        Snapshot s = new Snapshot(v, made.facts(), rows, made);
        if (fromStore) {
            keepSoon(s);
        }
        return s;
    }

    static final String ROWS_FILE = "network-facts.bin";
    private final java.util.concurrent.atomic.AtomicReference<Snapshot> toKeep = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * How long the network must go without a change before its statements are written beside the
     * store. Writing them takes seconds of a core at 10,000 CoPs (65 MB): after every change of a
     * curator's session (one every few seconds) that took a core from the next change. A restart
     * within this spell reads the store instead; closing the server writes them at once.
     */
    static final long KEEP_AFTER_QUIET_MILLIS = 30_000;
    private final org.w3id.copgraph.Background.QuietSpell keepAfterQuiet = new org.w3id.copgraph.Background.QuietSpell(
            KEEP_AFTER_QUIET_MILLIS, java.util.concurrent.ForkJoinPool.commonPool(), this::keepNow);

    /**
     * Writes the statements of {@code s} beside the store once no change has come for
     * {@link #KEEP_AFTER_QUIET_MILLIS}, on a thread of its own: a run of changes writes the file
     * once, for the last of them.
     */
    private void keepSoon(Snapshot s) {
        if (closed || cacheDir == null || s.rows() == null) {
            return;
        }
        toKeep.set(s);
        keepAfterQuiet.touch();
    }

    /** Writes the statements waiting to be kept, if any (see {@link #keepSoon}). */
    private void keepNow() {
        synchronized (toKeep) {
            Snapshot last = toKeep.getAndSet(null);
            if (last == null) {
                return;
            }
            try {
                java.nio.file.Files.createDirectories(cacheDir);
                long t0 = System.nanoTime();
                last.rows().write(cacheDir.resolve(ROWS_FILE), String.valueOf(last.version()));
                LOG.info("Network statements of data version {} kept in {} ({} rows, {} ms)", last.version(), cacheDir,
                        last.rows().size(), (System.nanoTime() - t0) / 1_000_000);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("The network's statements could not be kept in {}", cacheDir, e);
            }
        }
    }

    /**
     * A change made through the write path reaches the network from its delta: its added and
     * removed statements are applied to the statements the facts were made of, and the facts made
     * again in memory, without reading the store. Only when the network is of the version just
     * before the change ({@code before}); otherwise (not built yet, or a change missed) the next
     * request reads the store as usual.
     *
     * @return whether the change was applied
     */
    public boolean applied(Instant before, Instant after, java.util.Collection<org.apache.jena.sparql.core.Quad> added,
                           java.util.Collection<org.apache.jena.sparql.core.Quad> removed) {
        Object from = Objects.requireNonNullElse((Object) before, Instant.EPOCH);
        Object to = Objects.requireNonNullElse((Object) after, Instant.EPOCH);
        Delta delta = new Delta(from, to, List.copyOf(added), List.copyOf(removed));
        synchronized (lock) {
            Snapshot s = current;
            if (s == null || s.rows() == null || !s.version().equals(from)) {
                // The network is being read (after a start, or a change it missed): the change is
                // applied once the read is done, instead of the read being done again.
                keepForTheRead(delta);
                return false;
            }
            return applyAll(s, List.of(delta)) != s;
        }
    }

    /** A change's delta: the data versions before and after it, and the statements it added and removed. */
    private record Delta(Object before, Object after, List<org.apache.jena.sparql.core.Quad> added,
                         List<org.apache.jena.sparql.core.Quad> removed) {
        int size() {
            return added.size() + removed.size();
        }
    }

    /** At most this many statements of changes are kept for a read under way; past it the next read catches up instead. */
    private static final int MAX_KEPT_FOR_READ = 200_000;
    // Changes made while the network was being read, in the order they were committed (guarded by lock).
    private final List<Delta> keptForRead = new ArrayList<>();
    private int keptStatements;

    private void keepForTheRead(Delta d) {
        if (rowReader == null) {
            return;
        }
        if (keptStatements + d.size() > MAX_KEPT_FOR_READ) {
            keptForRead.clear();
            keptStatements = 0;
            return;
        }
        keptForRead.add(d);
        keptStatements += d.size();
    }

    /**
     * The version (as the changes name it) whose string is {@code from}, if the changes kept for
     * the read lead from it to {@code to} without a gap; else null.
     */
    private Object keptChainTo(String from, Object to) {
        if (from == null) {
            return null;
        }
        synchronized (lock) {
            for (Delta d : keptForRead) {
                if (String.valueOf(d.before()).equals(from)) {
                    List<Delta> chain = keptChainFrom(d.before());
                    return chain.get(chain.size() - 1).after().equals(to) ? d.before() : null;
                }
            }
            return null;
        }
    }

    /** The changes kept for the read that follow each other from version {@code at}, in order. Under lock. */
    private List<Delta> keptChainFrom(Object at) {
        List<Delta> chain = new ArrayList<>();
        boolean found = true;
        while (found) {
            found = false;
            for (Delta d : keptForRead) {
                if (d.before().equals(at)) {
                    chain.add(d);
                    at = d.after();
                    found = true;
                    break;
                }
            }
        }
        return chain;
    }

    /**
     * {@code s} with the changes kept while it was read applied, those after its version in
     * the order they follow each other (a change already in what was read is applied again
     * harmlessly: replaying committed changes in order on any state between them gives the
     * same end). Stops where a change is missing, for the next read to catch up. Under lock.
     */
    private Snapshot catchUp(Snapshot s) {
        List<Delta> chain = keptChainFrom(s.version());
        // What is older than this read is in it; what is left would only be needed by an older one.
        keptForRead.clear();
        keptStatements = 0;
        return chain.isEmpty() ? s : applyAll(s, chain);
    }

    /**
     * Makes {@code s} the network answered with, and lets go of what was built for earlier
     * versions: at 10,000 CoPs the network of every resource holds 77 MB, and a stream of
     * changes left one per version in the cache until the heap ran out. Under lock.
     */
    private void published(Snapshot s) {
        current = s;
        publishedAt = System.nanoTime();
        // The index of the facts replaced is kept only if the new facts share parts of their links
        // with them (made from a change's delta): the next index takes those parts' indexes, and
        // what it keeps of the old facts is only what the change replaced. Else it would keep
        // the whole of the old facts in memory.
        Around a = around;
        around = a != null && a.sharesPartsWith(s.facts()) ? a : null;
        nets.asMap().keySet().removeIf(k -> !k.version().equals(s.version()));
        graphs.asMap().keySet().removeIf(k -> !k.version().equals(s.version()));
    }

    private volatile long publishedAt;

    /** Applies {@code deltas} (in order, each from the version the one before it left) to {@code s}; makes the facts once. */
    private Snapshot applyAll(Snapshot s, List<Delta> deltas) {
        long t0 = System.nanoTime();
        FactRows rows = s.rows();
        int statements = 0;
        for (Delta d : deltas) {
            FactRows next = rows.apply(d.added(), d.removed());
            rows = next == null ? rows : next;
            statements += d.size();
        }
        Object to = deltas.get(deltas.size() - 1).after();
        Snapshot next;
        String how;
        if (rows == s.rows()) {
            next = new Snapshot(to, s.facts(), s.rows(), s.made());
            how = "no statement of the network";
        } else {
            // Only the stages of the join whose statements the change touched are computed again.
            FactsJoin.Made made = FactsJoin.make(rows, s.made());
            next = new Snapshot(to, made.facts(), rows, made);
            how = made.reused() + " of " + made.stages() + " stages of the join reused";
        }
        published(next);
        deltasApplied.addAndGet(deltas.size());
        LOG.info("Network of data version {} made from {} change(s)' delta ({} statements; {}) in {} ms", to, deltas.size(), statements,
                how, (System.nanoTime() - t0) / 1_000_000);
        keepSoon(next);
        return next;
    }

    private static Snapshot join(CompletableFuture<Snapshot> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private final Set<Key> wholePending = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean buildsInBackground = true;

    /** This network, building no whole projection in the background (tests of what is computed around nodes). */
    Network withoutBackgroundBuilds() {
        buildsInBackground = false;
        return this;
    }

    /**
     * How long a data version must have stood before its whole projection is built in the
     * background: during a curator's run of changes (one every few seconds) each build would be
     * thrown away at the next change, having taken a core and 77 MB (network of every resource,
     * 10,000 CoPs).
     */
    static final long STANDING_MILLIS = 5_000;

    /**
     * Builds the whole projection of {@code s} on a thread of its own, at low priority, once its
     * version has stood for {@link #STANDING_MILLIS}, unless the data has changed by then: a
     * neighbourhood read from it takes a few ms, one computed around its nodes tens to hundreds
     * (see {@link Around}; depth 2 at 10,000 CoPs: p50 ~370 ms against ~70 ms). It does not wait
     * for a quiet spell, nor queue behind the metrics of the views: it is built for the requests
     * under way, and a client reading neighbourhood after neighbourhood is never quiet (the
     * benchmark's 100 neighbourhoods were all computed around their nodes while it waited).
     */
    private void buildInBackground(Snapshot s, Projection projection, Window window) {
        // The task holds the version, never the snapshot: tasks queue behind a busy background
        // thread, and each snapshot held there kept a version's facts (80 MB at 10,000 CoPs) alive.
        Key key = new Key(s.version(), projection, window);
        if (!buildsInBackground || !wholePending.add(key)) {
            return;
        }
        long stoodFor = (System.nanoTime() - publishedAt) / 1_000_000;
        java.util.concurrent.Executor later = java.util.concurrent.CompletableFuture.delayedExecutor(
                Math.max(0, STANDING_MILLIS - stoodFor), java.util.concurrent.TimeUnit.MILLISECONDS, wholeBuilder);
        later.execute(() -> {
            try {
                Snapshot now = stillCurrent(key);
                if (now != null) {
                    net(now, projection, window);
                }
            } catch (RuntimeException e) {
                // Too large for the heap now (network-too-large): neighbourhoods go on being computed around their nodes.
                LOG.debug("The {} network was not built in the background", projection.id(), e);
            } finally {
                wholePending.remove(key);
            }
        });
    }

    /** The snapshot answered with, if it is still of {@code key}'s version and the network is open; else null. */
    private Snapshot stillCurrent(Key key) {
        Snapshot now = current;
        return !closed && now != null && now.version().equals(key.version()) ? now : null;
    }

    // The links of the latest facts indexed by the resources they touch (see Around): one data version's.
    private volatile Around around;
    private final Object aroundLock = new Object();

    private Around around(Snapshot s) {
        Around a = around;
        if (a != null && a.facts() == s.facts()) {
            return a;
        }
        synchronized (aroundLock) {
            a = around;
            if (a == null || a.facts() != s.facts()) {
                // The index of each part of the links the change left as it was is kept.
                a = Around.of(s.facts(), a);
                around = a;
            }
            return a;
        }
    }

    public Net net(Projection projection, Window window) {
        return net(snapshot(), projection, window);
    }

    Net net(Snapshot s, Projection projection, Window window) {
        return nets.get(new Key(s.version(), projection, window), k -> build(s, projection, window));
    }

    /**
     * One projection built at a time: at 50,000 CoPs the facts take half of a 1 GB heap and one
     * dense projection much of the rest, so a request and the background refresh building two
     * at once would run out of memory. The other waits a few seconds instead.
     */
    /** Heap the metrics' computation takes per edge of the network (its graph and the sweeps' arrays), with room to spare. */
    private static final long BYTES_PER_METRICS_EDGE = 400;

    private final java.util.concurrent.atomic.AtomicLong wholeBuilds = new java.util.concurrent.atomic.AtomicLong();

    /** How many whole projections have been built (a neighbourhood right after a change builds none). */
    long wholeProjectionsBuilt() {
        return wholeBuilds.get();
    }

    private Net build(Snapshot s, Projection projection, Window window) {
        building.acquireUninterruptibly();
        try {
            if (projection == Projection.RESOURCES) {
                ensureRoomFor(s.facts().links().size() * BYTES_PER_RESOURCE_LINK, s.facts().links().size());
            }
            Net net = Projector.build(s.facts(), projection, window);
            wholeBuilds.incrementAndGet();
            return net;
        } finally {
            building.release();
        }
    }

    public Metrics metrics(Projection projection, Window window) {
        return metrics(snapshot(), projection, window, true);
    }

    // Reports read from the files kept beside the store (see metricsReport).
    private final Cache<Key, MetricsReport> keptReports = Caffeine.newBuilder().maximumSize(8).softValues().build();

    /**
     * Where each node stands in {@code projection} over {@code window}, at the data version the
     * network is served at. Over all time, the report kept beside the store for the current data
     * version answers when there is one: a restarted server's does not wait for the facts (seconds
     * at 10,000 CoPs) while the network is read, nor, once it is, for the report to be put together
     * again (a second). Otherwise as {@link #metrics}.
     */
    public MetricsReport metricsReport(Projection projection, Window window) {
        Object v = version.get();
        if (window.equals(Window.ALWAYS) && cacheDir != null) {
            MetricsReport kept = keptReports.get(new Key(v, projection, window), k -> MetricsFile.read(cacheDir, v, projection));
            if (kept != null) {
                return kept;
            }
        }
        Snapshot s = snapshot();
        return MetricsReport.of(s.version(), net(s, projection, window), metrics(s, projection, window, true));
    }

    /** Metrics and the data version they were computed for. */
    public record VersionedMetrics(Object version, Metrics metrics) {
    }

    // The last metrics computed per projection and window, whatever their version (see metricsForView).
    // Held strongly (a megabyte each at 10,000 CoPs): with soft values, the full collection a large
    // projection's build may ask for dropped them, and the next neighbourhood computed them again (10 s).
    private final Cache<ViewKey, VersionedMetrics> latestMetrics = Caffeine.newBuilder().maximumSize(32).build();
    // At nice 19, as the other background work: it must not take a core from requests.
    private final java.util.concurrent.ExecutorService viewMetrics = org.w3id.copgraph.Background.lowPriorityThread("network-view-metrics");
    private final java.util.concurrent.ExecutorService wholeBuilder = org.w3id.copgraph.Background.lowPriorityThread("network-whole-build");
    private final Set<ViewKey> viewMetricsPending = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record ViewKey(Projection projection, Window window) {
    }

    /**
     * The metrics a view is drawn with (node sizes in a neighbourhood): those of the network
     * served now when they are computed; else the last ones computed for this projection and
     * window, of an earlier data version, while the current ones are computed in the background
     * (one core, one at a time); when none was ever computed, computed now. A neighbourhood asked
     * right after a change then waits for the change's facts, not for every node's centrality
     * again (6 s at 2,000 CoPs, 25 s at 10,000). The answer names the version of its metrics.
     */
    public VersionedMetrics metricsForView(Projection projection, Window window) {
        Snapshot s = snapshot();
        Metrics now = metrics.getIfPresent(new Key(s.version(), projection, window));
        if (now != null) {
            return new VersionedMetrics(s.version(), now);
        }
        ViewKey key = new ViewKey(projection, window);
        VersionedMetrics earlier = latestMetrics.getIfPresent(key);
        if (earlier == null) {
            earlier = kept(s, projection, window);
        }
        if (earlier == null) {
            return new VersionedMetrics(s.version(), metrics(s, projection, window, true));
        }
        metricsInBackground(projection, window);
        return earlier;
    }

    /**
     * Computes the metrics of the network served now on the views' background thread (nice 19,
     * after the requests under way), unless they are already queued.
     */
    private void metricsInBackground(Projection projection, Window window) {
        ViewKey key = new ViewKey(projection, window);
        if (!viewMetricsPending.add(key)) {
            return;
        }
        viewMetrics.execute(() -> {
            try {
                org.w3id.copgraph.Background.yieldToRequestsUninterruptibly();
                if (!closed) {
                    metrics(snapshot(), projection, window, false);
                }
            } catch (RuntimeException e) {
                LOG.warn("Metrics of the {} network not computed in the background", projection.id(), e);
            } finally {
                viewMetricsPending.remove(key);
            }
        });
    }

    /**
     * The metrics over all time kept beside the store, of whatever data version they were computed
     * for (a restarted server's, before a change), as the latest of the view; null when none fit.
     */
    private VersionedMetrics kept(Snapshot s, Projection projection, Window window) {
        if (!window.equals(Window.ALWAYS) || cacheDir == null) {
            return null;
        }
        MetricsReport report = MetricsFile.read(cacheDir, null, projection);
        Metrics m = report == null ? null : report.toMetrics(net(s, projection, window));
        if (m == null) {
            return null;
        }
        VersionedMetrics v = new VersionedMetrics(report.version(), m);
        latestMetrics.asMap().putIfAbsent(new ViewKey(projection, window), v);
        return v;
    }

    /** What the network of every resource takes per fact while it is built (measured: edges, pairs, lists). */
    private static final long BYTES_PER_RESOURCE_LINK = 250;

    /**
     * Refuses, with a clear answer, to build what the heap cannot hold: running out of memory
     * half-way would break the server for everyone (at 50,000 CoPs the network of every
     * resource does not fit next to the facts in a 1 GB heap). Built networks are dropped first.
     */
    private void ensureRoomFor(long bytes, int links) {
        if (free() >= bytes) {
            return;
        }
        nets.invalidateAll();
        graphs.invalidateAll();
        if (free() >= bytes) {
            return;
        }
        // free() counts garbage in the old generation as used: right after a change that is the
        // facts and networks of the version before. One collection before refusing (a second or
        // so at 1 GB): without it, 10 of 55 neighbourhoods asked right after a change at 10,000
        // CoPs were refused with a 503 that a retry a moment later would not have got.
        System.gc();
        if (free() >= bytes) {
            return;
        }
        throw new org.w3id.copgraph.Problem(org.w3id.copgraph.Problem.Kind.TIMEOUT, "network-too-large",
                "The network of every resource (" + links + " facts) needs about " + (bytes >> 20) + " MB more than this"
                        + " server has free (" + (free() >> 20) + " MB). Use a network of CoPs (projection=all, or another"
                        + " projection), or start the server with a larger heap (java -Xmx...).");
    }

    /**
     * Heap free for new data: the maximum less what the old generation (and survivors) hold now.
     * That counts some garbage as used, so it errs on the side of refusing; young objects are left
     * out, since they are mostly garbage.
     */
    private static long free() {
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && !pool.getName().contains("Eden")) {
                used += pool.getUsage().getUsed();
            }
        }
        return Runtime.getRuntime().maxMemory() - used;
    }

    /**
     * @param parallel whether to use every core (a request waits) or one (a background refresh,
     *                 which also does not keep the projections it builds: only their metrics)
     */
    Metrics metrics(Snapshot s, Projection projection, Window window, boolean parallel) {
        Key key = new Key(s.version(), projection, window);
        return metrics.get(key, k -> {
            Net net = parallel ? net(s, projection, window) : Objects.requireNonNullElseGet(nets.getIfPresent(key),
                    () -> build(s, projection, window));
            MetricsReport report = window.equals(Window.ALWAYS) ? MetricsFile.read(cacheDir, s.version(), projection) : null;
            Metrics kept = report == null ? null : report.toMetrics(net);
            if (kept != null) {
                noteLatest(s, projection, window, kept);
                return kept;
            }
            // A request's computation (every core) takes the builders' turn. A background one takes it
            // only when the heap is short: held for the 15 s of 'all' at 10,000 CoPs, it made every
            // neighbourhood after a change wait that long for its projection to be built.
            boolean exclusive = parallel || free() < (long) net.edges().size() * BYTES_PER_METRICS_EDGE * 2;
            if (exclusive) {
                building.acquireUninterruptibly();
            }
            Metrics computed;
            try {
                computed = MetricsCalculator.compute(net, parallel);
            } finally {
                if (exclusive) {
                    building.release();
                }
            }
            if (window.equals(Window.ALWAYS)) {
                MetricsFile.writeLater(cacheDir, MetricsReport.of(s.version(), net, computed));
            }
            noteLatest(s, projection, window, computed);
            return computed;
        });
    }

    /**
     * The explorer's Find box: nodes found by the full-text search (names, alternative names and
     * descriptions, every language, see {@link TextSearch}), in its order, except that a node
     * named exactly {@code text} or whose IRI ends in it ("urbana") comes first, and a CoP before
     * other kinds. Without a full-text search: nodes whose label contains the text.
     */
    public List<Node> search(String text, Set<NodeType> types, int limit) {
        String q = text.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            throw Problem.badRequest("bad-parameter", "Parameter 'q' must not be empty; give part of a name, e.g. q=urban.");
        }
        if (this.text != null) {
            return found(text.trim(), q, types, limit);
        }
        return facts().nodes().values().stream()
                .filter(n -> types.isEmpty() || types.contains(n.type()))
                .filter(n -> n.label().toLowerCase(Locale.ROOT).contains(q) || n.iri().toLowerCase(Locale.ROOT).endsWith("/" + q))
                .sorted(Comparator.comparing((Node n) -> n.type() != NodeType.COP)
                        .thenComparing(n -> !n.label().toLowerCase(Locale.ROOT).startsWith(q))
                        .thenComparingInt(n -> n.label().length()))
                .limit(limit)
                .toList();
    }

    private List<Node> found(String text, String q, Set<NodeType> types, int limit) {
        // Many resources found are no nodes (sources, documents): ask for more than will be shown.
        List<TextSearch.Hit> hits = this.text.find(text, Math.min(TextSearch.MAX_LIMIT, limit * 5 + 50));
        Snapshot s = snapshot();
        // A resource written a moment ago is found by the index before the network has it.
        Snapshot current = s;
        s = knowing(s, hits.stream().map(TextSearch.Hit::iri).filter(i -> !current.facts().nodes().containsKey(i))
                .toArray(String[]::new));
        Map<String, Node> nodes = s.facts().nodes();
        Set<Node> out = new LinkedHashSet<>();
        nodes.values().stream().filter(n -> n.iri().toLowerCase(Locale.ROOT).endsWith("/" + q)).forEach(out::add);
        for (TextSearch.Hit h : hits) {
            Node n = nodes.get(h.iri());
            if (n != null) {
                out.add(n);
            }
        }
        return out.stream()
                .filter(n -> types.isEmpty() || types.contains(n.type()))
                .sorted(Comparator.comparing((Node n) -> !n.label().toLowerCase(Locale.ROOT).equals(q)
                                && !n.iri().toLowerCase(Locale.ROOT).endsWith("/" + q))
                        .thenComparing(n -> n.type() != NodeType.COP))
                .limit(limit)
                .toList();
    }

    /**
     * The neighbourhood of {@code focus}: breadth first to {@code depth}, following the heaviest
     * ties first, at most {@code limit} new neighbours per node and {@link #MAX_NODES} in all.
     */
    public Neighbourhood neighbourhood(String focus, int depth, Set<LinkKind> kinds, Set<NodeType> types,
                                       Projection projection, Window window, int limit) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw Problem.badRequest("bad-parameter", "Parameter 'depth' must be 1, 2 or 3; got " + depth + ".");
        }
        if (limit < 1) {
            throw Problem.badRequest("bad-parameter", "Parameter 'limit' must be at least 1; got " + limit + ".");
        }
        Snapshot snapshot = knowing(snapshot(), focus);
        // The whole projection when it is built; else (right after a change) networks exact
        // around the nodes read at each step, built from the facts they depend on (see Around).
        Net whole = nets.getIfPresent(new Key(snapshot.version(), projection, window));
        Around around = null;
        if (whole == null) {
            around = around(snapshot);
            // The next neighbourhoods of this version (an explorer asks many) read the whole one.
            buildInBackground(snapshot, projection, window);
        }
        Net net = whole != null ? whole : around.net(projection, window, List.of(focus));
        Set<LinkKind> wanted = kinds.isEmpty() ? LinkKind.FACTS : kinds;
        // Suggested links only when asked for; they are edges of their own, beside the facts'.
        SuggestedLinks suggested = wanted.contains(LinkKind.SUGGESTED) ? suggested(snapshot) : SuggestedLinks.NONE;
        if (!net.nodes().containsKey(focus) && whole == null) {
            // Not a node of this network: a source graph, or a mistake whose close matches come from the whole.
            around = null;
            net = whole = net(snapshot, projection, window);
        }
        if (!net.nodes().containsKey(focus)) {
            // A source graph (/graph/...) is no node, yet its page offers to explore "around it": its resources.
            Neighbourhood fromSource = ofSource(net, suggested(snapshot), focus, wanted, types);
            if (fromSource != null) {
                return fromSource;
            }
        }
        Node center = require(net, focus, "focus");
        Map<String, Node> shown = new LinkedHashMap<>();
        shown.put(focus, center);
        boolean truncated = false;
        List<String> frontier = List.of(focus);
        for (int d = 1; d <= depth && !frontier.isEmpty(); d++) {
            List<String> next = new ArrayList<>();
            if (d > 1 && around != null) {
                net = around.net(projection, window, frontier);
            }
            for (String at : frontier) {
                int added = 0;
                for (Edge e : incident(net, suggested, at)) {
                    String other = e.other(at);
                    if (shown.containsKey(other) || !admits(net, e, other, wanted, types)) {
                        continue;
                    }
                    if (added >= limit || shown.size() >= MAX_NODES) {
                        truncated = true;
                        break;
                    }
                    shown.put(other, net.nodes().get(other));
                    next.add(other);
                    added++;
                }
            }
            frontier = next;
        }
        if (around != null && (depth > 1 || shown.size() > 1)) {
            // Every shown node's edges: those among them, and how many more each has.
            net = around.net(projection, window, shown.keySet());
        }
        List<Edge> edges = new ArrayList<>();
        Set<Edge> seen = new java.util.HashSet<>();
        Map<String, Integer> more = new HashMap<>();
        for (String at : shown.keySet()) {
            int hidden = 0;
            for (Edge e : incident(net, suggested, at)) {
                String other = e.other(at);
                if (!admits(net, e, other, wanted, types) && !shown.containsKey(other)) {
                    continue;
                }
                Edge kept = kept(e, wanted);
                if (kept == null) {
                    continue;
                }
                if (shown.containsKey(other)) {
                    if (seen.add(e)) {
                        edges.add(kept);
                    }
                } else {
                    hidden++;
                }
            }
            if (hidden > 0) {
                more.put(at, hidden);
            }
        }
        return new Neighbourhood(center, depth, shown, edges, more, truncated, false);
    }

    /**
     * The resources a source (a named graph) ties together, and those ties as that source states
     * them; null when the network holds nothing from {@code graph}. At most {@link #MAX_NODES}.
     */
    private static Neighbourhood ofSource(Net net, SuggestedLinks suggested, String graph, Set<LinkKind> kinds, Set<NodeType> types) {
        Map<String, Node> shown = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        boolean truncated = false;
        // The graph of suggestions ties CoPs only by suggested links: asking for it is asking for them.
        Set<LinkKind> wanted = suggested.statedIn(graph) ? EnumSet.of(LinkKind.SUGGESTED) : kinds;
        List<Edge> candidates = net.edges();
        if (wanted.contains(LinkKind.SUGGESTED) && !suggested.edges().isEmpty()) {
            candidates = new ArrayList<>(net.edges());
            candidates.addAll(suggested.edges());
        }
        for (Edge e : candidates) {
            List<Reason> stated = e.reasons().stream().filter(r -> r.sources().contains(graph) && wanted.contains(r.kind())).toList();
            Node a = net.nodes().get(e.source());
            Node b = net.nodes().get(e.target());
            if (stated.isEmpty() || !types.isEmpty() && !(types.contains(a.type()) && types.contains(b.type()))) {
                continue;
            }
            int adds = (shown.containsKey(a.iri()) ? 0 : 1) + (shown.containsKey(b.iri()) ? 0 : 1);
            if (shown.size() + adds > MAX_NODES) {
                truncated = true;
                continue;
            }
            shown.putIfAbsent(a.iri(), a);
            shown.putIfAbsent(b.iri(), b);
            // A suggestion is shown whole (its summary says what it is), a fact's edge with what the source states.
            edges.add(stated.size() == e.reasons().size() || SuggestedLinks.isSuggested(e) ? e : e.withReasons(stated));
        }
        if (edges.isEmpty()) {
            return null;
        }
        Node source = new Node(graph, "source " + graph.substring(graph.lastIndexOf('/') + 1), NodeType.OTHER);
        return new Neighbourhood(source, 1, shown, edges, Map.of(), truncated, true);
    }

    /** The edges at {@code at}: the suggested ones (when asked for) first, then the facts', heaviest first. */
    private static List<Edge> incident(Net net, SuggestedLinks suggested, String at) {
        List<Edge> s = suggested.incident(at);
        if (s.isEmpty()) {
            return net.incident(at);
        }
        List<Edge> all = new ArrayList<>(s);
        all.addAll(net.incident(at));
        return all;
    }

    /** {@code e} with only the reasons of {@code kinds}, or null when none is left. */
    private static Edge kept(Edge e, Set<LinkKind> kinds) {
        return kinds.containsAll(LinkKind.FACTS) && !SuggestedLinks.isSuggested(e) ? e : e.restrictedTo(kinds);
    }

    private static boolean admits(Net net, Edge e, String other, Set<LinkKind> kinds, Set<NodeType> types) {
        if (kept(e, kinds) == null) {
            return false;
        }
        Node n = net.nodes().get(other);
        return types.isEmpty() || n != null && types.contains(n.type());
    }

    /**
     * Up to {@code k} shortest paths (in hops, at most {@code maxLength}) between two resources
     * in the network of every resource, each hop with its reasons.
     */
    public List<ExplainedPath> paths(String from, String to, int k, int maxLength, Set<LinkKind> kinds, Window window) {
        if (k < 1 || k > MAX_PATHS) {
            throw Problem.badRequest("bad-parameter", "Parameter 'k' must be between 1 and " + MAX_PATHS + "; got " + k + ".");
        }
        if (maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
            throw Problem.badRequest("bad-parameter", "Parameter 'maxLength' must be between 1 and " + MAX_PATH_LENGTH + "; got " + maxLength + ".");
        }
        Snapshot snapshot = knowing(snapshot(), from, to);
        Net net = net(snapshot, Projection.RESOURCES, window);
        Node a = require(net, from, "from");
        Node b = require(net, to, "to");
        if (a.equals(b)) {
            throw Problem.badRequest("bad-parameter", "'from' and 'to' are the same resource; give two different ones.");
        }
        // Paths follow facts only: a computed suggestion is not how two resources are connected.
        Set<LinkKind> wanted = EnumSet.copyOf(LinkKind.FACTS);
        if (!kinds.isEmpty()) {
            wanted.retainAll(kinds);
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Graph<String, Edge> whole = graphs.get(new Key(snapshot.version(), Projection.RESOURCES, window), x -> simpleGraph(net));
        Graph<String, Edge> g = wanted.containsAll(LinkKind.FACTS) ? whole
                : new MaskSubgraph<>(whole, v -> false, e -> e.restrictedTo(wanted) == null);
        List<ExplainedPath> out = new ArrayList<>();
        for (GraphPath<String, Edge> p : new YenKShortestPath<>(g).getPaths(from, to, k)) {
            if (p.getLength() > maxLength) {
                break;
            }
            List<ExplainedPath.Hop> hops = new ArrayList<>();
            List<String> vs = p.getVertexList();
            List<Edge> es = p.getEdgeList();
            for (int i = 0; i < es.size(); i++) {
                hops.add(new ExplainedPath.Hop(net.nodes().get(vs.get(i)), net.nodes().get(vs.get(i + 1)),
                        es.get(i).restrictedTo(wanted).reasons()));
            }
            out.add(new ExplainedPath(hops));
        }
        return out;
    }

    private static Graph<String, Edge> simpleGraph(Net net) {
        Graph<String, Edge> g = new SimpleGraph<>(Edge.class);
        net.nodes().keySet().forEach(g::addVertex);
        for (Edge e : net.edges()) {
            g.addEdge(e.source(), e.target(), e);
        }
        return g;
    }

    private static Node require(Net net, String iri, String param) {
        Node n = net.nodes().get(iri);
        if (n == null) {
            List<Problem.Match> near = CloseMatches.of(net.nodes().values(), iri, 5);
            throw new Problem(Problem.Kind.NOT_FOUND, "unknown-resource", "Parameter '" + param + "': " + iri + " is not in the "
                    + net.projection().id() + " network (no such resource, or no ties to it)."
                    + (near.isEmpty() ? "" : " Close matches: " + String.join(", ", near.stream()
                            .map(m -> m.label() + " <" + m.iri() + ">").toList()) + ".")
                    + " Find one with /api/network/search?q=NAME.", near);
        }
        return n;
    }

    /**
     * {@code view} with the suggested links among its nodes added, as edges of their own (the
     * metrics of the view stay those of the facts). For whole-network views when
     * {@link LinkKind#SUGGESTED} is asked for; a neighbourhood adds them itself.
     */
    public View withSuggested(View view) {
        List<Edge> extra = suggested(snapshot()).among(view.nodes().keySet());
        if (extra.isEmpty()) {
            return view;
        }
        List<Edge> edges = new ArrayList<>(view.edges());
        edges.addAll(extra);
        return new View(view.title(), view.directed(), view.nodes(), edges, view.metrics(), view.more(), view.notes());
    }

    /** Every node touched by the edges, in their order (for sub-networks built from edges). */
    static Set<String> ends(Collection<Edge> edges) {
        Set<String> s = new LinkedHashSet<>();
        edges.forEach(e -> {
            s.add(e.source());
            s.add(e.target());
        });
        return s;
    }

    /**
     * The facts of one data version, the statements they were made of (null: read whole) and the
     * join's stages that made them, for the next change to reuse (null: read whole).
     */
    record Snapshot(Object version, Facts facts, FactRows rows, FactsJoin.Made made) {
    }

    private record Key(Object version, Projection projection, Window window) {
    }

    /** Keeps {@code m} as the latest metrics of its projection and window unless later ones are kept already. */
    private void noteLatest(Snapshot s, Projection projection, Window window, Metrics m) {
        latestMetrics.asMap().merge(new ViewKey(projection, window), new VersionedMetrics(s.version(), m),
                (old, mine) -> later(mine.version(), old.version()) ? mine : old);
    }

    private static boolean later(Object a, Object b) {
        return a instanceof Instant x && b instanceof Instant y ? !x.isBefore(y) : true;
    }
}
