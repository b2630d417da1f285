package org.w3id.copgraph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.queries.CuratedQueries;
import org.w3id.copgraph.queries.CuratedQuery;
import org.w3id.copgraph.queries.EditorView;
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
        java.util.Map<String, Object> doc = OpenApi.describe(cg.queries(), cg.store(), "0.1.0");
        // The directory is not a curated query: its operation comes from its own feature.
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> paths = (java.util.Map<String, Object>) doc.get("paths");
        paths.put(org.w3id.copgraph.directory.Directory.PATH, org.w3id.copgraph.directory.DirectoryApi.pathItem());
        paths.put(org.w3id.copgraph.suggestions.SuggestionsApi.PATH, org.w3id.copgraph.suggestions.SuggestionsApi.pathItem());
        paths.put("/api/imports", org.w3id.copgraph.imports.ImportsApi.pathItem(cg.imports().mappings().names()));
        ctx.json(doc);
    }

    /** Swagger UI over the OpenAPI document; its start-up script is a file, not inline (CSP). */
    void docs(Context ctx) {
        Pages.html(ctx, "api-docs", "/webjars/swagger-ui/" + SWAGGER_UI + "/");
    }

    /**
     * YASGUI on /sparql with the curated queries as examples. {@code ?curated=NAME} (and that
     * query's arguments) opens the editor on that query with those arguments bound, which is
     * how the catalogue's "SPARQL in the editor" links arrive. The page's data travels in a
     * data attribute, read by editor.js: no inline script (CSP).
     */
    void editor(Context ctx) {
        List<Map<String, String>> examples = new ArrayList<>();
        List<EditorView.Example> list = new ArrayList<>();
        int i = 0;
        for (CuratedQuery q : cg.queries().list()) {
            examples.add(Map.of("name", q.name(), "summary", q.summary(), "query", cg.queries().editorText(q)));
            list.add(new EditorView.Example(i++, q.name(), q.summary(), q.description(),
                    CuratedQueries.API + q.name() + "?format=csv"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("examples", examples);
        data.put("prefixes", new TreeMap<>(Cop.PREFIXES));
        data.put("base", cg.settings().iris().base());
        String curated = ctx.queryParam("curated");
        if (curated != null && !curated.isBlank()) {
            Map<String, String> args = new LinkedHashMap<>();
            ctx.queryParamMap().forEach((k, v) -> {
                if (!k.equals("curated") && !k.isEmpty() && !v.isEmpty()) {
                    args.put(k, v.get(0));
                }
            });
            data.put("open", Map.of("name", curated, "query", cg.queries().editorText(curated, args, cg.store())));
        }
        try {
            Pages.html(ctx, "editor", new EditorView(list, JSON.writeValueAsString(data)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
