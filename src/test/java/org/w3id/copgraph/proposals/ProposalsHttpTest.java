package org.w3id.copgraph.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Settings;

/** Proposals over HTTP: sent by anyone, kept apart, accepted or rejected by a curator. */
class ProposalsHttpTest {

    @RegisterExtension
    static final ProposalServer server = new ProposalServer(Settings.Proposing.DEFAULTS.withRate(1000, 1000));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger N = new AtomicInteger();
    private static final String URBANA = ProposalServer.BASE + "id/cop/urbana";
    private static final String PREFIXES = "@prefix cop: <https://w3id.org/copgraph/ontology#> ."
            + " @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix dcterms: <http://purl.org/dc/terms/> .\n";

    /** A new CoP's IRI, different each time. */
    private static String newCop() {
        return ProposalServer.BASE + "id/cop/seed-swappers-" + N.incrementAndGet();
    }

    private static String minimalCop(String iri, String label) {
        return PREFIXES + "<" + iri + "> a cop:CommunityOfPractice ; rdfs:label \"" + label + "\"@en .";
    }

    private static HttpResponse<String> propose(String kind, String target, String turtle, String... headers) {
        return server.http().post("/api/proposals?kind=" + kind + "&target=" + Http.enc(target)
                + "&name=" + Http.enc("Ana Proposer") + "&contact=" + Http.enc("ana@example.org")
                + "&note=" + Http.enc("Found at a meeting"), "text/turtle", turtle, headers);
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).get("id").asText();
    }

    private static HttpResponse<String> accept(String id, String comment) {
        return server.http().post("/api/proposals/" + id + "/accept", "application/json",
                "{\"comment\": \"" + comment + "\"}", "Authorization", server.curator());
    }

    @Test
    void aTurtleProposalIsAnswered202WithItsStatusAddress() {
        String cop = newCop();
        HttpResponse<String> r = propose("new", cop, minimalCop(cop, "Seed Swappers"));
        String id = idOf(r);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/proposals/" + id);
        JsonNode status = json(server.http().get("/api/proposals/" + id));
        assertThat(status.get("state").asText()).isEqualTo("pending");
        assertThat(status.get("kind").asText()).isEqualTo("new");
        assertThat(status.get("target").asText()).isEqualTo(cop);
        assertThat(status.has("contact")).as("the contact is not on the open status address").isFalse();
        // The types the shapes imply are part of what it adds, so the reviewer sees them.
        assertThat(status.get("added").toString()).contains("http://www.w3.org/ns/org#Organization", "http://xmlns.com/foaf/0.1/Group");
        HttpResponse<String> page = server.http().get("/api/proposals/" + id, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("pending", "Seed Swappers").doesNotContain("ana@example.org");
        JsonNode forCurator = json(server.http().get("/api/proposals/" + id, "Authorization", server.curator()));
        assertThat(forCurator.get("contact").asText()).isEqualTo("ana@example.org");
    }

    @Test
    void aJsonLdProposalIsTakenWithoutFetchingRemoteContexts() {
        String cop = newCop();
        String jsonld = "{\"@context\": {\"rdfs\": \"http://www.w3.org/2000/01/rdf-schema#\"},"
                + " \"@id\": \"" + cop + "\", \"@type\": \"https://w3id.org/copgraph/ontology#CommunityOfPractice\","
                + " \"rdfs:label\": \"JSON-LD Swappers\"}";
        String id = idOf(server.http().post("/api/proposals?kind=new&name=Ana", "application/ld+json", jsonld));
        assertThat(json(server.http().get("/api/proposals/" + id)).get("target").asText()).as("the one typed subject").isEqualTo(cop);
        HttpResponse<String> remote = server.http().post("/api/proposals?kind=new&name=Ana", "application/ld+json",
                "{\"@context\": \"http://127.0.0.1:9/context.jsonld\", \"@id\": \"" + newCop() + "\"}");
        assertThat(remote.statusCode()).isEqualTo(400);
    }

    @Test
    void aPendingProposalIsNotInTheSparqlUnion() {
        String cop = newCop();
        idOf(propose("new", cop, minimalCop(cop, "Hidden Swappers")));
        assertThat(server.ask("<" + cop + "> ?p ?o")).isFalse();
        assertThat(server.ask("GRAPH ?g { ?s ?p \"Hidden Swappers\"@en }")).isFalse();
        assertThat(server.ask("?s ?p \"ana@example.org\"")).isFalse();
    }

    @Test
    void aPendingProposalIsNotInTheDumps() throws IOException {
        String cop = newCop();
        idOf(propose("new", cop, minimalCop(cop, "Undumped Swappers")));
        byte[] gz = server.http().sendBytes(HttpRequest.newBuilder(URI.create(server.origin() + "/dumps/copgraph.nq.gz")).build());
        String dump = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump).contains(URBANA).doesNotContain(cop).doesNotContain("Undumped Swappers").doesNotContain("urn:copgraph:");
    }

    @Test
    void aPendingProposalIsNotInTheEventStream() {
        String cop = newCop();
        idOf(propose("new", cop, minimalCop(cop, "Unstreamed Swappers")));
        String root = server.http().get("/ldes", "Accept", "text/turtle").body();
        Matcher m = Pattern.compile("/ldes/(\\d+)").matcher(root);
        List<String> pages = new ArrayList<>();
        while (m.find()) {
            pages.add(m.group());
        }
        assertThat(pages).isNotEmpty();
        for (String p : pages) {
            assertThat(server.http().get(p, "Accept", "text/turtle").body()).doesNotContain(cop).doesNotContain("Unstreamed");
        }
    }

    @Test
    void aPendingProposalIsNotInTheDatasetDescription() {
        String cop = newCop();
        String id = idOf(propose("new", cop, minimalCop(cop, "Undescribed Swappers")));
        String voidTurtle = server.http().get("/.well-known/void", "Accept", "text/turtle").body();
        assertThat(voidTurtle).contains("graph/").doesNotContain("graph/proposal/" + id).doesNotContain(cop);
    }

    @Test
    void acceptingPublishesIntoTheProposalsGraphDescribedAndCreditedToProposerAndReviewer() {
        String cop = newCop();
        String id = idOf(propose("new", cop, minimalCop(cop, "Accepted Swappers")));
        HttpResponse<String> r = accept(id, "Welcome!");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        String change = body.get("change").asText();
        String graph = ProposalServer.BASE + "graph/proposal/" + id;
        assertThat(body.get("graphs").toString()).contains(graph);
        assertThat(server.ask("GRAPH <" + graph + "> { <" + cop + "> a cop:CommunityOfPractice, org:Organization, foaf:Group ;"
                + " rdfs:label \"Accepted Swappers\"@en }")).isTrue();
        String proposer = ProposalServer.BASE + "id/agent/proposer-Ana-Proposer";
        String reviewer = ProposalServer.BASE + "id/agent/carla-curator";
        assertThat(server.ask("GRAPH <" + ProposalServer.BASE + "graph/meta> { <" + graph + "> a cop:SourceGraph ;"
                + " prov:wasAttributedTo <" + proposer + "> ; dcterms:contributor <" + reviewer + "> ;"
                + " prov:wasDerivedFrom <" + ProposalServer.BASE + "api/proposals/" + id + "> ;"
                + " dcterms:license <https://creativecommons.org/licenses/by/4.0/> }")).isTrue();
        assertThat(server.ask("GRAPH <" + ProposalServer.BASE + "graph/changes> { <" + change + "> prov:wasAssociatedWith <"
                + proposer + ">, <" + reviewer + "> ; prov:qualifiedAssociation [ prov:agent <" + proposer + "> ;"
                + " prov:hadRole <" + ProposalServer.BASE + "id/role/change-proposer> ], [ prov:agent <" + reviewer + "> ;"
                + " prov:hadRole <" + ProposalServer.BASE + "id/role/change-reviewer> ] . <" + proposer
                + "> rdfs:label \"Ana Proposer\" }")).isTrue();
        JsonNode status = json(server.http().get("/api/proposals/" + id));
        assertThat(status.get("state").asText()).isEqualTo("accepted");
        assertThat(status.get("reviewer").asText()).isEqualTo("carla-curator");
        assertThat(status.get("comment").asText()).isEqualTo("Welcome!");
        assertThat(status.get("change").asText()).isEqualTo(change);
        assertThat(server.http().get("/api/proposals/" + id, "Accept", "text/html").body()).contains("accepted", "Welcome!");
        assertThat(accept(id, "again").statusCode()).as("decided once").isEqualTo(409);
    }

    @Test
    void rejectingKeepsTheDataAsItWasAndRecordsTheComment() {
        String cop = newCop();
        String id = idOf(propose("new", cop, minimalCop(cop, "Rejected Swappers")));
        String before = server.dataHash();
        HttpResponse<String> r = server.http().post("/api/proposals/" + id + "/reject", "application/json",
                "{\"comment\": \"Not a CoP\"}", "Authorization", server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(server.dataHash()).isEqualTo(before);
        JsonNode status = json(server.http().get("/api/proposals/" + id));
        assertThat(status.get("state").asText()).isEqualTo("rejected");
        assertThat(status.get("comment").asText()).isEqualTo("Not a CoP");
        assertThat(status.get("change").isNull()).isTrue();
    }

    @Test
    void aChangeReplacesOnlyTheValuesOfThePropertiesItGives() {
        String cop = newCop();
        accept(idOf(propose("new", cop, PREFIXES + "<" + cop + "> a cop:CommunityOfPractice ; rdfs:label \"Old name\"@en ;"
                + " dcterms:description \"Kept as it is\"@en .")), "ok");
        String id = idOf(propose("change", cop, PREFIXES + "<" + cop + "> rdfs:label \"New name\"@en ."));
        JsonNode status = json(server.http().get("/api/proposals/" + id));
        assertThat(status.get("removed").toString()).contains("Old name").doesNotContain("Kept as it is");
        assertThat(status.get("added").toString()).contains("New name");
        assertThat(accept(id, "renamed").statusCode()).isEqualTo(200);
        assertThat(server.ask("<" + cop + "> rdfs:label \"New name\"@en ; dcterms:description \"Kept as it is\"@en")).isTrue();
        assertThat(server.ask("<" + cop + "> rdfs:label \"Old name\"@en")).isFalse();
    }

    @Test
    void aStaleProposalAppliesWhatIsLeftAndOneWithNothingLeftIs409() {
        String cop = newCop();
        accept(idOf(propose("new", cop, minimalCop(cop, "Before"))), "ok");
        String first = idOf(propose("change", cop, PREFIXES + "<" + cop + "> rdfs:label \"After\"@en ."));
        String same = idOf(propose("change", cop, PREFIXES + "<" + cop + "> rdfs:label \"After\"@en ."));
        String other = idOf(propose("change", cop, PREFIXES + "<" + cop + "> rdfs:label \"Before\"@en ; dcterms:description \"Also\"@en ."));
        assertThat(accept(first, "ok").statusCode()).isEqualTo(200);
        HttpResponse<String> nothing = accept(same, "ok");
        assertThat(nothing.statusCode()).isEqualTo(409);
        assertThat(json(nothing).get("error").asText()).isEqualTo("nothing-to-apply");
        assertThat(json(server.http().get("/api/proposals/" + same)).get("state").asText()).isEqualTo("pending");
        // 'other' removed nothing but adds a description (its label "Before" is gone meanwhile): the rest applies.
        assertThat(accept(other, "ok").statusCode()).isEqualTo(200);
        assertThat(server.ask("<" + cop + "> dcterms:description \"Also\"@en")).isTrue();
    }

    @Test
    void aNewProposalForAResourceThatExistsIs409SayingHowToProposeAChange() {
        HttpResponse<String> r = propose("new", URBANA, minimalCop(URBANA, "UrbanA again"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("message").asText()).contains("kind=change");
    }

    @Test
    void aProposalThatBreaksTheShapesIs422WithTheReport() {
        String cop = newCop();
        HttpResponse<String> r = propose("new", cop, PREFIXES + "<" + cop + "> a cop:CommunityOfPractice ; dcterms:description \"No name\" .");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("message").asText()).contains("rdfs:label");
    }

    @Test
    void aRemovalNeedsAReason() {
        HttpResponse<String> r = server.http().post("/api/proposals?kind=remove&name=Ana&target=" + Http.enc(URBANA), "text/turtle", "");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("reason-required");
    }

    @Test
    void aCrossSiteFormPostIs403AndASameSiteOneIsTaken() {
        String cop = newCop();
        String form = "kind=new&proposerName=Ana&target=" + Http.enc(cop) + "&data=" + Http.enc(minimalCop(cop, "Form Swappers"));
        assertThat(server.http().post("/api/proposals", "application/x-www-form-urlencoded", form,
                "Origin", "https://elsewhere.example").statusCode()).isEqualTo(403);
        assertThat(server.http().post("/api/proposals", "application/x-www-form-urlencoded", form,
                "Referer", "https://elsewhere.example/page").statusCode()).isEqualTo(403);
        assertThat(server.http().post("/api/proposals", "text/plain", form).statusCode()).as("no origin at all").isEqualTo(403);
        HttpResponse<String> ok = server.http().post("/api/proposals", "application/x-www-form-urlencoded", form,
                "Origin", server.origin());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        assertThat(ok.body()).contains("Thank you", "Form Swappers");
    }

    @Test
    void theFieldsOfAGeneratedFormAreTakenAsAProposal() {
        String form = "form=practice&rdfs-label=" + Http.enc("Seed swapping circles") + "&proposerName=Ada&" + "website=";
        HttpResponse<String> r = server.http().post("/api/proposals", "application/x-www-form-urlencoded", form,
                "Origin", server.origin(), "Accept", "application/json");
        String id = idOf(r);
        JsonNode status = json(server.http().get("/api/proposals/" + id));
        assertThat(status.get("kind").asText()).isEqualTo("new");
        assertThat(status.get("target").asText()).startsWith(ProposalServer.BASE + "id/practice/seed-swapping-circles");
        assertThat(status.get("proposer").asText()).isEqualTo("Ada");
        assertThat(status.get("added").toString()).contains("Seed swapping circles");
    }

    @Test
    void aFilledHoneypotIsRefusedWith400() {
        String cop = newCop();
        String form = "kind=new&proposerName=Bot&website=http%3A%2F%2Fspam.example&target=" + Http.enc(cop)
                + "&data=" + Http.enc(minimalCop(cop, "Spam"));
        HttpResponse<String> r = server.http().post("/api/proposals", "application/x-www-form-urlencoded", form,
                "Origin", server.origin(), "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("website").doesNotContain("honeypot");
    }

    @Test
    void aProposalTooLargeIs413() {
        String cop = newCop();
        StringBuilder many = new StringBuilder(minimalCop(cop, "Big"));
        for (int i = 0; i < 600; i++) {
            many.append("<").append(cop).append("> rdfs:comment \"c").append(i).append("\" .\n");
        }
        assertThat(propose("new", cop, many.toString()).statusCode()).as("too many statements").isEqualTo(413);
        String head = "POST /api/proposals?kind=new&name=Ana HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/turtle\r\n"
                + "Content-Length: 1000000000\r\n\r\n";
        assertThat(statusLine(head + "<a> <b> ")).as("too many bytes, refused before reading").contains(" 413 ");
    }

    @Test
    void acceptAndRejectWithoutATokenAre401BeforeTheBodyIsRead() {
        for (String action : List.of("accept", "reject")) {
            String head = "POST /api/proposals/any/" + action + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\n\r\n";
            assertThat(statusLine(head + "{\"comment\": ")).as(action).contains(" 401 ");
        }
        assertThat(server.http().get("/api/proposals?status=pending").statusCode()).as("the list is curators'").isEqualTo(401);
    }

    @Test
    void curatorsListPendingProposalsAndABrowserFormDecisionGoesBackToTheReviewPage() {
        String cop = newCop();
        String id = idOf(propose("new", cop, minimalCop(cop, "Listed Swappers")));
        JsonNode list = json(server.http().get("/api/proposals?status=pending", "Authorization", server.curator()));
        assertThat(list.get("proposals").toString()).contains(id);
        HttpResponse<String> r = server.http().post("/api/proposals/" + id + "/reject", "application/x-www-form-urlencoded",
                "comment=" + Http.enc("Duplicate"), "Authorization", server.curator(), "Accept", "text/html");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/review/" + id);
        assertThat(json(server.http().get("/api/proposals?status=pending", "Authorization", server.curator()))
                .get("proposals").toString()).doesNotContain(id);
    }

    /** The status line of a request sent on a raw socket whose body is never finished. */
    private static String statusLine(String request) {
        try (Socket s = new Socket("localhost", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return line == null ? "(connection closed)" : line;
        } catch (java.net.SocketTimeoutException e) {
            return "(no answer: the server waited for the body)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
