package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Settings;

/** The store's statement count is kept by the write path, so it must always equal a real count. */
class StatementCountTest {

    private static final Node G1 = NodeFactory.createURI("https://w3id.org/copgraph/graph/one");
    private static final Node G2 = NodeFactory.createURI("https://w3id.org/copgraph/graph/two");

    private static Quad quad(Node g, int i) {
        return Quad.create(g, NodeFactory.createURI("https://w3id.org/copgraph/id/thing/t" + i),
                NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("v" + i));
    }

    /** Counts by walking every statement of the named graphs. */
    private static long walked(Store store) {
        return store.read(d -> Iter.count(d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY)));
    }

    @Test
    void theCountIsExactAfterAddsDeletesDuplicatesAndGraphWrites() {
        try (Store store = Store.inMemory()) {
            assertThat(store.tripleCount()).isZero();
            store.write(d -> {
                for (int i = 0; i < 10; i++) {
                    d.add(quad(G1, i));
                }
                d.add(quad(G1, 3));
                d.getGraph(G2).add(quad(G2, 1).asTriple());
                d.getDefaultGraph().add(Triple.create(NodeFactory.createURI("urn:copgraph:store"),
                        NodeFactory.createURI("https://example.org/bookkeeping"), NodeFactory.createLiteralString("x")));
            });
            assertThat(store.tripleCount()).isEqualTo(11).isEqualTo(walked(store));
            store.write(d -> {
                d.delete(quad(G1, 0));
                d.delete(quad(G1, 0));
                d.delete(quad(G1, 99));
                d.getGraph(G2).delete(quad(G2, 1).asTriple());
            });
            assertThat(store.tripleCount()).isEqualTo(9).isEqualTo(walked(store));
            store.write(d -> d.deleteAny(G1, Node.ANY, Node.ANY, Node.ANY));
            assertThat(store.tripleCount()).isZero().isEqualTo(walked(store));
        }
    }

    @Test
    void anAbortedWriteLeavesTheCountAsItWas() {
        try (Store store = Store.inMemory()) {
            store.write(d -> d.add(quad(G1, 1)));
            try {
                store.write(d -> {
                    d.add(quad(G1, 2));
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // the change is aborted
            }
            assertThat(store.tripleCount()).isEqualTo(1).isEqualTo(walked(store));
        }
    }

    @Test
    void derivedWritesAreCountedToo() {
        try (Store store = Store.inMemory()) {
            store.write(d -> d.add(quad(G1, 1)));
            store.writeDerived(G2.getURI(), d -> {
                d.add(quad(G2, 1));
                d.add(quad(G2, 2));
            });
            assertThat(store.tripleCount()).isEqualTo(3).isEqualTo(walked(store));
            store.writeDerived(G2.getURI(), d -> d.getGraph(G2).clear());
            assertThat(store.tripleCount()).isEqualTo(1).isEqualTo(walked(store));
        }
    }

    @Test
    void theCountSurvivesARestartAndAStoreWithoutOneIsCountedOnce(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("store"))) {
            store.write(d -> {
                d.add(quad(G1, 1));
                d.add(quad(G1, 2));
            });
        }
        try (Store store = Store.open(dir.resolve("store"))) {
            assertThat(store.tripleCount()).isEqualTo(2).isEqualTo(walked(store));
        }
        // An older copgraph wrote without keeping a count: such a store is counted once, then kept.
        try (Store store = Store.open(dir.resolve("older"))) {
            Txn.executeWrite(store.dataset(), () -> {
                store.dataset().add(quad(G1, 1));
                store.dataset().add(quad(G2, 1));
            });
        }
        try (Store store = Store.open(dir.resolve("older"))) {
            assertThat(store.tripleCount()).isEqualTo(2).isEqualTo(walked(store));
            store.write(d -> d.add(quad(G1, 2)));
            assertThat(store.tripleCount()).isEqualTo(3).isEqualTo(walked(store));
        }
        try (Store store = Store.open(dir.resolve("older"))) {
            assertThat(store.tripleCount()).isEqualTo(3).isEqualTo(walked(store));
        }
    }

    @Test
    void aBulkLoadIsCountedEvenWithRepeatedStatementsAndAfterTheStoreWasEmptied(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.nq");
        StringBuilder nq = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            nq.append(quadLine(G1, i));
        }
        nq.append(quadLine(G1, 7)).append(quadLine(G2, 7));
        Files.writeString(file, nq);
        try (Store store = Store.open(dir.resolve("store"))) {
            store.write(d -> d.add(quad(G1, 1)));
            store.write(d -> d.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY));
            assertThat(store.tripleCount()).isZero();
            store.bulkLoad(sink -> org.apache.jena.riot.RDFParser.source(file).parse(sink), null);
            assertThat(store.tripleCount()).isEqualTo(51).isEqualTo(walked(store));
            store.write(d -> d.add(quad(G2, 8)));
            assertThat(store.tripleCount()).isEqualTo(52).isEqualTo(walked(store));
        }
    }

    private static String quadLine(Node g, int i) {
        Quad q = quad(g, i);
        return "<" + q.getSubject().getURI() + "> <" + q.getPredicate().getURI() + "> \"v" + i + "\" <" + g.getURI() + "> .\n";
    }

    @Test
    void aRestoreGivesTheCountOfTheBackup() {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        try (Store store = Store.inMemory()) {
            store.write(d -> {
                d.add(quad(G1, 1));
                d.add(quad(G2, 2));
                d.add(quad(G2, 3));
            });
            Backup.write(store, backup);
        }
        try (Store store = Store.inMemory()) {
            store.write(d -> {
                for (int i = 0; i < 20; i++) {
                    d.add(quad(G1, 100 + i));
                }
            });
            // Restored as copgraph restores: through the one write path.
            new org.w3id.copgraph.curation.Curation(store, Shacl.fromFile(Path.of("ontology/shapes.ttl")),
                    org.w3id.copgraph.model.Iris.DEFAULT).restore(org.w3id.copgraph.curation.Caller.local(),
                    Backup.read(new ByteArrayInputStream(backup.toByteArray()), false).data(), false);
            // The backup's 3 statements, and the restore's own entry in the change log.
            long data = store.read(d -> Iter.count(d.find(G1, Node.ANY, Node.ANY, Node.ANY)) + Iter.count(d.find(G2, Node.ANY, Node.ANY, Node.ANY)));
            assertThat(data).isEqualTo(3);
            assertThat(store.tripleCount()).isGreaterThan(3).isEqualTo(walked(store));
        }
    }

    @Test
    void theSeedLoadThroughTheWritePathIsCountedExactly(@TempDir Path dir) {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        long count;
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            count = cg.store().tripleCount();
            assertThat(count).isPositive().isEqualTo(walked(cg.store()));
        }
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(cg.store().tripleCount()).isEqualTo(count).isEqualTo(walked(cg.store()));
        }
    }
}
