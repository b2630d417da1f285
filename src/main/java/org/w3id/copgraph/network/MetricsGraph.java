package org.w3id.copgraph.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * Publishes the metrics of every CoP projection as RDF in the derived graph
 * {@code {base}graph/network-metrics}, so SPARQL and curated queries can use them. Rewritten
 * whenever the data version differs from the one it was computed for; writing it does not
 * count as a change of the data.
 */
public final class MetricsGraph {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsGraph.class);
    private static final List<Projection> PUBLISHED = List.of(Projection.ALL, Projection.CROSS_POLLINATION,
            Projection.SHARED_MEMBERS, Projection.SHARED_PRACTICES, Projection.SHARED_DOMAINS, Projection.SHARED_EVENTS,
            Projection.ORGANISATIONAL);

    private final Store store;
    private final Iris iris;
    private final Network network;
    private volatile Object published;
    private final org.w3id.copgraph.store.DerivedGraphRefresh refresh;

    public MetricsGraph(Store store, Iris iris, Network network) {
        this.store = store;
        this.iris = iris;
        this.network = network;
        this.refresh = new org.w3id.copgraph.store.DerivedGraphRefresh("network-metrics", network::version, () -> published,
                this::refreshIfStale);
    }

    public String graphIri() {
        return iris.networkMetricsGraph();
    }

    /** Brings the graph up to date in the background (see {@link org.w3id.copgraph.store.DerivedGraphRefresh}). */
    public void refreshInBackground() {
        refresh.refreshInBackground();
    }

    /** Stops refreshing, waiting for a refresh under way, so that the store can be closed. */
    public void close() {
        refresh.close();
    }

    /** Asks a refresh under way to stop, without waiting (see {@link org.w3id.copgraph.store.DerivedGraphRefresh#stop()}). */
    public void stop() {
        refresh.stop();
    }

    /** Like {@link #refreshInBackground()}, a moment from now (after the change that asks commits). */
    public void refreshSoon() {
        refresh.refreshSoon();
    }

    /** Whether the graph is of the current data version. */
    public boolean isCurrent() {
        return refresh.isCurrent();
    }

    /** Recomputes and rewrites the graph if the data changed since it was written; true if it did. */
    public synchronized boolean refreshIfStale() {
        if (!stampRead) {
            // A restart: the graph the last run wrote may be of the data now. Deriving it again
            // (a minute of computing and comparing at 10,000 CoPs) would compete with the first
            // requests and writes for nothing.
            stampRead = true;
            published = store.derivedVersion(graphIri(), METHOD).orElse(null);
        }
        if (published != null && Objects.equals(network.version(), published)) {
            return false;
        }
        Network.Snapshot snapshot = network.awaitSnapshot();
        Object version = snapshot.version();
        if (Objects.equals(version, published)) {
            return false;
        }
        long t0 = System.nanoTime();
        // Every projection's metrics first (small: a record per CoP), then written straight into
        // the store: the statements (a dozen per CoP and projection, 4 million at 50,000 CoPs)
        // are never all held in memory at once.
        Map<Projection, Metrics> computed = new java.util.LinkedHashMap<>();
        for (Projection p : PUBLISHED) {
            refresh.checkNotStopping();
            computed.put(p, network.metrics(snapshot, p, Window.ALWAYS, false));
        }
        long t1 = System.nanoTime();
        var graphNode = NodeFactory.createURI(graphIri());
        var versionLiteral = NodeFactory.createLiteralDT(version instanceof Instant i ? i.toString() : Instant.EPOCH.toString(),
                XSDDatatype.XSDdateTime);
        // Only what changed is written: TDB2 appends every statement written, so rewriting the
        // whole graph (a dozen statements per CoP and projection) on each refresh made the store
        // grow by that much per change, until compacted. Values are rounded (see dbl) so that
        // the jitter of a sampled estimate does not count as a change.
        org.w3id.copgraph.store.DerivedGraphDiff diff = store.writeDerivedDiff(graphIri(), java.util.Set.of(DATA_VERSION), refresh::stopping, d -> {
            d.subject(graphNode, List.of(
                    Triple.create(graphNode, RDFS.label.asNode(), NodeFactory.createLiteralLang("Network metrics of the CoPs (derived)", "en")),
                    Triple.create(graphNode, uri(Cop.NS + "dataVersion"), versionLiteral),
                    Triple.create(graphNode, uri(Cop.derivedWith), NodeFactory.createLiteralString(METHOD)),
                    Triple.create(graphNode, uri("http://www.w3.org/ns/prov#generatedAtTime"),
                            NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime))));
            computed.forEach((p, m) -> write(d::subject, p, m, versionLiteral));
            // Whatever is no longer computed (a CoP removed, a projection emptied) goes (writeDerivedDiff).
        });
        published = version;
        written.addAndGet(diff.added() + diff.removed());
        LOG.info("Network metrics for data version {} published in {} ({} statements added, {} removed; computed in {} ms,"
                + " compared and written in {} ms, {} transaction(s))", version, graphIri(), diff.added(), diff.removed(), (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000, diff.transactions());
        // TDB2 keeps what the write replaced until the store is compacted (store.CompactionSchedule).
        return true;
    }

    /**
     * What derives this graph, stated on it (cop:derivedWith): the revision moves on when the
     * metrics or their statements are computed differently, so that a graph an earlier revision
     * wrote is derived again after an upgrade even if the data did not change.
     */
    static final String METHOD = "network-metrics/1";

    /** Whether the stamp of the graph a previous run wrote has been read (once, at the first refresh). */
    private boolean stampRead;

    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

    /** Statements added and removed by the refreshes since start: what the store grew by. */
    public long statementsWritten() {
        return written.get();
    }

    /** The stamp of each metrics resource: the data version it was computed from (not a change of its own). */
    private static final String DATA_VERSION = Cop.NS + "dataVersion";

    private void write(java.util.function.BiConsumer<org.apache.jena.graph.Node, List<Triple>> out, Projection p, Metrics m,
                       org.apache.jena.graph.Node versionLiteral) {
        Map<String, java.util.List<String>> bridges = new java.util.HashMap<>();
        for (Edge e : m.bridges()) {
            bridges.computeIfAbsent(e.source(), k -> new java.util.ArrayList<>()).add(e.target());
            bridges.computeIfAbsent(e.target(), k -> new java.util.ArrayList<>()).add(e.source());
        }
        var projection = NodeFactory.createLiteralString(p.id());
        m.nodes().forEach((cop, nm) -> {
            var s = uri(subject(p, cop));
            List<Triple> ts = new java.util.ArrayList<>(12);
            java.util.function.Consumer<Triple> g = ts::add;
            g.accept(Triple.create(s, RDF.type.asNode(), uri(Cop.NS + "NetworkMetrics")));
            g.accept(Triple.create(s, uri(Cop.NS + "metricsOf"), uri(cop)));
            g.accept(Triple.create(s, uri(Cop.NS + "projection"), projection));
            g.accept(Triple.create(s, uri(Cop.NS + "dataVersion"), versionLiteral));
            g.accept(Triple.create(s, uri(Cop.NS + "degree"), integer(nm.degree())));
            g.accept(Triple.create(s, uri(Cop.NS + "weightedDegree"), dbl(nm.weightedDegree())));
            g.accept(Triple.create(s, uri(Cop.NS + "betweenness"), dbl(nm.betweenness())));
            g.accept(Triple.create(s, uri(Cop.NS + "closeness"), dbl(nm.closeness())));
            g.accept(Triple.create(s, uri(Cop.NS + "clusteringCoefficient"), dbl(nm.clustering())));
            g.accept(Triple.create(s, uri(Cop.NS + "community"), integer(nm.community())));
            g.accept(Triple.create(s, uri(Cop.NS + "isArticulationPoint"),
                    NodeFactory.createLiteralDT(String.valueOf(nm.articulationPoint()), XSDDatatype.XSDboolean)));
            for (String other : bridges.getOrDefault(cop, List.of())) {
                g.accept(Triple.create(s, uri(Cop.NS + "bridgeTo"), uri(other)));
            }
            out.accept(s, ts);
        });
    }

    /** {@code {base}id/network-metrics/{projection}/{kind}/{slug}} for a CoP under the base, else a hash. */
    private String subject(Projection p, String cop) {
        String path = iris.pathOf(cop);
        String tail = path != null && path.startsWith("/id/") ? path.substring(4) : "x/" + Integer.toHexString(cop.hashCode());
        return iris.resource("network-metrics", p.id() + "/" + tail);
    }

    private static org.apache.jena.graph.Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static org.apache.jena.graph.Node integer(int v) {
        return NodeFactory.createLiteralDT(String.valueOf(v), XSDDatatype.XSDinteger);
    }

    /**
     * Three significant digits: what a reader of centralities can tell apart, and what keeps the
     * sampled estimates' jitter after a small change from rewriting every CoP's statements.
     */
    private static org.apache.jena.graph.Node dbl(double v) {
        double r = Double.isFinite(v) && v != 0 ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue() : v;
        return NodeFactory.createLiteralDT(String.valueOf(r), XSDDatatype.XSDdouble);
    }
}
