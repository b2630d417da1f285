package org.w3id.copgraph.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Which types a class implies, read from the shapes rather than from a reasoner: a shape with
 * {@code sh:targetClass C} and a property {@code sh:path rdf:type ; sh:hasValue T} says every C is
 * also a T (the ontology's {@code rdfs:subClassOf}, as the shapes require it, since no reasoner
 * runs at query time). Closed transitively: a {@code cop:Tool} is a {@code cop:Practice}, and so
 * whatever a practice must also be. Taking the shapes' word keeps the added types to exactly those
 * the data contract asks for, so data that already conforms gets nothing added.
 */
final class ImpliedTypes {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node TARGET_CLASS = NodeFactory.createURI(SH + "targetClass");
    private static final Node PROPERTY = NodeFactory.createURI(SH + "property");
    private static final Node PATH = NodeFactory.createURI(SH + "path");
    private static final Node HAS_VALUE = NodeFactory.createURI(SH + "hasValue");

    private ImpliedTypes() {
    }

    static Map<Node, Set<Node>> from(Graph shapes) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        shapes.find(Node.ANY, TARGET_CLASS, Node.ANY).forEachRemaining(t -> {
            Node shape = t.getSubject();
            Node cls = t.getObject();
            shapes.find(shape, PROPERTY, Node.ANY).forEachRemaining(p -> {
                Node ps = p.getObject();
                if (shapes.contains(ps, PATH, RDF.type.asNode())) {
                    shapes.find(ps, HAS_VALUE, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isURI)
                            .forEachRemaining(v -> direct.computeIfAbsent(cls, k -> new LinkedHashSet<>()).add(v));
                }
            });
        });
        Map<Node, Set<Node>> closed = new HashMap<>();
        for (Node cls : direct.keySet()) {
            Set<Node> all = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(direct.get(cls));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (!n.equals(cls) && all.add(n)) {
                    todo.addAll(direct.getOrDefault(n, Set.of()));
                }
            }
            closed.put(cls, Set.copyOf(all));
        }
        return Map.copyOf(closed);
    }
}
