package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.store.Store;

class NetworkHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server app;
    private static Http http;

    private static Copgraph cg;

    /** A store of its own: /api/network/metrics writes the derived metrics graph into it. */
    @BeforeAll
    static void start() {
        cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        app = Server.start(cg);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
        cg.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void theNeighbourhoodAcceptsAHostPathAsFocus() throws Exception {
        HttpResponse<String> r = http.get("/api/network/neighbourhood?focus=/id/cop/urbana&depth=1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("focus").asText()).isEqualTo(SeedNetworkTest.URBANA);
        assertThat(body.at("/elements/nodes").findValuesAsText("label")).contains("Duncan Crowley", "BLAST Community of Practice");
        assertThat(body.at("/elements/nodes").findValuesAsText("path")).contains("/id/cop/urbana");
    }

    @Test
    void pathsExplainEachHopWithItsSource() throws Exception {
        HttpResponse<String> r = http.get("/api/network/paths?from=/id/cop/urbana&to=" + Http.enc(SeedNetworkTest.BLAST));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode hop = json(r).at("/paths/0/hops/0");
        assertThat(hop.at("/to/label").asText()).isEqualTo("BLAST Community of Practice");
        assertThat(hop.get("reasons").findValuesAsText("kind")).contains("cross-pollination", "event", "organisational");
        assertThat(hop.get("reasons").findValuesAsText("text")).anySatisfy(t -> assertThat(t).contains("2020-12-02"));
        assertThat(hop.at("/reasons/0/sources/0").asText()).isEqualTo("https://w3id.org/copgraph/graph/cff-session-3");
    }

    @Test
    void metricsListEveryCopAndNameTheDerivedGraph() throws Exception {
        HttpResponse<String> r = http.get("/api/network/metrics?projection=shared-events");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("nodes")).hasSize(3);
        assertThat(body.get("exact").asBoolean()).isTrue();
        assertThat(body.get("graph").asText()).isEqualTo("https://w3id.org/copgraph/graph/network-metrics");
        // A triangle: everyone tied to everyone.
        assertThat(body.get("nodes").findValues("clustering")).allSatisfy(c -> assertThat(c.asDouble()).isEqualTo(1.0));
    }

    @Test
    void exportsComeAsDownloadsInEachFormat() {
        for (String ext : new String[]{"graphml", "gexf", "csv", "json"}) {
            HttpResponse<String> r = http.get("/api/network/export." + ext + "?projection=cross-pollination");
            assertThat(r.statusCode()).as(ext + ": " + r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("copgraph-cross-pollination." + ext);
        }
        HttpResponse<String> nodes = http.get("/api/network/export.csv?focus=/id/cop/blast&table=nodes");
        assertThat(nodes.body()).startsWith("Id,Label").contains("Davie Phillip");
    }

    @Test
    void badParametersAreClear400sAndUnknownResources404s() throws Exception {
        HttpResponse<String> depth = http.get("/api/network/neighbourhood?focus=/id/cop/urbana&depth=9");
        assertThat(depth.statusCode()).isEqualTo(400);
        assertThat(json(depth).get("message").asText()).contains("'depth'");
        HttpResponse<String> kind = http.get("/api/network/neighbourhood?focus=/id/cop/urbana&kinds=gossip");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat(json(kind).get("message").asText()).contains("'kinds'").contains("cross-pollination");
        HttpResponse<String> projection = http.get("/api/network/metrics?projection=nope");
        assertThat(projection.statusCode()).isEqualTo(400);
        assertThat(json(projection).get("error").asText()).isEqualTo("unknown-projection");
        HttpResponse<String> date = http.get("/api/network/export.json?until=yesterday");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(json(date).get("message").asText()).contains("'until'");
        HttpResponse<String> missing = http.get("/api/network/paths?from=/id/cop/urbana&to=/id/cop/nowhere");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("message").asText()).contains("'to'");
    }

    @Test
    void theExplorerPageAndCytoscapeAreServedFromTheJar() {
        HttpResponse<String> page = http.get("/explore", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/cytoscape.min.js", "/assets/explore.js", "/assets/site/explore.css", "<noscript>");
        // Ready for a Content-Security-Policy of scripts and styles from 'self' only.
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContainPattern("(?i)\\s(on[a-z]+|style)=")
                .doesNotContain("<style");
        assertThat(http.get("/assets/site/explore.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        HttpResponse<String> lib = http.get("/assets/cytoscape.min.js");
        assertThat(lib.statusCode()).isEqualTo(200);
        assertThat(lib.body()).contains("cytoscape").hasSizeGreaterThan(100_000);
    }

    @Test
    void aMisspeltFocusOrPathEndIs404WithCloseMatches() throws Exception {
        HttpResponse<String> focus = http.get("/api/network/neighbourhood?focus=/id/cop/urbanaa");
        assertThat(focus.statusCode()).isEqualTo(404);
        assertThat(json(focus).get("closeMatches").findValuesAsText("iri")).first().isEqualTo(SeedNetworkTest.URBANA);
        assertThat(json(focus).get("closeMatches").findValuesAsText("label")).contains("UrbanA Community of Practice");
        assertThat(json(focus).get("message").asText()).contains("Close matches: UrbanA Community of Practice");

        HttpResponse<String> to = http.get("/api/network/paths?from=/id/cop/urbana&to=/id/cop/blsat");
        assertThat(to.statusCode()).isEqualTo(404);
        assertThat(json(to).get("closeMatches").findValuesAsText("iri")).contains(SeedNetworkTest.BLAST);

        HttpResponse<String> nothingNear = http.get("/api/network/neighbourhood?focus=/id/cop/zzzzzzzzzzzz");
        assertThat(nothingNear.statusCode()).isEqualTo(404);
        assertThat(json(nothingNear).has("closeMatches")).isFalse();
    }

    @Test
    void aSourceGraphAsFocusGivesTheResourcesItTiesTogether() throws Exception {
        // What the explore link of a /graph/... page asks for.
        HttpResponse<String> r = http.get("/api/network/neighbourhood?focus=/graph/cff-session-3");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("source").asBoolean()).isTrue();
        assertThat(body.get("title").asText()).isEqualTo("resources of source cff-session-3");
        assertThat(body.at("/elements/nodes").findValuesAsText("label")).contains("UrbanA Community of Practice", "BLAST Community of Practice");
        assertThat(body.at("/elements/edges").findValues("sources")).allSatisfy(s -> assertThat(s.toString())
                .contains("https://w3id.org/copgraph/graph/cff-session-3"));
    }

    @Test
    void aPathViewExportsItsResourcesAndHops() throws Exception {
        HttpResponse<String> r = http.get("/api/network/export.json?from=/id/cop/urbana&to=/id/cop/blast&k=1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("copgraph-paths-urbana-blast.json");
        JsonNode body = json(r);
        assertThat(body.at("/data/name").asText()).isEqualTo("paths from UrbanA Community of Practice to BLAST Community of Practice");
        assertThat(body.at("/elements/nodes").findValuesAsText("id")).containsExactly(SeedNetworkTest.URBANA, SeedNetworkTest.BLAST);
        assertThat(body.at("/elements/edges")).hasSize(1);

        HttpResponse<String> kumu = http.get("/api/network/export.kumu.json?from=/id/cop/urbana&to=/id/cop/blast&k=1");
        assertThat(kumu.statusCode()).as(kumu.body()).isEqualTo(200);
        assertThat(kumu.headers().firstValue("Content-Disposition").orElse("")).contains("copgraph-paths-urbana-blast.kumu.json");
        JsonNode blueprint = json(kumu);
        assertThat(blueprint.get("elements").findValuesAsText("label"))
                .containsExactly("UrbanA Community of Practice", "BLAST Community of Practice");
        assertThat(blueprint.at("/connections/0/from").asText()).isEqualTo(SeedNetworkTest.URBANA);
        assertThat(blueprint.at("/connections/0/to").asText()).isEqualTo(SeedNetworkTest.BLAST);
        assertThat(blueprint.at("/connections/0/tags").toString()).contains("cross-pollination");

        HttpResponse<String> gexf = http.get("/api/network/export.gexf?from=/id/cop/urbana&to=/id/cop/blast");
        assertThat(gexf.statusCode()).isEqualTo(200);
        assertThat(gexf.body()).contains("BLAST Community of Practice");
    }
}
