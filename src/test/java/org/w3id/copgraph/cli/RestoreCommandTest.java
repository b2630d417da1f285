package org.w3id.copgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `copgraph backup` and `copgraph restore` on a store directory, as an admin at the machine runs them. */
class RestoreCommandTest {

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
    void release() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void aCutOffBackupIsRefusedAndAWholeOneIsRestoredAsAChange(@TempDir Path dir) throws IOException {
        String store = dir.resolve("store").toString();
        Path data = dir.resolve("one.trig");
        Files.writeString(data, "GRAPH <https://w3id.org/copgraph/graph/cli-restore> {"
                + " <https://w3id.org/copgraph/id/document/cli> <http://www.w3.org/2000/01/rdf-schema#label> \"CLI\" }");
        assertThat(Main.run("load", "--store", store, data.toString())).as(err.toString()).isZero();
        Path backup = dir.resolve("backup.nq.gz");
        assertThat(Main.run("backup", "--store", store, backup.toString())).as(err.toString()).isZero();
        byte[] whole = Files.readAllBytes(backup);
        Path cut = dir.resolve("cut.nq.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 8));
        assertThat(Main.run("restore", "--store", store, cut.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Not a complete copgraph backup").contains("cut off");

        Files.writeString(data, "GRAPH <https://w3id.org/copgraph/graph/cli-restore> {"
                + " <https://w3id.org/copgraph/id/document/cli> <http://www.w3.org/2000/01/rdf-schema#label> \"Changed\" }");
        assertThat(Main.run("load", "--store", store, data.toString())).as(err.toString()).isZero();
        out.reset();
        assertThat(Main.run("restore", "--store", store, backup.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 added, 1 removed").contains("/id/change/");
        out.reset();
        assertThat(Main.run("restore", "--store", store, backup.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("nothing changed");
    }
}
