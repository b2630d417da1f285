package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The nodes and links of the facts read in parts must read as the one map and the one list they stand for. */
class NodeLayersTest {

    private static Node node(String iri, NodeType type) {
        return new Node(iri, iri.toUpperCase(java.util.Locale.ROOT), type);
    }

    @Test
    void aResourceInSeveralLayersIsOneEntryAndTheMapEqualsTheMergedOne() {
        Map<String, Node> cops = Map.of("a", node("a", NodeType.COP), "b", node("b", NodeType.COP));
        Map<String, Node> first = Map.of("a", node("a", NodeType.COP), "p", node("p", NodeType.PERSON));
        Map<String, Node> second = Map.of("p", node("p", NodeType.PERSON), "x", node("x", NodeType.PRACTICE), "b",
                node("b", NodeType.COP));
        NodeLayers layers = new NodeLayers(cops, List.of(first, Map.of(), second));

        Map<String, Node> merged = new LinkedHashMap<>();
        for (Map<String, Node> m : List.of(cops, first, second)) {
            m.forEach(merged::putIfAbsent);
        }
        assertThat(layers).hasSize(4).isEqualTo(merged);
        assertThat(layers.entrySet()).hasSize(4);
        assertThat(new HashMap<>(layers)).isEqualTo(merged);
        assertThat(layers.keySet()).containsExactlyInAnyOrder("a", "b", "p", "x");
        assertThat(layers.get("x")).isEqualTo(node("x", NodeType.PRACTICE));
        assertThat(layers.get("nobody")).isNull();
        assertThat(layers.containsKey("p")).isTrue();
        assertThat(NodeLayers.cops(layers)).containsExactlyInAnyOrderElementsOf(cops.values());
        assertThat(NodeLayers.cops(merged)).containsExactlyInAnyOrderElementsOf(cops.values());
    }

    @Test
    void linksInPartsReadAsTheirConcatenation() {
        Reason r = new Reason(LinkKind.CROSS_POLLINATION, () -> "r", null, null, List.of(), 1);
        List<Link> one = List.of(new Link("a", "b", true, r), new Link("b", "c", true, r));
        List<Link> two = List.of();
        List<Link> three = List.of(new Link("c", "d", false, r));
        LinkParts parts = new LinkParts(List.of(one, two, three));
        List<Link> whole = new java.util.ArrayList<>(one);
        whole.addAll(three);

        assertThat(parts).hasSize(3).isEqualTo(whole).containsExactlyElementsOf(whole);
        assertThat(parts.get(2)).isSameAs(three.get(0));
        assertThat(parts.stream().toList()).isEqualTo(whole);
        assertThat(parts.start(2)).isEqualTo(2);
        assertThat(new Facts(Map.of(), parts).links()).isSameAs(parts);
    }
}
