package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;

/**
 * A neighbourhood asked before the whole projection is built is computed from networks built
 * around its nodes ({@link Around}): it must be the neighbourhood the whole projection gives,
 * node for node, edge for edge, reason for reason, in the same order.
 */
class AroundTest {

    private static final Window SINCE_2024 = Window.of("2024-01-01", null);

    @Test
    void neighbourhoodsAroundTheirNodesAreThoseOfTheWholeProjectionOnTheSeedGraph() {
        Facts seed = Network.on(Fixtures.seeded().store(), 30_000).facts();
        List<String> foci = new ArrayList<>(seed.nodes().keySet());
        assertSame(seed, foci, Window.ALWAYS);
    }

    @Test
    void neighbourhoodsAroundTheirNodesAreThoseOfTheWholeProjectionOnAGeneratedEcosystemWithAHub() {
        Facts facts = withHub(generated(260, 11), Projector.MAX_SHARERS + 10);
        // A sample of CoPs (most share the hub) and of the other resources, in a fixed order.
        List<String> foci = facts.nodes().keySet().stream().sorted().filter(f -> Math.floorMod(f.hashCode(), 9) == 0).toList();
        assertThat(foci).hasSizeGreaterThan(60);
        assertSame(facts, foci, Window.ALWAYS);
        assertSame(facts, foci.stream().filter(f -> Math.floorMod(f.hashCode(), 2) == 0).toList(), SINCE_2024);
    }

