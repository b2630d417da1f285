package org.w3id.copgraph.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads one field's posted values into RDF terms, as its shape allows them. A value that cannot
 * be one (a date that is not a date, a concept not in the scheme, text over the length limit, one
 * value too many) becomes a message next to the field: why, then the shape's own message.
 */
final class FieldReader {

    private static final String XSD = XSDDatatype.XSD + "#";

    private final FieldSpec f;
    private final Set<String> choices;

    FieldReader(FieldSpec f, List<FormView.Option> options) {
        this.f = f;
        this.choices = options.stream().map(FormView.Option::value).collect(Collectors.toSet());
    }

    List<Node> read(Map<String, List<String>> fields, Map<String, List<String>> errors) {
        List<String> texts = fields.getOrDefault(f.key(), List.of());
        List<String> langs = fields.getOrDefault(f.key() + Forms.LANG_SUFFIX, List.of());
        Set<Node> nodes = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            String lang = i < langs.size() && langs.get(i) != null ? langs.get(i).strip() : "";
            Node n = node(text, lang, problems);
            if (n != null) {
                nodes.add(n);
            }
        }
        if (f.required() && nodes.isEmpty() && problems.isEmpty()) {
            problems.add("Required.");
        }
        if (nodes.size() > f.maxCount()) {
            problems.add(f.maxCount() == 1 ? "Only one value, please." : "At most " + f.maxCount() + " values, please.");
        }
        if (!problems.isEmpty()) {
            List<String> messages = errors.computeIfAbsent(f.key(), k -> new ArrayList<>());
            for (String p : new LinkedHashSet<>(problems)) {
                messages.add(f.message() == null ? p : p + " " + f.message());
            }
        }
        return new ArrayList<>(nodes);
    }

    private Node node(String text, String lang, List<String> problems) {
        switch (f.kind()) {
            case SELECT, CONCEPT, RESOURCE -> {
                if (!choices.contains(text)) {
                    problems.add("Not one of the choices offered.");
                    return null;
                }
                return f.in().stream().filter(n -> DataView.text(n).equals(text)).findFirst()
                        .orElseGet(() -> NodeFactory.createURI(text));
            }
            case URL -> {
                return url(text, problems);
            }
            case DATE -> {
                return date(text, problems);
            }
            case NUMBER -> {
                return number(text, problems);
            }
            case BOOLEAN -> {
                if (!text.equals("true") && !text.equals("false")) {
                    problems.add("Answer yes or no.");
                    return null;
                }
                return NodeFactory.createLiteralDT(text, XSDDatatype.XSDboolean);
            }
            default -> {
                return text(text, lang, problems);
            }
        }
    }

    private Node text(String text, String lang, List<String> problems) {
        if (f.maxLength() != null && text.codePointCount(0, text.length()) > f.maxLength()) {
            problems.add("At most " + f.maxLength() + " characters (this has " + text.codePointCount(0, text.length()) + ").");
            return null;
        }
        if (!matchesPattern(text)) {
            problems.add("Not in the expected form.");
            return null;
        }
        boolean plainAllowed = f.datatypes().isEmpty() || f.datatypes().contains(XSD + "string");
        if (f.languageTagged() && !lang.isEmpty()) {
            if (!lang.matches(Languages.TAG)) {
                problems.add("'" + lang + "' is not a language code such as en or it.");
                return null;
            }
            return NodeFactory.createLiteralLang(text, lang);
        }
        if (!plainAllowed) {
            problems.add("Say which language it is in.");
            return null;
        }
        return NodeFactory.createLiteralString(text);
    }

    private Node url(String text, List<String> problems) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null || !matchesPattern(text)) {
                throw new java.net.URISyntaxException(text, "not a web address");
            }
            return NodeFactory.createURI(uri.toASCIIString());
        } catch (java.net.URISyntaxException e) {
            problems.add("Not a web address such as https://example.org/page.");
            return null;
        }
    }

    private Node date(String text, List<String> problems) {
        String type = text.matches("\\d{4}-\\d{2}-\\d{2}") ? "date"
                : text.matches("\\d{4}-\\d{2}") ? "gYearMonth"
                : text.matches("\\d{4}") ? "gYear" : null;
        if (type == null || !f.datatypes().contains(XSD + type)) {
            problems.add(f.datatypes().contains(XSD + "gYear") ? "Not a date: write 2024-05-31, 2024-05 or 2024."
                    : "Not a date: write it as 2024-05-31.");
            return null;
        }
        RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(XSD + type);
        if (!dt.isValid(text)) {
            problems.add("Not a date in the calendar.");
            return null;
        }
        return NodeFactory.createLiteralDT(text, dt);
    }

    private Node number(String text, List<String> problems) {
        Set<String> types = f.datatypes();
        try {
            if (types.contains(XSD + "decimal") || types.contains(XSD + "double")) {
                new BigDecimal(text);
                String dt = types.contains(XSD + "decimal") ? "decimal" : "double";
                return NodeFactory.createLiteralDT(text, TypeMapper.getInstance().getSafeTypeByName(XSD + dt));
            }
            BigInteger n = new BigInteger(text);
            if (n.signum() < 0 && !types.contains(XSD + "integer")) {
                problems.add("Not a whole number of 0 or more.");
                return null;
            }
            String dt = n.signum() >= 0 && types.contains(XSD + "nonNegativeInteger") ? "nonNegativeInteger" : "integer";
            return NodeFactory.createLiteralDT(n.toString(), TypeMapper.getInstance().getSafeTypeByName(XSD + dt));
        } catch (NumberFormatException e) {
            problems.add("Not a number.");
            return null;
        }
    }

    private boolean matchesPattern(String text) {
        if (f.pattern() == null) {
            return true;
        }
        try {
            return Pattern.compile(f.pattern()).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return true; // the shapes' check reports a broken pattern; the form does not guess
        }
    }

    static boolean isLangString(String datatype) {
        return RDF.langString.getURI().equals(datatype);
    }
}
