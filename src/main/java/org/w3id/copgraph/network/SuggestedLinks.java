package org.w3id.copgraph.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The links copgraph suggested, as edges of their own: one per suggestion, from the CoP that
 * could help to the one that could learn, with its summary and reasons. Never part of a {@link Net}
 * (so never of a projection, a metric or a path); added to a view only when
 * {@link LinkKind#SUGGESTED} is asked for. Their edges are numbered below zero, so that their ids
 * never clash with those of the facts' edges drawn beside them.
 */
final class SuggestedLinks {

    static final SuggestedLinks NONE = new SuggestedLinks(List.of());

    private final List<Edge> edges;
    private final Map<String, List<Edge>> incident = new HashMap<>();
    private final Set<String> graphs = new LinkedHashSet<>();

    private SuggestedLinks(List<Edge> edges) {
        this.edges = List.copyOf(edges);
        for (Edge e : this.edges) {
            incident.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
            incident.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(e);
            // The summary's source is the graph that states the suggestion.
            graphs.addAll(e.reasons().get(0).sources());
        }
    }

    /** The suggested links of fixed facts (tests, benchmarks). */
    static SuggestedLinks of(Facts facts) {
        return of(facts.suggested());
    }

    /**
     * The suggestions read from the derived graph, as links: first a summary (what could move,
     * score, rank; the graph that states it as its source), then one per reason (its sentence,
     * the sources of the facts it rests on). Only the summary weighs. Labels are those of the
     * network's nodes, looked up when a text is shown.
     */
    static SuggestedLinks of(List<FactsReader.SuggestionParts> parts, Map<String, Node> nodes) {
        java.util.function.Function<String, String> label = iri -> {
            Node n = nodes.get(iri);
            return n != null ? n.label() : iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
        };
        List<Link> links = new ArrayList<>();
        for (FactsReader.SuggestionParts p : parts) {
            String agent = p.agent();
            String target = p.target();
            if (agent.equals(target)) {
                continue;
            }
            List<String> moved = List.copyOf(p.couldMove());
            String score = p.score();
            String rank = p.rank();
            links.add(new Link(agent, target, true, new Reason(LinkKind.SUGGESTED, () -> {
                String what = String.join(", ", moved.stream().map(label).toList());
                return "Suggested: " + label.apply(agent) + " could help " + label.apply(target)
                        + (what.isEmpty() ? "" : " with " + what)
                        + (score == null ? "" : "; score " + score)
                        + (rank == null ? "" : "; rank " + rank + " among the CoPs " + label.apply(target) + " could learn from")
                        + " (computed by copgraph, not stated by a source)";
            }, p.iri(), null, List.of(p.graph()), 1, Evidence.SUGGESTED)));
            for (FactsReader.ReasonParts r : p.reasons()) {
                List<String> vias = List.copyOf(r.via());
                String text = r.text();
                String kind = r.kind();
                links.add(new Link(agent, target, true, new Reason(LinkKind.SUGGESTED,
                        () -> text != null ? text : (kind == null ? "reason" : kind)
                                + (vias.isEmpty() ? "" : ": " + String.join(", ", vias.stream().map(label).toList())),
                        vias.isEmpty() ? null : vias.get(0), null, r.sources(), 0, Evidence.SUGGESTED)));
            }
        }
        return of(links);
    }

    private static SuggestedLinks of(List<Link> suggested) {
        if (suggested.isEmpty()) {
            return NONE;
        }
        // One edge per ordered pair, its reasons in the order read (the summary first).
        Map<List<String>, List<Reason>> byPair = new LinkedHashMap<>();
        for (Link l : suggested) {
            byPair.computeIfAbsent(List.of(l.from(), l.to()), k -> new ArrayList<>()).add(l.reason());
        }
        List<Edge> edges = new ArrayList<>(byPair.size());
        byPair.forEach((pair, reasons) -> edges.add(new Edge(-(edges.size() + 1), pair.get(0), pair.get(1), true, reasons)));
        return new SuggestedLinks(edges);
    }

    /** Whether {@code e} is a suggested edge: its reasons are all suggested, a fact's edge has none. */
    static boolean isSuggested(Edge e) {
        return !e.reasons().isEmpty() && e.reasons().get(0).kind() == LinkKind.SUGGESTED;
    }

    List<Edge> edges() {
        return edges;
    }

    List<Edge> incident(String iri) {
        return incident.getOrDefault(iri, List.of());
    }

    /** The suggested edges whose two ends are both in {@code nodes}. */
    List<Edge> among(Set<String> nodes) {
        List<Edge> out = new ArrayList<>();
        for (String n : nodes) {
            for (Edge e : incident(n)) {
                // Each edge once: from its source's side.
                if (e.source().equals(n) && nodes.contains(e.target())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Whether {@code graph} is one that states suggestions (the derived graph). */
    boolean statedIn(String graph) {
        return graphs.contains(graph);
    }
}
