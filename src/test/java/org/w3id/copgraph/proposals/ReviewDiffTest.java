package org.w3id.copgraph.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.store.Shacl;

class ReviewDiffTest {

    static final String PREFIXES = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX cp: <https://w3id.org/copgraph/id/cop/>
            PREFIX project: <https://w3id.org/copgraph/id/project/>
            PREFIX domain: <https://w3id.org/copgraph/id/domain/>
            """;
    static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";

    static Graph turtle(String body) {
        return RDFParser.fromString(PREFIXES + body, Lang.TURTLE).toGraph();
    }

    private final Copgraph cg = Fixtures.seeded();
    private final ReviewDiff review = new ReviewDiff(cg.store(), cg.curation(), cg.settings().iris(), 5_000);

    private DiffView.Subject subject(DiffView d, String text) {
        return d.subjects().stream().filter(s -> s.link().text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void theDiffShowsLabelsNotBareIrisAndLinksThemOnThisSite() {
        DiffView d = review.diff(turtle("cp:urbana cop:hostedBy project:urbana-two ; dcterms:description \"New words\"@en ."),
                turtle("cp:urbana cop:hostedBy project:urbana ."), URBANA, null);
        DiffView.Subject urbana = d.subjects().get(0);
        assertThat(urbana.link().text()).isEqualTo("UrbanA Community of Practice");
        assertThat(urbana.link().href()).isEqualTo("/id/cop/urbana");
        assertThat(urbana.isNew()).isFalse();
        DiffView.Row removed = urbana.rows().stream().filter(r -> r.change().equals(DiffView.REMOVED)).findFirst().orElseThrow();
        assertThat(removed.property().text()).isEqualTo("hosted by");
        assertThat(removed.property().code()).isEqualTo("cop:hostedBy");
        assertThat(removed.value().link().text()).isEqualTo("UrbanA");
        assertThat(removed.value().link().href()).isEqualTo("/id/project/urbana");
        DiffView.Row description = urbana.rows().stream().filter(r -> r.property().code() != null
                && r.property().code().equals("dcterms:description") && r.change().equals(DiffView.ADDED)).findFirst().orElseThrow();
        assertThat(description.value().text()).isEqualTo("New words");
        assertThat(description.value().lang()).isEqualTo("en");
        // The current description stays beside the new one, for context.
        assertThat(urbana.rows()).anyMatch(r -> r.change().equals(DiffView.KEPT) && r.value().text() != null
                && r.value().text().startsWith("Its domain is"));
        assertThat(d.added()).isEqualTo(2);
        assertThat(d.removed()).isEqualTo(1);
    }

    @Test
    void labelsComeInTheLanguageAsked() {
        DiffView d = review.diff(turtle("cp:urbana cop:hostedBy project:urbana ."), turtle(""), URBANA, "it");
        assertThat(d.subjects().get(0).rows().get(0).property().text()).isEqualTo("ospitata da");
    }

    @Test
    void statementsAlreadyTrueOrAlreadyGoneAreMarked() {
        DiffView d = review.diff(turtle("cp:urbana cop:domain domain:urban-sustainability-and-justice ."),
                turtle("cp:urbana cop:hostedBy project:not-there ."), URBANA, null);
        List<DiffView.Row> rows = d.subjects().get(0).rows();
        assertThat(rows).anyMatch(r -> r.change().equals(DiffView.ADDED) && "already true".equals(r.mark()));
        assertThat(rows).anyMatch(r -> r.change().equals(DiffView.REMOVED) && "already gone".equals(r.mark()));
        assertThat(d.alreadyTrue()).isEqualTo(1);
        assertThat(d.alreadyGone()).isEqualTo(1);
    }

    @Test
    void aNewResourceIsNamedByTheProposalsOwnLabelAndLiteralsKeepTheirDatatype() {
        DiffView d = review.diff(turtle("""
                cp:seed-savers a cop:CommunityOfPractice ; rdfs:label "Seed Savers"@en ;
                    dcterms:created "2024-05-01"^^xsd:date ; cop:hostedBy [ rdfs:label "a host" ] .
                """), turtle(""), "https://w3id.org/copgraph/id/cop/seed-savers", null);
        DiffView.Subject s = subject(d, "Seed Savers");
        assertThat(s.isNew()).isTrue();
        assertThat(d.subjects().get(0)).isSameAs(s);
        assertThat(s.rows()).anyMatch(r -> "xsd:date".equals(r.value().note()) && "2024-05-01".equals(r.value().text()));
        // An unnamed node links to its own section of the page.
        DiffView.Row host = s.rows().stream().filter(r -> "cop:hostedBy".equals(r.property().code())).findFirst().orElseThrow();
        assertThat(host.value().link().href()).startsWith("#node-");
        assertThat(d.subjects()).anyMatch(x -> x.anchor().equals(host.value().link().href().substring(1)));
    }

    @Test
    void anIriOfAnotherSchemeIsShownNotLinked() {
        DiffView d = review.diff(turtle("cp:urbana cop:hostedBy <javascript:alert(1)> ."), turtle(""), URBANA, null);
        DiffView.Row row = d.subjects().get(0).rows().stream().filter(r -> r.change().equals(DiffView.ADDED)).findFirst().orElseThrow();
        assertThat(row.value().link().href()).isEqualTo("#unlinkable");
    }

    @Test
    void theReportIsOfTheDataAfterAcceptingOnTheTouchedNodes() {
        Shacl.Report fine = review.report(turtle("cp:urbana dcterms:description \"More\"@en ."), turtle(""));
        assertThat(fine.conforms()).isTrue();
        // Taking away a CoP's only label breaks the shapes; the store itself is untouched.
        Shacl.Report broken = review.report(turtle(""), turtle("cp:urbana rdfs:label \"UrbanA Community of Practice\"@en ."));
        assertThat(broken.conforms()).isFalse();
        assertThat(broken.violations()).anyMatch(v -> v.focus().equals(URBANA));
        boolean stillLabelled = cg.store().readUnion(g -> g.contains(org.apache.jena.graph.NodeFactory.createURI(URBANA),
                org.apache.jena.vocabulary.RDFS.label.asNode(), org.apache.jena.graph.Node.ANY));
        assertThat(stillLabelled).isTrue();
    }
}
