package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void theEndsOfTheBridgeBetweenTwoCliquesCarryAllTheirShortestPaths() {
        Metrics m = Network.of(HandMade.twoCliques().facts()).metrics(Projection.ALL, Window.ALWAYS);

        NodeMetrics a0 = m.nodes().get(HandMade.iri("a0"));
        NodeMetrics a1 = m.nodes().get(HandMade.iri("a1"));
        // a0 lies on the shortest paths of the 4 x 5 pairs (a1..a4, b0..b4), out of 9 * 8 / 2 pairs.
        assertThat(a0.betweenness()).isCloseTo(20.0 / 36, within(1e-9));
        assertThat(m.nodes().get(HandMade.iri("b0")).betweenness()).isCloseTo(20.0 / 36, within(1e-9));
        assertThat(a1.betweenness()).isZero();
        assertThat(a0.degree()).isEqualTo(5);
        assertThat(a1.degree()).isEqualTo(4);
        assertThat(a1.clustering()).isEqualTo(1.0);
        assertThat(a0.clustering()).isCloseTo(6.0 / 10, within(1e-9));
    }

    @Test
    void twoCliquesAreTwoCommunitiesHeldTogetherByOneBridgeAndTwoArticulationPoints() {
        Metrics m = Network.of(HandMade.twoCliques().facts()).metrics(Projection.ALL, Window.ALWAYS);

        assertThat(m.communities()).isEqualTo(2);
        int ca = m.nodes().get(HandMade.iri("a3")).community();
        int cb = m.nodes().get(HandMade.iri("b3")).community();
        assertThat(ca).isNotEqualTo(cb);
        for (int i = 0; i < 5; i++) {
            assertThat(m.nodes().get(HandMade.iri("a" + i)).community()).isEqualTo(ca);
            assertThat(m.nodes().get(HandMade.iri("b" + i)).community()).isEqualTo(cb);
        }
        assertThat(m.bridges()).hasSize(1);
        assertThat(m.bridges().get(0).source()).isEqualTo(HandMade.iri("a0"));
        assertThat(m.bridges().get(0).target()).isEqualTo(HandMade.iri("b0"));
        assertThat(m.nodes().entrySet().stream().filter(e -> e.getValue().articulationPoint()).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(HandMade.iri("a0"), HandMade.iri("b0"));
    }

    @Test
    void closenessOfAPathIsHighestInTheMiddle() {
        HandMade h = new HandMade().cops("a", "b", "c").cross("a", "b").cross("b", "c");
        Metrics m = Network.of(h.facts()).metrics(Projection.CROSS_POLLINATION, Window.ALWAYS);

        assertThat(m.nodes().get(HandMade.iri("b")).closeness()).isEqualTo(1.0);
        assertThat(m.nodes().get(HandMade.iri("a")).closeness()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.nodes().get(HandMade.iri("b")).betweenness()).isEqualTo(1.0);
    }

    @Test
    void betweennessAgreesWithJGraphTOnARandomGraph() {
        Random random = new Random(7);
        int n = 60;
        int[][] adj = new int[n][];
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
        }
        for (int k = 0; k < 150; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b) {
                g.addEdge(a, b);
            }
        }
        for (int i = 0; i < n; i++) {
            int self = i;
            adj[i] = g.edgesOf(i).stream().mapToInt(e -> g.getEdgeSource(e) == self ? g.getEdgeTarget(e) : g.getEdgeSource(e)).toArray();
        }
        double[] ours = MetricsCalculator.Brandes.run(adj)[0];
        Map<Integer, Double> theirs = new BetweennessCentrality<>(g, true).getScores();
        // JGraphT normalises undirected scores by (n-1)(n-2), the usual definition (networkx,
        // Freeman) by the (n-1)(n-2)/2 pairs of other nodes: ours is twice theirs.
        for (int i = 0; i < n; i++) {
            assertThat(ours[i]).as("node %d", i).isCloseTo(2 * theirs.get(i), within(1e-9));
        }
    }

    @Test
    void clusteringAgreesWithJGraphTOnARandomGraph() {
        Random random = new Random(11);
        int n = 80;
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
        }
        for (int k = 0; k < 600; k++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b) {
                g.addEdge(a, b);
            }
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            int self = i;
            adj[i] = g.edgesOf(i).stream().mapToInt(e -> g.getEdgeSource(e) == self ? g.getEdgeTarget(e) : g.getEdgeSource(e)).toArray();
        }
        double[] ours = MetricsCalculator.localClustering(adj);
        Map<Integer, Double> theirs = new org.jgrapht.alg.scoring.ClusteringCoefficient<>(g).getScores();
        for (int i = 0; i < n; i++) {
            assertThat(ours[i]).as("node %d", i).isCloseTo(theirs.get(i), within(1e-9));
        }
    }
}
