package org.w3id.copgraph.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Period;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

class SuggestionsTest {

    private static final String ID = "https://w3id.org/copgraph/id/";
    private static final String G = "https://w3id.org/copgraph/graph/";

    /** Four CoPs: A needs what B offers; A and C are linked; D shares only a person with A. */
    private static final String TRIG = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX foaf: <http://xmlns.com/foaf/0.1/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX id: <https://w3id.org/copgraph/id/>
            PREFIX g: <https://w3id.org/copgraph/graph/>
            GRAPH g:a {
              id:cop-a a cop:CommunityOfPractice ; rdfs:label "CoP A"@en ; cop:needs id:need-a ;
                  cop:domain id:soil .
              id:need-a a cop:Need ; cop:concerns id:composting ; dcterms:description "How to compost at scale"@en .
              id:ann a foaf:Person ; rdfs:label "Ann"@en ; org:memberOf id:cop-a , id:cop-d .
            }
            GRAPH g:b {
              id:cop-b a cop:CommunityOfPractice ; rdfs:label "CoP B"@en ; cop:offers id:offer-b ; cop:domain id:soil ;
                  cop:hasPractice id:compost-guide .
              id:offer-b a cop:Offer ; cop:concerns id:composting ; dcterms:description "Our composting guide"@en .
              id:composting rdfs:label "composting"@en .
              id:compost-guide rdfs:label "Compost guide"@en .
            }
            GRAPH g:c {
              id:cop-c a cop:CommunityOfPractice ; rdfs:label "CoP C"@en ; cop:offers id:offer-c ; cop:domain id:soil .
              id:offer-c a cop:Offer ; cop:concerns id:composting .
              id:xp a cop:CrossPollination ; prov:agent id:cop-c ; cop:target id:cop-a ; cop:evidenceStatus cop:Reported .
            }
            GRAPH g:d {
              id:cop-d a cop:CommunityOfPractice ; rdfs:label "CoP D"@en ; cop:hasPractice id:seed-bank .
              id:seed-bank rdfs:label "Seed bank"@en .
            }
            """;

    private static Suggestions planted() {
        Store store = Store.inMemory();
        store.write(d -> RDFParser.fromString(TRIG, Lang.TRIG).parse(d));
        return new Suggestions(store, Iris.DEFAULT, Period.ofMonths(12), Clock.systemUTC(), 10_000);
    }

    private static Suggestion of(List<Suggestion> list, String cop) {
        return list.stream().filter(s -> s.cop().equals(ID + cop)).findFirst().orElseThrow(
                () -> new AssertionError(cop + " not among " + list.stream().map(Suggestion::cop).toList()));
    }

    @Test
    void aPlantedNeedMetByAnOfferIsSuggestedWithThatReason() {
        SuggestionList list = planted().forCop(ID + "cop-a", 10);
        Suggestion b = list.learnFrom().get(0);
        assertThat(b.cop()).isEqualTo(ID + "cop-b");
        assertThat(b.direction()).isEqualTo(Direction.LEARN_FROM);
        assertThat(b.alreadyLinked()).isFalse();
        assertThat(b.couldMove()).contains(new Item(ID + "composting", "composting"));
        SuggestionReason need = b.reasons().get(0);
        assertThat(need.kind()).isEqualTo("NeedMetByOffer");
        assertThat(need.text()).contains("CoP A needs composting", "How to compost at scale", "CoP B offers composting");
        assertThat(need.via()).extracting(Item::iri).contains(ID + "need-a", ID + "offer-b");
        // Seen from B: it could help A.
        assertThat(planted().forCop(ID + "cop-b", 10).canHelp()).extracting(Suggestion::cop).contains(ID + "cop-a");
    }

    @Test
    void anExistingCrossPollinationIsNotSuggestedAgain() {
        Suggestions s = planted();
        assertThat(s.forCop(ID + "cop-a", 10).learnFrom()).extracting(Suggestion::cop).doesNotContain(ID + "cop-c");
        assertThat(s.forCop(ID + "cop-c", 10).canHelp()).extracting(Suggestion::cop).doesNotContain(ID + "cop-a");
        // Asked for, it is there and marked.
        Suggestion c = of(s.forCop(ID + "cop-a", 10, Include.LINKED).learnFrom(), "cop-c");
        assertThat(c.alreadyLinked()).isTrue();
    }

    @Test
    void reasonsNameTheirSourceGraphs() {
        Suggestion b = planted().forCop(ID + "cop-a", 10).learnFrom().get(0);
        SuggestionReason need = b.reasons().stream().filter(r -> r.kind().equals("NeedMetByOffer")).findFirst().orElseThrow();
        assertThat(need.sources()).containsExactlyInAnyOrder(G + "a", G + "b");
        SuggestionReason domain = b.reasons().stream().filter(r -> r.kind().equals("SharedDomain")).findFirst().orElseThrow();
        assertThat(domain.sources()).containsExactlyInAnyOrder(G + "a", G + "b");
        SuggestionReason practice = b.reasons().stream().filter(r -> r.kind().equals("PracticeToLearn")).findFirst().orElseThrow();
        assertThat(practice.sources()).containsExactly(G + "b");
        assertThat(practice.via()).extracting(Item::label).containsExactly("Compost guide");
        assertThat(b.reasons()).extracting(SuggestionReason::kind).contains("Freshness");
    }

    @Test
    void introducersAreThePeopleInBoth() {
        Suggestion d = of(planted().forCop(ID + "cop-a", 10).learnFrom(), "cop-d");
        SuggestionReason contact = d.reasons().stream().filter(r -> r.kind().equals("CommonContact")).findFirst().orElseThrow();
        assertThat(contact.via()).extracting(Item::label).containsExactly("Ann");
        assertThat(contact.text()).startsWith("Ann could introduce them").contains("a member of CoP A", "a member of CoP D");
        assertThat(contact.sources()).containsExactly(G + "a");
        // A person asked about gets the suggestions of the CoPs they are in, their own pair first.
        SuggestionList ann = planted().forAgent(ID + "ann", 10);
        assertThat(ann.label()).isEqualTo("Ann");
        assertThat(ann.learnFrom()).extracting(Suggestion::cop).contains(ID + "cop-d", ID + "cop-b");
    }

    @Test
    void unknownCopGives404() {
        assertThatThrownBy(() -> planted().forCop(ID + "cop-nowhere", 5))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        assertThatThrownBy(() -> planted().forCop(ID + "ann", 5))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_REQUEST));
    }

    @Test
    void theSeedCopsGetSuggestionsWithReasons() {
        Suggestions s = Fixtures.seeded().suggestions();
        for (String cop : List.of("urbana", "blast", "municipalities-in-transition")) {
            SuggestionList list = s.forCop(ID + "cop/" + cop, 5);
            assertThat(list.learnFrom()).as(cop).isNotEmpty();
            assertThat(list.learnFrom().get(0).reasons()).extracting(SuggestionReason::kind).contains("CommonContact");
        }
        // UrbanA and BLAST: people and partners in both, through ECOLISE.
        Suggestion blast = of(s.forCop(ID + "cop/urbana", 5).learnFrom(), "cop/blast");
        assertThat(blast.reasons()).extracting(SuggestionReason::text).anyMatch(t -> t.contains("ECOLISE"));
    }
}
