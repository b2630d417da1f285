package org.w3id.copgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.store.Store;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[]{"serve", "load", "validate", "query"}) {
            out.reset();
            assertThat(Main.run(cmd, "--help")).as(cmd).isZero();
            assertThat(out.toString()).contains("Usage: copgraph " + cmd);
        }
        out.reset();
        assertThat(Main.run("--help")).isZero();
        assertThat(out.toString()).contains("serve").contains("validate");
    }

    @Test
    void serveSaysWhereItListensAndWhereItsLinksPoint() {
        assertThat(Main.run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--host").contains("127.0.0.1").contains("--public-url");
    }

    @Test
    void serveRefusesACompactionScheduleItCannotFollow(@TempDir Path dir) {
        assertThat(Main.run("serve", "--store", dir.resolve("store").toString(), "--compact-after-idle", "5min")).isEqualTo(1);
        assertThat(err.toString()).contains("--compact-after-idle must be an ISO 8601 duration such as PT5M");
        assertThat(Main.run("serve", "--store", dir.resolve("store").toString(), "--compact-when-grown", "0.5")).isEqualTo(1);
        assertThat(err.toString()).contains("a factor above 1 (such as 1.25), or 0 for never");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void serveRefusesAPublicUrlThatIsNoHttpUrl(@TempDir Path dir) {
        assertThat(Main.run("serve", "--store", dir.resolve("store").toString(), "--public-url", "ftp://example.org/x?y")).isEqualTo(1);
        assertThat(err.toString()).contains("--public-url must be an absolute http(s) URL");
        assertThat(dir.resolve("store")).doesNotExist();
    }

    @Test
    void validateAcceptsTheSeedDataAndRejectsABrokenFile() {
        assertThat(Main.run("validate", "data")).isZero();
        assertThat(out.toString()).contains("Conforms");
        assertThat(Main.run("validate", Fixtures.bad("violates-shapes.trig").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("cop/unlabelled");
        assertThat(Main.run("validate", Fixtures.bad("broken-syntax.trig").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("broken-syntax.trig");
    }

    @Test
    void loadRefusesBadDataAndKeepsTheStore(@TempDir Path dir) {
        String store = dir.resolve("store").toString();
        assertThat(Main.run("load", "--store", store, "ontology", "data")).isZero();
        String loaded = out.toString();
        assertThat(loaded).contains("Loaded");
        out.reset();
        assertThat(Main.run("load", "--store", store, Fixtures.bad("violates-shapes.trig").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("breaks the data contract");
        long total = Long.parseLong(loaded.replaceAll("(?s).*the store holds (\\d+) statements.*", "$1"));
        try (Store s = Store.open(Path.of(store))) {
            assertThat(s.tripleCount()).as("a refused load leaves the store as it was").isEqualTo(total);
        }
    }

    @Test
    void queryRunsACuratedQueryOfflineAsCsv(@TempDir Path dir) {
        int code = Main.run("query", "--store", dir.resolve("store").toString(), "cop-members",
                "--param", "cop=https://w3id.org/copgraph/id/cop/blast", "--format", "csv");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("member,").contains("Davie Phillip");
    }

    @Test
    void queryWithAMistypedParameterFailsNamingIt(@TempDir Path dir) {
        int code = Main.run("query", "--store", dir.resolve("store").toString(), "cop-members", "--param", "cop=not an iri");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("'cop'");
    }
}
