package org.w3id.copgraph.web;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import static io.javalin.apibuilder.ApiBuilder.after;
import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import io.javalin.http.HttpResponseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Role;
import org.w3id.copgraph.forms.InvalidForm;
import org.w3id.copgraph.curation.Tokens;
import org.w3id.copgraph.freshness.Freshness;
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
        SparqlEndpoint sparql = new SparqlEndpoint(cg.store().dataset(), cg.settings().queryTimeoutMillis(),
                () -> cg.publicUrl().of(SparqlEndpoint.PATH), cg.settings().sparqlLimits());
        PrometheusMeterRegistry metrics = Metrics.registry(cg);
        QueryRoutes queries = new QueryRoutes(cg);
        WriteRoutes writes = new WriteRoutes(cg);
        AdminRoutes admin = new AdminRoutes(cg);
        HomePage home = new HomePage(cg);
        NetworkRoutes network = new NetworkRoutes(cg);
        WorkbenchRoutes workbench = new WorkbenchRoutes(cg);
        LinkedDataRoutes linkedData = new LinkedDataRoutes(cg);
        HarvestRoutes harvest = new HarvestRoutes(cg);
        FreshnessRoutes freshness = new FreshnessRoutes(cg);
        Sessions sessions = new Sessions(cg::publicUrl);
        SignInRoutes signIn = new SignInRoutes(cg, sessions);
        ReviewRoutes review = new ReviewRoutes(cg);
        ProposalRoutes proposals = new ProposalRoutes(cg, sessions);
        DirectoryRoutes directory = new DirectoryRoutes(cg);
        ProposeRoutes propose = new ProposeRoutes(cg);
        MapRoutes maps = new MapRoutes(cg, network);
        EmbedRoutes embeds = new EmbedRoutes(cg, network, maps);
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.requestLogger.http(RequestMetrics::noteRoute);
            cfg.jetty.modifyServer(server -> server.setErrorHandler(JettyErrors.forServer()));
            cfg.jetty.modifyServletContextHandler(h -> {
                h.setErrorHandler(JettyErrors.forContext());
                h.addFilter(new FilterHolder(new RequestsInFlight()), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new RequestMetrics(metrics)), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new Cors()), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new SecurityHeaders(cg.maps().tiles().origin())), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new SignedIn()), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new Language()), "/*", EnumSet.of(DispatcherType.REQUEST));
                h.addFilter(new FilterHolder(new Embedding(cg::publicUrl)), "/*", EnumSet.of(DispatcherType.REQUEST));
                sparql.installInto(h);
            });
            // A GET on a write-only path (GET /update) is a 405 with Allow, not a 404.
            cfg.http.prefer405over404 = true;
            cfg.routes.apiBuilder(() -> {
                before(sessions::attach);
                // An answer whose words or labels came from Accept-Language says so, for caches.
                after(Language::addVary);
                routes(cg, metrics, queries, writes, admin, home, network, workbench, linkedData, harvest, freshness,
                        directory);
                accountRoutes(cg, signIn, review);
                proposalRoutes(cg, proposals);
                proposeRoutes(propose);
                mapAndEmbedRoutes(maps, embeds);
            });

            cfg.routes.exception(Problem.class, (e, ctx) -> Errors.respond(ctx, e));
            cfg.routes.exception(InvalidForm.class, (e, ctx) -> ProposeRoutes.invalid(e, ctx));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e instanceof io.javalin.http.MethodNotAllowedResponse) {
                    // Javalin lists the methods the path has in the details; a 405 says them in Allow.
                    ctx.header("Allow", String.join(", ", e.getDetails().values()));
                }
                Errors.respond(ctx, e.getStatus(),
                        e.getStatus() == 404 ? "not-found" : e.getStatus() == 405 ? "method-not-allowed" : "http-" + e.getStatus(),
                        e.getStatus() == 404 ? "Nothing at " + ctx.path() + ". The home page / links to everything." : e.getMessage());
            });
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

    /**
     * Every route, as a tree. Reads are open. Writes sit in groups whose one before-handler checks
     * the caller's role (see {@link Auth}) before any handler runs, so an unauthenticated write is
     * answered 401/403 before its body is read or parsed.
     */
    private static void routes(Copgraph cg, PrometheusMeterRegistry metrics, QueryRoutes queries, WriteRoutes writes,
                               AdminRoutes admin, HomePage home, NetworkRoutes network, WorkbenchRoutes workbench,
                               LinkedDataRoutes linkedData, HarvestRoutes harvest, FreshnessRoutes freshness,
                               DirectoryRoutes directory) {
        Tokens tokens = cg.tokens();
        before(App::refuseMalformedPath);
        before(ctx -> Negotiation.requireSomeMediaRange(ctx.header("Accept")));

        get("/", home::render);
        get(org.w3id.copgraph.directory.Directory.PATH, directory::cops);
        get("/health", home::health);
        get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        get("/assets/yasgui/<path>", new Assets("yasgui")::serve);
        get("/assets/workbench/<path>", new Assets("workbench")::serve);
        get("/assets/site/<path>", new Assets("site")::serve);
        get("/webjars/<path>", new Assets("META-INF/resources/webjars")::serve);
        // Browsers ask for /favicon.ico whatever the page says; an SVG served there is shown.
        get("/favicon.ico", ctx -> Assets.file(ctx, "site/favicon.svg"));
        get("/favicon.svg", ctx -> Assets.file(ctx, "site/favicon.svg"));
        get("/assets/cytoscape.min.js", network::cytoscape);
        get("/assets/explore.js", network::exploreScript);

        path("/api/queries", () -> {
            get(queries::list);
            get("/{name}", queries::run);
            get("/{name}/about", queries::one);
        });
        get("/api/openapi.json", workbench::openApi);
        get("/api/docs", workbench::docs);
        get("/query-editor", workbench::editor);

        path("/api/network", () -> {
            get("/neighbourhood", network::neighbourhood);
            get("/paths", network::paths);
            get("/metrics", network::metrics);
            get("/search", network::search);
            get("/projections", network::projections);
            for (ExportFormat f : ExportFormat.values()) {
                get("/export." + f.extension, ctx -> network.export(ctx, f));
            }
        });
        get("/explore", network::explore);
        get(org.w3id.copgraph.suggestions.SuggestionsApi.PATH, new SuggestionRoutes(cg)::suggestions);

        get("/id/<path>", linkedData::resource);
        get("/graph/<path>", linkedData::resource);
        get("/ontology", linkedData::ontology);
        get(LinkedDataRoutes.CONTEXT_PATH, linkedData::context);
        get("/sitemap.xml", linkedData::sitemap);

        get("/dumps/", harvest::dumpIndex);
        get("/dumps/{file}", harvest::dump);
        get("/.well-known/void", harvest::description);
        path("/ldes", () -> {
            get(harvest::streamRoot);
            get("/{page}", harvest::streamPage);
            get("/member/{n}", harvest::streamMember);
        });
        get("/fragments", harvest::fragment);

        // Writes: a curator's token, checked before the body is read.
        Handler curatorWrites = Auth.writesRequire(Role.CURATOR, tokens);
        guarded("/update", curatorWrites, () -> post(writes::update));
        guarded("/data", curatorWrites, () -> {
            get(writes::getGraph);
            put(writes::putGraph);
            post(writes::postGraph);
            delete(writes::deleteGraph);
        });
        guarded("/api/imports", curatorWrites, () -> post(writes::importData));

        // Freshness: confirming (a curator, or the CoP's owner) and removing (a curator), checked before the body is read.
        path("/api/cops/{slug}", () -> {
            before("/confirm", freshness.confirmGuard(tokens));
            post("/confirm", freshness::confirm);
            before("/remove", Auth.checks(tokens, (ctx, caller) -> Freshness.requireMayRemove(caller)));
            post("/remove", freshness::remove);
        });
        guarded("/review/stale", Auth.pageRequires(Role.CURATOR, tokens), () -> get(freshness::stale));
        get("/feeds/cops.atom", freshness::feed);

        // Administration: an admin's token for everything, reads included (a backup is the whole store).
        guarded("/api/admin", Auth.requires(Role.ADMIN, tokens), () -> {
            get("/backup", admin::backup);
            post("/restore", admin::restore);
            get("/tokens", admin::listTokens);
            post("/tokens", admin::issueToken);
        });
    }

    /**
     * Signing in and out (browsers), and the curators' review pages: a signed-out browser asking
     * for one is sent to sign in, an API client gets the 401.
     */
    private static void accountRoutes(Copgraph cg, SignInRoutes signIn, ReviewRoutes review) {
        get(SignInRoutes.PATH, signIn::page);
        post(SignInRoutes.PATH, signIn::signIn);
        post("/sign-out", signIn::signOut);
        // Signing out changes state: only by POST (the button in every page's header); the address itself shows that button.
        get("/sign-out", ctx -> ctx.redirect(SignInRoutes.PATH, io.javalin.http.HttpStatus.SEE_OTHER));
        guarded("/review", Auth.pageRequires(Role.CURATOR, cg.tokens()), () -> {
            get(review::queue);
            get("/{id}", review::proposal);
        });
    }

    /**
     * Proposals: anyone may send one (checked for origin, rate and size before its body is read);
     * its status address is open to whoever has it; the list, accept and reject are curators'
     * (checked before any body is read), as are owner links. An owner link signs its holder in.
     */
    private static void proposalRoutes(Copgraph cg, ProposalRoutes proposals) {
        Handler curator = Auth.requires(Role.CURATOR, cg.tokens());
        path("/api/proposals", () -> {
            before("", proposals::intake);
            get(proposals::list);
            post(proposals::submit);
            before("/{id}/accept", curator);
            before("/{id}/reject", curator);
            get("/{id}", proposals::status);
            post("/{id}/accept", proposals::accept);
            post("/{id}/reject", proposals::reject);
        });
        guarded("/api/cops/{slug}/owner-link", curator, () -> {
            post(proposals::createOwnerLink);
            delete(proposals::revokeOwnerLinks);
        });
        get("/owner/{token}", proposals::ownerSignIn);
    }

    /**
     * The proposal forms, generated from the shapes: anyone may open them; they post to
     * {@code /api/proposals}.
     */
    private static void proposeRoutes(ProposeRoutes propose) {
        get("/propose", propose::list);
        get("/propose/{form}", propose::form);
        get("/cops/{slug}/edit", propose::editCop);
    }

    /**
     * The map, and the widgets for partners' sites: {@code /embed/...} take their full page's
     * parameters and are the only pages that may be framed ({@link SecurityHeaders}); {@code /oembed}
     * describes them.
     */
    private static void mapAndEmbedRoutes(MapRoutes maps, EmbedRoutes embeds) {
        get(org.w3id.copgraph.maps.Maps.PATH, maps::page);
        path("/embed", () -> {
            get("/cop/{slug}", embeds::cop);
            get("/cops", embeds::cops);
            get("/network", embeds::network);
            get("/query/{name}", embeds::query);
            get("/map", embeds::map);
        });
        get("/oembed", embeds::oembed);
    }

    /**
     * A group of routes under {@code path} with one before-handler, {@code guard}, for the path
     * itself and everything below it (Javalin's {@code before("/*")} alone misses the group's own path).
     */
    private static void guarded(String path, Handler guard, EndpointGroup routes) {
        path(path, () -> {
            before("", guard);
            before("/*", guard);
            routes.addEndpoints();
        });
    }

    /**
     * Javalin decodes path parameters with {@code URLDecoder}, which throws on a '%' not followed by
     * two hex digits ({@code /id/..%u2215..%u2215etc}); such a path is the client's error, a 400.
     */
    private static void refuseMalformedPath(Context ctx) {
        String raw = ctx.req().getRequestURI();
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                throw Problem.badRequest("bad-path", "The path has a '%' that is not followed by two hex digits;"
                        + " write '%' as %25, and other characters as UTF-8 bytes (%E2%88%95), not %u2215.");
            }
        }
    }
}
