package org.w3id.copgraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.forms.FormView;
import org.w3id.copgraph.forms.InvalidForm;
import org.w3id.copgraph.view.ProposeView;

/**
 * {@code /propose}: what one can propose; {@code /propose/{form}} (and {@code /cops/{slug}/edit}
 * for a change to a CoP): a form generated from the shapes. It posts to the proposals intake
 * ({@code POST /api/proposals}, which reads it with {@code Forms.read}); a form that breaks the
 * shapes comes back from there (422) with the values as typed and the shapes' messages next to
 * the fields ({@link #invalid}).
 */
final class ProposeRoutes {

    private final Copgraph cg;

    ProposeRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void list(Context ctx) {
        Pages.html(ctx, "propose", ProposeView.of(cg.forms().kinds()));
    }

    void form(Context ctx) {
        show(ctx, cg.forms().form(ctx.pathParam("form"), ctx.queryParam("target")));
    }

    void editCop(Context ctx) {
        show(ctx, cg.forms().form("cop", cg.settings().iris().resource("cop", ctx.pathParam("slug"))));
    }

    private static void show(Context ctx, FormView view) {
        if (!Negotiation.wantsHtml(ctx.header("Accept")) && Negotiation.acceptsJson(ctx.header("Accept"))) {
            ctx.json(view);
        } else {
            Pages.html(ctx, "form", view);
        }
    }

    /** A form that breaks the shapes: the form again for a browser, the messages by field for an API client. */
    static void invalid(InvalidForm e, Context ctx) {
        ctx.status(422);
        String accept = ctx.header("Accept");
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        // As the intake answers form posts: a person at a browser unless the client asks for JSON and not for a page.
        if (Negotiation.wantsHtml(accept) || type.startsWith("application/x-www-form-urlencoded") && !Negotiation.acceptsJson(accept)) {
            Pages.html(ctx, "form", e.view());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 422);
        body.put("error", e.code());
        body.put("message", e.getMessage());
        Map<String, List<String>> byField = new LinkedHashMap<>();
        e.view().groups().forEach(g -> g.fields().forEach(f -> {
            if (f.hasErrors()) {
                byField.put(f.key(), f.errors());
            }
        }));
        e.view().about().fields().forEach(f -> {
            if (f.hasErrors()) {
                byField.put(f.key(), f.errors());
            }
        });
        body.put("fields", byField);
        ctx.json(body);
    }
}
