package org.w3id.copgraph.web;

import java.io.InputStream;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Problem;

/**
 * Front-end files packed in the jar (YASGUI, the editor script, WebJars such as Swagger UI),
 * read through the class loader. Javalin's classpath static files would do the same, but Jetty
 * mounts the whole jar as a zip file system for each of them (four times per folder): with the
 * fat jar's 29,000 entries that cost most of a second at start-up and 100 MB of heap for as long
 * as the server runs.
 */
final class Assets {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "json", "application/json",
            "map", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "txt", "text/plain; charset=utf-8",
            "md", "text/plain; charset=utf-8");

    private final String folder;

    /** Serves what lies under {@code folder} (a class-path folder without leading slash). */
    Assets(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    /** Answers a route ending in {@code <path>} with the file of that path. */
    void serve(Context ctx) {
        String path = ctx.pathParam("path");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("..") || path.endsWith("/")) {
            throw notFound(ctx);
        }
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(folder + path);
        if (in == null) {
            throw notFound(ctx);
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        ctx.result(in);
    }

    /** Answers with one class-path file (no leading slash). */
    static void file(Context ctx, String resource) {
        InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw notFound(ctx);
        }
        String ext = resource.substring(resource.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        ctx.result(in);
    }

    private static Problem notFound(Context ctx) {
        return Problem.notFound("not-found", "Nothing at " + ctx.path() + ". The home page / links to everything.");
    }
}
