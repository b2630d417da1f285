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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

/**
 * Every write is answered 401 or 403 before its body is read: the role check runs ahead of the
 * handlers, so what an unauthenticated client sends (huge, endless, broken, of any type) is never
 * read, parsed or acted on.
 */
class WriteAuthHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("gatekeeper");

    private static final String GRAPH = "?graph=" + Http.enc("https://w3id.org/copgraph/graph/auth-test");

    /** method, path, content type of each write route. */
    private static final List<String[]> WRITES = List.of(
            new String[] {"POST", "/update", "application/sparql-update"},
            new String[] {"POST", "/update", "application/x-www-form-urlencoded"},
            new String[] {"PUT", "/data" + GRAPH, "text/turtle"},
            new String[] {"POST", "/data" + GRAPH, "application/ld+json"},
            new String[] {"DELETE", "/data" + GRAPH, "text/turtle"},
            new String[] {"POST", "/api/imports" + GRAPH, "application/ld+json"},
            new String[] {"POST", "/api/imports", "application/n-quads"},
            new String[] {"POST", "/api/admin/restore", "application/gzip"},
            new String[] {"POST", "/api/admin/tokens", "application/json"});

    @Test
    void aWriteDeclaringAHugeBodyGets401WithoutTheBodyBeingRead() {
        // A gigabyte is announced and only a few bytes sent: a server that read the body first would
        // answer 413, or wait for the rest; the answer must come from the role check, at once.
        for (String[] w : WRITES) {
            String head = w[0] + " " + w[1] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + w[2]
                    + "\r\nContent-Length: 1000000000\r\n\r\n";
            assertThat(statusLine(head + "{\"@context\": \"http://127.0.0.1:9/\", ")).as(w[0] + " " + w[1]).contains(" 401 ");
        }
    }

    @Test
    void aWriteWithAnEndlessStreamedBodyGets401() {
        // A chunked body that never ends, far below the size cap: reading it first would block.
        for (String[] w : WRITES) {
            String head = w[0] + " " + w[1] + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + w[2]
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            assertThat(statusLine(head + "5\r\nINSER\r\n")).as(w[0] + " " + w[1]).contains(" 401 ");
        }
    }

    @Test
    void brokenBodiesAndWrongContentTypesWithoutATokenGet401() {
        List<String> bodies = List.of("<a> <b> \"unterminated", "{\"@context\": ", "\u0000\u00ff garbage", "");
        List<String> types = List.of("text/turtle", ";;;", "application/x-nonsense", "text/turtle; charset=bogus-123",
                "application/rdf+thrift", "multipart/form-data");
        List<String> failures = new ArrayList<>();
        for (String[] w : WRITES) {
            for (String type : types) {
                for (String body : bodies) {
                    HttpResponse<String> r = server.http().send(request(w[0], w[1], type, body, null));
                    if (r.statusCode() != 401 || r.headers().firstValue("WWW-Authenticate").isEmpty()) {
                        failures.add(r.statusCode() + " for " + w[0] + " " + w[1] + " as " + type + ": " + r.body());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aGarbledOrUnknownTokenGets401AndATooLowRoleGets403BeforeTheBodyIsRead() {
        for (String[] w : WRITES) {
            for (String auth : List.of("Bearer", "Basic dXNlcjpwYXNz", "Bearer not-a-token", "Token abc")) {
                HttpResponse<String> r = server.http().send(request(w[0], w[1], ";;;", "broken {", auth));
                assertThat(r.statusCode()).as(auth + " on " + w[0] + " " + w[1]).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
        }
        for (String[] w : WRITES) {
            if (w[1].startsWith("/api/admin")) {
                HttpResponse<String> r = server.http().send(request(w[0], w[1], ";;;", "broken {", "Bearer " + server.curator()));
                assertThat(r.statusCode()).as("a curator on " + w[1]).isEqualTo(403);
                String head = w[0] + " " + w[1] + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + server.curator()
                        + "\r\nContent-Type: " + w[2] + "\r\nContent-Length: 1000000000\r\n\r\n";
                assertThat(statusLine(head + "x")).as("a curator on " + w[1] + " with a huge body").contains(" 403 ");
            }
        }
        assertThat(server.http().get("/api/admin/backup", "Authorization", "Bearer " + server.curator()).statusCode()).isEqualTo(403);
    }

    @Test
    void readsStayOpenAndAGetOnTheUpdatePathIs405() {
        assertThat(server.http().get("/data?graph=" + Http.enc("https://w3id.org/copgraph/graph/cff-session-3")).statusCode()).isEqualTo(200);
        assertThat(server.http().get("/api/queries").statusCode()).isEqualTo(200);
        assertThat(server.http().get("/update").statusCode()).isEqualTo(405);
        assertThat(server.http().get("/api/imports").statusCode()).isEqualTo(405);
        assertThat(server.http().get("/api/admin/tokens").statusCode()).as("admin reads need a token too").isEqualTo(401);
    }

    private static HttpRequest request(String method, String path, String type, String body, String auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

    /**
     * Sends {@code request} (headers and the start of a body that is never finished) on a raw socket
     * and returns the response's status line. The read timeout only stops a test that would
     * otherwise hang: the answer is expected without the rest of the body.
     */
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
