package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;
import org.w3id.copgraph.model.Cop;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LinkedDataHttpTest {

    private static final String BASE = "https://w3id.org/copgraph/";
    private static final Node URBANA = NodeFactory.createURI(BASE + "id/cop/urbana");
    private static final Node DAVIE = NodeFactory.createURI(BASE + "id/person/davie-phillip");

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    static List<Arguments> matrix() {
        List<Arguments> out = new java.util.ArrayList<>();
        for (String path : List.of("/id/cop/urbana", "/id/person/davie-phillip")) {
            for (DocumentFormat f : DocumentFormat.RESOURCE) {
                if (f != DocumentFormat.HTML) {
                    out.add(Arguments.of(path, f));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyResourceAnswersInEveryRdfFormatWithItsStatements(String path, DocumentFormat format) {
        HttpResponse<String> r = server.http().get(path, "Accept", format.mediaType);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(format.mediaType);
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(r.headers().firstValue("Link").orElse("")).contains("rel=\"alternate\"").contains("text/turtle");

        DatasetGraph parsed = parse(r.body(), format);
        Node subject = NodeFactory.createURI(BASE + path.substring(1));
        List<Quad> expected = Fixtures.seeded().store().read(d -> {
            List<Quad> qs = new java.util.ArrayList<>();
            // Named graphs only: the stored default graph is the store's own bookkeeping (event stream), not data.
            d.findNG(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(qs::add);
            return qs;
        });
        assertThat(expected).isNotEmpty();
        for (Quad q : expected) {
            // A blank node's label differs between documents: only its presence can be checked.
            Node o = q.getObject().isBlank() ? Node.ANY : q.getObject();
            Node g = format.hasGraphs() ? q.getGraph() : Node.ANY;
            assertThat(parsed.find(g, subject, q.getPredicate(), o).hasNext()).as("%s in %s", q, format).isTrue();
        }
    }

    @Test
    void jsonLdIsCompactedWithThePublishedContext() throws Exception {
        HttpResponse<String> r = server.http().get("/id/cop/urbana", "Accept", "application/ld+json");
        JsonNode json = new ObjectMapper().readTree(r.body());
        assertThat(json.get("@context").asText()).endsWith("/ontology/context.jsonld");
        assertThat(json.get("@id").asText()).isEqualTo("id:cop/urbana");
        assertThat(json.has("hostedBy")).isTrue();
        assertThat(json.get("label").get("en").asText()).isEqualTo("UrbanA Community of Practice");
    }

    @Test
    void formatParameterOverridesTheAcceptHeader() {
        HttpResponse<String> r = server.http().get("/id/cop/urbana?format=nt", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/n-triples");
        assertThat(has(parse(r.body(), DocumentFormat.NTRIPLES), URBANA, RDF.type.asNode(), NodeFactory.createURI(Cop.CommunityOfPractice))).isTrue();
    }

    @Test
    void aFormatThatCannotBeServedGets406() {
        HttpResponse<String> r = server.http().get("/id/cop/urbana", "Accept", "image/png");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.body()).contains("text/turtle");
        assertThat(server.http().get("/id/cop/urbana?format=xlsx").statusCode()).isEqualTo(406);
    }

    @Test
    void anUnknownIriGives404InTheFormatAsked() throws Exception {
        HttpResponse<String> json = server.http().get("/id/cop/no-such-cop", "Accept", "application/ld+json");
        assertThat(json.statusCode()).isEqualTo(404);
        JsonNode body = new ObjectMapper().readTree(json.body());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isEqualTo("unknown-resource");

        HttpResponse<String> html = server.http().get("/id/cop/no-such-cop", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(html.statusCode()).isEqualTo(404);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("<h1>404").contains("/sitemap.xml");

        HttpResponse<String> text = server.http().get("/id/cop/no-such-cop", "Accept", "text/turtle");
        assertThat(text.statusCode()).isEqualTo(404);
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(text.body()).startsWith("404 unknown-resource");
    }

    @Test
    void theHtmlPageShowsLabelTypesSourcesInverseLinksAndEmbeddedJsonLd() throws Exception {
        HttpResponse<String> r = server.http().get("/id/cop/urbana", "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("<h1>UrbanA Community of Practice</h1>");
        assertThat(page).contains("href=\"/ontology#CommunityOfPractice\"");
        // Every statement names its source; the sources section gives the title and the original URL.
        assertThat(page).contains("href=\"#source-1\"").contains("UrbanA community of practice (Communities for Future wiki)")
                .contains("https://wiki.communitiesforfuture.org/wiki/UrbanA_community_of_practice");
        // Inverse links: the project hosts the CoP.
        assertThat(page).contains("id=\"inverse\"").contains("href=\"/id/project/urbana\"");
        assertThat(page).contains("href=\"/explore?focus=").contains("rel=\"alternate\" type=\"text/turtle\"");
        // Links to our resources stay on the host.
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
        while (links.find()) {
            assertThat(links.group(1)).doesNotStartWith(BASE + "id/").doesNotStartWith(BASE + "graph/");
        }
        // The embedded JSON-LD parses to the resource's statements.
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(script.find()).isTrue();
        DatasetGraph embedded = parse(script.group(1).replace("<\\/", "</"), DocumentFormat.JSONLD);
        assertThat(has(embedded, URBANA, RDFS.label.asNode(), Node.ANY)).isTrue();
        assertThat(has(embedded, URBANA, RDF.type.asNode(), NodeFactory.createURI(Cop.CommunityOfPractice))).isTrue();
    }

    @Test
    void aBadInversePageIsA400() {
        HttpResponse<String> bad = server.http().get("/id/person/davie-phillip?inverse-page=0", "Accept", "application/ld+json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("inverse-page");
    }

    @Test
    void sourceGraphsDereferenceToTheirProvenance() {
        HttpResponse<String> r = server.http().get("/graph/cff-wiki-urbana-cop", "Accept", "text/turtle");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(has(parse(r.body(), DocumentFormat.TURTLE),
                NodeFactory.createURI(BASE + "graph/cff-wiki-urbana-cop"), NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"),
                        NodeFactory.createURI("https://wiki.communitiesforfuture.org/wiki/UrbanA_community_of_practice"))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("ontologyFormats")
    void theOntologyAnswersInEachFormat(DocumentFormat format) {
        HttpResponse<String> r = server.http().get("/ontology", "Accept", format.mediaType);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(format.mediaType);
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept");
        Node ontology = NodeFactory.createURI(Cop.ONTOLOGY);
        Node cls = NodeFactory.createURI(Cop.CommunityOfPractice);
        if (format == DocumentFormat.HTML) {
            assertThat(r.body()).contains("id=\"CommunityOfPractice\"").contains("comunità di pratica")
                    .contains("sioc:Community").contains("cop:hostedBy").contains("Example from the data: <a href=\"/id/cop/");
        } else {
            var g = parse(r.body(), format);
            assertThat(has(g, ontology, RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/2002/07/owl#Ontology"))).isTrue();
            assertThat(has(g, cls, RDFS.subClassOf.asNode(), Node.ANY)).isTrue();
            assertThat(has(g, NodeFactory.createURI(Cop.NS + "Strong"), Node.ANY, Node.ANY)).isTrue();
        }
    }

    static List<DocumentFormat> ontologyFormats() {
        return List.of(DocumentFormat.HTML, DocumentFormat.TURTLE, DocumentFormat.JSONLD, DocumentFormat.RDFXML);
    }

    @Test
    void theContextIsServedAsJsonLd() throws Exception {
        HttpResponse<String> r = server.http().get("/ontology/context.jsonld");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(new ObjectMapper().readTree(r.body()).get("@context").get("cop").asText()).isEqualTo(Cop.NS);
    }

    @Test
    void theSitemapListsResourcePagesOnTheServingHost() throws Exception {
        HttpResponse<String> r = server.http().get("/sitemap.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        NodeList locs = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertThat(urls).contains("http://localhost:" + server.port() + "/id/cop/urbana");
        assertThat(urls).allMatch(u -> u.startsWith("http://localhost:" + server.port() + "/id/"));
    }

    @Test
    void otherReadPathsAllowAnyOriginToo() {
        assertThat(server.http().get("/sparql?query=" + Http.enc("ASK {}"), "Accept", "application/sparql-results+json")
                .headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(server.http().get("/api/queries").headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    /** In any graph of the parsed document, the default one included. */
    private static boolean has(DatasetGraph ds, Node s, Node p, Node o) {
        return ds.find(Node.ANY, s, p, o).hasNext();
    }

    private static DatasetGraph parse(String body, DocumentFormat format) {
        DatasetGraph ds = DatasetGraphFactory.create();
        Lang lang = format == DocumentFormat.HTML ? Lang.TURTLE : format.lang;
        RDFParser.fromString(body, lang).base(BASE).parse(ds);
        return ds;
    }
}
