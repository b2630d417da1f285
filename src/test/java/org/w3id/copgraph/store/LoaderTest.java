package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

class LoaderTest {

    private final Home home = Home.current();

    @Test
    void seedLoadsIntoAnEmptyStoreAndConforms() {
        try (Store store = Store.inMemory()) {
            Loader.Result r = new Loader(store, home, Iris.DEFAULT).loadSeedIfEmpty();
            assertThat(r.quads()).isGreaterThan(100);
            assertThat(r.graphs()).contains("https://w3id.org/copgraph/graph/cff-session-3",
                    "https://w3id.org/copgraph/graph/copgraph", "https://w3id.org/copgraph/graph/shapes");
            assertThat(store.tripleCount()).isEqualTo(r.quads());
            assertThat(store.lastModified()).isNotNull();
        }
    }

    @Test
    void loadingTwiceGivesTheSameTripleCount(@TempDir Path dir) {
        long first;
        try (Store store = Store.open(dir)) {
            Loader loader = new Loader(store, home, Iris.DEFAULT);
            loader.loadSeedIfEmpty();
            first = store.tripleCount();
            assertThat(loader.loadSeedIfEmpty().quads()).isZero();
            loader.loadFiles(List.of(home.ontology(), home.data()));
            assertThat(store.tripleCount()).isEqualTo(first);
        }
        try (Store reopened = Store.open(dir)) {
            assertThat(reopened.tripleCount()).isEqualTo(first);
            assertThat(new Loader(reopened, home, Iris.DEFAULT).loadSeedIfEmpty().quads()).isZero();
        }
    }

    @Test
    void dataThatBreaksTheShapesIsRejectedAndTheStoreIsUnchanged() {
        try (Store store = Store.inMemory()) {
            Loader loader = new Loader(store, home, Iris.DEFAULT);
            loader.loadSeedIfEmpty();
            long before = store.tripleCount();
            var modified = store.lastModified();
            assertThatThrownBy(() -> loader.loadFiles(List.of(Fixtures.bad("violates-shapes.trig"))))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("does not conform")
                    .hasMessageContaining("https://w3id.org/copgraph/id/cop/unlabelled")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(422));
            assertThat(store.tripleCount()).isEqualTo(before);
            assertThat(store.lastModified()).isEqualTo(modified);
        }
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithItsNameAndLine() {
        try (Store store = Store.inMemory()) {
            Loader loader = new Loader(store, home, Iris.DEFAULT);
            assertThatThrownBy(() -> loader.loadFiles(List.of(Fixtures.bad("broken-syntax.trig"))))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("broken-syntax.trig")
                    .hasMessageContaining("line: 6");
            assertThat(store.isEmpty()).isTrue();
        }
    }

    @Test
    void statementsOutsideANamedGraphAreRefused() {
        try (Store store = Store.inMemory()) {
            assertThatThrownBy(() -> new Loader(store, home, Iris.DEFAULT).loadFiles(List.of(Fixtures.bad("default-graph.trig"))))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("outside any named graph");
        }
    }

    @Test
    void anotherBaseRewritesTheCanonicalIris() {
        try (Store store = Store.inMemory()) {
            Iris iris = new Iris("http://example.org/cg/");
            new Loader(store, home, iris).loadSeedIfEmpty();
            boolean rebased = store.read(d -> d.contains(
                    org.apache.jena.graph.NodeFactory.createURI("http://example.org/cg/graph/cff-session-3"),
                    org.apache.jena.graph.NodeFactory.createURI("http://example.org/cg/id/cop/urbana"),
                    org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY));
            assertThat(rebased).isTrue();
        }
    }
}
