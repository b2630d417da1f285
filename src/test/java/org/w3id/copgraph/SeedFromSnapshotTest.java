package org.w3id.copgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.SeedSnapshot;

/** A new store served is given the seed graph from the snapshot the build made (pom.xml, seed-snapshot). */
class SeedFromSnapshotTest {

    @Test
    void aNewStoreHoldsWhatALoadOfTheSeedWouldWrite(@TempDir Path dir) {
        SeedSnapshot seed = SeedSnapshot.onClasspath();
        assertThat(seed).as("the build (mvn process-classes) puts seed-snapshot.bin on the classpath").isNotNull();
        List<String> said = new ArrayList<>();
        Map<String, Graph> copied;
        try (Copgraph cg = Copgraph.openSeeding(Settings.defaults().withStore(dir.resolve("copied")))) {
            Loader.Result r = cg.seedIfEmpty(said::add);
            assertThat(r.graphs()).isEqualTo(seed.graphs());
            assertThat(r.quads()).isEqualTo(seed.quads());
            assertThat(cg.store().lastModified()).as("the data version is the build's load").isEqualTo(seed.made());
            assertThat(cg.textSearch().find("Transition Network", 5).get(0).label()).isEqualTo("Transition Network");
            copied = quadsOf(cg, seed.graphs());
        }
        assertThat(said).singleElement().asString().contains("copied in from the jar's snapshot");

        Map<String, Graph> loaded;
        try (Copgraph cg = Copgraph.open(Settings.defaults().withStore(dir.resolve("loaded")))) {
            cg.seedIfEmpty(s -> { });
            loaded = quadsOf(cg, seed.graphs());
        }
        assertThat(copied.values().stream().mapToLong(Graph::size).sum()).isEqualTo(seed.quads());
        for (String g : seed.graphs()) {
            // Isomorphic, not equal: each load gives the blank nodes of the shapes new labels.
            assertThat(copied.get(g).isIsomorphicWith(loaded.get(g))).as(g).isTrue();
        }
    }

    @Test
    void seedFilesEditedSinceTheBuildAreLoadedNotCopied(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        copy(Home.current().ontology(), home.resolve("ontology"));
        copy(Home.current().data(), home.resolve("data"));
        copy(Home.current().queries(), home.resolve("queries"));
        Path file = Loader.seedFiles(new Home(home)).get(Loader.seedFiles(new Home(home)).size() - 1);
        Files.writeString(file, Files.readString(file) + "\n# edited after the build\n");
        assertThatTheSeedIsLoaded(new Settings(new Home(home), dir.resolve("store"), Iris.DEFAULT, 0, 30_000, null, null, null,
                Settings.Serving.DEFAULTS, org.w3id.copgraph.sparql.SparqlLimits.DEFAULT));
    }

    @Test
    void anotherBaseIriIsLoadedNotCopied(@TempDir Path dir) {
        assertThatTheSeedIsLoaded(Settings.defaults().withStore(dir.resolve("store")).withIris(new Iris("https://example.org/cops/")));
    }

    private static void assertThatTheSeedIsLoaded(Settings settings) {
        List<String> said = new ArrayList<>();
        try (Copgraph cg = Copgraph.openSeeding(settings)) {
            Loader.Result r = cg.seedIfEmpty(said::add);
            assertThat(r.quads()).isPositive();
        }
        assertThat(said.get(0)).contains("loading ontology/ and data/");
    }

    private static Map<String, Graph> quadsOf(Copgraph cg, List<String> graphs) {
        return cg.store().read(d -> {
            Map<String, Graph> all = new HashMap<>();
            for (String g : graphs) {
                Graph copy = GraphFactory.createDefaultGraph();
                d.getGraph(NodeFactory.createURI(g)).find().forEachRemaining(copy::add);
                all.put(g, copy);
            }
            return all;
        });
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
