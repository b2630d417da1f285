package org.w3id.copgraph.linkeddata;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.AS;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.model.Closures;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.ChangeListener;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * The Linked Data Event Stream of copgraph's resources (LDES and TREE). The one write path tells
 * it of every change inside the change's own transaction; for each resource the change touched
 * whose description differs from its latest version, it appends an immutable member: a version
 * of the resource ({@code dcterms:isVersionOf} it, stamped {@code prov:generatedAtTime}, with a
 * {@code prov:Generation} naming the activity of the change log), carrying a copy of the
 * resource's statements (with their blank-node closure) as they stood after the change. A
 * resource left with no statements gets a tombstone member typed {@code as:Delete}, with the
 * change's {@code cop:removalReason} when it was removed for one (a CoP's removal).
 *
 * <p>Members live in the stored default graph, which the SPARQL union default graph hides, so
 * version copies never show up in queries; backups carry them, so the stream survives a restore.
 * Members are numbered; page {@code k} holds members {@code k*size .. k*size+size-1}, so a full
 * page never changes again.
 *
 * <p>Replaying a member: its statements other than {@code dcterms:isVersionOf},
 * {@code prov:generatedAtTime} and {@code prov:qualifiedGeneration}, with the version IRI read as
 * the resource IRI, are the resource's whole description at that time.
 */
public final class EventStream implements ChangeListener {

    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final Node STATE = uri("urn:copgraph:ldes");
    private static final Node COUNT = uri("urn:copgraph:ldes#count");
    private static final Node LAST_TIME = uri("urn:copgraph:ldes#lastTime");
    private static final Node SEQ = uri("urn:copgraph:ldes#seq");
    private static final Node LATEST = uri("urn:copgraph:ldes#latest");

    private static final Node VERSION_OF = DCTerms.isVersionOf.asNode();
    private static final Node TIME = uri(Cop.provGeneratedAtTime);
    private static final Node GENERATION = uri(Cop.provQualifiedGeneration);
    private static final Node DELETE = AS.Delete.asNode();
    private static final Node REMOVAL_REASON = uri(Cop.removalReason);
    private static final Set<Node> VERSION_METADATA = Set.of(VERSION_OF, TIME, GENERATION);

    private final Store store;
    private final Iris iris;
    private final int pageSize;

    public EventStream(Store store, Iris iris, int pageSize) {
        this.store = store;
        this.iris = iris;
        this.pageSize = pageSize;
    }

    /** The stream's own IRI: a hash IRI of the {@code /ldes} document. */
    public String streamIri() {
        return iris.forPath("/ldes") + "#stream";
    }

    public String memberIri(long n) {
        return iris.forPath("/ldes/member/" + n);
    }

    public int pageSize() {
        return pageSize;
    }

    // ---- writing: inside the change's transaction ----

    @Override
    public void changed(DatasetGraph dsg, ChangeRecord record, Set<Node> resources) {
        Graph sys = dsg.getDefaultGraph();
        Graph union = dsg.getUnionGraph();
        long n = longValue(sys, STATE, COUNT);
        Instant time = record.time();
        Node last = value(sys, STATE, LAST_TIME);
        // Timestamps never go backwards, even if the clock does: clients page by them.
        if (last != null && !time.isAfter(Instant.parse(last.getLiteralLexicalForm()))) {
            time = Instant.parse(last.getLiteralLexicalForm()).plusNanos(1000);
        }
        Node timeNode = NodeFactory.createLiteralDT(time.toString(), XSDDatatype.XSDdateTime);
        Node activity = uri(record.activity());
        long before = n;
        for (Node resource : resources) {
            Graph now = Closures.describe(union, resource);
            Node latest = value(sys, resource, LATEST);
            if (latest == null ? now.isEmpty() : isTombstone(sys, latest) ? now.isEmpty()
                    : versionState(sys, latest, resource).isIsomorphicWith(now)) {
                continue;
            }
            Node v = uri(memberIri(n));
            if (now.isEmpty()) {
                sys.add(v, RDF.type.asNode(), DELETE);
                // A removal says why (the change log's cop:removalReason), so a harvester can tell its users.
                Node reason = value(dsg.getGraph(uri(iris.changesGraph())), activity, REMOVAL_REASON);
                if (reason != null) {
                    sys.add(v, REMOVAL_REASON, reason);
                }
            } else {
                copyOnto(now, resource, v, sys);
            }
            Node generation = uri(v.getURI() + "#generation");
            sys.add(v, VERSION_OF, resource);
            sys.add(v, TIME, timeNode);
            sys.add(v, GENERATION, generation);
            sys.add(generation, RDF.type.asNode(), uri(Cop.provGeneration));
            sys.add(generation, uri(Cop.provActivity), activity);
            sys.add(generation, uri(Cop.provAtTime), timeNode);
            sys.add(v, SEQ, integer(n));
            sys.remove(resource, LATEST, Node.ANY);
            sys.add(resource, LATEST, v);
            n++;
        }
        if (n != before) {
            sys.remove(STATE, COUNT, Node.ANY);
            sys.add(STATE, COUNT, integer(n));
            sys.remove(STATE, LAST_TIME, Node.ANY);
            sys.add(STATE, LAST_TIME, timeNode);
        }
    }

