package org.w3id.copgraph.network;

import java.util.List;
import java.util.Map;

/** The metrics of one projection at one data version: per node, plus the bridges of the network. */
public record Metrics(Projection projection, Window window, Map<String, NodeMetrics> nodes, List<Edge> bridges,
                      int communities, long millis) {

    public Metrics {
        nodes = Map.copyOf(nodes);
        bridges = List.copyOf(bridges);
    }
}
