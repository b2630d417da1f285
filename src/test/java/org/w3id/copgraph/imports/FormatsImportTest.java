package org.w3id.copgraph.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.network.KumuBlueprint;
import org.w3id.copgraph.network.LinkKind;
import org.w3id.copgraph.network.Neighbourhood;
import org.w3id.copgraph.network.NodeType;
import org.w3id.copgraph.network.Projection;
import org.w3id.copgraph.network.View;
import org.w3id.copgraph.network.Window;
import org.w3id.copgraph.store.Store;

/** mappings/kumu.yaml and mappings/murmurations.yaml: what copgraph exports in those formats imports back. */
class FormatsImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";
    private static final String ECOLISE = "https://w3id.org/copgraph/id/organisation/ecolise";
    private static Copgraph cg;

    @BeforeAll
    static void seed() {
        cg = Copgraph.on(Fixtures.settings(), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
    }

    @AfterAll
    static void close() {
        cg.close();
    }

    @Test
    void kumuBlueprintRoundTrips() throws Exception {
        Neighbourhood n = cg.network().neighbourhood(URBANA, 1, EnumSet.allOf(LinkKind.class), EnumSet.allOf(NodeType.class),
                Projection.RESOURCES, Window.ALWAYS, 100);
        View view = View.of(n, Projection.RESOURCES, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KumuBlueprint.write(view, cg.network().facts(), cg.store(), 60_000, out);
        JsonNode blueprint = JSON.readTree(out.toByteArray());
        assertThat(blueprint.get("connections")).isNotEmpty();

        String graph = "https://w3id.org/copgraph/graph/kumu-round-trip";
        ImportReport report = cg.imports().run(Caller.local(), "kumu", out.toByteArray(), graph, null, null, i -> { });
        assertThat(report.records()).isEqualTo(blueprint.get("elements").size());
        Graph g = graph(graph);
        for (JsonNode e : blueprint.get("elements")) {
            Node element = uri(e.get("id").asText());
            assertThat(g.contains(element, RDFS.label.asNode(), NodeFactory.createLiteralString(e.get("label").asText())))
                    .as(e.toString()).isTrue();
        }
        assertThat(g.contains(uri(URBANA), RDF.type.asNode(), uri(Cop.CommunityOfPractice))).isTrue();
        assertThat(g.contains(uri(URBANA), uri("https://w3id.org/copgraph/ns/kumu#type"),
                NodeFactory.createLiteralString("Community of Practice"))).isTrue();
        for (JsonNode c : blueprint.get("connections")) {
            assertThat(g.contains(uri(c.get("from").asText()), DCTerms.relation.asNode(), uri(c.get("to").asText())))
                    .as(c.toString()).isTrue();
        }
        // The blueprint's own ids came back as the resources' IRIs: no new resource was minted.
        assertThat(g.find(Node.ANY, RDFS.label.asNode(), Node.ANY).toList()).allMatch(t -> !t.getSubject().getURI().contains("kumu-element"));
    }

    @Test
    void murmurationsProfilesImport() throws Exception {
        List<Object> profiles = new ArrayList<>();
        profiles.add(cg.linkedData().murmurations().of(URBANA, iri -> iri));
        profiles.add(cg.linkedData().murmurations().of(ECOLISE, iri -> iri));
        byte[] array = JSON.writeValueAsBytes(profiles);
        String graph = "https://w3id.org/copgraph/graph/murmurations-round-trip";
        ImportReport report = cg.imports().run(Caller.local(), "murmurations", array, graph, null, null, i -> { });
        assertThat(report.records()).isEqualTo(2);
        Graph g = graph(graph);
        assertThat(g.contains(uri(URBANA), RDFS.label.asNode(), NodeFactory.createLiteralString("UrbanA Community of Practice"))).isTrue();
        assertThat(g.contains(uri(URBANA), DCTerms.relation.asNode(), uri("https://w3id.org/copgraph/id/project/urbana"))).isTrue();
        assertThat(g.contains(uri(URBANA), uri("http://schema.org/keywords"), NodeFactory.createLiteralString("community of practice"))).isTrue();

        // The index's answer: {"data": [...]}, profiles published elsewhere, with a place.
        String index = """
                {"data": [{"name": "Fermentos Comunes", "primary_url": "https://fermentos.example.org/",
                           "profile_url": "https://fermentos.example.org/murmurations.json",
                           "linked_schemas": ["organizations_schema-v1.0.0"], "tags": ["food", "commons"],
                           "geolocation": {"lat": 40.4168, "lon": -3.7038}, "locality": "Madrid", "country": "ES",
                           "status": "posted", "last_updated": 1700000000}],
                 "meta": {"number_of_results": 1, "total_pages": 1}}""";
        String other = "https://w3id.org/copgraph/graph/murmurations-index";
        ImportReport indexed = cg.imports().run(Caller.local(), "murmurations", index.getBytes(StandardCharsets.UTF_8), other, null, null, i -> { });
        assertThat(indexed.records()).isEqualTo(1);
        Graph h = graph(other);
        Node org = uri("https://w3id.org/copgraph/id/organisation/fermentos-comunes");
        assertThat(h.contains(org, RDF.type.asNode(), uri("http://www.w3.org/ns/org#Organization"))).isTrue();
        assertThat(h.contains(org, uri("http://xmlns.com/foaf/0.1/homepage"), uri("https://fermentos.example.org/"))).isTrue();
        assertThat(h.contains(org, uri("http://schema.org/keywords"), NodeFactory.createLiteralString("commons"))).isTrue();
        Node place = h.find(org, uri("http://schema.org/location"), Node.ANY).next().getObject();
        assertThat(h.find(place, uri("http://schema.org/latitude"), Node.ANY).next().getObject().getLiteralLexicalForm()).isEqualTo("40.4168");
        assertThat(h.contains(place, uri("http://schema.org/addressCountry"), NodeFactory.createLiteralString("ES"))).isTrue();
        assertThat(h.contains(org, uri("https://w3id.org/copgraph/ns/murmurations#status"), NodeFactory.createLiteralString("posted"))).isTrue();
    }

    private static Graph graph(String iri) {
        return cg.store().read(d -> {
            Graph copy = GraphFactory.createDefaultGraph();
            d.getGraph(uri(iri)).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
