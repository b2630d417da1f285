package org.w3id.copgraph.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.directory.DirectoryRequest;
import org.w3id.copgraph.directory.Located;
import org.w3id.copgraph.network.View;
import org.w3id.copgraph.network.ViewList;
import org.w3id.copgraph.queries.ResultView;

/**
 * Widgets for partners' sites under {@code /embed/} (the only pages that may be framed: see
 * {@link SecurityHeaders}), and {@code /oembed}, which describes them (oEmbed 1.0, type "rich").
 * Each widget takes the parameters of its full page and links back to it.
 */
final class EmbedRoutes {

    private final Copgraph cg;
    private final NetworkRoutes network;
    private final MapRoutes maps;

    EmbedRoutes(Copgraph cg, NetworkRoutes network, MapRoutes maps) {
        this.cg = cg;
        this.network = network;
        this.maps = maps;
    }

    /** {@code /embed/cop/{slug}}: the CoP's card. */
    void cop(Context ctx) {
        Pages.html(ctx, "embed/cop", copOf(ctx.pathParam("slug"), ctx));
    }

    /** {@code /embed/cops?...}: the directory with the same parameters as {@code /cops}, one page of cards. */
    void cops(Context ctx) {
        DirectoryRequest r = DirectoryRequest.parse(ctx.queryParamMap(), ctx.header("Accept-Language"));
        ctx.header("Vary", "Accept-Language");
        Pages.html(ctx, "embed/cops", cg.directory().search(r));
    }

    /** {@code /embed/network?focus=...} or {@code ?from=...&to=...}: the neighbourhood or the paths, as lists. */
    void network(Context ctx) {
        View view = network.viewOf(ctx);
        String query = ctx.queryString();
        Pages.html(ctx, "embed/network", Map.of("network", ViewList.of(view, cg.settings().iris()::pathOf),
                "full", "/explore" + (query == null || query.isEmpty() ? "" : "?" + query)));
    }

    /** {@code /embed/query/{name}?...}: a curated query's answer as a table. */
    void query(Context ctx) {
        String name = ctx.pathParam("name");
        var q = cg.queries().get(name); // 404 for an unknown name
        Map<String, String> args = QueryRoutes.args(ctx, q);
        args.remove("format");
        String query = ctx.queryString();
        Pages.html(ctx, "embed/query", Map.of("result", ResultView.of(name, args, cg.queries(), cg.store(), cg.settings().iris(), Language.chain()),
                "full", "/api/queries/" + name + (query == null || query.isEmpty() ? "" : "?" + query)));
    }

    /** {@code /embed/map?...}: the map page's map and lists, with its parameters. */
    void map(Context ctx) {
        String query = ctx.queryString();
        Pages.html(ctx, "embed/map", Map.of("map", maps.viewOf(ctx), "leafletVersion", MapRoutes.LEAFLET_VERSION,
                "full", "/map" + (query == null || query.isEmpty() ? "" : "?" + query)));
    }

    private Located copOf(String slug, Context ctx) {
        String lang = DirectoryRequest.parse(Map.of(), ctx.header("Accept-Language")).lang();
        if (ctx.queryParam("hl") != null) {
            lang = DirectoryRequest.parse(Map.of("hl", ctx.queryParams("hl")), null).lang();
        }
        String iri = cg.settings().iris().resource("cop", slug);
        return cg.directory().cop(iri, lang).orElseThrow(() -> Problem.notFound("not-found",
                "No CoP at /id/cop/" + slug + "; the directory /cops lists every CoP."));
    }

    /**
     * {@code /oembed?url=...[&maxwidth=..][&maxheight=..][&format=json]}: the widget of one of this
     * server's pages as an oEmbed "rich" answer. A URL of another server, or of a page without a
     * widget, is a 404; any format but JSON a 501, as the oEmbed spec says.
     */
    void oembed(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isBlank() && !format.strip().equalsIgnoreCase("json")) {
            Errors.respond(ctx, 501, "format-not-implemented", "oEmbed answers only format=json here.");
            return;
        }
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            throw Problem.badRequest("bad-parameter", "Parameter 'url' is required: the address of a page of this server,"
                    + " such as " + cg.publicUrl().of("/id/cop/urbana") + ".");
        }
        String base = cg.publicUrl().base();
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw notEmbeddable(url);
        }
        if (!url.strip().startsWith(base) || uri.getRawPath() == null) {
            throw notEmbeddable(url);
        }
        Embedding.Target t = Embedding.targetFor(uri.getRawPath(), uri.getRawQuery());
        if (t == null) {
            throw notEmbeddable(url);
        }
        String title = Embedding.title(t);
        if (t.what().equals("cop")) {
            String slug = t.path().substring("/embed/cop/".length());
            title = copOf(slug, ctx).card().name();
        }
        int width = Math.min(t.width(), positive(ctx, "maxwidth"));
        int height = Math.min(t.height(), positive(ctx, "maxheight"));
        String src = cg.publicUrl().of(t.path());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("type", "rich");
        body.put("title", title);
        body.put("provider_name", "copgraph");
        body.put("provider_url", base);
        body.put("cache_age", 3600);
        body.put("html", Embedding.iframe(src, width, height, Embedding.title(t)));
        body.put("width", width);
        body.put("height", height);
        ctx.json(body);
    }

    private Problem notEmbeddable(String url) {
        return Problem.notFound("not-embeddable", "No widget for '" + (url.length() > 200 ? url.substring(0, 200) + "…" : url)
                + "': oEmbed answers for this server's CoP pages, directory, explorer (with a focus), map and curated"
                + " query answers, at " + cg.publicUrl().base() + ".");
    }

    private static int positive(Context ctx, String param) {
        String v = ctx.queryParam(param);
        if (v == null || v.isBlank()) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' must be a whole number of pixels of at least 1; got '"
                + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'.");
    }
}
