package org.w3id.copgraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;

/**
 * The seed graph says what its sources say and no more: SPARQL over the loaded seed (ontology/ and
 * data/ as {@code serve} loads them), one test for each thing the review of data/ against the seed
 * text and the research notes found told wrongly.
 */
class SeedHonestyTest {

    private static final String PREFIXES = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX id: <https://w3id.org/copgraph/id/>
            PREFIX graph: <https://w3id.org/copgraph/graph/>
            PREFIX scheme: <https://w3id.org/copgraph/id/scheme/>
            """;
    private static final String ID = "https://w3id.org/copgraph/id/";

    @Test
    void freeEventsAreTheOnesTheSeedMarksFree() {
        // The seed's "Free" follows the event it belongs to (the line after that event's "Find out more").
        assertThat(select("SELECT ?e WHERE { GRAPH ?g { ?e schema:isAccessibleForFree true } }")).containsExactlyInAnyOrder(
                ID + "event/how-to-make-transformation-of-local-community",
                ID + "event/prendiamoci-cura",
                ID + "event/apericena-giornata-europea-comunita-sostenibili",
                ID + "event/trame-storie-di-stoffa",
                ID + "event/govanhill-community-market");
        assertThat(ask("ASK { GRAPH ?g { ?e schema:isAccessibleForFree false } }")).isFalse();
    }

    @Test
    void reportedCrossPollinationsRestOnAReport() {
        // Only these two rest on what the page reports or shows: BLAST assessing insights of CoPs in the
        // ECOLISE ecosystem, and the CfF text reusing BLAST's definition. Appearing in one session is not a report.
        assertThat(select("""
                SELECT ?xp WHERE { GRAPH ?g { ?xp a cop:CrossPollination ; cop:evidenceStatus ?s FILTER(?s != cop:Proposed) } }
                """)).containsExactlyInAnyOrder(
                ID + "cross-pollination/blast-cop-from-ecolise-ecosystem",
                ID + "cross-pollination/cff-from-blast-cop-definition");
        for (String xp : List.of("urbana-cop-blast-cop-stories-cff-session-3", "mit-cop-blast-cop-stories-cff-session-3",
                "urbana-cop-mit-cop-stories-cff-session-3")) {
            assertThat(ask("ASK { GRAPH ?g { id:cross-pollination\\/" + xp + " cop:evidenceStatus cop:Proposed } }")).as(xp).isTrue();
        }
    }

    @Test
    void noProposedCrossPollinationCarriesTheShortcut() {
        assertThat(select("""
                SELECT ?xp WHERE {
                  GRAPH ?g { ?xp a cop:CrossPollination ; cop:target ?t ; prov:agent ?s }
                  { GRAPH ?h { ?xp cop:evidenceStatus cop:Proposed } } UNION { GRAPH ?h { ?xp cop:strength cop:Weak } }
                  { GRAPH ?k { ?t cop:crossPollinatedBy ?s } }
                  UNION
                  { GRAPH ?h2 { ?xp cop:direction cop:Mutual } GRAPH ?k { ?s cop:crossPollinatedBy ?t } }
                }""")).isEmpty();
        // Between the three CoPs of session #3 nothing is reported as taken up.
        assertThat(ask("""
                ASK { GRAPH ?g { ?a cop:crossPollinatedBy ?b }
                      VALUES ?a { id:cop\\/urbana id:cop\\/blast id:cop\\/municipalities-in-transition }
                      VALUES ?b { id:cop\\/urbana id:cop\\/blast id:cop\\/municipalities-in-transition } }
                """)).isFalse();
    }

    @Test
    void theEcosystemMembershipsOfTheThreeCopsAreProposed() {
        assertThat(select("""
                SELECT ?m WHERE { GRAPH ?g { ?m org:organization id:ecosystem\\/cff-cops-ecosystem ; org:member ?cop ;
                                              cop:evidenceStatus cop:Proposed } }
                """)).hasSize(3);
        assertThat(ask("""
                ASK { GRAPH ?g { { ?cop org:memberOf id:ecosystem\\/cff-cops-ecosystem }
                                 UNION { ?cop cop:partOfEcosystem id:ecosystem\\/cff-cops-ecosystem } } }
                """)).isFalse();
    }

    @Test
    void theSessionsPromotionalPlansAreNotToldAsWhatHappened() {
        assertThat(ask("""
                ASK { GRAPH ?g { ?x dcterms:description ?d
                      FILTER(CONTAINS(?d, "presented themselves") || CONTAINS(?d, "presented at CfF session")
                             || CONTAINS(?d, "presented itself")) } }
                """)).isFalse();
    }

    @Test
    void labelsNeitherSourceGivesAreGone() {
        for (String text : List.of("MDF", "Decrescita Felice Brescia", "Gioco del Dodo", "(December 2020)",
                "Robert Bosch Stiftung", "OSIFE", "Etienne", "Beverly", "Introduction to communities of practice")) {
            assertThat(ask("ASK { GRAPH ?g { ?s ?p ?o FILTER(isLiteral(?o) && CONTAINS(STR(?o), \"" + text + "\")) } }"))
                    .as(text).isFalse();
        }
        assertThat(ask("ASK { GRAPH ?g { ?s ?p <https://www.wenger-trayner.com/introduction-to-communities-of-practice/> } }"))
                .isFalse();
        // The BLAST grant's notes say only "EU contribution"; a reporting period's end is not the project's end.
        assertThat(ask("ASK { GRAPH ?g { ?grant schema:fundedItem id:project\\/blast ; schema:funder id:organisation\\/european-commission } }"))
                .isFalse();
        assertThat(ask("ASK { GRAPH graph:urbana-cordis { id:project\\/urbana schema:endDate ?end } }")).isFalse();
        // O'CoP and ONTOCOPI are cited as the research notes cite them, no more.
        assertThat(ask("ASK { GRAPH ?g { <https://w3id.org/copgraph/ontology> rdfs:seeAlso ?x FILTER(CONTAINS(STR(?x), \"doi.org\") || CONTAINS(STR(?x), \"hal.inria.fr\")) } }"))
                .isFalse();
    }

    @Test
    void whatBelongsTogetherIsLinked() {
        assertThat(ask("ASK { GRAPH ?g { id:event\\/trame-storie-di-stoffa cop:partOf id:event\\/trame } }")).isTrue();
        assertThat(ask("ASK { GRAPH ?g { id:document\\/blast-cop-guide prov:wasRevisionOf id:document\\/blast-cops-guide-draft-v1-0 } }"))
                .isTrue();
        assertThat(ask("ASK { GRAPH ?g { id:organisation\\/iclei-europe org:subOrganizationOf id:organisation\\/iclei } }")).isTrue();
    }

    @Test
    void everyEnrichmentGraphSaysItWasDerivedFromTheResearchNotes() {
        Set<String> missing = new TreeSet<>();
        for (var file : ModelFiles.dataFiles()) {
            String slug = ModelFiles.slugOfFile(file);
            if (slug.equals("cff-session-3")) {
                continue; // the seed text itself, read directly
            }
            boolean notes = ask("ASK { GRAPH graph:meta { graph:" + slug
                    + " prov:wasDerivedFrom id:document\\/research-notes-vocabularies-and-facts } }");
            boolean page = ask("ASK { GRAPH graph:meta { graph:" + slug
                    + " prov:wasDerivedFrom ?page ; dcterms:source ?page FILTER(STRSTARTS(STR(?page), \"http\")) } }");
            if (!notes || !page) {
                missing.add(slug);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(ask("ASK { GRAPH graph:meta { graph:cff-session-3 prov:wasDerivedFrom id:document\\/research-notes-vocabularies-and-facts } }"))
                .isFalse();
        assertThat(ask("ASK { GRAPH ?g { id:document\\/research-notes-vocabularies-and-facts a schema:CreativeWork ; rdfs:label ?l } }"))
                .isTrue();
    }

    @Test
    void suggestedIsAFourthEvidenceStatus() {
        assertThat(select("SELECT ?c WHERE { GRAPH ?g { ?c skos:inScheme scheme:evidence-statuses } }")).containsExactlyInAnyOrder(
                "https://w3id.org/copgraph/ontology#Proposed", "https://w3id.org/copgraph/ontology#Reported",
                "https://w3id.org/copgraph/ontology#Observed", "https://w3id.org/copgraph/ontology#Suggested");
        assertThat(ask("""
                ASK { GRAPH ?g { cop:Suggested skos:prefLabel ?en , ?it FILTER(LANG(?en) = "en" && LANG(?it) = "it") } }
                """)).isTrue();
        // Computed, never curated: no source graph uses it, and it is on no scale with the other three.
        assertThat(ask("ASK { GRAPH ?g { ?x cop:evidenceStatus cop:Suggested } }")).isFalse();
        assertThat(ask("ASK { GRAPH ?g { cop:Suggested skos:notation ?n } }")).isFalse();
        assertThat(select("SELECT ?k WHERE { GRAPH ?g { ?k skos:inScheme cop:SuggestionReasonKinds } }")).hasSize(8);
    }

    @Test
    void offersAndNeedsAreOnlyThoseTheSeedStates() {
        // The page says what BLAST has found and shares and what it looks for; nothing of the kind for UrbanA or MiT.
        assertThat(select("SELECT DISTINCT ?cop WHERE { GRAPH ?g { { ?cop cop:offers ?x } UNION { ?cop cop:needs ?x } } }"))
                .containsExactly(ID + "cop/blast");
        assertThat(select("SELECT ?x WHERE { GRAPH ?g { ?x a cop:Need } }"))
                .containsExactly(ID + "need/blast-cop-best-practice-from-other-cops");
    }

    @Test
    void theStoryPlaceholdersStayPlaceholders() {
        // No source tells what value the CoPs' stories at session #3 created: no value-creation story is made up.
        assertThat(ask("ASK { GRAPH ?g { ?s a cop:ValueCreationStory } }")).isFalse();
        assertThat(ask("ASK { GRAPH ?g { ?s cop:valueCycle ?c } }")).isFalse();
    }

    private static boolean ask(String query) {
        Query q = QueryFactory.create(PREFIXES + query);
        return Fixtures.seeded().store().query(q, BindingFactory.empty(), 30_000, exec -> exec.ask());
    }

    private static List<String> select(String query) {
        Query q = QueryFactory.create(PREFIXES + query);
        return Fixtures.seeded().store().query(q, BindingFactory.empty(), 30_000, exec -> {
            List<String> values = new ArrayList<>();
            exec.select().forEachRemaining(b -> values.add(b.get(b.vars().next()).getURI()));
            return values;
        });
    }
}
