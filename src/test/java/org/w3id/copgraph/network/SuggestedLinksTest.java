package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.store.Store;

/**
 * Suggested links (cop:Suggestion in the derived graph) are a kind of link of their own: read
 * apart from the facts, shown only when asked for, never in a metric, never mixed with a
 * cross-pollination.
 */
class SuggestedLinksTest {

    private static final String X = "https://example.org/id/";
    private static final String SUGGESTIONS = "https://example.org/graph/suggestions";
    private final Store store = Store.inMemory();

    @AfterEach
    void close() {
        store.close();
    }

    /**
     * a → b cross-pollinated (detailed), a → c only by the bare shortcut; copgraph suggests that a
     * could help b (again) and c, and that d could help e (which share nothing else).
     */
    private Network network() {
        store.write(d -> RDFDataMgr.read(d, new StringReader("""
                PREFIX cop: <https://w3id.org/copgraph/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                PREFIX x: <https://example.org/id/>
                <https://example.org/graph/a> {
                  x:a a cop:CommunityOfPractice ; rdfs:label "A" .
                  x:b a cop:CommunityOfPractice ; rdfs:label "B" .
                  x:c a cop:CommunityOfPractice ; rdfs:label "C" .
                  x:d a cop:CommunityOfPractice ; rdfs:label "D" .
                  x:e a cop:CommunityOfPractice ; rdfs:label "E" .
                  x:xp a cop:CrossPollination ; prov:agent x:a ; cop:target x:b ; cop:evidenceStatus cop:Observed .
                  x:c cop:crossPollinatedBy x:a .
                  x:tool rdfs:label "Sociocracy"@en . x:a cop:usesTool x:tool .
                  x:need rdfs:label "B's need for decision making"@en .
                }
                <https://example.org/graph/suggestions> {
                  <https://example.org/graph/suggestions> prov:generatedAtTime "2026-12-02T04:00:00Z"^^xsd:dateTime .
                  x:s1 a cop:Suggestion ; prov:agent x:a ; cop:target x:b ; cop:transferred x:tool ;
                    cop:score "0.9"^^xsd:decimal ; cop:rank 1 ; cop:evidenceStatus cop:Suggested ;
                    cop:reason [ a cop:SuggestionReason ; cop:reasonKind cop:NeedMetByOffer ;
                                 rdfs:comment "A offers Sociocracy, which B needs."@en ;
                                 cop:via x:need , x:tool ; dcterms:source <https://example.org/graph/a> ] .
                  x:s2 a cop:Suggestion ; prov:agent x:a ; cop:target x:c ; cop:evidenceStatus cop:Suggested ;
                    cop:reason [ cop:reasonKind cop:SharedDomain ; rdfs:comment "Both work on food."@en ] .
                  x:s3 a cop:Suggestion ; prov:agent x:d ; cop:target x:e ; cop:evidenceStatus cop:Suggested ;
                    cop:reason [ cop:reasonKind cop:SharedDomain ; rdfs:comment "Both work on water."@en ] .
                }""".replace("https://example.org/graph/suggestions", SUGGESTIONS)), null, Lang.TRIG));
        return Network.on(store, 10_000, null, SUGGESTIONS);
    }

    private static List<Edge> edgesBetween(Neighbourhood n, String a, String b) {
        return n.edges().stream().filter(e -> Set.of(e.source(), e.target()).equals(Set.of(X + a, X + b))).toList();
    }

    @Test
    void suggestedIsNeverMixedWithCrossPollination() {
        Network network = network();
        Facts facts = network.facts();

        // Read apart: no fact is suggested, every suggested link is, with the suggested status only.
        assertThat(facts.links()).allSatisfy(l -> {
            assertThat(l.kind()).isNotEqualTo(LinkKind.SUGGESTED);
            assertThat(l.reason().evidence()).isNotEqualTo(Evidence.SUGGESTED);
        });
        assertThat(facts.suggested()).isEmpty();
        assertThat(network.suggested(network.snapshot()).edges()).hasSize(3).allSatisfy(e -> {
            assertThat(e.kinds()).containsExactly(LinkKind.SUGGESTED);
            assertThat(e.reasons()).extracting(Reason::evidence).containsOnly(Evidence.SUGGESTED);
        });
        // A suggestion is no cross-pollination, and does not hide the bare shortcut a → c.
        assertThat(facts.links()).filteredOn(l -> l.kind() == LinkKind.CROSS_POLLINATION)
                .extracting(l -> l.from() + " " + l.to())
                .containsExactlyInAnyOrder(X + "a " + X + "b", X + "a " + X + "c");

        // Asked for together, a cross-pollination and a suggestion between the same CoPs are two edges.
        Neighbourhood n = network.neighbourhood(X + "a", 1, EnumSet.of(LinkKind.CROSS_POLLINATION, LinkKind.SUGGESTED),
                Set.of(), Projection.RESOURCES, Window.ALWAYS, 30);
        List<Edge> ab = edgesBetween(n, "a", "b");
        assertThat(ab).hasSize(2);
        assertThat(ab).extracting(Edge::kinds).containsExactlyInAnyOrder(
                EnumSet.of(LinkKind.CROSS_POLLINATION), EnumSet.of(LinkKind.SUGGESTED));
        assertThat(ab).extracting(Edge::id).doesNotHaveDuplicates();
        // Nor in a CoP projection: the cross-pollination network has no suggestion in it.
        assertThat(network.net(Projection.ALL, Window.ALWAYS).edges())
                .allSatisfy(e -> assertThat(e.kinds()).doesNotContain(LinkKind.SUGGESTED));
    }

