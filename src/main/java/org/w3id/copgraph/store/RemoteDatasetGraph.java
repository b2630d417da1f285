package org.w3id.copgraph.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphTriplesQuads;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.update.UpdateRequest;
import org.w3id.copgraph.Problem;

/**
 * A dataset that lives in another SPARQL 1.1 store. Whole queries are sent there (see
 * {@link RemoteQueryEngine}); statement look-ups become small SELECTs; a write transaction
 * collects its changes and sends them as one SPARQL Update on commit, so the remote store applies
 * all of a change or none of it. Within a write transaction, reads see the pending changes.
 *
 * <p>The remote store's default graph must be the union of its named graphs (Fuseki/TDB2:
 * {@code tdb2:unionDefaultGraph true}), as copgraph's own is. copgraph's bookkeeping, which it keeps
 * in the real default graph, is addressed as {@code GRAPH <urn:x-arq:DefaultGraph>} (Jena's name
 * for it); on Virtuoso, whose union holds every graph, it is a named graph that each query
 * excludes (see {@link RemoteDialect}).
 *
 * <p>Each of the query and update endpoints may be several URLs of replicas: see {@link Replicas}.
 */
public final class RemoteDatasetGraph extends DatasetGraphTriplesQuads {

    public static final String JENA_REAL_DEFAULT_GRAPH = "urn:x-arq:DefaultGraph";

    private static final Query FIND_NAMED = QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query FIND_SYSTEM = QueryFactory.create("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query GRAPH_HAS_ANY = QueryFactory.create("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1");
    private static final Query GRAPHS = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }");
    private static final Query GRAPHS_WITH_STATEMENTS = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");

    private final Replicas queries;
    private final Replicas updates;
    private volatile RemoteDialect dialect;
    private volatile Node systemGraph;
    private final Context context = Context.create();
    private final ReentrantLock writer = new ReentrantLock();
    private final ThreadLocal<Pending> txn = new ThreadLocal<>();

    /** What a transaction of this thread is and, for a write, the changes it will send. */
    private static final class Pending {
        final ReadWrite mode;
        final Set<Quad> adds = new LinkedHashSet<>();
        final Set<Quad> deletes = new LinkedHashSet<>();
        final Set<Node> cleared = new LinkedHashSet<>();
        /** Graphs found empty in the remote store during this transaction: nothing there to ask about. */
        final Set<Node> emptyThere = new java.util.HashSet<>();
        final Set<Node> filledThere = new java.util.HashSet<>();

        Pending(ReadWrite mode) {
            this.mode = mode;
        }
    }

    /**
     * @param queryEndpoints  the store's SPARQL query URLs, tried in turn (see {@link Replicas})
     * @param updateEndpoints its SPARQL Update URLs; empty: read-only
     * @param dialect         the kind of store, or null to ask it (its HTTP {@code Server} header)
     */
    static {
        // Registered with TDB2's census engine in Store's static block (see there); here too for
        // a remote dataset made without a Store, where it adds nothing if already registered.
        RemoteQueryEngine.register();
    }

    public RemoteDatasetGraph(List<String> queryEndpoints, List<String> updateEndpoints, RemoteDialect dialect) {
        this.queries = new Replicas(queryEndpoints);
        this.updates = updateEndpoints == null || updateEndpoints.isEmpty() ? null : new Replicas(updateEndpoints);
        if (dialect != null) {
            use(dialect);
        }
    }

    public RemoteDatasetGraph(String queryEndpoint, String updateEndpoint, RemoteDialect dialect) {
        this(List.of(queryEndpoint), updateEndpoint == null ? List.of() : List.of(updateEndpoint), dialect);
    }

    private void use(RemoteDialect d) {
        this.systemGraph = NodeFactory.createURI(d.systemGraph());
        this.dialect = d;
    }

    /** The query URL that answered last. */
    public String queryEndpoint() {
        return queries.current();
    }

    Replicas queries() {
        return queries;
    }

