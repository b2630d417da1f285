package org.w3id.copgraph.forms;

import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * One form field as the shapes define it: the merged property shapes of one path (the one with an
 * sh:group gives the presentation; cardinalities are the strictest of all).
 *
 * @param key        the field's name in the form, from the path ({@code rdfs-label}, {@code cop-offers-of} for an inverse path)
 * @param predicate  the property IRI of the path
 * @param inverse    whether the path is {@code [ sh:inversePath p ]}: the values point to the subject
 * @param maxCount   {@link Integer#MAX_VALUE} when unbounded
 * @param datatypes  the datatypes the shape allows (of sh:datatype and sh:or alternatives)
 * @param in         the values of sh:in, in order (empty when none)
 * @param classes    the classes a value may have (sh:class and sh:or alternatives)
 * @param schemes    the concept schemes a concept value must be in (from sh:node shapes)
 * @param message    the shape's own sh:message, shown next to the field on error
 */
record FieldSpec(String key, String predicate, boolean inverse, String label, String help,
                 String groupIri, String groupLabel, double groupOrder, double order,
                 int minCount, int maxCount, InputKind kind, boolean languageTagged,
                 Set<String> datatypes, Integer maxLength, String pattern, List<Node> in,
                 List<String> classes, List<String> schemes, String message) {

    boolean required() {
        return minCount > 0;
    }

    boolean repeatable() {
        return maxCount > 1;
    }
}
