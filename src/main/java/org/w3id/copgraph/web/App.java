package org.w3id.copgraph.web;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import io.javalin.http.HttpResponseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.network.ExportFormat;
import org.w3id.copgraph.sparql.SparqlEndpoint;

/**
 * The web front: every route in one place. Handlers parse input, call a feature and respond;
 * features throw {@link Problem}s, which one mapper turns into the one error shape.
 */
public final class App {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** The largest request body accepted (uploads, updates); larger ones get a 413. */
    public static final long MAX_BODY_BYTES = 20_000_000L;

    private App() {
    }

    /** An unstarted app; {@code start(port)} it (port 0 picks a free one). */
    public static Javalin create(Copgraph cg) {
        SparqlEndpoint sparql = new SparqlEndpoint(cg.store().dataset(), cg.settings().queryTimeoutMillis());
        PrometheusMeterRegistry metrics = Metrics.registry(cg);
        QueryRoutes queries = new QueryRoutes(cg);
        WriteRoutes writes = new WriteRoutes(cg);
        AdminRoutes admin = new AdminRoutes(cg);
        HomePage home = new HomePage(cg);
        NetworkRoutes network = new NetworkRoutes(cg);
        WorkbenchRoutes workbench = new WorkbenchRoutes(cg);
        LinkedDataRoutes linkedData = new LinkedDataRoutes(cg);
        HarvestRoutes harvest = new HarvestRoutes(cg);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.jetty.modifyServletContextHandler(h -> {
                h.addFilter(new FilterHolder(new RequestMetrics(metrics)), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new Cors()), "/*", EnumSet.of(DispatcherType.REQUEST));
                sparql.installInto(h);
            });
            cfg.routes.get("/assets/yasgui/<path>", new Assets("yasgui")::serve);
            cfg.routes.get("/assets/workbench/<path>", new Assets("workbench")::serve);
            cfg.routes.get("/webjars/<path>", new Assets("META-INF/resources/webjars")::serve);
            cfg.routes.get("/assets/site/<path>", new Assets("site")::serve);
            // Browsers ask for /favicon.ico whatever the page says; an SVG served there is shown.
            cfg.routes.get("/favicon.ico", ctx -> Assets.file(ctx, "site/favicon.svg"));
            cfg.routes.get("/favicon.svg", ctx -> Assets.file(ctx, "site/favicon.svg"));
            cfg.routes.get("/", home::render);
            cfg.routes.get("/health", home::health);
            cfg.routes.get("/api/queries", queries::list);
            cfg.routes.get("/api/queries/{name}", queries::run);
            cfg.routes.get("/api/network/neighbourhood", network::neighbourhood);
            cfg.routes.get("/api/network/paths", network::paths);
            cfg.routes.get("/api/network/metrics", network::metrics);
            cfg.routes.get("/api/network/search", network::search);
            cfg.routes.get("/api/network/projections", network::projections);
            for (ExportFormat f : ExportFormat.values()) {
                cfg.routes.get("/api/network/export." + f.extension, ctx -> network.export(ctx, f));
            }
            cfg.routes.get("/explore", network::explore);
            cfg.routes.get("/assets/cytoscape.min.js", network::cytoscape);
            cfg.routes.get("/assets/explore.js", network::exploreScript);

            cfg.routes.get("/id/<path>", linkedData::resource);
            cfg.routes.get("/graph/<path>", linkedData::resource);
            cfg.routes.get("/ontology", linkedData::ontology);
            cfg.routes.get(LinkedDataRoutes.CONTEXT_PATH, linkedData::context);
            cfg.routes.get("/sitemap.xml", linkedData::sitemap);

            cfg.routes.post("/update", writes::update);
            cfg.routes.get("/data", writes::getGraph);
            cfg.routes.put("/data", writes::putGraph);
            cfg.routes.post("/data", writes::postGraph);
            cfg.routes.delete("/data", writes::deleteGraph);
            cfg.routes.post("/api/imports", writes::importData);

            cfg.routes.get("/api/admin/backup", admin::backup);
            cfg.routes.post("/api/admin/restore", admin::restore);
            cfg.routes.get("/api/admin/tokens", admin::listTokens);
            cfg.routes.post("/api/admin/tokens", admin::issueToken);

            cfg.routes.get("/dumps/", harvest::dumpIndex);
            cfg.routes.get("/dumps/{file}", harvest::dump);
            cfg.routes.get("/.well-known/void", harvest::description);
            cfg.routes.get("/ldes", harvest::streamRoot);
            cfg.routes.get("/ldes/{page}", harvest::streamPage);
            cfg.routes.get("/ldes/member/{n}", harvest::streamMember);
            cfg.routes.get("/fragments", harvest::fragment);

            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

            cfg.routes.get("/api/queries/{name}/about", queries::one);
            cfg.routes.get("/api/openapi.json", workbench::openApi);
            cfg.routes.get("/api/docs", workbench::docs);
            cfg.routes.get("/query-editor", workbench::editor);

            cfg.routes.exception(Problem.class, (e, ctx) -> Errors.respond(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> Errors.respond(ctx, e.getStatus(),
                    e.getStatus() == 404 ? "not-found" : e.getStatus() == 405 ? "method-not-allowed" : "http-" + e.getStatus(),
                    e.getStatus() == 404 ? "Nothing at " + ctx.path() + ". The home page / links to everything." : e.getMessage()));
            cfg.routes.exception(java.nio.charset.UnsupportedCharsetException.class, (e, ctx) -> Errors.respond(ctx, 415,
                    "unsupported-charset", "Unknown charset '" + e.getCharsetName() + "' in Content-Type; send UTF-8."));
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
