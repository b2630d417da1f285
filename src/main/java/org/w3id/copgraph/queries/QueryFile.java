package org.w3id.copgraph.queries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Parses a grlc-style {@code .rq} file: the {@code #+} lines form a YAML header (summary,
 * description, tags, defaults, params), the rest is the SPARQL query. A file that
 * does not parse stops start-up with its name and line.
 */
final class QueryFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private QueryFile() {
    }

    /** The header keys a query file may use; anything else is a typo that would silently do nothing. */
    static final List<String> KEYS = List.of("summary", "description", "tags", "params", "defaults",
            "enumerate", "examples", "method", "pagination", "endpoint");

    static CuratedQuery parse(String name, String fileLabel, String text) {
        StringBuilder yaml = new StringBuilder();
        List<Integer> fileLines = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#+")) {
                yaml.append(line.length() > 3 ? line.substring(3) : "").append('\n');
                fileLines.add(i + 1);
            }
        }
        JsonNode header;
        try {
            header = yaml.isEmpty() ? YAML.createObjectNode() : YAML.readTree(yaml.toString());
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String where = at > 0 && at <= fileLines.size() ? " line " + fileLines.get(at - 1) : "";
            throw new IllegalStateException(fileLabel + where + ": the #+ header is not valid YAML: "
                    + firstLine(e.getOriginalMessage()), e);
        }
        if (header == null || !header.isObject()) {
            header = YAML.createObjectNode();
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalStateException(fileLabel + " line " + e.getLine() + ", column "
                    + e.getColumn() + ": " + firstLine(e.getMessage()), e);
        }
        Header h = new Header(fileLabel, lines);
        header.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                throw h.fail(k, "unknown header key '" + k + "'; known keys: " + String.join(", ", KEYS));
            }
        });
        Map<String, String> defaults = defaults(header.get("defaults"));
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, List<String>> fixedValues = new LinkedHashMap<>();
        JsonNode paramsNode = header.get("params");
        if (paramsNode != null && paramsNode.isObject()) {
            paramsNode.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    descriptions.put(e.getKey(), e.getValue().path("description").asText(""));
                    if (e.getValue().has("enum")) {
                        fixedValues.put(e.getKey(), strings(e.getValue().get("enum")));
                    }
                } else {
                    descriptions.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        Map<String, Parameter.Enumeration> enumerations = enumerations(header.get("enumerate"), h);
        List<Parameter> params = new ArrayList<>();
        for (Var v : variablesOf(query)) {
            Parameter p = Parameter.fromVariable(v.getVarName());
            if (p == null || params.stream().anyMatch(x -> x.name().equals(p.name()))) {
                continue;
            }
            params.add(p.with(defaults.get(p.name()), descriptions.get(p.name()),
                    fixedValues.getOrDefault(p.name(), List.of()), enumerations.get(p.name())));
        }
        List<String> known = params.stream().map(Parameter::name).toList();
        for (Map<String, ?> named : List.of(defaults, descriptions, enumerations)) {
            for (String k : named.keySet()) {
                if (!known.contains(k)) {
                    throw h.fail(k + ":", "'" + k + "' is not a parameter of this query; its parameters"
                            + " come from variables named ?_NAME_TYPE (required) or ?__NAME_TYPE (optional): "
                            + (known.isEmpty() ? "none" : String.join(", ", known)));
                }
            }
        }
        List<Map<String, String>> examples = new ArrayList<>();
        JsonNode ex = header.get("examples");
        if (ex != null && ex.isArray()) {
            ex.forEach(item -> examples.add(stringMap(item)));
        }
        for (Map<String, String> example : examples) {
            for (String k : example.keySet()) {
                if (!known.contains(k) && !k.equals("summary") && !CuratedQueries.RESERVED.contains(k)) {
                    throw h.fail(k + ":", "example names '" + k + "', which is not a parameter of this query");
                }
            }
        }
        return new CuratedQuery(name,
                text(header, "summary", name),
                text(header, "description", ""),
                strings(header.get("tags")),
                List.copyOf(params),
                text,
                query,
                sha256(text),
                List.copyOf(examples),
                null);
    }

    /** Points a header problem at the first {@code #+} line that mentions the offending key. */
    private record Header(String fileLabel, String[] lines) {
        IllegalStateException fail(String key, String message) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("#+") && lines[i].contains(key)) {
                    return new IllegalStateException(fileLabel + " line " + (i + 1) + ": " + message + ".");
                }
            }
            return new IllegalStateException(fileLabel + ": " + message + ".");
        }
    }

    /** {@code enumerate: [cop]} or {@code enumerate: [{domain: "SELECT ?value WHERE ..."}]}. */
    private static Map<String, Parameter.Enumeration> enumerations(JsonNode node, Header h) {
        Map<String, Parameter.Enumeration> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        for (JsonNode item : items) {
            if (item.isTextual()) {
                out.put(item.asText(), new Parameter.Enumeration(null));
            } else if (item.isObject()) {
                item.fields().forEachRemaining(e -> {
                    Query q;
                    try {
                        q = QueryFactory.create(e.getValue().asText());
                    } catch (QueryParseException ex) {
                        throw h.fail(e.getKey() + ":", "the enumeration query of '" + e.getKey()
                                + "' does not parse: " + firstLine(ex.getMessage()));
                    }
                    if (!q.isSelectType() || q.getProjectVars().size() != 1) {
                        throw h.fail(e.getKey() + ":", "the enumeration query of '" + e.getKey()
                                + "' must be a SELECT of exactly one variable");
                    }
                    out.put(e.getKey(), new Parameter.Enumeration(q));
                });
            }
        }
        return out;
    }

    /** Every variable the query's pattern, projection and HAVING mention, in order of appearance. */
    static List<Var> variables(Query q) {
        return variablesOf(q);
    }

    private static List<Var> variablesOf(Query q) {
        List<Var> vars = new ArrayList<>();
        org.apache.jena.sparql.syntax.ElementWalker.walk(q.getQueryPattern(),
                new org.apache.jena.sparql.syntax.ElementVisitorBase() {
                    @Override
                    public void visit(org.apache.jena.sparql.syntax.ElementPathBlock el) {
                        el.patternElts().forEachRemaining(tp -> {
                            addVar(vars, tp.getSubject());
                            addVar(vars, tp.getObject());
                            if (tp.getPredicate() != null) {
                                addVar(vars, tp.getPredicate());
                            }
                        });
                    }

                    @Override
                    public void visit(org.apache.jena.sparql.syntax.ElementFilter el) {
                        el.getExpr().getVarsMentioned().forEach(v -> addVar(vars, v));
                    }

                    @Override
                    public void visit(org.apache.jena.sparql.syntax.ElementBind el) {
                        el.getExpr().getVarsMentioned().forEach(v -> addVar(vars, v));
                    }

                    @Override
                    public void visit(org.apache.jena.sparql.syntax.ElementNamedGraph el) {
                        addVar(vars, el.getGraphNameNode());
                    }

                    @Override
                    public void visit(org.apache.jena.sparql.syntax.ElementSubQuery el) {
                        variablesOf(el.getQuery()).forEach(v -> addVar(vars, v));
                    }
                });
        if (q.hasHaving()) {
            q.getHavingExprs().forEach(e -> e.getVarsMentioned().forEach(v -> addVar(vars, v)));
        }
        if (q.getProject() != null) {
            q.getProject().getExprs().values().forEach(e -> e.getVarsMentioned().forEach(v -> addVar(vars, v)));
        }
        return vars;
    }

    private static void addVar(List<Var> vars, org.apache.jena.graph.Node n) {
        if (n != null && n.isVariable() && !vars.contains(n)) {
            vars.add(Var.alloc(n));
        }
    }

    private static Map<String, String> defaults(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        // grlc writes defaults as a list of one-entry maps; a plain map is accepted too.
        if (node.isArray()) {
            node.forEach(item -> out.putAll(stringMap(item)));
        } else {
            out.putAll(stringMap(node));
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node != null && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    private static String text(JsonNode header, String key, String fallback) {
        JsonNode n = header.get(key);
        return n == null || n.isNull() ? fallback : n.asText().strip();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
