package org.w3id.copgraph.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.copgraph.SeededServer;

class ScratchTest {
    @RegisterExtension
    static final SeededServer server = new SeededServer();

    @Test
    void show() {
        System.out.println(server.http().get("/cops?format=json").body());
        System.out.println(server.http().get("/cops?domain=socio-ecological-transition&q=ecolise").body());
    }
}
