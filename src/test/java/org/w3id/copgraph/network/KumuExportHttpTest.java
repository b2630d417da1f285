package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3id.copgraph.SeededServer;

/**
 * {@code /api/network/export.kumu.json} against Kumu's documented blueprint structure
 * (docs.kumu.io, guides/import/blueprints): an object with {@code elements} and {@code connections};
 * elements with {@code label} and optional {@code id}, {@code type}, {@code description},
 * {@code tags} (a list); connections with {@code from} and {@code to} naming element ids,
 * optional {@code type} and {@code direction} (directed, mutual or undirected); ids unique across
 * elements and connections.
 */
class KumuExportHttpTest {

    @RegisterExtension
    static final SeededServer server = new SeededServer();

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode blueprint(String query) throws Exception {
        HttpResponse<String> r = server.http().get("/api/network/export.kumu.json" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        // Kumu's "import from URL" fetches the address: any origin may read it.
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        return JSON.readTree(r.body());
    }

    @Test
    void kumuExportFollowsTheBlueprintStructure() throws Exception {
        for (String query : List.of("?projection=all", "?focus=/id/cop/urbana&depth=1", "?from=/id/cop/urbana&to=/id/cop/blast")) {
            JsonNode b = blueprint(query);
            assertThat(b.get("elements").isArray()).as(query).isTrue();
            assertThat(b.get("connections").isArray()).as(query).isTrue();
            assertThat(b.get("elements")).as(query).isNotEmpty();
            Set<String> elementIds = new HashSet<>();
            Set<String> allIds = new HashSet<>();
            for (JsonNode e : b.get("elements")) {
                assertThat(e.get("id").isTextual()).as(e.toString()).isTrue();
                assertThat(e.get("label").asText()).as(e.toString()).isNotBlank();
                assertThat(e.get("type").isTextual()).as(e.toString()).isTrue();
                assertThat(e.get("tags").isArray()).as(e.toString()).isTrue();
                if (e.has("description")) {
                    assertThat(e.get("description").isTextual()).isTrue();
                }
                elementIds.add(e.get("id").asText());
                assertThat(allIds.add(e.get("id").asText())).as("unique id " + e.get("id")).isTrue();
            }
            for (JsonNode c : b.get("connections")) {
                assertThat(elementIds).as(c.toString()).contains(c.get("from").asText(), c.get("to").asText());
                assertThat(c.get("direction").asText()).isIn("directed", "mutual", "undirected");
                assertThat(c.get("type").isTextual()).isTrue();
                assertThat(allIds.add(c.get("id").asText())).as("unique id " + c.get("id")).isTrue();
            }
        }
        JsonNode all = blueprint("?projection=all");
        assertThat(all.get("connections")).isNotEmpty();
        JsonNode resources = blueprint("?focus=/id/cop/urbana&depth=1");
        JsonNode urbana = element(resources, SeedNetworkTest.URBANA);
        assertThat(urbana.get("label").asText()).isEqualTo("UrbanA Community of Practice");
        assertThat(urbana.get("type").asText()).isEqualTo("Community of Practice");
        assertThat(urbana.get("description").asText()).contains("justice and sustainability in cities");
        assertThat(urbana.get("tags").toString()).contains("ustice");
    }

    @Test
    void kumuIdsAreStableAcrossRequests() throws Exception {
        JsonNode first = blueprint("?projection=all");
        JsonNode second = blueprint("?projection=all");
        assertThat(ids(second)).isEqualTo(ids(first));
        // The ids are the canonical IRIs, whatever the view: the same resource has the same id in a neighbourhood.
        JsonNode neighbourhood = blueprint("?focus=/id/cop/urbana&depth=1");
        assertThat(element(neighbourhood, SeedNetworkTest.URBANA)).isNotNull();
        assertThat(ids(first)).contains(SeedNetworkTest.URBANA, SeedNetworkTest.BLAST);
    }

    private static List<String> ids(JsonNode b) {
        List<String> ids = new java.util.ArrayList<>(b.get("elements").findValuesAsText("id"));
        b.get("connections").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static JsonNode element(JsonNode b, String id) {
        for (JsonNode e : b.get("elements")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no element " + id + " in " + b);
    }
}