    /**
     * Runs a client's query text in the store as it is (after the dialect's prologue) and returns
     * the store's answer in {@code mediaType}, unparsed: see {@link RemotePassThrough}.
     */
    public RemotePassThrough.Answer answerAsIs(String query, Query parsed, String mediaType, long timeoutMillis) {
        return RemotePassThrough.ask(this, dataPrologue(parsed) + dialect().forStore(query, parsed), mediaType, timeoutMillis);
    }

    private volatile GraphExclusions exclusions;

    /**
     * What to put before a query of copgraph's data ({@code query}, parsed) so that the store's
     * default graph is copgraph's data only: nothing on Fuseki; on Virtuoso the exclusions of
     * those of its own graphs and the bookkeeping the query could match (see {@link GraphExclusions}).
     */
    public String dataPrologue(Query query) {
        return dialect() == RemoteDialect.FUSEKI ? "" : exclusions().forQuery(query);
    }

    private GraphExclusions exclusions() {
        GraphExclusions e = exclusions;
        if (e == null) {
            synchronized (this) {
                e = exclusions;
                if (e == null) {
                    e = readExclusions();
                    exclusions = e;
                }
            }
        }
        return e;
    }

    /** Virtuoso's own graphs as they are now (a few thousand statements), and the bookkeeping. */
    private GraphExclusions readExclusions() {
        List<GraphExclusions.Excluded> graphs = new ArrayList<>();
        for (String g : RemoteDialect.VIRTUOSO_OWN_GRAPHS) {
            graphs.add(new GraphExclusions.Known(g, statementsOf(g)));
        }
        graphs.add(new GraphExclusions.Always(systemGraph().getURI()));
        return new GraphExclusions(graphs);
    }

