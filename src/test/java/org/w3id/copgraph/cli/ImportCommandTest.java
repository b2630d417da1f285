package org.w3id.copgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @Test
    void importCommandPrintsProgress(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        assertThat(Main.run("load", "--store", store, "ontology")).isZero();
        // 250 GeoJSON features: progress every 100 records, then the report.
        StringBuilder geo = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [");
        for (int i = 0; i < 250; i++) {
            geo.append(i == 0 ? "" : ",").append("{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [")
                    .append(i * 0.01).append(", 45.0]}, \"properties\": {\"name\": \"Place ").append(i).append("\"}}");
        }
        geo.append("]}");
        Path file = dir.resolve("places.geojson");
        Files.writeString(file, geo);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("import", "--store", store, "--graph", "https://w3id.org/copgraph/graph/places", file.toString());
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("100 records mapped", "200 records mapped")
                .contains("Imported 250 records into https://w3id.org/copgraph/graph/places");
    }
}
