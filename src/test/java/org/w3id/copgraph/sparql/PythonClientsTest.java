package org.w3id.copgraph.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;


import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Server;

/**
 * SPARQLWrapper and rdflib (Debian's python3-sparqlwrapper and python3-rdflib) read every format
 * of /sparql: src/test/python/clients.py runs against the real server.
 */
class PythonClientsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void sparqlWrapperAndRdflibReadEveryFormat() throws Exception {
        boolean present = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c",
                "import SPARQLWrapper, rdflib").start().waitFor() == 0;
        if (!present && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must have python3-sparqlwrapper and python3-rdflib (.ci/run installs them)");
        }
        assumeTrue(present, "Skipped: /usr/bin/python3 with SPARQLWrapper and rdflib is not installed"
                + " (apt-get install -y python3-sparqlwrapper python3-rdflib)");
        Server app = Fixtures.server();
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "src/test/python/clients.py",
                    "http://localhost:" + app.port()).redirectErrorStream(true).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done).as(out).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("all client checks passed");
        } finally {
            app.stop();
        }
    }
}
