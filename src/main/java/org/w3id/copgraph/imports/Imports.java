package org.w3id.copgraph.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.Curation;
import org.w3id.copgraph.curation.SourceGraphDiff;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * Imports through a mapping (see {@link Mapping}, docs/imports.md): a JSON or GeoJSON document
 * becomes the whole content of one source graph, written through the one write path as one
 * {@link Change.ReplaceSourceGraph}, so the SHACL shapes, the change log and the event stream
 * treat it as every other write. An import that breaks the shapes is refused whole (422, with the
 * violations); nothing is half-imported.
 */
public final class Imports {

    /** The largest document an import reads (the body, or a file). */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    /** The mapping used for a GeoJSON document when none is named. */
    public static final String GEOJSON = "geojson";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CC = "http://creativecommons.org/ns#";

    private final Store store;
    private final Curation curation;
    private final Iris iris;
    private final Mappings mappings;

    public Imports(Store store, Curation curation, Iris iris, Mappings mappings) {
        this.store = store;
        this.curation = curation;
        this.iris = iris;
        this.mappings = mappings;
    }

    public Mappings mappings() {
        return mappings;
    }

    /**
     * Imports {@code body} with the mapping {@code mappingName} (null: the GeoJSON mapping, for a
     * GeoJSON FeatureCollection) into {@code graphIri} (null: the mapping's graph). {@code file}
     * is where the document came from, when a file (its side files may lie beside it); {@code
     * source} overrides the mapping's title, URL, licence and attribution where not null.
     */
    public ImportReport run(Caller caller, String mappingName, byte[] body, String graphIri, Path file,
                            Mapping.Source source, IntConsumer progress) {
        Curation.require(caller, org.w3id.copgraph.curation.Role.CURATOR);
        if (body.length > MAX_BYTES) {
            throw new Problem(Problem.Kind.PAYLOAD_TOO_LARGE, "import-too-large", "An import reads at most "
                    + MAX_BYTES / (1024 * 1024) + " MB; split the document.");
        }
        JsonNode document = parse(body);
        Mapping mapping = mappingName != null ? mappings.get(mappingName) : guess(document);
        Node graph = graph(mapping, graphIri, file);
        Map<String, String> earlier = new HashMap<>();
        Set<String> used = new HashSet<>();
        boolean exists = store.read(dsg -> {
            dsg.getGraph(graph).find(Node.ANY, DCTerms.identifier.asNode(), Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getObject().isLiteral()) {
                    earlier.put(t.getObject().getLiteralLexicalForm(), t.getSubject().getURI());
                }
            });
            dsg.getUnionGraph().find().forEachRemaining(t -> {
                if (t.getSubject().isURI()) {
                    used.add(t.getSubject().getURI());
                }
            });
            return !dsg.getGraph(graph).isEmpty();
        });
        RecordMapper mapper = new RecordMapper(mapping, iris, earlier, used::contains, rel -> mappings.sideFile(rel, file));
        RecordMapper.Result mapped = mapper.map(document, progress);
        if (mapped.records() == 0) {
            throw Problem.badRequest("empty-import", "No record of the document could be imported with the mapping '"
                    + mapping.name() + "'. " + String.join(" ", mapped.warnings().stream().limit(5).toList()));
        }
        Graph description = describe(graph, mapping, mapping.source().with(source));
        SourceGraphDiff diff = curation.previewReplace(graph, mapped.data());
        ChangeRecord r = curation.apply(caller, new Change.ReplaceSourceGraph(graph, mapped.data(), description));
        return new ImportReport(graph.getURI(), mapping.name(), !exists, mapped.records(), diff.addedResources().size(),
                diff.changedResources().size(), diff.removedResources().size(), r.added(), r.removed(), r.activity(),
                mapped.warnings());
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw Problem.badRequest("empty-import", "The document is empty: send a JSON or GeoJSON document.");
            }
            return n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw Problem.badRequest("malformed-json", "The document is not well-formed JSON"
                    + (loc != null ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "")
                    + ": " + e.getOriginalMessage() + ".");
        } catch (java.io.IOException e) {
            throw Problem.badRequest("malformed-json", "The document could not be read as JSON.");
        }
    }

    /** No mapping named: a GeoJSON FeatureCollection takes the GeoJSON mapping; anything else must name one. */
    private Mapping guess(JsonNode document) {
        if ("FeatureCollection".equals(document.path("type").asText())) {
            return mappings.get(GEOJSON);
        }
        throw Problem.badRequest("mapping-required", "Say which mapping reads this document: ?mapping=NAME (or --mapping"
                + " NAME). The mappings are: " + String.join(", ", mappings.names()) + ". Only a GeoJSON FeatureCollection"
                + " imports without one.");
    }

    private Node graph(Mapping mapping, String graphIri, Path file) {
        String g = graphIri;
        if (g == null && mapping.graph() != null) {
            g = mapping.graph().replace("{base}", iris.base());
        }
        if (g == null && file != null) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            g = iris.graph(Iris.slug(name));
        }
        if (g == null) {
            throw Problem.badRequest("graph-required", "Say which source graph the import replaces: ?graph=IRI (or --graph"
                    + " IRI), e.g. " + iris.graph("your-source") + "; the mapping '" + mapping.name() + "' names none.");
        }
        if (!IRIs.check(g) || !IRIs.reference(g).isAbsolute()) {
            throw Problem.badRequest("bad-parameter", "The graph must be an absolute IRI; got '" + g + "'.");
        }
        if (iris.isMaintainedGraph(g) || g.equals(iris.reviewsGraph())) {
            throw Problem.badRequest("maintained-graph", "The graph " + g + " is kept by copgraph itself; import into a"
                    + " source graph of your own, e.g. " + iris.graph("your-source") + ".");
        }
        return NodeFactory.createURI(g);
    }

    /**
     * The source graph's description for graph/meta, as data/*.trig describe theirs (see
     * data/README.md), with its licence ({@code dcterms:license}), attribution
     * ({@code cc:attributionName}, {@code cc:attributionURL}) and rights holder, so VoID/DCAT and
     * the dumps carry them.
     */
    private Graph describe(Node graph, Mapping mapping, Mapping.Source s) {
        Graph d = GraphFactory.createDefaultGraph();
        Node type = RDF.type.asNode();
        d.add(graph, type, uri(Cop.SourceGraph));
        d.add(graph, type, uri(Cop.PREFIXES.get("prov") + "Entity"));
        d.add(graph, type, uri(Cop.PREFIXES.get("dcat") + "Dataset"));
        d.add(graph, RDFS.label.asNode(), NodeFactory.createLiteralLang("Source graph: " + s.title(), "en"));
        d.add(graph, DCTerms.title.asNode(), NodeFactory.createLiteralString(s.title()));
        String url = s.url() != null && IRIs.check(s.url()) ? s.url() : graph.getURI();
        for (String p : new String[] {DCTerms.source.getURI(), Cop.PREFIXES.get("prov") + "hadPrimarySource",
                Cop.PREFIXES.get("prov") + "wasDerivedFrom"}) {
            d.add(graph, uri(p), uri(url));
        }
        d.add(graph, uri(Cop.PREFIXES.get("prov") + "wasAttributedTo"), uri(iris.resource("agent", "copgraph-curators")));
        d.add(graph, uri(Cop.PREFIXES.get("prov") + "generatedAtTime"),
                NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime));
        String retrieved = s.retrievedOn() != null && XSDDatatype.XSDdate.isValid(s.retrievedOn()) ? s.retrievedOn()
                : LocalDate.now(ZoneOffset.UTC).toString();
        d.add(graph, uri(Cop.NS + "retrievedOn"), NodeFactory.createLiteralDT(retrieved, XSDDatatype.XSDdate));
        if (s.license() != null && IRIs.check(s.license())) {
            d.add(graph, DCTerms.license.asNode(), uri(s.license()));
        }
        if (s.attribution() != null) {
            d.add(graph, uri(CC + "attributionName"), NodeFactory.createLiteralString(s.attribution()));
            d.add(graph, DCTerms.bibliographicCitation.asNode(), NodeFactory.createLiteralString(s.attribution()));
        }
        if (s.attributionUrl() != null && IRIs.check(s.attributionUrl())) {
            d.add(graph, uri(CC + "attributionURL"), uri(s.attributionUrl()));
        }
        if (s.rightsHolder() != null && IRIs.check(s.rightsHolder())) {
            d.add(graph, DCTerms.rightsHolder.asNode(), uri(s.rightsHolder()));
        }
        d.add(graph, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Imported with the mapping mappings/"
                + mapping.name() + ".yaml" + (s.comment() != null ? ". " + s.comment() : ""), "en"));
        return d;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
