package org.w3id.copgraph.queries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The catalogue of curated queries ({@code queries/*.rq}) and the one way to run them:
 * parameters are checked against their declared types (and, for enumerations, against the
 * values the graph holds) and bound on the parsed query, never spliced into its text. Answers
 * are cited (query name and hash, data version, time) and cached until the data changes.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CuratedQueries.class);

    private final Map<String, CuratedQuery> byName;
    private final Iris iris;
    private final long timeoutMillis;
    /** Computed pages, whatever format they are asked in. */
    private final Cache<Key, Rows> pages = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Key k, Rows r) -> r.rows().size() * Math.max(1, r.vars().size()) * 128 + 256)
            .build();
    /** The same pages rendered, so a repeated question costs a lookup. */
    private final Cache<Rendered, Answer> answers = Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Rendered k, Answer a) -> a.body().length + 256)
            .recordStats()
            .build();
    private final Map<String, List<String>> enumerated = new ConcurrentHashMap<>();
    private final Cache<String, Boolean> allowedChecks = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Pages kept on disk across restarts; null when the store has no directory of its own. */
    private final SavedAnswers saved;
    private volatile String cachedVersion;
    private final java.util.concurrent.atomic.AtomicLong storeRuns = new java.util.concurrent.atomic.AtomicLong();

    private CuratedQueries(Map<String, CuratedQuery> byName, Iris iris, long timeoutMillis, SavedAnswers saved) {
        this.byName = byName;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.saved = saved;
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
        Map<String, CuratedQuery> map = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                    String file = f.getFileName().toString();
                    String name = file.substring(0, file.length() - 3);
                    map.put(name, QueryFile.parse(name, dir.getFileName() + "/" + file, Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CuratedQueries(map, iris, timeoutMillis, answersDir == null ? null : new SavedAnswers(answersDir));
    }

    public Collection<CuratedQuery> list() {
        return byName.values();
    }

    public CuratedQuery get(String name) {
        CuratedQuery q = byName.get(name);
        if (q == null) {
            throw Problem.notFound("unknown-query", "No curated query named '" + name
                    + "'. GET /api/queries lists them: " + String.join(", ", byName.keySet()) + ".");
        }
        return q;
    }

    /** How many answers came from the cache, and how many had to be computed. */
    public long cacheHits() {
        return answers.stats().hitCount();
    }

    public long cacheMisses() {
        return answers.stats().missCount();
    }

    /** How many pages the store had to compute (neither cached, precomputed nor saved). */
    public long storeRuns() {
        return storeRuns.get();
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

    private record Key(String name, Map<String, String> bound, long limit, long offset, String version) {
    }

    private record Rendered(Key key, ResultFormat format) {
    }

    /**
     * The answer to a curated query, from the cache when the same question was answered on the
     * same data version. Any change of the store (its last-modified time) empties the cache.
     */
    public Answer answer(String name, Map<String, String> args, ResultFormat format, Store store) {
        String version = currentVersion(store);
        Prepared p = prepare(name, args, store);
        Key key = key(p, version);
        return answers.get(new Rendered(key, format), k -> p.query().isSelectType()
                ? render(p, page(p, key, store), format)
                : compute(p, format, store, version));
    }

    /** The same answer computed afresh, past every cache (for benchmarks and checks). */
    public Answer answerUncached(String name, Map<String, String> args, ResultFormat format, Store store) {
        Prepared p = prepare(name, args, store);
        return p.query().isSelectType() ? render(p, select(p, store), format) : compute(p, format, store, dataVersion(store));
    }

    /**
     * Computes the first page of every curated query that runs without arguments, so that the
     * first researcher to ask after a change (or after a restart, when the store keeps them on
     * disk) is answered at once. Stops early when the data changes under it; returns how many
     * pages are ready for the version it started on.
     */
    public int precompute(Store store) {
        String version = currentVersion(store);
        int ready = 0;
        for (CuratedQuery q : byName.values()) {
            if (!version.equals(dataVersion(store))) {
                return ready;
            }
            try {
                Prepared p = prepare(q.name(), Map.of(), store);
                if (p.query().isSelectType()) {
                    page(p, key(p, version), store);
                    ready++;
                }
            } catch (Problem e) {
                // A query that needs an argument, or one past the time limit: nothing to keep.
                LOG.debug("Not precomputed: {}: {}", q.name(), e.getMessage());
            }
        }
        if (saved != null && version.equals(dataVersion(store))) {
            saved.retainOnly(version);
        }
        return ready;
    }

    /** How many curated queries {@link #precompute} would compute (those that run without arguments). */
    public long precomputable() {
        return byName.values().stream().filter(q -> q.query().isSelectType()
                && q.parameters().stream().noneMatch(Parameter::required)).count();
    }

    private String currentVersion(Store store) {
        String version = dataVersion(store);
        if (!version.equals(cachedVersion)) {
            synchronized (this) {
                if (!version.equals(cachedVersion)) {
                    // Computed values are per data version: a change of the data drops them all.
                    answers.invalidateAll();
                    pages.invalidateAll();
                    enumerated.clear();
                    allowedChecks.invalidateAll();
                    cachedVersion = version;
                }
            }
        }
        return version;
    }

    private static Key key(Prepared p, String version) {
        return new Key(p.curated().name(), p.bound(), p.page() == null ? -1 : p.page().limit(),
                p.page() == null ? -1 : p.page().offset(), version);
    }

    /** A page from memory, else from disk, else from the store; pages of default arguments are kept on disk. */
    private Rows page(Prepared p, Key key, Store store) {
        return pages.get(key, k -> {
            boolean keep = saved != null && isDefaultPage(p);
            String name = p.curated().name();
            String fileKey = name + " " + k.bound() + " " + k.limit() + " " + k.offset() + " sha256:" + p.curated().hash();
            if (keep) {
                Rows r = saved.read(k.version(), name, fileKey);
                if (r != null) {
                    return r;
                }
            }
            Rows r = select(p, store);
            if (keep) {
                saved.write(name, fileKey, r);
            }
            return r;
        });
    }

    /** Whether {@code p} asks for the first page with every parameter at its default (or unset). */
    private boolean isDefaultPage(Prepared p) {
        if (p.page() == null || p.page().offset() != 0) {
            return false;
        }
        long limit = p.curated().query().hasLimit() ? Math.min(DEFAULT_LIMIT, p.curated().query().getLimit()) : DEFAULT_LIMIT;
        if (p.page().limit() != limit) {
            return false;
        }
        Map<String, String> defaults = new TreeMap<>();
        for (Parameter param : p.curated().parameters()) {
            if (param.defaultValue() != null) {
                Node n = param.type().parse(param.name(), param.defaultValue(), param.lang(), iris);
                defaults.put(param.name(), n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
            }
        }
        return defaults.equals(p.bound());
    }

    /** Runs a paged SELECT; the rows are of the data version read in the same transaction. */
    private Rows select(Prepared p, Store store) {
        storeRuns.incrementAndGet();
        try {
            return store.query(paged(p), p.binding(), timeoutMillis, exec -> {
                String version = dataVersion(store);
                // Materialised first so a timeout is an error, not a 200 cut half-way.
                RowSet rs = exec.select();
                List<Var> vars = rs.getResultVars();
                List<Binding> rows = new ArrayList<>();
                // Detached: the store's bindings resolve their terms lazily, which only works in the transaction.
                rs.forEachRemaining(b -> rows.add(b.detach()));
                return new Rows(List.copyOf(vars), rows, version, Instant.now());
            });
        } catch (QueryCancelledException e) {
            throw timedOut(p.curated());
        }
    }

    private Problem timedOut(CuratedQuery q) {
        return new Problem(Problem.Kind.TIMEOUT, "query-timeout", "Query '" + q.name()
                + "' ran past the " + timeoutMillis + " ms limit and was stopped.");
    }

    private Answer render(Prepared p, Rows computed, ResultFormat format) {
        CuratedQuery q = p.curated();
        Citation citation = new Citation(q.name(), "sha256:" + q.hash(), computed.version(), computed.computedAt());
        List<Binding> rows = computed.rows();
        boolean more = rows.size() > p.page().limit();
        if (more) {
            rows = rows.subList(0, (int) p.page().limit());
        }
        Page page = new Page(p.page().limit(), p.page().offset(), more);
        Map<String, String> links = links(q.name(), p.bound(), page, format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == ResultFormat.ROWS) {
            writeRows(out, citation, page, links, computed.vars(), rows);
        } else {
            ResultsWriter.create().lang(format.lang).write(out, RowSetStream.create(computed.vars(), rows.iterator()));
        }
        return new Answer(out.toByteArray(), format, citation, page, links);
    }

    /** Checks and binds {@code args} (parameters and {@code limit}/{@code offset}); paging only for SELECT. */
    public Prepared prepare(String name, Map<String, String> args, Store store) {
        return prepare(name, args, longArg(args, "limit"), longArg(args, "offset"), store);
    }

    public Prepared prepare(String name, Map<String, String> args, Long limit, Long offset, Store store) {
        CuratedQuery q = get(name);
        for (String arg : args.keySet()) {
            if (q.parameter(arg) == null && !RESERVED.contains(arg)) {
                throw Problem.badRequest("unknown-parameter", "Query '" + name + "' has no parameter '" + arg
                        + "'. Its parameters: " + describe(q.parameters()) + ".");
            }
        }
        BindingBuilder b = BindingBuilder.create();
        Map<String, String> bound = new TreeMap<>();
        for (Parameter p : q.parameters()) {
            String value = args.get(p.name());
            if (value == null || value.isEmpty()) {
                value = p.defaultValue();
            }
            if (value == null) {
                if (p.required()) {
                    throw Problem.badRequest("missing-parameter", "Query '" + name + "' needs parameter '"
                            + p.name() + "' (" + p.type().expected + ").");
                }
                continue;
            }
            Node node = p.type().parse(p.name(), value, p.lang(), iris);
            String asGiven = node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
            if (!isAllowed(q, p, node, asGiven, store)) {
                List<String> allowed = allowedValues(q, p, store);
                throw Problem.badRequest("bad-parameter", "Parameter '" + p.name() + "' must be one of "
                        + shortList(allowed) + "; got '" + value + "'. GET " + API + name
                        + "/about lists them.");
            }
            b.add(Var.alloc(p.variable()), node);
            bound.put(p.name(), asGiven);
        }
        Query query = q.query().cloneQuery();
        Page page = null;
        if (query.isSelectType()) {
            long lim = limit == null ? DEFAULT_LIMIT : limit;
            long off = offset == null ? 0 : offset;
            checkPaging(lim, off);
            if (query.hasLimit()) {
                lim = Math.min(lim, query.getLimit());
            }
            page = new Page(lim, off, false);
        } else if (limit != null || offset != null) {
            checkPaging(limit == null ? 0 : limit, offset == null ? 0 : offset);
            if (limit != null) {
                query.setLimit(limit);
            }
            if (offset != null) {
                query.setOffset(offset);
            }
        }
        return new Prepared(q, query, b.build(), bound, page);
    }

    /**
     * The query as a researcher would type it in an editor: the parameters that have defaults
     * bound to them (so it runs as is on any SPARQL endpoint), after a comment naming its source.
     */
    public String editorText(CuratedQuery q) {
        Map<Var, Node> values = new LinkedHashMap<>();
        StringBuilder head = new StringBuilder("# " + q.summary() + "\n# Curated query '" + q.name()
                + "' (" + API + q.name() + ")");
        for (Parameter p : q.parameters()) {
            if (p.defaultValue() != null) {
                values.put(Var.alloc(p.variable()), p.type().parse(p.name(), p.defaultValue(), p.lang(), iris));
                head.append("\n# ").append(p.name()).append(" = ").append(p.defaultValue());
            }
        }
        Query bound = values.isEmpty() ? q.query() : org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps
                .syntaxSubstitute(q.query(), values);
        return head + "\n" + bound.serialize();
    }

    /** The values an enumerated parameter may take on the current data; empty when any value goes. */
    public List<String> allowedValues(CuratedQuery q, Parameter p, Store store) {
        if (!p.allowedValues().isEmpty() || p.enumeration() == null) {
            return p.allowedValues();
        }
        return enumerated.computeIfAbsent(q.name() + "\u0000" + p.name(), k -> enumerate(q, p, store));
    }

    /**
     * Whether {@code value} is one the enumeration of {@code p} yields. Asked of the store with the
     * value bound, rather than looked up in the listed values, so that the check costs one index
     * lookup and holds for every value however many there are.
     */
    private boolean isAllowed(CuratedQuery q, Parameter p, Node value, String asGiven, Store store) {
        if (!p.allowedValues().isEmpty()) {
            return p.allowedValues().contains(asGiven);
        }
        if (p.enumeration() == null) {
            return true;
        }
        String k = q.name() + "\u0000" + p.name();
        List<String> listed = enumerated.get(k);
        if (value.isLiteral() || (listed != null && listed.size() < MAX_ENUMERATION)) {
            return allowedValues(q, p, store).contains(asGiven);
        }
        return allowedChecks.get(k + "\u0000" + asGiven, x -> {
            Enumerating e = enumerating(q, p);
            // ASK of the same pattern: no ORDER BY on a bound variable (a remote store refuses that text).
            Query probe = new Query();
            probe.setQueryAskType();
            probe.setPrefixMapping(e.query().getPrefixMapping());
            probe.setQueryPattern(e.query().getQueryPattern());
            try {
                return store.query(probe, BindingFactory.binding(e.var(), value), timeoutMillis, QueryExec::ask);
            } catch (QueryCancelledException ex) {
                throw timedOut(q);
            }
        });
    }

    /** The query listing the values of an enumerated parameter, and its variable. */
    private record Enumerating(Query query, Var var) {
    }

    private static Enumerating enumerating(CuratedQuery q, Parameter p) {
        Query e;
        Var v;
        if (p.enumeration().query() != null) {
            e = p.enumeration().query().cloneQuery();
            v = e.getProjectVars().get(0);
        } else {
            // The query's own pattern, with this parameter free: every value it could match.
            v = Var.alloc(p.variable());
            e = new Query();
            e.setQuerySelectType();
            e.setPrefixMapping(q.query().getPrefixMapping());
            e.setQueryPattern(q.query().getQueryPattern());
            e.addResultVar(v);
            e.setDistinct(true);
            e.addOrderBy(v, Query.ORDER_DEFAULT);
        }
        return new Enumerating(e, v);
    }

    private List<String> enumerate(CuratedQuery q, Parameter p, Store store) {
        Enumerating en = enumerating(q, p);
        Query e = en.query();
        Var var = en.var();
        if (!e.hasLimit() || e.getLimit() > MAX_ENUMERATION) {
            e.setLimit(MAX_ENUMERATION);
        }
        return store.query(e, BindingFactory.empty(), timeoutMillis, exec -> {
            List<String> out = new ArrayList<>();
            exec.select().forEachRemaining(row -> {
                Node n = row.get(var);
                if (n != null && (n.isURI() || n.isLiteral())) {
                    out.add(n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                }
            });
            return List.copyOf(out);
        });
    }

    /** ASK, CONSTRUCT and DESCRIBE: not paged, rendered as they come. */
    private Answer compute(Prepared p, ResultFormat format, Store store, String version) {
        CuratedQuery q = p.curated();
        Citation citation = new Citation(q.name(), "sha256:" + q.hash(), version, Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            return store.query(p.query(), p.binding(), timeoutMillis, exec -> {
                if (p.query().isAskType()) {
                    ResultsWriter.create().lang(format.lang).write(out, exec.ask());
                } else {
                    Graph g = p.query().isConstructType() ? exec.construct() : exec.describe();
                    if (format.lang.equals(org.apache.jena.riot.Lang.TRIG) || format.lang.equals(org.apache.jena.riot.Lang.NQUADS)) {
                        DatasetGraph d = DatasetGraphFactory.wrap(g);
                        RDFWriter.source(d).lang(format.lang).output(out);
                    } else {
                        RDFWriter.source(g).lang(format.lang).output(out);
                    }
                }
                return new Answer(out.toByteArray(), format, citation, null, Map.of());
            });
        } catch (QueryCancelledException e) {
            throw timedOut(q);
        }
    }

    /** The query with one row more than the page, to learn whether a next page exists. */
    private static Query paged(Prepared p) {
        if (p.page() == null) {
            return p.query();
        }
        Query q = p.query().cloneQuery();
        q.setLimit(p.page().limit() + 1);
        q.setOffset(p.page().offset() == 0 ? Query.NOLIMIT : p.page().offset());
        return q;
    }

    private static Map<String, String> links(String name, Map<String, String> bound, Page page, ResultFormat format) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("first", link(name, bound, page.limit(), 0, format));
        if (page.offset() > 0) {
            links.put("prev", link(name, bound, page.limit(), Math.max(0, page.offset() - page.limit()), format));
        }
        if (page.hasNext()) {
            links.put("next", link(name, bound, page.limit(), page.offset() + page.limit(), format));
        }
        return links;
    }

    private static String link(String name, Map<String, String> bound, long limit, long offset, ResultFormat format) {
        StringBuilder s = new StringBuilder(API).append(name).append('?');
        bound.forEach((k, v) -> s.append(enc(k)).append('=').append(enc(v)).append('&'));
        s.append("format=").append(format.shortName).append("&limit=").append(limit).append("&offset=").append(offset);
        return s.toString();
    }

    private static void writeRows(ByteArrayOutputStream out, Citation c, Page page, Map<String, String> links,
                                  List<Var> vars, List<Binding> rows) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("query", c.query());
        env.put("hash", c.hash());
        env.put("dataVersion", c.dataVersion());
        env.put("generatedAt", c.generatedAt().toString());
        env.put("limit", page.limit());
        env.put("offset", page.offset());
        env.put("count", rows.size());
        env.put("columns", vars.stream().map(Var::getVarName).toList());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Binding b : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n != null) {
                    row.put(v.getVarName(), RowValues.toJson(n));
                }
            }
            list.add(row);
        }
        env.put("rows", list);
        env.put("links", links);
        try {
            JSON.writeValue(out, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkPaging(long limit, long offset) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw Problem.badRequest("bad-parameter", "Parameter 'limit' must be an integer from 0 to " + MAX_LIMIT
                    + "; got " + limit + ".");
        }
        if (offset < 0) {
            throw Problem.badRequest("bad-parameter", "Parameter 'offset' must be a non-negative integer; got " + offset + ".");
        }
    }

    private static Long longArg(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be a non-negative integer; got '" + v + "'.");
        }
    }

    private static String shortList(List<String> values) {
        if (values.size() <= 20) {
            return values.toString();
        }
        return values.subList(0, 20) + " (and " + (values.size() - 20) + " more)";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String describe(List<Parameter> params) {
        if (params.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        params.forEach(p -> out.add(p.name() + " (" + p.type().suffix + (p.required() ? ", required" : "") + ")"));
        return String.join(", ", out);
    }
}
