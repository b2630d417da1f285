package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** Which graphs a query of Virtuoso must leave out: only those one of its patterns could match. */
class GraphExclusionsTest {

    private static final String VIRTRDF = "http://www.openlinksw.com/schemas/virtrdf#";
    private static final String LDP = "http://www.w3.org/ns/ldp#";
    private static final String BOOKKEEPING = "urn:x-copgraph:bookkeeping";
    private static final String P = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dct: <http://purl.org/dc/terms/>
            """;

    private final GraphExclusions exclusions = new GraphExclusions(List.of(
            new GraphExclusions.Known(VIRTRDF, graph(uri(VIRTRDF + "DefaultQuadMap"), RDF.type.asNode(), uri(VIRTRDF + "QuadMap"))),
            new GraphExclusions.Known(LDP, graph(uri(LDP + "BasicContainer"), RDFS.subClassOf.asNode(), uri(LDP + "Container"))),
            new GraphExclusions.Always(BOOKKEEPING)));

    private static final String ONLY_BOOKKEEPING = "define input:default-graph-exclude <" + BOOKKEEPING + ">\n"
            + "define input:named-graph-exclude <" + BOOKKEEPING + ">\n";

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Graph graph(Node s, Node p, Node o) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(s, p, o);
        return g;
    }

    private String prologue(String query) {
        return exclusions.forQuery(QueryFactory.create(P + query));
    }

    @Test
    void aQueryOfPredicatesAndClassesNoExcludedGraphHoldsIsSentWithoutPragmas() {
        assertThat(prologue("SELECT ?domain (COUNT(?cop) AS ?n) WHERE { ?cop a cop:CommunityOfPractice ; cop:domain ?domain ."
                + " ?domain skos:prefLabel ?label } GROUP BY ?domain")).isEqualTo(ONLY_BOOKKEEPING);
        assertThat(prologue("SELECT ?cop WHERE { ?cop cop:domain/skos:broader+ ?d }")).isEqualTo(ONLY_BOOKKEEPING);
        // Every way through it takes a cop:domain step, so only statements of these predicates are reached.
        assertThat(prologue("SELECT ?cop WHERE { ?cop cop:domain/skos:broader* ?d }")).isEqualTo(ONLY_BOOKKEEPING);
    }

    @Test
    void aPatternAGraphCouldMatchKeepsThatGraphOut() {
        assertThat(prologue("SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"))
                .contains("default-graph-exclude <" + VIRTRDF + ">", "named-graph-exclude <" + VIRTRDF + ">")
                .contains(BOOKKEEPING).doesNotContain(LDP);
        assertThat(prologue("SELECT ?c WHERE { ?c rdfs:subClassOf ?d }")).contains(LDP, BOOKKEEPING).doesNotContain(VIRTRDF);
    }

    @Test
    void anythingThatCanReachEveryStatementOrNodeKeepsEveryGraphOut() {
        for (String q : List.of(
                "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                "SELECT ?a ?b WHERE { ?a skos:broader* ?b }",
                "SELECT ?x WHERE { ?x !(cop:domain) ?y }",
                "SELECT ?g WHERE { GRAPH ?g { } }",
                "SELECT ?cop WHERE { ?cop a cop:CommunityOfPractice FILTER NOT EXISTS { ?cop ?p ?o } }",
                "SELECT ?cop WHERE { { SELECT ?cop WHERE { ?cop ?p ?o } } }",
                "SELECT ?cop FROM <urn:g> WHERE { ?cop a cop:CommunityOfPractice }")) {
            assertThat(prologue(q)).as(q).contains(VIRTRDF, LDP, BOOKKEEPING);
        }
    }
}