    @Test
    void suggestedLinksAreOffUnlessAsked() {
        Network network = network();

        Neighbourhood plain = network.neighbourhood(X + "a", 1, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30);
        assertThat(plain.edges()).isNotEmpty().allSatisfy(e -> assertThat(e.kinds()).doesNotContain(LinkKind.SUGGESTED));

        Neighbourhood asked = network.neighbourhood(X + "a", 1, EnumSet.of(LinkKind.SUGGESTED), Set.of(), Projection.RESOURCES,
                Window.ALWAYS, 30);
        assertThat(asked.edges()).allSatisfy(e -> assertThat(e.kinds()).containsExactly(LinkKind.SUGGESTED));
        Edge ab = edgesBetween(asked, "a", "b").get(0);
        // From the CoP that could help to the one that could learn, the summary first, then each reason.
        assertThat(ab.source()).isEqualTo(X + "a");
        assertThat(ab.directed()).isTrue();
        assertThat(ab.reasons().get(0).text()).contains("A could help B with Sociocracy", "score 0.9", "rank 1");
        assertThat(ab.reasons().get(0).sources()).containsExactly(SUGGESTIONS);
        assertThat(ab.reasons().get(1).text()).isEqualTo("A offers Sociocracy, which B needs.");
        assertThat(ab.reasons().get(1).sources()).containsExactly("https://example.org/graph/a");
        assertThat(ab.weight()).isEqualTo(1);

        // A whole network: only when asked for, and then among the nodes shown.
        View whole = View.of(network.net(Projection.ALL, Window.ALWAYS), null);
        assertThat(whole.edges()).noneMatch(SuggestedLinks::isSuggested);
        assertThat(network.withSuggested(whole).edges()).filteredOn(SuggestedLinks::isSuggested).hasSize(3);

        // Paths follow facts only.
        assertThat(network.paths(X + "d", X + "e", 3, 4, Set.of(), Window.ALWAYS)).isEmpty();
        assertThat(network.paths(X + "d", X + "e", 3, 4, EnumSet.of(LinkKind.SUGGESTED), Window.ALWAYS)).isEmpty();

        // The graph of suggestions, explored as a source, shows its suggested links.
        Neighbourhood source = network.neighbourhood(SUGGESTIONS, 1, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30);
        assertThat(source.ofSource()).isTrue();
        assertThat(source.edges()).hasSize(3).allSatisfy(e -> assertThat(e.kinds()).containsExactly(LinkKind.SUGGESTED));
    }

    @Test
    void metricsIgnoreSuggestedLinks() {
        Network network = network();

        for (Projection p : Projection.values()) {
            assertThat(p.kinds).doesNotContain(LinkKind.SUGGESTED);
        }
        // d and e are tied only by a suggestion: in the metrics they stand alone.
        Metrics m = network.metrics(Projection.ALL, Window.ALWAYS);
        assertThat(m.nodes().get(X + "d").degree()).isZero();
        assertThat(m.nodes().get(X + "e").degree()).isZero();
        assertThat(m.nodes().get(X + "a").degree()).isEqualTo(2);
        Metrics xp = network.metrics(Projection.CROSS_POLLINATION, Window.ALWAYS);
        assertThat(xp.nodes().get(X + "b").weightedDegree()).isEqualTo(1);
        // The same as the metrics of the facts without any suggestion.
        Facts facts = network.facts();
        Metrics without = Network.of(new Facts(facts.nodes(), facts.links())).metrics(Projection.ALL, Window.ALWAYS);
        assertThat(m.nodes()).isEqualTo(without.nodes());
    }
}
