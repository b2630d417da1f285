package org.w3id.copgraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/** The community directory imported whole through mappings/community-directory-es.yaml. */
class ImportsTest {

    static final Path DIRECTORY = Path.of("mappings/community-directory-es/communities.json");

    private static Copgraph cg;
    private static ImportReport report;
    private static final Iris IRIS = Iris.DEFAULT;
    private static final Node GRAPH = NodeFactory.createURI(IRIS.graph("community-directory-es"));

    @BeforeAll
    static void importTheDirectory() throws IOException {
        cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        report = cg.imports().run(Caller.local(), "community-directory-es", Files.readAllBytes(DIRECTORY), null, null, null, n -> { });
    }

    @AfterAll
    static void close() {
        cg.close();
    }

    @Test
    void importsEveryCommunityOfTheDirectory() {
        assertThat(report.records()).isEqualTo(628);
        assertThat(report.created()).isTrue();
        assertThat(report.graph()).isEqualTo(GRAPH.getURI());
        long cops = cg.store().read(d -> d.getGraph(GRAPH).find(Node.ANY, RDF.type.asNode(), uri(Cop.CommunityOfPractice))
                .toList().size());
        assertThat(cops).isEqualTo(628);
        // Status, last review, meeting mode, languages and places with coordinates are kept.
        Node devnull = cop("dev-null-talks");
        Graph g = cg.store().read(d -> copy(d.getGraph(GRAPH)));
        assertThat(g.contains(devnull, uri(Cop.NS + "status"), uri(IRIS.resource("cop-status", "active")))).isTrue();
        assertThat(g.contains(devnull, uri(Cop.NS + "lastReviewed"),
                NodeFactory.createLiteralDT("2024-10-18", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate))).isTrue();
        assertThat(g.contains(devnull, uri(Cop.NS + "meetingMode"), uri("http://schema.org/OfflineEventAttendanceMode"))).isTrue();
        assertThat(g.contains(devnull, uri("http://schema.org/knowsLanguage"), NodeFactory.createLiteralString("es"))).isTrue();
        Node place = g.find(devnull, uri("http://schema.org/location"), Node.ANY).next().getObject();
        assertThat(g.contains(place, uri("http://schema.org/latitude"), Node.ANY)).isTrue();
        assertThat(g.find(place, org.apache.jena.vocabulary.RDFS.label.asNode(), Node.ANY).next().getObject()
                .getLiteralLexicalForm()).isEqualTo("Sevilla");
        // Importing the same file again changes nothing at all.
        int members = memberCount();
        ImportReport again = cg.imports().run(Caller.local(), "community-directory-es", read(DIRECTORY), null, null, null, n -> { });
        assertThat(again.change()).isNull();
        assertThat(again.added() + again.changed() + again.removed()).isZero();
        assertThat(memberCount()).isEqualTo(members);
    }

    @Test
    void tagsBecomeASkosSchemeInSpanishAndEnglish() {
        Node scheme = uri(IRIS.resource("scheme", "community-directory-es-tags"));
        Node csharp = uri(IRIS.resource("community-directory-es-tag", "csharp"));
        Graph g = cg.store().read(d -> copy(d.getGraph(GRAPH)));
        assertThat(g.contains(scheme, RDF.type.asNode(), SKOS.ConceptScheme.asNode())).isTrue();
        assertThat(g.contains(csharp, SKOS.inScheme.asNode(), scheme)).isTrue();
        assertThat(g.contains(csharp, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("C#", "es"))).isTrue();
        assertThat(g.contains(csharp, SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang("C#", "en"))).isTrue();
        assertThat(g.contains(csharp, SKOS.altLabel.asNode(), NodeFactory.createLiteralLang("dotnet", "es"))).isTrue();
        assertThat(g.contains(csharp, SKOS.definition.asNode(), NodeFactory.createLiteralLang(
                "Language in the .NET ecosystem for desktop, web and cloud applications.", "en"))).isTrue();
        assertThat(g.contains(cop("net-foundation-meetups"), DCTerms.subject.asNode(), csharp)).isTrue();
        // Audiences too.
        Node student = uri(IRIS.resource("community-directory-es-audience", "student"));
        assertThat(g.contains(student, SKOS.inScheme.asNode(), uri(IRIS.resource("scheme", "community-directory-es-audiences")))).isTrue();
        assertThat(g.find(student, SKOS.prefLabel.asNode(), Node.ANY).toList()).hasSize(2);
    }

    @Test
    void parentCommunitiesAreLinked() {
        Graph g = cg.store().read(d -> copy(d.getGraph(GRAPH)));
        Node subOrg = uri("http://www.w3.org/ns/org#subOrganizationOf");
        List<org.apache.jena.graph.Triple> links = g.find(Node.ANY, subOrg, Node.ANY).toList();
        // Every parentId of the directory that names a community becomes a link between two of its CoPs.
        assertThat(links).hasSizeGreaterThan(20);
        for (var t : links) {
            assertThat(g.contains(t.getObject(), RDF.type.asNode(), uri(Cop.CommunityOfPractice))).isTrue();
        }
    }

    @Test
    void importedGraphCarriesLicenceAndAttribution() {
        Node meta = uri(IRIS.metaGraph());
        Graph m = cg.store().read(d -> copy(d.getGraph(meta)));
        assertThat(m.contains(GRAPH, DCTerms.license.asNode(), uri("https://creativecommons.org/licenses/by/4.0/"))).isTrue();
        assertThat(m.contains(GRAPH, uri("http://creativecommons.org/ns#attributionName"),
                NodeFactory.createLiteralString("Community Builders (ComBuildersES), communities-directory, CC BY 4.0"))).isTrue();
        assertThat(m.contains(GRAPH, DCTerms.rightsHolder.asNode(), uri("https://github.com/ComBuildersES"))).isTrue();
        // VoID/DCAT names the source graph as a subset, with its licence and attribution.
        Graph voidGraph = cg.harvest().description().describe();
        assertThat(voidGraph.contains(Node.ANY, uri("http://rdfs.org/ns/void#subset"), GRAPH)).isTrue();
        assertThat(voidGraph.contains(GRAPH, DCTerms.license.asNode(), uri("https://creativecommons.org/licenses/by/4.0/"))).isTrue();
        assertThat(voidGraph.contains(GRAPH, uri("http://creativecommons.org/ns#attributionName"), Node.ANY)).isTrue();
    }

    private static int memberCount() {
        return cg.store().read(d -> d.getDefaultGraph().find(Node.ANY, DCTerms.isVersionOf.asNode(), Node.ANY).toList().size());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Node cop(String slug) {
        return uri(IRIS.resource("cop", slug));
    }

    static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    static Graph copy(Graph g) {
        Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(out::add);
        return out;
    }
}
