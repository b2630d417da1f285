package org.w3id.copgraph.web;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.w3id.copgraph.store.RdfFiles;

/**
 * Writes over HTTP, each handed to the one write path: SPARQL Update at {@code /update}, the
 * Graph Store Protocol at {@code /data}, and uploads at {@code /api/imports}.
 */
final class WriteRoutes {

    private static final List<Lang> GRAPH_FORMATS = List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML);

    private final Copgraph cg;

    WriteRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void update(Context ctx) {
        String type = mediaType(ctx);
        String request;
        if (type.equals("application/sparql-update")) {
            // SPARQL Update is UTF-8 by definition, whatever charset the header claims.
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
        respond(ctx, cg.curation().apply(Auth.caller(ctx, cg.tokens()), new Change.SparqlUpdate(request)));
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
        Node g = graphParam(ctx, true);
        respond(ctx, cg.curation().apply(Auth.caller(ctx, cg.tokens()), new Change.ReplaceGraph(g, bodyGraph(ctx))));
    }

    void postGraph(Context ctx) {
        Node g = graphParam(ctx, true);
        respond(ctx, cg.curation().apply(Auth.caller(ctx, cg.tokens()), new Change.AddToGraph(g, bodyGraph(ctx))));
    }

    void deleteGraph(Context ctx) {
        Node g = graphParam(ctx, true);
        respond(ctx, cg.curation().apply(Auth.caller(ctx, cg.tokens()), new Change.DeleteGraph(g)));
    }

    /** {@code POST /api/imports}: RDF in any format (quads keep their graphs) or mapped CSV. */
    void importData(Context ctx) {
        var caller = Auth.caller(ctx, cg.tokens());
        String mode = ctx.queryParam("mode") == null ? "merge" : ctx.queryParam("mode");
        if (!mode.equals("merge") && !mode.equals("replace")) {
            throw Problem.badRequest("bad-parameter", "Parameter 'mode' must be merge (add to the graphs) or replace"
                    + " (the graphs become the upload); got '" + mode + "'.");
        }
        String type = mediaType(ctx);
        DatasetGraph incoming = DatasetGraphFactory.create();
        if (type.equals("text/csv")) {
            Node g = graphParam(ctx, true);
            CsvImport.read(ctx.bodyAsBytes(), g, cg.settings().iris(), incoming);
        } else {
            Lang lang = RDFLanguages.contentTypeToLang(type);
            if (lang == null || !RDFLanguages.isTriples(lang) && !RDFLanguages.isQuads(lang)) {
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Cannot import '" + type
                        + "': send text/turtle, application/trig, application/n-quads, application/n-triples,"
                        + " application/ld+json, application/rdf+xml or text/csv.");
            }
            // Triple formats need ?graph=; quad formats name their graphs (and ?graph= catches the rest).
            Node g = graphParam(ctx, !RDFLanguages.isQuads(lang));
            RdfFiles.read(incoming, new ByteArrayInputStream(ctx.bodyAsBytes()), lang, "the upload", g, cg.settings().iris());
        }
        if (incoming.isEmpty()) {
            throw Problem.badRequest("empty-import", "The upload holds no statements.");
        }
        respond(ctx, cg.curation().apply(caller, new Change.Import(incoming, mode.equals("replace"), "import")));
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
        Lang lang = RDFLanguages.contentTypeToLang(type);
        if (lang == null || !RDFLanguages.isTriples(lang)) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Cannot read a graph from '"
                    + type + "': send text/turtle, application/n-triples, application/ld+json or application/rdf+xml.");
        }
        DatasetGraph d = DatasetGraphFactory.create();
        Node tmp = NodeFactory.createURI("urn:copgraph:upload");
        RdfFiles.read(d, new ByteArrayInputStream(ctx.bodyAsBytes()), lang, "the request body", tmp, cg.settings().iris());
        return d.getGraph(tmp);
    }

    private static String mediaType(Context ctx) {
        String t = ctx.header("Content-Type");
        return t == null ? "" : t.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static void respond(Context ctx, ChangeRecord r) {
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
        body.put("resources", r.resources());
        ctx.json(body);
    }
}
