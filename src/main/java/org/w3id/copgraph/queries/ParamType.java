package org.w3id.copgraph.queries;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * The types a curated-query parameter can have, named by the suffix of its SPARQL variable as
 * in grlc ({@code ?_cop_iri}, {@code ?_year_integer}, {@code ?__since_date}).
 */
public enum ParamType {
    IRI("iri", "an IRI such as https://w3id.org/copgraph/id/cop/urbana, a path such as /id/cop/urbana, or a slug such as urbana"),
    STRING("string", "a string"),
    INTEGER("integer", "a whole number from 0 to 2147483647, e.g. 3"),
    DECIMAL("decimal", "a decimal number, e.g. 0.5"),
    DATE("date", "a date as YYYY-MM-DD, e.g. 2020-12-02"),
    BOOLEAN("boolean", "true or false");

    public final String suffix;
    public final String expected;

    ParamType(String suffix, String expected) {
        this.suffix = suffix;
        this.expected = expected;
    }

    public static ParamType fromSuffix(String suffix) {
        String s = suffix.toLowerCase(Locale.ROOT);
        if (s.startsWith("xsd_")) {
            s = s.substring(4);
        }
        for (ParamType t : values()) {
            if (t.suffix.equals(s)) {
                return t;
            }
        }
        return null;
    }

    /** The RDF term for a value given by a client, or a 400 naming the parameter and its type. */
    public Node parse(String param, String value, String lang, Iris iris) {
        String v = value.trim();
        try {
            return switch (this) {
                case IRI -> iri(v, iris);
                case STRING -> lang == null ? NodeFactory.createLiteralString(value) : NodeFactory.createLiteralLang(value, lang);
                case INTEGER -> NodeFactory.createLiteralDT(count(v).toString(), XSDDatatype.XSDinteger);
                case DECIMAL -> NodeFactory.createLiteralDT(new BigDecimal(v).toPlainString(), XSDDatatype.XSDdecimal);
                case DATE -> NodeFactory.createLiteralDT(LocalDate.parse(v).toString(), XSDDatatype.XSDdate);
                case BOOLEAN -> bool(v);
            };
        } catch (RuntimeException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must be " + expected
                    + "; got '" + value + "'.");
        }
    }

    /**
     * Every integer parameter of the curated queries is a count (at least `min` communities, at
     * most `max` links): a negative one or one past what SPARQL engines hold in an int is a mistake.
     */
    private static BigInteger count(String v) {
        BigInteger n = new BigInteger(v);
        if (n.signum() < 0 || n.bitLength() > 31) {
            throw new IllegalArgumentException(v);
        }
        return n;
    }

    private static Node iri(String v, Iris iris) {
        // A path on the serving host (/id/cop/urbana) names the same resource as its canonical IRI.
        String iri = v.startsWith("/id/") ? iris.forPath(v) : v;
        if (!IRIs.check(iri) || IRIs.reference(iri).isRelative() || iri.contains(" ")) {
            throw new IllegalArgumentException(v);
        }
        return NodeFactory.createURI(iri);
    }

    private static Node bool(String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(v);
        }
        return NodeFactory.createLiteralDT(v, XSDDatatype.XSDboolean);
    }
}
