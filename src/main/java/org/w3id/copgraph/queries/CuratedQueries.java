package org.w3id.copgraph.queries;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.i18n.LanguageChain;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * The curated queries ({@code queries/*.rq}) and the one way to run them. The work is shared
 * out: {@link QueryCatalogue} reads and names them, {@link ParameterBinding} checks and binds
 * arguments, {@link QueryRunner} runs them on the store, {@link AnswerCache} keeps answers per
 * data version (and on disk), {@link AnswerRendering} and {@link EditorText} write them out.
 * Answers are cited (query name and hash, data version, time).
 */
public final class CuratedQueries {

    /** Where the web layer serves them; links in answers point here. */
    public static final String API = "/api/queries/";
    /** Parameter names the API reserves for itself rather than for a query. */
    public static final List<String> RESERVED = List.of("format", "limit", "offset");
    /** Rows per page of a SELECT when the client gives no {@code limit}. */
    public static final long DEFAULT_LIMIT = 1000;
    /** The largest page a client may ask for. */
    public static final long MAX_LIMIT = 10_000;
    /** At most this many values are offered for an enumerated parameter. */
    public static final int MAX_ENUMERATION = 1000;
    /** The data version of a store never written. */
    public static final String UNVERSIONED = "unversioned";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CuratedQueries.class);

    private final QueryCatalogue catalogue;
    private final Iris iris;
    private final ParameterBinding binding;
    private final QueryRunner runner;
    private final AnswerCache cache;
    /** When the store's content (data or a derived graph) last changed, as last seen by a query that reads a derived graph. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> derivedSeen = new java.util.concurrent.atomic.AtomicReference<>();

    private CuratedQueries(QueryCatalogue catalogue, Iris iris, long timeoutMillis, SavedAnswers saved) {
        this.catalogue = catalogue;
        this.iris = iris;
        this.binding = new ParameterBinding(iris, timeoutMillis);
        this.runner = new QueryRunner(timeoutMillis);
        this.cache = new AnswerCache(saved);
    }

    /** Reads every {@code .rq} file of {@code dir}; a malformed one fails with its file and line. */
    public static CuratedQueries load(Path dir, Iris iris, long timeoutMillis) {
        return load(dir, iris, timeoutMillis, null);
    }

    /**
     * As {@link #load(Path, Iris, long)}, keeping the first pages of the queries with their default
     * parameters in {@code answersDir} (per data version), so a restarted server need not compute
     * them again; null keeps them in memory only.
     */
    public static CuratedQueries load(Path dir, Iris iris, long timeoutMillis, Path answersDir) {
        return new CuratedQueries(QueryCatalogue.read(dir), iris, timeoutMillis,
                answersDir == null ? null : new SavedAnswers(answersDir));
    }

    public Collection<CuratedQuery> list() {
        return catalogue.list();
    }

    public CuratedQuery get(String name) {
        return catalogue.get(name);
    }

    /** How many answers came from the cache, and how many had to be computed. */
    public long cacheHits() {
        return cache.hits();
    }

    public long cacheMisses() {
        return cache.misses();
    }

    /** How many pages the store had to compute (neither cached, precomputed nor saved). */
    public long storeRuns() {
        return runner.storeRuns();
    }

    /** Which data an answer was computed on: the store's last change, as an ISO instant. */
    public static String dataVersion(Store store) {
        Instant modified = store.lastModified();
        return modified == null ? UNVERSIONED : modified.toString();
    }

    /** What a cited answer says about itself. */
    public record Citation(String query, String hash, String dataVersion, Instant generatedAt) {
    }

    /** One page of a SELECT: what was asked and whether more rows follow. */
    public record Page(long limit, long offset, boolean hasNext) {
    }

    /**
     * A computed answer: its bytes in the asked format, its citation, and its page (null when the
     * query is not paged, such as a CONSTRUCT). {@code links} are API paths (first, prev, next).
     */
    public record Answer(byte[] body, ResultFormat format, Citation citation, Page page, Map<String, String> links) {
    }

    /** A query ready to run: the parsed query with paging applied and its parameters bound. */
    public record Prepared(CuratedQuery curated, Query query, Binding binding, Map<String, String> bound, Page page) {
    }

    /**
     * A page of a SELECT as a person reads it: {@code columns} in order, each row's cells, the
     * arguments it was asked with and its paging links (of the {@code rows} format).
     */
    public record Table(Citation citation, Page page, Map<String, String> bound, Map<String, String> links,
                        List<String> columns, List<List<Cell>> rows) {
    }

    /**
     * One value of a table: its text, where it links to (a path on this host for the graph's own
     * IRIs), and its language tag (null when untagged or not text).
     */
    public record Cell(String text, String href, String lang) {
        public Cell(String text, String href) {
            this(text, href, null);
        }
    }

    /**
     * The answer to a curated query, from the cache when the same question was answered on the
     * same data version. Any change of the store (its last-modified time) empties the cache.
     */
    public Answer answer(String name, Map<String, String> args, ResultFormat format, Store store) {
        String version = dataVersion(store);
        Prepared p = prepare(name, args, store, version);
        followDerivedGraphs(p, store);
        AnswerCache.Key key = AnswerCache.Key.of(p, version);
        return cache.answer(key, format, () -> p.query().isSelectType()
                ? AnswerRendering.render(p, page(p, key, store), format)
                : runner.compute(p, format, store, version));
    }

    /** The page of a SELECT as a table for an English reader. */
    public Table table(String name, Map<String, String> args, Store store) {
        return table(name, args, store, LanguageChain.ENGLISH);
    }

    /**
     * The page of a SELECT as a table (for the HTML view) for a reader of {@code chain}; a 400 for
     * a query that is not a SELECT. The rows are cached per data version whatever the language;
     * the labels are picked for the reader after the cache, so no reader gets another's.
     */
    public Table table(String name, Map<String, String> args, Store store, LanguageChain chain) {
        String version = dataVersion(store);
        Prepared p = prepare(name, args, store, version);
        if (!p.query().isSelectType()) {
            throw Problem.badRequest("not-a-table", "Query '" + name + "' is a " + p.curated().kind()
                    + " query: its answer is RDF, not a table. Ask for ?format=ttl.");
        }
        followDerivedGraphs(p, store);
        return AnswerRendering.table(p, page(p, AnswerCache.Key.of(p, version), store), iris, store, chain);
    }

    /** The same answer computed afresh, past every cache (for benchmarks and checks). */
    public Answer answerUncached(String name, Map<String, String> args, ResultFormat format, Store store) {
        String version = dataVersion(store);
        Prepared p = prepare(name, args, store, version);
        return p.query().isSelectType() ? AnswerRendering.render(p, runner.select(p, store), format)
                : runner.compute(p, format, store, version);
    }

    /**
     * Computes the first page of every curated query that runs without arguments, so that the
     * first researcher to ask after a change (or after a restart, when the store keeps them on
     * disk) is answered at once. Stops early when the data changes under it; returns how many
     * pages are ready for the version it started on.
     */
    public int precompute(Store store) {
        String version = dataVersion(store);
        int ready = 0;
        for (CuratedQuery q : catalogue.list()) {
            // One query at a time, each when no request is being answered (a server's background
            // work; returns at once where nothing is served).
            org.w3id.copgraph.Background.yieldToRequestsUninterruptibly();
            if (!version.equals(dataVersion(store))) {
                return ready;
            }
            if (readsDerivedGraph(q)) {
                continue;
            }
            try {
                Prepared p = prepare(q.name(), Map.of(), store, version);
                if (p.query().isSelectType()) {
                    page(p, AnswerCache.Key.of(p, version), store);
                    ready++;
                }
            } catch (Problem e) {
                // A query that needs an argument, or one past the time limit: nothing to keep.
                LOG.debug("Not precomputed: {}: {}", q.name(), e.getMessage());
            }
        }
        if (version.equals(dataVersion(store))) {
            cache.retainOnly(version);
        }
        return ready;
    }

    /**
     * Forgets the answers kept in memory: a derived graph (the suggestions) was rewritten, which is
     * not a change of the data version the answers are kept under.
     */
    public void derivedGraphRewritten() {
        cache.forgetInMemory();
    }

    /**
     * Before answering a query that reads a derived graph: if the store's content changed since
     * the last such look (the derived graph rewritten, maybe by another front on the same store,
     * which no listener of this one hears), the answers kept in memory are forgotten, as
     * {@link #derivedGraphRewritten()} does on the front that wrote it.
     */
    private void followDerivedGraphs(Prepared p, Store store) {
        if (!readsDerivedGraph(p.curated())) {
            return;
        }
        Instant now = store.contentModified();
        Instant before = derivedSeen.getAndSet(now);
        if (before != null && !before.equals(now)) {
            cache.forgetInMemory();
        }
    }

    /** How many curated queries {@link #precompute} would compute (those that run without arguments). */
    public long precomputable() {
        return catalogue.list().stream().filter(q -> q.query().isSelectType() && !readsDerivedGraph(q)
                && q.parameters().stream().noneMatch(Parameter::required)).count();
    }

    /**
     * A query tagged "derived" reads a graph rewritten in the background after each change (the
     * suggestions), not under a new data version: it is neither precomputed nor kept on disk.
     */
    private static boolean readsDerivedGraph(CuratedQuery q) {
        return q.tags().contains("derived");
    }

    private Rows page(Prepared p, AnswerCache.Key key, Store store) {
        return cache.page(key, p.curated().hash(), isDefaultPage(p), () -> runner.select(p, store));
    }

    /** Whether {@code p} asks for the first page with every parameter at its default (or unset). */
    private boolean isDefaultPage(Prepared p) {
        if (p.page() == null || p.page().offset() != 0 || readsDerivedGraph(p.curated())) {
            return false;
        }
        Query q = p.curated().query();
        long limit = q.hasLimit() ? Math.min(DEFAULT_LIMIT, q.getLimit()) : DEFAULT_LIMIT;
        return p.page().limit() == limit && binding.defaults(p.curated()).equals(p.bound());
    }

    /** Checks and binds {@code args} (parameters and {@code limit}/{@code offset}); paging only for SELECT. */
    public Prepared prepare(String name, Map<String, String> args, Store store) {
        return prepare(name, args, store, dataVersion(store));
    }

    public Prepared prepare(String name, Map<String, String> args, Long limit, Long offset, Store store) {
        return binding.prepare(get(name), args, limit, offset, store, dataVersion(store));
    }

    private Prepared prepare(String name, Map<String, String> args, Store store, String version) {
        return binding.prepare(get(name), args, ParameterBinding.longArg(args, "limit"),
                ParameterBinding.longArg(args, "offset"), store, version);
    }

    /**
     * The query as a researcher would type it in an editor: the parameters that have defaults
     * bound to them (so it runs as is on any SPARQL endpoint), after a comment naming its source.
     */
    public String editorText(CuratedQuery q) {
        return EditorText.of(q, iris);
    }

    /** As {@link #editorText(CuratedQuery)} with {@code args} bound (checked as for an answer). */
    public String editorText(String name, Map<String, String> args, Store store) {
        Prepared p = prepare(name, args, store);
        return EditorText.of(p.curated(), iris, p.bound());
    }

    /** The values an enumerated parameter may take on the current data; empty when any value goes. */
    public List<String> allowedValues(CuratedQuery q, Parameter p, Store store) {
        return binding.allowedValues(q, p, store, dataVersion(store));
    }
}
