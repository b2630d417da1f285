package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A built network: its nodes, its edges and, for quick neighbourhoods, who touches what. */
public final class Net {

    private final Projection projection;
    private final Window window;
    private final Map<String, Node> nodes;
    private final List<Edge> edges;
    private final Map<String, List<Edge>> incident = new HashMap<>();
    private final List<String> notes;

    public Net(Projection projection, Window window, Map<String, Node> nodes, List<Edge> edges, List<String> notes) {
        this.projection = projection;
        this.window = window;
        this.nodes = Collections.unmodifiableMap(nodes);
        this.edges = List.copyOf(edges);
        this.notes = List.copyOf(notes);
        for (Edge e : this.edges) {
            incident.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
            incident.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
        }
        // Heaviest ties first, so a capped expansion shows the strongest neighbours.
        incident.values().forEach(l -> l.sort((a, b) -> Double.compare(b.weight(), a.weight())));
    }

    public Projection projection() {
        return projection;
    }

    public Window window() {
        return window;
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** Things worth telling the reader about how this network was built (e.g. hubs left out). */
    public List<String> notes() {
        return notes;
    }

    public List<Edge> incident(String iri) {
        return incident.getOrDefault(iri, List.of());
    }
}
