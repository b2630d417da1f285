package org.w3id.copgraph.queries;

import java.math.BigDecimal;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;

/** RDF terms as plain JSON values for the {@code rows} format: numbers and booleans stay typed. */
final class RowValues {

    private RowValues() {
    }

    static Object toJson(Node n) {
        if (n.isURI()) {
            return n.getURI();
        }
        if (n.isBlank()) {
            return "_:" + n.getBlankNodeLabel();
        }
        if (!n.isLiteral()) {
            return n.toString();
        }
        String lex = n.getLiteralLexicalForm();
        String dt = n.getLiteralDatatypeURI();
        try {
            if (XSDDatatype.XSDboolean.getURI().equals(dt)) {
                return Boolean.parseBoolean(lex);
            }
            if (n.getLiteralDatatype() instanceof XSDDatatype x && isNumeric(x)) {
                BigDecimal d = new BigDecimal(lex.trim());
                return d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0 ? (Object) d.longValueExact() : d;
            }
        } catch (RuntimeException e) {
            return lex; // An ill-typed literal is given as written.
        }
        return lex;
    }

    private static final java.util.Set<String> NUMERIC = java.util.Set.of("integer", "decimal", "double", "float",
            "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
            "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte");

    private static boolean isNumeric(XSDDatatype x) {
        return x.getURI().startsWith(XSDDatatype.XSD + "#") && NUMERIC.contains(x.getURI().substring(XSDDatatype.XSD.length() + 1));
    }
}