    /** Copies a description onto a version IRI, with blank nodes of its own so no two versions share one. */
    private static void copyOnto(Graph description, Node resource, Node version, Graph sys) {
        Map<Node, Node> fresh = new HashMap<>();
        description.find().forEachRemaining(t -> sys.add(
                map(t.getSubject(), resource, version, fresh), t.getPredicate(), map(t.getObject(), resource, version, fresh)));
    }

    private static Node map(Node n, Node from, Node to, Map<Node, Node> fresh) {
        if (n.isBlank()) {
            return fresh.computeIfAbsent(n, k -> NodeFactory.createBlankNode());
        }
        return n.equals(from) ? to : n;
    }

    /** What a member says about its resource, with the version IRI read as the resource IRI. */
    static Graph versionState(Graph sys, Node version, Node resource) {
        Graph member = Closures.describe(sys, version);
        Graph out = GraphFactory.createDefaultGraph();
        member.find().forEachRemaining(t -> {
            if (t.getSubject().equals(version) && (VERSION_METADATA.contains(t.getPredicate()) || t.getPredicate().equals(SEQ))) {
                return;
            }
            Node s = t.getSubject().equals(version) ? resource : t.getSubject();
            Node o = t.getObject().equals(version) ? resource : t.getObject();
            out.add(s, t.getPredicate(), o);
        });
        return out;
    }

    private static boolean isTombstone(Graph sys, Node version) {
        return sys.contains(version, RDF.type.asNode(), DELETE);
    }

    // ---- reading: the pages ----

    /** How many members the stream holds. */
    public long size() {
        return store.read(d -> longValue(d.getDefaultGraph(), STATE, COUNT));
    }

    /**
     * The resource's description as its newest version that is not a tombstone holds it (what a
     * removed resource said about itself before it was removed); empty when the stream has none.
     */
    public Graph lastDescription(String iri) {
        Node resource = uri(iri);
        return store.read(d -> {
            Graph sys = d.getDefaultGraph();
            Node best = null;
            long bestSeq = -1;
            var it = sys.find(Node.ANY, VERSION_OF, resource);
            try {
                while (it.hasNext()) {
                    Node v = it.next().getSubject();
                    Node seq = value(sys, v, SEQ);
                    long n = seq == null ? -1 : Long.parseLong(seq.getLiteralLexicalForm());
                    if (n > bestSeq && !isTombstone(sys, v)) {
                        best = v;
                        bestSeq = n;
                    }
                }
            } finally {
                Iter.close(it);
            }
            return best == null ? GraphFactory.createDefaultGraph() : versionState(sys, best, resource);
        });
    }

    /** A page of the stream and whether it is full (and so will never change). */
    public record Page(Graph graph, boolean full) {
    }

    /**
     * The root node: the stream's description and a relation to every page, each saying the
     * page and those after it hold members no older than its first member.
     *
     * @param site where the pages are served, e.g. {@code http://localhost:8080} (no final slash)
     */
    public Page root(String site) {
        return store.read(d -> {
            Graph sys = d.getDefaultGraph();
            long count = longValue(sys, STATE, COUNT);
            Graph g = header(site, rootIri(site));
            Node rootNode = uri(rootIri(site));
            g.add(rootNode, RDF.type.asNode(), uri(Cop.treeNode));
            for (long k = 0; k * pageSize < count; k++) {
                relation(g, rootNode, sys, k, site);
            }
            return new Page(g, false);
        });
    }

