package org.w3id.copgraph.web;

import java.util.ArrayList;
import java.util.List;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.ParamType;
import org.w3id.copgraph.suggestions.Include;
import org.w3id.copgraph.suggestions.SuggestionList;
import org.w3id.copgraph.suggestions.Suggestions;

/** {@code GET /api/suggestions?cop=IRI | person=IRI | organisation=IRI [&limit=N] [&include=...]}. */
final class SuggestionRoutes {

    private record Offer(String mediaType, String shortName) {
    }

    private static final List<Offer> OFFERS = List.of(new Offer("application/json", "json"));
    private static final List<String> SUBJECTS = List.of("cop", "person", "organisation");

    private final Copgraph cg;

    SuggestionRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void suggestions(Context ctx) {
        Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), OFFERS, Offer::mediaType, Offer::shortName);
        List<String> given = new ArrayList<>();
        for (String s : SUBJECTS) {
            if (ctx.queryParam(s) != null) {
                given.add(s);
            }
        }
        if (given.size() != 1) {
            throw Problem.badRequest("bad-parameter", "Give exactly one of 'cop', 'person' or 'organisation': a resource IRI"
                    + " or a path such as /id/cop/urbana.");
        }
        String param = given.get(0);
        String value = ctx.queryParam(param);
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + param + "' needs a resource IRI or a path such as /id/cop/urbana.");
        }
        String iri = ParamType.IRI.parse(param, value, null, cg.settings().iris()).getURI();
        int limit = limit(ctx.queryParam("limit"));
        Include include = Include.parse("include", ctx.queryParam("include"));
        SuggestionList list = param.equals("cop") ? cg.suggestions().forCop(iri, limit, include)
                : cg.suggestions().forAgent(iri, limit, include);
        // Keep the published RDF in step too (it is also refreshed at start-up and after changes).
        if (!cg.suggestionsGraph().isCurrent()) {
            cg.suggestionsGraph().refresh().refreshInBackground();
        }
        ctx.header("Vary", "Accept");
        ctx.json(list);
    }

    private static int limit(String v) {
        if (v == null || v.isBlank()) {
            return Suggestions.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-parameter", "Parameter 'limit' must be a whole number from 1 to " + Suggestions.MAX_LIMIT + ".");
        }
    }
}
