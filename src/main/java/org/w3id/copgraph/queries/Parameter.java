package org.w3id.copgraph.queries;

import java.util.List;

/**
 * One parameter of a curated query. {@code variable} is the SPARQL variable it binds
 * (grlc style: one leading underscore for a required parameter, two for an optional one,
 * then the name, then the type suffix).
 */
public record Parameter(
        String name,
        String variable,
        ParamType type,
        String lang,
        boolean required,
        String defaultValue,
        String description,
        List<String> allowedValues,
        Enumeration enumeration) {

    /**
     * A parameter whose values come from the graph (grlc's {@code #+ enumerate:}): {@code query}
     * is a declared SELECT of one variable, or null to run the curated query's own pattern for
     * this parameter's variable. Its values are computed once per data version.
     */
    public record Enumeration(org.apache.jena.query.Query query) {
    }

    /** Reads the parameter out of a variable name such as {@code _cop_iri} or {@code __since_date}. */
    public static Parameter fromVariable(String variable) {
        if (!variable.startsWith("_")) {
            return null;
        }
        boolean optional = variable.startsWith("__");
        String rest = variable.substring(optional ? 2 : 1);
        ParamType type = ParamType.STRING;
        String lang = null;
        int cut = rest.lastIndexOf('_');
        if (cut > 0) {
            String suffix = rest.substring(cut + 1);
            String head = rest.substring(0, cut);
            if (head.endsWith("_xsd")) {
                head = head.substring(0, head.length() - 4);
                suffix = "xsd_" + suffix;
            }
            ParamType t = ParamType.fromSuffix(suffix);
            if (t != null) {
                type = t;
                rest = head;
            } else if (suffix.matches("[a-z]{2}")) {
                lang = suffix;
                rest = head;
            }
        }
        return new Parameter(rest, variable, type, lang, !optional, null, "", List.of(), null);
    }

    public Parameter with(String defaultValue, String description, List<String> allowedValues, Enumeration enumeration) {
        return new Parameter(name, variable, type, lang, required && defaultValue == null,
                defaultValue, description == null ? "" : description, allowedValues, enumeration);
    }
}
