package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an export or the explorer draws: nodes, edges, the metrics to colour and size them by
 * (may be empty) and, per node, how many ties were left out of the view.
 */
public record View(String title, boolean directed, Map<String, Node> nodes, List<Edge> edges,
                   Map<String, NodeMetrics> metrics, Map<String, Integer> more, List<String> notes) {

    public static View of(Net net, Metrics metrics) {
        return new View(net.projection().id() + " network", net.projection().directed, net.nodes(), net.edges(),
                metrics == null ? Map.of() : metrics.nodes(), Map.of(), net.notes());
    }

    /** The {@code limit} best-connected nodes of a network (weighted degree) and the ties among them. */
    public static View top(Net net, Metrics metrics, int limit) {
        if (net.nodes().size() <= limit) {
            return of(net, metrics);
        }
        Map<String, Double> strength = new HashMap<>();
        for (Edge e : net.edges()) {
            strength.merge(e.source(), e.weight(), Double::sum);
            strength.merge(e.target(), e.weight(), Double::sum);
        }
        List<Node> sorted = new ArrayList<>(net.nodes().values());
        sorted.sort(Comparator.comparing((Node n) -> -strength.getOrDefault(n.iri(), 0.0)).thenComparing(Node::iri));
        Map<String, Node> kept = new LinkedHashMap<>();
        sorted.subList(0, limit).forEach(n -> kept.put(n.iri(), n));
        List<Edge> edges = new ArrayList<>();
        Map<String, Integer> more = new HashMap<>();
        for (Edge e : net.edges()) {
            boolean a = kept.containsKey(e.source());
            boolean b = kept.containsKey(e.target());
            if (a && b) {
                edges.add(e);
            } else if (a) {
                more.merge(e.source(), 1, Integer::sum);
            } else if (b) {
                more.merge(e.target(), 1, Integer::sum);
            }
        }
        List<String> notes = new ArrayList<>(net.notes());
        notes.add("Showing the " + limit + " best-connected of " + net.nodes().size() + " nodes; search or expand to see others.");
        return new View(net.projection().id() + " network (top " + limit + ")", net.projection().directed, kept, edges,
                metrics == null ? Map.of() : metrics.nodes(), more, notes);
    }

    public static View of(Neighbourhood n, Projection projection, Metrics metrics) {
        String title = n.ofSource() ? "resources of " + n.focus().label() : "neighbourhood of " + n.focus().label() + " (depth " + n.depth() + ")";
        return new View(title, projection.directed,
                n.nodes(), n.edges(), metrics == null ? Map.of() : metrics.nodes(), n.more(),
                n.truncated() ? List.of("Capped: some neighbours are left out; see 'more' per node.") : List.of());
    }

    /** The resources on explained paths and the hops between them (the explorer's path view). */
    public static View of(String from, String to, List<ExplainedPath> paths, Metrics metrics) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<List<String>, Edge> edges = new LinkedHashMap<>();
        for (ExplainedPath p : paths) {
            for (ExplainedPath.Hop h : p.hops()) {
                nodes.putIfAbsent(h.from().iri(), h.from());
                nodes.putIfAbsent(h.to().iri(), h.to());
                edges.computeIfAbsent(List.of(h.from().iri(), h.to().iri()),
                        k -> new Edge(edges.size(), h.from().iri(), h.to().iri(), false, h.reasons()));
            }
        }
        String a = nodes.containsKey(from) ? nodes.get(from).label() : from;
        String b = nodes.containsKey(to) ? nodes.get(to).label() : to;
        return new View("paths from " + a + " to " + b, false, nodes, List.copyOf(edges.values()),
                metrics == null ? Map.of() : metrics.nodes(), Map.of(),
                paths.isEmpty() ? List.of("No path within the length asked for.") : List.of());
    }
}
