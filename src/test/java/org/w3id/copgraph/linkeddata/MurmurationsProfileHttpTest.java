package org.w3id.copgraph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.SeededServer;

/**
 * {@code /id/{kind}/{slug}?format=murmurations}: every seed CoP (and an organisation) as a
 * profile valid against the organizations schema's constraints (src/test/resources/murmurations,
 * with its source), checked by the small JSON Schema subset below.
 */
class MurmurationsProfileHttpTest {

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void murmurationsProfileHasTheSchemasRequiredFields() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/murmurations/organizations_schema-v1.0.0.json")) {
            schema = JSON.readTree(in);
        }
        List<String> cops = seedCops();
        assertThat(cops).hasSizeGreaterThanOrEqualTo(3);
        List<String> checked = new ArrayList<>(cops);
        checked.add("https://w3id.org/copgraph/id/organisation/ecolise");
        for (String iri : checked) {
            JsonNode profile = profile(iri);
            List<String> errors = new ArrayList<>();
            validate(schema, profile, "", errors);
            assertThat(errors).as(iri + ": " + profile).isEmpty();
            assertThat(profile.get("linked_schemas").get(0).asText()).isEqualTo("organizations_schema-v1.0.0");
            assertThat(profile.get("primary_url").asText()).isEqualTo(iri);
        }
    }

    @Test
    void aCopsProfileCarriesItsTagsAndRelationships() throws Exception {
        JsonNode urbana = profile("https://w3id.org/copgraph/id/cop/urbana");
        assertThat(urbana.get("name").asText()).isEqualTo("UrbanA Community of Practice");
        assertThat(urbana.get("description").asText()).contains("justice and sustainability in cities");
        assertThat(urbana.get("tags").toString()).contains("community of practice");
        assertThat(urbana.get("urls").findValuesAsText("url")).contains(server.url("/id/cop/urbana"));
        assertThat(urbana.get("relationships").toString())
                .contains("{\"predicate_url\":\"https://w3id.org/copgraph/ontology#hostedBy\",\"object_url\":\"https://w3id.org/copgraph/id/project/urbana\"}");
        JsonNode ecolise = profile("https://w3id.org/copgraph/id/organisation/ecolise");
        assertThat(ecolise.get("relationships").findValuesAsText("predicate_url")).contains("http://schema.org/member");
    }

    @Test
    void aPlainJsonClientGetsTheProfileAndAPersonHasNone() {
        HttpResponse<String> json = server.http().get("/id/cop/urbana", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("organizations_schema-v1.0.0");
        assertThat(server.http().get("/id/cop/urbana", "Accept", "text/turtle").body()).doesNotContain("linked_schemas");
        HttpResponse<String> person = server.http().get("/id/person/davie-phillip?format=murmurations");
        assertThat(person.statusCode()).isEqualTo(406);
        assertThat(person.body()).contains("CoPs and organisations");
    }

    private static JsonNode profile(String iri) throws Exception {
        String path = iri.substring("https://w3id.org/copgraph".length());
        HttpResponse<String> r = server.http().get(path + "?format=murmurations");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static List<String> seedCops() throws Exception {
        HttpResponse<String> r = server.http().get("/sparql?query=" + Http.enc(
                "SELECT DISTINCT ?c WHERE { ?c a <https://w3id.org/copgraph/ontology#CommunityOfPractice> }"),
                "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).at("/results/bindings").findValuesAsText("value");
    }

    /** The JSON Schema keywords the schema file uses: type, required, properties, items, pattern, maxLength, minItems, uniqueItems, minimum, maximum. */
    private static void validate(JsonNode schema, JsonNode value, String at, List<String> errors) {
        String type = schema.path("type").asText(null);
        if (type != null && !hasType(value, type)) {
            errors.add(at + " is not of type " + type + ": " + value);
            return;
        }
        for (JsonNode req : schema.path("required")) {
            if (!value.has(req.asText())) {
                errors.add(at + " lacks required " + req.asText());
            }
        }
        if (schema.has("properties") && value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (value.has(p.getKey())) {
                    validate(p.getValue(), value.get(p.getKey()), at + "/" + p.getKey(), errors);
                }
            }
        }
        if (value.isArray()) {
            if (value.size() < schema.path("minItems").asInt(0)) {
                errors.add(at + " has fewer than " + schema.get("minItems") + " items");
            }
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < value.size(); i++) {
                if (schema.path("uniqueItems").asBoolean(false) && !seen.add(value.get(i))) {
                    errors.add(at + " repeats " + value.get(i));
                }
                if (schema.has("items")) {
                    validate(schema.get("items"), value.get(i), at + "/" + i, errors);
                }
            }
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                errors.add(at + " does not match " + schema.get("pattern").asText() + ": " + value);
            }
            if (schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
                errors.add(at + " is longer than " + schema.get("maxLength"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()
                    || schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                errors.add(at + " is out of range: " + value);
            }
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            default -> true;
        };
    }
}
