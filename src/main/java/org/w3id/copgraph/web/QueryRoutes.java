package org.w3id.copgraph.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.Parameter;
import org.w3id.copgraph.queries.ResultFormat;

/** {@code /api/queries}: the curated queries, listed with their documentation and run by name. */
final class QueryRoutes {

    private final Copgraph cg;

    QueryRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CuratedQuery q : cg.queries().list()) {
            out.add(describe(q));
        }
        ctx.json(out);
    }

    void run(Context ctx) {
        String name = ctx.pathParam("name");
        CuratedQuery q = cg.queries().get(name);
        Map<String, String> args = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (v.size() > 1) {
                throw Problem.badRequest("bad-parameter", "Parameter '" + k + "' was given " + v.size() + " times; give it once.");
            }
            args.put(k, v.get(0));
        });
        ResultFormat format = Negotiation.choose(ctx.header("Accept"), args.get("format"),
                ResultFormat.offeredFor(q), f -> f.mediaType, f -> f.shortName);
        CuratedQueries.Prepared prepared = cg.queries().prepare(name, args,
                longParam(args, "limit"), longParam(args, "offset"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        cg.queries().run(prepared, cg.store(), format, body);
        var modified = cg.store().lastModified();
        ctx.header("Vary", "Accept");
        ctx.header("X-Copgraph-Query", q.name());
        ctx.header("X-Copgraph-Query-Hash", "sha256:" + q.hash());
        if (modified != null) {
            ctx.header("X-Copgraph-Data-Version", modified.toString());
        }
        ctx.contentType(format.mediaType + (format.mediaType.startsWith("text/") ? "; charset=utf-8" : ""));
        ctx.result(body.toByteArray());
    }

    private static Long longParam(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be a non-negative integer; got '" + v + "'.");
        }
    }

    static Map<String, Object> describe(CuratedQuery q) {
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
            params.add(pm);
        }
        m.put("parameters", params);
        m.put("formats", ResultFormat.offeredFor(q).stream().map(f -> f.mediaType).toList());
        m.put("href", "/api/queries/" + q.name());
        m.put("hash", "sha256:" + q.hash());
        return m;
    }
}
