package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The data version ({@link Store#lastModified()}) is held in memory between writes, as every
 * request asks for it: it must still move at once with every write, whoever makes it.
 */
class DataVersionTest {

    private static Quad quad(int i) {
        return Quad.create(NodeFactory.createURI("https://w3id.org/copgraph/graph/one"),
                NodeFactory.createURI("https://w3id.org/copgraph/id/thing/t" + i),
                NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("v" + i));
    }

    @Test
    void aStoreNeverWrittenHasNoVersionAndEachWriteMovesItAtOnce() throws InterruptedException {
        try (Store store = Store.inMemory()) {
            assertThat(store.lastModified()).isNull();
            assertThat(store.lastModified()).isNull();
            store.write(d -> d.add(quad(1)));
            Instant first = store.lastModified();
            assertThat(first).isNotNull();
            assertThat(store.lastModified()).isEqualTo(first);
            Thread.sleep(2);
            store.write(d -> d.add(quad(2)));
            assertThat(store.lastModified()).isAfter(first);
        }
    }

    @Test
    void aWriteTransactionPastTheStoresWritePathIsSeenToo() throws InterruptedException {
        try (Store store = Store.inMemory()) {
            store.write(d -> d.add(quad(1)));
            Instant first = store.lastModified();
            Instant later = first.plusSeconds(60);
            // As a tool on the same TDB2 database would: its own write transaction on the bookkeeping.
            Txn.executeWrite(store.dataset(), () -> {
                var system = store.dataset().getDefaultGraph();
                var self = NodeFactory.createURI("urn:copgraph:store");
                var modified = org.apache.jena.vocabulary.DCTerms.modified.asNode();
                system.remove(self, modified, org.apache.jena.graph.Node.ANY);
                system.add(Triple.create(self, modified, NodeFactory.createLiteralDT(later.toString(),
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime)));
            });
            assertThat(store.lastModified()).isEqualTo(later);
        }
    }

    @Test
    void aVersionReadWhileAWriteIsOpenIsNotKeptPastItsCommit() throws Exception {
        try (Store store = Store.inMemory()) {
            store.write(d -> d.add(quad(1)));
            Instant first = store.lastModified();
            CountDownLatch open = new CountDownLatch(1);
            CountDownLatch read = new CountDownLatch(1);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    store.write(d -> {
                        d.add(quad(2));
                        open.countDown();
                        try {
                            read.await();
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            writer.start();
            open.await();
            // Read while the write is open: the old version, which must not be kept.
            assertThat(store.lastModified()).isEqualTo(first);
            read.countDown();
            writer.join();
            assertThat(failed.get()).isNull();
            assertThat(store.lastModified()).isAfter(first);
        }
    }
}
