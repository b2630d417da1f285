package org.w3id.copgraph.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.CatalogueView;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.Parameter;
import org.w3id.copgraph.queries.ResultFormat;
import org.w3id.copgraph.queries.ResultView;

/** {@code /api/queries}: the curated queries, listed with their documentation and run by name. */
final class QueryRoutes {

    private final Copgraph cg;

    QueryRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void list(Context ctx) {
        ctx.header("Vary", "Accept");
        if (Negotiation.wantsHtml(ctx.header("Accept"))) {
            Pages.html(ctx, "queries", CatalogueView.of(cg.queries(), cg.store(), cg.settings().iris()));
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (CuratedQuery q : cg.queries().list()) {
            out.add(describe(q, cg));
        }
        ctx.json(out);
    }

    void one(Context ctx) {
        CuratedQuery q = cg.queries().get(ctx.pathParam("name"));
        ctx.header("Vary", "Accept");
        if (Negotiation.wantsHtml(ctx.header("Accept"))) {
            ctx.redirect("/api/queries#" + q.name());
            return;
        }
        ctx.json(describe(cg.queries().get(ctx.pathParam("name")), cg));
    }

    void run(Context ctx) {
        String name = ctx.pathParam("name");
        CuratedQuery q = cg.queries().get(name);
        Map<String, String> args = args(ctx, q);
        String asked = args.get("format");
        if ("html".equalsIgnoreCase(asked) || (asked == null || asked.isBlank()) && Negotiation.wantsHtml(ctx.header("Accept"))) {
            // A person following a link or submitting the catalogue's form: the answer as a page.
            args.remove("format");
            ctx.header("Vary", "Accept");
            Pages.html(ctx, "query-result", ResultView.of(name, args, cg.queries(), cg.store(), cg.settings().iris(), Language.chain()));
            return;
        }
        ResultFormat format = Negotiation.choose(ctx.header("Accept"), args.get("format"),
                ResultFormat.offeredFor(q), f -> f.mediaType, f -> f.shortName);
        CuratedQueries.Answer answer = cg.queries().answer(name, args, format, cg.store());
        CuratedQueries.Citation c = answer.citation();
        ctx.header("Vary", "Accept");
        ctx.header("X-Copgraph-Query", c.query());
        ctx.header("X-Copgraph-Query-Hash", c.hash());
        ctx.header("X-Copgraph-Data-Version", c.dataVersion());
        ctx.header("X-Copgraph-Generated-At", c.generatedAt().toString());
        if (!answer.links().isEmpty()) {
            List<String> links = new ArrayList<>();
            answer.links().forEach((rel, href) -> links.add("<" + href + ">; rel=\"" + rel + "\""));
            ctx.header("Link", String.join(", ", links));
        }
        ctx.contentType(format.mediaType + (format.mediaType.startsWith("text/") ? "; charset=utf-8" : ""));
        // The same question on the same data (and the same computation of it) is the same answer:
        // a client holding it is told so without the body.
        String etag = "\"" + Integer.toHexString(java.util.Objects.hash(c.dataVersion(), c.hash(), c.generatedAt(), args, format)) + "\"";
        if (HarvestRoutes.notModified(ctx, etag, null)) {
            return;
        }
        ctx.result(answer.body());
    }

    /**
     * The arguments of a run of {@code q}, each given once (the embedded answer takes the same).
     * The display language ({@code lang}, {@code hl}: see {@link Language}) is no argument,
     * unless the query has a parameter of that name.
     */
    static Map<String, String> args(Context ctx, CuratedQuery q) {
        Map<String, String> args = args(ctx);
        for (String display : List.of("lang", "hl")) {
            if (q.parameters().stream().noneMatch(p -> p.name().equals(display))) {
                args.remove(display);
            }
        }
        return args;
    }

    /** The arguments of a run, each given once. */
    static Map<String, String> args(Context ctx) {
        Map<String, String> args = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (k.isEmpty()) {
                return; // "?a=1&": a stray separator, not a parameter
            }
            if (v.size() > 1) {
                throw Problem.badRequest("bad-parameter", "Parameter '" + k + "' was given " + v.size() + " times; give it once.");
            }
            args.put(k, v.get(0));
        });
        return args;
    }

    static Map<String, Object> describe(CuratedQuery q, Copgraph cg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", q.name());
        m.put("summary", q.summary());
        m.put("description", q.description());
        m.put("tags", q.tags());
        m.put("kind", q.kind());
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : q.parameters()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.type().suffix);
            pm.put("required", p.required());
            if (p.defaultValue() != null) {
                pm.put("default", p.defaultValue());
            }
            if (p.lang() != null) {
                pm.put("lang", p.lang());
            }
            pm.put("description", p.description());
            List<String> allowed = cg.queries().allowedValues(q, p, cg.store());
            if (!allowed.isEmpty()) {
                pm.put("enum", allowed);
            }
            params.add(pm);
        }
        m.put("parameters", params);
        m.put("formats", ResultFormat.offeredFor(q).stream().map(f -> f.mediaType).toList());
        m.put("href", "/api/queries/" + q.name());
        m.put("hash", "sha256:" + q.hash());
        m.put("examples", q.examples());
        m.put("query", q.text());
        return m;
    }
}
