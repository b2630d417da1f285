package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;

/** A closing store ends the queries under way, so background readers let go of it at once. */
class StopQueriesTest {

    private static final String CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } GRAPH ?i { ?x ?y ?z } }";

    private static Store withStatements(int n) {
        Store store = Store.inMemory();
        store.write(d -> {
            for (int i = 0; i < n; i++) {
                d.add(Quad.create(NodeFactory.createURI("https://w3id.org/copgraph/graph/test"), NodeFactory.createURI("https://example.org/s" + i),
                        NodeFactory.createURI("https://example.org/p"), NodeFactory.createLiteralString("o" + i)));
            }
        });
        return store;
    }

    private static long count(Store store) {
        return store.query(QueryFactory.create(CROSS_PRODUCT), BindingFactory.empty(), 600_000,
                exec -> ((Number) exec.select().next().get("n").getLiteralValue()).longValue());
    }

    @Test
    void aQueryUnderWayEndsWhenTheStoreStopsItsQueries() throws Exception {
        try (Store store = withStatements(2_000)) {
            // Eight thousand million rows to count: minutes, unless stopped.
            CompletableFuture<Long> counting = CompletableFuture.supplyAsync(() -> count(store));
            Thread.sleep(300);
            assertThat(counting).isNotDone();
            long t0 = System.nanoTime();
            store.stopQueries();
            assertThatThrownBy(() -> counting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CancellationException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
        }
    }

    @Test
    void aQueryAskedOnceTheStoreStopsItsQueriesIsRefused() {
        try (Store store = withStatements(10)) {
            assertThat(count(store)).isEqualTo(1_000);
            store.stopQueries();
            assertThatThrownBy(() -> count(store)).isInstanceOf(CancellationException.class).hasMessageContaining("closing");
        }
    }
}
