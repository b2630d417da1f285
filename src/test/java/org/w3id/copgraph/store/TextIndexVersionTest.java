package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.NIOFSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Settings;

/** The text index's last commit names the data version it goes with, so that opening a store need not count its entries. */
class TextIndexVersionTest {

    @Test
    void theIndexCommitsWithTheDataVersionOfTheLastWrite(@TempDir Path dir) throws Exception {
        String version;
        try (Copgraph cg = Copgraph.open(Settings.defaults().withStore(dir.resolve("store")))) {
            cg.loader().loadSeedIfEmpty();
            version = cg.store().lastModified().toString();
        }
        assertThat(committedVersion(dir)).isEqualTo(version);
    }

    @Test
    void anIndexWithoutAVersionIsCheckedAtOpenAndThenCarriesOne(@TempDir Path dir) throws Exception {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        String version;
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            version = cg.store().lastModified().toString();
        }
        // As an index written by a copgraph from before the version was recorded.
        try (var d = new NIOFSDirectory(dir.resolve("store").resolve("text-index"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
            w.setLiveCommitData(Map.<String, String>of().entrySet());
            w.commit();
        }
        assertThat(committedVersion(dir)).isNull();
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(cg.textSearch().find("Transition Network", 5).get(0).label()).isEqualTo("Transition Network");
        }
        assertThat(committedVersion(dir)).as("counted once, found whole, and so recorded").isEqualTo(version);
    }

    private static String committedVersion(Path dir) throws Exception {
        try (var d = new NIOFSDirectory(dir.resolve("store").resolve("text-index"))) {
            return SegmentInfos.readLatestCommit(d).getUserData().get("copgraph-data-version");
        }
    }
}
