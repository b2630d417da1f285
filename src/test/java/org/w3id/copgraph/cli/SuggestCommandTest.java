package org.w3id.copgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        System.setOut(new PrintStream(out, true));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
    }

    @Test
    void suggestHasHelp() {
        assertThat(Main.run("suggest", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: copgraph suggest", "--cop", "--limit", "--format");
    }

    @Test
    void suggestCommandPrintsReasons(@TempDir Path dir) {
        int code = Main.run("suggest", "--store", dir.resolve("store").toString(), "--cop", "/id/cop/blast", "--limit", "2");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("BLAST Community of Practice", "Could learn from:", "Could help:",
                "[CommonContact]", "sources: https://w3id.org/copgraph/graph/");
    }
}
