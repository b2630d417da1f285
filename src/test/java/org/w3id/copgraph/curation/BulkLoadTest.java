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
        return nquads(dir, true, extra);
    }

    private Path nquads(Path dir, boolean withData, Path... extra) throws Exception {
        List<Path> files = new ArrayList<>(List.of(home.ontology()));
        if (withData) {
            files.add(home.data());
        }
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
    void bulkLoadThatBreaksTheShapesLeavesTheStoreEmpty(@TempDir Path dir) throws Exception {
        // The ontology and the bad file only: the seed's data holds a non-canonical decimal, which
        // TDB2's bulk loader stores in a form that cannot be deleted again (a Jena 5.6.0 quirk).
        Path data = nquads(dir, false, Fixtures.bad("violates-shapes.trig"));
        try (Copgraph cg = open(dir.resolve("store"))) {
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(data), null))
                    .isInstanceOf(Problem.class)
                    .hasMessageContaining("https://w3id.org/copgraph/id/cop/unlabelled")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(422));
            assertThat(cg.store().isEmpty()).isTrue();
            // And the store takes a good load afterwards.
            cg.loader().bulkLoadFiles(Caller.local(), List.of(nquads(Files.createDirectories(dir.resolve("good")))), null);
            assertThat(cg.store().isEmpty()).isFalse();
        }
    }

    @Test
    void bulkLoadRejectsStatementsOutsideNamedGraphs(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("plain.nt");
        Files.writeString(data, "<https://w3id.org/copgraph/id/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n");
        try (Copgraph cg = open(dir.resolve("store"))) {
            assertThatThrownBy(() -> cg.loader().bulkLoadFiles(Caller.local(), List.of(data), null))
                    .isInstanceOf(Problem.class).hasMessageContaining("named graph")
                    .satisfies(e -> assertThat(((Problem) e).status()).isEqualTo(400));
            assertThat(cg.store().isEmpty()).isTrue();
        }
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
