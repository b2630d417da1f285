package org.w3id.copgraph.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The OpenAPI path item of {@code POST /api/imports} for mapped JSON and GeoJSON imports. */
public final class ImportsApi {

    private ImportsApi() {
    }

    public static Map<String, Object> pathItem(Set<String> mappings) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", "importDocument");
        op.put("summary", "Replace one source graph with a JSON or GeoJSON document, through a mapping of mappings/");
        op.put("description", "A curator's token (Authorization: Bearer TOKEN), checked before the body is read. The document"
                + " becomes the whole content of the source graph, resource by resource (unchanged resources are not"
                + " touched; the event stream gets one member per resource added, changed or removed); it must conform"
                + " to the SHACL shapes or nothing is imported (422). A GeoJSON FeatureCollection needs no mapping."
                + " RDF (Turtle, TriG, N-Quads, JSON-LD, RDF/XML) and CSV uploads use the same path without ?mapping=."
                + " See docs/imports.md.");
        op.put("tags", List.of("imports"));
        op.put("security", List.of(Map.of("bearer", List.of())));
        op.put("parameters", List.of(
                param("mapping", "The mapping (mappings/NAME.yaml). Needed unless the body is a GeoJSON FeatureCollection.",
                        Map.of("type", "string", "enum", List.copyOf(mappings))),
                param("graph", "The source graph to replace (default: the mapping's).", Map.of("type", "string", "format", "uri")),
                param("title", "The source's title (default: the mapping's).", Map.of("type", "string")),
                param("source", "Where the data comes from (default: the mapping's).", Map.of("type", "string", "format", "uri")),
                param("license", "The source's licence (default: the mapping's).", Map.of("type", "string", "format", "uri")),
                param("attribution", "How to credit the source (default: the mapping's).", Map.of("type", "string"))));
        op.put("requestBody", Map.of("required", true, "content", Map.of(
                "application/json", Map.of("schema", Map.of()),
                "application/geo+json", Map.of("schema", Map.of("type", "object")))));
        Map<String, Object> report = Map.of("type", "object", "properties", Map.of(
                "graph", Map.of("type", "string"), "mapping", Map.of("type", "string"),
                "changed", Map.of("type", "boolean"), "change", Map.of("type", "string", "nullable", true),
                "records", Map.of("type", "integer"),
                "resources", Map.of("type", "object", "properties", Map.of("added", Map.of("type", "integer"),
                        "changed", Map.of("type", "integer"), "removed", Map.of("type", "integer"))),
                "statements", Map.of("type", "object", "properties", Map.of("added", Map.of("type", "integer"),
                        "removed", Map.of("type", "integer"))),
                "warnings", Map.of("type", "array", "items", Map.of("type", "string"))));
        Map<String, Object> ok = Map.of("description", "Imported; the report", "content",
                Map.of("application/json", Map.of("schema", report)));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", ok);
        responses.put("201", ok);
        responses.put("400", problem("Malformed JSON, no records, a bad parameter, or no mapping for a document that is not GeoJSON."));
        responses.put("401", problem("No token, or an unknown one."));
        responses.put("403", problem("The token's role is not curator or admin."));
        responses.put("404", problem("No mapping of that name; the message lists the known ones."));
        responses.put("413", problem("The document is larger than an import reads."));
        responses.put("415", problem("Not application/json or application/geo+json."));
        responses.put("422", problem("The imported data breaks the SHACL shapes; the message lists the violations."));
        op.put("responses", responses);
        return Map.of("post", op);
    }

    private static Map<String, Object> param(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "description", description, "schema", schema);
    }

    private static Map<String, Object> problem(String description) {
        return Map.of("description", description, "content",
                Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
    }
}
