package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the facts into one projection of the network, within a time window. */
final class Projector {

    /**
     * A domain or host shared by more CoPs than this ties them all to each other: a clique that
     * says little and grows with the square of its size, so it is left out (and said so).
     */
    static final int MAX_SHARERS = 200;

    private Projector() {
    }

    static Net build(Facts facts, Projection projection, Window window) {
        List<Link> links = facts.links().stream().filter(l -> window.contains(l.reason().date())).toList();
        Map<String, Node> nodes = new LinkedHashMap<>();
        NodeLayers.cops(facts.nodes()).forEach(n -> nodes.put(n.iri(), n));
        Pairs pairs = new Pairs(projection.directed);
        List<String> notes = new ArrayList<>();
        if (projection == Projection.RESOURCES) {
            for (Link l : links) {
                nodes.putIfAbsent(l.from(), facts.nodes().get(l.from()));
                nodes.putIfAbsent(l.to(), facts.nodes().get(l.to()));
                pairs.add(l.from(), l.to(), l.reason());
            }
        }
        projectCops(facts, links, projection.kinds, pairs, notes);
        List<Edge> edges = pairs.edges();
        return new Net(projection, window, nodes, edges, notes);
    }

    private static void projectCops(Facts facts, List<Link> links, Set<LinkKind> kinds, Pairs pairs, List<String> notes) {
        Map<String, Node> nodes = facts.nodes();
        // thing (member, practice, domain, event, host) -> the CoPs tied to it, with how
        Map<LinkKind, Map<String, Map<String, Reason>>> shared = new HashMap<>();
        Map<String, List<Link>> membershipsOf = new HashMap<>();
        for (Link l : links) {
            if (l.kind() == LinkKind.MEMBER && isCop(nodes, l.to())) {
                membershipsOf.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
            }
        }
        for (Link l : links) {
            LinkKind kind = l.kind();
            if (!kinds.contains(kind)) {
                continue;
            }
            boolean fromCop = isCop(nodes, l.from());
            boolean toCop = isCop(nodes, l.to());
            if (fromCop && toCop) {
                if (kind != LinkKind.MEMBER) {
                    pairs.add(l.from(), l.to(), l.reason());
                }
                continue;
            }
            switch (kind) {
                case MEMBER -> {
                    if (toCop) {
                        share(shared, kind, l.from(), l.to(), l.reason());
                    }
                }
                case PRACTICE, DOMAIN, ORGANISATIONAL -> {
                    if (fromCop) {
                        share(shared, kind, l.to(), l.from(), l.reason());
                    } else if (toCop) {
                        share(shared, kind, l.from(), l.to(), l.reason());
                    }
                }
                case EVENT -> {
                    if (fromCop) {
                        share(shared, kind, l.to(), l.from(), l.reason());
                    } else {
                        // A person at an event brings the CoPs they are a member of.
                        for (Link m : membershipsOf.getOrDefault(l.from(), List.of())) {
                            Reason r = l.reason();
                            LocalDate date = later(r.date(), m.reason().date());
                            Reason mr = m.reason();
                            share(shared, kind, l.to(), m.to(), new Reason(kind, () -> r.text() + ", " + mr.text(),
                                    l.to(), date, union(r.sources(), mr.sources()), 1));
                        }
                    }
                }
                default -> {
                }
            }
        }
        shared.forEach((kind, byThing) -> byThing.forEach((thing, cops) -> {
            if (cops.size() > MAX_SHARERS) {
                notes.add(cops.size() + " CoPs share " + kind.id() + " " + label(nodes, thing)
                        + "; that tie is left out (more than " + MAX_SHARERS + ").");
                return;
            }
            List<Map.Entry<String, Reason>> list = new ArrayList<>(cops.entrySet());
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Reason a = list.get(i).getValue();
                    Reason b = list.get(j).getValue();
                    java.util.function.Supplier<String> text = () -> switch (kind) {
                        case MEMBER -> "shared member " + label(nodes, thing);
                        case PRACTICE -> "shared practice or tool " + label(nodes, thing);
                        case DOMAIN -> "shared domain " + label(nodes, thing);
                        case EVENT -> "both at event " + label(nodes, thing);
                        default -> "both tied to " + label(nodes, thing);
                    } + " (" + a.text() + "; " + b.text() + ")";
                    pairs.add(list.get(i).getKey(), list.get(j).getKey(),
                            new Reason(kind, text, thing, later(a.date(), b.date()), union(a.sources(), b.sources()), 1));
                }
            }
        }));
    }

    private static void share(Map<LinkKind, Map<String, Map<String, Reason>>> shared, LinkKind kind, String thing, String cop, Reason r) {
        shared.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(thing, k -> new LinkedHashMap<>()).putIfAbsent(cop, r);
    }

    private static boolean isCop(Map<String, Node> nodes, String iri) {
        Node n = nodes.get(iri);
        return n != null && n.type() == NodeType.COP;
    }

    private static String label(Map<String, Node> nodes, String iri) {
        Node n = nodes.get(iri);
        return n == null ? iri : n.label();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (a.equals(b) || b.isEmpty()) {
            return a;
        }
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    /**
     * Reasons gathered per pair of nodes (ordered when the projection is directed). Most pairs
     * have one reason, kept as it is; a list only for the others: at 50,000 CoPs the network of
     * every resource has 1.6 million pairs, and a list each would double the memory of building it.
     */
    private static final class Pairs {
        private final boolean directed;
        private final Map<Key, Object> reasons = new LinkedHashMap<>();

        Pairs(boolean directed) {
            this.directed = directed;
        }

        @SuppressWarnings("unchecked")
        void add(String a, String b, Reason r) {
            Key key = directed || a.compareTo(b) < 0 ? new Key(a, b) : new Key(b, a);
            Object known = reasons.putIfAbsent(key, r);
            if (known == null) {
                return;
            }
            // A mutual cross-pollination arrives once per direction; in an undirected view it is one reason.
            if (known instanceof Reason one) {
                if (!one.equals(r)) {
                    List<Reason> list = new ArrayList<>(2);
                    list.add(one);
                    list.add(r);
                    reasons.put(key, list);
                }
            } else if (!((List<Reason>) known).contains(r)) {
                ((List<Reason>) known).add(r);
            }
        }

        @SuppressWarnings("unchecked")
        List<Edge> edges() {
            List<Edge> edges = new ArrayList<>(reasons.size());
            for (var it = reasons.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                List<Reason> list = e.getValue() instanceof Reason one ? List.of(one) : (List<Reason>) e.getValue();
                edges.add(new Edge(edges.size(), e.getKey().a, e.getKey().b, directed, list));
                // Let the pairs go as the edges are made, rather than holding both at the peak.
                it.remove();
            }
            return edges;
        }
    }

    private record Key(String a, String b) {
    }
}
