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
        assertThat(page.body()).contains("/assets/cytoscape.min.js", "/assets/explore.js", "<noscript>");
        HttpResponse<String> lib = http.get("/assets/cytoscape.min.js");
        assertThat(lib.statusCode()).isEqualTo(200);
        assertThat(lib.body()).contains("cytoscape").hasSizeGreaterThan(100_000);
    }
}
