package org.w3id.copgraph.network;

/**
 * One fact of the graph that ties two resources, read from one source: a membership, a practice
 * of a CoP, a domain, a role at an event, an organisational tie or a cross-pollination
 * (directed, from the source community to the target).
 */
public record Link(String from, String to, boolean directed, Reason reason) {

    public LinkKind kind() {
        return reason.kind();
    }
}
