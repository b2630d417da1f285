package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.SeededServer;

/** /metrics labels are bounded: made-up paths and methods make no new series. */
class MetricsLabelsTest {

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO", "BREW", "PROPFIND",
            "X-" + "M"};

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void requestsToMadeUpPathsWithMadeUpMethodsAddNoSeries() {
        // Every kind of label once, so the series that may legitimately exist do.
        for (String m : METHODS) {
            send(m, "/warm-up/" + m);
        }
        series();
        Set<String> before = series();
        Random random = new Random(12);
        for (int i = 0; i < 300; i++) {
            String method = i % 3 == 0 ? "M" + random.nextInt(1_000_000) : METHODS[random.nextInt(METHODS.length)];
            send(method, "/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt(1000));
        }
        Set<String> after = series();
        assertThat(after).as("series after 300 requests to made-up paths").isEqualTo(before);
    }

    @Test
    void requestsAreLabelledByTheirRouteTemplate() {
        server.http().get("/api/queries/events?format=csv");
        server.http().get("/id/cop/urbana", "Accept", "text/turtle");
        server.http().get("/sparql?query=" + org.w3id.copgraph.Http.enc("ASK {}"));
        Set<String> s = series();
        assertThat(s).anyMatch(l -> l.contains("route=\"/api/queries/{name}\"") && l.contains("method=\"GET\""));
        assertThat(s).anyMatch(l -> l.contains("route=\"/id/<path>\""));
        assertThat(s).anyMatch(l -> l.contains("route=\"/sparql\""));
        assertThat(s).noneMatch(l -> l.contains("urbana") || l.contains("events"));
    }

    /** The label sets of the request counter. */
    private static Set<String> series() {
        Set<String> out = new TreeSet<>();
        for (String line : server.http().get("/metrics").body().split("\n")) {
            if (line.startsWith("copgraph_http_requests_seconds_count{")) {
                out.add(line.substring(0, line.lastIndexOf(' ')));
            }
        }
        return out;
    }

    private static void send(String method, String path) {
        server.http().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }
}
