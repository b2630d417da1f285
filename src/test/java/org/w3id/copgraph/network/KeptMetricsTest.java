package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.store.Store;

/** A restarted server answers the metrics of the data it computed them on before reading the network again. */
class KeptMetricsTest {

    @TempDir
    Path dir;

    /**
     * The server before the restart: loads the seed graph, answers the metrics (which keeps them
     * beside the store), waits until they are written, then does {@code more}; returns its answer.
     */
    private MetricsReport firstServer(java.util.function.Consumer<Copgraph> more) {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.open(dir))) {
            cg.loader().loadSeedIfEmpty();
            MetricsReport first = cg.network().metricsReport(Projection.ALL, Window.ALWAYS);
            MetricsFile.awaitWrites(10_000);
            more.accept(cg);
            return first;
        }
    }

    @Test
    void aRestartedServerAnswersMetricsFromTheKeptCopyWithoutReadingTheNetwork() {
        MetricsReport first = firstServer(cg -> { });
        assertThat(first.nodes()).isNotEmpty();

        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.open(dir))) {
            MetricsReport again = cg.network().metricsReport(Projection.ALL, Window.ALWAYS);
            assertThat(again).isEqualTo(first);
            assertThat(cg.network().built()).as("the network read to answer").isFalse();
            // A view drawn right after the restart is sized by the kept metrics, not by computing them.
            Network.VersionedMetrics forView = cg.network().metricsForView(Projection.ALL, Window.ALWAYS);
            assertThat(forView.version()).isEqualTo(first.version());
            assertThat(forView.metrics().nodes()).hasSameSizeAs(first.nodes());
            // The metrics of the network, once it is read, are the kept ones too.
            assertThat(cg.network().metrics(Projection.ALL, Window.ALWAYS).nodes())
                    .isEqualTo(first.toMetrics(cg.network().net(Projection.ALL, Window.ALWAYS)).nodes());
        }
    }

    @Test
    void aRestartedServerReadsItsNetworkBeforeAnyoneAsks() throws Exception {
        // Both derived graphs current: the restart's refreshes have nothing to do, so nothing
        // but the start itself reads the network.
        MetricsReport first = firstServer(cg -> {
            cg.metricsGraph().refreshIfStale();
            cg.suggestionsGraph().refreshIfStale();
        });
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.open(dir))) {
            assertThat(cg.network().built()).isFalse();
            cg.startBackgroundWork();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!cg.network().built() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(cg.network().built()).as("the network read at start, no request made").isTrue();
            assertThat(cg.metricsGraph().statementsWritten()).as("the metrics graph was current").isZero();
            // The network read, its metrics not computed: the kept ones answer.
            assertThat(cg.network().metricsReport(Projection.ALL, Window.ALWAYS)).isEqualTo(first);
        }
    }

    @Test
    void metricsKeptForOtherDataAreComputedAgain() throws Exception {
        MetricsReport first = firstServer(cg -> cg.store().write(ds -> ds.getDefaultGraph().add(
                org.apache.jena.graph.NodeFactory.createURI("urn:x:s"), org.apache.jena.graph.NodeFactory.createURI("urn:x:p"),
                org.apache.jena.graph.NodeFactory.createLiteralString("o"))));
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.open(dir))) {
            MetricsReport again = cg.network().metricsReport(Projection.ALL, Window.ALWAYS);
            assertThat(again.version()).isNotEqualTo(first.version());
            assertThat(cg.network().built()).isTrue();
        }
    }

    @Test
    void aDamagedCopyIsComputedAgain() throws Exception {
        MetricsReport first = firstServer(cg -> { });
        Path kept = MetricsFile.file(dir, Projection.ALL);
        byte[] bytes = Files.readAllBytes(kept);
        Files.write(kept, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.open(dir))) {
            assertThat(cg.network().metricsReport(Projection.ALL, Window.ALWAYS).nodes()).isEqualTo(first.nodes());
            assertThat(cg.network().built()).isTrue();
        }
    }
}
