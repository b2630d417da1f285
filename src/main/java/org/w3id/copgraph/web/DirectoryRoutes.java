package org.w3id.copgraph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.directory.DirectoryPage;
import org.w3id.copgraph.directory.DirectoryRequest;

/** {@code /cops}: the directory of CoPs, as a page (no JavaScript needed) or as JSON, by content negotiation. */
final class DirectoryRoutes {

    private record Offer(String mediaType, String shortName) {
    }

    private static final List<Offer> OFFERS = List.of(new Offer("text/html", "html"), new Offer("application/json", "json"),
            new Offer("application/geo+json", "geojson"));

    private final Copgraph cg;

    DirectoryRoutes(Copgraph cg) {
        this.cg = cg;
    }

    void cops(Context ctx) {
        Offer offer = Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), OFFERS, Offer::mediaType, Offer::shortName);
        DirectoryRequest request = DirectoryRequest.parse(ctx.queryParamMap(), Language.chain().first());
        DirectoryPage page = cg.directory().search(request);
        ctx.header("Vary", "Accept, Accept-Language");
        if (offer.shortName().equals("geojson")) {
            // Every matching CoP (not one page): a FeatureCollection is what a partner's map takes whole.
            ctx.json(cg.maps().geoJson(request, cg.publicUrl()::of));
            ctx.contentType("application/geo+json");
        } else if (offer.shortName().equals("json")) {
            // Links followed by any client should answer JSON again, whatever it sends as Accept.
            ctx.json(json(page, ctx.queryParam("format") != null));
        } else {
            Pages.html(ctx, "cops", page);
        }
    }

    /** The JSON answer: the request as understood, the cards, the facets with counts, and the links. */
    static Map<String, Object> json(DirectoryPage page, boolean formatInLinks) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", page.q());
        Map<String, Object> filters = new LinkedHashMap<>();
        page.request().filters().forEach((f, v) -> filters.put(f.param, v));
        query.put("filters", filters);
        query.put("sort", page.request().sort().param());
        query.put("lang", page.lang());
        body.put("query", query);
        body.put("total", page.total());
        body.put("page", page.page());
        body.put("size", page.size());
        body.put("pages", page.pages());
        body.put("staleAfter", page.staleAfter());
        List<Object> cards = new ArrayList<>();
        for (DirectoryPage.Card c : page.cards()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iri", c.iri());
            m.put("href", c.href());
            m.put("name", c.name());
            m.put("description", c.description());
            m.put("domains", named(c.domains()));
            m.put("practices", named(c.practices()));
            m.put("tools", named(c.tools()));
            m.put("organisations", named(c.organisations()));
            m.put("places", named(c.places()));
            m.put("meets", c.meets());
            m.put("languages", c.languages().stream().map(DirectoryPage.Named::key).toList());
            m.put("status", c.status() == null ? null : named(List.of(c.status())).get(0));
            m.put("lastReviewed", c.lastReviewed());
            m.put("freshness", c.freshness());
            if (c.score() != null) {
                m.put("score", c.score());
            }
            cards.add(m);
        }
        body.put("cards", cards);
        Map<String, Object> facets = new LinkedHashMap<>();
        for (DirectoryPage.FacetView f : page.facets()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("title", f.title());
            List<Object> values = new ArrayList<>();
            for (DirectoryPage.FacetValue v : f.values()) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("value", v.key());
                if (v.iri() != null) {
                    vm.put("iri", v.iri());
                }
                vm.put("label", v.label());
                vm.put("count", v.count());
                vm.put("selected", v.selected());
                vm.put("href", link(v.href(), formatInLinks));
                values.add(vm);
            }
            fm.put("values", values);
            fm.put("more", f.more());
            fm.put("moreHref", link(f.moreHref(), formatInLinks));
            facets.put(f.param(), fm);
        }
        body.put("facets", facets);
        Map<String, Object> links = new LinkedHashMap<>();
        DirectoryPage.Links l = page.links();
        links.put("self", link(l.self(), formatInLinks));
        links.put("first", link(l.first(), formatInLinks));
        links.put("prev", link(l.prev(), formatInLinks));
        links.put("next", link(l.next(), formatInLinks));
        links.put("last", link(l.last(), formatInLinks));
        links.put("clearFilters", link(l.clearFilters(), formatInLinks));
        links.put("clearSearch", link(l.clearSearch(), formatInLinks));
        body.put("links", links);
        return body;
    }

    private static List<Map<String, Object>> named(List<DirectoryPage.Named> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DirectoryPage.Named n : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iri", n.iri());
            if (n.key() != null) {
                m.put("value", n.key());
            }
            m.put("label", n.label());
            m.put("href", n.href());
            out.add(m);
        }
        return out;
    }

    private static String link(String href, boolean withFormat) {
        if (href == null || !withFormat) {
            return href;
        }
        return href + (href.contains("?") ? "&" : "?") + "format=json";
    }
}
