package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.SeededServer;

/** The one choice of a request's language, as the pages show it. */
class LanguageHttpTest {

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void langParameterBeatsAcceptLanguage() {
        HttpResponse<String> r = server.http().get("/?lang=es", "Accept-Language", "it");
        assertThat(r.body()).contains("<html lang=\"es\">").contains(">Directorio</a>");
        assertThat(server.http().get("/", "Accept-Language", "it").body()).contains("<html lang=\"it\">").contains(">Elenco</a>");
    }

    @Test
    void acceptLanguageQualityValuesAreHonoured() {
        HttpResponse<String> r = server.http().get("/", "Accept-Language", "en;q=0.3, fr;q=0.9, es;q=0.8, it;q=0.5");
        // fr is asked for most, but the pages have no French words: Spanish is the next choice.
        assertThat(r.body()).contains("<html lang=\"es\">");
        assertThat(r.headers().allValues("Vary").toString()).contains("Accept-Language");
        assertThat(server.http().get("/", "Accept-Language", "es;q=0, it").body()).contains("<html lang=\"it\">");
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertThat(server.http().get("/?lang=xx").body()).contains("<html lang=\"en\">").contains(">Directory</a>");
        assertThat(server.http().get("/", "Accept-Language", "fr-CA, de;q=0.5").body()).contains("<html lang=\"en\">");
        // Not a language tag at all: ignored, not an error.
        HttpResponse<String> odd = server.http().get("/?lang=%3Cscript%3E", "Accept-Language", "!!");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(odd.body()).contains("<html lang=\"en\">");
    }

    @Test
    void theSwitcherKeepsThePageAndItsParameters() {
        String body = server.http().get("/api/queries/ecosystem-overview?lang=it", "Accept", "text/html").body();
        assertThat(body).contains("href=\"/api/queries/ecosystem-overview?lang=es\"");
        // On the directory, lang is the working-language facet: the display language is hl.
        String cops = server.http().get("/cops?lang=it&hl=es").body();
        assertThat(cops).contains("<html lang=\"es\">").contains("href=\"/cops?lang=it&amp;hl=en\"");
    }
}
