package org.w3id.copgraph.store;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the full-text index holds: the literals of these properties, in every language, each
 * statement one entry with its language tag kept. Three kinds, so a search can rank a name above
 * a word in a description. The remote-store fallback (a scan) looks at the same properties.
 */
public enum TextFields {

    /** Names: rdfs:label, skos:prefLabel, foaf:name, schema:name. */
    LABEL("label", RDFS.label.asNode(), SKOS.prefLabel.asNode(),
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"), NodeFactory.createURI("http://schema.org/name")),
    /** Other names: skos:altLabel. */
    ALT_LABEL("alt", SKOS.altLabel.asNode()),
    /** Free text: dcterms:description, rdfs:comment. */
    DESCRIPTION("description", DCTerms.description.asNode(), RDFS.comment.asNode());

    private final String field;
    private final List<Node> properties;

    TextFields(String field, Node... properties) {
        this.field = field;
        this.properties = List.of(properties);
    }

    /** The Lucene field the kind's literals go to. */
    public String field() {
        return field;
    }

    public List<Node> properties() {
        return properties;
    }

    /** The kind a property's literals are indexed as, or null if they are not indexed. */
    public static TextFields of(Node property) {
        for (TextFields f : values()) {
            if (f.properties.contains(property)) {
                return f;
            }
        }
        return null;
    }

    /** Every indexed property. */
    public static List<Node> allProperties() {
        return java.util.Arrays.stream(values()).flatMap(f -> f.properties.stream()).toList();
    }
}
