package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.proposals.Proposal;
import org.w3id.copgraph.proposals.ReviewDiff;
import org.w3id.copgraph.proposals.Status;

/** The review page as rendered, for proposals made up here (no server needed). */
class ReviewPagesTest {

    private static final String PREFIXES = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX cp: <https://w3id.org/copgraph/id/cop/>
            PREFIX project: <https://w3id.org/copgraph/id/project/>
            """;

    private final Copgraph cg = Fixtures.seeded();
    private final ReviewDiff review = new ReviewDiff(cg.store(), cg.curation(), cg.settings().iris(), 5_000);

    private static Graph turtle(String body) {
        return RDFParser.fromString(PREFIXES + body, Lang.TURTLE).toGraph();
    }

    private static Proposal pending(String target, Graph added, Graph removed, String proposer, String note) {
        return new Proposal("p-test", "change", target, added, removed, proposer, "someone@example.org", note,
                Instant.parse("2026-12-01T10:00:00Z"), Status.PENDING, null, null, null, null, null, null);
    }

    @Test
    void theDiffShowsLabelsAndMarksWhatIsAlreadyTrue() {
        String html = Pages.render("review-proposal", review.view(pending("https://w3id.org/copgraph/id/cop/urbana",
                turtle("cp:urbana cop:hostedBy project:urbana ; dcterms:description \"Also in Lisbon\"@en ."), turtle(""),
                "Ana", null), null));
        assertThat(html).contains(">UrbanA Community of Practice</a>").contains(">hosted by</a>")
                .contains("href=\"/id/project/urbana\"").contains("already true").contains("Also in Lisbon")
                .contains("<small>@en</small>");
        // Contact is for curators, and this page is for curators only.
        assertThat(html).contains("someone@example.org");
        assertThat(html).contains("action=\"/api/proposals/p-test/accept\"").contains("action=\"/api/proposals/p-test/reject\"")
                .contains("name=\"comment\"");
        assertThat(html).contains("The data would conform");
    }

    @Test
    void markupInAProposalIsShownAsText() {
        String html = Pages.render("review-proposal", review.view(pending("https://w3id.org/copgraph/id/cop/x-script",
                turtle("""
                        cp:x-script a cop:CommunityOfPractice ; rdfs:label "<script>alert(1)</script> CoP"@en ;
                            dcterms:description "<img src=x onerror=alert(2)>"@en .
                        """), turtle(""), "<b>Mallory</b>", "<i>note</i>"), null));
        assertThat(html).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x").doesNotContain("<b>Mallory</b>")
                .doesNotContain("<i>note</i>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; CoP").contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("&lt;b&gt;Mallory&lt;/b&gt;");
    }

    @Test
    void theShaclReportOfAProposalThatWouldBreakTheShapesIsShown() {
        // A CoP without a label: pending proposals are checked at submission, but the data may have moved since.
        String html = Pages.render("review-proposal", review.view(pending("https://w3id.org/copgraph/id/cop/nameless",
                turtle("cp:nameless a cop:CommunityOfPractice ; dcterms:description \"No name\"@en ."), turtle(""),
                "Ana", null), null));
        assertThat(html).contains("would break the data contract").contains("<strong>Violation</strong>")
                .contains("href=\"/id/cop/nameless\"");
    }

    @Test
    void aDecidedProposalShowsItsDecisionAndWhereTheChangeWent() {
        Proposal p = new Proposal("p-done", "change", "https://w3id.org/copgraph/id/cop/urbana",
                turtle("cp:urbana dcterms:description \"Also in Lisbon\"@en ."), turtle(""), "Ana", null, null,
                Instant.parse("2026-12-01T10:00:00Z"), Status.ACCEPTED, "rosa", "Thanks, Ana", Instant.parse("2026-12-01T11:00:00Z"),
                "https://w3id.org/copgraph/id/change/20261201T110000000-1", "https://w3id.org/copgraph/graph/proposal/p-done", null);
        String html = Pages.render("review-proposal", review.view(p, null));
        assertThat(html).contains("Decision: accepted").contains("<strong>rosa</strong>").contains("Thanks, Ana")
                .contains("href=\"/id/change/20261201T110000000-1\"").contains("href=\"/graph/proposal/p-done\"")
                .doesNotContain("action=\"/api/proposals/p-done/accept\"");
    }
}
