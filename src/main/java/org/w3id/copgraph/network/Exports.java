package org.w3id.copgraph.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link View} as GraphML, GEXF, CSV or Cytoscape JSON. Every format carries the same
 * attributes: per node its IRI, label, type and metrics; per edge its kinds, weight, first date,
 * reasons and source graphs.
 */
public final class Exports {

    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    static final String GEXF_NS = "http://gexf.net/1.3";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Exports() {
    }

    /** @param pathOf the path on the serving host of an IRI (for links back), or null to omit */
    public static void write(View view, ExportFormat format, OutputStream out, Function<String, String> pathOf) {
        try {
            switch (format) {
                case GRAPHML -> graphml(view, out);
                case GEXF -> gexf(view, out);
                case CSV -> {
                    csvNodes(view, out);
                    out.write('\n');
                    csvEdges(view, out);
                }
                case JSON -> JSON.writeValue(out, cytoscape(view, pathOf));
                case KUMU -> KumuBlueprint.write(view, null, iri -> KumuBlueprint.Details.NONE, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
    }

    // ---------------------------------------------------------------- attributes shared by all formats

    private record Attr(String id, String type, Function<NodeRow, Object> value) {
    }

    private record NodeRow(Node node, NodeMetrics m) {
    }

    private static final List<Attr> NODE_ATTRS = List.of(
            new Attr("iri", "string", r -> r.node.iri()),
            new Attr("type", "string", r -> r.node.type().id()),
            new Attr("degree", "int", r -> r.m == null ? null : r.m.degree()),
            new Attr("weightedDegree", "double", r -> r.m == null ? null : r.m.weightedDegree()),
            new Attr("betweenness", "double", r -> r.m == null ? null : r.m.betweenness()),
            new Attr("closeness", "double", r -> r.m == null ? null : r.m.closeness()),
            new Attr("clustering", "double", r -> r.m == null ? null : r.m.clustering()),
            new Attr("community", "int", r -> r.m == null ? null : r.m.community()),
            new Attr("articulationPoint", "boolean", r -> r.m == null ? null : r.m.articulationPoint()));

    private record EdgeAttr(String id, String type, Function<Edge, Object> value) {
    }

    private static final List<EdgeAttr> EDGE_ATTRS = List.of(
            new EdgeAttr("kinds", "string", e -> e.kinds().stream().map(LinkKind::id).collect(Collectors.joining(" "))),
            new EdgeAttr("date", "string", e -> e.firstDate() == null ? null : e.firstDate().toString()),
            new EdgeAttr("reasons", "string", e -> e.reasons().stream().map(Reason::text).collect(Collectors.joining(" | "))),
            new EdgeAttr("sources", "string", e -> e.reasons().stream().flatMap(r -> r.sources().stream()).distinct()
                    .collect(Collectors.joining(" "))));

    private static List<NodeRow> rows(View view) {
        List<NodeRow> rows = new ArrayList<>();
        view.nodes().values().forEach(n -> rows.add(new NodeRow(n, view.metrics().get(n.iri()))));
        return rows;
    }

    // ---------------------------------------------------------------- GraphML 1.0

    static void graphml(View view, OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("graphml");
        x.writeDefaultNamespace(GRAPHML_NS);
        x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                GRAPHML_NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        key(x, "label", "node", "string");
        for (Attr a : NODE_ATTRS) {
            key(x, a.id, "node", a.type);
        }
        key(x, "weight", "edge", "double");
        for (EdgeAttr a : EDGE_ATTRS) {
            key(x, a.id, "edge", a.type);
        }
        x.writeStartElement("graph");
        x.writeAttribute("id", "G");
        x.writeAttribute("edgedefault", view.directed() ? "directed" : "undirected");
        // GraphML ids are NMTOKENs, which cannot hold an IRI's slashes: number the nodes, keep the IRI as data.
        Map<String, String> ids = new java.util.HashMap<>();
        for (NodeRow r : rows(view)) {
            String id = "n" + ids.size();
            ids.put(r.node.iri(), id);
            x.writeStartElement("node");
            x.writeAttribute("id", id);
            data(x, "label", r.node.label());
            for (Attr a : NODE_ATTRS) {
                data(x, a.id, a.value.apply(r));
            }
            x.writeEndElement();
        }
        for (Edge e : view.edges()) {
            x.writeStartElement("edge");
            x.writeAttribute("id", e.id());
            x.writeAttribute("source", ids.get(e.source()));
            x.writeAttribute("target", ids.get(e.target()));
            data(x, "weight", e.weight());
            for (EdgeAttr a : EDGE_ATTRS) {
                data(x, a.id, a.value.apply(e));
            }
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
    }

    private static void key(XMLStreamWriter x, String id, String forWhat, String type) throws XMLStreamException {
        x.writeStartElement("key");
        x.writeAttribute("id", forWhat.charAt(0) + "_" + id);
        x.writeAttribute("for", forWhat);
        x.writeAttribute("attr.name", id);
        x.writeAttribute("attr.type", type);
        x.writeEndElement();
    }

    private static void data(XMLStreamWriter x, String key, Object value) throws XMLStreamException {
        if (key == null || value == null) {
            return;
        }
        x.writeStartElement("data");
        x.writeAttribute("key", (key.equals("weight") || EDGE_ATTRS.stream().anyMatch(a -> a.id.equals(key)) ? "e_" : "n_") + key);
        x.writeCharacters(String.valueOf(value));
        x.writeEndElement();
    }

    // ---------------------------------------------------------------- GEXF 1.3

    static void gexf(View view, OutputStream out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeStartElement("gexf");
        x.writeDefaultNamespace(GEXF_NS);
        x.writeAttribute("version", "1.3");
        x.writeStartElement("meta");
        x.writeAttribute("lastmodifieddate", LocalDate.now().toString());
        element(x, "creator", "copgraph");
        element(x, "description", view.title());
        x.writeEndElement();
        x.writeStartElement("graph");
        x.writeAttribute("defaultedgetype", view.directed() ? "directed" : "undirected");
        x.writeAttribute("mode", "static");
        x.writeStartElement("attributes");
        x.writeAttribute("class", "node");
        for (int i = 0; i < NODE_ATTRS.size(); i++) {
            gexfAttribute(x, i, NODE_ATTRS.get(i).id, NODE_ATTRS.get(i).type);
        }
        x.writeEndElement();
        x.writeStartElement("attributes");
        x.writeAttribute("class", "edge");
        for (int i = 0; i < EDGE_ATTRS.size(); i++) {
            gexfAttribute(x, i, EDGE_ATTRS.get(i).id, EDGE_ATTRS.get(i).type);
        }
        x.writeEndElement();
        x.writeStartElement("nodes");
        for (NodeRow r : rows(view)) {
            x.writeStartElement("node");
            x.writeAttribute("id", r.node.iri());
            x.writeAttribute("label", r.node.label());
            x.writeStartElement("attvalues");
            for (int i = 0; i < NODE_ATTRS.size(); i++) {
                attvalue(x, i, NODE_ATTRS.get(i).value.apply(r));
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeStartElement("edges");
        for (Edge e : view.edges()) {
            x.writeStartElement("edge");
            x.writeAttribute("id", e.id());
            x.writeAttribute("source", e.source());
            x.writeAttribute("target", e.target());
            x.writeAttribute("weight", String.valueOf(e.weight()));
            x.writeStartElement("attvalues");
            for (int i = 0; i < EDGE_ATTRS.size(); i++) {
                attvalue(x, i, EDGE_ATTRS.get(i).value.apply(e));
            }
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndDocument();
        x.close();
    }

    private static void gexfAttribute(XMLStreamWriter x, int id, String title, String type) throws XMLStreamException {
        x.writeStartElement("attribute");
        x.writeAttribute("id", String.valueOf(id));
        x.writeAttribute("title", title);
        x.writeAttribute("type", type.equals("int") ? "integer" : type);
        x.writeEndElement();
    }

    private static void attvalue(XMLStreamWriter x, int id, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        x.writeStartElement("attvalue");
        x.writeAttribute("for", String.valueOf(id));
        x.writeAttribute("value", String.valueOf(value));
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    // ---------------------------------------------------------------- CSV (Gephi's column names)

    public static void csvNodes(View view, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder("Id,Label");
        NODE_ATTRS.forEach(a -> b.append(',').append(a.id));
        b.append('\n');
        for (NodeRow r : rows(view)) {
            b.append(csv(r.node.iri())).append(',').append(csv(r.node.label()));
            for (Attr a : NODE_ATTRS) {
                b.append(',').append(csv(a.value.apply(r)));
            }
            b.append('\n');
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static void csvEdges(View view, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder("Id,Source,Target,Type,Weight");
        EDGE_ATTRS.forEach(a -> b.append(',').append(a.id));
        b.append('\n');
        for (Edge e : view.edges()) {
            b.append(e.id()).append(',').append(csv(e.source())).append(',').append(csv(e.target())).append(',')
                    .append(view.directed() ? "Directed" : "Undirected").append(',').append(e.weight());
            for (EdgeAttr a : EDGE_ATTRS) {
                b.append(',').append(csv(a.value.apply(e)));
            }
            b.append('\n');
        }
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---------------------------------------------------------------- Cytoscape JSON

    public static Map<String, Object> cytoscape(View view, Function<String, String> pathOf) {
        List<Object> nodes = new ArrayList<>();
        for (NodeRow r : rows(view)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", r.node.iri());
            d.put("label", r.node.label());
            for (Attr a : NODE_ATTRS) {
                Object v = a.value.apply(r);
                if (v != null) {
                    d.put(a.id, v);
                }
            }
            if (pathOf != null && pathOf.apply(r.node.iri()) != null) {
                d.put("path", pathOf.apply(r.node.iri()));
            }
            Integer more = view.more().get(r.node.iri());
            if (more != null) {
                d.put("more", more);
            }
            nodes.add(Map.of("data", d));
        }
        List<Object> edges = new ArrayList<>();
        for (Edge e : view.edges()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", e.id());
            d.put("source", e.source());
            d.put("target", e.target());
            d.put("directed", e.directed());
            d.put("weight", e.weight());
            d.put("kinds", e.kinds().stream().map(LinkKind::id).toList());
            if (e.firstDate() != null) {
                d.put("date", e.firstDate().toString());
            }
            d.put("reasons", e.reasons().stream().map(Exports::reason).toList());
            edges.add(Map.of("data", d));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format_version", "1.0");
        out.put("generated_by", "copgraph");
        out.put("data", Map.of("name", view.title(), "directed", view.directed(), "notes", view.notes()));
        out.put("elements", Map.of("nodes", nodes, "edges", edges));
        return out;
    }

    public static Map<String, Object> reason(Reason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().id());
        m.put("text", r.text());
        if (r.via() != null) {
            m.put("via", r.via());
        }
        if (r.date() != null) {
            m.put("date", r.date().toString());
        }
        m.put("sources", r.sources());
        if (r.evidence() != null) {
            m.put("evidence", r.evidence().id());
        }
        return m;
    }
}
