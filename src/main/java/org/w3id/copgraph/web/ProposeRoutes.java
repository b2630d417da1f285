package org.w3id.copgraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.forms.FormView;
import org.w3id.copgraph.forms.Forms;
import org.w3id.copgraph.forms.InvalidForm;
import org.w3id.copgraph.proposals.Proposal;
import org.w3id.copgraph.proposals.ProposalInput;
import org.w3id.copgraph.view.ProposeView;

/**
 * {@code /propose}: what one can propose; {@code /propose/{form}} (and {@code /cops/{slug}/edit}
 * for a change to a CoP): a form generated from the shapes; its POST hands what the form reads
 * to the proposals intake. A form that breaks the shapes comes back (422) with the values as
 * typed and the shapes' messages next to the fields.
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

    /**
     * Before a form post's body is read: it must come from a page of this site (a cross-site
     * post is refused), the client must not be over its proposal allowance, and a token sent
     * must be a good one.
     */
    void guard(Context ctx) {
        if (Auth.isSafe(ctx)) {
            return;
        }
        SameOrigin.require(ctx, cg.publicUrl());
        cg.proposals().checkRate(ctx.ip());
        Auth.fromRequest(ctx, cg.tokens());
    }

    void submit(Context ctx) {
        String form = ctx.pathParam("form");
        Map<String, List<String>> fields = ctx.formParamMap();
        String target = first(fields, Forms.TARGET);
        ProposalInput in = cg.forms().read(form, fields, target);
        Caller who = Auth.caller(ctx, cg.tokens());
        Proposal p;
        try {
            p = cg.proposals().submit(in, who, ctx.ip());
        } catch (Problem refused) {
            if (refused.status() == 429 || !Negotiation.wantsHtml(ctx.header("Accept"))) {
                throw refused;
            }
            // Read well, turned down by the intake (nothing to change, already there): the form again, with why.
            ctx.status(refused.status());
            Pages.html(ctx, "form", cg.forms().redisplay(form, fields, target, List.of(refused.getMessage())));
            return;
        }
        ctx.status(202).header("Location", p.statusPath());
        if (Negotiation.wantsHtml(ctx.header("Accept"))) {
            Pages.html(ctx, "proposed", new ProposeView.Sent(p.id(), p.statusPath(), p.kind(), p.target(),
                    cg.settings().iris().pathOf(p.target()), p.pending()));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", p.id());
            body.put("status", p.status().label());
            body.put("kind", p.kind());
            body.put("target", p.target());
            body.put("location", p.statusPath());
            ctx.json(body);
        }
    }

    /** A form that breaks the shapes: the form again for a browser, the messages by field for an API client. */
    static void invalid(InvalidForm e, Context ctx) {
        ctx.status(422);
        if (Negotiation.wantsHtml(ctx.header("Accept"))) {
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

    private static String first(Map<String, List<String>> fields, String key) {
        List<String> v = fields.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
