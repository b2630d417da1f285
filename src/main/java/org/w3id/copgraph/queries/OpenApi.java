package org.w3id.copgraph.queries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3id.copgraph.store.Store;

/**
 * The OpenAPI 3 description of {@code /api/queries}, generated from the {@code #+} headers: one
 * operation per curated query, its parameters typed (with the graph's values as {@code enum}
 * where the header enumerates them), its formats, and the citation headers every answer carries.
 */
public final class OpenApi {

    private OpenApi() {
    }

    public static Map<String, Object> describe(CuratedQueries queries, Store store, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of(
                "title", "copgraph curated queries",
                "version", version,
                "description", "Curated SPARQL queries over copgraph, a linked-data knowledge graph of Communities of"
                        + " Practice. Every answer is citable: the X-Copgraph-* headers (and, in the `rows` format, the"
                        + " JSON envelope) name the query, the SHA-256 of its text, the data version (the store's last"
                        + " change) and when the answer was computed. SELECT answers are paged (`limit`, default "
                        + CuratedQueries.DEFAULT_LIMIT + ", at most " + CuratedQueries.MAX_LIMIT + "; `offset`) with"
                        + " RFC 8288 `Link` headers. Formats by `Accept` or `?format=`. For ad-hoc queries use the"
                        + " SPARQL endpoint at /sparql."));
        doc.put("servers", List.of(Map.of("url", "/")));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/api/queries", Map.of("get", Map.of(
                "operationId", "listQueries",
                "summary", "List the curated queries with their documentation",
                "tags", List.of("catalogue"),
                "responses", Map.of("200", Map.of("description", "The curated queries",
                        "content", Map.of("application/json", Map.of("schema", Map.of("type", "array",
                                "items", Map.of("type", "object")))))))));
        for (CuratedQuery q : queries.list()) {
            paths.put(CuratedQueries.API + q.name(), Map.of("get", operation(q, queries, store)));
        }
        doc.put("paths", paths);
        doc.put("components", components());
        return doc;
    }

    private static Map<String, Object> operation(CuratedQuery q, CuratedQueries queries, Store store) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", camel(q.name()));
        op.put("summary", q.summary());
        op.put("description", q.description() + "\n\nQuery text SHA-256: `" + q.hash() + "`.");
        op.put("tags", q.tags().isEmpty() ? List.of("queries") : q.tags());
        List<Object> params = new ArrayList<>();
        for (Parameter p : q.parameters()) {
            Map<String, Object> schema = schema(p.type());
            List<String> allowed = queries.allowedValues(q, p, store);
            if (!allowed.isEmpty()) {
                schema.put("enum", allowed);
            }
            if (p.defaultValue() != null) {
                schema.put("default", p.defaultValue());
            }
            Map<String, Object> param = new LinkedHashMap<>();
            param.put("name", p.name());
            param.put("in", "query");
            param.put("required", p.required());
            param.put("description", (p.description().isBlank() ? p.type().expected : p.description())
                    + (p.lang() != null ? " (language tag " + p.lang() + ")" : ""));
            param.put("schema", schema);
            Map<String, Object> examples = new LinkedHashMap<>();
            int i = 1;
            for (Map<String, String> ex : q.examples()) {
                if (ex.containsKey(p.name())) {
                    examples.put("example" + i, Map.of("value", ex.get(p.name())));
                }
                i++;
            }
            if (!examples.isEmpty()) {
                param.put("examples", examples);
            }
            params.add(param);
        }
        List<ResultFormat> formats = ResultFormat.offeredFor(q);
        params.add(Map.of("$ref", "#/components/parameters/format"));
        if (q.query().isSelectType()) {
            params.add(Map.of("$ref", "#/components/parameters/limit"));
            params.add(Map.of("$ref", "#/components/parameters/offset"));
        }
        op.put("parameters", params);
        Map<String, Object> content = new LinkedHashMap<>();
        for (ResultFormat f : formats) {
            content.put(f.mediaType, f == ResultFormat.ROWS
                    ? Map.of("schema", Map.of("$ref", "#/components/schemas/Rows"))
                    : Map.of("schema", Map.of("type", "string")));
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        for (String h : List.of("X-Copgraph-Query", "X-Copgraph-Query-Hash", "X-Copgraph-Data-Version",
                "X-Copgraph-Generated-At", "Link")) {
            headers.put(h, Map.of("$ref", "#/components/headers/" + h));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "The answer, in the format asked for by Accept or ?format=",
                "headers", headers, "content", content));
        for (String code : List.of("400", "404", "406", "503")) {
            responses.put(code, Map.of("$ref", "#/components/responses/E" + code));
        }
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> schema(ParamType t) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (t) {
            case IRI -> {
                s.put("type", "string");
                s.put("format", "uri");
            }
            case STRING -> s.put("type", "string");
            case INTEGER -> s.put("type", "integer");
            case DECIMAL -> s.put("type", "number");
            case DATE -> {
                s.put("type", "string");
                s.put("format", "date");
            }
            case BOOLEAN -> s.put("type", "boolean");
        }
        return s;
    }

    private static Map<String, Object> components() {
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("format", Map.of("name", "format", "in", "query", "required", false,
                "description", "Answer format; overrides Accept. SELECT: json (SPARQL results JSON), rows (plain JSON"
                        + " envelope with the citation), xml, csv, tsv. ASK: json, xml, csv, tsv. CONSTRUCT/DESCRIBE: ttl,"
                        + " jsonld, nt, rdf, trig, nq.",
                "schema", Map.of("type", "string", "enum", ResultFormat.shortNames())));
        params.put("limit", Map.of("name", "limit", "in", "query", "required", false,
                "description", "Rows per page.",
                "schema", Map.of("type", "integer", "minimum", 0, "maximum", CuratedQueries.MAX_LIMIT,
                        "default", CuratedQueries.DEFAULT_LIMIT)));
        params.put("offset", Map.of("name", "offset", "in", "query", "required", false,
                "description", "Rows to skip.", "schema", Map.of("type", "integer", "minimum", 0, "default", 0)));
        c.put("parameters", params);
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-Copgraph-Query", header("The curated query's name."));
        headers.put("X-Copgraph-Query-Hash", header("sha256: and the SHA-256 of the query file's text."));
        headers.put("X-Copgraph-Data-Version", header("The store's last change (ISO 8601 instant) the answer was computed on."));
        headers.put("X-Copgraph-Generated-At", header("When the answer was computed (ISO 8601 instant); a cached answer keeps its time."));
        headers.put("Link", header("RFC 8288 links to the first, previous and next pages of a SELECT."));
        c.put("headers", headers);
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("type", "object");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("query", Map.of("type", "string"));
        props.put("hash", Map.of("type", "string"));
        props.put("dataVersion", Map.of("type", "string"));
        props.put("generatedAt", Map.of("type", "string", "format", "date-time"));
        props.put("limit", Map.of("type", "integer"));
        props.put("offset", Map.of("type", "integer"));
        props.put("count", Map.of("type", "integer"));
        props.put("columns", Map.of("type", "array", "items", Map.of("type", "string")));
        props.put("rows", Map.of("type", "array", "items", Map.of("type", "object", "additionalProperties", true)));
        props.put("links", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
        rows.put("properties", props);
        rows.put("required", List.of("query", "hash", "dataVersion", "generatedAt", "rows", "links"));
        Map<String, Object> problem = Map.of("type", "object",
                "properties", Map.of("status", Map.of("type", "integer"), "error", Map.of("type", "string"),
                        "message", Map.of("type", "string")),
                "required", List.of("status", "error", "message"));
        c.put("schemas", Map.of("Rows", rows, "Problem", problem));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("E400", error("A parameter is unknown, missing, of the wrong type or outside its allowed values; the message names it."));
        responses.put("E404", error("No curated query of that name (unknown-query), or an IRI parameter naming no resource"
                + " the graph holds (no-such-resource; the message names the closest ones)."));
        responses.put("E406", error("The query cannot be answered in the asked format."));
        responses.put("E503", error("The query ran past the time limit and was stopped."));
        c.put("responses", responses);
        return c;
    }

    private static Map<String, Object> header(String description) {
        return Map.of("description", description, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> error(String description) {
        return Map.of("description", description, "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }

    private static String camel(String name) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : name.toCharArray()) {
            if (ch == '-' || ch == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }
}
