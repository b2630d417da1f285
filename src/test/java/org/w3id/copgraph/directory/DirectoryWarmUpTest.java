package org.w3id.copgraph.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;

/** The directory's index is read in the background once a run of changes is over, not after each. */
class DirectoryWarmUpTest {

    @Test
    void theIndexIsReadInTheBackgroundOnceTheChangesHaveStopped() throws Exception {
        try (Copgraph cg = Fixtures.fresh(null)) {
            Directory directory = cg.directory();
            // A curator's run of changes, one a second: each asks for a warm-up, none is read meanwhile.
            for (int i = 0; i < 7; i++) {
                directory.warmSoon();
                Thread.sleep(1_000);
                assertThat(directory.holdsIndex()).as("read during the run of changes, after %d s", i + 1).isFalse();
            }
            long deadline = System.nanoTime() + (Directory.QUIET_MILLIS + 20_000) * 1_000_000;
            while (!directory.holdsIndex() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(directory.holdsIndex()).as("read once the changes stopped").isTrue();
        }
    }
}
