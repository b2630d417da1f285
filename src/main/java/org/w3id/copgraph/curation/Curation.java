package org.w3id.copgraph.curation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.sparql.SparqlLimits;
import org.w3id.copgraph.store.RdfFiles;
import org.w3id.copgraph.store.Shacl;
import org.w3id.copgraph.store.Store;

/**
 * The one write path. Every change — SPARQL Update, Graph Store writes, uploads, the load
 * command, restores — comes here: the caller's role is checked; the change is applied in one
 * write transaction; what it touched is checked against the SHACL shapes, and the transaction
 * aborts with the report if it does not conform; the change is recorded as a PROV activity in the
 * change-log graph; listeners (the event stream) are told, in the same transaction. Readers never
 * wait and see all of a change or none of it (TDB2's MR+SW transactions).
 */
public final class Curation {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    private static final int FOCUS_LIMIT = 200;

    /** How much of the heap a bulk load's in-memory copy may take (the rest is TDB2's loader's). */
    private static final double COPY_SHARE_OF_HEAP = 0.4;

    private final Store store;
    private final java.util.function.Supplier<Shacl> shapes;
    private final Iris iris;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReference<ChangeRecord> last = new AtomicReference<>();
    private final UpdatePolicy policy;
    private final SparqlLimits limits;

    public Curation(Store store, Shacl shacl, Iris iris) {
        this(store, () -> shacl, iris);
    }

    /** With shapes still being parsed at start-up: the first write waits for them. */
    public Curation(Store store, java.util.function.Supplier<Shacl> shapes, Iris iris) {
        this(store, shapes, iris, SparqlLimits.DEFAULT);
    }

