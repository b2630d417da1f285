package org.w3id.copgraph.freshness;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.model.Cop;

/**
 * What freshness needs to know of a CoP, read from a graph (the data now, or the last version the
 * event stream holds of a removed one): its label, when it was last reviewed, its contacts, and
 * the facets the feed filters on (domains, places, languages).
 */
record CopFacts(String iri, String label, LocalDate lastReviewed, List<Named> contacts, List<String> domains,
                List<String> places, List<String> languages) {

    static final String SCHEMA = "http://schema.org/";

    /** A resource and its label, for a link. */
    record Named(String iri, String label) {
    }

    static CopFacts read(Graph g, String iri) {
        Node cop = uri(iri);
        List<Named> contacts = objects(g, cop, Cop.contactPerson).stream().filter(Node::isURI)
                .map(p -> new Named(p.getURI(), label(g, p))).toList();
        return new CopFacts(iri, label(g, cop), reviewed(g, cop), contacts,
                iris(objects(g, cop, Cop.domain)), iris(objects(g, cop, SCHEMA + "location")),
                objects(g, cop, SCHEMA + "knowsLanguage").stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm).toList());
    }

    /** The date of {@code cop:lastReviewed}; null for a CoP never reviewed (or a value that is not a date). */
    static LocalDate reviewed(Graph g, Node cop) {
        LocalDate best = null;
        for (Node n : objects(g, cop, Cop.lastReviewed)) {
            if (n.isLiteral()) {
                try {
                    LocalDate d = LocalDate.parse(n.getLiteralLexicalForm().strip().substring(0, Math.min(10, n.getLiteralLexicalForm().strip().length())));
                    best = best == null || d.isAfter(best) ? d : best;
                } catch (DateTimeParseException e) {
                    // Not a date: the CoP counts as never reviewed rather than breaking the page.
                }
            }
        }
        return best;
    }

    /** An English (or untagged) rdfs:label, else any, else the IRI's last segment. */
    static String label(Graph g, Node n) {
        String any = null;
        for (Node l : objects(g, n, RDFS.label.getURI())) {
            if (!l.isLiteral()) {
                continue;
            }
            String lang = l.getLiteralLanguage();
            if (lang.isEmpty() || lang.equalsIgnoreCase("en") || lang.toLowerCase().startsWith("en-")) {
                return l.getLiteralLexicalForm();
            }
            any = any == null ? l.getLiteralLexicalForm() : any;
        }
        if (any != null) {
            return any;
        }
        String iri = n.isURI() ? n.getURI() : n.toString();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    static List<Node> objects(Graph g, Node s, String p) {
        List<Node> out = new ArrayList<>();
        var it = g.find(s, uri(p), Node.ANY);
        try {
            it.forEachRemaining(t -> out.add(t.getObject()));
        } finally {
            Iter.close(it);
        }
        return out;
    }

    private static List<String> iris(List<Node> nodes) {
        return nodes.stream().filter(Node::isURI).map(Node::getURI).distinct().toList();
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
