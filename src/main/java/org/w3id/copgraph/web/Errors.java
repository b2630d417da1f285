package org.w3id.copgraph.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Problem;

/**
 * The one error shape: JSON {@code {"status", "error", "message"}} for API clients, a readable
 * page for browsers, plain text for clients that ask for it.
 */
final class Errors {

    private Errors() {
    }

    static void respond(Context ctx, Problem p) {
        respond(ctx, p.status(), p.code(), p.getMessage());
    }

    static void respond(Context ctx, int status, String code, String message) {
        ctx.status(status);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"copgraph\"");
        }
        String accept = ctx.header("Accept");
        if (Negotiation.wantsHtml(accept) && !ctx.path().startsWith("/api/")) {
            ctx.html(Html.page("Error " + status, "<h1>" + status + " · " + Html.escape(code) + "</h1><p>"
                    + Html.escape(message).replace("\n", "<br>") + "</p><p><a href=\"/\">Back to the home page</a></p>"));
        } else if (accept != null && accept.startsWith("text/plain")) {
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + code + ": " + message + "\n");
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", code);
            body.put("message", message);
            ctx.json(body);
        }
    }
}
