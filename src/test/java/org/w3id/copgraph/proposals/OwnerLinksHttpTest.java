package org.w3id.copgraph.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Settings;

/** Owner links on a server where owners' edits of their own CoP need no review. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerLinksHttpTest {

    @RegisterExtension
    static final ProposalServer server = new ProposalServer(Settings.Proposing.DEFAULTS.withRate(1000, 1000)
            .withOwnerEditsNeedReview(false));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URBANA = ProposalServer.BASE + "id/cop/urbana";
    private static final String BLAST = ProposalServer.BASE + "id/cop/blast";
    private static final String PREFIXES = "@prefix dcterms: <http://purl.org/dc/terms/> .\n";

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contactPersonForUrbana() {
        HttpResponse<String> r = server.http().post("/update", "application/sparql-update", "INSERT DATA { GRAPH <"
                + ProposalServer.BASE + "graph/owner-test> { <" + URBANA + "> <https://w3id.org/copgraph/ontology#contactPerson> <"
                + ProposalServer.BASE + "id/person/pauliina-helle> } }", "Authorization", server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        HttpResponse<String> link = server.http().post("/api/cops/urbana/owner-link", "application/json", "",
                "Authorization", server.curator());
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        return json(link).get("token").asText();
    }

    /** Follows an owner link and returns the session cookie it sets. */
    private static String signIn(String token) {
        HttpResponse<String> r = server.http().get("/owner/" + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/id/cop/urbana");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private static HttpResponse<String> proposeAsOwner(String cookie, String target, String turtle) {
        return server.http().post("/api/proposals?kind=change&target=" + Http.enc(target), "text/turtle", turtle,
                "Cookie", cookie, "Origin", server.origin());
    }

    @Test
    @Order(1)
    void onlyACuratorMakesAnOwnerLinkAndOnlyForACopWithAContactPerson() {
        assertThat(server.http().post("/api/cops/urbana/owner-link", "application/json", "").statusCode()).isEqualTo(401);
        HttpResponse<String> none = server.http().post("/api/cops/blast/owner-link", "application/json", "",
                "Authorization", server.curator());
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json(none).get("error").asText()).isEqualTo("no-contact-person");
        assertThat(server.http().post("/api/cops/no-such-cop/owner-link", "application/json", "",
                "Authorization", server.curator()).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void anOwnerChangesTheirOwnCopAtOnceButNotAnother() {
        String token = contactPersonForUrbana();
        String cookie = signIn(token);
        HttpResponse<String> own = proposeAsOwner(cookie, URBANA, PREFIXES + "<" + URBANA + "> dcterms:description \"In the owner's words\"@en .");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
        JsonNode p = json(own);
        assertThat(p.get("state").asText()).isEqualTo("accepted");
        assertThat(p.get("owner").asText()).isEqualTo(URBANA);
        assertThat(server.ask("<" + URBANA + "> dcterms:description \"In the owner's words\"@en")).isTrue();
        assertThat(server.ask("GRAPH <" + ProposalServer.BASE + "graph/changes> { <" + p.get("change").asText()
                + "> prov:qualifiedAssociation [ prov:hadRole <" + ProposalServer.BASE + "id/role/change-owner> ] }")).isTrue();

        String before = server.dataHash();
        HttpResponse<String> other = proposeAsOwner(cookie, BLAST, PREFIXES + "<" + BLAST + "> dcterms:description \"Not mine\"@en .");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        assertThat(server.dataHash()).isEqualTo(before);
        assertThat(server.http().post("/api/proposals?kind=change&target=" + Http.enc(URBANA), "text/turtle",
                PREFIXES + "<" + URBANA + "> dcterms:description \"Forged\"@en .", "Cookie", cookie,
                "Origin", "https://elsewhere.example").statusCode()).as("the owner's cookie from another site").isEqualTo(403);
    }

    @Test
    @Order(3)
    void aRevokedLinkSignsNobodyIn() {
        String token = contactPersonForUrbana();
        HttpResponse<String> r = server.http().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.origin() + "/api/cops/urbana/owner-link")).DELETE()
                .header("Authorization", server.curator()).build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("revoked").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(server.http().get("/owner/" + token).statusCode()).isEqualTo(404);
        assertThat(server.http().get("/owner/not-a-token").statusCode()).isEqualTo(404);
    }
}
