package org.w3id.copgraph.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.AS;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.model.Cop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FreshnessHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String BASE = "https://w3id.org/copgraph/";
    private static final String G = BASE + "graph/freshness-test";
    private static final String MARKUP = "<script>alert(\"x\")</script> & <b>Co</b>";

    @RegisterExtension
    static final WritableServer server = new WritableServer("carla");

    @BeforeAll
    static void addTestCops() {
        HttpResponse<String> r = server.http().post("/update", "application/sparql-update", """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX schema: <http://schema.org/>
                INSERT DATA { GRAPH <%s> {
                  <%sid/cop/fern-test> a cop:CommunityOfPractice, org:Organization, foaf:Group ; rdfs:label "Fern Growers"@en ;
                      cop:domain <%sid/domain/permaculture> ; schema:knowsLanguage "it" ; schema:location <%sid/place/brescia> ;
                      cop:contactPerson <%sid/person/duncan-crowley> .
                  <%sid/cop/moss-test> a cop:CommunityOfPractice, org:Organization, foaf:Group ; rdfs:label "Moss Keepers"@en ;
                      cop:domain <%sid/domain/intentional-communities> ; schema:knowsLanguage "en-GB" .
                  <%sid/cop/markup-test> a cop:CommunityOfPractice, org:Organization, foaf:Group ; rdfs:label "%s"@en .
                  <%sid/cop/dated-test> a cop:CommunityOfPractice, org:Organization, foaf:Group ; rdfs:label "Dated Growers"@en ;
                      cop:lastReviewed "2020-05-01"^^<http://www.w3.org/2001/XMLSchema#date> .
                  <https://w3id.org/copgraph/id/cop/lichen-test> a cop:CommunityOfPractice, org:Organization, foaf:Group ;
                      rdfs:label "Lichen Watchers"@en .
                  <%sid/cop/to-remove> a cop:CommunityOfPractice, org:Organization, foaf:Group ; rdfs:label "Short-lived CoP"@en ;
                      schema:location <%sid/place/to-remove-hall> ; org:hasMembership <%sid/membership/duncan-to-remove> .
                  <%sid/place/to-remove-hall> a schema:Place ; rdfs:label "The short-lived CoP's hall"@en .
                  <%sid/membership/duncan-to-remove> a org:Membership ; rdfs:label "Duncan in the short-lived CoP"@en ;
                      org:member <%sid/person/duncan-crowley> ; org:organization <%sid/cop/to-remove> .
                  <%sid/project/urbana> cop:hosts <%sid/cop/to-remove> .
                } }
                """.formatted(G, BASE, BASE, BASE, BASE, BASE, BASE, BASE, MARKUP.replace("\"", "\\\""), BASE, BASE, BASE, BASE, BASE, BASE, BASE,
                BASE, BASE, BASE), "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    // ---- confirming

    @Test
    void confirmByACuratorSetsLastReviewedAndIsInTheChangeLogAndTheEventStream() throws Exception {
        long members = server.cg().harvest().stream().size();
        HttpResponse<String> r = confirm("urbana", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("operation").asText()).isEqualTo("confirm");
        assertThat(body.get("changed").asBoolean()).isTrue();
        assertThat(body.get("agent").asText()).isEqualTo("carla");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(ask("ASK { GRAPH <" + BASE + "graph/reviews> { <" + BASE + "id/cop/urbana> <" + Cop.lastReviewed + "> \""
                + today + "\"^^<http://www.w3.org/2001/XMLSchema#date> } }")).isTrue();
        assertThat(ask("ASK { GRAPH <" + BASE + "graph/changes> { <" + body.get("change").asText() + "> <" + Cop.operation
                + "> \"confirm\" ; <" + Cop.changedResource + "> <" + BASE + "id/cop/urbana> } }")).isTrue();
        assertThat(ask("ASK { GRAPH <" + BASE + "graph/meta> { <" + BASE + "graph/reviews> a <" + Cop.SourceGraph + "> ;"
                + " <http://www.w3.org/ns/prov#wasDerivedFrom> <" + BASE + "graph/changes> } }"))
                .as("the reviews graph is described as a source, from the change log").isTrue();

        assertThat(server.cg().harvest().stream().size()).isGreaterThan(members);
        Graph newest = ldesPage(server.cg().harvest().stream().size() - 1);
        assertThat(newest.find(Node.ANY, DCTerms.isVersionOf.asNode(), uri(BASE + "id/cop/urbana")).toList())
                .anySatisfy(t -> assertThat(newest.contains(t.getSubject(), uri(Cop.lastReviewed), Node.ANY)).isTrue());
    }

    @Test
    void aCopWhoseSourceGivesAReviewDateCanStillBeConfirmedAndTheLatestDateCounts() throws Exception {
        // An imported directory states its own review date in its source graph; confirming adds
        // copgraph's date in graph/reviews. Both are true statements of their sources.
        HttpResponse<String> r = confirm("dated-test", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(ask("ASK { GRAPH <" + G + "> { <" + BASE + "id/cop/dated-test> <" + Cop.lastReviewed + "> ?d } }"))
                .as("the source's own date stays in its graph").isTrue();
        HttpResponse<String> page = server.http().get("/id/cop/dated-test", "Accept", "text/html");
        assertThat(page.body()).as("the latest date counts; both stay listed with their sources")
                .contains("Last reviewed: " + today).contains("<span>2020-05-01</span>");
    }

    @Test
    void aFormPostToConfirmGoesBackToTheCopPage() {
        HttpResponse<String> r = server.http().post("/api/cops/municipalities-in-transition/confirm",
                "application/x-www-form-urlencoded", "", "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/id/cop/municipalities-in-transition");
    }

    @Test
    void aCopPageShowsWhenItWasReviewedAndTheButtonOnlyToACurator() {
        String form = "<form method=\"post\" action=\"/api/cops/markup-test/confirm\">";
        HttpResponse<String> anyone = server.http().get("/id/cop/markup-test", "Accept", "text/html");
        assertThat(anyone.body()).contains("Last reviewed: never reviewed").doesNotContain(form);
        HttpResponse<String> curator = server.http().get("/id/cop/markup-test", "Accept", "text/html",
                "Authorization", "Bearer " + server.curator());
        assertThat(curator.body()).contains(form);
        assertThat(curator.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(server.http().get("/id/cop/markup-test", "Accept", "text/html", "Authorization", "Bearer nonsense").statusCode())
                .as("a bad token does not hide a public page").isEqualTo(200);
    }

    @Test
    void confirmWithoutATokenGives401() {
        HttpResponse<String> r = confirm("urbana", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(server.http().post("/api/cops/urbana/remove", "application/x-www-form-urlencoded", "reason=x").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anOwnerMayConfirmTheirOwnCopButNotAnother() {
        Freshness f = server.cg().freshness();
        Caller ownerOfMoss = new Caller("olga", Role.PUBLIC, BASE + "id/cop/moss-test");
        assertThatThrownBy(() -> f.confirm(ownerOfMoss, "urbana")).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.status()).isEqualTo(403));
        assertThat(f.confirm(ownerOfMoss, "moss-test").changed()).isTrue();
        assertThat(f.reviewBox(BASE + "id/cop/moss-test", Caller.ANONYMOUS).lastReviewed()).isEqualTo(f.today());
    }

    @Test
    void aSignedInOwnerConfirmsTheirCopFromThePageAndGets403ForAnother() throws Exception {
        HttpResponse<String> issued = server.http().post("/api/cops/fern-test/owner-link", "application/json", "",
                "Authorization", "Bearer " + server.curator());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        HttpResponse<String> signIn = server.http().get("/owner/" + JSON.readTree(issued.body()).get("token").asText());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String origin = "http://localhost:" + server.port();

        HttpResponse<String> page = server.http().get("/id/cop/fern-test", "Accept", "text/html", "Cookie", cookie);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/api/cops/fern-test/confirm\">");
        HttpResponse<String> own = server.http().post("/api/cops/fern-test/confirm", "application/x-www-form-urlencoded", "",
                "Cookie", cookie, "Origin", origin);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(303);
        assertThat(ask("ASK { <" + BASE + "id/cop/fern-test> <" + Cop.lastReviewed + "> ?d }")).isTrue();

        HttpResponse<String> other = server.http().post("/api/cops/urbana/confirm", "application/x-www-form-urlencoded", "",
                "Cookie", cookie, "Origin", origin, "Accept", "application/json");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(other.body()).get("error").asText()).isEqualTo("not-your-cop");
        assertThat(server.http().post("/api/cops/fern-test/remove", "application/x-www-form-urlencoded", "reason=mine",
                "Cookie", cookie, "Origin", origin, "Accept", "application/json").statusCode()).as("removing is a curator's").isEqualTo(403);
        assertThat(server.http().post("/api/cops/fern-test/confirm", "application/x-www-form-urlencoded", "",
                "Cookie", cookie, "Origin", "https://elsewhere.example").statusCode()).as("a cross-site form post").isEqualTo(403);
    }

    @Test
    void acceptingAProposalAboutACopCountsAsReviewingIt() {
        Freshness f = server.cg().freshness();
        String lichen = BASE + "id/cop/lichen-test";
        assertThat(f.reviewBox(lichen, Caller.ANONYMOUS).lastReviewed()).isNull();
        Graph description = GraphFactory.createDefaultGraph();
        description.add(uri(lichen), uri("http://purl.org/dc/terms/description"), NodeFactory.createLiteralLang("Watching lichens.", "en"));
        var p = server.cg().proposals().submit(new org.w3id.copgraph.proposals.ProposalInput("change", lichen, description,
                "Lia", null, null), Caller.ANONYMOUS, "test-client");
        Caller curator = new Caller("carla", Role.CURATOR);
        assertThat(server.cg().proposals().accept(p.id(), curator, "Checked").changed()).isTrue();
        assertThat(f.reviewBox(lichen, Caller.ANONYMOUS).lastReviewed()).isEqualTo(f.today());
    }

    @Test
    void confirmingAnUnknownCopGives404() {
        assertThat(confirm("no-such-cop-here", "Bearer " + server.curator()).statusCode()).isEqualTo(404);
    }

    // ---- the stale list

    @Test
    void theStaleListShowsNeverReviewedSeedCopsAndDropsAConfirmedOne() throws Exception {
        JsonNode before = staleList();
        assertThat(before.get("staleAfter").asText()).isEqualTo("P12M");
        JsonNode blast = find(before, BASE + "id/cop/blast");
        assertThat(blast).as("a seed CoP, never reviewed").isNotNull();
        assertThat(blast.get("lastReviewed").isNull()).isTrue();
        assertThat(blast.get("confirm").asText()).isEqualTo("/api/cops/blast/confirm");
        JsonNode fern = find(before, BASE + "id/cop/fern-test");
        if (fern != null) {
            assertThat(fern.get("contacts").get(0).get("label").asText()).isEqualTo("Duncan Crowley");
        }

        assertThat(confirm("blast", "Bearer " + server.curator()).statusCode()).isEqualTo(200);
        assertThat(find(staleList(), BASE + "id/cop/blast")).as("confirmed today: not stale for 12 months").isNull();
    }

    @Test
    void theStaleListIsForCuratorsAndAPageForBrowsers() {
        assertThat(server.http().get("/review/stale").statusCode()).isEqualTo(401);
        HttpResponse<String> page = server.http().get("/review/stale", "Accept", "text/html", "Authorization", "Bearer " + server.curator());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("CoPs due for review").contains("<form method=\"post\" action=\"/api/cops/")
                .contains("type=\"application/atom+xml\"").doesNotContain(MARKUP);
    }

    // ---- removing

    @Test
    void removeWithoutAReasonGives400() throws Exception {
        HttpResponse<String> r = server.http().post("/api/cops/moss-test/remove", "application/x-www-form-urlencoded", "reason=+",
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("reason-required");
        assertThat(ask("ASK { <" + BASE + "id/cop/moss-test> a <" + Cop.CommunityOfPractice + "> }")).isTrue();
    }

    @Test
    void removeWithAReasonTakesTheCopOutLeavesATombstoneAnswers410AndIsInTheFeed() throws Exception {
        String cop = BASE + "id/cop/to-remove";
        String reason = "Merged into UrbanA <for good> & never met";
        HttpResponse<String> r = server.http().post("/api/cops/to-remove/remove", "application/json",
                JSON.writeValueAsString(java.util.Map.of("reason", reason)), "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("operation").asText()).isEqualTo("remove");

        assertThat(ask("ASK { GRAPH ?g { { <" + cop + "> ?p ?o } UNION { ?s ?p <" + cop + "> } }"
                + " FILTER(?g != <" + BASE + "graph/changes>) }")).as("no statement left about it but its history").isFalse();
        assertThat(ask("ASK { <" + BASE + "id/membership/duncan-to-remove> ?p ?o }")).as("its membership went with it").isFalse();
        assertThat(ask("ASK { <" + BASE + "id/place/to-remove-hall> ?p ?o }")).as("its place, used by nothing else").isFalse();
        assertThat(ask("ASK { <" + BASE + "id/project/urbana> a ?t . <" + BASE + "id/person/duncan-crowley> a ?u }"))
                .as("what it was linked to stays").isTrue();
        assertThat(ask("ASK { GRAPH <" + BASE + "graph/changes> { ?a <" + Cop.removalReason + "> \"" + reason.replace("\"", "\\\"")
                + "\" ; <http://www.w3.org/ns/prov#invalidated> <" + cop + "> } }")).isTrue();

        Graph newest = ldesPage(server.cg().harvest().stream().size() - 1);
        assertThat(newest.find(Node.ANY, DCTerms.isVersionOf.asNode(), uri(cop)).toList()).anySatisfy(t -> {
            assertThat(newest.contains(t.getSubject(), RDF.type.asNode(), AS.Delete.asNode())).isTrue();
            assertThat(newest.contains(t.getSubject(), uri(Cop.removalReason), NodeFactory.createLiteralString(reason))).isTrue();
        });

        HttpResponse<String> gone = server.http().get("/id/cop/to-remove", "Accept", "application/ld+json");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(gone.body()).get("message").asText()).contains(reason);
        HttpResponse<String> page = server.http().get("/id/cop/to-remove", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Merged into UrbanA &lt;for good&gt; &amp; never met");

        Element entry = entries(feed("")).stream().filter(e -> text(e, "id").endsWith("#to-remove")
                && category(e).equals("removed")).findFirst().orElseThrow();
        assertThat(text(entry, "summary")).contains(reason);
        assertThat(text(entry, "title")).isEqualTo("Removed: Short-lived CoP");
    }

    // ---- the feed

    @Test
    void theFeedIsAtomWithEveryRequiredElement() throws Exception {
        HttpResponse<String> r = server.http().get("/feeds/cops.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        Element feed = parse(r.body()).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(feed, required)).as(required).hasSize(1);
        }
        assertThat(text(children(feed, "author").get(0), "name")).isNotBlank();
        assertThat(children(feed, "link")).anySatisfy(l -> {
            assertThat(l.getAttribute("rel")).isEqualTo("self");
            assertThat(l.getAttribute("href")).endsWith("/feeds/cops.atom");
        });
        List<Element> entries = children(feed, "entry");
        assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(CopFeed.CAP);
        List<String> ids = new ArrayList<>();
        String previous = null;
        for (Element e : entries) {
            for (String required : List.of("id", "title", "updated", "summary")) {
                assertThat(children(e, required)).as(required).hasSize(1);
            }
            java.time.Instant.parse(text(e, "updated"));
            assertThat(children(e, "link")).anySatisfy(l -> {
                assertThat(l.getAttribute("rel")).isEqualTo("alternate");
                assertThat(l.getAttribute("href")).contains("/id/cop/");
            });
            assertThat(category(e)).isIn("new", "changed", "stale", "removed");
            ids.add(text(e, "id"));
            if (previous != null) {
                assertThat(text(e, "updated")).as("newest first").isLessThanOrEqualTo(previous);
            }
            previous = text(e, "updated");
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(entries(feed("")).stream().map(e -> text(e, "id")).toList()).as("ids are stable").isEqualTo(ids);
    }

    @Test
    void theFeedFiltersByDomainIncludingNarrowerOnesByPlaceAndByLanguage() throws Exception {
        assertThat(copsIn(feed("?domain=socio-ecological-transition"))).contains("fern-test").doesNotContain("moss-test");
        assertThat(copsIn(feed("?domain=" + Http.enc(BASE + "id/domain/community-led-initiatives"))))
                .contains("moss-test").doesNotContain("fern-test");
        assertThat(copsIn(feed("?lang=en"))).contains("moss-test").doesNotContain("fern-test");
        assertThat(copsIn(feed("?lang=it"))).contains("fern-test").doesNotContain("moss-test");
        assertThat(copsIn(feed("?place=brescia"))).contains("fern-test").doesNotContain("moss-test");
        assertThat(server.http().get("/feeds/cops.atom?lang=" + Http.enc("<x>")).statusCode()).isEqualTo(400);
    }

    @Test
    void markupInACopLabelIsEscapedInTheFeed() throws Exception {
        String raw = server.http().get("/feeds/cops.atom").body();
        assertThat(raw).doesNotContain("<script>").doesNotContain("<b>Co</b>").contains("&lt;script&gt;");
        List<String> titles = entries(parse(raw)).stream().map(e -> text(e, "title")).toList();
        assertThat(titles).contains("New CoP: " + MARKUP);
    }

    @Test
    void theHomePageAndTheDirectoryLinkTheFeed() {
        assertThat(server.http().get("/", "Accept", "text/html").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
        assertThat(server.http().get("/cops", "Accept", "text/html").body())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
    }

    // ---- helpers

    private static HttpResponse<String> confirm(String slug, String authorization) {
        return authorization == null ? server.http().post("/api/cops/" + slug + "/confirm", "application/json", "")
                : server.http().post("/api/cops/" + slug + "/confirm", "application/json", "", "Authorization", authorization);
    }

    private static JsonNode staleList() throws Exception {
        HttpResponse<String> r = server.http().get("/review/stale", "Accept", "application/json",
                "Authorization", "Bearer " + server.curator());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode find(JsonNode list, String iri) {
        for (JsonNode c : list.get("cops")) {
            if (c.get("iri").asText().equals(iri)) {
                return c;
            }
        }
        return null;
    }

    private static boolean ask(String q) {
        return server.http().get("/sparql?query=" + Http.enc(q), "Accept", "application/sparql-results+json").body().contains("true");
    }

    private static Graph ldesPage(long member) {
        long page = member / server.cg().harvest().stream().pageSize();
        HttpResponse<String> r = server.http().get("/ldes/" + page, "Accept", "text/turtle");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).base("http://localhost/").parse(g);
        return g;
    }

    private static Document feed(String query) throws Exception {
        HttpResponse<String> r = server.http().get("/feeds/cops.atom" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return parse(r.body());
    }

    private static List<String> copsIn(Document feed) {
        return entries(feed).stream().map(e -> children(e, "link").get(0).getAttribute("href"))
                .map(h -> h.substring(h.lastIndexOf('/') + 1)).distinct().toList();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> entries(Document d) {
        return children(d.getDocumentElement(), "entry");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0).getTextContent();
    }

    private static String category(Element entry) {
        return children(entry, "category").get(0).getAttribute("term");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
