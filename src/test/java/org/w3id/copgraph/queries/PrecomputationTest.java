package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.store.Store;

/** The background precomputation follows the data: done at start, done again after a change. */
class PrecomputationTest {

    @Test
    void precomputesAtStartAndAgainAfterTheDataChanges() throws Exception {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            String first = CuratedQueries.dataVersion(cg.store());
            Precomputation p = cg.startPrecomputation();
            await(() -> first.equals(p.status().version()) && !p.status().running());
            assertThat(p.status().ready()).isEqualTo(p.status().of()).isEqualTo(cg.queries().precomputable());
            long runs = cg.queries().storeRuns();
            cg.queries().answer("events", java.util.Map.of(), ResultFormat.CSV, cg.store());
            assertThat(cg.queries().storeRuns()).as("precomputed: no query runs").isEqualTo(runs);
            cg.queries().answer("events", java.util.Map.of("since", "2021-01-01"), ResultFormat.CSV, cg.store());
            assertThat(cg.queries().storeRuns()).as("other arguments run on the store").isEqualTo(runs + 1);

            cg.curation().apply(Loader.BOOTSTRAP, new Change.SparqlUpdate(
                    "INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/t> { <urn:x:s> <urn:x:p> \"o\" } }"));
            String second = CuratedQueries.dataVersion(cg.store());
            assertThat(second).isNotEqualTo(first);
            await(() -> second.equals(p.status().version()) && !p.status().running());
            assertThat(p.status().ready()).isEqualTo(p.status().of());
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("precomputation did not finish in 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
