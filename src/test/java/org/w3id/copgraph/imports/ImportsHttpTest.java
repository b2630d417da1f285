package org.w3id.copgraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

class ImportsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WritableServer server = new WritableServer("imogen");

    private static final String PLACES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [11.2558, 43.7696]},
               "properties": {"name": "Casa del Popolo", "name:it": "Casa del Popolo di Firenze",
                              "name:en": "Florence People's House", "description:it": "Un circolo culturale.",
                              "website": "https://example.org/casa", "contact:email": "info@example.org",
                              "addr:street": "Via Roma 1", "addr:city": "Firenze", "addr:postcode": "50123",
                              "opening_hours": "Mo-Fr 09:00-18:00", "wheelchair": "yes"}},
              {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-3.7035, 40.4167]},
               "properties": {"name": "Madrid Tech Hub", "email": "hola@example.org"}}
            ]}
            """;

    @Test
    void geoJsonWithOsmKeysImportsWithoutAMapping() throws Exception {
        String graph = "https://w3id.org/copgraph/graph/test-places";
        HttpResponse<String> r = server.http().post("/api/imports?graph=" + Http.enc(graph), "application/geo+json", PLACES,
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("mapping").asText()).isEqualTo("geojson");
        assertThat(body.get("records").asInt()).isEqualTo(2);
        assertThat(body.path("resources").path("added").asInt()).isGreaterThanOrEqualTo(2);

        Graph g = server.cg().store().read(d -> ImportsTest.copy(d.getGraph(NodeFactory.createURI(graph))));
        Node casa = NodeFactory.createURI("https://w3id.org/copgraph/id/organisation/casa-del-popolo");
        String schema = "http://schema.org/";
        assertThat(g.contains(casa, RDF.type.asNode(), uri("http://www.w3.org/ns/org#Organization"))).isTrue();
        assertThat(g.contains(casa, uri(schema + "name"), NodeFactory.createLiteralLang("Casa del Popolo di Firenze", "it"))).isTrue();
        assertThat(g.contains(casa, uri(schema + "name"), NodeFactory.createLiteralLang("Florence People's House", "en"))).isTrue();
        assertThat(g.contains(casa, uri("http://purl.org/dc/terms/description"),
                NodeFactory.createLiteralLang("Un circolo culturale.", "it"))).isTrue();
        assertThat(g.contains(casa, uri("http://xmlns.com/foaf/0.1/homepage"), uri("https://example.org/casa"))).isTrue();
        assertThat(g.contains(casa, uri(schema + "email"), NodeFactory.createLiteralString("info@example.org"))).isTrue();
        Node place = g.find(casa, uri(schema + "location"), Node.ANY).next().getObject();
        assertThat(g.contains(place, uri(schema + "latitude"), Node.ANY)).isTrue();
        Node address = g.find(casa, uri(schema + "address"), Node.ANY).next().getObject();
        assertThat(g.contains(address, RDF.type.asNode(), uri(schema + "PostalAddress"))).isTrue();
        assertThat(g.contains(address, uri(schema + "addressLocality"), NodeFactory.createLiteralString("Firenze"))).isTrue();
        assertThat(g.contains(address, uri(schema + "postalCode"), NodeFactory.createLiteralString("50123"))).isTrue();
        // Keys no mapping field reads stay, under the documented namespace.
        assertThat(g.contains(casa, uri("https://w3id.org/copgraph/ns/geojson#opening_hours"),
                NodeFactory.createLiteralString("Mo-Fr 09:00-18:00"))).isTrue();

        // The same upload again: nothing changes, and the answer says so (200, not 201).
        HttpResponse<String> again = server.http().post("/api/imports?graph=" + Http.enc(graph), "application/geo+json", PLACES,
                "Authorization", "Bearer " + server.curator());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("changed").asBoolean()).isFalse();
    }

    @Test
    void importWithoutTokenIs401BeforeReadingTheBody() {
        // Headers announce a large body, only the start of which is ever sent: the answer must come without it.
        String request = "POST /api/imports?mapping=community-directory-es HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 5000000\r\nAccept: application/json\r\n\r\n[{\"id\": 1,";
        assertThat(statusLine(request)).contains(" 401");
    }

    @Test
    void unknownMappingGives404() throws Exception {
        HttpResponse<String> r = server.http().post("/api/imports?mapping=no-such-format", "application/json", "[]",
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("unknown-mapping");
        assertThat(body.get("message").asText()).contains("community-directory-es", "geojson");
    }

    @Test
    void malformedJsonGives400() throws Exception {
        HttpResponse<String> r = server.http().post("/api/imports?mapping=community-directory-es", "application/json",
                "[{\"id\": 1, \"name\": ", "Authorization", "Bearer " + server.curator(), "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("malformed-json");
        assertThat(body.get("message").asText()).contains("line 1").doesNotContain("Exception", "/work/");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static String statusLine(String request) {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return line == null ? "(connection closed)" : line;
        } catch (java.net.SocketTimeoutException e) {
            return "(no answer: the server waited for the body)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
