package org.w3id.copgraph.proposals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;
import org.w3id.copgraph.store.Store;

/** A server of its own on a freshly seeded in-memory store, with a curator token and the given proposal settings. */
final class ProposalServer implements BeforeAllCallback, AfterAllCallback {

    static final String BASE = "https://w3id.org/copgraph/";

    private final Settings.Proposing proposing;
    private Copgraph cg;
    private Server app;
    private Http http;
    private String curator;

    ProposalServer(Settings.Proposing proposing) {
        this.proposing = proposing;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            Path file = Files.createTempFile("tokens", ".txt");
            curator = Tokens.load(file, Map.of()).issue(Role.CURATOR, "carla-curator");
            cg = Copgraph.on(Fixtures.settings().withTokens(file).withProposing(proposing), Store.inMemory());
            cg.loader().loadSeedIfEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = Server.start(cg);
        http = new Http(app.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
        cg.close();
    }

    Copgraph cg() {
        return cg;
    }

    Http http() {
        return http;
    }

    int port() {
        return app.port();
    }

    String origin() {
        return "http://localhost:" + app.port();
    }

    String curator() {
        return "Bearer " + curator;
    }

    /** SHA-256 of every statement in the named graphs but the derived metrics graph (rewritten in the background). */
    String dataHash() {
        TreeSet<String> lines = new TreeSet<>();
        cg.store().read(d -> {
            d.find().forEachRemaining(q -> {
                if (!q.isDefaultGraph() && !q.getGraph().getURI().equals(cg.settings().iris().networkMetricsGraph())) {
                    lines.add((q.getSubject().isBlank() ? "_" : q.getSubject().toString()) + " " + q.getPredicate() + " "
                            + (q.getObject().isBlank() ? "_" : q.getObject().toString()) + " " + q.getGraph());
                }
            });
            return null;
        });
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(l -> sha.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return lines.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the published store's union answers yes to an ASK. */
    boolean ask(String where) {
        String q = "PREFIX cop: <https://w3id.org/copgraph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>"
                + " PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>"
                + " ASK { " + where + " }";
        var r = http.get("/sparql?query=" + Http.enc(q), "Accept", "application/sparql-results+json");
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body().contains("true");
    }
}
