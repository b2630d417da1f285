package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/** What a client's query becomes on its way to each kind of store. */
class RemoteDialectTest {

    @Test
    void aQueryWithoutGraphGoesToVirtuosoAsTheClientWroteIt() {
        String q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n# the client's comment\nSELECT ?s { ?s rdfs:label ?l } LIMIT 5";
        assertThat(RemoteDialect.VIRTUOSO.forStore(q, QueryFactory.create(q))).isSameAs(q);
        assertThat(RemoteDialect.FUSEKI.forStore(q, QueryFactory.create(q))).isSameAs(q);
    }

    @Test
    void aConstantGraphBecomesAVariableEqualToItOnVirtuosoOnly() {
        String q = "SELECT ?s { GRAPH <https://example.org/g> { ?s ?p ?o } }";
        String sent = RemoteDialect.VIRTUOSO.forStore(q, QueryFactory.create(q));
        assertThat(sent).doesNotContain("GRAPH <https://example.org/g>").contains("?copgraphGraph1")
                .contains("<https://example.org/g>");
        // The same question: Jena reads the rewritten text as a query with the graph as a variable.
        assertThat(QueryFactory.create(sent).toString()).contains("FILTER ( ?copgraphGraph1 = <https://example.org/g> )");
        assertThat(RemoteDialect.FUSEKI.forStore(q, QueryFactory.create(q))).isSameAs(q);
    }

    @Test
    void aGraphVariableIsLeftAsItIs() {
        String q = "select ?g (count(*) as ?n) { graph ?g { ?s ?p ?o } } group by ?g";
        assertThat(QueryFactory.create(RemoteDialect.VIRTUOSO.forStore(q, QueryFactory.create(q)))).isEqualTo(QueryFactory.create(q));
    }
}
