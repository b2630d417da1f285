package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.store.Store;

class HealthTest {

    @Test
    void healthSays503WhenTheStoreCannotBeRead(@TempDir Path dir) {
        Store store = Store.open(dir.resolve("store"));
        // Without background work (serve --no-precompute --no-metrics-at-start): its transactions would keep the store from closing.
        Copgraph cg = Copgraph.on(Fixtures.settings().withServing(
                new org.w3id.copgraph.Settings.Serving(org.w3id.copgraph.Settings.Serving.DEFAULT_HOST, null, false, false)), store);
        Server app = Server.start(cg);
        try {
            Http http = new Http(app.port());
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            store.close();
            HttpResponse<String> r = http.get("/health");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"status\":\"unavailable\"").contains("store-unreadable");
        } finally {
            app.stop();
        }
    }
}
