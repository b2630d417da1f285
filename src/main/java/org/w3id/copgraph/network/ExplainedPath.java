package org.w3id.copgraph.network;

import java.util.List;

/** A path between two resources, hop by hop, each hop with the reasons its ends are linked. */
public record ExplainedPath(List<Hop> hops) {

    public int length() {
        return hops.size();
    }

    public record Hop(Node from, Node to, List<Reason> reasons) {
    }
}
