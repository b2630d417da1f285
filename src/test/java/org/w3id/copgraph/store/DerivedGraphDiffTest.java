package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/**
 * A derived graph is compared outside the writer's lock and written in batches: a large refresh
 * ends exactly where a whole rewrite would, and a curated write does not wait for all of it.
 */
class DerivedGraphDiffTest {

    private static final String GRAPH = "https://w3id.org/copgraph/graph/derived-test";
    private static final Node G = NodeFactory.createURI(GRAPH);
    private static final String VALUE = "https://example.org/value";
    private static final String STAMP = "https://example.org/stamp";
    private static final Node DATA = NodeFactory.createURI("https://w3id.org/copgraph/graph/data");

    private static Node subject(int i) {
        return NodeFactory.createURI("https://w3id.org/copgraph/id/thing/t" + i);
    }

    /** Subject i holds value(i) and a stamp; subjects [from, to). */
    private static void describe(DerivedGraphDiff d, int from, int to, int shift, String stamp) {
        d.subject(G, List.of(Triple.create(G, NodeFactory.createURI(STAMP), NodeFactory.createLiteralString(stamp))));
        for (int i = from; i < to; i++) {
            d.subject(subject(i), List.of(
                    Triple.create(subject(i), NodeFactory.createURI(VALUE), NodeFactory.createLiteralString("v" + (i % shift))),
                    Triple.create(subject(i), NodeFactory.createURI(STAMP), NodeFactory.createLiteralString(stamp))));
        }
    }

    private static Set<String> graph(Store store) {
        return store.read(d -> {
            Set<String> out = new TreeSet<>();
            d.find(G, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> out.add(q.getSubject() + " " + q.getPredicate() + " " + q.getObject()));
            return out;
        });
    }

    @Test
    void aLargeDifferenceEndsAsAWholeRewriteWouldInOneTransactionWhenQuiet() {
        int n = DerivedGraphDiff.BATCH * 2;
        try (Store store = Store.inMemory()) {
            DerivedGraphDiff first = store.writeDerivedDiff(GRAPH, Set.of(STAMP), () -> false, d -> describe(d, 0, n, Integer.MAX_VALUE, "one"));
            assertThat(first.added()).isEqualTo(2L * n + 1);
            // Nothing else under way: one transaction (each commit leaves TDB2 copies of blocks).
            assertThat(first.transactions()).isEqualTo(1);
            // A quarter of the subjects go, a quarter keep their values (and their old stamp), half
            // get another value, a hundred are new.
            DerivedGraphDiff second = store.writeDerivedDiff(GRAPH, Set.of(STAMP), () -> false,
                    d -> describe(d, n / 4, n + 100, n / 2, "two"));
            assertThat(second.transactions()).isEqualTo(1);
            assertThat(second.removed()).isEqualTo(2L * (n / 4) + 2L * (n / 2) + 1);

            try (Store whole = Store.inMemory()) {
                whole.writeDerivedDiff(GRAPH, Set.of(STAMP), () -> false, d -> describe(d, 0, n, Integer.MAX_VALUE, "one"));
                Set<String> expected = new TreeSet<>();
                expected.add(G + " " + STAMP + " \"two\"");
                for (int i = n / 4; i < n + 100; i++) {
                    String value = "v" + (i % (n / 2));
                    boolean unchanged = i < n && value.equals("v" + i);
                    expected.add(subject(i) + " " + VALUE + " \"" + value + "\"");
                    expected.add(subject(i) + " " + STAMP + " \"" + (unchanged ? "one" : "two") + "\"");
                }
                assertThat(graph(store)).isEqualTo(expected);
            }
            assertThat(store.tripleCount()).isEqualTo(store.read(d -> Iter.count(d.findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY))));
        }
    }

    @Test
    void theGraphsOwnDescriptionIsInTheLastBatch() {
        try (Store store = Store.inMemory()) {
            List<DerivedGraphDiff.Batch> batches = new ArrayList<>();
            store.read(d -> {
                DerivedGraphDiff p = new DerivedGraphDiff(d, G, Set.of(STAMP), batches::add);
                describe(p, 0, DerivedGraphDiff.BATCH * 3, Integer.MAX_VALUE, "one");
                p.finish();
                return p;
            });
            assertThat(batches).hasSizeGreaterThan(1);
            for (DerivedGraphDiff.Batch b : batches.subList(0, batches.size() - 1)) {
                assertThat(b.adds()).noneMatch(q -> q.getSubject().equals(G));
            }
            assertThat(batches.get(batches.size() - 1).adds()).anyMatch(q -> q.getSubject().equals(G));
            // Every subject's statements are in one batch.
            List<Set<Node>> subjects = new ArrayList<>();
            batches.forEach(b -> subjects.add(new java.util.HashSet<>(b.adds().stream().map(Quad::getSubject).toList())));
            for (int i = 0; i < subjects.size(); i++) {
                for (int j = i + 1; j < subjects.size(); j++) {
                    assertThat(subjects.get(i)).doesNotContainAnyElementsOf(subjects.get(j));
                }
            }
        }
    }

    @Test
    void aRequestsWriteGoesInBetweenTheBatches() throws Exception {
        int n = DerivedGraphDiff.BATCH * 16;
        try (Store store = Store.inMemory()) {
            CompletableFuture<Long> refreshEnded = CompletableFuture.supplyAsync(() -> {
                store.writeDerivedDiff(GRAPH, Set.of(STAMP), () -> false, d -> describe(d, 0, n, Integer.MAX_VALUE, "one"));
                return System.nanoTime();
            });
            Thread.sleep(300);
            assertThat(refreshEnded).as("a refresh of %d statements still under way", 2 * n).isNotDone();
            // What the web server does around a request: the refresh commits after the batch in
            // hand, so the request's write goes before the rest of the refresh.
            long dataWritten;
            org.w3id.copgraph.Background.requestStarted();
            try {
                store.write(d -> d.add(Quad.create(DATA, subject(0), NodeFactory.createURI(VALUE), NodeFactory.createLiteralString("data"))));
                dataWritten = System.nanoTime();
                assertThat(graph(store)).as("the graph's description, written last").noneMatch(s -> s.startsWith(G + " "));
            } finally {
                org.w3id.copgraph.Background.requestEnded();
            }
            assertThat(refreshEnded.get(120, TimeUnit.SECONDS)).isGreaterThan(dataWritten);
            assertThat(graph(store)).hasSize(2 * n + 1);
        }
    }

    @Test
    void aStopAskedDuringTheWriteEndsItAndTheGraphStillNamesTheVersionItWasWholeFor() {
        int n = DerivedGraphDiff.BATCH * 8;
        try (Store store = Store.inMemory()) {
            store.writeDerivedDiff(GRAPH, Set.of(STAMP), () -> false, d -> describe(d, 0, n, Integer.MAX_VALUE, "one"));
            // The second write is asked to stop once its first batch is in hand: a server stopping.
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeDerivedDiff(GRAPH, Set.of(STAMP),
                            () -> asked.incrementAndGet() > 1, d -> describe(d, 0, n, 2, "two")))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            Set<String> left = graph(store);
            assertThat(left).as("the description, written last, is the first write's").contains(G + " " + STAMP + " \"one\"")
                    .doesNotContain(G + " " + STAMP + " \"two\"");
            assertThat(left).as("not all of the second write was made").anyMatch(t -> t.endsWith(" \"one\"") && !t.startsWith(G + " "));
        }
    }
}
