package org.w3id.copgraph.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3 operation of {@code /cops}, for {@code /api/openapi.json}. */
public final class DirectoryApi {

    private DirectoryApi() {
    }

    public static Map<String, Object> pathItem() {
        List<Object> params = new ArrayList<>();
        params.add(param("q", "Words to find: a CoP's name, alternative names or description, or the label of its domains,"
                + " practices, tools, hosts, networks or places (at most " + DirectoryRequest.MAX_Q_CHARS + " characters).",
                Map.of("type", "string", "maxLength", DirectoryRequest.MAX_Q_CHARS), false));
        for (Facet f : Facet.values()) {
            Map<String, Object> schema;
            String what = switch (f) {
                case DOMAIN -> "A domain (its short name, IRI or path); a CoP of a narrower domain counts (skos:broader+).";
                case KIND -> "A practice kind of the CoP's practices (e.g. GuideKind).";
                case TOOL -> "A tool the CoP or its practices use.";
                case ORG -> "An organisation or network the CoP is hosted by (cop:hostedBy) or part of (cop:inNetwork).";
                case PLACE -> "A locality or country (schema:addressLocality / schema:addressCountry of the CoP's schema:location).";
                case ONLINE -> "yes: meets online (online, or online and in person); no: meets in person only.";
                case LANG -> "A working language (schema:knowsLanguage), as a BCP 47 code such as en or it.";
                case STATUS -> "The CoP's status (cop:status): forming, active, dormant, closed.";
                case FRESH -> "fresh: reviewed within the freshness window (serve --stale-after, default 12 months);"
                        + " stale: reviewed longer ago; never: never reviewed.";
            };
            if (f == Facet.ONLINE) {
                schema = Map.of("type", "string", "enum", List.of("yes", "no"));
            } else if (f == Facet.FRESH) {
                schema = Map.of("type", "string", "enum", List.of("fresh", "stale", "never"));
            } else {
                schema = Map.of("type", "array", "items", Map.of("type", "string"), "maxItems", DirectoryRequest.MAX_VALUES_PER_FACET);
            }
            Map<String, Object> p = param(f.param, what + (f.multi ? " Repeat the parameter for CoPs that have every value." : ""),
                    schema, false);
            if (f.multi) {
                p.put("explode", true);
            }
            params.add(p);
        }
        params.add(param("sort", "relevance (the default with q), name (the default without), or reviewed (most recently reviewed first).",
                Map.of("type", "string", "enum", List.of("relevance", "name", "reviewed")), false));
        params.add(param("page", "The page, from 1.", Map.of("type", "integer", "minimum", 1, "default", 1), false));
        params.add(param("size", "Cards per page.", Map.of("type", "integer", "minimum", 1, "maximum", DirectoryRequest.MAX_SIZE,
                "default", DirectoryRequest.DEFAULT_SIZE), false));
        params.add(param("hl", "The language of labels (BCP 47), instead of Accept-Language; a label missing in it falls back"
                + " to an untagged one, then English, then any.", Map.of("type", "string"), false));
        params.add(param("more", "A facet whose values are all listed (otherwise the " + Directory.SHOWN_VALUES + " most frequent).",
                Map.of("type", "string"), false));
        params.add(param("format", "json, html or geojson, instead of the Accept header. geojson (application/geo+json) is every"
                + " matching CoP, not one page, as a FeatureCollection: a Point at its place (a MultiPoint for several), a null"
                + " geometry for a CoP that meets online or has no place with coordinates.",
                Map.of("type", "string", "enum", List.of("json", "html", "geojson")), false));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", "directory");
        op.put("summary", "The directory of CoPs: cards, full-text search, facets with counts");
        op.put("description", "Every CoP as a card, found by words (q) and narrowed by facets. Facet values are ANDed; the"
                + " count beside a value is the number of CoPs its link (href) leads to. Every link keeps every other"
                + " choice. An unknown facet value finds nothing; a malformed parameter is a 400.");
        op.put("tags", List.of("directory"));
        op.put("parameters", params);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "One page of the directory",
                "content", Map.of("application/json", Map.of("schema", Map.of("type", "object",
                        "properties", Map.of(
                                "query", Map.of("type", "object"),
                                "total", Map.of("type", "integer"),
                                "page", Map.of("type", "integer"),
                                "size", Map.of("type", "integer"),
                                "pages", Map.of("type", "integer"),
                                "cards", Map.of("type", "array", "items", Map.of("type", "object")),
                                "facets", Map.of("type", "object"),
                                "links", Map.of("type", "object")))),
                        "application/geo+json", Map.of("schema", Map.of("type", "object",
                                "properties", Map.of("type", Map.of("type", "string", "enum", List.of("FeatureCollection")),
                                        "features", Map.of("type", "array", "items", Map.of("type", "object"))))),
                        "text/html", Map.of("schema", Map.of("type", "string")))));
        responses.put("400", Map.of("description", "A malformed parameter (the message says what is allowed)"));
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> param(String name, String description, Map<String, Object> schema, boolean required) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", required);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }
}
