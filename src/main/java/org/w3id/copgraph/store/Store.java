package org.w3id.copgraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.copgraph.Problem;

/**
 * The one place that opens the triple store. Every access runs inside a transaction; the
 * SPARQL default graph is the union of the named graphs, so a statement's graph always says
 * where it came from. The store's own bookkeeping (when the data last changed, how many
 * statements the named graphs hold) sits in the stored default graph, which the union hides from
 * queries and which changes in the same transaction as the data it describes.
 */
public final class Store implements AutoCloseable {

    /**
     * ORDER BY with a LIMIT up to this keeps only the best rows while it reads (ARQ's "top N"),
     * instead of sorting every row: a curated page is 1,001 rows, above ARQ's default of 1,000.
     * ARQ reads it from its global context only.
     */
    static final int TOP_N_SORTING_THRESHOLD = 10_001;

    static {
        org.apache.jena.query.ARQ.getContext().set(org.apache.jena.query.ARQ.topNSortingThreshold, TOP_N_SORTING_THRESHOLD);
        // A class census reads TDB2's index instead of decoding every rdf:type statement.
        TypeCensus.register();
        // Both engines once, here, before any query of this JVM can run: ARQ's engine registry
        // is a plain list, and adding to it while another thread looks in it (a remote store
        // opened while shapes were parsed on a thread of their own) threw
        // ConcurrentModificationException. Each engine takes only datasets of its own kind.
        RemoteQueryEngine.register();
    }

