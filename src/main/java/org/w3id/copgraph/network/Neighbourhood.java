package org.w3id.copgraph.network;

import java.util.List;
import java.util.Map;

/**
 * The resources around a focus, to a depth, with how many more neighbours each shown node has
 * that were left out ({@code more}: the client's "+N more"). With {@code ofSource}, the "focus" is a
 * source (a named graph, not itself a node) and the nodes are the resources it ties together.
 */
public record Neighbourhood(Node focus, int depth, Map<String, Node> nodes, List<Edge> edges,
                            Map<String, Integer> more, boolean truncated, boolean ofSource) {
}
