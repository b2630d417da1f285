package org.w3id.copgraph.linkeddata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.view.Link;

/**
 * The VoID and DCAT description of the dataset at {@code /.well-known/void}: the catalog, the
 * dataset with its statistics (triples, distinct subjects and objects, class and property
 * partitions), one distribution per dump with its media type and byte size, and the SPARQL
 * endpoint, fragments and event stream as data services. Computed once per data version.
 *
 * <p>Names and locations, as in the event stream: what is named (this description, the dataset,
 * its distributions and services, the stream {@code {base}ldes#stream}) has a canonical IRI under
 * the base; where a thing is fetched (endpoint, download and landing URLs) is under the public
 * URL, so the {@code /ldes} named as the stream service's endpoint is the stream's own
 * {@code tree:view}.
 */
public final class DatasetDescription {

    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    private static final long STATS_TIMEOUT_MILLIS = 600_000;

    private static final Query TOTALS = QueryFactory.create("""
            SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects)
                   (COUNT(DISTINCT ?p) AS ?properties)
            WHERE { ?s ?p ?o }""");
    private static final Query PROPERTIES = QueryFactory.create(
            "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p");
    private static final Query CLASSES = QueryFactory.create(
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c");

    private final Store store;
    private final Iris iris;
    private final java.util.function.Supplier<PublicUrl> publicUrl;
    private final Dumps dumps;
    private final AtomicReference<Cached> cache = new AtomicReference<>();
    private final AtomicReference<CachedSources> sourcesCache = new AtomicReference<>();

    private static final Query SOURCES = QueryFactory.create("""
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?g (SAMPLE(?t) AS ?title) (SAMPLE(?u) AS ?url) (SAMPLE(?l) AS ?licence) WHERE {
              GRAPH ?meta { ?g a cop:SourceGraph . OPTIONAL { ?g dcterms:title ?t } OPTIONAL { ?g dcterms:source ?u }
                            OPTIONAL { ?g dcterms:license ?l } }
            } GROUP BY ?g""");
    /** What VoID/DCAT says of each source graph: its title, origin, licence and attribution (as graph/meta has them). */
    private static final Query SUBSETS = QueryFactory.create("""
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX cc: <http://creativecommons.org/ns#>
            SELECT ?g ?p ?o WHERE {
              GRAPH ?meta { ?g a cop:SourceGraph ; ?p ?o
                FILTER(?p IN (dcterms:title, dcterms:source, dcterms:license, dcterms:rightsHolder, cc:attributionName,
                              cc:attributionURL, dcterms:bibliographicCitation)) }
            }""");
    private static final Query GRAPH_SIZES = QueryFactory.create(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");

    public DatasetDescription(Store store, Iris iris, java.util.function.Supplier<PublicUrl> publicUrl, Dumps dumps) {
        this.store = store;
        this.iris = iris;
        this.publicUrl = publicUrl;
        this.dumps = dumps;
    }

    /** The description's own IRI; the dataset, catalog and distributions are hash IRIs of it. */
    public String documentIri() {
        return iris.forPath("/.well-known/void");
    }

    public String datasetIri() {
        return documentIri() + "#dataset";
    }

    /** The description of the current data (the dumps are written first, for their sizes). */
    public Graph describe() {
        Instant version = store.lastModified();
        PublicUrl at = publicUrl.get();
        Cached c = cache.get();
        if (c != null && Objects.equals(c.version, version) && c.at.equals(at)) {
            return c.graph;
        }
        Graph g = build(version, at);
        cache.set(new Cached(version, at, g));
        return g;
    }

    /** The description as a person reads it (the page of {@code /.well-known/void} and {@code /dumps/}). */
    public DatasetView view() {
        return DatasetView.of(describe(), sources(), iris, datasetIri(), publicUrl.get().site());
    }

    /** Every source graph with its title, original, licence and statements, as graph/meta describes them. */
    public List<DatasetView.SourceEntry> sources() {
        Instant version = store.lastModified();
        CachedSources c = sourcesCache.get();
        if (c != null && Objects.equals(c.version, version)) {
            return c.sources;
        }
        Map<String, Long> sizes = new HashMap<>();
        store.query(GRAPH_SIZES, BindingFactory.empty(), STATS_TIMEOUT_MILLIS, exec -> {
            exec.select().forEachRemaining(b -> sizes.put(b.get("g").getURI(), Long.parseLong(b.get("n").getLiteralLexicalForm())));
            return null;
        });
        List<DatasetView.SourceEntry> out = new ArrayList<>();
        store.query(SOURCES, BindingFactory.binding(Var.alloc("meta"), uri(iris.metaGraph())), STATS_TIMEOUT_MILLIS, exec -> {
            exec.select().forEachRemaining(b -> {
                String g = b.get("g").getURI();
                Node title = b.get("title");
                Node url = b.get("url");
                Node licence = b.get("licence");
                String path = iris.pathOf(g);
                out.add(new DatasetView.SourceEntry(Link.to(path != null ? path : g, title != null ? title.getLiteralLexicalForm() : Labels.localName(g)),
                        url != null && url.isURI() ? url.getURI() : null,
                        licence != null && licence.isURI() ? DatasetView.licenceLink(licence.getURI()) : null, sizes.getOrDefault(g, 0L)));
            });
            return null;
        });
        out.sort(Comparator.comparing(e -> e.graph().text(), String.CASE_INSENSITIVE_ORDER));
        List<DatasetView.SourceEntry> sources = List.copyOf(out);
        sourcesCache.set(new CachedSources(version, sources));
        return sources;
    }

    /** The data version the description is of (for ETag and Last-Modified). */
    public Instant version() {
        return store.lastModified();
    }

    private Graph build(Instant version, PublicUrl at) {
        Graph g = GraphFactory.createDefaultGraph();
        Cop.PREFIXES.forEach((p, ns) -> g.getPrefixMapping().setNsPrefix(p, ns));
        g.getPrefixMapping().setNsPrefix("hydra", Cop.HYDRA);
        g.getPrefixMapping().setNsPrefix("ldes", Cop.LDES);
        Node doc = uri(documentIri());
        Node catalog = uri(documentIri() + "#catalog");
        Node dataset = uri(datasetIri());
        Node publisher = uri(iris.resource("agent", "copgraph-curators"));
        Node license = uri(LICENSE);
        Node modified = version == null ? null : NodeFactory.createLiteralDT(version.toString(), XSDDatatype.XSDdateTime);

        g.add(doc, RDF.type.asNode(), VOID.DatasetDescription.asNode());
        g.add(doc, DCTerms.title.asNode(), text("VoID and DCAT description of copgraph"));
        g.add(doc, uri(Cop.foafPrimaryTopic), dataset);

        g.add(catalog, RDF.type.asNode(), DCAT.Catalog.asNode());
        g.add(catalog, DCTerms.title.asNode(), text("copgraph"));
        g.add(catalog, DCTerms.publisher.asNode(), publisher);
        g.add(catalog, DCTerms.license.asNode(), license);
        g.add(catalog, DCAT.dataset.asNode(), dataset);
        g.add(catalog, DCAT.service.asNode(), uri(documentIri() + "#sparql"));
        g.add(catalog, DCAT.service.asNode(), uri(documentIri() + "#fragments"));
        g.add(catalog, DCAT.service.asNode(), uri(documentIri() + "#ldes"));

        g.add(dataset, RDF.type.asNode(), VOID.Dataset.asNode());
        g.add(dataset, RDF.type.asNode(), DCAT.Dataset.asNode());
        g.add(dataset, DCTerms.title.asNode(), text("copgraph: a knowledge graph of Communities of Practice"));
        g.add(dataset, DCTerms.description.asNode(), text("Communities of practice, their domains, members, practices"
                + " and cross-pollinations, each statement in a named graph for the source it came from."));
        g.add(dataset, DCTerms.license.asNode(), license);
        g.add(dataset, DCTerms.publisher.asNode(), publisher);
        if (modified != null) {
            g.add(dataset, DCTerms.modified.asNode(), modified);
        }
        g.add(dataset, DCAT.landingPage.asNode(), uri(at.of("/")));
        g.add(dataset, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(iris.forPath("/id/")));
        g.add(dataset, VOID.vocabulary.asNode(), uri(Cop.NS));
        g.add(dataset, VOID.sparqlEndpoint.asNode(), uri(at.of("/sparql")));
        g.add(dataset, RDFS.seeAlso.asNode(), uri(iris.forPath("/ldes") + "#stream"));
        statistics(g, dataset);
        subsets(g, dataset);
        for (DumpFormat f : DumpFormat.values()) {
            distribution(g, dataset, f, license, modified, at);
        }
        service(g, at, "#sparql", "/sparql", "SPARQL 1.1 endpoint; the default graph is the union of the named graphs",
                "https://www.w3.org/TR/sparql11-protocol/", dataset);
        service(g, at, "#fragments", "/fragments", "Triple Pattern Fragments (Hydra), for Linked Data Fragments clients",
                "https://linkeddatafragments.org/specification/triple-pattern-fragments/", dataset);
        service(g, at, "#ldes", "/ldes", "Linked Data Event Stream of every change, for incremental harvesting",
                "https://w3id.org/ldes/specification", dataset);
        return g;
    }

    /**
     * Each source graph as a {@code void:subset} of the dataset with its own licence and
     * attribution: imported sources (CC BY data, say) must be credited wherever copgraph
     * describes what it publishes.
     */
    private void subsets(Graph g, Node dataset) {
        g.getPrefixMapping().setNsPrefix("cc", "http://creativecommons.org/ns#");
        store.query(SUBSETS, BindingFactory.binding(Var.alloc("meta"), uri(iris.metaGraph())), STATS_TIMEOUT_MILLIS, exec -> {
            exec.select().forEachRemaining(b -> {
                Node source = b.get("g");
                if (g.contains(dataset, VOID.subset.asNode(), source)) {
                    g.add(source, b.get("p"), b.get("o"));
                    return;
                }
                g.add(dataset, VOID.subset.asNode(), source);
                g.add(source, RDF.type.asNode(), VOID.Dataset.asNode());
                g.add(source, RDF.type.asNode(), DCAT.Dataset.asNode());
                g.add(source, b.get("p"), b.get("o"));
            });
            return null;
        });
    }

    private void statistics(Graph g, Node dataset) {
        store.read(d -> {
            store.query(TOTALS, BindingFactory.empty(), STATS_TIMEOUT_MILLIS, exec -> {
                exec.select().forEachRemaining(b -> {
                    g.add(dataset, VOID.triples.asNode(), b.get("triples"));
                    g.add(dataset, VOID.distinctSubjects.asNode(), b.get("subjects"));
                    g.add(dataset, VOID.distinctObjects.asNode(), b.get("objects"));
                    g.add(dataset, VOID.properties.asNode(), b.get("properties"));
                });
                return null;
            });
            long[] classes = {0};
            store.query(CLASSES, BindingFactory.empty(), STATS_TIMEOUT_MILLIS, exec -> {
                exec.select().forEachRemaining(b -> {
                    Node part = NodeFactory.createBlankNode();
                    g.add(dataset, VOID.classPartition.asNode(), part);
                    g.add(part, VOID._class.asNode(), b.get("c"));
                    g.add(part, VOID.entities.asNode(), b.get("n"));
                    classes[0]++;
                });
                return null;
            });
            g.add(dataset, VOID.classes.asNode(), NodeFactory.createLiteralDT(Long.toString(classes[0]), XSDDatatype.XSDinteger));
            store.query(PROPERTIES, BindingFactory.empty(), STATS_TIMEOUT_MILLIS, exec -> {
                exec.select().forEachRemaining(b -> {
                    Node part = NodeFactory.createBlankNode();
                    g.add(dataset, VOID.propertyPartition.asNode(), part);
                    g.add(part, VOID.property.asNode(), b.get("p"));
                    g.add(part, VOID.triples.asNode(), b.get("n"));
                });
                return null;
            });
            return null;
        });
    }

    private void distribution(Graph g, Node dataset, DumpFormat f, Node license, Node modified, PublicUrl at) {
        Dumps.DumpFile file = dumps.file(f);
        Node download = uri(at.of("/dumps/" + f.fileName));
        Node dist = uri(documentIri() + "#dump-" + f.shortName);
        g.add(dataset, VOID.dataDump.asNode(), download);
        g.add(dataset, DCAT.distribution.asNode(), dist);
        g.add(dist, RDF.type.asNode(), DCAT.Distribution.asNode());
        g.add(dist, DCTerms.title.asNode(), text(switch (f) {
            case NT -> "N-Triples dump of the union of all graphs (gzip)";
            case TTL -> "Turtle dump of the union of all graphs";
            case JSONLD -> "JSON-LD dump of the union of all graphs";
            case NQ -> "N-Quads dump with every named graph (gzip)";
        }));
        g.add(dist, DCAT.downloadURL.asNode(), download);
        g.add(dist, DCAT.accessURL.asNode(), download);
        g.add(dist, DCAT.mediaType.asNode(), uri(IANA + f.mediaType));
        if (f.gzip) {
            g.add(dist, DCAT.compressFormat.asNode(), uri(IANA + "application/gzip"));
        }
        g.add(dist, DCAT.byteSize.asNode(), NodeFactory.createLiteralDT(Long.toString(file.size()), XSDDatatype.XSDnonNegativeInteger));
        g.add(dist, DCTerms.license.asNode(), license);
        if (modified != null) {
            g.add(dist, DCTerms.modified.asNode(), modified);
        }
    }

    private void service(Graph g, PublicUrl at, String fragment, String path, String title, String conformsTo, Node dataset) {
        Node s = uri(documentIri() + fragment);
        g.add(s, RDF.type.asNode(), DCAT.DataService.asNode());
        g.add(s, DCTerms.title.asNode(), text(title));
        g.add(s, DCAT.endpointURL.asNode(), uri(at.of(path)));
        g.add(s, DCTerms.conformsTo.asNode(), uri(conformsTo));
        g.add(s, DCAT.servesDataset.asNode(), dataset);
        g.add(s, DCTerms.license.asNode(), uri(LICENSE));
    }

    private static Node text(String s) {
        return NodeFactory.createLiteralLang(s, "en");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private record Cached(Instant version, PublicUrl at, Graph graph) {
    }

    private record CachedSources(Instant version, List<DatasetView.SourceEntry> sources) {
    }
}
