package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;

class OntologyViewTest {

    private final Copgraph cg = Fixtures.seeded();
    private final OntologyView v = OntologyView.of(new OntologyDocument(cg.store(), cg.settings().iris(), 10_000).get(),
            cg.settings().iris());

    @Test
    void theViewListsClassesPropertiesAndConceptsOfTheNamespace() {
        assertThat(v.classes()).extracting(OntologyView.Term::name).contains("CommunityOfPractice", "CrossPollination");
        assertThat(v.properties()).extracting(OntologyView.Term::name).contains("domain");
        assertThat(v.formats()).extracting(ResourceView.Format::name).contains("ttl", "jsonld");
    }

    @Test
    void aClassShowsItsOwnPropertiesAndAnExampleFromTheData() {
        OntologyView.Term cop = v.classes().stream().filter(t -> t.name().equals("CommunityOfPractice")).findFirst().orElseThrow();
        assertThat(cop.properties()).anySatisfy(p -> {
            assertThat(p.property().href()).isEqualTo("#hostedBy");
            assertThat(p.inheritedFrom()).isNull();
        });
        // Its own properties come before those inherited (from org:Organization).
        assertThat(cop.properties().get(0).inheritedFrom()).isNull();
        assertThat(cop.properties()).anySatisfy(p -> assertThat(p.inheritedFrom()).isNotNull());
        assertThat(cop.example()).isNotNull();
        assertThat(cop.example().href()).startsWith("/id/cop/");
    }

    @Test
    void aPropertySaysWhichKindItIs() {
        OntologyView.Term domain = v.properties().stream().filter(t -> t.name().equals("domain")).findFirst().orElseThrow();
        assertThat(domain.facts().get(0).name()).isEqualTo("kind");
        assertThat(domain.facts().get(0).values().get(0).text()).isEqualTo("object property");
    }
}
