package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;

/** The proposal forms over HTTP: pages without scripts, errors next to the fields, a good post handed to the intake. */
class ProposeFormsHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("forms-curator");

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String HTML = "text/html";

    private String origin() {
        return "http://localhost:" + server.port();
    }

    private HttpResponse<String> post(String path, String body, String... more) {
        String[] headers = new String[4 + more.length];
        headers[0] = "Accept";
        headers[1] = HTML;
        headers[2] = "Origin";
        headers[3] = origin();
        System.arraycopy(more, 0, headers, 4, more.length);
        return server.http().post(path, FORM, body, headers);
    }

    @Test
    void proposeListsEveryFormWithASentence() {
        HttpResponse<String> r = server.http().get("/propose", "Accept", HTML);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/propose/cop\"", "href=\"/propose/practice\"", "href=\"/propose/tool\"",
                "href=\"/propose/event\"", "href=\"/propose/offer\"", "href=\"/propose/need\"", "href=\"/propose/story\"");
    }

    @Test
    void theCopFormIsAnHtmlPageThatNeedsNoScript() {
        HttpResponse<String> r = server.http().get("/propose/cop", "Accept", HTML);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).doesNotContain("<script")
                .contains("<form class=\"proposal\" method=\"post\" action=\"/api/proposals\"")
                .contains("<input type=\"hidden\" name=\"form\" value=\"cop\">")
                .contains("<legend>Name and description</legend>", "<legend>Domain: what it is about</legend>")
                .contains("<label for=\"f-rdfs-label-0\">Name <span class=\"required\">(required)</span></label>")
                .contains("<select id=\"f-cop-domain\" name=\"cop-domain\" multiple")
                .contains(">permaculture</option>")
                .contains("<div class=\"hp\" aria-hidden=\"true\">", ">leave empty</label>");
    }

    @Test
    void theFormAsJsonListsItsFieldsInOrder() {
        HttpResponse<String> r = server.http().get("/propose/cop", "Accept", "application/json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"name\":\"cop\"", "\"key\":\"rdfs-label\"", "\"kind\":\"CONCEPT\"");
        assertThat(r.body().indexOf("\"key\":\"rdfs-label\"")).isLessThan(r.body().indexOf("\"key\":\"cop-domain\""));
    }

    @Test
    void aCopsEditFormIsFilledWithItsCurrentData() {
        HttpResponse<String> r = server.http().get("/cops/urbana/edit", "Accept", HTML);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Propose a change to UrbanA Community of Practice")
                .contains("value=\"UrbanA Community of Practice\"")
                .contains("<input type=\"hidden\" name=\"target\" value=\"https://w3id.org/copgraph/id/cop/urbana\">");
    }

    @Test
    void aCopPageLinksToProposingAChange() {
        HttpResponse<String> r = server.http().get("/id/cop/urbana", "Accept", HTML);

        assertThat(r.body()).contains("<a href=\"/cops/urbana/edit\">Propose a change</a>");
    }

    @Test
    void aPostWithErrorsIs422WithTheMessagesNextToTheFieldsAndTheValuesAsTyped() {
        String markup = "<b onmouseover=\"x()\">Bold</b>";
        HttpResponse<String> r = post("/api/proposals", "form=cop&rdfs-label=" + Http.enc(markup) + "&rdfs-label.lang=en"
                + "&cop-domain=" + Http.enc("https://w3id.org/copgraph/id/role/member") + "&proposerName=Ada");

        assertThat(r.statusCode()).isEqualTo(422);
        String body = r.body();
        assertThat(body).contains("The proposal was not sent")
                .contains("value=\"&lt;b onmouseover=&#34;x()&#34;>Bold&lt;/b>\"")
                .doesNotContain(markup);
        int label = body.indexOf("<label for=\"f-cop-domain\">");
        int error = body.indexOf("<div class=\"field-error\" id=\"f-cop-domain-error\">");
        int select = body.indexOf("<select id=\"f-cop-domain\"");
        assertThat(label).isPositive();
        assertThat(error).isGreaterThan(label);
        assertThat(select).isGreaterThan(error);
        assertThat(body.substring(error, select)).contains("Not one of the choices offered.",
                "must be a SKOS concept of the domains scheme");
        assertThat(body).contains("aria-describedby=\"f-cop-domain-help f-cop-domain-error\"");
    }

    @Test
    void aGoodPostBecomesAProposalWithAStatusAddress() {
        HttpResponse<String> r = post("/api/proposals", "form=cop&rdfs-label=Seed+Savers+of+the+Valley&rdfs-label.lang=en"
                + "&cop-domain=" + Http.enc("https://w3id.org/copgraph/id/domain/permaculture")
                + "&schema-knowsLanguage=it&proposerName=Ada&proposerContact=ada%40example.org&website=");

        assertThat(r.statusCode()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/proposals/");
        assertThat(r.body()).contains("<a href=\"" + location + "\">");
        // The proposer reads what they proposed by labels, as the curator will, not as bare IRIs.
        assertThat(r.body()).contains("<table class=\"diff\">", ">permaculture</a>");
        var proposal = server.cg().proposals().get(location.substring("/api/proposals/".length())).orElseThrow();
        assertThat(proposal.target()).isEqualTo("https://w3id.org/copgraph/id/cop/seed-savers-of-the-valley");
        assertThat(proposal.proposer()).isEqualTo("Ada");
        assertThat(proposal.added().size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aFieldEmptiedInAChangeFormTakesItsValuesAway() {
        String urbana = "https://w3id.org/copgraph/id/cop/urbana";
        HttpResponse<String> r = post("/api/proposals", "form=cop&target=" + Http.enc(urbana)
                + "&rdfs-label=UrbanA+Community+of+Practice&rdfs-label.lang=en"
                + "&cop-domain=" + Http.enc("https://w3id.org/copgraph/id/domain/urban-sustainability-and-justice")
                + "&skos-altLabel=&proposerName=Ada");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = r.headers().firstValue("Location").orElseThrow().substring("/api/proposals/".length());
        var proposal = server.cg().proposals().get(id).orElseThrow();
        assertThat(proposal.removed().find(org.apache.jena.graph.NodeFactory.createURI(urbana),
                org.apache.jena.vocabulary.SKOS.altLabel.asNode(), org.apache.jena.graph.Node.ANY).toList())
                .as("the emptied 'other names' field").hasSize(2);
        assertThat(proposal.removed().contains(org.apache.jena.graph.NodeFactory.createURI(urbana),
                org.apache.jena.vocabulary.RDFS.label.asNode(), org.apache.jena.graph.Node.ANY))
                .as("a field kept as it was changes nothing").isFalse();
    }

    @Test
    void aSecondNewCopOfTheSameNameWhileTheFirstIsPendingGetsAnotherAddress() {
        String body = "form=cop&rdfs-label=Twin+Circle&rdfs-label.lang=en&proposerName=Ada";
        String first = post("/api/proposals", body).headers().firstValue("Location").orElseThrow();
        String second = post("/api/proposals", body).headers().firstValue("Location").orElseThrow();

        String prefix = "/api/proposals/";
        assertThat(server.cg().proposals().get(first.substring(prefix.length())).orElseThrow().target())
                .isEqualTo("https://w3id.org/copgraph/id/cop/twin-circle");
        assertThat(server.cg().proposals().get(second.substring(prefix.length())).orElseThrow().target())
                .isEqualTo("https://w3id.org/copgraph/id/cop/twin-circle-2");
    }

    @Test
    void aFormPostFromAnotherSiteIsRefused() {
        HttpResponse<String> r = server.http().post("/api/proposals", FORM, "form=cop&rdfs-label=X&proposerName=Ada",
                "Accept", HTML, "Origin", "https://elsewhere.example");

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void theHoneypotFilledInIsRefused() {
        HttpResponse<String> r = post("/api/proposals", "form=tool&rdfs-label=Spam&proposerName=Bot&website=http%3A%2F%2Fspam.example");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The proposal was not taken.");
    }

    @Test
    void anApiClientGetsTheMessagesByField() {
        HttpResponse<String> r = server.http().post("/api/proposals", FORM, "form=event&rdfs-label=Gathering&schema-startDate=soon&proposerName=Ada",
                "Accept", "application/json", "Origin", origin());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("\"error\":\"invalid-form\"", "\"schema-startDate\":[\"Not a date", "\"schema-name\":[\"Required.");
    }
}
