package org.w3id.copgraph.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.cli.Main;
import org.w3id.copgraph.store.Store;

/** A front started with --no-derived-writes leaves the store's own writes to the one front that has them. */
class NoDerivedWritesTest {

    @Test
    void aFrontWithoutDerivedWritesLoadsNoSeedIntoAnEmptyStore() {
        Settings settings = Fixtures.settings();
        try (Copgraph cg = Copgraph.on(settings.withServing(settings.serving().withDerivedWrites(false)), Store.inMemory())) {
            assertThat(cg.seedIfEmpty(s -> { }).graphs()).isEmpty();
            assertThat(cg.store().isEmpty()).isTrue();
        }
    }

    @Test
    void aFrontWithDerivedWritesStillLoadsTheSeed() {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            assertThat(cg.seedIfEmpty(s -> { }).graphs()).isNotEmpty();
        }
    }

    @Test
    void serveDocumentsTheFlag() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Main.run("serve", "--help");
        } finally {
            System.setOut(was);
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("--[no-]derived-writes");
    }
}
