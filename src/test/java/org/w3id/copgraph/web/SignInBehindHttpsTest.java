package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;
import org.w3id.copgraph.model.PublicUrl;
import org.w3id.copgraph.store.Store;

/** Served behind an https proxy (a public URL that is https): the cookie is Secure, and the public URL's origin is this site. */
class SignInBehindHttpsTest {

    @Test
    void theSessionCookieIsSecureAndFormsFromThePublicUrlAreAccepted() throws Exception {
        Path file = Files.createTempFile("tokens", ".txt");
        String token = Tokens.load(file, Map.of()).issue(Role.CURATOR, "tomas");
        try (Copgraph cg = Copgraph.on(Fixtures.settings().withTokens(file)
                .withPublicUrl(PublicUrl.parse("https://copgraph.example.org/")), Store.inMemory())) {
            Server app = Server.start(cg);
            try {
                Http http = new Http(app.port());
                HttpResponse<String> r = http.post("/sign-in", "application/x-www-form-urlencoded", "token=" + Http.enc(token),
                        "Origin", "https://copgraph.example.org", "Accept", "text/html");
                assertThat(r.statusCode()).isEqualTo(303);
                assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure").contains("HttpOnly")
                        .contains("SameSite=Strict");
                HttpResponse<String> elsewhere = http.post("/sign-in", "application/x-www-form-urlencoded",
                        "token=" + Http.enc(token), "Origin", "http://copgraph.example.org");
                assertThat(elsewhere.statusCode()).isEqualTo(403);
                assertThat(http.get("/sign-out", "Accept", "text/html").headers().firstValue("Location")).hasValue("/sign-in");
            } finally {
                app.stop();
            }
        }
    }
}
