package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Problem;

class SeedNetworkTest {

    static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";
    static final String BLAST = "https://w3id.org/copgraph/id/cop/blast";
    static final String MIT = "https://w3id.org/copgraph/id/cop/municipalities-in-transition";

    private final Network network = Network.on(Fixtures.seeded().store(), 30_000);

    @Test
    void theCrossPollinationProjectionHasTheThreeSeedCopsAndTheirMutualFlows() {
        Net net = network.net(Projection.CROSS_POLLINATION, Window.ALWAYS);

        assertThat(net.nodes().keySet()).containsExactlyInAnyOrder(URBANA, BLAST, MIT);
        assertThat(net.edges()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(BLAST);
            assertThat(e.target()).isEqualTo(URBANA);
            assertThat(e.reasons()).anySatisfy(r -> assertThat(r.text())
                    .contains("Story of the BLAST CoP").contains("2020-12-02").contains("CfF session #3"));
        });
        // Mutual: UrbanA's story went to BLAST too.
        assertThat(net.edges()).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(URBANA);
            assertThat(e.target()).isEqualTo(BLAST);
        });
    }

    @Test
    void sharedEventsTieTheCopsWhoseMembersWereGuestsAtSessionThree() {
        Net net = network.net(Projection.SHARED_EVENTS, Window.ALWAYS);

        assertThat(net.edges()).hasSize(3);
        assertThat(net.edges()).allSatisfy(e -> assertThat(e.reasons()).singleElement()
                .satisfies(r -> assertThat(r.text()).startsWith("both at event CfF session #3")));
        assertThat(network.net(Projection.SHARED_MEMBERS, Window.ALWAYS).edges()).isEmpty();
    }

    @Test
    void edgesRememberTheNamedGraphTheyCameFrom() {
        Net net = network.net(Projection.ALL, Window.ALWAYS);

        assertThat(net.edges()).isNotEmpty().allSatisfy(e -> assertThat(e.reasons())
                .allSatisfy(r -> assertThat(r.sources()).contains("https://w3id.org/copgraph/graph/cff-session-3")));
    }

    @Test
    void untilBeforeTheSessionLeavesOnlyUndatedTies() {
        Net before = network.net(Projection.CROSS_POLLINATION, Window.of(null, "2020-12-01"));
        Net after = network.net(Projection.CROSS_POLLINATION, Window.of("2020-12-02", null));

        assertThat(before.edges()).allSatisfy(e -> assertThat(e.firstDate()).isNull());
        assertThat(before.edges().size()).isLessThan(after.edges().size());
    }

    @Test
    void theNeighbourhoodOfUrbanAShowsItsMemberAndTheOtherCops() {
        Neighbourhood n = network.neighbourhood(URBANA, 1, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30);

        assertThat(n.nodes().values()).extracting(Node::label).contains("Duncan Crowley", "BLAST Community of Practice");
        // Ties among the neighbours are drawn too, but only between nodes of the view.
        assertThat(n.edges()).allSatisfy(e -> assertThat(n.nodes()).containsKeys(e.source(), e.target()));
        assertThat(n.edges()).filteredOn(e -> e.source().equals(URBANA) || e.target().equals(URBANA))
                .hasSize(n.nodes().size() - 1);
    }

    @Test
    void aCappedNeighbourhoodSaysHowManyMoreThereAre() {
        Neighbourhood all = network.neighbourhood(URBANA, 1, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30);
        Neighbourhood capped = network.neighbourhood(URBANA, 1, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 2);

        assertThat(capped.nodes()).hasSize(3);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.more().get(URBANA)).isEqualTo(all.nodes().size() - 3);
    }

    @Test
    void filtersByLinkKindAndNodeType() {
        Neighbourhood people = network.neighbourhood(URBANA, 1, Set.of(LinkKind.MEMBER), Set.of(NodeType.PERSON),
                Projection.RESOURCES, Window.ALWAYS, 30);

        assertThat(people.nodes().values()).extracting(Node::label).containsExactlyInAnyOrder("UrbanA Community of Practice", "Duncan Crowley");
        assertThat(people.edges()).allSatisfy(e -> assertThat(e.kinds()).containsOnly(LinkKind.MEMBER));
    }

    @Test
    void thePathFromUrbanAToBlastSaysWhyTheyAreLinked() {
        List<ExplainedPath> paths = network.paths(URBANA, BLAST, 3, 4, Set.of(), Window.ALWAYS);

        assertThat(paths).isNotEmpty();
        ExplainedPath shortest = paths.get(0);
        assertThat(shortest.length()).isEqualTo(1);
        assertThat(shortest.hops().get(0).reasons()).extracting(Reason::text)
                .anySatisfy(t -> assertThat(t).contains("Story of the UrbanA CoP").contains("on 2020-12-02"))
                .anySatisfy(t -> assertThat(t).startsWith("both at event CfF session #3"))
                .anySatisfy(t -> assertThat(t).contains("ECOLISE"));
        assertThat(paths).hasSizeGreaterThan(1);
        assertThat(paths.get(1).length()).isGreaterThan(1);
    }

    @Test
    void aPathFromAPersonGoesThroughTheirCop() {
        List<ExplainedPath> paths = network.paths("https://w3id.org/copgraph/id/person/duncan-crowley", BLAST, 1, 4,
                Set.of(LinkKind.MEMBER, LinkKind.CROSS_POLLINATION), Window.ALWAYS);

        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p.hops()).extracting(h -> h.to().iri()).containsExactly(URBANA, BLAST);
            assertThat(p.hops().get(0).reasons()).extracting(Reason::kind).containsOnly(LinkKind.MEMBER);
        });
    }

    @Test
    void anUnknownFocusIsA404NamingTheParameter() {
        assertThatThrownBy(() -> network.neighbourhood("https://w3id.org/copgraph/id/cop/nope", 1, Set.of(), Set.of(),
                Projection.RESOURCES, Window.ALWAYS, 30))
                .isInstanceOf(Problem.class).hasMessageContaining("'focus'")
                .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(404));
    }

    @Test
    void searchFindsUrbanAByName() {
        assertThat(network.search("urbana", Set.of(), 5)).first().extracting(Node::iri).isEqualTo(URBANA);
    }
}
