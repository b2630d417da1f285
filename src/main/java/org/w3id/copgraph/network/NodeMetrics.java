package org.w3id.copgraph.network;

/**
 * Where one node stands in a network. Betweenness is normalised to 0–1 (share of the pairs of
 * other nodes whose shortest paths run through it); closeness is Wasserman–Faust's, which
 * stays comparable across disconnected parts; both count hops, not weights.
 */
public record NodeMetrics(int degree, double weightedDegree, double betweenness, double closeness,
                          double clustering, int community, boolean articulationPoint) {
}
