package org.w3id.copgraph.suggestions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.DerivedGraphDiff;
import org.w3id.copgraph.store.DerivedGraphRefresh;
import org.w3id.copgraph.store.Store;

/**
 * Publishes the best few "could learn from" of every CoP as {@code cop:Suggestion}s in the derived
 * graph {@code {base}graph/suggestions}, with the status {@code cop:Suggested}, so SPARQL, the
 * curated query and the explorer can read them. Kept compact (it must stay small at 10,000 CoPs):
 * {@link #PER_COP} suggestions per CoP, at most {@link #REASONS} reasons each, each reason a short
 * resource. Rewritten after changes like the network metrics; writing it is not a change of the data.
 */
public final class SuggestionsGraph {

    private static final Logger LOG = LoggerFactory.getLogger(SuggestionsGraph.class);
    static final int PER_COP = 3;
    static final int REASONS = 3;
    private static final int VIA = 3;
    private static final int SOURCES = 2;

    private final Store store;
    private final Iris iris;
    private final Suggestions suggestions;
    private final DerivedGraphRefresh refresh;
    private volatile Object published;
    private volatile Runnable onPublished = () -> { };

    public SuggestionsGraph(Store store, Iris iris, Suggestions suggestions) {
        this.store = store;
        this.iris = iris;
        this.suggestions = suggestions;
        this.refresh = new DerivedGraphRefresh("suggestions", store::lastModified, () -> published, this::refreshIfStale);
    }

    public String graphIri() {
        return iris.suggestionsGraph();
    }

    /** Called after each rewrite (the curated answers that read the graph are forgotten). */
    public void onPublished(Runnable r) {
        this.onPublished = r;
    }

    public DerivedGraphRefresh refresh() {
        return refresh;
    }

    public boolean isCurrent() {
        return refresh.isCurrent();
    }

    /** What derives this graph, stated on it (cop:derivedWith); moves on when suggestions are ranked or written differently. */
    static final String METHOD = "suggestions/1";

    /** Whether the stamp of the graph a previous run wrote has been read (once, at the first refresh). */
    private boolean stampRead;

    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

    /** Statements added and removed by every refresh so far (what the store grew by: see DerivedGraphDiff). */
    public long statementsWritten() {
        return written.get();
    }

    /** Recomputes and rewrites the graph if the data changed since it was written; true if it did. */
    public synchronized boolean refreshIfStale() {
        if (!stampRead) {
            // A restart: the graph the last run wrote may be of the data now (see MetricsGraph).
            stampRead = true;
            published = store.derivedVersion(graphIri(), METHOD).orElse(null);
        }
        if (published != null && Objects.equals(store.lastModified(), published)) {
            return false;
        }
        Ranker ranker = suggestions.ranker();
        SuggestionIndex ix = ranker.index();
        Object version = ix.version();
        if (Objects.equals(version, published)) {
            return false;
        }
        long t0 = System.nanoTime();
        List<List<Suggestion>> all = new ArrayList<>(ix.copCount());
        for (int c = 0; c < ix.copCount(); c++) {
            refresh.checkNotStopping();
            all.add(ranker.learnFrom(c, PER_COP, Include.PROPOSED));
        }
        long t1 = System.nanoTime();
        Node graph = uri(graphIri());
        Node now = NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime);
        // Only what changed is written (see DerivedGraphDiff): a suggestion whose content is the
        // same keeps its statements and the time it was first generated.
        DerivedGraphDiff diff = store.writeDerivedDiff(graphIri(), Set.of(Cop.provGeneratedAtTime), refresh::stopping, d -> {
            d.subject(graph, List.of(
                    Triple.create(graph, RDFS.label.asNode(), NodeFactory.createLiteralLang("Suggested connections between CoPs (derived)", "en")),
                    Triple.create(graph, uri(Cop.NS + "dataVersion"), NodeFactory.createLiteralDT(
                            version instanceof Instant i ? i.toString() : Instant.EPOCH.toString(), XSDDatatype.XSDdateTime)),
                    Triple.create(graph, uri(Cop.derivedWith), NodeFactory.createLiteralString(METHOD)),
                    Triple.create(graph, uri(Cop.provGeneratedAtTime), now)));
            for (int c = 0; c < all.size(); c++) {
                List<Suggestion> list = all.get(c);
                for (int r = 0; r < list.size(); r++) {
                    Map<Node, List<Triple>> subjects = new LinkedHashMap<>();
                    write(t -> subjects.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t), ix.copIri(c), list.get(r), r + 1, now);
                    subjects.forEach(d::subject);
                }
            }
        });
        published = version;
        written.addAndGet(diff.added() + diff.removed());
        onPublished.run();
        LOG.info("Suggestions for data version {} published in {} ({} statements added, {} removed; computed in {} ms,"
                + " compared and written in {} ms, {} transaction(s))", version, graphIri(), diff.added(), diff.removed(), (t1 - t0) / 1_000_000,
                (System.nanoTime() - t1) / 1_000_000, diff.transactions());
        return true;
    }

    private void write(Consumer<Triple> g, String target, Suggestion s, int rank, Node now) {
        Node sug = uri(subject(target, s.cop()));
        g.accept(Triple.create(sug, RDF.type.asNode(), uri(Cop.Suggestion)));
        g.accept(Triple.create(sug, uri(Cop.PROV + "agent"), uri(s.cop())));
        g.accept(Triple.create(sug, uri(Cop.target), uri(target)));
        g.accept(Triple.create(sug, uri(Cop.evidenceStatus), uri(Cop.Suggested)));
        g.accept(Triple.create(sug, uri(Cop.score), NodeFactory.createLiteralDT(String.valueOf(s.score()), XSDDatatype.XSDdecimal)));
        g.accept(Triple.create(sug, uri(Cop.rank), NodeFactory.createLiteralDT(String.valueOf(rank), XSDDatatype.XSDinteger)));
        g.accept(Triple.create(sug, uri(Cop.provGeneratedAtTime), now));
        s.couldMove().stream().limit(VIA).forEach(i -> g.accept(Triple.create(sug, uri(Cop.transferred), uri(i.iri()))));
        List<SuggestionReason> reasons = s.reasons();
        for (int i = 0; i < Math.min(REASONS, reasons.size()); i++) {
            SuggestionReason r = reasons.get(i);
            Node reason = uri(sug.getURI() + "/reason/" + (i + 1));
            g.accept(Triple.create(sug, uri(Cop.reason), reason));
            g.accept(Triple.create(reason, RDF.type.asNode(), uri(Cop.SuggestionReason)));
            g.accept(Triple.create(reason, uri(Cop.reasonKind), uri(Cop.NS + r.kind())));
            g.accept(Triple.create(reason, RDFS.comment.asNode(), NodeFactory.createLiteralLang(r.text(), "en")));
            r.via().stream().limit(VIA).forEach(v -> g.accept(Triple.create(reason, uri(Cop.via), uri(v.iri()))));
            r.sources().stream().limit(SOURCES).forEach(src -> g.accept(Triple.create(reason, DCTerms.source.asNode(), uri(src))));
        }
    }

    /** {@code {base}id/suggestion/{target's kind/slug}/from/{agent's kind/slug}}: one per pair, stable across refreshes. */
    private String subject(String target, String agent) {
        return iris.resource("suggestion", tail(target) + "/from/" + tail(agent));
    }

    private String tail(String iri) {
        String path = iris.pathOf(iri);
        return path != null && path.startsWith("/id/") ? path.substring(4) : "x/" + Integer.toHexString(iri.hashCode());
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
