package org.w3id.copgraph.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.w3id.copgraph.store.Store;

/**
 * A {@link View} as a Kumu blueprint (docs.kumu.io, "JSON / Blueprints"): {@code elements} with
 * {@code id}, {@code label}, {@code type}, {@code description}, {@code tags} (and any custom
 * field), {@code connections} with {@code id}, {@code from}, {@code to}, {@code type} and
 * {@code direction} (directed, mutual or undirected).
 *
 * <p>Element ids are the resources' canonical IRIs, so a Kumu map that re-imports this address
 * updates its elements rather than duplicating them (Kumu matches on id when there is one, and
 * ids let two resources share a label). Connection ids are "from -> to": stable too, and never
 * equal to an element id (Kumu wants ids unique across elements and connections; an IRI has no
 * spaces).
 */
public final class KumuBlueprint {

    /** What the network does not hold about a resource: its description, web page and image. */
    public record Details(String description, String url, String image) {
        public static final Details NONE = new Details(null, null, null);
    }

    /** Kumu types are shown in its legend: readable names, one per {@link NodeType}. */
    public static final Map<NodeType, String> ELEMENT_TYPES = Map.of(
            NodeType.COP, "Community of Practice",
            NodeType.PERSON, "Person",
            NodeType.ORGANISATION, "Organisation",
            NodeType.PRACTICE, "Practice",
            NodeType.EVENT, "Event",
            NodeType.DOMAIN, "Domain",
            NodeType.OTHER, "Other");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KumuBlueprint() {
    }

    /** The blueprint of a view of the store's network, with descriptions, pages and images read from the store. */
    public static void write(View view, Facts facts, Store store, long timeoutMillis, OutputStream out) {
        Map<String, Details> details = KumuDetails.read(store, view.nodes().keySet(), timeoutMillis);
        write(view, facts, iri -> details.getOrDefault(iri, Details.NONE), out);
    }

    /** Writes {@link #of} as JSON. */
    public static void write(View view, Facts facts, Function<String, Details> details, OutputStream out) {
        try {
            JSON.writeValue(out, of(view, facts, details));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection id of a tie; the import reads ties back by from and to, not by this id. */
    public static String connectionId(String from, String to) {
        return from + " -> " + to;
    }

    /**
     * @param facts   the facts the view was built from, for each element's tags (the labels of its
     *                domains and practices); null for none
     * @param details descriptions, pages and images by IRI (may answer {@link Details#NONE})
     */
    public static Map<String, Object> of(View view, Facts facts, Function<String, Details> details) {
        Map<String, Set<String>> tags = tags(view, facts);
        List<Object> elements = new ArrayList<>();
        for (Node n : view.nodes().values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", n.iri());
            e.put("label", n.label());
            e.put("type", ELEMENT_TYPES.get(n.type()));
            Details d = details.apply(n.iri());
            if (d != null && d.description() != null) {
                e.put("description", d.description());
            }
            e.put("tags", List.copyOf(tags.getOrDefault(n.iri(), Set.of())));
            if (d != null && d.url() != null) {
                e.put("url", d.url());
            }
            if (d != null && d.image() != null) {
                e.put("image", d.image());
            }
            e.put("iri", n.iri());
            NodeMetrics m = view.metrics().get(n.iri());
            if (m != null) {
                e.put("degree", m.degree());
                e.put("weighted degree", m.weightedDegree());
                e.put("betweenness", m.betweenness());
                e.put("closeness", m.closeness());
                e.put("clustering", m.clustering());
                e.put("community", m.community());
                e.put("articulation point", m.articulationPoint());
            }
            elements.add(e);
        }
        List<Object> connections = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Edge edge : view.edges()) {
            Map<String, Object> c = new LinkedHashMap<>();
            String id = connectionId(edge.source(), edge.target());
            for (int i = 2; !ids.add(id); i++) {
                id = connectionId(edge.source(), edge.target()) + " #" + i;
            }
            c.put("id", id);
            c.put("from", edge.source());
            c.put("to", edge.target());
            // Kumu's type is one value; an edge may rest on several kinds: the first is the type, all are tags.
            List<String> kinds = edge.kinds().stream().map(LinkKind::id).toList();
            c.put("type", kinds.isEmpty() ? "tie" : kinds.get(0));
            c.put("direction", edge.directed() ? "directed" : "undirected");
            c.put("description", edge.reasons().stream().map(Reason::text).distinct().collect(Collectors.joining("; ")));
            c.put("tags", kinds);
            c.put("weight", edge.weight());
            if (edge.firstDate() != null) {
                c.put("date", edge.firstDate().toString());
            }
            c.put("sources", edge.reasons().stream().flatMap(r -> r.sources().stream()).distinct().toList());
            connections.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("elements", elements);
        out.put("connections", connections);
        return out;
    }

    /** Per resource, the labels of its domains and practices (whether or not they are drawn). */
    private static Map<String, Set<String>> tags(View view, Facts facts) {
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        if (facts == null) {
            return tags;
        }
        for (Link l : facts.links()) {
            if ((l.kind() == LinkKind.DOMAIN || l.kind() == LinkKind.PRACTICE) && view.nodes().containsKey(l.from())) {
                Node tag = facts.nodes().get(l.to());
                tags.computeIfAbsent(l.from(), k -> new LinkedHashSet<>()).add(tag == null ? l.to() : tag.label());
            }
        }
        tags.values().forEach(s -> {
            List<String> sorted = new ArrayList<>(s);
            sorted.sort(String::compareTo);
            s.clear();
            s.addAll(sorted);
        });
        return tags;
    }
}
