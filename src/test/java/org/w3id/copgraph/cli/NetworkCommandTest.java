package org.w3id.copgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCommandTest {

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
    void networkHasHelp() {
        assertThat(Main.run("network", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: copgraph network", "--projection", "--focus", "--format");
    }

    @Test
    void exportsAProjectionAsGexfAndANeighbourhoodAsCsvTables(@TempDir Path dir) throws Exception {
        String store = dir.resolve("store").toString();
        Path gexf = dir.resolve("cops.gexf");
        int code = Main.run("network", "--store", store, "--projection", "cross-pollination", "--format", "gexf", "--out", gexf.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(gexf)).contains("http://gexf.net/1.3", "UrbanA Community of Practice", "defaultedgetype=\"directed\"");

        code = Main.run("network", "--store", store, "--focus", "/id/cop/blast", "--depth", "1", "--format", "csv",
                "--out", dir.resolve("blast.csv").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("blast-nodes.csv"))).startsWith("Id,Label").contains("Davie Phillip");
        assertThat(Files.readString(dir.resolve("blast-edges.csv"))).startsWith("Id,Source,Target,Type,Weight");
        assertThat(err.toString()).contains("Wrote");
    }

    @Test
    void anUnknownProjectionFailsNamingTheChoices(@TempDir Path dir) {
        int code = Main.run("network", "--store", dir.resolve("store").toString(), "--projection", "gossip");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("gossip").contains("shared-members");
    }
}
