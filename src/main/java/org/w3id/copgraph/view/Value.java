package org.w3id.copgraph.view;

import java.util.List;

/**
 * The object of a statement as a page shows it: a link, a literal (with its language or
 * datatype), or a nested group of fields (a blank node's own statements).
 *
 * @param link   the resource it names, or null for a literal or a blank node
 * @param text   a literal's lexical form, or null
 * @param lang   a literal's language tag, or null
 * @param note   a literal's datatype as a short name ({@code xsd:date}), or null
 * @param fields a blank node's statements, else empty
 */
public record Value(Link link, String text, String lang, String note, List<Field> fields) {

    public static Value of(Link link) {
        return new Value(link, null, null, null, List.of());
    }

    public static Value literal(String text, String lang, String note) {
        return new Value(null, text, lang == null || lang.isEmpty() ? null : lang, note, List.of());
    }

    public static Value nested(List<Field> fields) {
        return new Value(null, null, null, null, fields);
    }

    /** One statement about a blank node: its property's label and its value. */
    public record Field(String name, Value value) {
    }
}
