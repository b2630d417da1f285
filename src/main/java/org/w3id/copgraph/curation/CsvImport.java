package org.w3id.copgraph.curation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Turns a spreadsheet into statements, one resource per row (the mapping the README documents):
 * <ul>
 * <li>{@code id}: the resource: an IRI, a path {@code /id/kind/slug}, or {@code kind/slug};</li>
 * <li>{@code type}: its classes, as CURIEs such as {@code cop:CommunityOfPractice} ({@code |} between several);</li>
 * <li>any other column is a property named by a CURIE ({@code rdfs:label}, {@code cop:domain}), with an
 * optional {@code @lang} ({@code rdfs:label@it}) or {@code ^^datatype} ({@code schema:startDate^^xsd:date}).
 * A cell starting with {@code http://}, {@code https://} or {@code /id/} is an IRI, anything else a
 * literal; {@code |} separates several values; an empty cell says nothing.</li>
 * </ul>
 */
public final class CsvImport {

    private CsvImport() {
    }

    public static void read(byte[] csv, Node graph, Iris iris, DatasetGraph target) {
        List<Map<String, String>> rows = new ArrayList<>();
        try {
            MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw Problem.badRequest("csv-syntax", "The CSV does not parse: " + e.getMessage());
        }
        int line = 1;
        for (Map<String, String> row : rows) {
            line++;
            String id = row.get("id");
            if (id == null || id.isBlank()) {
                throw Problem.badRequest("csv-mapping", "CSV line " + line + ": every row needs an 'id' (an IRI,"
                        + " /id/kind/slug or kind/slug).");
            }
            Node s = subject(id.strip(), iris, line);
            for (Iterator<Map.Entry<String, String>> cells = row.entrySet().iterator(); cells.hasNext(); ) {
                Map.Entry<String, String> cell = cells.next();
                String header = cell.getKey().strip();
                if (header.equals("id") || cell.getValue() == null || cell.getValue().isBlank()) {
                    continue;
                }
                for (String value : cell.getValue().split("\\|")) {
                    String v = value.strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (header.equals("type")) {
                        target.add(Quad.create(graph, s, RDF.type.asNode(), NodeFactory.createURI(curie(v, line))));
                    } else {
                        target.add(Quad.create(graph, s, property(header, line), object(header, v, iris, line)));
                    }
                }
            }
        }
    }

    private static Node subject(String id, Iris iris, int line) {
        if (id.startsWith("http://") || id.startsWith("https://")) {
            return NodeFactory.createURI(id);
        }
        String path = id.startsWith("/id/") ? id.substring(4) : id;
        if (!path.matches("[a-z-]+/[a-z0-9][a-z0-9-]*")) {
            throw Problem.badRequest("csv-mapping", "CSV line " + line + ": id '" + id + "' is not an IRI, /id/kind/slug"
                    + " or kind/slug (lower-case, hyphenated).");
        }
        return NodeFactory.createURI(iris.base() + "id/" + path);
    }

    private static Node property(String header, int line) {
        String name = header.split("[@^]", 2)[0];
        return NodeFactory.createURI(curie(name, line));
    }

    private static Node object(String header, String v, Iris iris, int line) {
        if (v.startsWith("http://") || v.startsWith("https://")) {
            return NodeFactory.createURI(v);
        }
        if (v.startsWith("/id/")) {
            return NodeFactory.createURI(iris.forPath(v));
        }
        int at = header.indexOf('@');
        if (at > 0) {
            return NodeFactory.createLiteralLang(v, header.substring(at + 1));
        }
        int dt = header.indexOf("^^");
        if (dt > 0) {
            String type = curie(header.substring(dt + 2), line);
            var datatype = TypeMapper.getInstance().getSafeTypeByName(type);
            if (!datatype.isValid(v)) {
                throw Problem.badRequest("csv-mapping", "CSV line " + line + ": '" + v + "' is not a valid " + header.substring(dt + 2) + ".");
            }
            return NodeFactory.createLiteralDT(v, datatype);
        }
        return NodeFactory.createLiteralString(v);
    }

    private static String curie(String c, int line) {
        int colon = c.indexOf(':');
        String ns = colon > 0 ? Cop.PREFIXES.get(c.substring(0, colon)) : null;
        if (c.startsWith("http://") || c.startsWith("https://")) {
            return c;
        }
        if (ns == null) {
            throw Problem.badRequest("csv-mapping", "CSV line " + line + ": '" + c + "' is not a CURIE with a known prefix ("
                    + String.join(", ", new java.util.TreeSet<>(Cop.PREFIXES.keySet())) + ") or a full IRI.");
        }
        return ns + c.substring(colon + 1);
    }
}
