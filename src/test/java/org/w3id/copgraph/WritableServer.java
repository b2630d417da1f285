package org.w3id.copgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.curation.Tokens;

/**
 * A server of its own on a freshly seeded store, for test classes that write, with a curator
 * token (issued to the given name, as the change log will show it) and an admin token.
 */
public final class WritableServer implements BeforeAllCallback, AfterAllCallback {

    private final String curatorName;
    private Copgraph cg;
    private Server app;
    private Http http;
    private String curator;
    private String admin;

    public WritableServer(String curatorName) {
        this.curatorName = curatorName;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            Path file = Files.createTempFile("tokens", ".txt");
            Tokens tokens = Tokens.load(file, Map.of());
            curator = tokens.issue(Role.CURATOR, curatorName);
            admin = tokens.issue(Role.ADMIN, curatorName + "-admin");
            cg = Fixtures.fresh(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = Server.start(cg);
        http = new Http(app.port());
        awaitDerivedGraphs();
    }

    /**
     * Waits until the derived graphs (network metrics, suggestions) that the server writes in the
     * background after start are of the current data, so that a test comparing the store before
     * and after a request does not see them land in between: background work yields to requests,
     * so under a test's requests they can land late.
     */
    public void awaitDerivedGraphs() {
        Fixtures.awaitDerivedGraphs(cg);
    }

    /**
     * Brings the derived network metrics graph up to date now. The server, like {@code serve},
     * rewrites it in the background at start-up and a few seconds after each change; a test that
     * compares the store before and after a request calls this first, so the comparison sees only
     * what the request did (and a rewrite it caused still shows).
     */
    public void settle() {
        cg.metricsGraph().refreshIfStale();
    }

    public Copgraph cg() {
        return cg;
    }

    public Http http() {
        return http;
    }

    public int port() {
        return app.port();
    }

    public String curator() {
        return curator;
    }

    public String admin() {
        return admin;
    }
}
