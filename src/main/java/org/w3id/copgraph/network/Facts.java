package org.w3id.copgraph.network;

import java.util.List;
import java.util.Map;

/** Everything the network is built from: the resources and the links between them. */
public record Facts(Map<String, Node> nodes, List<Link> links) {

    public Facts {
        nodes = Map.copyOf(nodes);
        links = List.copyOf(links);
    }
}
