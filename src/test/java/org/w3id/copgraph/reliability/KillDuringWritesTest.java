package org.w3id.copgraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The server is killed with SIGKILL in the middle of a stream of writes; the store must hold exactly what was acknowledged. */
class KillDuringWritesTest {

    private static final String TOKEN = "kill-test-curator-token";

    @Test
    void afterKill9EveryAcknowledgedWriteIsThereAndNoOther(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        List<Integer> acknowledged = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(store, TOKEN)) {
            Http http = new Http(server.port());
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    sent.set(i + 1);
                    try {
                        HttpResponse<String> r = http.post("/update", "application/sparql-update",
                                "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/kill-test> { "
                                        + "<https://w3id.org/copgraph/id/document/kill-" + i + "> "
                                        + "<http://www.w3.org/2000/01/rdf-schema#label> \"write " + i + "\" } }",
                                "Authorization", "Bearer " + TOKEN);
                        if (r.statusCode() != 200) {
                            return;
                        }
                        synchronized (acknowledged) {
                            acknowledged.add(i);
                        }
                    } catch (RuntimeException e) {
                        return; // the connection died with the server
                    }
                }
            });
            writer.start();
            while (true) {
                synchronized (acknowledged) {
                    if (acknowledged.size() >= 40) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
            server.kill();
            writer.join(30_000);
        }
        Set<Integer> found = new HashSet<>();
        try (ServerProcess again = ServerProcess.start(store, TOKEN)) {
            Http http = new Http(again.port());
            HttpResponse<String> r = http.get("/sparql?query=" + Http.enc(
                    "SELECT ?s WHERE { GRAPH <https://w3id.org/copgraph/graph/kill-test> { ?s ?p ?o } }"),
                    "Accept", "application/sparql-results+json");
            assertThat(r.statusCode()).isEqualTo(200);
            for (JsonNode b : new ObjectMapper().readTree(r.body()).at("/results/bindings")) {
                String s = b.at("/s/value").asText();
                found.add(Integer.parseInt(s.substring(s.lastIndexOf('-') + 1)));
            }
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
        }
        Set<Integer> acked = new HashSet<>(acknowledged);
        System.out.printf("kill -9 test: %d writes acknowledged, %d found after restart, %d sent%n",
                acked.size(), found.size(), sent.get());
        assertThat(found).containsAll(acked);
        // The one write in flight when the server died may have committed without its answer arriving.
        Set<Integer> extra = new HashSet<>(found);
        extra.removeAll(acked);
        assertThat(extra).allSatisfy(i -> assertThat(i).isEqualTo(sent.get() - 1));
    }
}
