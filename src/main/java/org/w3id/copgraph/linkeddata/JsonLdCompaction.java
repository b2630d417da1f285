package org.w3id.copgraph.linkeddata;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Compact JSON-LD against copgraph's published context ({@code ontology/context.jsonld}), so
 * partners read {@code "hostedBy": "id:project/urbana"} rather than full IRIs. Jena's JSON-LD
 * 1.1 writer only compacts against its own prefixes, so this drives Titanium (which Jena uses
 * underneath) directly: RDF to expanded JSON-LD, then compaction with the context file.
 */
public final class JsonLdCompaction {

    private final JsonDocument context;
    private final JsonValue inlineContext;

    public JsonLdCompaction(Path contextFile) {
        try (InputStream in = Files.newInputStream(contextFile)) {
            this.context = JsonDocument.of(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JSON-LD context " + contextFile, e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("The JSON-LD context " + contextFile + " is not JSON: " + e.getMessage(), e);
        }
        this.inlineContext = context.getJsonContent().orElseThrow().asJsonObject().get("@context");
    }

    /** The context document itself, as served at {@code /ontology/context.jsonld}. */
    public String contextDocument() {
        return write(context.getJsonContent().orElseThrow().asJsonObject());
    }

    /**
     * The triples of {@code graph} as compact JSON-LD. {@code contextRef} is the URL written as
     * {@code @context} (where partners fetch the context); null embeds the context itself, for
     * readers that fetch nothing (search engines reading a page's script block).
     */
    public String compact(Graph graph, String contextRef) {
        try {
            QuadsToJsonld toJsonLd = JsonLd.fromRdf();
            Iterator<Triple> it = graph.find();
            while (it.hasNext()) {
                Triple t = it.next();
                Node o = t.getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage();
                    toJsonLd.quad(term(t.getSubject()), t.getPredicate().getURI(), o.getLiteralLexicalForm(),
                            o.getLiteralDatatypeURI(), lang.isEmpty() ? null : lang, null, null);
                } else {
                    toJsonLd.quad(term(t.getSubject()), t.getPredicate().getURI(), term(o), null, null, null, null);
                }
            }
            JsonObject compacted = JsonLd.compact(JsonDocument.of(toJsonLd.toJsonLd()), context).get();
            JsonObjectBuilder b = Json.createObjectBuilder();
            b.add("@context", contextRef != null ? Json.createValue(contextRef) : inlineContext);
            for (Map.Entry<String, JsonValue> e : compacted.entrySet()) {
                if (!e.getKey().equals("@context")) {
                    b.add(e.getKey(), e.getValue());
                }
            }
            return write(b.build());
        } catch (JsonLdError | RdfConsumerException e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "") : n.getURI();
    }

    private static String write(JsonObject json) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            w.writeObject(json);
        }
        return out.toString().strip() + "\n";
    }
}