    @Test
    void aNeighbourhoodRightAfterAChangeBuildsNoWholeProjectionTheNextOnesReadTheOneBuiltInTheBackground() throws Exception {
        Facts facts = generated(120, 3);
        String focus = facts.nodes().values().stream().filter(n -> n.type() == NodeType.COP).map(Node::iri).sorted()
                .findFirst().orElseThrow();
        Network quiet = Network.of(facts).withoutBackgroundBuilds();

        Neighbourhood n = quiet.neighbourhood(focus, 2, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30);

        assertThat(n.nodes()).hasSizeGreaterThan(10);
        assertThat(quiet.wholeProjectionsBuilt()).isZero();

        Network network = Network.of(facts);
        String first = describe(() -> network.neighbourhood(focus, 2, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (network.wholeProjectionsBuilt() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(network.wholeProjectionsBuilt()).as("the whole projection built in the background").isEqualTo(1);
        assertThat(describe(() -> network.neighbourhood(focus, 2, Set.of(), Set.of(), Projection.RESOURCES, Window.ALWAYS, 30)))
                .isEqualTo(first);
        assertThat(network.wholeProjectionsBuilt()).as("read from it, not built again").isEqualTo(1);
    }

    @Test
    void theIndexOfTheLinksAChangeLeftAsTheyWereIsKeptAndGivesTheNetworksAFreshIndexGives() {
        FactRows rows = FactsJoinTest.rows(120, 5);
        FactsJoin.Made made = FactsJoin.make(rows, null);
        Around before = Around.of(made.facts());
        List<String> cops = made.facts().nodes().values().stream().filter(n -> n.type() == NodeType.COP).map(Node::iri).sorted()
                .toList();
        String a = cops.get(0);
        String b = cops.get(cops.size() - 1);
        FactRows changed = rows.apply(List.of(FactsJoinTest.quad(org.w3id.copgraph.model.Iris.DEFAULT.graph("synthetic"), b,
                org.w3id.copgraph.model.Cop.NS + "crossPollinatedBy", org.apache.jena.graph.NodeFactory.createURI(a))), List.of());
        Facts after = FactsJoin.make(changed, made).facts();

        Around kept = Around.of(after, before);
        Around fresh = Around.of(after);
        assertThat(kept.partsIndexed()).as("only the bare cross-pollinations indexed again").isEqualTo(1);
        assertThat(fresh.partsIndexed()).isEqualTo(3);

        for (Projection p : Projection.values()) {
            for (String centre : List.of(a, b, cops.get(cops.size() / 2))) {
                assertThat(describe(kept.net(p, Window.ALWAYS, List.of(centre))))
                        .as("%s around %s", p.id(), centre).isEqualTo(describe(fresh.net(p, Window.ALWAYS, List.of(centre))));
            }
        }
        assertThat(describe(kept.net(Projection.CROSS_POLLINATION, Window.ALWAYS, List.of(a)))).contains(b);
    }

    private static String describe(Net net) {
        StringBuilder s = new StringBuilder();
        for (Edge e : net.edges()) {
            s.append(e.source()).append(" -> ").append(e.target()).append(' ').append(e.weight());
            for (Reason r : e.reasons()) {
                s.append(" | ").append(r.kind()).append(' ').append(r.text()).append(' ').append(r.date());
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * Every projection, depths 1 and 2, a tight and a loose limit: around and whole alike. Only
     * foci that are nodes of the projection: around any other the whole projection is built.
     */
    private static void assertSame(Facts facts, List<String> foci, Window window) {
        for (Projection p : Projection.values()) {
            Network whole = Network.of(facts);
            Set<String> nodes = whole.net(p, window).nodes().keySet();
            Network around = Network.of(facts).withoutBackgroundBuilds();
            int compared = 0;
            for (String focus : foci) {
                if (!nodes.contains(focus)) {
                    continue;
                }
                for (int d = 1; d <= 2; d++) {
                    int depth = d;
                    for (int limit : new int[] {4, 1000}) {
                        String expected = describe(() -> whole.neighbourhood(focus, depth, Set.of(), Set.of(), p, window, limit));
                        String actual = describe(() -> around.neighbourhood(focus, depth, Set.of(), Set.of(), p, window, limit));
                        assertThat(actual).as("%s around %s, depth %d, limit %d", p.id(), focus, depth, limit).isEqualTo(expected);
                        compared++;
                    }
                }
            }
            assertThat(compared).as("neighbourhoods compared in %s", p.id()).isGreaterThan(4);
            assertThat(around.wholeProjectionsBuilt()).as("whole projections built for neighbourhoods of %s", p.id()).isZero();
        }
    }

    private static String describe(java.util.function.Supplier<Neighbourhood> n) {
        Neighbourhood x;
        try {
            x = n.get();
        } catch (org.w3id.copgraph.Problem e) {
            return "error " + e.getMessage();
        }
        StringBuilder b = new StringBuilder(x.focus().iri()).append(" truncated=").append(x.truncated()).append('\n');
        x.nodes().forEach((iri, node) -> b.append("node ").append(iri).append(' ').append(node.label()).append(' ')
                .append(node.type()).append('\n'));
        for (Edge e : x.edges()) {
            b.append("edge ").append(e.source()).append(" -> ").append(e.target()).append(' ').append(e.weight());
            for (Reason r : e.reasons()) {
                b.append(" | ").append(r.kind()).append(' ').append(r.text()).append(' ').append(r.date()).append(' ').append(r.sources());
            }
            b.append('\n');
        }
        b.append("more ").append(new TreeMap<>(x.more()));
        return b.toString();
    }

    /** The facts of a generated ecosystem, made as the server makes them from its statements. */
    static Facts generated(int cops, long seed) {
        return FactsReader.facts(FactsJoinTest.rows(cops, seed));
    }

    /** {@code facts} with one domain shared by {@code sharers} CoPs: more than a projection ties together. */
    private static Facts withHub(Facts facts, int sharers) {
        String hub = "https://w3id.org/copgraph/id/concept/hub";
        List<Link> links = new ArrayList<>(facts.links());
        Map<String, Node> nodes = new java.util.LinkedHashMap<>(facts.nodes());
        nodes.put(hub, new Node(hub, "Hub", NodeType.DOMAIN));
        int n = 0;
        for (Node cop : facts.nodes().values()) {
            if (cop.type() == NodeType.COP && n++ < sharers) {
                links.add(new Link(cop.iri(), hub, false, new Reason(LinkKind.DOMAIN, cop.label() + " domain Hub", hub,
                        n % 3 == 0 ? LocalDate.of(2025, 1, 1) : null, List.of("https://w3id.org/copgraph/graph/hub"), 1)));
            }
        }
        assertThat(n).isGreaterThan(Projector.MAX_SHARERS);
        return new Facts(nodes, links);
    }
}
