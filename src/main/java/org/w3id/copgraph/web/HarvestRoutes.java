package org.w3id.copgraph.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import io.javalin.http.Context;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.linkeddata.DumpFormat;
import org.w3id.copgraph.linkeddata.Dumps;
import org.w3id.copgraph.linkeddata.EventStream;
import org.w3id.copgraph.linkeddata.FragmentView;
import org.w3id.copgraph.linkeddata.Fragments;
import org.w3id.copgraph.linkeddata.Harvest;
import org.w3id.copgraph.linkeddata.StreamView;
import org.w3id.copgraph.model.Iris;

/**
 * What harvesting partners fetch: {@code /dumps/*}, {@code /.well-known/void}, the event stream
 * at {@code /ldes} and the fragments at {@code /fragments}. Every answer may be read from any
 * origin (CORS); dumps and the description answer conditional requests with 304.
 */
final class HarvestRoutes {

    private static final List<Lang> GRAPH_FORMATS = List.of(Lang.TURTLE, Lang.JSONLD, Lang.NTRIPLES, Lang.RDFXML);
    private static final List<Lang> DATASET_FORMATS = List.of(Lang.TRIG, Lang.NQUADS, Lang.JSONLD, Lang.TURTLE, Lang.NTRIPLES);
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String SHORT = "public, max-age=5";

    private final Harvest harvest;
    private final Iris iris;
    private final Copgraph cg;

    HarvestRoutes(Copgraph cg) {
        this.harvest = cg.harvest();
        this.iris = cg.settings().iris();
        this.cg = cg;
    }

    void dump(Context ctx) {
        cors(ctx);
        DumpFormat format = DumpFormat.byFileName(ctx.pathParam("file"));
        Dumps.DumpFile file = harvest.dumps().file(format);
        ctx.header("Cache-Control", "public, max-age=60");
        if (notModified(ctx, file.etag(), file.version())) {
            return;
        }
        ctx.contentType(format.contentType());
        ctx.header("Content-Length", Long.toString(file.size()));
        try {
            // Opened now, the file stays readable even if a newer dump replaces it meanwhile.
            ctx.result(Files.newInputStream(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /dumps/}: the index of the dumps, for people (machines read the VoID description). */
    void dumpIndex(Context ctx) {
        Pages.html(ctx, "dumps", harvest.description().view());
    }

    void description(Context ctx) {
        cors(ctx);
        if (wantsPage(ctx)) {
            Pages.html(ctx, "void", harvest.description().view());
            return;
        }
        Lang lang = graphLang(ctx);
        Instant version = harvest.description().version();
        ctx.header("Cache-Control", "public, max-age=60");
        if (notModified(ctx, "\"" + Dumps.versionKey(version) + "-void-" + lang.getFileExtensions().get(0) + "\"", version)) {
            return;
        }
        send(ctx, harvest.description().describe(), lang);
    }

    void streamRoot(Context ctx) {
        cors(ctx);
        if (wantsPage(ctx)) {
            EventStream stream = harvest.stream();
            Pages.html(ctx, "ldes", StreamView.root(stream.root(site()).graph(), stream.size(), stream.pageSize(), iris, site()));
            return;
        }
        Lang lang = graphLang(ctx);
        EventStream.Page root = harvest.stream().root(site());
        ctx.header("Cache-Control", SHORT);
        send(ctx, root.graph(), lang);
    }

    void streamPage(Context ctx) {
        cors(ctx);
        if (wantsPage(ctx)) {
            EventStream stream = harvest.stream();
            long k = number(ctx.pathParam("page"), "page");
            Pages.html(ctx, "ldes-page", StreamView.page(k, stream.page(k, site()).graph(), stream.streamIri(), stream.size(),
                    stream.pageSize(), iris, site()));
            return;
        }
        Lang lang = graphLang(ctx);
        EventStream.Page page = harvest.stream().page(number(ctx.pathParam("page"), "page"), site());
        // A full page never changes again; the newest one fills up as changes come in.
        ctx.header("Cache-Control", page.full() ? IMMUTABLE : SHORT);
        send(ctx, page.graph(), lang);
    }

    void streamMember(Context ctx) {
        cors(ctx);
        if (wantsPage(ctx)) {
            long n = number(ctx.pathParam("n"), "member number");
            Pages.html(ctx, "ldes-member", StreamView.member(n, harvest.stream().member(n), harvest.stream().memberIri(n), iris));
            return;
        }
        Lang lang = graphLang(ctx);
        Graph member = harvest.stream().member(number(ctx.pathParam("n"), "member number"));
        ctx.header("Cache-Control", IMMUTABLE);
        send(ctx, member, lang);
    }

    void fragment(Context ctx) {
        cors(ctx);
        if (wantsPage(ctx)) {
            String subject = ctx.queryParam("subject");
            String predicate = ctx.queryParam("predicate");
            String object = ctx.queryParam("object");
            Fragments.Pattern pattern = Fragments.pattern(subject, predicate, object);
            String page = ctx.queryParam("page");
            long k = page == null ? 1 : number(page, "page");
            // The fragment's identity is its URL in the explicit representation, as machines get it.
            String url = Fragments.pageUrl(site(), pattern, k);
            DatasetGraph fragment = harvest.fragments().fragment(pattern, k, url, site());
            Pages.html(ctx, "fragments", FragmentView.of(subject, predicate, object, k, fragment, url, site(), iris));
            return;
        }
        Lang lang = Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), DATASET_FORMATS,
                Lang::getHeaderString, l -> l.getFileExtensions().get(0));
        Fragments.Pattern pattern = Fragments.pattern(ctx.queryParam("subject"), ctx.queryParam("predicate"),
                ctx.queryParam("object"));
        String page = ctx.queryParam("page");
        String query = ctx.queryString();
        DatasetGraph fragment = harvest.fragments().fragment(pattern, page == null ? 1 : number(page, "page"),
                cg.publicUrl().of(ctx.path()) + (query == null || query.isEmpty() ? "" : "?" + query), site());
        ctx.header("Vary", "Accept");
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.contentType(contentType(lang));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (org.apache.jena.riot.RDFLanguages.isQuads(lang) || lang == Lang.JSONLD) {
            RDFDataMgr.write(out, fragment, lang);
        } else {
            // Triple formats have no graphs: data and controls share the one graph.
            Graph all = GraphFactory.createDefaultGraph();
            all.getPrefixMapping().setNsPrefixes(fragment.prefixes().getMapping());
            fragment.find().forEachRemaining(q -> all.add(q.asTriple()));
            RDFDataMgr.write(out, all, lang);
        }
        ctx.result(out.toByteArray());
    }

    /**
     * Whether to answer with the page: a browser (HTML preferred to JSON) that names no format,
     * or {@code ?format=html}. Machines keep what they got before.
     */
    static boolean wantsPage(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isBlank()) {
            return format.trim().equalsIgnoreCase("html");
        }
        ctx.header("Vary", "Accept");
        // The page only when HTML is what the client asks for first: Linked Data Fragments and
        // LDES clients (Comunica) list text/html too, at a lower q than their RDF formats.
        return Negotiation.prefers(ctx.header("Accept"), "text/html");
    }

