package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;


import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.model.Cop;

class FragmentsHttpTest {

    private static final String QUERY = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?cop ?label WHERE { ?cop a cop:CommunityOfPractice ; rdfs:label ?label }""";
    private static final Path COMUNICA = Path.of(".ci/comunica/node_modules/.bin/comunica-sparql");

    private static Server app;
    private static Http http;
    private static String site;

    @BeforeAll
    static void start() {
        app = Fixtures.server();
        http = new Http(app.port());
        site = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void followingTheHydraControlsAnswersABasicGraphPatternAsSparqlDoes() {
        // A minimal TPF client: take the search template from the entry fragment, fill it for the
        // first pattern, follow hydra:next to the end, then fill it once per binding for the second.
        Fragment entry = fetch(site + "/fragments");
        String template = entry.meta.find(Node.ANY, uri(Cop.hydraTemplate), Node.ANY).next().getObject().getLiteralLexicalForm();
        assertThat(template).isEqualTo(site + "/fragments{?subject,predicate,object}");
        assertThat(count(entry)).isPositive();

        Set<String> viaFragments = new HashSet<>();
        for (Triple typed : all(fill(template, null, RDF.type.getURI(), Cop.CommunityOfPractice))) {
            for (Triple labelled : all(fill(template, typed.getSubject().getURI(), RDFS.label.getURI(), null))) {
                viaFragments.add(typed.getSubject().getURI() + " " + labelled.getObject());
            }
        }
        assertThat(viaFragments).hasSizeGreaterThanOrEqualTo(3).isEqualTo(viaSparql());
    }

    @Test
    void countsArePreciseAndPagesLinkOnward() {
        Fragment first = fetch(fill(site + "/fragments{?subject,predicate,object}", null, RDF.type.getURI(), null));
        long total = count(first);
        assertThat(total).isGreaterThan(Fragments.PAGE_SIZE);
        assertThat(first.data.size()).isEqualTo(Fragments.PAGE_SIZE);
        assertThat(all(first.url)).hasSize((int) total);
        Fragment literal = fetch(site + "/fragments?object=" + Http.enc("\"UrbanA\"@en"));
        assertThat(literal.data.find().toList()).isNotEmpty()
                .allMatch(t -> t.getObject().getLiteralLexicalForm().equals("UrbanA"));
    }

    @Test
    void aMalformedTermIs400NamingIt() {
        HttpResponse<String> r = http.get("/fragments?subject=" + Http.enc("not an iri"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("subject");
        assertThat(http.get("/fragments?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void comunicaGetsTheSameAnswerAsSparql() throws Exception {
        assumeTrue(Files.isExecutable(COMUNICA), "Comunica is not installed (.ci/run installs it with npm)");
        Path errors = Files.createTempFile("comunica", ".log");
        Process p = new ProcessBuilder(COMUNICA.toString(), site + "/fragments", "-t", "application/sparql-results+json", QUERY)
                .redirectError(errors.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(errors)).isZero();
        assertThat(rows(ResultSetFactory.fromJSON(new ByteArrayInputStream(out)))).hasSizeGreaterThanOrEqualTo(3).isEqualTo(viaSparql());
    }

    private static Set<String> viaSparql() {
        HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(QUERY), "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        return rows(ResultSetFactory.fromJSON(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))));
    }

    private static Set<String> rows(ResultSet rs) {
        Set<String> out = new HashSet<>();
        rs.forEachRemaining(row -> out.add(row.getResource("cop").getURI() + " " + row.get("label").asNode()));
        return out;
    }

    private record Fragment(String url, Graph data, Graph meta) {
    }

    private static Fragment fetch(String url) {
        HttpResponse<String> r = http.get(url.substring(site.length()), "Accept", "application/trig");
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        DatasetGraph d = DatasetGraphFactory.create();
        RDFParser.fromString(r.body(), Lang.TRIG).parse(d);
        Graph meta = d.getGraph(uri(url + "#metadata"));
        assertThat(meta.contains(uri(url + "#metadata"), uri(Cop.foafPrimaryTopic), uri(url))).isTrue();
        return new Fragment(url, d.getDefaultGraph(), meta);
    }

    private static long count(Fragment f) {
        return Long.parseLong(f.meta.find(uri(f.url), uri(Cop.hydraTotalItems), Node.ANY).next().getObject().getLiteralLexicalForm());
    }

    private static List<Triple> all(String url) {
        List<Triple> out = new ArrayList<>();
        String next = url;
        while (next != null) {
            Fragment f = fetch(next);
            out.addAll(f.data.find().toList());
            var link = f.meta.find(uri(next), uri(Cop.hydraNext), Node.ANY);
            next = link.hasNext() ? link.next().getObject().getURI() : null;
        }
        return out;
    }

    /** Expands {@code {?subject,predicate,object}} (RFC 6570 form-style query expansion). */
    private static String fill(String template, String s, String p, String o) {
        String base = template.substring(0, template.indexOf('{'));
        List<String> parts = new ArrayList<>();
        if (s != null) {
            parts.add("subject=" + Http.enc(s));
        }
        if (p != null) {
            parts.add("predicate=" + Http.enc(p));
        }
        if (o != null) {
            parts.add("object=" + Http.enc(o));
        }
        return parts.isEmpty() ? base : base + "?" + String.join("&", parts);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
