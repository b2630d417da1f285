package org.w3id.copgraph.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

import io.javalin.Javalin;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.web.App;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12 §4: a query that fails is never answered with what looks like a complete result. The
 * query below streams every statement of the seed (about a megabyte of JSON), then starts a count
 * over a three-way cross product that never ends within the timeout.
 */
class QueryTimeoutTest {

    private static final String ROWS_THEN_ENDLESS = "SELECT * WHERE { { ?s ?p ?o } UNION"
            + " { SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } } }";

    private static <T> T withServer(Settings settings, Function<Javalin, T> work) {
        try (Copgraph cg = Copgraph.on(settings, Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            Javalin app = App.create(cg).start(0);
            try {
                return work.apply(app);
            } finally {
                app.stop();
            }
        }
    }

    private static double timeouts(Http http) {
        return http.get("/metrics").body().lines().filter(l -> l.startsWith("copgraph_query_timeouts_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    void aQueryThatTimesOutWithinTheBufferGetsA503InTheOneErrorShape() {
        withServer(Fixtures.settings().withQueryTimeout(3_000), app -> {
            Http http = new Http(app.port());
            HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(ROWS_THEN_ENDLESS), "Accept", "application/sparql-results+json");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode body = read(r.body());
            assertThat(body.get("error").asText()).isEqualTo("query-timeout");
            assertThat(body.get("message").asText()).contains("3 s");
            assertThat(r.body()).doesNotContain("Incomplete").doesNotContain("\"bindings\"");
            assertThat(timeouts(http)).isEqualTo(1.0);
            return null;
        });
    }

    @Test
    void aQueryThatTimesOutAfterItsAnswerStartedIsAbortedSoTheClientSeesAnError() {
        Settings tinyBuffer = Fixtures.settings().withQueryTimeout(3_000).withSparqlLimits(SparqlLimits.DEFAULT.withResultBuffer(1_000));
        withServer(tinyBuffer, app -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/sparql?query="
                    + Http.enc(ROWS_THEN_ENDLESS))).header("Accept", "application/sparql-results+json").GET().build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
            Http http = new Http(app.port());
            assertThat(timeouts(http)).isEqualTo(1.0);
            assertThat(http.get("/health").statusCode()).as("the server goes on answering").isEqualTo(200);
            return null;
        });
    }

    @Test
    void aQueryThatFinishesIsSentWhole() {
        Settings tinyBuffer = Fixtures.settings().withSparqlLimits(SparqlLimits.DEFAULT.withResultBuffer(1_000));
        withServer(tinyBuffer, app -> {
            Http http = new Http(app.port());
            HttpResponse<String> r = http.get("/sparql?query=" + Http.enc("SELECT * WHERE { ?s ?p ?o }"), "Accept", "text/csv");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body().lines().count()).isGreaterThan(1_000);
            return null;
        });
    }

    private static JsonNode read(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