    private static final Node SELF = NodeFactory.createURI("urn:copgraph:store");
    private static final Node MODIFIED = DCTerms.modified.asNode();
    private static final Node STATEMENTS = org.apache.jena.vocabulary.VOID.triples.asNode();
    /** Bookkeeping: a graph written by {@link #writeDerived} (kept out of the text index). */
    private static final Node DERIVED = org.apache.jena.vocabulary.VOID.subset.asNode();
    /** Bookkeeping: when a derived graph was last rewritten. */
    private static final Node DERIVED_MODIFIED = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private static final Query COUNT = org.apache.jena.query.QueryFactory.create(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");

    /** The dataset queries and reads use (TDB2 itself, or the remote service). */
    private final DatasetGraph dsg;
    /** The dataset writes go through: {@link #dsg} with the text index listening, or {@link #dsg} itself. */
    private final DatasetGraph writable;
    /** The full-text index, or null (a remote store). */
    private final FullTextIndex text;
    private final AtomicReference<CountCache> count = new AtomicReference<>(new CountCache(null, -1));
    /** Moved on after each of this store's own writes (see {@link #lastModified()}). */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    /** The data version as last read from the bookkeeping, and the writes it was read after; null: not read yet. */
    private volatile KnownVersion known;

    private Store(DatasetGraph dsg, FullTextIndex text) {
        this.dsg = dsg;
        this.text = text;
        this.writable = text != null ? text.writable() : dsg;
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /**
     * A store on TDB2 with its text index, indexing the data once if the index is missing, of
     * another layout, or out of step with the data: the data and the index commit one after the
     * other, so a process killed between the two leaves the index a change behind. The index's
     * last commit names the data version it goes with ({@link FullTextIndex#recordDataVersion});
     * when that is the store's, the index is current. Only when it is not (an index written by an
     * older copgraph, or a kill between the two commits) are the entries counted against the
     * data's statements, a read of every indexed statement (about 10 s at 10,000 CoPs, which had
     * made every start on a large store that slow).
     */
    private static Store withIndex(DatasetGraph tdb, FullTextIndex text) {
        Store store = new Store(tdb, text);
        if (!text.isCurrent() && text.entries() == 0 && Txn.calculateRead(tdb, tdb::isEmpty)) {
            // A new store: nothing to index, and a rebuild (a write transaction and a Lucene commit)
            // would only lengthen the cold start.
            text.markCurrent();
        } else if (!text.isCurrent()) {
            store.reindex(System.err);
        } else {
            String version = Txn.calculateRead(tdb, () -> lastModifiedIn(tdb.getDefaultGraph()));
            if (version != null && version.equals(text.committedDataVersion())) {
                // Committed with the data's last write: nothing to check.
                return store;
            }
            long expected = Txn.calculateRead(tdb, () -> FullTextIndex.expectedEntries(tdb, derivedGraphs(tdb)));
            if (expected != text.entries()) {
                System.err.printf("The text index holds %,d entries, the store %,d indexed statements: indexing again.%n",
                        text.entries(), expected);
                store.reindex(System.err);
            } else if (version != null) {
                text.commitDataVersion(version);
            }
        }
        return store;
    }

    /** The lexical form of the data version the stored default graph records (null: never written). */
    private static String lastModifiedIn(Graph system) {
        var it = system.find(SELF, MODIFIED, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        } finally {
            it.close();
        }
    }

    /** Whether a statement of the stored default graph is the store's own bookkeeping. */
    public static boolean isBookkeeping(Triple t) {
        return SELF.equals(t.getSubject());
    }

    /** Opens (creating if needed) the TDB2 database in {@code dir}. */
    public static Store open(Path dir) {
        return open(dir, null);
    }

    /**
     * As {@link #open(Path)}; a new store (no directory, or an empty one) is first given the files
     * of {@code seed} (see {@link SeedSnapshot}) when there is one.
     */
    public static Store open(Path dir, SeedSnapshot seed) {
        if (seed != null && SeedSnapshot.isNewStore(dir)) {
            seed.unpackInto(dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create the store directory " + dir, e);
        }
        try {
            DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
            Store store = withIndex(tdb, FullTextIndex.onDisk(tdb, dir));
            store.location = dir;
            store.compactedBytes = store.onDiskBytes();
            return store;
        } catch (org.apache.jena.dboe.DBOpEnvException e) {
            throw new Problem(Problem.Kind.CONFLICT, "store-locked", "The store " + dir + " is in use by another"
                    + " process (" + e.getMessage() + "). Stop that process (a running `copgraph serve`?)"
                    + " or give another --store DIR.");
        }
    }

    /**
     * A store that lives in another SPARQL 1.1 service (see {@link RemoteDatasetGraph}); without an
     * update endpoint it is read-only.
     */
    public static Store remote(String queryEndpoint, String updateEndpoint) {
        return remote(endpoints(queryEndpoint), endpoints(updateEndpoint), null);
    }

    /**
     * A store behind several query and update URLs (replicas, tried in turn: see {@code Replicas}),
     * of a given kind or (null) of the kind its HTTP {@code Server} header names.
     */
    public static Store remote(List<String> queryEndpoints, List<String> updateEndpoints, RemoteDialect dialect) {
        return new Store(new RemoteDatasetGraph(queryEndpoints, updateEndpoints, dialect), null);
    }

    /** One URL, or several separated by spaces or commas (how Settings carries repeated options). */
    public static List<String> endpoints(String urls) {
        if (urls == null || urls.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(urls.trim().split("[\\s,]+")).toList();
    }

    public boolean isRemote() {
        return dsg instanceof RemoteDatasetGraph;
    }

    /**
     * Whether the store keeps a full-text index ({@code text:query} works in its queries). A
     * remote store has none: searches there scan (see {@code search.TextSearch}).
     */
    public boolean hasTextIndex() {
        return text != null;
    }

    /** An entry of the text index that matched a search: whose text, which kind, the text, the score. */
    public record TextMatch(String subject, TextFields kind, Node literal, double score) {
    }

    /**
     * The entries of the text index matching {@code luceneQuery} (a Lucene query over the fields of
     * {@link TextFields}; the caller makes user text safe), best first, at most {@code limit}; they
     * are of the last committed write. Only for a store with a text index (see {@link #hasTextIndex}).
     */
    public java.util.List<TextMatch> searchText(String luceneQuery, int limit) {
        if (text == null) {
            throw new IllegalStateException("This store has no text index: scan instead (see search.TextSearch).");
        }
        return text.search(luceneQuery, limit);
    }

    /**
     * Indexes the whole store again, in one write transaction (readers go on meanwhile), telling
     * {@code progress} (if not null) how far it got on a large store. Done at open for a store
     * without a current index (one written by a copgraph before the index) and after a bulk load.
     */
    public void reindex(java.io.PrintStream progress) {
        if (text == null) {
            return;
        }
        text.markStale();
        long t0 = System.nanoTime();
        long n = Txn.calculateWrite(writable, () -> {
            long entries = text.rebuild(dsg, derivedGraphs(dsg), progress);
            String version = lastModifiedIn(dsg.getDefaultGraph());
            if (version != null) {
                text.recordDataVersion(version);
            }
            return entries;
        });
        text.markCurrent();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (progress != null && (n > 0 || ms > 1000)) {
            progress.printf("Text index built: %,d entries in %,d ms.%n", n, ms);
        }
    }

    /** An in-memory TDB2 store (same query engine, same union default graph), for tests. */
    public static Store inMemory() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        return withIndex(tdb, FullTextIndex.inMemory(tdb));
    }

    /**
     * The dataset itself, for Fuseki and query execution, which manage their own transactions.
     * For reading only: writes go through {@link #write}, which keeps the text index current.
     */
    public DatasetGraph dataset() {
        return dsg;
    }

    /**
     * Runs a SPARQL query in a read transaction. Features read through here rather than through
     * the DatasetGraph API, so they work unchanged when the store is a remote SPARQL service.
     */
    public <T> T query(Query query, Binding substitution, long timeoutMillis, Function<QueryExec, T> use) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).substitution(substitution)
                    .timeout(timeoutMillis).build()) {
                running.add(exec);
                try {
                    if (stopping) {
                        throw closing();
                    }
                    return use.apply(exec);
                } catch (org.apache.jena.query.QueryCancelledException e) {
                    throw stopping ? closing() : e;
                } finally {
                    running.remove(exec);
                }
            }
        });
    }

    private static java.util.concurrent.CancellationException closing() {
        return new java.util.concurrent.CancellationException("the store is closing");
    }

    /** The queries under way through {@link #query}, ended by {@link #stopQueries()}. */
    private final Set<QueryExec> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * The first step of closing: ends the queries under way through {@link #query} (each at its
     * next result, with a {@link java.util.concurrent.CancellationException}) and refuses new
     * ones, so that background readers (a curated page precomputed, a derived graph's index being
     * read) let go of their read transactions at once instead of running on for many seconds
     * while the server waits to close the store.
     */
    public void stopQueries() {
        stopping = true;
        running.forEach(QueryExec::abort);
    }

    public <T> T read(Function<DatasetGraph, T> action) {
        return Txn.calculateRead(dsg, () -> action.apply(dsg));
    }

    /** {@link #read} on the union of the named graphs (what queries see as the default graph). */
    public <T> T readUnion(Function<Graph, T> action) {
        return read(d -> action.apply(d.getUnionGraph()));
    }

    /**
     * Runs {@code change} in one write transaction and stamps the modification time in it.
     * An exception thrown by {@code change} aborts the transaction: nothing of it is kept.
     */
    public Instant write(Consumer<DatasetGraph> change) {
        Instant[] written = {null};
        try {
            Txn.executeWrite(writable, () -> {
                writeCounted(change);
                Graph system = dsg.getDefaultGraph();
                written[0] = nextStamp(system, MODIFIED);
                system.remove(SELF, MODIFIED, Node.ANY);
                system.add(Triple.create(SELF, MODIFIED,
                        NodeFactory.createLiteralDT(written[0].toString(), XSDDatatype.XSDdateTime)));
                if (text != null) {
                    text.recordDataVersion(written[0].toString());
                }
            });
        } finally {
            wrote();
        }
        // The data version this change made (what lastModified() answers until the next change).
        return written[0];
    }

    /** The directory of the embedded store (files kept beside the data go there); null for a remote or in-memory store. */
    public Path localDirectory() {
        return location;
    }

    /** Bytes the embedded store takes on disk (every generation of TDB2's data and the text index); 0 for a remote one. */
    public long onDiskBytes() {
        if (location == null) {
            return 0;
        }
        try (var files = Files.walk(location)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (java.io.IOException e) {
                    return 0;
                }
            }).sum();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * Compacts TDB2 now, deleting the old generation (see {@link CompactionSchedule} for when).
     * Jena 5.6's compaction waits for the writer under way and holds new writers until it has
     * copied the live statements and switched to the copy; readers go on meanwhile, and the old
     * copy is deleted once its last reader is done.
     */
    public synchronized void compact() {
        if (location == null || !DatabaseMgr.isTDB2(dsg)) {
            return;
        }
        long before = onDiskBytes();
        long t0 = System.nanoTime();
        DatabaseMgr.compact(dsg, true);
        compactedBytes = onDiskBytes();
        compactions.incrementAndGet();
        org.slf4j.LoggerFactory.getLogger(Store.class).info("Store compacted from {} to {} bytes in {} ms", before, compactedBytes,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /** Bytes on disk after the last compaction, or at opening; 0 for a remote or in-memory store. */
    public long compactedBytes() {
        return compactedBytes;
    }

    /** How long ago this store's last write (of the data or a derived graph) committed; since opening when none. */
    public java.time.Duration sinceLastWrite() {
        return java.time.Duration.ofNanos(System.nanoTime() - lastWrite);
    }

    /** After each write, committed or not: the data version may have moved, and the store is no longer idle. */
    private void wrote() {
        writes.incrementAndGet();
        lastWrite = System.nanoTime();
    }

    private volatile long lastWrite = System.nanoTime();

    /** How many times this store was compacted since it was opened. */
    public long compactions() {
        return compactions.get();
    }

    private volatile Path location;
    private volatile long compactedBytes;
    private final java.util.concurrent.atomic.AtomicLong compactions = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Applies a change inside the current write transaction and brings the stored statement count
     * up to date in the same transaction, so it is exact and survives restarts. A store without
     * one (written by an older copgraph, or bulk-loaded) is counted once here.
     */
    private void writeCounted(Consumer<DatasetGraph> change) {
        if (isRemote()) {
            change.accept(dsg);
            return;
        }
        long before = storedCount();
        CountingDatasetGraph counting = new CountingDatasetGraph(writable);
        change.accept(counting);
        setStoredCount(before >= 0 ? before + counting.delta() : countQuads());
    }

    /** The statement count kept in the bookkeeping, or -1 if there is none. */
    private long storedCount() {
        var it = dsg.getDefaultGraph().find(SELF, STATEMENTS, Node.ANY);
        try {
            return it.hasNext() ? Long.parseLong(it.next().getObject().getLiteralLexicalForm()) : -1;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    private void setStoredCount(long n) {
        Graph system = dsg.getDefaultGraph();
        system.remove(SELF, STATEMENTS, Node.ANY);
        system.add(Triple.create(SELF, STATEMENTS, NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDlong)));
    }

    /**
     * Counts the statements in the named graphs, inside a transaction. TDB2 keeps them in its
     * quad table, whose index is counted without decoding a single node; anything else is walked.
     */
    private long countQuads() {
        if (DatabaseMgr.isTDB2(dsg)) {
            return org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().size();
        }
        var it = dsg.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        try {
            return org.apache.jena.atlas.iterator.Iter.count(it);
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    /**
     * Bulk-loads statements with TDB2's phased loader (the one {@code tdb2.tdbloader} uses by
     * default), which builds the indexes in bulk instead of one statement at a time: {@code producer}
     * sends the quads to the sink it is given. The loader manages its own transactions, so the
     * caller checks and records the result afterwards (see {@code Curation#bulkLoadIntoEmpty}), and
     * empties the store with {@link #clear()} if it refuses it. Returns the number of statements
     * loaded (a statement sent twice counts twice).
     */
    public long bulkLoad(Consumer<StreamRDF> producer, java.io.PrintStream progress) {
        if (isRemote()) {
            throw Problem.badRequest("bulk-remote", "Bulk loading needs the embedded TDB2 store, not a remote one.");
        }
        replaced.incrementAndGet();
        // A null MonitorOutput hangs the JVM (see shared/STACK.md): always give a real one.
        org.apache.jena.system.progress.MonitorOutput out = progress == null
                ? org.apache.jena.system.progress.MonitorOutputs.nullOutput()
                : org.apache.jena.system.progress.MonitorOutputs.outputTo(progress);
        org.apache.jena.tdb2.loader.DataLoader loader = org.apache.jena.tdb2.loader.LoaderFactory.phasedLoader(dsg, out);
        loader.startBulk();
        try {
            StreamRDF sink = loader.stream();
            sink.start();
            producer.accept(progress == null ? sink : new Progress(sink, progress));
            sink.finish();
            loader.finishBulk();
            // The loader bypasses write(): count what it left, in the index, and record that.
            Txn.executeWrite(dsg, () -> setStoredCount(countQuads()));
            wrote();
            count.set(new CountCache(null, -1));
            // ... and the text index, which heard nothing of it: built for what was loaded.
            reindex(progress);
            return loader.countQuads() + loader.countTriples();
        } catch (RuntimeException e) {
            loader.finishException(e);
            wrote();
            count.set(new CountCache(null, -1));
            throw e;
        }
    }

    /** A progress line every million statements, as {@code tdb2.tdbloader} prints. */
    private static final class Progress extends StreamRDFWrapper {
        private final java.io.PrintStream out;
        private final long start = System.nanoTime();
        private long n;

        Progress(StreamRDF sink, java.io.PrintStream out) {
            super(sink);
            this.out = out;
        }

        @Override
        public void quad(Quad q) {
            super.quad(q);
            if (++n % 1_000_000 == 0) {
                long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
                out.printf("  parsed %,d statements (%,d per second)%n", n, n * 1000 / ms);
            }
        }
    }

    /**
     * Removes every statement, the store's bookkeeping included, by TDB2's stored ids rather than
     * by matching terms: TDB2 keeps some literals in a form that a term read back no longer
     * matches (Jena 5.6.0: {@code "269058.00"^^xsd:decimal} is found as {@code 269058.0} and then
     * cannot be deleted by it), so deleting what a find returned can leave statements behind.
     */
    public void clear() {
        replaced.incrementAndGet();
        if (!DatabaseMgr.isTDB2(dsg)) {
            Txn.executeWrite(dsg, () -> dsg.clear());
            wrote();
            return;
        }
        Txn.executeWrite(writable, () -> {
            var tdb = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dsg);
            deleteAll(tdb.getQuadTable().getNodeTupleTable().getTupleTable());
            deleteAll(tdb.getTripleTable().getNodeTupleTable().getTupleTable());
            // The tables are emptied past the text index: it is emptied with them, in the same transaction.
            if (text != null) {
                text.deleteAll();
            }
        });
        wrote();
        count.set(new CountCache(null, -1));
    }

    private static void deleteAll(org.apache.jena.tdb2.store.tupletable.TupleTable table) {
        // Collected first: deleting while an index iterator is open is not allowed.
        java.util.List<org.apache.jena.atlas.lib.tuple.Tuple<org.apache.jena.tdb2.store.NodeId>> all = new java.util.ArrayList<>();
        table.getIndex(0).all().forEachRemaining(all::add);
        all.forEach(table::delete);
    }

    /**
     * Rewrites {@code graphIri}, a graph derived from the store (such as network metrics or
     * suggestions), without counting as a change of the data: caches and the data version stay as
     * they are. Derived graphs stay out of the text index: their texts (reasons, labels of
     * computed resources) are not what people search for, and indexing tens of thousands of them
     * on every refresh made the refresh slow.
     */
    public void writeDerived(String graphIri, Consumer<DatasetGraph> change) {
        Node graph = NodeFactory.createURI(graphIri);
        Txn.executeWrite(writable, () -> {
            Graph system = dsg.getDefaultGraph();
            if (!system.contains(SELF, DERIVED, graph)) {
                system.add(Triple.create(SELF, DERIVED, graph));
            }
            Instant stamp = nextStamp(system, DERIVED_MODIFIED);
            system.remove(SELF, DERIVED_MODIFIED, Node.ANY);
            system.add(Triple.create(SELF, DERIVED_MODIFIED,
                    NodeFactory.createLiteralDT(stamp.toString(), XSDDatatype.XSDdateTime)));
            if (isRemote()) {
                change.accept(dsg);
                return;
            }
            long before = storedCount();
            CountingDatasetGraph counting = new CountingDatasetGraph(dsg);
            change.accept(counting);
            setStoredCount(before >= 0 ? before + counting.delta() : countQuads());
        });
        wrote();
        count.set(new CountCache(null, -1));
    }

    /**
     * Brings the derived graph {@code graphIri} to what {@code describe} gives it (subject by
     * subject, see {@link DerivedGraphDiff}), writing only the difference. The graph is read and
     * compared on a thread of its own in a read transaction, which holds no lock, and handed over
     * in batches of about {@link DerivedGraphDiff#BATCH} statements (a few at a time: memory stays
     * small however large the graph). This thread writes them, beginning in a quiet moment: one
     * transaction goes on from batch to batch while no request is under way, and is committed
     * after the batch in hand when one is, so a curated write waits for one batch at most, not
     * for the whole refresh (at 10,000 CoPs a refresh compared and wrote inside one transaction
     * for 12-29 s). See {@link DerivedGraphWriter}. Stops early, leaving
     * the rest to the next refresh, if the store is emptied or bulk-loaded meanwhile (what was
     * compared is then gone). A remote store is compared and written in one transaction.
     * Once {@code stop} says so (the server is stopping), ends after the transaction under way
     * with a {@link java.util.concurrent.CancellationException}: the graph's own description is
     * written last, so a graph left part-way still names the version it was whole for.
     */
    public DerivedGraphDiff writeDerivedDiff(String graphIri, Set<String> stamps, java.util.function.BooleanSupplier stop,
                                             Consumer<DerivedGraphDiff> describe) {
        Node graph = NodeFactory.createURI(graphIri);
        if (isRemote()) {
            DerivedGraphDiff[] planned = new DerivedGraphDiff[1];
            writeDerived(graphIri, d -> {
                planned[0] = new DerivedGraphDiff(d, graph, stamps, batch -> batch.applyTo(d));
                describe.accept(planned[0]);
                planned[0].removeTheRest();
                planned[0].finish();
                planned[0].wroteIn(1);
            });
            return planned[0];
        }
        return new DerivedGraphWriter(dsg, this::writeDerived, replaced::get).write(graph, graphIri, stamps, stop, describe);
    }

    /** Moved on before the store is emptied or bulk-loaded: a derived graph compared before is not what the store holds. */
    private final java.util.concurrent.atomic.AtomicLong replaced = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The stamp for a write: now, in whole microseconds, and after the stamp it replaces. Whole
     * microseconds because Virtuoso keeps an xsd:dateTime to the microsecond: a front that kept
     * the nanoseconds of its own write would name a version no other front (nor itself, on
     * reading it back) ever sees. After the last one so that two writes never share a version.
     */
    private static Instant nextStamp(Graph system, Node property) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var it = system.find(SELF, property, Node.ANY);
        try {
            if (it.hasNext()) {
                Instant last = Instant.parse(it.next().getObject().getLiteralLexicalForm());
                if (!now.isAfter(last)) {
                    return last.truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(1, java.time.temporal.ChronoUnit.MICROS);
                }
            }
        } catch (java.time.format.DateTimeParseException e) {
            // An unreadable stamp is replaced by now.
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
        return now;
    }

    /** The graphs written by {@link #writeDerived}, as the bookkeeping records them. */
    private static java.util.Set<Node> derivedGraphs(DatasetGraph d) {
        java.util.Set<Node> out = new java.util.HashSet<>();
        d.getDefaultGraph().find(SELF, DERIVED, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
        return out;
    }

    /**
     * The data version a derived graph was last written for (cop:dataVersion in the graph's own
     * description, written last: see {@link #writeDerivedDiff}), if {@code method} wrote it
     * (cop:derivedWith): a restarted server need not derive again what it finds current. Empty
     * for a graph never written, or written by another method or another revision of it.
     */
    public java.util.Optional<Instant> derivedVersion(String graphIri, String method) {
        Node g = NodeFactory.createURI(graphIri);
        Node version = NodeFactory.createURI(org.w3id.copgraph.model.Cop.NS + "dataVersion");
        Node derivedWith = NodeFactory.createURI(org.w3id.copgraph.model.Cop.derivedWith);
        return read(d -> {
            if (!d.contains(g, g, derivedWith, NodeFactory.createLiteralString(method))) {
                return java.util.Optional.<Instant>empty();
            }
            var it = d.find(g, g, version, Node.ANY);
            try {
                if (!it.hasNext()) {
                    return java.util.Optional.<Instant>empty();
                }
                Node v = it.next().getObject();
                return v.isLiteral() ? java.util.Optional.of(Instant.parse(v.getLiteralLexicalForm())) : java.util.Optional.<Instant>empty();
            } catch (java.time.format.DateTimeParseException e) {
                return java.util.Optional.<Instant>empty();
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        });
    }

    /**
     * When anything the store holds last changed: the data, or a derived graph rewritten since.
     * What describes or copies every graph (VoID counts, dumps) is current for this, not only for
     * {@link #lastModified()}; null for a store never written.
     */
    public Instant contentModified() {
        Instant data = lastModified();
        Instant derived = read(d -> {
            var it = d.getDefaultGraph().find(SELF, DERIVED_MODIFIED, Node.ANY);
            try {
                return it.hasNext() ? Instant.parse(it.next().getObject().getLiteralLexicalForm()) : null;
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        });
        return derived == null || (data != null && data.isAfter(derived)) ? data : derived;
    }

    /**
     * When the data last changed, or null for a store never written: the data version that caches
     * are kept under, asked on every request. A remote store is asked each time (other fronts write
     * to it). The embedded store is written by this process only, so the version read last is kept
     * in memory until a write: one of this store's own ({@link #writes}), or any other write
     * transaction on the same TDB2 database, which its transaction coordinator counts. A version
     * read while a write transaction is open is not kept, as that write may commit after the read.
     */
    public Instant lastModified() {
        if (isRemote()) {
            return readLastModified();
        }
        org.apache.jena.dboe.transaction.txn.TransactionCoordinator tc = coordinator();
        long mine = writes.get();
        long all = tc == null ? -1 : tc.countBeginWrite();
        KnownVersion k = known;
        if (k != null && k.writes() == mine && k.tdbWrites() == all && k.coordinator() == tc) {
            return k.modified();
        }
        boolean quiet = tc == null || tc.countActiveWriter() == 0;
        Instant modified = readLastModified();
        if (quiet) {
            known = new KnownVersion(mine, all, tc, modified);
        }
        return modified;
    }

    /** TDB2's transaction coordinator (it changes when the database is compacted), or null for another dataset. */
    private org.apache.jena.dboe.transaction.txn.TransactionCoordinator coordinator() {
        if (!DatabaseMgr.isTDB2(dsg)) {
            return null;
        }
        return org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dsg).getTxnSystem().getTxnMgr();
    }

    private record KnownVersion(long writes, long tdbWrites, Object coordinator, Instant modified) {
    }

    private Instant readLastModified() {
        return read(d -> {
            String version = lastModifiedIn(d.getDefaultGraph());
            return version == null ? null : Instant.parse(version);
        });
    }

    /**
     * Statements in the named graphs (what users see). The embedded store keeps the number in its
     * bookkeeping (see {@link #write}), so this is one lookup; a store without it is counted once
     * and the number recorded. A remote store is asked for a COUNT once per data version.
     */
    public long tripleCount() {
        if (isRemote()) {
            return remoteCount();
        }
        long stored = read(d -> storedCount());
        if (stored >= 0) {
            return stored;
        }
        return Txn.calculateWrite(dsg, () -> {
            long n = storedCount();
            if (n < 0) {
                n = countQuads();
                setStoredCount(n);
            }
            return n;
        });
    }

    private long remoteCount() {
        Instant version = lastModified();
        CountCache cached = count.get();
        if (cached.count >= 0 && java.util.Objects.equals(cached.version, version)) {
            return cached.count;
        }
        long n = query(COUNT, org.apache.jena.sparql.engine.binding.BindingFactory.empty(), 600_000,
                exec -> Long.parseLong(exec.select().next().get("n").getLiteralLexicalForm()));
        count.set(new CountCache(version, n));
        return n;
    }

    public boolean isEmpty() {
        if (dsg instanceof RemoteDatasetGraph remote) {
            return Txn.calculateRead(remote, remote::isEmpty);
        }
        return read(d -> {
            var it = d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            try {
                return !it.hasNext();
            } finally {
                org.apache.jena.atlas.iterator.Iter.close(it);
            }
        });
    }

    @Override
    public void close() {
        if (text != null) {
            // Releases the index's lock, as expelling releases the store's.
            text.close();
        }
        if (DatabaseMgr.isTDB2(dsg)) {
            // Releasing the location lets the same directory be opened again in this JVM.
            expelWhenNoTransaction();
        } else {
            dsg.close();
        }
    }

    /**
     * TDB2 refuses to let go of a store with a transaction open. The background work is stopped
     * before the store is closed, but a reader that was under way (a request answered while the
     * server stops, a precomputed page) may take a moment to end: it is waited for, up to
     * {@link #CLOSE_WAIT_MILLIS}. A store left open then is only a process-wide lock the process's
     * end releases: every commit is already on disk.
     */
    private void expelWhenNoTransaction() {
        long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
        while (true) {
            try {
                org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
                return;
            } catch (org.apache.jena.dboe.transaction.txn.TransactionException e) {
                if (System.nanoTime() > deadline) {
                    org.slf4j.LoggerFactory.getLogger(Store.class).warn("The store {} was left open: a transaction was still under"
                            + " way after {} s. Everything committed is on disk; the lock goes with this process.", location,
                            CLOSE_WAIT_MILLIS / 1000);
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private record CountCache(Instant version, long count) {
    }
}
