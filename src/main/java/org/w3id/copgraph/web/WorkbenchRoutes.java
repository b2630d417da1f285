package org.w3id.copgraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.OpenApi;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The researchers' workbench pages: the OpenAPI document of {@code /api/queries} and its Swagger
 * UI, and the YASGUI SPARQL editor with the curated queries as examples. Front-end assets come
 * from the jar (a WebJar and a vendored npm build), never from a CDN.
 */
final class WorkbenchRoutes {

    /** The Swagger UI WebJar's version, which is part of its asset paths. */
    static final String SWAGGER_UI = "5.34.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Copgraph cg;

    WorkbenchRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void openApi(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.json(OpenApi.describe(cg.queries(), cg.store(), "0.1.0"));
    }

    /** Swagger UI over the OpenAPI document; its start-up script is a file, not inline (CSP). */
    void docs(Context ctx) {
        Pages.html(ctx, "api-docs", "/webjars/swagger-ui/" + SWAGGER_UI + "/");
    }

    void editor(Context ctx) {
        List<Map<String, String>> examples = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        int i = 0;
        for (CuratedQuery q : cg.queries().list()) {
            examples.add(Map.of("name", q.name(), "summary", q.summary(), "query", cg.queries().editorText(q)));
            list.append("<li><button type=\"button\" class=\"example\" data-example=\"").append(i++)
                    .append("\" title=\"").append(Html.escape(q.description())).append("\">")
                    .append(Html.escape(q.summary())).append("</button> <a href=\"").append(CuratedQueries.API)
                    .append(Html.escape(q.name())).append("?format=csv\">CSV</a></li>\n");
        }
        String json;
        try {
            json = JSON.writeValueAsString(Map.of("examples", examples, "prefixes", new TreeMap<>(Cop.PREFIXES)))
                    .replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.html("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>SPARQL editor · copgraph</title>
                <link rel="stylesheet" href="/assets/yasgui/yasgui.min.css">
                <link rel="stylesheet" href="/assets/site/editor.css">
                </head>
                <body>
                <aside>
                <p><a href="/">copgraph</a> · SPARQL endpoint <code>/sparql</code> · <a href="/api/docs">API</a></p>
                <h2>Curated queries</h2>
                <p>Open one as an example; its parameters are bound to their defaults.</p>
                <ul id="examples">
                %s</ul>
                <p>The address bar keeps the current query, so a link shares it.</p>
                </aside>
                <main>
                <noscript><p>The editor needs JavaScript. Without it, send queries to <code>/sparql</code>
                (SPARQL 1.1 Protocol) or use the <a href="/api/queries">curated queries</a>.</p></noscript>
                <div id="yasgui"></div>
                </main>
                <script id="workbench" type="application/json">%s</script>
                <script src="/assets/yasgui/yasgui.min.js"></script>
                <script src="/assets/workbench/editor.js"></script>
                </body>
                </html>
                """.formatted(list, json));
    }
}
