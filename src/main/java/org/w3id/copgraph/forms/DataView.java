package org.w3id.copgraph.forms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * What a form needs from the published data, read inside one read transaction of the union
 * graph: labels, the class hierarchy, the choices of a picker, a resource's current values.
 */
final class DataView {

    private static final Node SUBCLASS = RDFS.subClassOf.asNode();
    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node PREF_LABEL = NodeFactory.createURI(ShapeFields.SKOS + "prefLabel");
    private static final Node IN_SCHEME = NodeFactory.createURI(ShapeFields.SKOS + "inScheme");
    private static final Node NOTATION = NodeFactory.createURI(ShapeFields.SKOS + "notation");
    private static final Node CONCEPT = NodeFactory.createURI(ShapeFields.SKOS + "Concept");

    private final Graph g;
    private final Map<String, List<FormView.Option>> options = new HashMap<>();

    DataView(Graph g) {
        this.g = g;
    }

    Graph graph() {
        return g;
    }

    /** A class and every class it is a subclass of (rdfs:subClassOf*), the class first. */
    Set<String> superclasses(String cls) {
        return closure(cls, true);
    }

    private Set<String> closure(String cls, boolean up) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(cls));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (seen.add(c)) {
                Node n = NodeFactory.createURI(c);
                (up ? g.find(n, SUBCLASS, Node.ANY).mapWith(Triple::getObject) : g.find(Node.ANY, SUBCLASS, n).mapWith(Triple::getSubject))
                        .filterKeep(Node::isURI).forEach(x -> todo.push(x.getURI()));
            }
        }
        return seen;
    }

    boolean isInstance(String iri, String cls) {
        Node s = NodeFactory.createURI(iri);
        return closure(cls, false).stream().anyMatch(c -> g.contains(s, TYPE, NodeFactory.createURI(c)));
    }

    /** Whether an IRI is already in use (so a new resource cannot take it). */
    boolean isUsed(String iri) {
        Node n = NodeFactory.createURI(iri);
        return g.contains(n, Node.ANY, Node.ANY) || g.contains(Node.ANY, Node.ANY, n);
    }

    /** An English label, else any rdfs:label or skos:prefLabel, else the IRI's last segment. */
    String label(String iri) {
        Node n = NodeFactory.createURI(iri);
        String any = null;
        for (Node p : List.of(LABEL, PREF_LABEL)) {
            for (Node l : g.find(n, p, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral).toList()) {
                if ("en".equalsIgnoreCase(l.getLiteralLanguage())) {
                    return l.getLiteralLexicalForm();
                }
                if (any == null) {
                    any = l.getLiteralLexicalForm();
                }
            }
        }
        return any != null ? any : iri.replaceAll(".*[#/]", "");
    }

    /** The choices of a select or picker field (empty for the other kinds), computed once per view. */
    List<FormView.Option> options(FieldSpec f) {
        return options.computeIfAbsent(f.key(), k -> switch (f.kind()) {
            case SELECT -> f.in().stream().map(n -> new FormView.Option(text(n), n.isURI() ? label(n.getURI()) : text(n), false)).toList();
            case CONCEPT -> concepts(f.schemes());
            case RESOURCE -> resources(f);
            default -> List.of();
        });
    }

    private List<FormView.Option> concepts(List<String> schemes) {
        Map<String, String> sortKeys = new LinkedHashMap<>();
        for (String scheme : schemes) {
            g.find(Node.ANY, IN_SCHEME, NodeFactory.createURI(scheme)).mapWith(Triple::getSubject).filterKeep(Node::isURI)
                    .forEach(c -> sortKeys.put(c.getURI(), sortKey(c)));
        }
        return sortKeys.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> new FormView.Option(e.getKey(), label(e.getKey()), false)).toList();
    }

    /** Concepts with a numeric notation (an ordered scale) in that order, the others by label. */
    private String sortKey(Node concept) {
        String notation = g.find(concept, NOTATION, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral)
                .mapWith(Node::getLiteralLexicalForm).nextOptional().orElse(null);
        if (notation != null && notation.matches("\\d{1,6}")) {
            return String.format("0%06d", Integer.parseInt(notation));
        }
        return "1" + label(concept.getURI()).toLowerCase(Locale.ROOT);
    }

    /** Existing resources of the field's classes (a concept class with schemes: those schemes' concepts), by label. */
    private List<FormView.Option> resources(FieldSpec f) {
        Map<String, FormView.Option> byIri = new LinkedHashMap<>();
        for (String cls : f.classes()) {
            if (cls.equals(CONCEPT.getURI()) && !f.schemes().isEmpty()) {
                concepts(f.schemes()).forEach(o -> byIri.putIfAbsent(o.value(), o));
                continue;
            }
            for (String c : closure(cls, false)) {
                g.find(Node.ANY, TYPE, NodeFactory.createURI(c)).mapWith(Triple::getSubject).filterKeep(Node::isURI)
                        .forEach(s -> byIri.computeIfAbsent(s.getURI(), iri -> new FormView.Option(iri, label(iri), false)));
            }
        }
        List<FormView.Option> sorted = new ArrayList<>(byIri.values());
        sorted.sort(Comparator.comparing((FormView.Option o) -> o.label().toLowerCase(Locale.ROOT)).thenComparing(FormView.Option::value));
        return sorted;
    }

    /** A resource's current values of a field, for a change. */
    List<FormView.Value> values(String target, FieldSpec f) {
        Node s = NodeFactory.createURI(target);
        Node p = NodeFactory.createURI(f.predicate());
        Set<Node> nodes = new LinkedHashSet<>(f.inverse()
                ? g.find(Node.ANY, p, s).mapWith(Triple::getSubject).toList()
                : g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList());
        return nodes.stream().map(n -> new FormView.Value(text(n), n.isLiteral() ? n.getLiteralLanguage() : "")).toList();
    }

    /**
     * For a change: a statement about another resource (an inverse field's value, a shortcut
     * edge) comes with that resource's other current values of the same property, since the
     * proposals intake replaces every value of each subject and property a description gives.
     */
    void keepOthersValues(Graph description, Node subject) {
        List<Triple> others = description.find().filterDrop(t -> t.getSubject().equals(subject)).toList();
        for (Triple t : others) {
            g.find(t.getSubject(), t.getPredicate(), Node.ANY).forEach(description::add);
        }
    }

    static String text(Node n) {
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    /**
     * Copies into {@code check} what the shapes need to know about the resources it points to:
     * their types and schemes, and the class hierarchy.
     */
    void copyContext(Graph check) {
        Set<Node> referenced = new LinkedHashSet<>();
        check.find().forEach(t -> {
            referenced.add(t.getSubject());
            if (t.getObject().isURI()) {
                referenced.add(t.getObject());
            }
        });
        List<Triple> extra = new ArrayList<>();
        for (Node r : referenced) {
            if (r.isURI()) {
                g.find(r, TYPE, Node.ANY).forEach(extra::add);
                g.find(r, IN_SCHEME, Node.ANY).forEach(extra::add);
            }
        }
        g.find(Node.ANY, SUBCLASS, Node.ANY).forEach(extra::add);
        extra.forEach(check::add);
    }
}
