package org.w3id.copgraph.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small networks written by hand, whose metrics are known. */
final class HandMade {

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    static String iri(String name) {
        return "https://example.org/id/" + name;
    }

    HandMade node(String name, NodeType type) {
        nodes.put(iri(name), new Node(iri(name), name, type));
        return this;
    }

    HandMade cops(String... names) {
        for (String n : names) {
            node(n, NodeType.COP);
        }
        return this;
    }

    HandMade link(LinkKind kind, String from, String to, LocalDate date) {
        boolean directed = kind == LinkKind.CROSS_POLLINATION;
        links.add(new Link(iri(from), iri(to), directed,
                new Reason(kind, from + " " + kind.id() + " " + to, iri(to), date, List.of("https://example.org/graph/test"), 1)));
        return this;
    }

    HandMade cross(String from, String to) {
        return link(LinkKind.CROSS_POLLINATION, from, to, null);
    }

    /** Two 5-cliques a0..a4 and b0..b4 tied only by a0 → b0. */
    static HandMade twoCliques() {
        HandMade h = new HandMade();
        for (String side : new String[]{"a", "b"}) {
            for (int i = 0; i < 5; i++) {
                h.cops(side + i);
            }
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    h.cross(side + i, side + j);
                }
            }
        }
        return h.cross("a0", "b0");
    }

    Facts facts() {
        return new Facts(nodes, links);
    }
}
