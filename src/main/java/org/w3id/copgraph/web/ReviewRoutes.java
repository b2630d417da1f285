package org.w3id.copgraph.web;

import java.util.Locale;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.proposals.ReviewDiff;

/**
 * {@code /review} and {@code /review/{id}}: the curators' queue of proposals and the page of one,
 * with its diff, its SHACL report and the accept and reject forms (which post to
 * {@code /api/proposals/{id}/accept|reject}). The route group's before-handler has let only
 * curators through (see {@link Auth#pageRequires}).
 */
final class ReviewRoutes {

    /** How many decided proposals the queue lists below the pending ones. */
    private static final int DECIDED_SHOWN = 20;

    private final Copgraph cg;
    private final ReviewDiff review;

    ReviewRoutes(Copgraph cg) {
        this.cg = cg;
        this.review = cg.reviewDiff();
    }

    void queue(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Pages.html(ctx, "review", review.queue(cg.proposals().list(null), DECIDED_SHOWN, language(ctx)));
    }

    void proposal(Context ctx) {
        String id = ctx.pathParam("id");
        var p = cg.proposals().get(id).orElseThrow(() -> Problem.notFound("no-such-proposal",
                "There is no proposal '" + id + "'. The queue at /review lists them all."));
        ctx.header("Cache-Control", "no-store");
        Pages.html(ctx, "review-proposal", review.view(p, language(ctx)));
    }

    /**
     * The language labels are shown in: {@code ?lang=} if given, else the browser's first choice
     * ({@code Accept-Language}), as a lower-case primary tag ("it"); null: English first.
     */
    static String language(Context ctx) {
        String asked = ctx.queryParam("lang");
        if (asked == null || asked.isBlank()) {
            String header = ctx.header("Accept-Language");
            asked = header == null ? null : header.split("[,;]", 2)[0];
        }
        if (asked == null) {
            return null;
        }
        String tag = asked.strip().toLowerCase(Locale.ROOT);
        return tag.matches("[a-z]{2,3}(-[a-z0-9]{1,8})*") ? tag.split("-", 2)[0] : null;
    }
}
