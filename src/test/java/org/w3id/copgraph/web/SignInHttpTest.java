package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.WritableServer;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.proposals.Proposal;
import org.w3id.copgraph.proposals.ProposalInput;

/** Browser sign-in: the session cookie, what it lets a browser do, and the checks around it. */
class SignInHttpTest {

    @RegisterExtension
    static final WritableServer server = new WritableServer("rosa");

    private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    private static String origin() {
        return "http://localhost:" + server.port();
    }

    private static HttpResponse<String> signIn(String token, String... extra) {
        String[] headers = new String[4 + extra.length];
        headers[0] = "Origin";
        headers[1] = origin();
        headers[2] = "Accept";
        headers[3] = HTML;
        System.arraycopy(extra, 0, headers, 4, extra.length);
        return server.http().post("/sign-in", "application/x-www-form-urlencoded",
                "token=" + Http.enc(token) + "&return=" + Http.enc("/review"), headers);
    }

    /** The {@code name=value} of the session cookie a response sets. */
    private static String cookieOf(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
    }

    @Test
    void signInWithAGoodTokenSetsAnHttpOnlyStrictSessionCookieAndGoesBack() {
        HttpResponse<String> r = signIn(server.curator());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/review");
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertThat(cookies).hasSize(1);
        String cookie = cookies.get(0);
        assertThat(cookie).startsWith(Sessions.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        // Plain http here: Secure would make the browser drop the cookie; it is set when the public URL is https.
        assertThat(cookie).doesNotContain("Secure");
        String id = cookieOf(r).substring(Sessions.COOKIE.length() + 1);
        assertThat(id).hasSize(43).doesNotContain(server.curator());
    }

    @Test
    void aBadTokenIs401WithTheSignInPageAndAMessageAndNoCookie() {
        HttpResponse<String> r = signIn("not-a-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(r.body()).contains("This token is not valid").contains("name=\"token\"");
    }

    @Test
    void aSignedInBrowserIsShownAsSignedInAndCanWriteAsTheCurator() {
        String cookie = cookieOf(signIn(server.curator()));
        HttpResponse<String> home = server.http().get("/", "Cookie", cookie, "Accept", HTML);
        assertThat(home.body()).contains("Signed in as <strong>rosa</strong>").contains("action=\"/sign-out\"")
                .contains("href=\"/review\"");
        HttpResponse<String> write = server.http().post("/update", "application/x-www-form-urlencoded",
                "update=" + Http.enc("CLEAR SILENT GRAPH <https://w3id.org/copgraph/graph/no-such-graph>"),
                "Cookie", cookie, "Origin", origin());
        assertThat(write.statusCode()).isEqualTo(200);
    }

    @Test
    void aCookiePostFromAnotherOriginIsRefused() {
        String cookie = cookieOf(signIn(server.curator()));
        String update = "update=" + Http.enc("CLEAR SILENT GRAPH <https://w3id.org/copgraph/graph/no-such-graph>");
        HttpResponse<String> foreign = server.http().post("/update", "application/x-www-form-urlencoded", update,
                "Cookie", cookie, "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("cross-origin");
        HttpResponse<String> foreignReferer = server.http().post("/update", "application/x-www-form-urlencoded", update,
                "Cookie", cookie, "Referer", "https://evil.example/page");
        assertThat(foreignReferer.statusCode()).isEqualTo(403);
        HttpResponse<String> noOrigin = server.http().post("/update", "application/x-www-form-urlencoded", update, "Cookie", cookie);
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> signInFromElsewhere = server.http().post("/sign-in", "application/x-www-form-urlencoded",
                "token=" + Http.enc(server.curator()), "Origin", "https://evil.example");
        assertThat(signInFromElsewhere.statusCode()).isEqualTo(403);
        assertThat(signInFromElsewhere.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aSignedOutBrowserAskingForReviewIsSentToSignInAndAnApiClientGets401() {
        HttpResponse<String> browser = server.http().get("/review/abc?lang=it", "Accept", HTML);
        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location")).hasValue("/sign-in?return=" + Http.enc("/review/abc?lang=it"));
        HttpResponse<String> page = server.http().get(browser.headers().firstValue("Location").orElseThrow(), "Accept", HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"return\" value=\"/review/abc?lang=it\"");
        HttpResponse<String> api = server.http().get("/review", "Accept", "application/json");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("token-required");
    }

    @Test
    void aSignedInCuratorSeesTheQueueAndAProposalButCannotBeMadeToAcceptItFromAnotherSite() {
        Proposal p = server.cg().proposals().submit(new ProposalInput("change", "https://w3id.org/copgraph/id/cop/urbana",
                RDFParser.fromString("<https://w3id.org/copgraph/id/cop/urbana> <http://purl.org/dc/terms/description>"
                        + " \"Meets monthly.\"@en .", Lang.TURTLE).toGraph(), "Ana", null, null),
                Caller.ANONYMOUS, "sign-in-test");
        String cookie = cookieOf(signIn(server.curator()));
        HttpResponse<String> queue = server.http().get("/review", "Cookie", cookie, "Accept", HTML);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("href=\"/review/" + p.id() + "\"").contains(">UrbanA Community of Practice</a>");
        HttpResponse<String> page = server.http().get("/review/" + p.id(), "Cookie", cookie, "Accept", HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Meets monthly.").contains(">description</a>");

        HttpResponse<String> forged = server.http().post("/api/proposals/" + p.id() + "/accept", "application/x-www-form-urlencoded",
                "comment=yes", "Cookie", cookie, "Origin", "https://evil.example", "Accept", HTML);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(server.cg().proposals().get(p.id()).orElseThrow().pending()).isTrue();

        HttpResponse<String> missing = server.http().get("/review/no-such-id", "Cookie", cookie, "Accept", HTML);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void anOwnerSignedInByTheirLinkIsShownAsOwnerAndMayNotReview() {
        // An owner link goes to a CoP's contact person: give UrbanA one first.
        server.cg().curation().apply(new Caller("rosa", org.w3id.copgraph.curation.Role.CURATOR),
                new org.w3id.copgraph.curation.Change.SparqlUpdate("INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/owner-test> {"
                        + " <https://w3id.org/copgraph/id/cop/urbana> <https://w3id.org/copgraph/ontology#contactPerson>"
                        + " <https://w3id.org/copgraph/id/person/pauliina-helle> } }"));
        var link = server.cg().ownerLinks().create("https://w3id.org/copgraph/id/cop/urbana",
                new Caller("rosa", org.w3id.copgraph.curation.Role.CURATOR));
        HttpResponse<String> in = server.http().get(link.path(), "Accept", HTML);
        assertThat(in.statusCode()).isEqualTo(303);
        String cookie = cookieOf(in);
        HttpResponse<String> home = server.http().get("/", "Cookie", cookie, "Accept", HTML);
        assertThat(home.body()).contains("(owner)").doesNotContain("href=\"/review\"");
        HttpResponse<String> review = server.http().get("/review", "Cookie", cookie, "Accept", HTML);
        assertThat(review.statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() {
        String cookie = cookieOf(signIn(server.curator()));
        HttpResponse<String> out = server.http().post("/sign-out", "application/x-www-form-urlencoded", "",
                "Cookie", cookie, "Origin", origin());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().allValues("Set-Cookie")).anyMatch(c -> c.contains("Max-Age=0"));
        // The old id is worth nothing now, even if the browser kept it.
        HttpResponse<String> after = server.http().get("/review", "Cookie", cookie, "Accept", HTML);
        assertThat(after.statusCode()).isEqualTo(303);
    }

    @Test
    void aReturnAddressOnAnotherSiteIsIgnored() {
        assertThat(SignInRoutes.returnTo("//evil.example/x")).isNull();
        assertThat(SignInRoutes.returnTo("/\\evil.example")).isNull();
        assertThat(SignInRoutes.returnTo("https://evil.example/")).isNull();
        assertThat(SignInRoutes.returnTo("/review/x?lang=it")).isEqualTo("/review/x?lang=it");
    }

    @Test
    void sameOriginAcceptsTheServingHostAndThePublicUrlOnly() {
        var url = org.w3id.copgraph.model.PublicUrl.parse("https://copgraph.example.org/");
        assertThat(SameOrigin.allowed("http://localhost:8080", "localhost:8080", null)).isTrue();
        assertThat(SameOrigin.allowed("https://copgraph.example.org", "127.0.0.1:8080", url)).isTrue();
        assertThat(SameOrigin.allowed("https://copgraph.example.org/review/1", "127.0.0.1:8080", url)).isTrue();
        assertThat(SameOrigin.allowed("https://copgraph.example.org.evil.example", "127.0.0.1:8080", url)).isFalse();
        assertThat(SameOrigin.allowed("http://localhost:8081", "localhost:8080", null)).isFalse();
        assertThat(SameOrigin.allowed(null, "localhost:8080", null)).isFalse();
    }
}
