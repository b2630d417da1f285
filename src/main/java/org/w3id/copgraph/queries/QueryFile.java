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

    static CuratedQuery parse(String name, String fileLabel, String text) {
        StringBuilder yaml = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#+")) {
                yaml.append(line.length() > 3 ? line.substring(3) : "").append('\n');
            }
        }
        JsonNode header;
        try {
            header = yaml.isEmpty() ? YAML.createObjectNode() : YAML.readTree(yaml.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(fileLabel + ": the #+ header is not valid YAML: " + e.getMessage(), e);
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
        Map<String, String> defaults = defaults(header.get("defaults"));
        Map<String, String> descriptions = stringMap(header.get("params"));
        List<Parameter> params = new ArrayList<>();
        for (Var v : variablesOf(query)) {
            Parameter p = Parameter.fromVariable(v.getVarName());
            if (p == null || params.stream().anyMatch(x -> x.name().equals(p.name()))) {
                continue;
            }
            params.add(p.with(defaults.get(p.name()), descriptions.get(p.name()), List.of()));
        }
        return new CuratedQuery(name,
                text(header, "summary", name),
                text(header, "description", ""),
                strings(header.get("tags")),
                List.copyOf(params),
                text,
                query,
                sha256(text));
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
                });
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
