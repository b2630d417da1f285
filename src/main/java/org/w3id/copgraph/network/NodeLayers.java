package org.w3id.copgraph.network;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The nodes of the facts as {@link FactsJoin} makes them: every CoP, then the ends of each part of
 * the links ({@link LinkParts}), one map per part, each made again only when its part or the
 * types or labels change. Read as one unmodifiable map without being merged into one: a resource
 * at the end of links of several parts is one entry, the same node in each layer.
 */
final class NodeLayers extends AbstractMap<String, Node> {

    private final Map<String, Node> cops;
    private final List<Map<String, Node>> layers;
    private volatile Set<Entry<String, Node>> entries;

    /** {@code cops} holds exactly the nodes of type CoP; no map may change afterwards. */
    NodeLayers(Map<String, Node> cops, List<Map<String, Node>> ends) {
        this.cops = cops;
        this.layers = new java.util.ArrayList<>(ends.size() + 1);
        this.layers.add(cops);
        this.layers.addAll(ends);
    }

    /** The CoPs among {@code nodes}: without looking at every node when they are layers. */
    static Collection<Node> cops(Map<String, Node> nodes) {
        if (nodes instanceof NodeLayers l) {
            return l.cops.values();
        }
        return nodes.values().stream().filter(n -> n.type() == NodeType.COP).toList();
    }

    @Override
    public Node get(Object key) {
        for (Map<String, Node> layer : layers) {
            Node n = layer.get(key);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, Node>> entrySet() {
        Set<Entry<String, Node>> e = entries;
        if (e == null) {
            e = new Entries();
            entries = e;
        }
        return e;
    }

    /** Each key once: in the first layer that has it. */
    private final class Entries extends AbstractSet<Entry<String, Node>> {
        private int size = -1;

        @Override
        public Iterator<Entry<String, Node>> iterator() {
            return new Iterator<>() {
                private int layer;
                private Iterator<Entry<String, Node>> in = layers.get(0).entrySet().iterator();
                private Entry<String, Node> next = advance();

                private Entry<String, Node> advance() {
                    while (true) {
                        while (in.hasNext()) {
                            Entry<String, Node> e = in.next();
                            if (!inEarlierLayer(e.getKey(), layer)) {
                                return Map.entry(e.getKey(), e.getValue());
                            }
                        }
                        if (++layer == layers.size()) {
                            return null;
                        }
                        in = layers.get(layer).entrySet().iterator();
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Entry<String, Node> next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Entry<String, Node> e = next;
                    next = advance();
                    return e;
                }
            };
        }

        @Override
        public int size() {
            if (size < 0) {
                int n = 0;
                for (int l = 0; l < layers.size(); l++) {
                    for (String k : layers.get(l).keySet()) {
                        if (!inEarlierLayer(k, l)) {
                            n++;
                        }
                    }
                }
                size = n;
            }
            return size;
        }
    }

    private boolean inEarlierLayer(String key, int layer) {
        for (int i = 0; i < layer; i++) {
            if (layers.get(i).containsKey(key)) {
                return true;
            }
        }
        return false;
    }
}
