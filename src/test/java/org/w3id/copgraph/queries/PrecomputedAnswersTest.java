package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.Loader;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/** First pages computed once per data version, kept beside the store, and never served for other data. */
class PrecomputedAnswersTest {

    private static Copgraph open(Path store) {
        return Copgraph.open(Settings.defaults().withStore(store));
    }

    @Test
    void aRestartedServerAnswersFromThePagesComputedBeforeAndTheyEqualTheEngine(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        CuratedQueries.Answer before;
        long precomputable;
        try (Copgraph cg = open(store)) {
            cg.loader().loadSeedIfEmpty();
            precomputable = cg.queries().precomputable();
            assertThat(cg.queries().precompute(cg.store())).isEqualTo(precomputable).isGreaterThan(10);
            before = cg.queries().answer("events", Map.of(), ResultFormat.CSV, cg.store());
        }
        try (Stream<Path> saved = Files.walk(Copgraph.answersDirFor(store))) {
            assertThat(saved.filter(p -> p.toString().endsWith(".srj"))).hasSize((int) precomputable);
        }
        try (Copgraph cg = open(store)) {
            for (ResultFormat f : new ResultFormat[] {ResultFormat.CSV, ResultFormat.ROWS}) {
                var after = cg.queries().answer("events", Map.of(), f, cg.store());
                // Same moment of computation: read back, not computed again.
                assertThat(after.citation()).isEqualTo(before.citation());
                var engine = cg.queries().answerUncached("events", Map.of(), f, cg.store());
                if (f == ResultFormat.CSV) {
                    assertThat(new String(after.body())).isEqualTo(new String(engine.body()));
                }
            }
            for (CuratedQuery q : cg.queries().list()) {
                if (q.parameters().stream().noneMatch(p -> p.required())) {
                    assertThat(new String(cg.queries().answer(q.name(), Map.of(), ResultFormat.TSV, cg.store()).body()))
                            .as(q.name())
                            .isEqualTo(new String(cg.queries().answerUncached(q.name(), Map.of(), ResultFormat.TSV, cg.store()).body()));
                }
            }
        }
    }

    @Test
    void aChangeRetiresThePagesOfTheOldVersion(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        try (Copgraph cg = open(store)) {
            cg.loader().loadSeedIfEmpty();
            cg.queries().precompute(cg.store());
            var before = cg.queries().answer("events", Map.of(), ResultFormat.ROWS, cg.store());
            cg.curation().apply(Loader.BOOTSTRAP, new Change.SparqlUpdate("""
                    PREFIX schema: <http://schema.org/>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/test> {
                      <https://w3id.org/copgraph/id/event/test-gathering> a schema:Event ;
                          rdfs:label "Test gathering"@en ; schema:name "Test gathering"@en ; schema:startDate "2030-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .
                    } }"""));
            var after = cg.queries().answer("events", Map.of(), ResultFormat.ROWS, cg.store());
            assertThat(after.citation().dataVersion()).isNotEqualTo(before.citation().dataVersion());
            assertThat(new String(after.body())).contains("Test gathering");
            cg.queries().precompute(cg.store());
            try (Stream<Path> versions = Files.list(Copgraph.answersDirFor(store))) {
                assertThat(versions).hasSize(1);
            }
        }
        try (Copgraph cg = open(store)) {
            assertThat(new String(cg.queries().answer("events", Map.of(), ResultFormat.ROWS, cg.store()).body()))
                    .contains("Test gathering");
        }
    }

    @Test
    void everyValueOfALongEnumerationIsAcceptedNotOnlyTheFirstListed() {
        Store store = Store.inMemory();
        try (Copgraph cg = Copgraph.on(org.w3id.copgraph.Fixtures.settings(), store)) {
            cg.loader().loadSeedIfEmpty();
            var g = NodeFactory.createURI("https://w3id.org/copgraph/graph/many");
            store.write(d -> {
                for (int i = 0; i < CuratedQueries.MAX_ENUMERATION + 5; i++) {
                    var cop = NodeFactory.createURI("https://w3id.org/copgraph/id/cop/zz-" + String.format("%05d", i));
                    d.add(Quad.create(g, cop, RDF.type.asNode(), NodeFactory.createURI(Cop.NS + "CommunityOfPractice")));
                    d.add(Quad.create(g, cop, RDFS.label.asNode(), NodeFactory.createLiteralString("CoP " + i)));
                }
            });
            var last = "https://w3id.org/copgraph/id/cop/zz-" + String.format("%05d", CuratedQueries.MAX_ENUMERATION + 4);
            assertThat(cg.queries().allowedValues(cg.queries().get("cop-components"),
                    cg.queries().get("cop-components").parameter("cop"), store)).hasSize(CuratedQueries.MAX_ENUMERATION).doesNotContain(last);
            var answer = cg.queries().answer("cop-components", Map.of("cop", last), ResultFormat.CSV, store);
            assertThat(new String(answer.body())).startsWith("component,");
            assertThatThrownBy(() -> cg.queries().answer("cop-components", Map.of("cop", "https://w3id.org/copgraph/id/cop/none"),
                    ResultFormat.CSV, store)).isInstanceOf(Problem.class).hasMessageContaining("must be one of");
        }
    }
}
