package org.w3id.copgraph.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;

import jakarta.json.JsonStructure;

import org.w3id.copgraph.model.Iris;

/**
 * The JSON-LD contexts a parse may use: copgraph's own, under every IRI copgraph publishes it at,
 * and nothing else. JSON-LD's default is to fetch any {@code @context} or {@code @import} URL a
 * document names (and read {@code file:} ones); for documents from clients that would make the
 * server fetch, or read, whatever a client asks. Here a context that is not copgraph's is never
 * loaded: the parse fails and {@link Loader#refused()} tells which one, so the client can be told
 * to inline it.
 */
public final class JsonLdContexts {

    /** Where copgraph publishes its context, below the base and below the serving host. */
    public static final String CONTEXT_PATH = "ontology/context.jsonld";

    private static final JsonLdContexts NONE = new JsonLdContexts(Map.of());

    private final Map<String, JsonStructure> known;

    private JsonLdContexts(Map<String, JsonStructure> known) {
        this.known = Map.copyOf(known);
    }

    /** No context is loaded: every {@code @context} must be inline. */
    public static JsonLdContexts none() {
        return NONE;
    }

    /**
     * copgraph's context from {@code contextFile} (as served at {@code /ontology/context.jsonld}),
     * under the base's IRI for it and under the default base's (the IRI data files are written against).
     */
    public static JsonLdContexts copgraph(Iris iris, Path contextFile) {
        JsonStructure json;
        try (InputStream in = Files.newInputStream(contextFile)) {
            json = JsonDocument.of(in).getJsonContent().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JSON-LD context " + contextFile, e);
        } catch (JsonLdError e) {
            throw new IllegalStateException("The JSON-LD context " + contextFile + " is not JSON: " + e.getMessage(), e);
        }
        Map<String, JsonStructure> m = new LinkedHashMap<>();
        for (String base : new String[] {iris.base(), Iris.DEFAULT_BASE}) {
            m.put(base + CONTEXT_PATH, json);
            // w3id.org answers on http too; a document may name either.
            m.put(base.replaceFirst("^https:", "http:") + CONTEXT_PATH, json);
        }
        return new JsonLdContexts(m);
    }

    /** These contexts, with copgraph's also known at {@code iri} (such as the serving host's URL for it). */
    public JsonLdContexts alsoAt(String iri) {
        JsonStructure ours = known.get(Iris.DEFAULT_BASE + CONTEXT_PATH);
        if (ours == null || known.containsKey(iri)) {
            return this;
        }
        Map<String, JsonStructure> m = new LinkedHashMap<>(known);
        m.put(iri, ours);
        return new JsonLdContexts(m);
    }

    /** A loader for one parse, which remembers the first context it refused. */
    public Loader loader() {
        return new Loader();
    }

    /** Serves the known contexts from memory and refuses every other URL, without a connection. */
    public final class Loader implements DocumentLoader {

        private volatile String refused;

        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            JsonStructure json = known.get(url.toString());
            if (json == null) {
                if (refused == null) {
                    refused = url.toString();
                }
                throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                        "copgraph loads no remote JSON-LD context: " + url);
            }
            JsonDocument doc = JsonDocument.of(MediaType.JSON_LD, json);
            doc.setDocumentUrl(url);
            return doc;
        }

        /** JSON-LD options that load contexts through this loader only. */
        public JsonLdOptions options() {
            return new JsonLdOptions(this);
        }

        /** The first context URL refused, or null. */
        public String refused() {
            return refused;
        }
    }
}
