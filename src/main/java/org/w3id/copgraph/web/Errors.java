package org.w3id.copgraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.ErrorText;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.view.ErrorView;

/**
 * The one error shape: JSON {@code {"status", "error", "message"}} for API clients, a readable
 * page for browsers, plain text for clients that ask for it. Every message passes
 * {@link ErrorText#forClients} here, the one place errors are rendered: an error body never
 * names a Java class or a server directory, whatever a library put into a message.
 */
final class Errors {

    private Errors() {
    }

    static void respond(Context ctx, Problem p) {
        if (p instanceof Problem.TooManyRequests t) {
            ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfterSeconds())));
        }
        respond(ctx, p.status(), p.code(), p.getMessage(), p.closeMatches());
    }

    static void respond(Context ctx, int status, String code, String raw) {
        respond(ctx, status, code, raw, List.of());
    }

    private static void respond(Context ctx, int status, String code, String raw, List<Problem.Match> closeMatches) {
        String message = ErrorText.forClients(raw);
        ctx.status(status);
        if (org.w3id.copgraph.sparql.UnreadBody.refuses(status)) {
            org.w3id.copgraph.sparql.UnreadBody.discard(ctx.req(), ctx.res());
        }
        if (status == 401) {
            // RFC 6750: a token that was sent but is not valid is "invalid_token"; no token at all has no error code.
            ctx.header("WWW-Authenticate", "Bearer realm=\"copgraph\"" + (code.equals("token-required") ? "" : ", error=\"invalid_token\""));
        }
        String accept = ctx.header("Accept");
        // A browser gets the readable page on /api paths too (a person following a link there);
        // API clients do not ask for HTML first, so they keep the JSON shape.
        if (Negotiation.wantsHtml(accept)) {
            html(ctx, status, code, message);
        } else if (Negotiation.prefers(accept, "text/plain")) {
            text(ctx, status, code, message);
        } else {
            json(ctx, status, code, message, closeMatches);
        }
    }

    /**
     * For documents served in many formats (resources, the ontology): the error comes in the
     * kind of format asked for. JSON for JSON and JSON-LD clients, a page for browsers, plain text
     * for the rest (Turtle, N-Triples, RDF/XML... readers). {@code mediaType} is the negotiated
     * format, or null when negotiation itself failed (then the Accept header decides).
     */
    static void respondForDocument(Context ctx, Problem p, String mediaType) {
        ctx.status(p.status());
        String message = ErrorText.forClients(p.getMessage());
        String accept = ctx.header("Accept");
        boolean html = mediaType != null ? mediaType.equals("text/html") : Negotiation.wantsHtml(accept);
        boolean json = mediaType != null ? mediaType.contains("json") : Negotiation.acceptsJson(accept);
        if (html) {
            html(ctx, p.status(), p.code(), message);
        } else if (json) {
            json(ctx, p.status(), p.code(), message, p.closeMatches());
        } else {
            text(ctx, p.status(), p.code(), message);
        }
    }

    private static void html(Context ctx, int status, String code, String message) {
        Pages.html(ctx, "error", ErrorView.of(status, code, message));
    }

    private static void text(Context ctx, int status, String code, String message) {
        ctx.contentType("text/plain; charset=utf-8").result(status + " " + code + ": " + message + "\n");
    }

    private static void json(Context ctx, int status, String code, String message, List<Problem.Match> closeMatches) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", code);
        body.put("message", message);
        if (!closeMatches.isEmpty()) {
            // Only where a name was not found: a client can offer them as "did you mean".
            body.put("closeMatches", closeMatches.stream().map(m -> Map.of("iri", m.iri(), "label", m.label())).toList());
        }
        ctx.json(body);
    }
}
