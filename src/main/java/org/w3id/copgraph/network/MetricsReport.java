package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /api/network/metrics}: where each node stands in one projection over a
 * window, most between first, with the network's bridges and notes. It needs neither the facts
 * nor the built network once made, so a restarted server answers it from the copy kept beside
 * the store ({@link MetricsFile}) while the network is still being read.
 *
 * @param version the data version it was computed on
 */
public record MetricsReport(Object version, Projection projection, boolean exact, int sources, int communities, long millis,
                            List<Row> nodes, List<Bridge> bridges, List<String> notes) {

    /** A node and its metrics. */
    public record Row(Node node, NodeMetrics metrics) {
    }

    /** An edge whose removal splits the network, by its ends. */
    public record Bridge(String source, String target) {
    }

    /** Most between first; ties by IRI, so the same data gives the same answer on every start. */
    static final Comparator<Row> ORDER = Comparator.comparingDouble((Row r) -> -r.metrics().betweenness())
            .thenComparing(r -> r.node().iri());

    public MetricsReport {
        nodes = List.copyOf(nodes);
        bridges = List.copyOf(bridges);
        notes = List.copyOf(notes);
    }

    static MetricsReport of(Object version, Net net, Metrics m) {
        List<Row> rows = new ArrayList<>(m.nodes().size());
        for (Map.Entry<String, NodeMetrics> e : m.nodes().entrySet()) {
            Node n = net.nodes().get(e.getKey());
            rows.add(new Row(n != null ? n : new Node(e.getKey(), e.getKey(), NodeType.OTHER), e.getValue()));
        }
        rows.sort(ORDER);
        return new MetricsReport(version, m.projection(), m.exact(), m.sources(), m.communities(), m.millis(), rows,
                m.bridges().stream().map(b -> new Bridge(b.source(), b.target())).toList(), net.notes());
    }

    /** The IRIs of the nodes that cut the network in two, sorted. */
    public List<String> articulationPoints() {
        return nodes.stream().filter(r -> r.metrics().articulationPoint()).map(r -> r.node().iri()).sorted().toList();
    }

    /**
     * These metrics as {@link Metrics} of {@code net} (the same projection at the same version),
     * or null when one of its bridges is no edge of {@code net}: then they are of other data.
     */
    Metrics toMetrics(Net net) {
        Map<String, NodeMetrics> byIri = new java.util.HashMap<>();
        nodes.forEach(r -> byIri.put(r.node().iri(), r.metrics()));
        List<Edge> edges = new ArrayList<>();
        for (Bridge b : bridges) {
            Edge found = net.incident(b.source()).stream().filter(e -> e.other(b.source()).equals(b.target())).findFirst().orElse(null);
            if (found == null) {
                return null;
            }
            edges.add(found);
        }
        return new Metrics(net.projection(), net.window(), byIri, edges, communities, sources, millis);
    }
}
