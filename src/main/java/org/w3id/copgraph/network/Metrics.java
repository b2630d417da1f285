package org.w3id.copgraph.network;

import java.util.List;
import java.util.Map;

/**
 * The metrics of one projection at one data version: per node, plus the bridges of the network.
 * {@code sources}: how many BFS sources betweenness and closeness used; as many as nodes means
 * exact, fewer means estimated (large networks).
 */
public record Metrics(Projection projection, Window window, Map<String, NodeMetrics> nodes, List<Edge> bridges,
                      int communities, int sources, long millis) {

    public boolean exact() {
        return sources >= nodes.size();
    }

    public Metrics {
        nodes = Map.copyOf(nodes);
        bridges = List.copyOf(bridges);
    }
}
