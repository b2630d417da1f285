package org.w3id.copgraph.curation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.RdfFiles;

class BulkLoadTest {

    private final Home home = Home.current();

    /** The seed graph (and any extra files) as one N-Quads file, the bulk loader's input. */
    private Path nquads(Path dir, Path... extra) throws Exception {
        List<Path> files = new ArrayList<>(List.of(home.ontology(), home.data()));
        files.addAll(List.of(extra));
        Path out = dir.resolve("data.nq");
        try (OutputStream os = Files.newOutputStream(out)) {
            RDFDataMgr.write(os, RdfFiles.read(files, Iris.DEFAULT), Lang.NQUADS);
        }
        return out;
    }

    private static Copgraph open(Path store) {
        return Copgraph.open(Settings.defaults().withStore(store));
    }

    @Test
    void bulkLoadGivesTheSameDataAsTheOrdinaryLoadAndRecordsOneChange(@TempDir Path dir) throws Exception {
        Path data = nquads(dir);
        long ordinary;
        try (Copgraph cg = open(dir.resolve("ordinary"))) {
            cg.loader().loadSeedIfEmpty();
            ordinary = LoaderTest.dataStatements(cg.store());
        }
        try (Copgraph cg = open(dir.resolve("bulk"))) {
            Curation.BulkLoad r = cg.loader().bulkLoadFiles(Caller.local(), List.of(data), null);
            assertThat(LoaderTest.dataStatements(cg.store())).isEqualTo(ordinary).isEqualTo(r.change().added());
            ChangeRecord change = cg.curation().lastChange();
            assertThat(change.operation()).isEqualTo("bulk-load");
            assertThat(change.added()).isEqualTo(ordinary);
            assertThat(change.graphs()).contains("https://w3id.org/copgraph/graph/cff-session-3");
            String changes = Iris.DEFAULT.changesGraph();
            long activities = cg.store().read(d -> d.getGraph(org.apache.jena.graph.NodeFactory.createURI(changes))
                    .find(null, org.apache.jena.vocabulary.RDF.type.asNode(),
                            org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/prov#Activity")).toList().size());
            assertThat(activities).isEqualTo(1);
            assertThat(cg.store().lastModified()).isNotNull();
        }
    }

    @Test
    void bulkLoadNeedsAnEmptyStore(@TempDir Path dir) throws Exception {
        Path data = nquads(dir);
        try (Copgraph cg = open(dir.resolve("store"))) {
            cg.loader().loadSeedIfEmpty();
            long before = cg.store().tripleCount();
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(data), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("empty")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(409));
            assertThat(cg.store().tripleCount()).isEqualTo(before);
        }
    }

    @Test
    void bulkLoadTakesTheSameArgumentsAsTheOrdinaryLoad(@TempDir Path dir) throws Exception {
        // `load --bulk ontology data`: Turtle files go into the graph named after the file, as without --bulk.
        long ordinary;
        try (Copgraph cg = open(dir.resolve("ordinary"))) {
            cg.loader().loadFiles(Caller.local(), List.of(home.ontology(), home.data()));
            ordinary = LoaderTest.dataStatements(cg.store());
        }
        try (Copgraph cg = open(dir.resolve("bulk"))) {
            Curation.BulkLoad r = cg.loader().bulkLoadFiles(Caller.local(), List.of(home.ontology(), home.data()), null);
            assertThat(LoaderTest.dataStatements(cg.store())).isEqualTo(ordinary);
            assertThat(r.change().graphs()).contains("https://w3id.org/copgraph/graph/copgraph",
                    "https://w3id.org/copgraph/graph/shapes", "https://w3id.org/copgraph/graph/cff-session-3");
        }
    }

    @Test
    void bulkLoadThatBreaksTheShapesLeavesTheStoreEmptyAndReusable(@TempDir Path dir) throws Exception {
        // With the seed's data: it holds a non-canonical decimal that TDB2 cannot delete by its term.
        Path data = nquads(dir, Fixtures.bad("violates-shapes.trig"));
        try (Copgraph cg = open(dir.resolve("store"))) {
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(data), null))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("https://w3id.org/copgraph/id/cop/unlabelled")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(422));
            assertThat(cg.store().isEmpty()).isTrue();
            assertThat(cg.store().lastModified()).isNull();
            // And the store takes a good load afterwards.
            cg.loader().bulkLoadFiles(Caller.local(), List.of(home.ontology(), home.data()), null);
            assertThat(cg.store().isEmpty()).isFalse();
        }
    }

    @Test
    void refusedInputLeavesTheStoreEmptyAndReusable(@TempDir Path dir) throws Exception {
        // The seed first, so the loader has written much before it meets the statement outside any graph.
        Path unknown = Files.writeString(dir.resolve("notes.txt"), "not RDF");
        Path maintained = Files.writeString(dir.resolve("maintained.trig"), "GRAPH <" + Iris.DEFAULT.changesGraph()
                + "> { <https://w3id.org/copgraph/id/change/x> a <http://www.w3.org/ns/prov#Activity> . }\n");
        try (Copgraph cg = open(dir.resolve("store"))) {
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(),
                    List.of(home.ontology(), home.data(), Fixtures.bad("default-graph.trig")), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("named graph").hasMessageContaining("default-graph.trig")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(400));
            assertThat(cg.store().isEmpty()).isTrue();
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(),
                    List.of(home.ontology(), home.data(), Fixtures.bad("broken-syntax.trig")), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("broken-syntax.trig")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(400));
            assertThat(cg.store().isEmpty()).isTrue();
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(home.data(), maintained), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("maintained")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(403));
            assertThat(cg.store().isEmpty()).isTrue();
            Path blank = Files.writeString(dir.resolve("blank.trig"), "_:g { <https://w3id.org/copgraph/id/x> a <http://example.org/C> . }\n");
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(home.data(), blank), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("blank node")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(400));
            assertThat(cg.store().isEmpty()).isTrue();
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(home.data(), unknown), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("notes.txt")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(400));
            assertThat(cg.store().isEmpty()).isTrue();

            Curation.BulkLoad r = cg.loader().bulkLoadFiles(Caller.local(), List.of(home.ontology(), home.data()), null);
            assertThat(r.change().added()).isGreaterThan(1000);
            assertThat(LoaderTest.dataStatements(cg.store())).isEqualTo(r.change().added());
        }
    }

    @Test
    void bulkLoadReportsTheViolationsTheOrdinaryLoadReports(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(home.ontology(), home.data(), Fixtures.bad("violates-shapes.trig"), manyViolations(dir));
        String ordinary;
        try (Copgraph cg = open(dir.resolve("ordinary"))) {
            ordinary = refusal(() -> cg.loader().loadFiles(Caller.local(), files));
        }
        try (Copgraph cg = open(dir.resolve("bulk"))) {
            String bulk = refusal(() -> cg.loader().bulkLoadFiles(Caller.local(), files, null));
            assertThat(violationLines(bulk)).hasSizeGreaterThan(2 * 2_000).isEqualTo(violationLines(ordinary));
        }
        assertThat(violationLines(Loader.validate(home, Iris.DEFAULT, files).text())).isEqualTo(violationLines(ordinary));
    }

    /** CoPs without labels, hosted by nothing typed: more focus nodes than one slice of the parallel check. */
    private static Path manyViolations(Path dir) throws Exception {
        StringBuilder b = new StringBuilder("PREFIX cop: <https://w3id.org/copgraph/ontology#>\n"
                + "PREFIX org: <http://www.w3.org/ns/org#>\n"
                + "GRAPH <https://w3id.org/copgraph/graph/test-many> {\n");
        for (int i = 0; i < 2_500; i++) {
            b.append("<https://w3id.org/copgraph/id/cop/bad-").append(i).append("> a cop:CommunityOfPractice, org:Organization ;")
                    .append(" cop:hostedBy <https://w3id.org/copgraph/id/organisation/nowhere-").append(i).append("> .\n");
        }
        return Files.writeString(dir.resolve("many.trig"), b.append("}\n").toString());
    }

    private static String refusal(Runnable load) {
        try {
            load.run();
        } catch (Problem p) {
            assertThat(p.status()).isEqualTo(422);
            return p.getMessage();
        }
        throw new AssertionError("the load was not refused");
    }

    /** The report's result lines, in one order: the ordinary path checks node by node or whole. */
    private static List<String> violationLines(String report) {
        return report.lines().filter(l -> l.startsWith("  - ")).sorted().toList();
    }

    @Test
    void aReaderMayNotBulkLoad(@TempDir Path dir) throws Exception {
        Path data = nquads(dir);
        try (Copgraph cg = open(dir.resolve("store"))) {
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.ANONYMOUS, List.of(data), null))
                    .isInstanceOf(Problem.class);
            assertThat(cg.store().isEmpty()).isTrue();
        }
    }
}
