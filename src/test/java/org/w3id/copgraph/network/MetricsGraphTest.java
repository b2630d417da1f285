package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.store.Store;

class MetricsGraphTest {

    private final Copgraph cg = seeded();

    private static Copgraph seeded() {
        Copgraph c = Copgraph.on(Fixtures.settings(), Store.inMemory());
        c.loader().loadSeedIfEmpty();
        return c;
    }

    @AfterEach
    void close() {
        cg.close();
    }

    private List<String> select(String sparql, String var) {
        return cg.store().query(QueryFactory.create(sparql), BindingFactory.empty(), 10_000, exec -> {
            List<String> out = new ArrayList<>();
            exec.select().forEachRemaining(b -> out.add(b.get(var).isLiteral() ? b.get(var).getLiteralLexicalForm() : b.get(var).toString()));
            return out;
        });
    }

    @Test
    void metricsArePublishedAsRdfThatSparqlCanQuery() {
        var before = cg.store().lastModified();
        assertThat(cg.metricsGraph().refreshIfStale()).isTrue();

        List<String> degrees = select("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                SELECT ?degree WHERE { GRAPH <https://w3id.org/copgraph/graph/network-metrics> {
                  ?m cop:metricsOf <https://w3id.org/copgraph/id/cop/urbana> ; cop:projection "shared-events" ; cop:degree ?degree } }""",
                "degree");
        assertThat(degrees).containsExactly("2");
        // Derived data is not a change of the data: caches keyed on the data version stay valid.
        assertThat(cg.store().lastModified()).isEqualTo(before);
        assertThat(cg.metricsGraph().refreshIfStale()).isFalse();
    }

    @Test
    void theMetricsGraphConformsToTheShapes() {
        cg.metricsGraph().refreshIfStale();
        Graph data = GraphFactory.createDefaultGraph();
        cg.store().read(d -> {
            d.getUnionGraph().find().forEachRemaining(data::add);
            return null;
        });
        RDFDataMgr.read(data, "ontology/copgraph.ttl");
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("ontology/shapes.ttl"));
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        assertThat(report.conforms()).as(() -> report.getEntries().toString()).isTrue();
        assertThat(data.find(null, NodeFactory.createURI("https://w3id.org/copgraph/ontology#betweenness"), null).toList()).hasSize(21);
    }

    @Test
    void aChangeOfTheDataMakesTheMetricsStale() {
        cg.metricsGraph().refreshIfStale();
        cg.store().write(d -> d.add(NodeFactory.createURI("https://w3id.org/copgraph/graph/test"),
                NodeFactory.createURI("https://w3id.org/copgraph/id/cop/new"),
                NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                NodeFactory.createURI("https://w3id.org/copgraph/ontology#CommunityOfPractice")));
        assertThat(cg.metricsGraph().refreshIfStale()).isTrue();
        assertThat(select("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                SELECT ?m WHERE { ?m cop:metricsOf <https://w3id.org/copgraph/id/cop/new> ; cop:projection "all" }""", "m")).hasSize(1);
    }

    @Test
    void aRefreshWritesOnlyTheMetricStatementsThatChanged() {
        cg.metricsGraph().refreshIfStale();
        long first = cg.metricsGraph().statementsWritten();
        // A change of the data that moves no metric: a second name for a CoP.
        cg.store().write(d -> d.add(NodeFactory.createURI("https://w3id.org/copgraph/graph/test"),
                NodeFactory.createURI("https://w3id.org/copgraph/id/cop/urbana"),
                NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
                NodeFactory.createLiteralLang("UrbanA again", "en")));
        assertThat(cg.metricsGraph().refreshIfStale()).isTrue();
        long second = cg.metricsGraph().statementsWritten() - first;
        assertThat(first).isGreaterThan(100);
        // The graph's own version and time, removed and added; no CoP's metrics.
        assertThat(second).isLessThanOrEqualTo(4);
        assertThat(select("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                SELECT ?m WHERE { GRAPH <https://w3id.org/copgraph/graph/network-metrics> { ?m cop:dataVersion ?v } }""", "m"))
                .hasSize(22);
    }

    @Test
    void aRestartFindsTheGraphOfTheDataNowAndDoesNotDeriveItAgain() {
        assertThat(cg.metricsGraph().refreshIfStale()).isTrue();
        MetricsGraph restarted = new MetricsGraph(cg.store(), cg.settings().iris(), cg.network());
        assertThat(restarted.refreshIfStale()).isFalse();
        assertThat(restarted.isCurrent()).isTrue();
        assertThat(restarted.statementsWritten()).isZero();
    }

    @Test
    void aGraphAnEarlierRevisionDerivedIsDerivedAgainAfterARestart() {
        cg.metricsGraph().refreshIfStale();
        var graph = NodeFactory.createURI(cg.metricsGraph().graphIri());
        var derivedWith = NodeFactory.createURI("https://w3id.org/copgraph/ontology#derivedWith");
        assertThat(select("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                SELECT ?m WHERE { GRAPH <https://w3id.org/copgraph/graph/network-metrics> {
                  <https://w3id.org/copgraph/graph/network-metrics> cop:derivedWith ?m } }""", "m"))
                .containsExactly(MetricsGraph.METHOD);
        cg.store().writeDerived(cg.metricsGraph().graphIri(), d -> {
            d.deleteAny(graph, graph, derivedWith, org.apache.jena.graph.Node.ANY);
            d.add(graph, graph, derivedWith, NodeFactory.createLiteralString("network-metrics/0"));
        });
        MetricsGraph restarted = new MetricsGraph(cg.store(), cg.settings().iris(), cg.network());
        assertThat(restarted.refreshIfStale()).isTrue();
        assertThat(select("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                SELECT ?m WHERE { GRAPH <https://w3id.org/copgraph/graph/network-metrics> {
                  <https://w3id.org/copgraph/graph/network-metrics> cop:derivedWith ?m } }""", "m"))
                .containsExactly(MetricsGraph.METHOD);
    }
}
