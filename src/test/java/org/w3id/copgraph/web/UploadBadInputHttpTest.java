package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.ErrorText;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bad uploads and bad request edges get a 4xx in the one error shape, never a 5xx, and no error
 * body names a Java class or a server directory.
 */
class UploadBadInputHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("edges");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPH = "?graph=" + Http.enc("https://w3id.org/copgraph/graph/edge-test");

    private record Answer(int status, String body) {
    }

    private static Answer upload(String path, String type, byte[] body) {
        HttpResponse<String> r = server.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", type).header("Authorization", "Bearer " + server.curator())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        return new Answer(r.statusCode(), r.body());
    }

    private static Answer upload(String path, String type, String body) {
        return upload(path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(Answer a) throws IOException {
        JsonNode n = JSON.readTree(a.body());
        assertThat(n.get("status").asInt()).isEqualTo(a.status());
        assertThat(n.get("message").asText()).isNotBlank();
        return n.get("error").asText();
    }

    @Test
    void aGraphNamedByABlankNodeIs400() throws IOException {
        Answer nq = upload("/api/imports", "application/n-quads",
                "<https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" _:g .\n");
        assertThat(nq.status()).as(nq.body()).isEqualTo(400);
        assertThat(nq.body()).contains("blank node");
        Answer trig = upload("/api/imports", "application/trig",
                "_:g { <https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" }\n");
        assertThat(trig.status()).as(trig.body()).isEqualTo(400);
        assertThat(error(trig)).isEqualTo("rdf-syntax");
    }

    @Test
    void binaryRdfIsRefusedWith415() throws IOException {
        byte[] garbage = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 1, 2, 3, (byte) 0x80, 0x7f};
        for (String type : List.of("application/rdf+thrift", "application/rdf+protobuf", "application/x-binary-rdf")) {
            Answer a = upload("/api/imports" + GRAPH, type, garbage);
            assertThat(a.status()).as(type + ": " + a.body()).isEqualTo(415);
            assertThat(error(a)).isEqualTo("unsupported-media-type");
            Answer put = upload("/data" + GRAPH, type, garbage);
            assertThat(put.status()).as(type).isEqualTo(415);
        }
    }

    @Test
    void rdfXmlDeclaringABogusEncodingIs400() throws IOException {
        Answer a = upload("/api/imports" + GRAPH, "application/rdf+xml", "<?xml version=\"1.0\" encoding=\"bogus\"?>\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>");
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(error(a)).isEqualTo("rdf-syntax");
        assertThat(a.body()).contains("bogus").doesNotContain("Exception");
    }

    @Test
    void deeplyNestedDocumentsAre400() throws IOException {
        int n = 50_000;
        List<String[]> docs = List.of(
                new String[] {"application/ld+json", "[".repeat(n) + "]".repeat(n)},
                new String[] {"application/ld+json", "{\"http://example.org/p\": ".repeat(n) + "1" + "}".repeat(n)},
                new String[] {"text/turtle", "<https://w3id.org/copgraph/id/document/x> <http://example.org/p> "
                        + "[ <http://example.org/p> ".repeat(n) + "1" + " ]".repeat(n) + " ."},
                new String[] {"text/turtle", "<https://w3id.org/copgraph/id/document/x> <http://example.org/p> "
                        + "(".repeat(n) + ")".repeat(n) + " ."});
        for (String[] d : docs) {
            Answer a = upload("/api/imports" + GRAPH, d[0], d[1]);
            assertThat(a.status()).as(d[0] + ": " + a.body()).isEqualTo(400);
        }
        Answer json = upload("/api/imports" + GRAPH, "application/ld+json", docs.get(0)[1]);
        assertThat(error(json)).isEqualTo("too-deeply-nested");
    }

    @Test
    void aCharsetOtherThanUtf8Is415() throws IOException {
        String ttl = "<https://w3id.org/copgraph/id/document/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .";
        for (String path : List.of("/api/imports" + GRAPH, "/data" + GRAPH)) {
            for (String cs : List.of("bogus-123", "\"no such thing\"", "utf-32")) {
                Answer a = upload(path, "text/turtle; charset=" + cs, ttl);
                assertThat(a.status()).as(path + " " + cs + ": " + a.body()).isEqualTo(415);
                assertThat(error(a)).isEqualTo("unsupported-charset");
            }
        }
        Answer update = upload("/update", "application/x-www-form-urlencoded; charset=bogus-123", "update=CLEAR%20SILENT%20GRAPH%20%3Curn%3Ax%3E");
        assertThat(update.status()).isEqualTo(415);
        assertThat(error(update)).isEqualTo("unsupported-charset");
        assertThat(upload("/api/imports" + GRAPH, "text/turtle; charset=UTF-8", ttl).status()).isIn(200, 422);
    }

    @Test
    void aContentTypeWithoutAMediaTypeIs415() throws IOException {
        for (String path : List.of("/update", "/api/imports" + GRAPH, "/data" + GRAPH)) {
            for (String type : List.of(";;;", ";", "; charset=utf-8", "text", "/")) {
                Answer a = upload(path, type, "x");
                assertThat(a.status()).as(path + " '" + type + "': " + a.body()).isEqualTo(415);
                assertThat(error(a)).isEqualTo("unsupported-media-type");
            }
        }
    }

    @Test
    void anAcceptHeaderWithoutAMediaRangeIsA406NeverA5xx() {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/", "/health", "/api/queries", "/api/queries/events", "/data", "/id/cop/urbana",
                "/id/cop/nothing-here", "/graph/cff-session-3", "/ontology", "/ldes", "/fragments", "/.well-known/void",
                "/api/network/projections", "/explore", "/query-editor", "/nothing/here", "/sitemap.xml", "/api/admin/tokens",
                "/dumps/copgraph.ttl", "/api/queries/no-such-query")) {
            for (String accept : List.of(";;", ";", ",,,", "text", "*; q=x", "text/html;q=NaN")) {
                HttpResponse<String> r = server.http().get(path, "Accept", accept);
                if (r.statusCode() >= 500) {
                    failures.add(r.statusCode() + " for Accept '" + accept + "' on " + path + ": " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
        // Issue 12 §3: an Accept naming no media type is a 4xx in the one error shape, on every route.
        HttpResponse<String> r = server.http().get("/id/cop/urbana", "Accept", ";;");
        assertThat(r.statusCode()).as("Accept ';;'").isEqualTo(406);
        assertThat(r.body()).contains("\"error\":\"not-acceptable\"");
        assertThat(server.http().get("/id/cop/urbana", "Accept", "").statusCode()).as("a blank Accept asks for anything").isEqualTo(200);
    }

    @Test
    void encodedPathTricksAre4xxAndReadNoFile() {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/id/..%u2215..%u2215etc%u2215passwd", "/id/%2e%2e/%2e%2e/etc/passwd", "/graph/..%2f..",
                "/graph/..%2f..%2f..%2fetc%2fpasswd", "/id/%", "/id/%zz", "/id/..%c0%af..%c0%afetc%c0%afpasswd",
                "/dumps/..%2f..%2fpom.xml", "/assets/yasgui/..%2f..%2fpom.xml", "/webjars/..%2f..%2f..%2fpom.xml",
                "/ldes/%u0030", "/api/queries/%u2215", "/id/%ff", "/id/%00", "/id/%2e%2e%2f%2e%2e%2fpom.xml")) {
            String response = rawBody("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n");
            int code = Integer.parseInt(response.split(" ")[1]);
            // 4xx in the one error shape, also when Jetty refuses the path before copgraph sees it.
            if (code < 400 || code >= 500 || !response.contains("\"error\":\"")) {
                failures.add(response + " for " + path);
            }
        }
        assertThat(failures).isEmpty();
        String body = rawBody("GET /id/..%u2215..%u2215etc%u2215passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(body).contains("\"error\":\"bad-path\"").doesNotContain("root:");
    }

    @Test
    void aNetworkParameterOutOfRangeIs400NamingItsRange() throws IOException {
        for (String q : List.of("/api/network/search?q=a&limit=-1", "/api/network/search?q=a&limit=0",
                "/api/network/search?q=a&limit=1000000", "/api/network/export.csv?limit=-1", "/api/network/export.json?limit=0")) {
            HttpResponse<String> r = server.http().get(q);
            assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(400);
            JsonNode n = JSON.readTree(r.body());
            assertThat(n.get("error").asText()).isEqualTo("bad-parameter");
            assertThat(n.get("message").asText()).contains("'limit'").containsPattern("at least 1|from 1 to");
        }
        for (String q : List.of("/api/network/neighbourhood?focus=/id/cop/urbana&depth=-1",
                "/api/network/neighbourhood?focus=/id/cop/urbana&limit=-5", "/api/network/paths?from=/id/cop/urbana&to=/id/cop/urbana&k=0",
                "/api/network/paths?from=/id/cop/urbana&to=/id/cop/urbana&maxLength=-1", "/api/network/search?q=a&limit=x")) {
            assertThat(server.http().get(q).statusCode()).as(q).isEqualTo(400);
        }
    }

    @Test
    void noErrorBodyNamesAJavaClassOrAServerDirectory() {
        String cwd = Path.of("").toAbsolutePath().toString();
        List<Answer> answers = new ArrayList<>();
        answers.add(upload("/api/imports" + GRAPH, "application/rdf+xml", "<?xml version=\"1.0\" encoding=\"bogus\"?><a/>"));
        answers.add(upload("/api/imports" + GRAPH, "application/ld+json", "{\"@context\": {\"@version\": 2.5}, \"@id\": 7}"));
        answers.add(upload("/api/imports" + GRAPH, "application/ld+json", "{\"@id\": \"x\", \"http://e.org/p\": {\"@value\": {}}}"));
        answers.add(upload("/api/imports" + GRAPH, "application/ld+json", "{\"@context\": \"file://" + cwd + "/pom.xml\"}"));
        answers.add(upload("/api/imports" + GRAPH, "text/turtle", "@base <file://" + cwd + "/> . <x> <y> <z ."));
        answers.add(upload("/api/imports" + GRAPH, "text/turtle", "<a> <b> \"\\uZZZZ\" ."));
        answers.add(upload("/api/imports" + GRAPH, "application/n-triples", "<a b> <c> <d> ."));
        answers.add(upload("/api/imports" + GRAPH, "text/csv", "\u0000\u0001,\"\n"));
        answers.add(upload("/update", "application/sparql-update", "INSERT DATA { GRAPH <urn:x:y> { <a> <b> \"\\uD800\" } }"));
        answers.add(upload("/update", "application/sparql-update", "LOAD <file://" + cwd + "/pom.xml>"));
        List<String> failures = new ArrayList<>();
        for (Answer a : answers) {
            if (a.status() >= 500 || ErrorText.namesJavaClass(a.body()) || a.body().contains(cwd)) {
                failures.add(a.status() + " " + a.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** The whole raw response (status line, headers and body) to a request written as is. */
    private static String rawBody(String request) {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                b.append(line).append('\n');
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
