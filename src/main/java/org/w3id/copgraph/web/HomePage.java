package org.w3id.copgraph.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.queries.Overview;

/** {@code /} and {@code /health}: what the graph holds, and whether the store can be read. */
final class HomePage {

    private final Copgraph cg;

    HomePage(Copgraph cg) {
        this.cg = cg;
    }

    void render(Context ctx) {
        Pages.html(ctx, "home", Overview.of(cg.queries(), cg.store()));
    }

    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long triples = cg.store().tripleCount();
            var modified = cg.store().lastModified();
            body.put("status", "ok");
            body.put("triples", triples);
            body.put("lastModified", modified == null ? null : modified.toString());
            var pre = cg.precomputation();
            if (pre != null) {
                var st = pre.status();
                // Which curated answers are ready: lets operators (and the benchmark) see the warm-up end.
                body.put("precomputedAnswers", Map.of("dataVersion", String.valueOf(st.version()), "ready", st.ready(),
                        "of", st.of(), "running", st.running()));
            }
            ctx.json(body);
        } catch (RuntimeException e) {
            body.put("status", "unavailable");
            body.put("error", "store-unreadable");
            body.put("message", "The store cannot be read: " + e.getMessage());
            ctx.status(503).json(body);
        }
    }
}
