package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Settings;

/** The embedded store is compacted when it has grown and is idle, and keeps its data, index and writes through it. */
class CompactionScheduleTest {

    private static final Node GRAPH = NodeFactory.createURI("https://w3id.org/copgraph/graph/compaction-test");
    private static final Node LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");

    // TDB2's files grow in preallocated steps, so a small store's growth is a small fraction of its
    // size on disk: the policies below count a growth of a tenth of a percent.

    /** Rewrites one graph of 4,000 statements {@code times} times: TDB2 keeps each old copy until compacted. */
    private static void churn(Store store, int times) {
        for (int round = 0; round < times; round++) {
            int r = round;
            store.write(d -> {
                d.deleteAny(GRAPH, Node.ANY, Node.ANY, Node.ANY);
                for (int i = 0; i < 4000; i++) {
                    d.add(new Quad(GRAPH, NodeFactory.createURI("https://w3id.org/copgraph/id/thing/t" + i), LABEL,
                            NodeFactory.createLiteralString("round " + r + " thing " + i)));
                }
            });
        }
    }

    @Test
    void aGrownIdleStoreIsCompactedAndKeepsItsDataAndIndex(@TempDir Path dir) {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        long statements;
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            Store store = cg.store();
            churn(store, 8);
            statements = store.tripleCount();
            long grown = store.onDiskBytes();
            assertThat(grown).isGreaterThan(store.compactedBytes());

            assertThat(CompactionSchedule.of(store, new CompactionSchedule.Policy(1.001, Duration.ZERO, 2.0)).compactIfDue()).isTrue();

            assertThat(store.compactions()).isEqualTo(1);
            assertThat(store.onDiskBytes()).isLessThan(grown).isEqualTo(store.compactedBytes());
            assertThat(store.tripleCount()).isEqualTo(statements);
            assertThat(cg.textSearch().find("Transition Network", 5).get(0).label()).isEqualTo("Transition Network");
            // Writes go to the compacted generation.
            churn(store, 1);
            assertThat((boolean) store.readUnion(g -> g.contains(NodeFactory.createURI("https://w3id.org/copgraph/id/thing/t7"), LABEL,
                    NodeFactory.createLiteralString("round 0 thing 7")))).isTrue();
        }
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(cg.store().tripleCount()).as("reopened on the compacted generation").isEqualTo(statements);
            assertThat(cg.textSearch().find("Transition Network", 5)).isNotEmpty();
        }
        assertThat(dir.resolve("store").resolve("Data-0001")).as("the old generation is deleted").doesNotExist();
        assertThat(dir.resolve("store").resolve("Data-0002")).isDirectory();
    }

    @Test
    void aStoreWrittenToWithinTheQuietSpellWaits(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("store"))) {
            churn(store, 8);
            CompactionSchedule.Policy policy = new CompactionSchedule.Policy(1.001, Duration.ofHours(1), 100);
            assertThat(CompactionSchedule.of(store, policy).compactIfDue()).isFalse();
            assertThat(store.compactions()).isZero();
        }
    }

    @Test
    void aStoreGrownPastTheLimitIsCompactedEvenWhenBusy(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("store"))) {
            churn(store, 8);
            CompactionSchedule.Policy policy = new CompactionSchedule.Policy(1.001, Duration.ofHours(1), 1.002);
            assertThat(CompactionSchedule.of(store, policy).compactIfDue()).isTrue();
            assertThat(store.compactions()).isEqualTo(1);
        }
    }

    @Test
    void aStoreThatHasNotGrownIsLeftAlone(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("store"))) {
            churn(store, 8);
            store.compact();
            assertThat(CompactionSchedule.of(store, new CompactionSchedule.Policy(1.001, Duration.ZERO, 2.0)).compactIfDue()).isFalse();
            assertThat(CompactionSchedule.of(store, CompactionSchedule.Policy.NEVER).compactIfDue()).isFalse();
            assertThat(store.compactions()).isEqualTo(1);
        }
    }

    @Test
    void aWriteBesideACompactionIsKept(@TempDir Path dir) throws Exception {
        try (Store store = Store.open(dir.resolve("store"))) {
            churn(store, 8);
            Thread compacting = new Thread(store::compact);
            compacting.start();
            Node late = NodeFactory.createURI("https://w3id.org/copgraph/id/thing/late");
            store.write(d -> d.add(new Quad(GRAPH, late, LABEL, NodeFactory.createLiteralString("written beside the compaction"))));
            compacting.join();
            assertThat((boolean) store.readUnion(g -> g.contains(late, LABEL, Node.ANY))).isTrue();
        }
    }

    @Test
    void aPolicyGrowthIsAFactorAboveOneOrNever() {
        assertThatThrownBy(() -> CompactionSchedule.Policy.DEFAULT.withWhenGrown(0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above 1");
        assertThat(CompactionSchedule.Policy.DEFAULT.withWhenGrown(0).due(1_000, 1, Duration.ofDays(1))).isFalse();
        assertThat(CompactionSchedule.Policy.DEFAULT.withWhenGrown(3).regardless()).isEqualTo(3);
    }
}
