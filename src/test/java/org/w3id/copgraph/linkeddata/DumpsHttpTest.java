package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;


import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;

class DumpsHttpTest {

    private static Server app;
    private static Http http;
    private static Copgraph cg;

    @BeforeAll
    static void start() {
        cg = Fixtures.seeded();
        app = Fixtures.server();
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DumpFormat.class)
    void aDumpParsedBackEqualsTheStore(DumpFormat format) throws IOException {
        HttpResponse<byte[]> r = get("/dumps/" + format.fileName);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(Long.toString(r.body().length));
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        InputStream in = new ByteArrayInputStream(r.body());
        if (format.gzip) {
            in = new GZIPInputStream(in);
        }
        if (format.quads) {
            DatasetGraph parsed = DatasetGraphFactory.create();
            RDFParser.source(in).lang(Lang.NQUADS).parse(parsed);
            // Graph by graph: Jena's dataset isomorphism is exponential in blank nodes (the shapes have hundreds).
            DatasetGraph store = namedGraphs();
            assertThat(names(parsed)).isEqualTo(names(store));
            for (Node g : names(store)) {
                assertThat(parsed.getGraph(g).isIsomorphicWith(store.getGraph(g))).as(g.getURI()).isTrue();
            }
            assertThat(parsed.getDefaultGraph().isEmpty()).as("the store's bookkeeping stays out").isTrue();
        } else {
            Graph parsed = GraphFactory.createDefaultGraph();
            Lang lang = switch (format) {
                case NT -> Lang.NTRIPLES;
                case TTL -> Lang.TURTLE;
                default -> Lang.JSONLD;
            };
            RDFParser.source(in).lang(lang).parse(parsed);
            Graph union = union();
            assertThat(parsed.size()).isEqualTo(union.size());
            assertThat(parsed.isIsomorphicWith(union)).isTrue();
        }
    }

    @Test
    void aCurrentCopyGets304ByETagOrDate() {
        HttpResponse<byte[]> first = get("/dumps/copgraph.nt.gz");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> byTag = get("/dumps/copgraph.nt.gz", "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(get("/dumps/copgraph.nt.gz", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);

        assertThat(get("/dumps/copgraph.nt.gz", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        assertThat(get("/dumps/copgraph.nt.gz", "If-Modified-Since", "Thu, 01 Jan 2004 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(get("/dumps/copgraph.ttl", "If-None-Match", etag).statusCode())
                .as("each dump has its own tag").isEqualTo(200);
    }

    @Test
    void theExportCommandWritesTheBytesTheServerServes() {
        // The server rewrites the derived metrics graph in the background after it starts; compare
        // once it is current, or the two copies may straddle a rewrite.
        cg.metricsGraph().refreshIfStale();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cg.harvest().dumps().write(DumpFormat.TTL, out);
        assertThat(out.toByteArray()).isEqualTo(get("/dumps/copgraph.ttl").body());
    }

    @Test
    void anUnknownDumpIs404NamingTheDumps() {
        HttpResponse<String> r = http.get("/dumps/copgraph.xml");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("/dumps/copgraph.nt.gz");
    }

    private static java.util.Set<Node> names(DatasetGraph d) {
        java.util.Set<Node> out = new java.util.HashSet<>();
        d.listGraphNodes().forEachRemaining(out::add);
        return out;
    }

    private static Graph union() {
        return cg.store().read(d -> {
            Graph g = GraphFactory.createDefaultGraph();
            d.getUnionGraph().find().forEachRemaining(g::add);
            return g;
        });
    }

    private static DatasetGraph namedGraphs() {
        return cg.store().read(d -> {
            DatasetGraph copy = DatasetGraphFactory.create();
            d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
            return copy;
        });
    }
}
