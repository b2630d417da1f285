package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;


import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;

class OverviewTest {

    private final Copgraph cg = Fixtures.seeded();

    @Test
    void figuresAreTheRowsOfTheEcosystemOverviewQuery() {
        Overview o = Overview.of(cg.queries(), cg.store());
        assertThat(o.figures()).extracting(Overview.Figure::name)
                .startsWith("communities of practice", "people", "organisations");
        assertThat(o.figure("communities of practice")).isEqualTo(count("cop:CommunityOfPractice"));
    }

    @Test
    void organisationsMeansFormalOrganisationsAsInTheCuratedQuery() {
        // The old home page counted org:Organization (CoPs and projects included); the curated
        // query counts org:FormalOrganization. The home page now says what the query says.
        Overview o = Overview.of(cg.queries(), cg.store());
        assertThat(o.figure("organisations")).isEqualTo(count("org:FormalOrganization"));
        assertThat(count("org:Organization")).isNotEqualTo(count("org:FormalOrganization"));
    }

    @Test
    void everyCuratedQueryIsListedWithItsSummary() {
        Overview o = Overview.of(cg.queries(), cg.store());
        assertThat(o.queries()).hasSize(cg.queries().list().size());
        assertThat(o.queries()).anySatisfy(e -> {
            assertThat(e.link().href()).isEqualTo("/api/queries/ecosystem-overview");
            assertThat(e.summary()).isEqualTo("The ecosystem in figures");
        });
        assertThat(o.statements()).isEqualTo(cg.store().tripleCount());
    }

    @Test
    void aFigureHeadingStartsWithACapital() {
        assertThat(new Overview.Figure("communities of practice", 3).heading()).isEqualTo("Communities of practice");
    }

    private long count(String type) {
        var q = QueryFactory.create("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX org: <http://www.w3.org/ns/org#>
                SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a %s }""".formatted(type));
        return cg.store().query(q, BindingFactory.empty(), 10_000, exec -> Long.parseLong(
                exec.select().next().get("n").getLiteralLexicalForm()));
    }

}
