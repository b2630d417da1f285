package org.w3id.copgraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Home;
import org.w3id.copgraph.Settings;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Backup;
import org.w3id.copgraph.store.RdfFiles;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.TextFields;

/** The text index follows the data through every way the data changes. */
class TextIndexTest {

    private static final String COP = "https://w3id.org/copgraph/id/cop/lantern-makers";
    private static final String PREFIXES = """
            PREFIX cop: <https://w3id.org/copgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    private static void update(Copgraph cg, String body) {
        cg.curation().apply(Caller.local(), new Change.SparqlUpdate(PREFIXES + body));
    }

    private static void addLanternMakers(Copgraph cg) {
        update(cg, """
                INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/test> {
                  <%s> a cop:CommunityOfPractice , <http://xmlns.com/foaf/0.1/Group> , <http://www.w3.org/ns/org#Organization> ;
                    rdfs:label "Lantern Makers"@en , "Costruttori di lanterne"@it ;
                    skos:altLabel "Lanternisti"@it ;
                    dcterms:description "Neighbours who build paper lanterns for the winter solstice walk."@en .
                } }""".formatted(COP));
    }

    private static List<String> iris(Copgraph cg, String text) {
        return cg.textSearch().find(text, 50).stream().map(TextSearch.Hit::iri).toList();
    }

    @Test
    void aLabelWrittenThroughCurationIsFoundRightAfterTheWrite() {
        try (Copgraph cg = Fixtures.fresh(null)) {
            assertThat(cg.textSearch().indexed()).isTrue();
            assertThat(iris(cg, "lantern")).isEmpty();
            addLanternMakers(cg);
            assertThat(cg.textSearch().find("Lantern Makers", 5)).first()
                    .satisfies(h -> {
                        assertThat(h.iri()).isEqualTo(COP);
                        assertThat(h.label()).isEqualTo("Lantern Makers");
                    });
            // A word of the description, and a prefix of a word of the name.
            assertThat(iris(cg, "solstice")).containsExactly(COP);
            assertThat(iris(cg, "lant")).containsExactly(COP);
        }
    }

    @Test
    void aQueryOnOneSubjectSeesTheLastWriteAndOnlyThatSubject() {
        // ?s bound before text:query: jena-text filters on the subject; copgraph answers it from
        // the shared readers like every other text:query, so it must see a write at once.
        try (Copgraph cg = Fixtures.fresh(null)) {
            String ask = PREFIXES + """
                    PREFIX text: <http://jena.apache.org/text#>
                    SELECT ?s ?lit WHERE { VALUES ?s { <%s> <https://w3id.org/copgraph/id/cop/urbana> }
                      ?s text:query (rdfs:label skos:altLabel "lantern*" 10) ; rdfs:label ?lit }""".formatted(COP);
            assertThat(subjects(cg.store(), ask)).isEmpty();
            addLanternMakers(cg);
            assertThat(subjects(cg.store(), ask)).containsExactly(COP);
        }
    }

    private static Set<String> subjects(Store store, String query) {
        return store.query(QueryFactory.create(query), BindingFactory.empty(), 60_000, exec -> {
            Set<String> out = new TreeSet<>();
            exec.select().forEachRemaining(r -> out.add(r.get("s").getURI()));
            return out;
        });
    }

    @Test
    void italianAndEnglishLabelsAreBothFound() {
        try (Copgraph cg = Fixtures.fresh(null)) {
            addLanternMakers(cg);
            assertThat(iris(cg, "costruttori")).containsExactly(COP);
            assertThat(iris(cg, "lanternisti")).containsExactly(COP);
            assertThat(iris(cg, "makers")).contains(COP);
            // A plural finds the singular, accents are not needed.
            assertThat(iris(cg, "lantern maker")).containsExactly(COP);
            assertThat(iris(cg, "costruttori lanterne")).containsExactly(COP);
            assertThat(cg.textSearch().find("costruttori di lanterne", 5).get(0).label()).isEqualTo("Costruttori di lanterne");
        }
    }

    @Test
    void aRemovedLabelIsNoLongerFound() {
        try (Copgraph cg = Fixtures.fresh(null)) {
            addLanternMakers(cg);
            update(cg, """
                    DELETE DATA { GRAPH <https://w3id.org/copgraph/graph/test> { <%s> rdfs:label "Costruttori di lanterne"@it } }"""
                    .formatted(COP));
            assertThat(iris(cg, "costruttori")).isEmpty();
            assertThat(iris(cg, "lantern")).containsExactly(COP);
            update(cg, "DROP GRAPH <https://w3id.org/copgraph/graph/test>");
            assertThat(iris(cg, "lantern")).isEmpty();
            assertThat(iris(cg, "solstice")).isEmpty();
            assertThat(indexedEntries(cg.store())).isEqualTo(dataEntries(cg.store()));
        }
    }

    @Test
    void aRefusedWriteLeavesNothingInTheIndex() {
        try (Copgraph cg = Fixtures.fresh(null)) {
            // No types: the shapes refuse it, and the transaction (index included) is rolled back.
            try {
                update(cg, """
                        INSERT DATA { GRAPH <https://w3id.org/copgraph/graph/test> {
                          <%s> a cop:CommunityOfPractice ; cop:domain "not a concept" ; rdfs:label "Refused Lanterns"@en } }"""
                        .formatted(COP));
            } catch (RuntimeException expected) {
                // refused, as it should be
            }
            assertThat(iris(cg, "refused")).isEmpty();
            assertThat(indexedEntries(cg.store())).isEqualTo(dataEntries(cg.store()));
        }
    }

    @Test
    void aRestoreLeavesTheIndexMatchingTheData() {
        try (Copgraph cg = Fixtures.fresh(null)) {
            ByteArrayOutputStream backup = new ByteArrayOutputStream();
            Backup.write(cg.store(), backup);
            addLanternMakers(cg);
            update(cg, "DELETE WHERE { GRAPH ?g { ?s skos:altLabel \"BLAST Communities of Practice guide\"@en } }");
            assertThat(cg.textSearch().find("BLAST Communities of Practice guide", 50))
                    .noneMatch(h -> h.label().equals("BLAST Communities of Practice guide"));

            cg.curation().restore(Caller.local(), Backup.read(new ByteArrayInputStream(backup.toByteArray()), false).data(), false);

            assertThat(iris(cg, "lantern")).isEmpty();
            assertThat(cg.textSearch().find("BLAST Communities of Practice guide", 5).get(0).label())
                    .isEqualTo("BLAST Communities of Practice guide");
            assertThat(indexedEntries(cg.store())).isEqualTo(dataEntries(cg.store()));
        }
    }

    @Test
    void aBulkLoadIsIndexed(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.nq");
        Home home = Home.current();
        try (OutputStream os = Files.newOutputStream(data)) {
            RDFDataMgr.write(os, RdfFiles.read(List.of(home.ontology(), home.data()), Iris.DEFAULT), Lang.NQUADS);
        }
        try (Copgraph cg = Copgraph.open(Settings.defaults().withStore(dir.resolve("store")))) {
            cg.loader().bulkLoadFiles(Caller.local(), List.of(data), null);
            assertThat(cg.textSearch().find("Transition Network", 5).get(0).label()).isEqualTo("Transition Network");
            assertThat(indexedEntries(cg.store())).isNotEmpty().isEqualTo(dataEntries(cg.store()));
        }
    }

    private static final Set<String> DERIVED = Set.of("https://w3id.org/copgraph/graph/network-metrics",
            "https://w3id.org/copgraph/graph/suggestions", "https://w3id.org/copgraph/graph/derived-test");

    @Test
    void textsOfADerivedGraphAreNotIndexedAndAReopenedStoreAgrees(@TempDir Path dir) {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            cg.store().writeDerived("https://w3id.org/copgraph/graph/derived-test", d -> d.add(Quad.create(
                    org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/graph/derived-test"),
                    org.apache.jena.graph.NodeFactory.createURI(COP + "/reason/1"), org.apache.jena.vocabulary.RDFS.comment.asNode(),
                    org.apache.jena.graph.NodeFactory.createLiteralLang("Both make zebra lanterns", "en"))));
            assertThat(iris(cg, "zebra")).isEmpty();
        }
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(indexedEntries(cg.store())).as("no reindex needed: the count check leaves derived graphs out too")
                    .isEqualTo(dataEntries(cg.store()));
            assertThat(iris(cg, "zebra")).isEmpty();
        }
    }

    @Test
    void aReopenedStoreKeepsItsIndex(@TempDir Path dir) {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        Set<String> before;
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            addLanternMakers(cg);
            before = indexedEntries(cg.store());
        }
        assertThat(dir.resolve("store").resolve("text-index")).isDirectory();
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(indexedEntries(cg.store())).isEqualTo(before).isEqualTo(dataEntries(cg.store()));
            assertThat(iris(cg, "lanternisti")).containsExactly(COP);
        }
    }

    @Test
    void aStoreWithoutAnIndexIsIndexedWhenOpened(@TempDir Path dir) throws Exception {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
            addLanternMakers(cg);
        }
        // As a store written by a copgraph from before the index: no text-index directory.
        try (var files = Files.walk(dir.resolve("store").resolve("text-index"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(iris(cg, "lanternisti")).containsExactly(COP);
            assertThat(indexedEntries(cg.store())).isEqualTo(dataEntries(cg.store()));
        }
    }

    @Test
    void aStoreChangedPastItsIndexIsIndexedAgainWhenOpened(@TempDir Path dir) {
        Settings settings = Settings.defaults().withStore(dir.resolve("store"));
        try (Copgraph cg = Copgraph.open(settings)) {
            cg.loader().loadSeedIfEmpty();
        }
        // As if the process had died between the data's commit and the index's: the data holds the
        // write and its new data version (the write path changes both in one commit), the index neither.
        var tdb = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(dir.resolve("store").toString());
        var self = org.apache.jena.graph.NodeFactory.createURI("urn:copgraph:store");
        var modified = org.apache.jena.vocabulary.DCTerms.modified.asNode();
        org.apache.jena.system.Txn.executeWrite(tdb, () -> {
            tdb.add(Quad.create(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/copgraph/graph/test"),
                    org.apache.jena.graph.NodeFactory.createURI(COP), org.apache.jena.vocabulary.RDFS.label.asNode(),
                    org.apache.jena.graph.NodeFactory.createLiteralLang("Lantern Makers", "en")));
            tdb.getDefaultGraph().remove(self, modified, null);
            tdb.getDefaultGraph().add(org.apache.jena.graph.Triple.create(self, modified, org.apache.jena.graph.NodeFactory
                    .createLiteralDT(java.time.Instant.now().toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime)));
        });
        org.apache.jena.tdb2.sys.TDBInternal.expel(tdb);
        try (Copgraph cg = Copgraph.open(settings)) {
            assertThat(iris(cg, "lantern")).containsExactly(COP);
            assertThat(indexedEntries(cg.store())).isEqualTo(dataEntries(cg.store()));
        }
    }

    /** Every entry of the index, as "subject field text@lang". */
    static Set<String> indexedEntries(Store store) {
        var q = QueryFactory.create(PREFIXES + """
                PREFIX text: <http://jena.apache.org/text#>
                SELECT ?s ?lit ?p WHERE { (?s ?score ?lit ?g ?p) text:query (rdfs:label skos:altLabel dcterms:description "*" 1000000) }""");
        return store.query(q, BindingFactory.empty(), 60_000, exec -> {
            Set<String> out = new TreeSet<>();
            exec.select().forEachRemaining(r -> out.add(entry(r.get("s"), TextFields.of(r.get("p")), r.get("lit"))));
            return out;
        });
    }

    /** What the index should hold: every statement of an indexed property in the named graphs. */
    static Set<String> dataEntries(Store store) {
        return store.read(d -> {
            Set<String> out = new TreeSet<>();
            for (Node p : TextFields.allProperties()) {
                d.findNG(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining((Quad q) -> {
                    // The index holds words: a text without any letter or digit matches no query.
                    // Derived graphs (metrics, suggestions) are kept out of it.
                    if (q.getObject().isLiteral() && !DERIVED.contains(q.getGraph().getURI()) && q.getObject().getLiteralLexicalForm().codePoints().anyMatch(Character::isLetterOrDigit)) {
                        out.add(entry(q.getSubject(), TextFields.of(p), q.getObject()));
                    }
                });
            }
            return out;
        });
    }

    private static String entry(Node s, TextFields kind, Node lit) {
        return s + " " + kind + " " + lit.getLiteralLexicalForm() + "@" + lit.getLiteralLanguage();
    }
}
