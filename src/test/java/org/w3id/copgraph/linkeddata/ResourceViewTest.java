package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Statement;

class ResourceViewTest {

    private final Copgraph cg = Fixtures.seeded();
    private final Iris iris = cg.settings().iris();
    private final ResourceDescriptions descriptions = new ResourceDescriptions(cg.store(), iris, 10_000);

    private ResourceView urbana(int page) {
        Description d = descriptions.describe(iris.forPath("/id/cop/urbana"), page);
        return ResourceView.of(d, iris, "/id/cop/urbana", "{}");
    }

    @Test
    void aResourceViewHasItsLabelTypesAndLinksOnTheServingHost() {
        ResourceView v = urbana(1);
        assertThat(v.title()).isEqualTo("UrbanA Community of Practice");
        assertThat(v.iri()).isEqualTo(iris.forPath("/id/cop/urbana"));
        assertThat(v.types()).anySatisfy(t -> assertThat(t.href()).isEqualTo("/ontology#CommunityOfPractice"));
        assertThat(v.explore().href()).startsWith("/explore?focus=");
        assertThat(v.formats()).extracting(ResourceView.Format::name).contains("ttl", "jsonld", "trig");
    }

    @Test
    void typesComeFirstAndEachPropertyIsNamedOnItsFirstRowOnly() {
        ResourceView v = urbana(1);
        assertThat(v.statements().get(0).property().code()).isEqualTo("rdf:type");
        long named = v.statements().stream().map(Statement::property).filter(p -> p != null).map(p -> p.href()).count();
        long distinct = v.statements().stream().map(Statement::property).filter(p -> p != null).map(p -> p.href()).distinct().count();
        assertThat(named).isEqualTo(distinct);
    }

    @Test
    void sourcesAreNumberedInTheOrderTheyAreFirstCitedAndAllListed() {
        ResourceView v = urbana(1);
        assertThat(v.sources()).isNotEmpty();
        assertThat(v.statements().get(0).sources().get(0).number()).isEqualTo(1);
        for (int i = 0; i < v.sources().size(); i++) {
            assertThat(v.sources().get(i).number()).isEqualTo(i + 1);
            assertThat(v.sources().get(i).link().href()).startsWith("/graph/");
        }
        v.statements().forEach(s -> s.sources().forEach(r -> assertThat(r.number()).isBetween(1, v.sources().size())));
    }

    @Test
    void theJsonLdCannotCloseItsScriptElement() {
        Description d = descriptions.describe(iris.forPath("/id/cop/urbana"), 1);
        ResourceView v = ResourceView.of(d, iris, "/id/cop/urbana", "{\"x\": \"</script><!--\"}");
        assertThat(v.jsonLdScript()).doesNotContain("</").doesNotContain("<!--");
    }
}