    private org.apache.jena.graph.Graph statementsOf(String graph) {
        org.apache.jena.graph.Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        String text = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g = <" + graph + ">) }";
        queries.call(url -> select(url, text).select().materialize())
                .forEachRemaining(b -> out.add(b.get("s"), b.get("p"), b.get("o")));
        return out;
    }

    /** The kind of store, asked of the store the first time it is needed (and until it answers). */
    public RemoteDialect dialect() {
        RemoteDialect d = dialect;
        if (d == null) {
            synchronized (this) {
                if (dialect == null) {
                    use(queries.call(RemoteDatasetGraph::detect));
                }
                d = dialect;
            }
        }
        return d;
    }

    /** The client for queries: HTTP/1.1, as the pass-through's (no h2c upgrade asked of the store). */
    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(5))
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();

    /**
     * A query as the store gets it: a GET while its URL is short, else a POST of an HTML form, the
     * two ways every SPARQL 1.1 store takes. Not Jena's default for a long query, a POST of
     * {@code application/sparql-query}: Virtuoso 7.2.5 never answers that (curl shows the same: the
     * form answers in 0.06 s, the other hangs until the client gives up).
     */
    static org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder select(String url, String text) {
        return QueryExecHTTP.service(url).httpClient(HTTP).parseCheck(false)
                .sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).queryString(text);
    }

    private static final java.net.http.HttpClient PROBE = java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5)).build();

    private static RemoteDialect detect(String endpoint) {
        try {
            var r = PROBE.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint + (endpoint.contains("?") ? "&" : "?")
                    + "query=ASK%7B%7D")).header("Accept", "application/sparql-results+json").timeout(java.time.Duration.ofSeconds(30))
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 500) {
                throw new org.apache.jena.atlas.web.HttpException(r.statusCode(), "probe", "");
            }
            return RemoteDialect.fromServerHeader(r.headers().firstValue("Server").orElse(null));
        } catch (java.io.IOException e) {
            throw new org.apache.jena.atlas.web.HttpException("probe " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.jena.atlas.web.HttpException("interrupted", e);
        }
    }

    private Node systemGraph() {
        dialect();
        return systemGraph;
    }

    // ---- reads

    @Override
    protected Iterator<Quad> findInDftGraph(Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        select(FIND_SYSTEM, Quad.defaultGraphIRI, s, p, o).forEachRemaining(b ->
                out.add(Quad.create(Quad.defaultGraphIRI, b.get("s"), b.get("p"), b.get("o"))));
        return overlay(out, Quad.defaultGraphIRI, s, p, o);
    }

    @Override
    protected Iterator<Quad> findInSpecificNamedGraph(Node g, Node s, Node p, Node o) {
        return findNamed(g, s, p, o);
    }

    @Override
    protected Iterator<Quad> findInAnyNamedGraphs(Node s, Node p, Node o) {
        return findNamed(Node.ANY, s, p, o);
    }

    @Override
    public boolean contains(Quad q) {
        Pending pending = txn.get();
        boolean local = q.getSubject().isBlank() || q.getObject().isBlank()
                || pending != null && pending.cleared.contains(q.getGraph())
                || pending != null && pending.mode == ReadWrite.WRITE && emptyThere(pending, q.getGraph());
        if (local) {
            // A blank node from a parser never matches one in the remote store, and a graph cleared
            // in this transaction holds only what the transaction added: no need to ask.
            return pending != null && pending.adds.contains(q);
        }
        return super.contains(q);
    }

    /**
     * Whether the remote store holds nothing in graph {@code g}, asked once per transaction: a load
     * into a new graph (the seed, an import) then checks its statements without one request each.
     */
    private boolean emptyThere(Pending pending, Node g) {
        if (g == null || !g.isURI() || Quad.isDefaultGraph(g) || pending.filledThere.contains(g)) {
            return false;
        }
        if (pending.emptyThere.contains(g)) {
            return true;
        }
        BindingBuilder b = BindingBuilder.create();
        b.add(Var.alloc("g"), g);
        boolean empty = !lookup(GRAPH_HAS_ANY, b.build()).hasNext();
        (empty ? pending.emptyThere : pending.filledThere).add(g);
        return empty;
    }

    /** Whether the store holds no data statement: one small query, not a read of every statement. */
    @Override
    public boolean isEmpty() {
        Pending pending = txn.get();
        if (pending != null && pending.adds.stream().anyMatch(q -> !q.isDefaultGraph())) {
            return false;
        }
        BindingBuilder none = BindingBuilder.create();
        Query any = QueryFactory.create("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + systemGraph().getURI() + ">) } LIMIT 1");
        return !lookup(any, none.build()).hasNext();
    }

    private Iterator<Quad> findNamed(Node g, Node s, Node p, Node o) {
        List<Quad> out = new ArrayList<>();
        select(FIND_NAMED, g, s, p, o).forEachRemaining(b -> {
            Node graph = b.get("g");
            if (!graph.equals(systemGraph())) {
                out.add(Quad.create(graph, b.get("s"), b.get("p"), b.get("o")));
            }
        });
        return overlay(out, g, s, p, o);
    }

    private RowSet select(Query template, Node g, Node s, Node p, Node o) {
        if (s != null && s.isBlank() || o != null && o.isBlank() || g != null && g.isBlank()) {
            // Blank node labels are local to each store; the remote one cannot be asked about ours.
            return RowSet.adapt(org.apache.jena.query.ResultSetFactory.create(
                    org.apache.jena.sparql.engine.iterator.QueryIterNullIterator.create(null), List.of("g", "s", "p", "o")));
        }
        BindingBuilder b = BindingBuilder.create();
        bind(b, "g", g.equals(Quad.defaultGraphIRI) ? systemGraph() : g);
        bind(b, "s", s);
        bind(b, "p", p);
        bind(b, "o", o);
        return lookup(template, b.build());
    }

    /** One of copgraph's own look-ups, on whichever query URL answers. */
    private RowSet lookup(Query template, org.apache.jena.sparql.engine.binding.Binding binding) {
        Query bound = binding.isEmpty() ? template
                : org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.replaceVars(template, asMap(binding));
        String text = dialect().lookupPrologue() + dialect().forEngine(bound).serialize();
        try {
            return queries.call(url -> select(url, text).select().materialize());
        } catch (org.apache.jena.atlas.web.HttpException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
            throw Replicas.refused(e);
        }
    }

    static java.util.Map<Var, Node> asMap(org.apache.jena.sparql.engine.binding.Binding binding) {
        java.util.Map<Var, Node> out = new java.util.HashMap<>();
        binding.forEach(out::put);
        return out;
    }

    private static void bind(BindingBuilder b, String var, Node n) {
        if (n != null && n.isConcrete()) {
            b.add(Var.alloc(var), n);
        }
    }

    /** Remote results with this thread's pending writes applied. */
    private Iterator<Quad> overlay(List<Quad> remote, Node g, Node s, Node p, Node o) {
        Pending pending = txn.get();
        if (pending == null || pending.mode != ReadWrite.WRITE) {
            return remote.iterator();
        }
        Set<Quad> out = new LinkedHashSet<>();
        for (Quad q : remote) {
            if (!pending.deletes.contains(q) && !pending.cleared.contains(q.getGraph())) {
                out.add(q);
            }
        }
        for (Quad q : pending.adds) {
            if (matches(q, g, s, p, o)) {
                out.add(q);
            }
        }
        return out.iterator();
    }

    private static boolean matches(Quad q, Node g, Node s, Node p, Node o) {
        return (g == null || !g.isConcrete() ? !q.isDefaultGraph() : g.equals(q.getGraph()))
                && (s == null || !s.isConcrete() || s.equals(q.getSubject()))
                && (p == null || !p.isConcrete() || p.equals(q.getPredicate()))
                && (o == null || !o.isConcrete() || o.equals(q.getObject()));
    }

    @Override
    public Iterator<Node> listGraphNodes() {
        Set<Node> out = new LinkedHashSet<>();
        // Virtuoso 7.2.5 answers GRAPH ?g { } with one row and ?g unbound: ask for graphs that hold a statement.
        Query graphs = dialect() == RemoteDialect.VIRTUOSO ? GRAPHS_WITH_STATEMENTS : GRAPHS;
        lookup(graphs, BindingBuilder.create().build()).forEachRemaining(b -> {
            if (b.get("g") != null && !b.get("g").equals(systemGraph())) {
                out.add(b.get("g"));
            }
        });
        Pending pending = txn.get();
        if (pending != null) {
            pending.adds.forEach(q -> {
                if (!q.isDefaultGraph()) {
                    out.add(q.getGraph());
                }
            });
        }
        return out.iterator();
    }

    // ---- writes, collected until commit

    private Pending writing() {
        Pending pending = txn.get();
        if (pending == null || pending.mode != ReadWrite.WRITE) {
            throw new IllegalStateException("Not in a write transaction");
        }
        return pending;
    }

    @Override
    public org.apache.jena.graph.Graph getDefaultGraph() {
        return org.apache.jena.sparql.core.GraphView.createDefaultGraph(this);
    }

    @Override
    public org.apache.jena.graph.Graph getGraph(Node graphNode) {
        return org.apache.jena.sparql.core.GraphView.createNamedGraph(this, graphNode);
    }

    @Override
    protected void addToDftGraph(Node s, Node p, Node o) {
        addPending(Quad.create(Quad.defaultGraphIRI, s, p, o));
    }

    @Override
    protected void addToNamedGraph(Node g, Node s, Node p, Node o) {
        addPending(Quad.create(g, s, p, o));
    }

    private void addPending(Quad quad) {
        Pending pending = writing();
        if (!pending.deletes.remove(quad)) {
            pending.adds.add(quad);
        }
    }

    @Override
    protected void deleteFromDftGraph(Node s, Node p, Node o) {
        deletePending(Quad.create(Quad.defaultGraphIRI, s, p, o));
    }

    @Override
    protected void deleteFromNamedGraph(Node g, Node s, Node p, Node o) {
        deletePending(Quad.create(g, s, p, o));
    }

    private void deletePending(Quad quad) {
        Pending pending = writing();
        if (!pending.adds.remove(quad)) {
            pending.deletes.add(quad);
        }
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if (g != null && g.isConcrete() && !Quad.isDefaultGraph(g) && !s.isConcrete() && !p.isConcrete() && !o.isConcrete()) {
            // A whole graph: one CLEAR, which also covers statements with blank nodes.
            Pending pending = writing();
            pending.cleared.add(g);
            pending.adds.removeIf(q -> q.getGraph().equals(g));
            pending.deletes.removeIf(q -> q.getGraph().equals(g));
            return;
        }
        super.deleteAny(g, s, p, o);
    }

    @Override
    public void addGraph(Node graphName, org.apache.jena.graph.Graph graph) {
        graph.find().forEachRemaining((Triple t) -> add(Quad.create(graphName, t)));
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    private void send(Pending pending) {
        if (pending.adds.isEmpty() && pending.deletes.isEmpty() && pending.cleared.isEmpty()) {
            return;
        }
        if (updates == null) {
            throw new Problem(Problem.Kind.FORBIDDEN, "read-only-store", "This copgraph reads a remote store and was"
                    + " started without --update-endpoint: it cannot write.");
        }
        UpdateRequest request = new UpdateRequest();
        pending.cleared.forEach(g -> request.add(new UpdateClear(g, true)));
        QuadDataAcc deletes = new QuadDataAcc();
        for (Quad q : pending.deletes) {
            if (q.getSubject().isBlank() || q.getObject().isBlank()) {
                throw Problem.badRequest("remote-blank-node", "On a remote store a statement with a blank node can only be"
                        + " removed with its whole graph: replace the graph instead.");
            }
            deletes.addQuad(system(q));
        }
        if (dialect() == RemoteDialect.VIRTUOSO) {
            List<Quad> all = deletes.getQuads();
            for (int i = 0; i < all.size(); i += VirtuosoInserts.CHUNK) {
                QuadDataAcc part = new QuadDataAcc();
                all.subList(i, Math.min(all.size(), i + VirtuosoInserts.CHUNK)).forEach(part::addQuad);
                request.add(new UpdateDataDelete(part));
            }
        } else if (!deletes.getQuads().isEmpty()) {
            request.add(new UpdateDataDelete(deletes));
        }
        List<Quad> added = new ArrayList<>();
        pending.adds.forEach(q -> added.add(system(q)));
        List<UpdateRequest> requests;
        if (dialect() == RemoteDialect.VIRTUOSO) {
            requests = VirtuosoInserts.requests(request, added);
        } else {
            if (!added.isEmpty()) {
                QuadDataAcc adds = new QuadDataAcc();
                added.forEach(adds::addQuad);
                request.add(new UpdateDataInsert(adds));
            }
            requests = List.of(request);
        }
        for (UpdateRequest r : requests) {
            String text = r.toString();
            try {
                updates.call(url -> {
                    UpdateExecHTTP.service(url).parseCheck(false).updateString(text).execute();
                    return null;
                });
            } catch (org.apache.jena.atlas.web.HttpException e) {
                throw Replicas.refused(e);
            }
        }
    }

    private Quad system(Quad q) {
        return q.isDefaultGraph() ? Quad.create(systemGraph(), q.asTriple()) : q;
    }

    // ---- transactions

    @Override
    public void begin(TxnType type) {
        ReadWrite mode = TxnType.convert(type);
        if (mode == ReadWrite.WRITE) {
            writer.lock();
        }
        txn.set(new Pending(mode));
    }

    @Override
    public void begin(ReadWrite mode) {
        begin(TxnType.convert(mode));
    }

    @Override
    public boolean promote(Promote mode) {
        return false;
    }

    @Override
    public void commit() {
        Pending pending = txn.get();
        if (pending != null && pending.mode == ReadWrite.WRITE) {
            send(pending);
        }
        finish();
    }

    @Override
    public void abort() {
        finish();
    }

    @Override
    public void end() {
        if (txn.get() != null) {
            finish();
        }
    }

    private void finish() {
        Pending pending = txn.get();
        txn.remove();
        if (pending != null && pending.mode == ReadWrite.WRITE && writer.isHeldByCurrentThread()) {
            writer.unlock();
        }
    }

    @Override
    public ReadWrite transactionMode() {
        Pending p = txn.get();
        return p == null ? null : p.mode;
    }

    @Override
    public TxnType transactionType() {
        Pending p = txn.get();
        return p == null ? null : TxnType.convert(p.mode);
    }

    @Override
    public boolean isInTransaction() {
        return txn.get() != null;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionAbort() {
        return true;
    }

    @Override
    public Context getContext() {
        return context;
    }

    @Override
    public PrefixMap prefixes() {
        return PrefixMapFactory.create();
    }

    @Override
    public void close() {
        // Nothing held open: every request is its own HTTP call.
    }
}
