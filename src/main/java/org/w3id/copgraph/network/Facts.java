package org.w3id.copgraph.network;

import java.util.List;
import java.util.Map;

/**
 * Everything the network is built from: the resources and the links between them. The links
 * copgraph suggested ({@code cop:Suggestion}, kind {@link LinkKind#SUGGESTED}) are kept apart in
 * {@code suggested}, so that no projection, metric or path can count them by mistake: one link per
 * reason, from the CoP that could help to the one that could learn, its summary first.
 */
public record Facts(Map<String, Node> nodes, List<Link> links, List<Link> suggested) {

    public Facts {
        // The facts a change makes share their unchanged parts with the facts before it (FactsJoin):
        // those are unmodifiable already, and copying them would cost what sharing saves.
        nodes = nodes instanceof NodeLayers ? nodes : Map.copyOf(nodes);
        links = links instanceof LinkParts ? links : List.copyOf(links);
        suggested = List.copyOf(suggested);
    }

    /** Facts without suggestions. */
    public Facts(Map<String, Node> nodes, List<Link> links) {
        this(nodes, links, List.of());
    }
}
