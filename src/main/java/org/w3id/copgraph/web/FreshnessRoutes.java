package org.w3id.copgraph.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.ChangeRecord;
import org.w3id.copgraph.curation.Tokens;
import org.w3id.copgraph.freshness.AtomFeed;
import org.w3id.copgraph.freshness.FeedFilter;
import org.w3id.copgraph.freshness.Freshness;
import org.w3id.copgraph.freshness.StaleCop;

/**
 * Freshness over HTTP: confirming a CoP still accurate ({@code POST /api/cops/{slug}/confirm}),
 * removing one for a reason ({@code POST /api/cops/{slug}/remove}), the stale list
 * ({@code /review/stale}) and the Atom feed ({@code /feeds/cops.atom}). A browser's form post is
 * answered 303 to the CoP's page; an API client gets the change as JSON.
 */
final class FreshnessRoutes {

    private static final List<String> PAGE_OR_JSON = List.of("text/html", "application/json");

    private final Copgraph cg;
    private final Freshness freshness;

    FreshnessRoutes(Copgraph cg) {
        this.cg = cg;
        this.freshness = cg.freshness();
    }

    /** Before a confirmation: a curator, or the owner of this CoP (see {@link Freshness#requireMayConfirm}). */
    Handler confirmGuard(Tokens tokens) {
        return Auth.checks(tokens, (ctx, caller) -> Freshness.requireMayConfirm(caller, freshness.copIri(ctx.pathParam("slug"))));
    }

    void confirm(Context ctx) {
        String slug = ctx.pathParam("slug");
        ChangeRecord r = freshness.confirm(Auth.caller(ctx), slug);
        answer(ctx, r, slug);
    }

    void remove(Context ctx) {
        String slug = ctx.pathParam("slug");
        ChangeRecord r = freshness.remove(Auth.caller(ctx), slug, reason(ctx));
        answer(ctx, r, slug);
    }

    void stale(Context ctx) {
        String type = Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), PAGE_OR_JSON, t -> t,
                t -> t.substring(t.indexOf('/') + 1));
        ctx.header("Vary", "Accept");
        ctx.header("Cache-Control", "private, no-store");
        Freshness.StaleList list = freshness.stale();
        if (type.equals("text/html")) {
            Pages.html(ctx, "stale", list);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("staleAfter", list.staleAfter().toString());
        body.put("today", list.today().toString());
        body.put("count", list.cops().size());
        body.put("cops", list.cops().stream().map(FreshnessRoutes::json).toList());
        ctx.json(body);
    }

    void feed(Context ctx) {
        FeedFilter filter = FeedFilter.of(ctx.queryParam("domain"), ctx.queryParam("place"), ctx.queryParam("lang"),
                cg.settings().iris());
        Instant modified = cg.store().lastModified();
        byte[] body = AtomFeed.write(cg.copFeed().entries(filter), filter, cg.publicUrl(), cg.settings().iris(),
                modified != null ? modified : Instant.EPOCH);
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8").result(body);
    }

    private static Map<String, Object> json(StaleCop c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iri", c.iri());
        m.put("label", c.label());
        m.put("lastReviewed", c.lastReviewed() == null ? null : c.lastReviewed().toString());
        m.put("staleSince", c.staleSince() == null ? null : c.staleSince().toString());
        m.put("contacts", c.contacts().stream().map(l -> Map.of("href", l.href(), "label", l.text())).toList());
        m.put("confirm", c.confirmAction());
        return m;
    }

    /** The reason, from the form field or a JSON body's {@code reason}; null when there is none. */
    private static String reason(Context ctx) {
        String type = mediaType(ctx);
        if (type.equals("application/json")) {
            try {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ctx.bodyAsBytes());
                return node != null && node.hasNonNull("reason") ? node.get("reason").asText() : null;
            } catch (java.io.IOException e) {
                throw Problem.badRequest("bad-json", "The body is not JSON: send {\"reason\": \"...\"}.");
            }
        }
        if (type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            return ctx.formParam("reason");
        }
        if (type.isEmpty() || type.equals("text/plain")) {
            return ctx.queryParam("reason") != null ? ctx.queryParam("reason") : ctx.body();
        }
        throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send the reason as the form field 'reason', as JSON {\"reason\": \"...\"}, or as text/plain.");
    }

    /** A browser's form post goes back to the CoP's page; an API client gets the change. */
    private void answer(Context ctx, ChangeRecord r, String slug) {
        if (isFormPost(ctx)) {
            ctx.redirect(cg.settings().iris().pathOf(freshness.copIri(slug)), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Map<String, Object> body = WriteRoutes.changeBody(r);
        body.put("resources", r.resources());
        ctx.json(body);
    }

    private static boolean isFormPost(Context ctx) {
        String type = mediaType(ctx);
        return type.equals("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    private static String mediaType(Context ctx) {
        String t = ctx.header("Content-Type");
        if (t == null) {
            return "";
        }
        int semi = t.indexOf(';');
        return (semi < 0 ? t : t.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
