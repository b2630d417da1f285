package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Citation, paging, the rows envelope, enumerations and the result cache of the curated-query API. */
class CitedAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void rowsFormatIsAPlainJsonEnvelopeThatCitesItsQueryAndData() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries/cops-with-domains?format=rows");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("query").asText()).isEqualTo("cops-with-domains");
        assertThat(body.get("hash").asText()).isEqualTo(r.headers().firstValue("X-Copgraph-Query-Hash").orElseThrow());
        assertThat(body.get("dataVersion").asText()).isEqualTo(r.headers().firstValue("X-Copgraph-Data-Version").orElseThrow());
        assertThat(body.get("generatedAt").asText()).isEqualTo(r.headers().firstValue("X-Copgraph-Generated-At").orElseThrow());
        assertThat(body.get("rows").get(0).get("copLabel").asText()).isNotBlank();
        assertThat(body.at("/links/first").asText()).startsWith("/api/queries/cops-with-domains?");
    }

    @Test
    void applicationJsonGetsTheRowsEnvelopeAndSparqlJsonStaysStandard() throws Exception {
        JsonNode rows = JSON.readTree(server.http().get("/api/queries/events", "Accept", "application/json").body());
        assertThat(rows.has("rows")).isTrue();
        JsonNode sparql = JSON.readTree(server.http().get("/api/queries/events", "Accept", "application/sparql-results+json").body());
        assertThat(sparql.has("head")).isTrue();
        assertThat(sparql.at("/results/bindings").size()).isGreaterThan(0);
    }

    @Test
    void pagesLinkToEachOther() throws Exception {
        HttpResponse<String> first = server.http().get("/api/queries/events?format=rows&limit=2");
        String link = first.headers().firstValue("Link").orElse("");
        assertThat(link).contains("rel=\"next\"").contains("rel=\"first\"").doesNotContain("rel=\"prev\"");
        JsonNode body = JSON.readTree(first.body());
        String next = body.at("/links/next").asText();
        assertThat(next).contains("offset=2");
        JsonNode second = JSON.readTree(server.http().get(next).body());
        assertThat(second.get("offset").asInt()).isEqualTo(2);
        assertThat(second.at("/links/prev").asText()).contains("offset=0");
        assertThat(second.get("rows").get(0)).isNotEqualTo(body.get("rows").get(0));
        JsonNode all = JSON.readTree(server.http().get("/api/queries/events?format=rows").body());
        assertThat(all.at("/links").has("next")).isFalse();
    }

    @Test
    void aValueOutsideAnEnumerationGives400NamingTheAllowedValues() throws Exception {
        HttpResponse<String> r = server.http().get("/api/queries/cops-by-domain?domain=" + Http.enc("https://w3id.org/copgraph/id/domain/nowhere"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("bad-parameter");
        assertThat(body.get("message").asText()).contains("'domain'").contains("municipal-transition");
        HttpResponse<String> ok = server.http().get("/api/queries/cops-by-domain?format=csv&domain="
                + Http.enc("https://w3id.org/copgraph/id/domain/transition-movement"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("Municipalities in Transition");
    }

    @Test
    void narrowerDomainsAreFoundUnderABroaderOne() {
        String body = server.http().get("/api/queries/cops-by-domain?format=csv").body();
        assertThat(body).contains("UrbanA").contains("Municipalities in Transition");
    }

    @Test
    void missingRequiredParameterGives400NamingIt() throws Exception {
        // search-by-label has a default; an explicitly empty value falls back to it, so use a query with none.
        CuratedQueries qs = Fixtures.seeded().queries();
        Path dir = Files.createTempDirectory("q");
        Files.writeString(dir.resolve("needs.rq"), "#+ summary: x\nSELECT * WHERE { ?_cop_iri ?p ?o }\n");
        CuratedQueries one = CuratedQueries.load(dir, Iris.DEFAULT, 1000);
        assertThatThrownBy(() -> one.prepare("needs", Map.of(), Fixtures.seeded().store()))
                .hasMessageContaining("'cop'").hasMessageContaining("IRI");
        assertThat(qs.list()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void repeatedQuestionsAreAnsweredFromTheCacheUntilTheDataChanges() {
        Store store = Store.inMemory();
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), store)) {
            cg.loader().loadSeedIfEmpty();
            CuratedQueries qs = cg.queries();
            var first = qs.answer("events", Map.of(), ResultFormat.CSV, store);
            long misses = qs.cacheMisses();
            var again = qs.answer("events", Map.of(), ResultFormat.CSV, store);
            assertThat(qs.cacheHits()).isGreaterThanOrEqualTo(1);
            assertThat(qs.cacheMisses()).isEqualTo(misses);
            assertThat(again.citation()).isEqualTo(first.citation());
            store.write(d -> d.add(Quad.create(NodeFactory.createURI("urn:test:g"), NodeFactory.createURI("urn:test:s"),
                    NodeFactory.createURI("urn:test:p"), NodeFactory.createLiteralString("o"))));
            var after = qs.answer("events", Map.of(), ResultFormat.CSV, store);
            assertThat(qs.cacheMisses()).isEqualTo(misses + 1);
            assertThat(after.citation().dataVersion()).isNotEqualTo(first.citation().dataVersion());
        }
    }

    @Test
    void anUnknownHeaderKeyFailsStartUpWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("typo.rq"), "#+ summary: x\n#+ sumary: y\nSELECT * WHERE { ?s ?p ?o }\n");
        assertThatThrownBy(() -> CuratedQueries.load(dir, Iris.DEFAULT, 1000))
                .hasMessageContaining("typo.rq line 2").hasMessageContaining("sumary");
    }

    @Test
    void aDefaultForANonParameterFailsStartUpWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("stray.rq"), "#+ summary: x\n#+ defaults:\n#+   - colour: blue\nSELECT * WHERE { ?s ?p ?o }\n");
        assertThatThrownBy(() -> CuratedQueries.load(dir, Iris.DEFAULT, 1000))
                .hasMessageContaining("stray.rq line 3").hasMessageContaining("colour");
    }

    @Test
    void brokenYamlFailsStartUpWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("yaml.rq"), "#+ summary: x\n#+ tags: [a, b\n#+ params: {}\nSELECT * WHERE { ?s ?p ?o }\n");
        assertThatThrownBy(() -> CuratedQueries.load(dir, Iris.DEFAULT, 1000))
                .hasMessageContaining("yaml.rq line");
    }

    @Test
    void constructQueriesNegotiateRdf(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("graph.rq"), "#+ summary: x\nCONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5\n");
        CuratedQueries qs = CuratedQueries.load(dir, Iris.DEFAULT, 5000);
        for (ResultFormat f : ResultFormat.offeredFor(qs.get("graph"))) {
            var a = qs.answer("graph", Map.of(), f, Fixtures.seeded().store());
            assertThat(a.body().length).as(f.name()).isGreaterThan(10);
        }
        assertThat(ResultFormat.offeredFor(qs.get("graph"))).contains(ResultFormat.TURTLE, ResultFormat.JSONLD, ResultFormat.TRIG);
    }
}