    /** Page {@code k} (from 0): its members, and a relation to the next page if there is one. */
    public Page page(long k, String site) {
        return store.read(d -> {
            Graph sys = d.getDefaultGraph();
            long count = longValue(sys, STATE, COUNT);
            long pages = Math.max(1, (count + pageSize - 1) / pageSize);
            if (k < 0 || k >= pages) {
                throw Problem.notFound("no-such-page", "The event stream has pages 0 to " + (pages - 1)
                        + "; start from /ldes.");
            }
            String pageIri = pageIri(site, k);
            Graph g = header(site, pageIri);
            Node node = uri(pageIri);
            g.add(node, RDF.type.asNode(), uri(Cop.treeNode));
            g.add(node, DCTerms.isPartOf.asNode(), uri(streamIri()));
            for (long i = k * pageSize; i < Math.min(count, (k + 1) * pageSize); i++) {
                Node v = member(sys, i);
                g.add(uri(streamIri()), uri(Cop.treeMember), v);
                copyMember(sys, v, g);
            }
            if ((k + 1) * pageSize < count) {
                relation(g, node, sys, k + 1, site);
            }
            return new Page(g, (k + 1) * pageSize <= count);
        });
    }

    /** One member on its own, for {@code /ldes/member/{n}}. */
    public Graph member(long n) {
        return store.read(d -> {
            Graph sys = d.getDefaultGraph();
            if (n < 0 || n >= longValue(sys, STATE, COUNT)) {
                throw Problem.notFound("no-such-member", "The event stream has no member " + n + ".");
            }
            Graph g = GraphFactory.createDefaultGraph();
            copyMember(sys, member(sys, n), g);
            return g;
        });
    }

    private Graph header(String site, String view) {
        Graph g = GraphFactory.createDefaultGraph();
        Cop.PREFIXES.forEach((p, ns) -> g.getPrefixMapping().setNsPrefix(p, ns));
        g.getPrefixMapping().setNsPrefix("ldes", Cop.LDES);
        g.getPrefixMapping().setNsPrefix("tree", Cop.TREE);
        g.getPrefixMapping().setNsPrefix("as", AS.getURI());
        Node stream = uri(streamIri());
        g.add(stream, RDF.type.asNode(), uri(Cop.ldesEventStream));
        g.add(stream, uri(Cop.ldesTimestampPath), TIME);
        g.add(stream, uri(Cop.ldesVersionOfPath), VERSION_OF);
        g.add(stream, uri(Cop.ldesVersionDeletePath), RDF.type.asNode());
        g.add(stream, uri(Cop.ldesVersionDeleteObject), DELETE);
        g.add(stream, uri(Cop.treeView), uri(rootIri(site)));
        return g;
    }

    private void relation(Graph g, Node from, Graph sys, long page, String site) {
        Node first = value(sys, member(sys, page * pageSize), TIME);
        Node r = NodeFactory.createBlankNode();
        g.add(from, uri(Cop.treeRelation), r);
        g.add(r, RDF.type.asNode(), uri(Cop.treeGreaterThanOrEqualToRelation));
        g.add(r, uri(Cop.treePath), TIME);
        g.add(r, uri(Cop.treeValue), first);
        g.add(r, uri(Cop.treeNodeLink), uri(pageIri(site, page)));
    }

    private static void copyMember(Graph sys, Node v, Graph out) {
        Closures.describe(sys, v).find().forEachRemaining(t -> {
            if (!t.getPredicate().equals(SEQ)) {
                out.add(t);
            }
        });
        Closures.describe(sys, uri(v.getURI() + "#generation")).find().forEachRemaining(out::add);
    }

    private static Node member(Graph sys, long n) {
        var it = sys.find(Node.ANY, SEQ, integer(n));
        try {
            if (!it.hasNext()) {
                throw new IllegalStateException("The event stream lacks member " + n);
            }
            return it.next().getSubject();
        } finally {
            Iter.close(it);
        }
    }

    private static String rootIri(String site) {
        return site + "/ldes";
    }

    private static String pageIri(String site, long k) {
        return site + "/ldes/" + k;
    }

    private static Node value(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            Iter.close(it);
        }
    }

    private static long longValue(Graph g, Node s, Node p) {
        Node v = value(g, s, p);
        return v == null ? 0 : Long.parseLong(v.getLiteralLexicalForm());
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
