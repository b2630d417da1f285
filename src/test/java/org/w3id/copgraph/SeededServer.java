package org.w3id.copgraph;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on the shared seed graph, started on a free port before a test class and
 * stopped after it: {@code @RegisterExtension static final SeededServer server = new SeededServer();}
 */
public final class SeededServer implements BeforeAllCallback, AfterAllCallback {

    private Server app;
    private Http http;

    @Override
    public void beforeAll(ExtensionContext context) {
        app = Fixtures.server();
        http = new Http(app.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
    }

    public Http http() {
        return http;
    }

    public int port() {
        return app.port();
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }
}
