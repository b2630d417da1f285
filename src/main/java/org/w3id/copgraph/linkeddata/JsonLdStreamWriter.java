package org.w3id.copgraph.linkeddata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes triples as expanded JSON-LD ({@code {"@graph": [node objects]}}) one at a time.
 * Jena's JSON-LD writers build the whole document in memory first; a dump must stream, and
 * expanded form with full IRIs needs no context processing to read back. Consecutive triples of
 * one subject share a node object (the store hands them out grouped by subject); a subject or a
 * property seen again later simply opens another node object, which JSON-LD merges on reading.
 */
final class JsonLdStreamWriter implements AutoCloseable {

    private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
    private static final String LANG_STRING = RDF.langString.getURI();

    private final JsonGenerator json;
    private Node subject;
    private Node predicate;
    private final Set<Node> predicatesInNode = new HashSet<>();

    JsonLdStreamWriter(OutputStream out) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.writeStartObject();
            json.writeArrayFieldStart("@graph");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void triple(Triple t) {
        try {
            Node s = t.getSubject();
            Node p = t.getPredicate();
            if (!s.equals(subject) || (!p.equals(predicate) && predicatesInNode.contains(p))) {
                closeNode();
                json.writeStartObject();
                json.writeStringField("@id", id(s));
                subject = s;
            }
            if (!p.equals(predicate)) {
                if (predicate != null) {
                    json.writeEndArray();
                }
                json.writeArrayFieldStart(p.getURI());
                predicate = p;
                predicatesInNode.add(p);
            }
            object(t.getObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void object(Node o) throws IOException {
        json.writeStartObject();
        if (o.isLiteral()) {
            json.writeStringField("@value", o.getLiteralLexicalForm());
            String lang = o.getLiteralLanguage();
            String dt = o.getLiteralDatatypeURI();
            if (lang != null && !lang.isEmpty()) {
                json.writeStringField("@language", lang);
            } else if (dt != null && !dt.equals(XSD_STRING) && !dt.equals(LANG_STRING)) {
                json.writeStringField("@type", dt);
            }
        } else {
            json.writeStringField("@id", id(o));
        }
        json.writeEndObject();
    }

    private static String id(Node n) {
        if (!n.isBlank()) {
            return n.getURI();
        }
        String label = n.getBlankNodeLabel();
        // Labels are kept when plainly safe, hex-encoded otherwise, so distinct nodes stay distinct.
        return label.matches("[A-Za-z0-9]+") ? "_:b" + label
                : "_:x" + java.util.HexFormat.of().formatHex(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void closeNode() throws IOException {
        if (subject != null) {
            json.writeEndArray();
            json.writeEndObject();
        }
        subject = null;
        predicate = null;
        predicatesInNode.clear();
    }

    @Override
    public void close() {
        try {
            closeNode();
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
