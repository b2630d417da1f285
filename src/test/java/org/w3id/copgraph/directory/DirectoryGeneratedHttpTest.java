package org.w3id.copgraph.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.w3id.copgraph.directory.DirectoryHttpTest.facetValue;
import static org.w3id.copgraph.directory.DirectoryHttpTest.iris;
import static org.w3id.copgraph.directory.DirectoryHttpTest.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.bench.SyntheticEcosystem;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * {@code /cops} on the seed graph with 80 generated CoPs (places, meeting modes, languages,
 * statuses, review dates) and one CoP whose texts are markup.
 */
class DirectoryGeneratedHttpTest {

    private static final int GENERATED = 80;
    private static Copgraph cg;
    private static Server app;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("directory-test");
        Path generated = dir.resolve("generated.trig");
        try (OutputStream os = Files.newOutputStream(generated)) {
            new SyntheticEcosystem(GENERATED, 5, SyntheticEcosystem.domainsOf(Home.current().ontology().resolve("schemes.ttl")),
                    Iris.DEFAULT).emit(StreamRDFWriter.getWriterStream(os, RDFFormat.TRIG_BLOCKS));
        }
        Path markup = dir.resolve("markup.trig");
        Files.writeString(markup, """
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX foaf: <http://xmlns.com/foaf/0.1/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                GRAPH <https://w3id.org/copgraph/graph/markup-test> {
                  <https://w3id.org/copgraph/id/cop/markup> a cop:CommunityOfPractice , org:Organization , foaf:Group ;
                    rdfs:label "<script>alert('name')</script> Markup CoP"@en ;
                    skos:altLabel "<i>xx</i> markup"@en ;
                    dcterms:description "A <b>bold</b> claim & an <img src=x onerror=alert(1)> image."@en .
                }
                """);
        cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        cg.loader().loadFiles(Loader.BOOTSTRAP, List.of(generated, markup));
        app = Server.start(cg);
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        cg.close();
    }

    @Test
    void everyFacetCountIsTheNumberItsLinkLeadsTo() {
        JsonNode page = json(http, "/cops?size=100&more=org&more=place&more=tool&more=domain");
        int checked = 0;
        for (var facets = page.get("facets").fields(); facets.hasNext(); ) {
            var facet = facets.next();
            for (JsonNode v : facet.getValue().get("values")) {
                JsonNode narrowed = json(http, v.get("href").asText());
                assertThat(narrowed.get("total").asInt()).as(facet.getKey() + "=" + v.get("value").asText())
                        .isEqualTo(v.get("count").asInt());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void combinedFiltersNarrowAndEveryCardHasWhatWasAskedFor() {
        int english = json(http, "/cops?lang=en").get("total").asInt();
        int online = json(http, "/cops?online=yes").get("total").asInt();
        JsonNode both = json(http, "/cops?lang=en&online=yes&size=100");
        assertThat(both.get("total").asInt()).isPositive().isLessThan(Math.min(english, online) + 1);
        for (JsonNode card : both.get("cards")) {
            assertThat(card.get("languages").toString()).contains("\"en\"");
            assertThat(card.get("meets").asText()).startsWith("online");
        }
        JsonNode inPerson = json(http, "/cops?online=no&size=100");
        for (JsonNode card : inPerson.get("cards")) {
            assertThat(card.get("meets").asText()).isEqualTo("in person");
            assertThat(card.get("places")).isNotEmpty();
        }
    }

    @Test
    void aCountryCountsEveryCopOfItsLocalities() {
        JsonNode all = json(http, "/cops?more=place");
        JsonNode italy = facetValue(all, "place", "IT");
        assertThat(italy).isNotNull();
        int cities = 0;
        for (String city : List.of("Bologna", "Torino", "Roma")) {
            JsonNode v = facetValue(all, "place", city);
            cities += v == null ? 0 : v.get("count").asInt();
        }
        assertThat(italy.get("count").asInt()).isEqualTo(cities);
        JsonNode bologna = json(http, "/cops?place=Bologna&size=100");
        for (JsonNode card : bologna.get("cards")) {
            assertThat(card.at("/places/0/label").asText()).isEqualTo("Bologna, IT");
        }
    }

    @Test
    void pagingWalksEveryCopOnce() {
        JsonNode page = json(http, "/cops?size=7");
        int total = page.get("total").asInt();
        // The generated CoPs, the seed's three, the markup one (and one more once the data-change test has run).
        assertThat(total).isBetween(GENERATED + 4, GENERATED + 5);
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        while (true) {
            order.addAll(iris(page));
            seen.addAll(iris(page));
            if (page.at("/links/next").isNull()) {
                break;
            }
            page = json(http, page.at("/links/next").asText());
        }
        assertThat(order).hasSize(total);
        assertThat(seen).hasSize(total);
    }

    @Test
    void sortedByReviewTheMostRecentComeFirstAndTheNeverReviewedLast() {
        JsonNode page = json(http, "/cops?sort=reviewed&size=100");
        List<String> dates = new ArrayList<>();
        page.get("cards").forEach(c -> dates.add(c.get("lastReviewed").isNull() ? "" : c.get("lastReviewed").asText()));
        int firstNever = dates.indexOf("");
        assertThat(firstNever).isPositive();
        assertThat(dates.subList(firstNever, dates.size())).containsOnly("");
        List<String> reviewed = dates.subList(0, firstNever);
        List<String> sorted = new ArrayList<>(reviewed);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(reviewed).isEqualTo(sorted);
    }

    @Test
    void freshMeansReviewedWithinTheWindow() {
        LocalDate cutoff = LocalDate.now(java.time.ZoneOffset.UTC).minus(cg.settings().staleAfter());
        JsonNode fresh = json(http, "/cops?fresh=fresh&size=100");
        JsonNode stale = json(http, "/cops?fresh=stale&size=100");
        JsonNode never = json(http, "/cops?fresh=never&size=100");
        assertThat(fresh.get("total").asInt()).isPositive();
        assertThat(stale.get("total").asInt()).isPositive();
        fresh.get("cards").forEach(c -> assertThat(LocalDate.parse(c.get("lastReviewed").asText())).isAfterOrEqualTo(cutoff));
        stale.get("cards").forEach(c -> assertThat(LocalDate.parse(c.get("lastReviewed").asText())).isBefore(cutoff));
        never.get("cards").forEach(c -> assertThat(c.get("lastReviewed").isNull()).isTrue());
        assertThat(fresh.get("total").asInt() + stale.get("total").asInt() + never.get("total").asInt()).isEqualTo(json(http, "/cops").get("total").asInt());
    }

    @Test
    void aWordOfTheDescriptionFindsExactlyTheCopsThatSayIt() {
        JsonNode page = json(http, "/cops?q=composting&size=100");
        assertThat(page.get("total").asInt()).isPositive().isLessThan(GENERATED);
        page.get("cards").forEach(c -> assertThat(c.get("description").asText()).contains("composting"));
        JsonNode narrowed = json(http, "/cops?q=composting&status=active&size=100");
        assertThat(narrowed.get("total").asInt()).isLessThanOrEqualTo(page.get("total").asInt());
        narrowed.get("cards").forEach(c -> assertThat(c.at("/status/value").asText()).isEqualTo("active"));
    }

    @Test
    void markupInLabelsIsShownAsText() {
        String html = http.get("/cops?q=markup", "Accept", "text/html").body();
        assertThat(html).contains("&lt;script&gt;alert(", "&lt;b&gt;bold&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).doesNotContain("<script>", "<b>bold", "<img src=x");
        // Markup typed into the search box and a filter comes back as text too.
        String echoed = http.get("/cops?q=" + Http.enc("<i>xx</i>") + "&org=" + Http.enc("<b>x</b>"), "Accept", "text/html").body();
        assertThat(echoed).contains("&lt;i&gt;xx&lt;/i&gt;", "&lt;b&gt;x&lt;/b&gt;").doesNotContain("<i>xx", "<b>x");
    }

    @Test
    void theIndexIsReadAgainWhenTheDataChanges() {
        int before = json(http, "/cops").get("total").asInt();
        // A CoP with nothing but its type still gets a card.
        cg.store().write(d -> d.add(org.apache.jena.sparql.core.Quad.create(
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/graph/markup-test"),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/id/cop/late"),
                org.apache.jena.vocabulary.RDF.type.asNode(),
                org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/ontology#CommunityOfPractice"))));
        assertThat(json(http, "/cops").get("total").asInt()).isEqualTo(before + 1);
    }
}
