package org.w3id.copgraph.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The map page's lists and the directory as GeoJSON, without JavaScript. */
class MapHttpTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @RegisterExtension
    static final PlacesServer server = new PlacesServer();

    @Test
    void directoryAsGeoJsonListsCopsWithCoordinates() throws Exception {
        HttpResponse<String> r = server.http().get("/cops?format=geojson");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode fc = new ObjectMapper().readTree(r.body());
        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode gardeners = null;
        JsonNode weavers = null;
        for (JsonNode f : fc.path("features")) {
            assertThat(f.path("type").asText()).isEqualTo("Feature");
            if (f.path("properties").path("name").asText().equals("Brescia Gardeners")) {
                gardeners = f;
            } else if (f.path("properties").path("name").asText().equals("Online Weavers")) {
                weavers = f;
            }
        }
        assertThat(gardeners).isNotNull();
        assertThat(gardeners.path("geometry").path("type").asText()).isEqualTo("Point");
        // GeoJSON positions are longitude, latitude.
        assertThat(gardeners.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(10.2197);
        assertThat(gardeners.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(45.5395);
        assertThat(gardeners.path("properties").path("url").asText()).isEqualTo(server.url("/id/cop/brescia-gardeners"));
        // Not dropped: a CoP that meets online is a feature without a geometry (RFC 7946 §3.2).
        assertThat(weavers).isNotNull();
        assertThat(weavers.path("geometry").isNull()).isTrue();
        assertThat(weavers.path("properties").path("meets").asText()).isEqualTo("online");

        // The directory's filters apply; Accept: application/geo+json is the same.
        JsonNode online = new ObjectMapper().readTree(server.http().get("/cops?online=yes", "Accept", "application/geo+json").body());
        assertThat(online.path("features")).hasSize(1);
        assertThat(online.path("features").get(0).path("properties").path("name").asText()).isEqualTo("Online Weavers");
    }

    @Test
    void copsWithoutAPlaceAreListedBesideTheMap() {
        HttpResponse<String> r = server.http().get("/map", "Accept", BROWSER);
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        String onMap = html.substring(html.indexOf("id=\"on-map-title\""), html.indexOf("id=\"beside-title\""));
        String beside = html.substring(html.indexOf("id=\"beside-title\""));
        assertThat(onMap).contains("Brescia Gardeners").contains("data-lat=\"45.5395\"").contains("data-lon=\"10.2197\"")
                .doesNotContain("Online Weavers");
        assertThat(beside).contains("Online Weavers").contains("meets online").contains("UrbanA").doesNotContain("Brescia Gardeners");
        assertThat(html).contains("/webjars/leaflet/1.9.4/dist/leaflet.js").contains("href=\"/cops\"");
        // The directory's filters carry over; the directory links to its map.
        String filtered = server.http().get("/map?online=yes", "Accept", BROWSER).body();
        assertThat(filtered).contains("Online Weavers").doesNotContain("Brescia Gardeners");
        assertThat(server.http().get("/cops?online=yes", "Accept", BROWSER).body()).contains("href=\"/map?online=yes\"");
        // Leaflet is served by this server, with its licence.
        assertThat(server.http().get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode()).isEqualTo(200);
        assertThat(server.http().get("/webjars/leaflet/1.9.4/LICENSE").statusCode()).isEqualTo(200);
        // Around a CoP: its neighbourhood's CoPs, and a way back.
        HttpResponse<String> around = server.http().get("/map?focus=/id/cop/brescia-gardeners", "Accept", BROWSER);
        assertThat(around.statusCode()).isEqualTo(200);
        assertThat(around.body()).contains("Brescia Gardeners").contains("href=\"/id/cop/brescia-gardeners\"");
    }

    @Test
    void configuredTilesAreTheOnlyOtherOriginAMapPageMayLoad() {
        assertThat(server.http().get("/map", "Accept", BROWSER).headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("img-src 'self' data:;");
        Tiles t = Tiles.of("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© Example");
        assertThat(t.origin()).isEqualTo("https://*.tile.example.org");
    }
}
