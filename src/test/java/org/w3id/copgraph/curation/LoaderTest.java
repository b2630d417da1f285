package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

class LoaderTest {

    private final Home home = Home.current();

    /** Statements outside the change log, which records every load, even one that changes nothing. */
    static long dataStatements(Store store) {
        String changes = Iris.DEFAULT.changesGraph();
        return store.read(d -> d.stream().filter(q -> !q.isDefaultGraph() && !q.getGraph().getURI().equals(changes)).count());
    }

    private static Loader loader(Store store, Iris iris) {
        return Copgraph.on(Settings.defaults().withIris(iris), store).loader();
    }

    @Test
    void seedLoadsIntoAnEmptyStoreAndConforms() {
        try (Store store = Store.inMemory()) {
            Loader.Result r = loader(store, Iris.DEFAULT).loadSeedIfEmpty();
            assertThat(r.quads()).isGreaterThan(100);
            assertThat(r.graphs()).contains("https://w3id.org/copgraph/graph/cff-session-3",
                    "https://w3id.org/copgraph/graph/copgraph", "https://w3id.org/copgraph/graph/shapes");
            assertThat(dataStatements(store)).isEqualTo(r.quads());
            assertThat(store.lastModified()).isNotNull();
        }
    }

    @Test
    void loadingTwiceGivesTheSameTripleCount(@TempDir Path dir) {
        long first;
        try (Store store = Store.open(dir)) {
            Loader loader = loader(store, Iris.DEFAULT);
            loader.loadSeedIfEmpty();
            first = dataStatements(store);
            assertThat(loader.loadSeedIfEmpty().quads()).isZero();
            loader.loadFiles(Caller.local(), List.of(home.ontology(), home.data()));
            assertThat(dataStatements(store)).isEqualTo(first);
        }
        try (Store reopened = Store.open(dir)) {
            assertThat(dataStatements(reopened)).isEqualTo(first);
            assertThat(loader(reopened, Iris.DEFAULT).loadSeedIfEmpty().quads()).isZero();
        }
    }

    @Test
    void dataThatBreaksTheShapesIsRejectedAndTheStoreIsUnchanged() {
        try (Store store = Store.inMemory()) {
            Loader loader = loader(store, Iris.DEFAULT);
            loader.loadSeedIfEmpty();
            long before = store.tripleCount();
            var modified = store.lastModified();
            assertThatThrownBy(() -> loader.loadFiles(Caller.local(), List.of(Fixtures.bad("violates-shapes.trig"))))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("breaks the data contract")
                    .hasMessageContaining("https://w3id.org/copgraph/id/cop/unlabelled")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(422));
            assertThat(store.tripleCount()).isEqualTo(before);
            assertThat(store.lastModified()).isEqualTo(modified);
        }
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithItsNameAndLine() {
        try (Store store = Store.inMemory()) {
            Loader loader = loader(store, Iris.DEFAULT);
            assertThatThrownBy(() -> loader.loadFiles(Caller.local(), List.of(Fixtures.bad("broken-syntax.trig"))))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("broken-syntax.trig")
                    .hasMessageContaining("line: 6");
            assertThat(store.isEmpty()).isTrue();
        }
    }

    @Test
    void statementsOutsideANamedGraphAreRefused() {
        try (Store store = Store.inMemory()) {
            assertThatThrownBy(() -> loader(store, Iris.DEFAULT).loadFiles(Caller.local(), List.of(Fixtures.bad("default-graph.trig"))))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("outside any named graph");
        }
    }

    @Test
    void anotherBaseRewritesTheCanonicalIris() {
        try (Store store = Store.inMemory()) {
            Iris iris = new Iris("http://example.org/cg/");
            loader(store, iris).loadSeedIfEmpty();
            boolean rebased = store.read(d -> d.contains(
                    org.apache.jena.graph.NodeFactory.createURI("http://example.org/cg/graph/cff-session-3"),
                    org.apache.jena.graph.NodeFactory.createURI("http://example.org/cg/id/cop/urbana"),
                    org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY));
            assertThat(rebased).isTrue();
        }
    }
}
