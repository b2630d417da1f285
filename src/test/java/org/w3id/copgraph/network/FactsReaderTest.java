package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.store.Store;

class FactsReaderTest {

    private static final String X = "https://example.org/id/";
    private final Store store = Store.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    private Facts read(String trig) {
        store.write(d -> RDFDataMgr.read(d, new StringReader("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX org: <http://www.w3.org/ns/org#>
                PREFIX schema: <http://schema.org/>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX x: <https://example.org/id/>
                """ + trig), null, Lang.TRIG));
        return new FactsReader(store, 10_000).read();
    }

    private static List<String> texts(Facts facts, LinkKind kind) {
        return facts.links().stream().filter(l -> l.kind() == kind).map(l -> l.reason().text()).sorted().toList();
    }

    @Test
    void aDetailedCrossPollinationIsOneReasonPerDirectionAndHidesItsBareShortcut() {
        Facts facts = read("""
                <https://example.org/graph/a> {
                  x:a a cop:CommunityOfPractice ; rdfs:label "A"@en , "A-de"@de .
                  x:b a cop:CommunityOfPractice ; rdfs:label "B" .
                  x:c a cop:CommunityOfPractice .
                  x:xp a cop:CrossPollination ; prov:agent x:a ; cop:target x:b ; cop:strength cop:Strong ;
                     cop:direction cop:Mutual ; dcterms:date "2020-12-02"^^<http://www.w3.org/2001/XMLSchema#date> ;
                     cop:transferred x:story .
                  x:story rdfs:label "Story"@en .
                  x:b cop:crossPollinatedBy x:a .
                  x:c cop:crossPollinatedBy x:a .
                }""");

        List<Link> xps = facts.links().stream().filter(l -> l.kind() == LinkKind.CROSS_POLLINATION).toList();
        assertThat(xps).hasSize(3);
        assertThat(xps).filteredOn(l -> l.to().equals(X + "b")).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo(X + "a");
            assertThat(l.reason().weight()).isEqualTo(3);
            assertThat(l.reason().via()).isEqualTo(X + "xp");
            assertThat(l.reason().sources()).containsExactly("https://example.org/graph/a");
            assertThat(l.reason().text()).isEqualTo("A → B: Story moved on 2020-12-02");
        });
        assertThat(xps).filteredOn(l -> l.to().equals(X + "a")).singleElement()
                .satisfies(l -> assertThat(l.from()).isEqualTo(X + "b"));
        assertThat(xps).filteredOn(l -> l.to().equals(X + "c")).singleElement()
                .satisfies(l -> assertThat(l.reason().text()).isEqualTo("A → c: cross-pollination (no details recorded)"));
        assertThat(facts.nodes().get(X + "c").label()).isEqualTo("c");
    }

    @Test
    void membershipsCarryRoleAndStartAndAShortcutCountsOnlyWhenNothingDetailsIt() {
        Facts facts = read("""
                <https://example.org/graph/m> {
                  x:cop a cop:CommunityOfPractice ; rdfs:label "The CoP"@en .
                  x:eco a org:Organization ; rdfs:label "Ecosystem" .
                  x:ann a schema:Person ; rdfs:label "Ann" ; org:memberOf x:cop .
                  x:bob a schema:Person ; rdfs:label "Bob" ; org:memberOf x:cop .
                  x:m1 a org:Membership ; org:member x:ann ; org:organization x:cop ; org:role x:coordinator ;
                     schema:startDate "2019-03-01"^^<http://www.w3.org/2001/XMLSchema#date> ; cop:evidenceStatus cop:Reported .
                  x:coordinator rdfs:label "coordinator"@en .
                  x:cop org:memberOf x:eco .
                }""");

        assertThat(texts(facts, LinkKind.MEMBER)).containsExactly("Ann coordinator of The CoP (2019-03-01) (reported)",
                "Bob member of The CoP");
        // A CoP in an ecosystem is an organisational tie, not a shared member.
        assertThat(texts(facts, LinkKind.ORGANISATIONAL)).containsExactly("The CoP member of Ecosystem");
        assertThat(facts.nodes().get(X + "ann").type()).isEqualTo(NodeType.PERSON);
        assertThat(facts.nodes().get(X + "eco").type()).isEqualTo(NodeType.ORGANISATION);
    }

    @Test
    void eventsAreDatedByTheirStartInTheSameSourceAndHostsIsReadBackwards() {
        Facts facts = read("""
                <https://example.org/graph/e> {
                  x:cop a cop:CommunityOfPractice ; rdfs:label "The CoP" ; cop:hasPractice x:p ; cop:domain x:d .
                  x:session a schema:Event ; rdfs:label "Session" ; schema:organizer x:cop ;
                     schema:startDate "2020-12-02T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
                  x:host cop:hosts x:cop .
                }""");

        assertThat(facts.links()).filteredOn(l -> l.kind() == LinkKind.EVENT).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo(X + "cop");
            assertThat(l.to()).isEqualTo(X + "session");
            assertThat(l.reason().date()).hasToString("2020-12-02");
            assertThat(l.reason().text()).isEqualTo("The CoP organiser at Session (2020-12-02)");
        });
        assertThat(texts(facts, LinkKind.ORGANISATIONAL)).containsExactly("The CoP hosted by host");
        assertThat(texts(facts, LinkKind.PRACTICE)).containsExactly("The CoP has practice p");
        assertThat(texts(facts, LinkKind.DOMAIN)).containsExactly("The CoP domain d");
    }
}
