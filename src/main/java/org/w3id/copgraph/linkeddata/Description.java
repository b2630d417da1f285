package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3id.copgraph.i18n.LanguageChain;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * What the store says about one resource: its statements with the graph (source) each came
 * from, including those about blank nodes it points to; one page of the statements pointing at
 * it, grouped by property; a label for every IRI mentioned; and the sources of its graphs.
 */
public record Description(String iri, List<Quad> statements, List<InverseGroup> inverse, int inversePage,
                          int inversePageSize, Map<String, Map<String, String>> labels, Map<String, Source> sources) {

    /** Statements {@code ?subject predicate iri} of one property: one page of them and how many there are. */
    public record InverseGroup(Node predicate, long total, List<Link> links) {

        /** How many come after this page. */
        public long remainingAfter(int page, int pageSize) {
            return Math.max(0, total - (long) page * pageSize);
        }
    }

    public record Link(Node subject, Node graph) {
    }

    /** A source graph as {@code graph/meta} describes it. */
    public record Source(String graph, String title, String url) {
    }

    public Node node() {
        return org.apache.jena.graph.NodeFactory.createURI(iri);
    }

    /** The statements whose subject is the resource itself (not a blank node it points to). */
    public List<Quad> own() {
        return statements.stream().filter(q -> q.getSubject().isURI() && q.getSubject().getURI().equals(iri)).toList();
    }

    /** The statements about a blank node the resource points to. */
    public List<Quad> about(Node blank) {
        return statements.stream().filter(q -> q.getSubject().equals(blank)).toList();
    }

    public List<Node> types() {
        List<Node> out = new ArrayList<>();
        for (Quad q : own()) {
            if (q.getPredicate().equals(RDF.type.asNode()) && !out.contains(q.getObject())) {
                out.add(q.getObject());
            }
        }
        return out;
    }

    /** The readable label of an IRI for an English reader: from the store, else its local name made readable. */
    public String label(String iriOrNull) {
        return label(iriOrNull, LanguageChain.ENGLISH);
    }

    /** The readable label of an IRI for a reader of {@code chain} (its languages, then English, then any). */
    public String label(String iriOrNull, LanguageChain chain) {
        LanguageChain.Picked p = picked(iriOrNull, chain);
        return p != null ? p.text() : iriOrNull == null ? "" : Labels.localName(iriOrNull);
    }

    /** The label picked for {@code chain}, with its language, or null when the store has none. */
    public LanguageChain.Picked picked(String iriOrNull, LanguageChain chain) {
        return Labels.pick(labels, iriOrNull, chain);
    }

    /** Whether the store has a label for {@code iri}. */
    public boolean hasLabel(String iri) {
        return labels.containsKey(iri);
    }
}
