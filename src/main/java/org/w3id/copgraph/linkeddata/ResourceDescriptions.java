package org.w3id.copgraph.linkeddata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedCache;

/**
 * The linked-data view of one resource: {@link #describe(String, int)} gives what the store
 * says about an IRI, for the pages and the RDF documents at {@code /id/...}. A handful of
 * queries, each with the resource bound (so each is an index lookup, never a scan), and a
 * cache that lives as long as the data version.
 */
public final class ResourceDescriptions {

    public static final int INVERSE_PAGE_SIZE = 50;

    private static final Query OUT = QueryFactory.create("""
            SELECT ?g ?x ?p ?o WHERE {
              { GRAPH ?g { ?s ?p ?o } BIND(?s AS ?x) }
              UNION
              { GRAPH ?g { ?s ?q ?x . FILTER(isBlank(?x)) ?x ?p ?o } }
            }
            """);
    private static final Query INVERSE_COUNTS = QueryFactory.create("""
            SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?x ?p ?o } } GROUP BY ?p
            """);
    private static final Query INVERSE_PAGE = QueryFactory.create("""
            SELECT ?x ?g WHERE { GRAPH ?g { ?x ?p ?o } } ORDER BY ?x ?g
            """);
    private static final Query SOURCES = QueryFactory.create("""
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?g ?title ?url WHERE {
              GRAPH ?meta {
                ?g dcterms:title ?title
                # A graph may be derived from its web page and from the curators' notes too: the link is the page (its dcterms:source).
                OPTIONAL { ?g prov:wasDerivedFrom ?url FILTER NOT EXISTS { ?g dcterms:source ?src FILTER(?src != ?url) } }
              }
            }
            """);
    private static final Var S = Var.alloc("s");
    private static final Var O = Var.alloc("o");
    private static final Var P = Var.alloc("p");
    private static final Var G = Var.alloc("g");
    private static final Var META = Var.alloc("meta");

    private final Store store;
    private final Iris iris;
    private final long timeoutMillis;
    private final VersionedCache<Key, Description> cache;

    public ResourceDescriptions(Store store, Iris iris, long timeoutMillis) {
        this.store = store;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.cache = VersionedCache.of(store, Caffeine.newBuilder().maximumSize(20_000).expireAfterAccess(Duration.ofMinutes(30)));
    }

    public Iris iris() {
        return iris;
    }

    /**
     * What the store says about {@code iri}, with page {@code inversePage} (from 1) of the
     * statements pointing at it. A 404 {@link Problem} when the store says nothing about it.
     */
    public Description describe(String iri, int inversePage) {
        if (inversePage < 1) {
            throw Problem.badRequest("bad-parameter", "Parameter 'inverse-page' must be 1 or more; got " + inversePage + ".");
        }
        Description d = cache.get(new Key(iri, inversePage), k -> load(k.iri, k.page));
        if (d.statements().isEmpty() && d.inverse().isEmpty()) {
            throw Problem.notFound("unknown-resource", "The graph says nothing about <" + iri + ">. "
                    + "Check the spelling of the path; the sitemap /sitemap.xml lists every resource.");
        }
        return d;
    }

    private Description load(String iri, int page) {
        Node node = NodeFactory.createURI(iri);
        List<Quad> statements = new ArrayList<>();
        store.query(OUT, BindingFactory.binding(S, node), timeoutMillis, exec -> {
            exec.select().forEachRemaining(b -> statements.add(Quad.create(b.get("g"), b.get("x"), b.get("p"), b.get("o"))));
            return null;
        });
        List<Description.InverseGroup> inverse = inverse(node, page);

        Set<String> mentioned = new LinkedHashSet<>();
        Set<String> graphs = new LinkedHashSet<>();
        for (Quad q : statements) {
            graphs.add(q.getGraph().getURI());
            mentioned.add(q.getPredicate().getURI());
            if (q.getObject().isURI()) {
                mentioned.add(q.getObject().getURI());
            }
        }
        for (Description.InverseGroup group : inverse) {
            mentioned.add(group.predicate().getURI());
            for (Description.Link l : group.links()) {
                graphs.add(l.graph().getURI());
                if (l.subject().isURI()) {
                    mentioned.add(l.subject().getURI());
                }
            }
        }
        mentioned.add(iri);
        return new Description(iri, List.copyOf(statements), inverse, page, INVERSE_PAGE_SIZE,
                Labels.allOf(store, mentioned, timeoutMillis), sources(graphs));
    }

    private List<Description.InverseGroup> inverse(Node node, int page) {
        Map<Node, Long> counts = new HashMap<>();
        store.query(INVERSE_COUNTS, BindingFactory.binding(O, node), timeoutMillis, exec -> {
            exec.select().forEachRemaining(b -> counts.put(b.get("p"), Long.parseLong(b.get("n").getLiteralLexicalForm())));
            return null;
        });
        List<Description.InverseGroup> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            Query q = INVERSE_PAGE.cloneQuery();
            q.setLimit(INVERSE_PAGE_SIZE);
            q.setOffset((long) (page - 1) * INVERSE_PAGE_SIZE);
            List<Description.Link> links = new ArrayList<>();
            store.query(q, BindingFactory.binding(BindingFactory.binding(O, node), P, e.getKey()), timeoutMillis, exec -> {
                exec.select().forEachRemaining(b -> links.add(new Description.Link(b.get("x"), b.get("g"))));
                return null;
            });
            out.add(new Description.InverseGroup(e.getKey(), e.getValue(), List.copyOf(links)));
        }
        out.sort((a, b) -> a.predicate().getURI().compareTo(b.predicate().getURI()));
        return List.copyOf(out);
    }

    /** Title and original URL of each graph, from {@code graph/meta}; a graph it does not describe gets its slug. */
    private Map<String, Description.Source> sources(Set<String> graphs) {
        Map<String, Description.Source> out = new HashMap<>();
        if (graphs.isEmpty()) {
            return out;
        }
        List<Binding> rows = new ArrayList<>();
        for (String g : graphs) {
            rows.add(BindingFactory.binding(G, NodeFactory.createURI(g)));
        }
        Query q = SOURCES.cloneQuery();
        q.setValuesDataBlock(List.of(G), rows);
        store.query(q, BindingFactory.binding(META, NodeFactory.createURI(iris.metaGraph())), timeoutMillis, exec -> {
            exec.select().forEachRemaining(b -> {
                String g = b.get("g").getURI();
                Node url = b.get("url");
                Description.Source prev = out.get(g);
                if (prev == null || prev.url() == null && url != null) {
                    out.put(g, new Description.Source(g, b.get("title").getLiteralLexicalForm(),
                            url != null && url.isURI() ? url.getURI() : null));
                }
            });
            return null;
        });
        for (String g : graphs) {
            out.computeIfAbsent(g, k -> new Description.Source(k, Labels.localName(k), null));
        }
        return Map.copyOf(out);
    }

    private record Key(String iri, int page) {
    }
}
