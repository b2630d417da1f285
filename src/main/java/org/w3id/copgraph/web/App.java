package org.w3id.copgraph.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.sparql.SparqlEndpoint;

/**
 * The web front: every route in one place. Handlers parse input, call a feature and respond;
 * features throw {@link Problem}s, which one mapper turns into the one error shape.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {
    }

    /** An unstarted app; {@code start(port)} it (port 0 picks a free one). */
    public static Javalin create(Copgraph cg) {
        SparqlEndpoint sparql = new SparqlEndpoint(cg.store().dataset(), cg.settings().queryTimeoutMillis());
        QueryRoutes queries = new QueryRoutes(cg);
        HomePage home = new HomePage(cg);
        WorkbenchRoutes workbench = new WorkbenchRoutes(cg);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 10_000_000L;
            cfg.jetty.modifyServletContextHandler(sparql::installInto);
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/assets/yasgui";
                s.directory = "/yasgui";
                s.location = Location.CLASSPATH;
            });
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/assets/workbench";
                s.directory = "/workbench";
                s.location = Location.CLASSPATH;
            });

            cfg.routes.get("/", home::render);
            cfg.routes.get("/health", home::health);
            cfg.routes.get("/api/queries", queries::list);
            cfg.routes.get("/api/queries/{name}", queries::run);
            cfg.routes.get("/api/queries/{name}/about", queries::one);
            cfg.routes.get("/api/openapi.json", workbench::openApi);
            cfg.routes.get("/api/docs", workbench::docs);
            cfg.routes.get("/query-editor", workbench::editor);

            cfg.routes.exception(Problem.class, (e, ctx) -> Errors.respond(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> Errors.respond(ctx, e.getStatus(),
                    e.getStatus() == 404 ? "not-found" : e.getStatus() == 405 ? "method-not-allowed" : "http-" + e.getStatus(),
                    e.getStatus() == 404 ? "Nothing at " + ctx.path() + ". The home page / links to everything." : e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                Errors.respond(ctx, 500, "internal-error", "Something went wrong on our side; it has been logged.");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.resultInputStream() == null) {
                    Errors.respond(ctx, 404, "not-found", "Nothing at " + ctx.path() + ". The home page / links to everything.");
                }
            });
            cfg.routes.error(405, ctx -> {
                if (ctx.resultInputStream() == null) {
                    Errors.respond(ctx, 405, "method-not-allowed", ctx.method() + " is not allowed on " + ctx.path() + ".");
                }
            });
        });
    }
}
