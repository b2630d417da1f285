package org.w3id.copgraph.web;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Change;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.CsvImport;
import org.w3id.copgraph.store.JsonLdContexts;
import org.w3id.copgraph.store.RdfFiles;

/**
 * Writes over HTTP, each handed to the one write path: SPARQL Update at {@code /update}, the
 * Graph Store Protocol at {@code /data}, and uploads at {@code /api/imports}. The caller's role
 * was checked by the route group's before-handler (see {@link Auth}) before any body is read here.
 */
final class WriteRoutes {

    private static final List<Lang> GRAPH_FORMATS = List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML);
    /**
     * What a client may upload: the text formats people write and tools export. Binary RDF (Thrift,
     * Protobuf) is a store-to-store format whose length fields a client controls; it is refused.
     */
    private static final List<Lang> TRIPLE_UPLOADS = List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML);
    private static final List<Lang> QUAD_UPLOADS = List.of(Lang.TRIG, Lang.NQUADS);

    private final Copgraph cg;
    private final JsonLdContexts contexts;

    WriteRoutes(Copgraph cg) {
        this.cg = cg;
        this.contexts = JsonLdContexts.copgraph(cg.settings().iris(), cg.settings().home().ontology().resolve("context.jsonld"));
    }

    void update(Context ctx) {
        requireUtf8(ctx);
        String type = mediaType(ctx);
        String request;
        if (type.equals("application/sparql-update")) {
            // SPARQL Update is UTF-8 by definition (a charset naming anything else was refused above).
            request = new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } else if (type.equals("application/x-www-form-urlencoded")) {
            request = ctx.formParam("update");
        } else {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the update as application/sparql-update, or as the form field 'update'.");
        }
        if (request == null || request.isBlank()) {
            throw Problem.badRequest("missing-update", "No update given: send it as the body (application/sparql-update)"
                    + " or as the form field 'update'.");
        }
        respond(ctx, cg.curation().apply(Auth.caller(ctx), new Change.SparqlUpdate(request)));
    }

    void getGraph(Context ctx) {
        Node g = graphParam(ctx, false);
        Lang lang = Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), GRAPH_FORMATS,
                l -> l.getHeaderString(), l -> l.getFileExtensions().get(0));
        Graph copy = cg.store().read(d -> {
            Graph src = g == null ? d.getUnionGraph() : d.getGraph(g);
            Graph out = GraphFactory.createDefaultGraph();
            src.find().forEachRemaining(out::add);
            return out;
        });
        if (g != null && copy.isEmpty()) {
            throw Problem.notFound("no-such-graph", "There is no graph " + g.getURI() + ". GET /data lists nothing by"
                    + " itself: ask SPARQL for SELECT DISTINCT ?g { GRAPH ?g {} }.");
        }
        ctx.header("Vary", "Accept");
        ctx.contentType(lang.getHeaderString() + (lang.getHeaderString().startsWith("text/") ? "; charset=utf-8" : ""));
        ctx.result(RDFWriter.source(copy).lang(lang).asString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void putGraph(Context ctx) {
        requireUtf8(ctx);
        Node g = graphParam(ctx, true);
        respond(ctx, cg.curation().apply(Auth.caller(ctx), new Change.ReplaceGraph(g, bodyGraph(ctx))));
    }

    void postGraph(Context ctx) {
        requireUtf8(ctx);
        Node g = graphParam(ctx, true);
        respond(ctx, cg.curation().apply(Auth.caller(ctx), new Change.AddToGraph(g, bodyGraph(ctx))));
    }

    void deleteGraph(Context ctx) {
        Node g = graphParam(ctx, true);
        respond(ctx, cg.curation().apply(Auth.caller(ctx), new Change.DeleteGraph(g)));
    }

    /** {@code POST /api/imports}: RDF in any format (quads keep their graphs) or mapped CSV. */
    void importData(Context ctx) {
        var caller = Auth.caller(ctx);
        // First: the query string is decoded with the body's charset, so a bad one loses ?graph= and ?mode=.
        requireUtf8(ctx);
        String mode = ctx.queryParam("mode") == null ? "merge" : ctx.queryParam("mode");
        if (!mode.equals("merge") && !mode.equals("replace")) {
            throw Problem.badRequest("bad-parameter", "Parameter 'mode' must be merge (add to the graphs) or replace"
                    + " (the graphs become the upload); got '" + mode + "'.");
        }
        String type = mediaType(ctx);
        if (ctx.queryParam("mapping") != null || type.equals("application/geo+json") || type.equals("application/json")) {
            mappedImport(ctx, caller);
            return;
        }
        DatasetGraph incoming = DatasetGraphFactory.create();
        if (type.equals("text/csv")) {
            Node g = graphParam(ctx, true);
            CsvImport.read(ctx.bodyAsBytes(), g, cg.settings().iris(), incoming);
        } else {
            Lang lang = uploadLang(type, true);
            if (lang == null) {
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Cannot import '" + type
                        + "': send text/turtle, application/trig, application/n-quads, application/n-triples,"
                        + " application/ld+json, application/rdf+xml or text/csv.");
            }
            // Triple formats need ?graph=; quad formats name their graphs (and ?graph= catches the rest).
            Node g = graphParam(ctx, !RDFLanguages.isQuads(lang));
            RdfFiles.read(incoming, new ByteArrayInputStream(ctx.bodyAsBytes()), lang, "the upload", g, cg.settings().iris(),
                    contextsFor(ctx));
        }
        if (incoming.isEmpty()) {
            throw Problem.badRequest("empty-import", "The upload holds no statements.");
        }
        respond(ctx, cg.curation().apply(caller, new Change.Import(incoming, mode.equals("replace"), "import")));
    }

    /**
     * {@code POST /api/imports?mapping=NAME} (or a GeoJSON body with {@code ?graph=IRI}): the body
     * through a mapping of {@code mappings/} into one source graph (see {@code imports.Imports}).
     * 201 when the graph is new, 200 otherwise, with the import's report. The size is checked
     * from Content-Length before the body is read.
     */
    private void mappedImport(Context ctx, org.w3id.copgraph.curation.Caller caller) {
        String type = mediaType(ctx);
        if (!type.equals("application/geo+json") && !type.equals("application/json")) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "A mapped import reads JSON:"
                    + " send application/json or application/geo+json (RDF uploads take no ?mapping=).");
        }
        String name = ctx.queryParam("mapping");
        if (name != null) {
            cg.imports().mappings().get(name);
        }
        long length = ctx.req().getContentLengthLong();
        if (length > org.w3id.copgraph.imports.Imports.MAX_BYTES) {
            throw new Problem(Problem.Kind.PAYLOAD_TOO_LARGE, "import-too-large", "An import reads at most "
                    + org.w3id.copgraph.imports.Imports.MAX_BYTES / (1024 * 1024) + " MB; split the document.");
        }
        org.w3id.copgraph.imports.Mapping.Source override = new org.w3id.copgraph.imports.Mapping.Source(
                ctx.queryParam("title"), ctx.queryParam("source"), ctx.queryParam("license"), ctx.queryParam("attribution"),
                null, null, null, null);
        var r = cg.imports().run(caller, name, ctx.bodyAsBytes(), ctx.queryParam("graph"), null, override, n -> { });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", r.created() ? 201 : 200);
        body.put("graph", r.graph());
        body.put("mapping", r.mapping());
        body.put("changed", r.change() != null);
        body.put("change", r.change());
        body.put("records", r.records());
        body.put("resources", Map.of("added", r.added(), "changed", r.changed(), "removed", r.removed()));
        body.put("statements", Map.of("added", r.statementsAdded(), "removed", r.statementsRemoved()));
        body.put("warnings", r.warnings());
        ctx.status(r.created() ? 201 : 200);
        ctx.json(body);
    }

    /** {@code ?graph=IRI}; {@code ?default} (or nothing, when allowed) means the union of all graphs. */
    private Node graphParam(Context ctx, boolean required) {
        String g = ctx.queryParam("graph");
        if (g == null) {
            if (required) {
                throw Problem.badRequest("graph-required", "Say which graph: ?graph=IRI (statements live in the named"
                        + " graph of their source, e.g. " + cg.settings().iris().graph("your-source") + ").");
            }
            return null;
        }
        if (!IRIs.check(g) || !IRIs.reference(g).isAbsolute()) {
            throw Problem.badRequest("bad-parameter", "Parameter 'graph' must be an absolute IRI; got '" + g + "'.");
        }
        return NodeFactory.createURI(g);
    }

    private Graph bodyGraph(Context ctx) {
        String type = mediaType(ctx);
        Lang lang = uploadLang(type, false);
        if (lang == null) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Cannot read a graph from '"
                    + type + "': send text/turtle, application/n-triples, application/ld+json or application/rdf+xml.");
        }
        DatasetGraph d = DatasetGraphFactory.create();
        Node tmp = NodeFactory.createURI("urn:copgraph:upload");
        RdfFiles.read(d, new ByteArrayInputStream(ctx.bodyAsBytes()), lang, "the request body", tmp, cg.settings().iris(),
                contextsFor(ctx));
        return d.getGraph(tmp);
    }

    /** copgraph's own context, also under the URL this server gives it in the documents it serves (from the public URL, never the Host header). */
    private JsonLdContexts contextsFor(Context ctx) {
        return contexts.alsoAt(cg.publicUrl().of(LinkedDataRoutes.CONTEXT_PATH));
    }

    /** The RDF format of an upload's media type, or null when copgraph does not take uploads in it. */
    private static Lang uploadLang(String mediaType, boolean quadsToo) {
        Lang lang = mediaType.isEmpty() ? null : RDFLanguages.contentTypeToLang(mediaType);
        if (lang == null) {
            return null;
        }
        boolean ok = TRIPLE_UPLOADS.stream().anyMatch(l -> RDFLanguages.sameLang(l, lang))
                || quadsToo && QUAD_UPLOADS.stream().anyMatch(l -> RDFLanguages.sameLang(l, lang));
        return ok ? lang : null;
    }

    /** The media type of the body, lower case, without parameters; "" when there is none. */
    private static String mediaType(Context ctx) {
        String t = ctx.header("Content-Type");
        if (t == null) {
            return "";
        }
        int semi = t.indexOf(';');
        return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Bodies are read as UTF-8 (SPARQL Update, Turtle, N-Triples, N-Quads, TriG and JSON-LD are UTF-8
     * by definition). A {@code charset} parameter naming anything else is a 415 rather than a
     * silent misreading; RDF/XML may still declare its encoding in its XML declaration.
     */
    private static void requireUtf8(Context ctx) {
        String t = ctx.header("Content-Type");
        if (t == null) {
            return;
        }
        for (String param : t.split(";")) {
            String[] kv = param.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                String cs = kv[1].strip().replace("\"", "");
                if (cs.equalsIgnoreCase("utf-8") || cs.equalsIgnoreCase("utf8") || cs.equalsIgnoreCase("us-ascii")) {
                    continue;
                }
                boolean known;
                try {
                    known = java.nio.charset.Charset.isSupported(cs);
                } catch (java.nio.charset.IllegalCharsetNameException e) {
                    known = false;
                }
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset", (known
                        ? "copgraph reads request bodies as UTF-8, not " + cs
                        : "Unknown charset '" + cs + "' in Content-Type")
                        + ": send the body as UTF-8 (charset=utf-8), e.g. after iconv -t UTF-8.");
            }
        }
    }

    private static void respond(Context ctx, ChangeRecord r) {
        Map<String, Object> body = changeBody(r);
        body.put("resources", r.resources());
        ctx.json(body);
    }

    /** The answer to a write: what the change was, by whom, and what it touched (the restore's too). */
    static Map<String, Object> changeBody(ChangeRecord r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 200);
        body.put("changed", r.changed());
        body.put("change", r.activity());
        body.put("operation", r.operation());
        body.put("agent", r.agent());
        body.put("time", r.time().toString());
        body.put("added", r.added());
        body.put("removed", r.removed());
        body.put("graphs", r.graphs());
        return body;
    }
}
