package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CuratedQueriesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Nobody in the seed's sources belongs to two CoPs; ResearchAnswersTest checks it on written data. */
    private static final java.util.Set<String> EMPTY_ON_THE_SEED = java.util.Set.of("people-connecting-cops");
    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void listShowsEveryQueryWithItsDocumentation() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode q : list) {
            assertThat(q.get("summary").asText()).isNotBlank();
            assertThat(q.get("description").asText()).isNotBlank();
            assertThat(q.get("href").asText()).startsWith("/api/queries/");
        }
        JsonNode members = find(list, "cop-members");
        assertThat(members.at("/parameters/0/name").asText()).isEqualTo("cop");
        assertThat(members.at("/parameters/0/type").asText()).isEqualTo("iri");
    }

    @Test
    void everyCuratedQueryAnswersOnTheSeedGraphWithItsDefaultsOrAnExample() throws Exception {
        for (JsonNode q : JSON.readTree(server.http().get("/api/queries").body())) {
            String name = q.get("name").asText();
            HttpResponse<String> r = server.http().get(q.get("href").asText(), "Accept", "application/sparql-results+json");
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            int rows = JSON.readTree(r.body()).at("/results/bindings").size();
            // The seed holds no isolated CoP, say: then one of the query's examples must find something.
            for (JsonNode example : q.get("examples")) {
                StringBuilder url = new StringBuilder(q.get("href").asText()).append("?format=json");
                example.fields().forEachRemaining(e -> url.append('&').append(e.getKey()).append('=')
                        .append(Http.enc(e.getValue().asText())));
                HttpResponse<String> ex = server.http().get(url.toString());
                assertThat(ex.statusCode()).as(name + " example " + example).isEqualTo(200);
                rows += JSON.readTree(ex.body()).at("/results/bindings").size();
            }
            if (!EMPTY_ON_THE_SEED.contains(name)) {
                assertThat(rows).as(name + " finds something in the seed graph").isGreaterThan(0);
            }
        }
    }

    @Test
    void aClientHoldingTheAnswerIsToldItIsCurrentWithoutTheBody() {
        HttpResponse<String> first = server.http().get("/api/queries/cops-with-domains?format=csv");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.http().get("/api/queries/cops-with-domains?format=csv", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> otherFormat = server.http().get("/api/queries/cops-with-domains?format=json", "If-None-Match", etag);
        assertThat(otherFormat.statusCode()).isEqualTo(200);
        assertThat(otherFormat.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void membersOfACopNameItsPeopleAndRoles() {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?format=csv&cop=" + Http.enc("https://w3id.org/copgraph/id/cop/blast"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.body()).contains("Davie Phillip");
    }

    @Test
    void aHostPathIsAcceptedForAnIriParameter() {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?format=csv&cop=/id/cop/blast");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Davie Phillip");
    }

    @Test
    void csvIsChosenByAcceptToo() {
        HttpResponse<String> r = server.http().get("/api/queries/cops-with-domains", "Accept", "text/csv");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.body()).contains("UrbanA");
    }

    @Test
    void responsesSayWhichQueryAndDataVersionAnswered() {
        HttpResponse<String> r = server.http().get("/api/queries/events");
        assertThat(r.headers().firstValue("X-Copgraph-Query")).hasValue("events");
        assertThat(r.headers().firstValue("X-Copgraph-Query-Hash").orElse("")).startsWith("sha256:");
        assertThat(r.headers().firstValue("X-Copgraph-Data-Version")).isPresent();
    }

    @Test
    void eventsCanBeFilteredByDate() throws Exception {
        JsonNode all = JSON.readTree(server.http().get("/api/queries/events?format=json").body()).at("/results/bindings");
        JsonNode recent = JSON.readTree(server.http().get("/api/queries/events?format=json&since=2021-01-01").body()).at("/results/bindings");
        assertThat(recent.size()).isLessThan(all.size());
        assertThat(server.http().get("/api/queries/events?format=csv&since=2021-01-01").body()).doesNotContain("2020-12-02");
    }

    @Test
    void unknownQueryNameGives404() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries/no-such-query");
        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText()).isEqualTo("unknown-query");
        assertThat(body.get("message").asText()).contains("no-such-query");
    }

    @Test
    void mistypedParameterGives400NamingItAndItsType() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries/cop-members?cop=" + Http.enc("not an iri"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("bad-parameter");
        assertThat(body.get("message").asText()).contains("'cop'").contains("IRI");
        HttpResponse<String> date = server.http().get("/api/queries/events?since=yesterday");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("'since'").contains("YYYY-MM-DD");
    }

    @Test
    void aStraySeparatorIsNotAParameter() {
        assertThat(server.http().get("/api/queries/events?since=2021-01-01&").statusCode()).isEqualTo(200);
        assertThat(server.http().get("/api/queries/events?&format=csv").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownParameterGives400() {
        HttpResponse<String> r = server.http().get("/api/queries/events?colour=blue");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown-parameter").contains("colour");
    }

    @Test
    void unservableAcceptGives406() {
        HttpResponse<String> r = server.http().get("/api/queries/events", "Accept", "image/png");
        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.body()).contains("text/csv");
    }

    @Test
    void pagingLimitsTheRows() throws Exception {
        JsonNode rows = JSON.readTree(server.http().get("/api/queries/events?format=json&limit=2").body()).at("/results/bindings");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(server.http().get("/api/queries/events?limit=-1").statusCode()).isEqualTo(400);
        assertThat(server.http().get("/api/queries/events?limit=many").statusCode()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode q : list) {
            if (q.get("name").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no query " + name);
    }
}