    /** With the size and nesting limits of SPARQL Update texts (see {@link SparqlLimits}). */
    public Curation(Store store, java.util.function.Supplier<Shacl> shapes, Iris iris, SparqlLimits limits) {
        this.limits = limits;
        this.store = store;
        this.shapes = shapes;
        this.iris = iris;
        this.policy = new UpdatePolicy(iris);
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /**
     * Told of every change once it is committed, with what it added and removed (the source
     * graphs' statements) and the data versions before and after it: what keeps an in-memory
     * copy of the data (the network) in step from the change's delta, without reading the store.
     */
    public interface CommitListener {
        void committed(ChangeRecord record, java.time.Instant before, java.time.Instant after,
                       java.util.Collection<Quad> added, java.util.Collection<Quad> removed);
    }

    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();

    public void addCommitListener(CommitListener listener) {
        commitListeners.add(listener);
    }

    /** A 401 for no token, a 403 for a token whose role is not enough. */
    public static void require(Caller caller, Role needed) {
        if (caller.role().allows(needed)) {
            return;
        }
        if (caller.role() == Role.PUBLIC) {
            throw new Problem(Problem.Kind.UNAUTHORIZED, "token-required", "This needs a " + needed.name().toLowerCase()
                    + " token: send 'Authorization: Bearer TOKEN'.");
        }
        throw new Problem(Problem.Kind.FORBIDDEN, "forbidden", "The token of '" + caller.name() + "' has the role "
                + caller.role().name().toLowerCase() + "; this needs " + needed.name().toLowerCase() + ".");
    }

    public ChangeRecord apply(Caller caller, Change change) {
        authorize(caller, change);
        UpdateRequest update = change instanceof Change.SparqlUpdate u ? parseUpdate(u.request()) : null;
        if (update != null) {
            update = policy.check(update);
        }
        requireWritable(change);
        UpdateRequest checked = update;
        return write(caller, change, rec -> perform(rec, change, checked), false);
    }

    /**
     * Replaces the data with a backup's (see {@code store.Backup#read}, which has verified it), as
     * one change through the same path as every other: an admin's, checked against the shapes
     * unless {@code force} (an admin restoring data that no longer conforms; the change log then
     * says "restore-forced"), recorded in the change log, told to the listeners.
     *
     * <p>What is restored is the data: every source graph and the sources' descriptions in
     * graph/meta become the backup's. History is append-only: the change log and the event stream
     * of this store are kept, and the restore is one more entry in each (with a member for every
     * resource it changed), so a harvester's copy stays true. On a store without history (new or
     * emptied, as in recovering from a lost disk), the backup's change log and event stream are
     * taken over first, so they continue where the backup left them. Derived graphs (network
     * metrics) are not restored: they are computed again for the restored data.
     */
    public ChangeRecord restore(Caller caller, DatasetGraph backup, boolean force) {
        require(caller, Role.ADMIN);
        Change.Restore change = new Change.Restore(backup, force);
        return write(caller, change, rec -> replaceWithBackup(rec, backup), force);
    }

    /**
     * Changes are a curator's; confirming a CoP still accurate is also its owner's (a token scoped
     * to that CoP, see {@link Caller#owns}), and so is a proposal about only their own CoP.
     */
    private static void authorize(Caller caller, Change change) {
        if (change instanceof Change.ConfirmReview c && c.cop().isURI() && caller.owns(c.cop().getURI())) {
            return;
        }
        // An owner may publish a proposal about their own CoP (when the server lets owners edit without review).
        if (change instanceof Change.AcceptProposal a && OwnerScope.covers(caller.scope(), a.added(), a.removed())) {
            return;
        }
        require(caller, Role.CURATOR);
    }

    /** A change that names a maintained graph as the graph it writes is refused before anything runs. */
    private void requireWritable(Change change) {
        Node g = change instanceof Change.ReplaceGraph r ? r.graph()
                : change instanceof Change.ReplaceSourceGraph s ? s.graph()
                : change instanceof Change.AddToGraph a ? a.graph()
                : change instanceof Change.DeleteGraph d ? d.graph() : null;
        if (g != null && g.isURI() && iris.isMaintainedGraph(g.getURI())) {
            throw UpdatePolicy.maintained(g.getURI());
        }
    }

    /**
     * The one write path's transaction: the change is made through a {@link RecordingDatasetGraph};
     * a change that changed nothing is abandoned (the transaction aborts: no change-log entry, no
     * event-stream member, the data version unchanged) and answered as such; otherwise it is
     * checked, recorded and told to the listeners, all in one transaction.
     */
    private ChangeRecord write(Caller caller, Change change, java.util.function.Consumer<RecordingDatasetGraph> make,
            boolean skipShapes) {
        AtomicReference<ChangeRecord> result = new AtomicReference<>();
        AtomicReference<Instant> before = new AtomicReference<>();
        AtomicReference<RecordingDatasetGraph> recorded = new AtomicReference<>();
        WriteTimes times = new WriteTimes(System.nanoTime());
        Instant after;
        try {
            after = store.write(dsg -> {
                times.writer = System.nanoTime();
                // Read inside the write transaction: no other change can come between it and this one.
                before.set(store.lastModified());
                RecordingDatasetGraph rec = new RecordingDatasetGraph(dsg, iris);
                recorded.set(rec);
                make.accept(rec);
                addImpliedTypes(rec);
                checkGraphs(rec, change);
                if (rec.added().isEmpty() && rec.removed().isEmpty()) {
                    throw new NothingChanged();
                }
                Set<Node> resources = resourcesTouched(rec);
                times.made = System.nanoTime();
                if (!skipShapes) {
                    checkShapes(dsg, rec, change instanceof Change.Restore);
                }
                times.checked = System.nanoTime();
                ChangeRecord record = log(dsg, caller, change, rec, resources);
                for (ChangeListener l : listeners) {
                    l.changed(dsg, record, resources);
                }
                result.set(record);
                times.logged = System.nanoTime();
            });
        } catch (NothingChanged e) {
            return ChangeRecord.unchanged(change.operation(), caller.name(), Instant.now());
        }
        times.committed = System.nanoTime();
        last.set(result.get());
        for (CommitListener l : commitListeners) {
            try {
                l.committed(result.get(), before.get(), after, recorded.get().added(), recorded.get().removed());
            } catch (RuntimeException e) {
                // The change is committed: a listener that fails catches up another way (a full read).
                org.slf4j.LoggerFactory.getLogger(Curation.class).warn("A listener missed change {}", result.get().activity(), e);
            }
        }
        times.log(result.get(), System.nanoTime());
        return result.get();
    }

    /**
     * When each step of one write ended (System.nanoTime()), logged once it is done: where a slow
     * write's time went (waiting for the writer, the change itself, the shapes, the change log,
     * TDB2's and the text index's commit, the listeners told after it, such as the network).
     */
    private static final class WriteTimes {
        private final long start;
        private long writer;
        private long made;
        private long checked;
        private long logged;
        private long committed;

        WriteTimes(long start) {
            this.start = start;
        }

        void log(ChangeRecord record, long end) {
            org.slf4j.LoggerFactory.getLogger(Curation.class).info(
                    "Change {} ({} added, {} removed) in {} ms: waited for the writer {}, change {}, shapes {}, change log {},"
                            + " commit {}, after the commit {}",
                    record.activity(), record.added(), record.removed(), ms(end - start), ms(writer - start), ms(made - writer),
                    ms(checked - made), ms(logged - checked), ms(committed - logged), ms(end - committed));
        }

        private static long ms(long nanos) {
            return nanos / 1_000_000;
        }
    }

    /**
     * Minimal input is enough: for every type a change adds, the types the shapes say it implies
     * (a CoP is also org:Organization and foaf:Group, see {@link Shacl#impliedTypes}) are added
     * too, in the same graph, in the same change, unless the data already says so. Every write
     * comes through here: SPARQL Update, the Graph Store Protocol, imports, accepted proposals.
     */
    private void addImpliedTypes(RecordingDatasetGraph rec) {
        Node type = org.apache.jena.vocabulary.RDF.type.asNode();
        List<Quad> typed = rec.added().stream().filter(q -> q.getPredicate().equals(type) && q.getObject().isURI()).toList();
        if (typed.isEmpty()) {
            return;
        }
        Shacl shacl = shapes.get();
        Graph union = rec.base().getUnionGraph();
        for (Quad q : typed) {
            for (Node implied : shacl.impliedTypes(q.getObject())) {
                if (!union.contains(q.getSubject(), type, implied)) {
                    rec.add(Quad.create(q.getGraph(), q.getSubject(), type, implied));
                }
            }
        }
    }

    /** Thrown inside the write transaction to abandon a change that changed nothing. */
    private static final class NothingChanged extends RuntimeException {
        NothingChanged() {
            super("nothing changed", null, false, false);
        }
    }

    private void checkShapes(DatasetGraph dsg, RecordingDatasetGraph rec, boolean whole) {
        Set<Node> focus = whole ? Set.of() : focusNodes(dsg, rec);
        // Checking node by node pays off for small changes; a large one is checked whole.
        Shacl shacl = shapes.get();
        Shacl.Report report = whole || focus.size() > FOCUS_LIMIT ? shacl.check(wholeUnion(dsg))
                : shacl.check(dsg.getUnionGraph(), focus);
        if (!report.conforms()) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "shacl-violation",
                    "The change breaks the data contract (ontology/shapes.ttl); nothing was changed.\n"
                    + (whole ? "An admin who must restore this data anyway can force it (copgraph restore --force,"
                            + " or POST /api/admin/restore?force=true).\n" : "")
                    + report.text());
        }
    }

    /**
     * The data of the store becomes the backup's; the bookkeeping (statement count, modification
     * time) is the store's own and never taken from a backup.
     */
    private void replaceWithBackup(RecordingDatasetGraph rec, DatasetGraph backup) {
        DatasetGraph store = rec.base();
        Node changes = NodeFactory.createURI(iris.changesGraph());
        Node meta = NodeFactory.createURI(iris.metaGraph());
        boolean noHistory = !store.find(changes, Node.ANY, Node.ANY, Node.ANY).hasNext()
                && !store.getDefaultGraph().find().filterDrop(Store::isBookkeeping).hasNext();
        if (noHistory) {
            // Taken over as it was, not recorded as part of the change: it is history, not data.
            backup.find(changes, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(store::add);
            backup.getDefaultGraph().find().filterDrop(Store::isBookkeeping)
                    .forEachRemaining(t -> store.getDefaultGraph().add(t));
        }
        rec.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        rec.deleteAnyInStore(meta, Node.ANY, Node.ANY, Node.ANY);
        var it = backup.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        try {
            it.forEachRemaining(q -> {
                Node g = q.getGraph();
                if (g.isURI() && (g.equals(meta) || !iris.isMaintainedGraph(g.getURI()))) {
                    rec.add(q);
                }
            });
        } finally {
            Iter.close(it);
        }
    }

    /**
     * The bulk variant of the one write path, for an EMPTY embedded store: the files are parsed by
     * the same rules as a normal load (a quad file's statements in named graphs; a triple file's in
     * the graph named after the file; no maintained graph) straight into TDB2's bulk loader
     * (millions of statements would not fit one recorded transaction); then the whole store is
     * checked against the shapes, on every core, and ONE activity goes into the change log. If
     * anything fails after loading began, the store is emptied again, so as with {@link #apply} a
     * refused load leaves nothing behind and the next bulk load can start afresh.
     */
    public BulkLoad bulkLoadIntoEmpty(Caller caller, List<java.nio.file.Path> files, java.io.PrintStream progress) {
        require(caller, Role.CURATOR);
        if (store.isRemote() || !store.isEmpty()) {
            throw new Problem(Problem.Kind.CONFLICT, "bulk-needs-empty-store", "A bulk load needs an empty embedded"
                    + " store; this one " + (store.isRemote() ? "is remote" : "already holds data")
                    + ". Load without --bulk, or give an empty --store DIR.");
        }
        // What can be refused without reading the files is refused before the store is touched.
        RdfFiles.requireKnownFormats(files);
        long t0 = System.nanoTime();
        java.util.concurrent.Future<CheckResult> early = null;
        try {
            AtomicReference<GraphGuard> guard = new AtomicReference<>();
            AtomicReference<UnionCopy> copy = new AtomicReference<>();
            AtomicReference<java.util.concurrent.Future<CheckResult>> started = new AtomicReference<>();
            long loaded = store.bulkLoad(sink -> {
                copy.set(UnionCopy.within(sink, COPY_SHARE_OF_HEAP));
                guard.set(new GraphGuard(copy.get(), iris));
                RdfFiles.stream(files, iris, guard.get());
                // Everything is parsed: the in-memory copy is complete, so it is checked now, on a
                // thread of its own, while TDB2's loader still builds its indexes and the text index
                // (about half the load's time). The result is waited for below, before anything is
                // recorded: a refused check still empties the store.
                if (copy.get().kept()) {
                    started.set(checkInBackground(copy.get()));
                }
            }, progress);
            early = started.get();
            long t1 = System.nanoTime();
            // Minimal input is enough here too: the types the shapes imply, added as a load adds them.
            AtomicLong implied = new AtomicLong();
            store.write(dsg -> {
                Set<Quad> add = shapes.get().impliedTypeStatements(dsg);
                add.forEach(dsg::add);
                implied.set(add.size());
            });
            CheckResult check;
            if (early != null) {
                check = awaitCheck(early);
            } else {
                // Too large to keep in memory: the check reads the store, once it is loaded.
                long c0 = System.nanoTime();
                Shacl.Report report = shapes.get().check(store::readUnion, Runtime.getRuntime().availableProcessors());
                check = new CheckResult(report, (System.nanoTime() - c0) / 1_000_000);
            }
            if (!check.report().conforms()) {
                throw new Problem(Problem.Kind.UNPROCESSABLE, "shacl-violation",
                        "The files break the data contract (ontology/shapes.ttl); nothing was loaded.\n" + check.report().text());
            }
            long t2 = System.nanoTime();
            AtomicReference<ChangeRecord> result = new AtomicReference<>();
            store.write(dsg -> {
                Instant now = Instant.now();
                String activity = iris.resource("change", ID.format(now) + "-" + sequence.incrementAndGet());
                // Resources are not listed one by one: a bulk load touches every one of them.
                ChangeRecord record = new ChangeRecord(activity, "bulk-load", caller.name(), now, loaded + implied.get(), 0,
                        List.copyOf(guard.get().graphs()), List.of());
                new ChangeLog(iris).write(dsg, record);
                for (ChangeListener l : listeners) {
                    l.changed(dsg, record, Set.of());
                }
                result.set(record);
            });
            long t3 = System.nanoTime();
            last.set(result.get());
            return new BulkLoad(result.get(), (t1 - t0) / 1_000_000, check.millis(), (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000);
        } catch (RuntimeException e) {
            if (early != null) {
                early.cancel(true);
            }
            store.clear();
            if (!store.isEmpty()) {
                throw new Problem(Problem.Kind.CONFLICT, "bulk-load-not-undone", e.getMessage()
                        + "\nThe bulk-loaded statements could not all be removed again: delete the store directory"
                        + " before loading again.");
            }
            throw e;
        }
    }

    /**
     * A bulk load's change, and how long (ms) loading took, the SHACL check took (on its own thread,
     * beside the loader's index building when the data fit in memory), what was left of it (with
     * the implied types' write) after loading, and the change-log entry.
     */
    public record BulkLoad(ChangeRecord change, long loadMillis, long checkMillis, long afterLoadMillis, long recordMillis) {
    }

    private record CheckResult(Shacl.Report report, long millis) {
    }

    /**
     * The whole-store check of a bulk load on the in-memory copy, started on its own thread: the
     * copy's indexes, the types the shapes imply (as the store gets them, see
     * {@link Shacl#impliedTypeStatements}), then Jena's validator on every core.
     */
    private java.util.concurrent.Future<CheckResult> checkInBackground(UnionCopy copy) {
        java.util.concurrent.Callable<CheckResult> task = (() -> {
            long c0 = System.nanoTime();
            Graph union = copy.union();
            Shacl shacl = shapes.get();
            shacl.impliedTypeTriples(union).forEach(union::add);
            Shacl.Report report = shacl.check(Shacl.Reader.of(union), Runtime.getRuntime().availableProcessors());
            return new CheckResult(report, (System.nanoTime() - c0) / 1_000_000);
        });
        return org.w3id.copgraph.Background.onThread("bulk-load-check", task);
    }

    private static CheckResult awaitCheck(java.util.concurrent.Future<CheckResult> check) {
        return org.w3id.copgraph.Background.join(check, "checking the shapes");
    }

    /** The union to check whole; a remote one is fetched once rather than asked statement by statement. */
    private Graph wholeUnion(DatasetGraph dsg) {
        if (!store.isRemote()) {
            return dsg.getUnionGraph();
        }
        Graph copy = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        dsg.getUnionGraph().find().forEachRemaining(copy::add);
        return copy;
    }

    /**
     * What the shapes would say of the data if {@code added} were added to it and {@code removed}
     * taken from it (a proposal under review), without changing anything: the union graph seen
     * through an in-memory overlay, checked on the nodes the change touches as a write checks them.
     */
    public Shacl.Report preview(Graph added, Graph removed) {
        Shacl shacl = shapes.get();
        return store.read(dsg -> {
            org.apache.jena.graph.compose.Delta after = new org.apache.jena.graph.compose.Delta(dsg.getUnionGraph());
            removed.find().forEachRemaining(after::delete);
            added.find().forEachRemaining(after::add);
            Set<Node> touched = new LinkedHashSet<>();
            added.find().forEachRemaining(t -> touched.add(t.getSubject()));
            removed.find().forEachRemaining(t -> {
                touched.add(t.getSubject());
                if (!t.getObject().isLiteral()) {
                    touched.add(t.getObject());
                }
            });
            Set<Node> focus = new LinkedHashSet<>(touched);
            for (Node n : touched) {
                after.find(Node.ANY, Node.ANY, n).forEachRemaining(t -> focus.add(t.getSubject()));
            }
            return shacl.check(after, focus);
        });
    }

    /** The most recent change made through this instance, or null. */
    public ChangeRecord lastChange() {
        return last.get();
    }

    private UpdateRequest parseUpdate(String text) {
        try {
            return UpdateFactory.create(limits.check(text, "update"));
        } catch (StackOverflowError e) {
            throw limits.tooDeep("update");
        } catch (QueryParseException e) {
            throw Problem.badRequest("update-syntax", "The update does not parse: " + e.getMessage());
        }
    }

    private void perform(RecordingDatasetGraph rec, Change change, UpdateRequest update) {
        if (change instanceof Change.SparqlUpdate) {
            try {
                // Besides the policy's check: ARQ itself is told to call no SERVICE.
                UpdateExec.dataset(rec).update(update).set(ARQ.httpServiceAllowed, false).execute();
            } catch (UpdateException | org.apache.jena.query.QueryExecException e) {
                throw Problem.badRequest("update-failed", "The update could not be applied: " + e.getMessage());
            }
        } else if (change instanceof Change.ReplaceGraph r) {
            rec.deleteAny(r.graph(), Node.ANY, Node.ANY, Node.ANY);
            r.data().find().forEachRemaining(t -> rec.add(Quad.create(r.graph(), t)));
        } else if (change instanceof Change.ReplaceSourceGraph r) {
            replaceSourceGraph(rec, r);
        } else if (change instanceof Change.AddToGraph a) {
            a.data().find().forEachRemaining(t -> rec.add(Quad.create(a.graph(), t)));
        } else if (change instanceof Change.DeleteGraph d) {
            if (rec.base().getGraph(d.graph()).isEmpty()) {
                throw Problem.notFound("no-such-graph", "There is no graph " + d.graph().getURI() + " to delete.");
            }
            rec.deleteAny(d.graph(), Node.ANY, Node.ANY, Node.ANY);
        } else if (change instanceof Change.ConfirmReview c) {
            confirm(rec, c);
        } else if (change instanceof Change.RemoveCop r) {
            CopRemoval.remove(rec, r.cop(), NodeFactory.createURI(iris.networkMetricsGraph()));
        } else if (change instanceof Change.Import i) {
            List<Node> graphs = new ArrayList<>();
            i.data().listGraphNodes().forEachRemaining(graphs::add);
            if (i.replaceGraphs()) {
                Node meta = NodeFactory.createURI(iris.metaGraph());
                for (Node g : graphs) {
                    if (g.equals(meta)) {
                        continue;
                    }
                    rec.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                    // A source's description in graph/meta is replaced with the source, and only hers.
                    if (i.data().containsGraph(meta)) {
                        rec.deleteAnyInStore(meta, g, Node.ANY, Node.ANY);
                    }
                }
            }
            var it = i.data().find();
            try {
                it.forEachRemaining(rec::add);
            } finally {
                Iter.close(it);
            }
        } else if (change instanceof Change.AcceptProposal a && a.removal() != null) {
            CopRemoval.remove(rec, a.removal().cop(), NodeFactory.createURI(iris.networkMetricsGraph()));
        } else if (change instanceof Change.AcceptProposal a) {
            // Out of whichever source graphs hold it; what is gone already is simply not there to delete.
            a.removed().find().forEachRemaining(t -> rec.deleteAny(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()));
            // What a source graph says already is not said again (a proposal that came true meanwhile changes nothing).
            Graph union = rec.getUnionGraph();
            a.added().find().filterDrop(union::contains).toList().forEach(t -> rec.add(Quad.create(a.graph(), t)));
            if (!rec.added().isEmpty() || !rec.removed().isEmpty()) {
                // Described only when it holds something: a proposal that changes nothing leaves no trace.
                Node meta = NodeFactory.createURI(iris.metaGraph());
                a.description().find().forEachRemaining(t -> rec.add(Quad.create(meta, t)));
            }
            // A curator (or the owner) has just looked at these CoPs' entries: they count as reviewed today
            // (unless the proposal changed nothing: then it leaves no trace at all).
            if (rec.added().isEmpty() && rec.removed().isEmpty()) {
                return;
            }
            Set<Node> subjects = new LinkedHashSet<>();
            a.added().find().forEachRemaining(t -> subjects.add(t.getSubject()));
            a.removed().find().forEachRemaining(t -> subjects.add(t.getSubject()));
            java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
            for (Node s : subjects) {
                if (s.isURI() && isCop(rec, s)) {
                    stampReviewed(rec, s, today);
                }
            }
        }
    }

    /**
     * What replacing the source graph {@code graph} with {@code data} would change, resource by
     * resource, as {@link #apply} of a {@link Change.ReplaceSourceGraph} will change it (for an
     * import's report: how many resources it adds, changes and removes).
     */
    public SourceGraphDiff previewReplace(Node graph, Graph data) {
        Graph incoming = withImpliedTypes(data);
        return store.read(dsg -> SourceGraphDiff.of(dsg.getGraph(graph), incoming));
    }

    private void replaceSourceGraph(RecordingDatasetGraph rec, Change.ReplaceSourceGraph r) {
        Node g = r.graph();
        SourceGraphDiff diff = SourceGraphDiff.of(rec.base().getGraph(g), withImpliedTypes(r.data()));
        diff.removed().forEach(t -> rec.delete(Quad.create(g, t)));
        diff.added().forEach(t -> rec.add(Quad.create(g, t)));
        Node meta = NodeFactory.createURI(iris.metaGraph());
        // The description follows the data: an import that changes nothing leaves no trace at all.
        if (!diff.isEmpty() || !rec.base().contains(meta, g, Node.ANY, Node.ANY)) {
            rec.deleteAnyInStore(meta, g, Node.ANY, Node.ANY);
            r.description().find().forEachRemaining(t -> rec.add(Quad.create(meta, t)));
        }
    }

    /**
     * The data with the types the shapes imply (see {@link #addImpliedTypes}): a replacement is
     * compared with what the graph holds, which has them, so without them every resource would
     * look changed and lose its implied types.
     */
    private Graph withImpliedTypes(Graph data) {
        Shacl shacl = shapes.get();
        Node type = org.apache.jena.vocabulary.RDF.type.asNode();
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        data.find().forEachRemaining(t -> {
            out.add(t);
            if (t.getPredicate().equals(type) && t.getObject().isURI()) {
                shacl.impliedTypes(t.getObject()).forEach(c -> out.add(t.getSubject(), type, c));
            }
        });
        return out;
    }

    private static boolean isCop(RecordingDatasetGraph rec, Node n) {
        return rec.contains(Node.ANY, n, org.apache.jena.vocabulary.RDF.type.asNode(),
                NodeFactory.createURI(org.w3id.copgraph.model.Cop.CommunityOfPractice));
    }

    /**
     * The CoP's {@code cop:lastReviewed} in the reviews graph becomes the date; the graph is
     * described in graph/meta with the first confirmation, as every source graph is.
     */
    private void confirm(RecordingDatasetGraph rec, Change.ConfirmReview c) {
        if (!isCop(rec, c.cop())) {
            throw Problem.notFound("no-such-cop", "There is no CoP " + c.cop().getURI() + " to confirm.");
        }
        stampReviewed(rec, c.cop(), c.date());
    }

    /** The CoP's one {@code cop:lastReviewed} in the reviews graph becomes {@code date}. */
    private void stampReviewed(RecordingDatasetGraph rec, Node cop, java.time.LocalDate date) {
        Node reviews = NodeFactory.createURI(iris.reviewsGraph());
        Node lastReviewed = NodeFactory.createURI(org.w3id.copgraph.model.Cop.lastReviewed);
        rec.deleteAny(reviews, cop, lastReviewed, Node.ANY);
        rec.add(reviews, cop, lastReviewed, NodeFactory.createLiteralDT(date.toString(),
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
        Node meta = NodeFactory.createURI(iris.metaGraph());
        if (!rec.base().contains(meta, reviews, Node.ANY, Node.ANY)) {
            ReviewsGraph.describe(iris, Instant.now(), date).forEach(rec::add);
        }
    }

    private void checkGraphs(RecordingDatasetGraph rec, Change change) {
        for (Set<Quad> set : List.of(rec.added(), rec.removed())) {
            for (Quad q : set) {
                Node g = q.getGraph();
                if (q.isDefaultGraph() || Quad.isUnionGraph(g)) {
                    throw Problem.badRequest("graph-required", "Every statement lives in a named graph that says"
                            + " where it came from: write into GRAPH <" + iris.graph("your-source") + "> { ... }"
                            + " (or ?graph= for the Graph Store Protocol).");
                }
                if (g.isURI() && iris.isMaintainedGraph(g.getURI()) && !describesItsSource(change, q)) {
                    throw UpdatePolicy.maintained(g.getURI());
                }
            }
        }
    }

    /**
     * The one way into graph/meta: a source's description arrives with the source. An upload may
     * write there only statements about the graphs it carries; a load from files at the command
     * line (someone with the store at hand) and a restore may write any description.
     */
    private boolean describesItsSource(Change change, Quad q) {
        if (!q.getGraph().getURI().equals(iris.metaGraph())) {
            return false;
        }
        if (change instanceof Change.Restore) {
            return true;
        }
        if ((change instanceof Change.ConfirmReview || change instanceof Change.AcceptProposal)
                && q.getSubject().isURI() && q.getSubject().getURI().equals(iris.reviewsGraph())) {
            // The reviews graph's own description, written with its first statement.
            return true;
        }
        if (change instanceof Change.AcceptProposal a) {
            return q.getSubject().equals(a.graph());
        }
        if (change instanceof Change.ReplaceSourceGraph r) {
            return q.getSubject().equals(r.graph());
        }
        if (change instanceof Change.Import i) {
            return !i.operation().equals("import") || !q.getSubject().equals(q.getGraph())
                    && i.data().containsGraph(q.getSubject()) && q.getSubject().isURI();
        }
        return false;
    }

    private Set<Node> resourcesTouched(RecordingDatasetGraph rec) {
        Set<Node> out = new LinkedHashSet<>();
        for (Set<Quad> set : List.of(rec.added(), rec.removed())) {
            for (Quad q : set) {
                if (q.getSubject().isURI() && iris.isResource(q.getSubject().getURI())) {
                    out.add(q.getSubject());
                }
            }
        }
        return out;
    }

    /**
     * The nodes whose conformance a change can affect: every subject it added to or removed from,
     * every IRI it removed as an object, and every node pointing at those.
     */
    private static Set<Node> focusNodes(DatasetGraph dsg, RecordingDatasetGraph rec) {
        Set<Node> touched = new LinkedHashSet<>();
        rec.added().forEach(q -> touched.add(q.getSubject()));
        rec.removed().forEach(q -> {
            touched.add(q.getSubject());
            if (!q.getObject().isLiteral()) {
                touched.add(q.getObject());
            }
        });
        Set<Node> focus = new LinkedHashSet<>(touched);
        Graph union = dsg.getUnionGraph();
        for (Node n : touched) {
            union.find(Node.ANY, Node.ANY, n).forEachRemaining(t -> focus.add(t.getSubject()));
        }
        return focus;
    }

    private ChangeRecord log(DatasetGraph dsg, Caller caller, Change change, RecordingDatasetGraph rec, Set<Node> resources) {
        Instant now = Instant.now();
        String activity = iris.resource("change", ID.format(now) + "-" + sequence.incrementAndGet());
        Set<String> graphs = new TreeSet<>();
        rec.added().forEach(q -> graphs.add(q.getGraph().getURI()));
        rec.removed().forEach(q -> graphs.add(q.getGraph().getURI()));
        List<String> res = resources.stream().map(Node::getURI).toList();
        List<ChangeRecord.Credit> credits = change instanceof Change.AcceptProposal a ? a.credits() : List.of();
        ChangeRecord record = new ChangeRecord(activity, change.operation(), caller.name(), now,
                rec.added().size(), rec.removed().size(), List.copyOf(graphs), res, credits);
        new ChangeLog(iris).write(dsg, record);
        Change.RemoveCop removal = change instanceof Change.RemoveCop r ? r
                : change instanceof Change.AcceptProposal a ? a.removal() : null;
        if (removal != null) {
            new ChangeLog(iris).removal(dsg, record, removal.cop(), removal.reason());
        }
        return record;
    }
}
