package org.w3id.copgraph.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.queries.ResultFormat;

class SuggestionsGraphTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("suggestions-graph-test");

    private List<String> select(String sparql, String var) {
        return server.cg().store().query(QueryFactory.create(sparql), BindingFactory.empty(), 10_000, exec -> {
            List<String> out = new ArrayList<>();
            exec.select().forEachRemaining(b -> out.add(b.get(var).toString()));
            return out;
        });
    }

    private List<String> helpersOf(String cop) {
        return select("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?helper WHERE { GRAPH <https://w3id.org/copgraph/graph/suggestions> {
                  ?s a cop:Suggestion ; cop:evidenceStatus cop:Suggested ; cop:target <%s> ; prov:agent ?helper ;
                     cop:reason [ cop:reasonKind ?k ] } }""".formatted(cop), "helper");
    }

    @Test
    void theSuggestionsGraphConformsToTheShapes() {
        server.cg().suggestionsGraph().refreshIfStale();
        org.apache.jena.graph.Graph data = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        server.cg().store().read(d -> {
            d.getUnionGraph().find().forEachRemaining(data::add);
            return null;
        });
        org.apache.jena.riot.RDFDataMgr.read(data, "ontology/copgraph.ttl");
        org.apache.jena.riot.RDFDataMgr.read(data, "ontology/schemes.ttl");
        var shapes = org.apache.jena.shacl.Shapes.parse(org.apache.jena.riot.RDFDataMgr.loadGraph("ontology/shapes.ttl"));
        var report = org.apache.jena.shacl.ShaclValidator.get().validate(shapes, data);
        assertThat(report.conforms()).as(() -> report.getEntries().toString()).isTrue();
        assertThat(data.find(null, org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/ontology#reasonKind"), null)
                .toList()).isNotEmpty();
    }

    @Test
    void suggestionsGraphIsRefreshedAfterAChange() throws Exception {
        var cg = server.cg();
        var before = cg.store().lastModified();
        // The server may have written it at start-up already; either way it is current after this.
        cg.suggestionsGraph().refreshIfStale();
        assertThat(cg.suggestionsGraph().isCurrent()).isTrue();
        assertThat(cg.suggestionsGraph().refreshIfStale()).isFalse();
        // Derived data is not a change of the data.
        assertThat(cg.store().lastModified()).isEqualTo(before);
        assertThat(helpersOf("https://w3id.org/copgraph/id/cop/urbana")).isNotEmpty();
        assertThat(helpersOf("https://w3id.org/copgraph/id/cop/test-newcomer")).isEmpty();

        // A new CoP that needs what BLAST offers.
        HttpResponse<String> r = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/test-newcomer> {
                  <https://w3id.org/copgraph/id/cop/test-newcomer> a cop:CommunityOfPractice ;
                      rdfs:label "Newcomer CoP"@en ;
                      cop:needs <https://w3id.org/copgraph/id/need/test-newcomer-guide> .
                  <https://w3id.org/copgraph/id/need/test-newcomer-guide> a cop:Need ;
                      rdfs:label "A guide to running a CoP"@en ;
                      cop:concerns <https://w3id.org/copgraph/id/domain/communities-of-practice> ;
                      dcterms:description "We are starting and want a guide."@en .
                } }""", "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        assertThat(cg.suggestionsGraph().isCurrent()).isFalse();
        // The server refreshes it in the background a moment after the change; wait for that.
        for (int i = 0; i < 600 && !cg.suggestionsGraph().isCurrent(); i++) {
            Thread.sleep(100);
        }
        assertThat(cg.suggestionsGraph().isCurrent()).isTrue();
        assertThat(helpersOf("https://w3id.org/copgraph/id/cop/test-newcomer")).contains("https://w3id.org/copgraph/id/cop/blast");

        // The curated query reads the new graph, not an answer kept from before the rewrite.
        String csv = new String(cg.queries().answer("suggested-connections",
                Map.of("cop", "https://w3id.org/copgraph/id/cop/test-newcomer"), ResultFormat.CSV, cg.store()).body());
        assertThat(csv).contains("https://w3id.org/copgraph/id/cop/blast", "NeedMetByOffer");
    }

    @Test
    void aRefreshWritesOnlyTheSuggestionsThatChanged() {
        var cg = server.cg();
        cg.suggestionsGraph().refreshIfStale();
        long before = cg.suggestionsGraph().statementsWritten();
        long size = cg.store().read(d -> (long) d.getGraph(org.apache.jena.graph.NodeFactory.createURI(cg.suggestionsGraph().graphIri())).size());
        // A change of the data that moves no suggestion: a second name for a CoP.
        cg.store().write(d -> d.add(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/graph/test-alt"),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/id/cop/urbana"),
                org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
                org.apache.jena.graph.NodeFactory.createLiteralLang("UrbanA again", "en")));
        for (int i = 0; i < 10 && !cg.suggestionsGraph().isCurrent(); i++) {
            cg.suggestionsGraph().refreshIfStale();
        }
        assertThat(cg.suggestionsGraph().isCurrent()).isTrue();
        assertThat(size).isGreaterThan(50);
        // The graph's own data version and time, each removed and added; no suggestion rewritten.
        assertThat(cg.suggestionsGraph().statementsWritten() - before).isLessThanOrEqualTo(4);
    }

    @Test
    void aRestartFindsTheGraphOfTheDataNowAndDoesNotDeriveItAgain() {
        var cg = server.cg();
        for (int i = 0; i < 10 && !cg.suggestionsGraph().isCurrent(); i++) {
            cg.suggestionsGraph().refreshIfStale();
        }
        SuggestionsGraph restarted = new SuggestionsGraph(cg.store(), cg.settings().iris(), cg.suggestions());
        assertThat(restarted.refreshIfStale()).isFalse();
        assertThat(restarted.isCurrent()).isTrue();
        assertThat(restarted.statementsWritten()).isZero();
    }
}
