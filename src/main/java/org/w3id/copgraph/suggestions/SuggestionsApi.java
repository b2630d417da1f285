package org.w3id.copgraph.suggestions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI operation of {@code /api/suggestions} (the suggestions are not a curated query). */
public final class SuggestionsApi {

    public static final String PATH = "/api/suggestions";

    private SuggestionsApi() {
    }

    public static Map<String, Object> pathItem() {
        List<Object> params = new ArrayList<>();
        Map<String, Object> iri = Map.of("type", "string");
        params.add(param("cop", "The CoP (IRI or /id/... path): the CoPs it could learn from and could help.", iri));
        params.add(param("person", "A person: the suggestions of the CoPs they are tied to (member, contact person, member of a"
                + " host), merged; pairs of two of their own CoPs first, an introduction they could make themselves.", iri));
        params.add(param("organisation", "An organisation or network: as for a person (the CoPs it hosts, has as members or"
                + " in its network; at most " + Suggestions.MAX_AGENT_COPS + " of them).", iri));
        params.add(param("limit", "At most this many CoPs each way.", Map.of("type", "integer", "minimum", 1,
                "maximum", Suggestions.MAX_LIMIT, "default", Suggestions.DEFAULT_LIMIT)));
        params.add(param("include", "Pairs already linked by a cross-pollination: unlinked leaves them all out; proposed (the"
                + " default) keeps pairs linked only by a proposed one; linked keeps them all. Kept pairs are marked"
                + " alreadyLinked.", Map.of("type", "string", "enum", List.of("unlinked", "proposed", "linked"), "default", "proposed")));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", "suggestions");
        op.put("summary", "Who a CoP could learn from and could help, with reasons and their sources");
        op.put("description", "Give exactly one of cop, person or organisation. Each suggestion names the other CoP, a score,"
                + " what could move (practices, tools, concepts) and its reasons: kind (NeedMetByOffer, SharedDomain,"
                + " NeighbouringDomain, PracticeToLearn, ToolToLearn, NetworkCloseness, CommonContact, Freshness), a"
                + " sentence, the resources it rests on (via) and their source graphs.");
        op.put("tags", List.of("suggestions"));
        op.put("parameters", params);
        Map<String, Object> item = Map.of("type", "object", "properties", Map.of("iri", iri, "label", iri));
        Map<String, Object> reason = Map.of("type", "object", "properties", Map.of("kind", iri, "text", iri,
                "via", Map.of("type", "array", "items", item), "sources", Map.of("type", "array", "items", iri)));
        Map<String, Object> suggestion = Map.of("type", "object", "properties", Map.of("cop", iri, "label", iri,
                "direction", Map.of("type", "string", "enum", List.of("LEARN_FROM", "CAN_HELP")),
                "score", Map.of("type", "number"), "couldMove", Map.of("type", "array", "items", item),
                "reasons", Map.of("type", "array", "items", reason), "alreadyLinked", Map.of("type", "boolean")));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "The suggestions", "content", Map.of("application/json", Map.of("schema",
                Map.of("type", "object", "properties", Map.of("subject", iri, "label", iri,
                        "learnFrom", Map.of("type", "array", "items", suggestion),
                        "canHelp", Map.of("type", "array", "items", suggestion),
                        "dataVersion", Map.of("type", "integer")))))));
        responses.put("400", Map.of("description", "A missing or malformed parameter, or an IRI of the wrong kind"));
        responses.put("404", Map.of("description", "No such resource"));
        op.put("responses", responses);
        return Map.of("get", op);
    }

    private static Map<String, Object> param(String name, String description, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.put("schema", schema);
        return p;
    }
}
