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

    private static final String MDF = "/id/organisation/movimento-per-la-decrescita-felice";
    private static final String MDF_IRI = "https://w3id.org/copgraph/id/organisation/movimento-per-la-decrescita-felice";

    @Test
    void italianPagesUseItalianWords() {
        String it = server.http().get("/cops?hl=it").body();
        assertThat(it).contains("<html lang=\"it\">").contains("<h1>Comunità di pratica</h1>").contains("Cerca nell'elenco")
                .contains("Restringi");
        String es = server.http().get("/", "Accept-Language", "es-ES,es;q=0.9").body();
        assertThat(es).contains("<html lang=\"es\">").contains("Encuentra una comunidad de práctica").contains("Buscar en el directorio");
        String error = server.http().get("/no-such-page?lang=it", "Accept", "text/html").body();
        assertThat(error).contains("<html lang=\"it\">").contains("la pagina iniziale");
    }

    @Test
    void labelsFollowTheAskedLanguageWithFallback() {
        assertThat(server.http().get(MDF + "?lang=it", "Accept", "text/html").body())
                .contains(">Movimento per la Decrescita Felice</h1>");
        assertThat(server.http().get(MDF, "Accept", "text/html").body())
                .contains(">Movimento per la Decrescita Felice (Happy Degrowth Movement)</h1>");
        // Spanish asked; the seed has English and Italian: its untagged name (foaf:name) comes first, then English.
        assertThat(server.http().get(MDF + "?lang=es", "Accept", "text/html").body()).contains("<html lang=\"es\">")
                .contains(">Movimento per la Decrescita Felice</h1>");
        // The data keeps every language.
        assertThat(server.http().get(MDF + "?lang=it", "Accept", "text/turtle").body())
                .contains("\"Movimento per la Decrescita Felice (Happy Degrowth Movement)\"@en").contains("\"Movimento per la Decrescita Felice\"@it");
    }

    @Test
    void languageIsShownWhereItDiffers() {
        // The event has labels in Italian and English only: a Spanish reader gets the English one, marked.
        String es = server.http().get("/id/event/trame-storie-di-stoffa?lang=es", "Accept", "text/html").body();
        assertThat(es).contains("<h1 lang=\"en\">TraMe: stories of cloth. Let's begin <small class=\"lang-note\"").contains(">(en)</small></h1>");
        String it = server.http().get("/id/event/trame-storie-di-stoffa?lang=it", "Accept", "text/html").body();
        assertThat(it).contains("<h1>TraMe: storie di stoffa. Incominciamo</h1>");
    }

    @Test
    void cachedAnswersDoNotCrossLanguages() {
        // The same description, the same query rows and the same network come from caches:
        // each reader still gets labels in their own language, and the answers say they vary.
        for (int round = 0; round < 2; round++) {
            assertThat(server.http().get(MDF + "?lang=it", "Accept", "text/html").body()).contains(">Movimento per la Decrescita Felice</h1>");
            assertThat(server.http().get(MDF, "Accept", "text/html").body()).contains("(Happy Degrowth Movement)</h1>");
            String query = "/api/queries/events-by-organiser?organiser=" + org.w3id.copgraph.Http.enc(MDF_IRI);
            assertThat(server.http().get(query + "&lang=it", "Accept", "text/html").body()).contains("<td>TraMe: storie di stoffa. Incominciamo</td>");
            HttpResponse<String> en = server.http().get(query, "Accept", "text/html", "Accept-Language", "en");
            assertThat(en.body()).contains("<td>TraMe: stories of cloth. Let's begin</td>").doesNotContain("storie di stoffa");
            assertThat(en.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
            String net = "/api/network/neighbourhood?focus=" + org.w3id.copgraph.Http.enc(MDF_IRI) + "&depth=1";
            assertThat(server.http().get(net + "&lang=it").body()).contains("\"label\":\"Movimento per la Decrescita Felice\"");
            assertThat(server.http().get(net).body()).contains("\"label\":\"Movimento per la Decrescita Felice (Happy Degrowth Movement)\"");
            assertThat(server.http().get("/cops?hl=it").body()).contains("Restringi");
            assertThat(server.http().get("/cops?hl=en").body()).contains("Narrow down");
        }
    }
}