    private static Lang graphLang(Context ctx) {
        return Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), GRAPH_FORMATS,
                Lang::getHeaderString, l -> l.getFileExtensions().get(0));
    }

    private static void send(Context ctx, Graph g, Lang lang) {
        ctx.header("Vary", "Accept");
        ctx.contentType(contentType(lang));
        ctx.result(RDFWriter.source(g).lang(lang).asString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String contentType(Lang lang) {
        String type = lang.getHeaderString();
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }

    /** Where this server is reached (the public URL, never the request's Host), for the stream's and fragments' links. */
    private String site() {
        return cg.publicUrl().site();
    }

    private static long number(String value, String what) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-number", "The " + what + " must be a whole number; got '" + value + "'.");
        }
    }

    static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "ETag, Last-Modified, Content-Length, Link");
    }

    /**
     * Sets ETag and Last-Modified, and answers 304 when the client's copy is current:
     * If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2).
     */
    static boolean notModified(Context ctx, String etag, Instant lastModified) {
        ctx.header("ETag", etag);
        if (lastModified != null) {
            ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC)));
        }
        String ifNoneMatch = ctx.header("If-None-Match");
        boolean current;
        if (ifNoneMatch != null) {
            current = Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                    .anyMatch(t -> t.equals("*") || t.equals(etag));
        } else {
            current = lastModified != null && notAfter(lastModified, ctx.header("If-Modified-Since"));
        }
        if (current) {
            ctx.status(304);
        }
        return current;
    }

    private static boolean notAfter(Instant lastModified, String ifModifiedSince) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 says
        }
    }
}
