package org.w3id.copgraph.web;

import java.util.List;
import java.util.StringJoiner;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.linkeddata.Description;
import org.w3id.copgraph.linkeddata.DocumentFormat;
import org.w3id.copgraph.linkeddata.Documents;
import org.w3id.copgraph.linkeddata.OntologyDocument;
import org.w3id.copgraph.linkeddata.OntologyView;
import org.w3id.copgraph.linkeddata.ResourceDescriptions;
import org.w3id.copgraph.linkeddata.ResourceView;
import org.w3id.copgraph.linkeddata.Sitemap;
import org.w3id.copgraph.model.Iris;

/**
 * Dereferencing: {@code /id/...} and {@code /graph/...} (a resource or a source graph),
 * {@code /ontology}, its JSON-LD context and {@code /sitemap.xml}. The host serving the request
 * stands for the base: a request for {@code /id/cop/urbana} is about {@code {base}id/cop/urbana}.
 * Absolute links (sitemap entries, the JSON-LD context) start at the public URL.
 */
final class LinkedDataRoutes {

    static final String CONTEXT_PATH = OntologyView.CONTEXT_PATH;

    private final Copgraph cg;
    private final Iris iris;
    private final ResourceDescriptions descriptions;
    private final Documents documents;
    private final OntologyDocument ontology;
    private final Sitemap sitemap;

    LinkedDataRoutes(Copgraph cg) {
        this.cg = cg;
        this.iris = cg.settings().iris();
        this.descriptions = cg.linkedData().descriptions();
        this.documents = cg.linkedData().documents();
        this.ontology = cg.linkedData().ontology();
        this.sitemap = cg.linkedData().sitemap();
    }

    void resource(Context ctx) {
        ctx.header("Vary", "Accept");
        DocumentFormat format = null;
        try {
            format = negotiate(ctx, DocumentFormat.RESOURCE_OFFERS);
            if (format == DocumentFormat.MURMURATIONS) {
                String iri = iris.forPath(ctx.path());
                ctx.json(cg.linkedData().murmurations().of(iri, i -> cg.publicUrl().of(iris.pathOf(i))));
                return;
            }
            Description d = descriptions.describe(iris.forPath(ctx.path()), pageParam(ctx));
            if (d.statements().isEmpty() && ctx.path().startsWith("/id/cop/")) {
                // Only pointed to (by the change log, say): a CoP removed for a reason is gone, not just unknown.
                Problem gone = gone(Problem.notFound("unknown-resource", "Nothing about " + d.iri()), d.iri());
                if (gone.kind() == Problem.Kind.GONE) {
                    throw gone;
                }
            }
            ctx.header("Link", alternates(ctx.path(), DocumentFormat.RESOURCE));
            if (format == DocumentFormat.HTML) {
                String jsonLd = documents.jsonLd().compact(ResourceView.graphOf(d), null);
                java.util.Map<String, Object> params = new java.util.HashMap<>();
                params.put("view", ResourceView.of(d, iris, ctx.path(), jsonLd, Language.chain()));
                params.put("review", reviewBox(ctx, iris.forPath(ctx.path())));
                params.put("suggestions", suggestionsBox(ctx.path(), d.iri()));
                Pages.html(ctx, "resource", params);
            } else {
                respond(ctx, format, documents.write(d, format, origin() + CONTEXT_PATH));
            }
        } catch (Problem p) {
            Errors.respondForDocument(ctx, gone(p, iris.forPath(ctx.path())), format == null ? null : format.mediaType);
        }
    }

    /**
     * A CoP's freshness on its page; the "Still accurate" button only for a curator or its owner,
     * so such a page is private to the one who asked.
     */
    private org.w3id.copgraph.freshness.ReviewBox reviewBox(Context ctx, String iri) {
        if (!ctx.path().startsWith("/id/cop/")) {
            return null;
        }
        org.w3id.copgraph.curation.Caller viewer;
        try {
            viewer = Auth.caller(ctx, cg.tokens());
        } catch (Problem e) {
            // A bad token does not hide a public page: it is shown as to anyone.
            viewer = org.w3id.copgraph.curation.Caller.ANONYMOUS;
        }
        var box = cg.freshness().reviewBox(iri, viewer);
        if (box != null && box.mayConfirm()) {
            ctx.header("Cache-Control", "private, no-store");
        }
        return box;
    }

    /**
     * Who a CoP could learn from and could help, or the introductions a person or organisation
     * could make; null on other pages, or when the resource is not one the suggestions know.
     */
    private org.w3id.copgraph.suggestions.SuggestionsBox suggestionsBox(String path, String iri) {
        String param = path.startsWith("/id/cop/") ? "cop" : path.startsWith("/id/person/") ? "person"
                : path.startsWith("/id/organisation/") ? "organisation" : null;
        if (param == null) {
            return null;
        }
        try {
            var list = param.equals("cop") ? cg.suggestions().forCop(iri, PAGE_SUGGESTIONS)
                    : cg.suggestions().forAgent(iri, PAGE_SUGGESTIONS);
            var box = org.w3id.copgraph.suggestions.SuggestionsBox.of(list, iris, param);
            // A person or organisation with nothing to introduce gets no section; a CoP says it has none.
            return box.forAgent() && box.isEmpty() ? null : box;
        } catch (Problem p) {
            // Not a CoP (a CoP page of something else), or unknown to them: the page is shown without.
            return null;
        }
    }

    /** How many suggestions of each kind a page lists (the JSON has more). */
    private static final int PAGE_SUGGESTIONS = 5;

    /** A resource that is not there because it was removed (for a reason) is 410 Gone, with the reason. */
    private Problem gone(Problem p, String iri) {
        if (p.kind() != Problem.Kind.NOT_FOUND || !isResource(iri)) {
            return p;
        }
        return cg.freshness().removal(iri).map(r -> new Problem(Problem.Kind.GONE, "removed", "This CoP was removed from"
                + " the graph on " + r.time().toString().substring(0, 10) + (r.agent() == null ? "" : " by " + r.agent())
                + ". Reason: " + r.reason() + " Its history stays in the event stream (/ldes) and the change log.")).orElse(p);
    }

    private boolean isResource(String iri) {
        return iris.isResource(iri);
    }

    void ontology(Context ctx) {
        ctx.header("Vary", "Accept");
        DocumentFormat format = null;
        try {
            format = negotiate(ctx, DocumentFormat.ONTOLOGY);
            OntologyDocument.Snapshot doc = ontology.get();
            ctx.header("Link", alternates("/ontology", DocumentFormat.ONTOLOGY));
            if (format == DocumentFormat.HTML) {
                Pages.html(ctx, "ontology", OntologyView.of(doc, iris));
            } else {
                respond(ctx, format, documents.write(doc.graph(), format, origin() + CONTEXT_PATH));
            }
        } catch (Problem p) {
            Errors.respondForDocument(ctx, p, format == null ? null : format.mediaType);
        }
    }

    void context(Context ctx) {
        ctx.contentType("application/ld+json").result(documents.jsonLd().contextDocument());
    }

    /** The sitemap; with more than 50,000 pages, {@code /sitemap.xml} is an index of {@code ?page=N} files. */
    void sitemap(Context ctx) {
        String origin = origin();
        int files = sitemap.files();
        String pageParam = ctx.queryParam("page");
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (pageParam == null && files > 1) {
            b.append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (int i = 1; i <= files; i++) {
                b.append("  <sitemap><loc>").append(origin).append("/sitemap.xml?page=").append(i).append("</loc></sitemap>\n");
            }
            b.append("</sitemapindex>\n");
        } else {
            int page = pageParam == null ? 1 : parsePage(pageParam, "page");
            if (page > files) {
                throw Problem.notFound("no-such-sitemap", "The sitemap has " + files + " file(s); there is no page " + page + ".");
            }
            b.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String iri : sitemap.file(page)) {
                b.append("  <url><loc>").append(xml(origin + iris.pathOf(iri))).append("</loc></url>\n");
            }
            b.append("</urlset>\n");
        }
        ctx.contentType("application/xml; charset=utf-8").result(b.toString());
    }

    /** Text escaped for XML content (jte's HTML-content escaping, which XML reads the same way). */
    private static String xml(String text) {
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        gg.jte.html.escape.Escape.htmlContent(text, out);
        return out.toString();
    }

    private static DocumentFormat negotiate(Context ctx, List<DocumentFormat> offers) {
        return Negotiation.choose(ctx.header("Accept"), ctx.queryParam("format"), offers, f -> f.mediaType, f -> f.shortName);
    }

    private static void respond(Context ctx, DocumentFormat format, byte[] body) {
        ctx.contentType(format.mediaType + (format.mediaType.startsWith("text/") ? "; charset=utf-8" : ""));
        ctx.result(body);
    }

    private static int pageParam(Context ctx) {
        String v = ctx.queryParam("inverse-page");
        return v == null ? 1 : parsePage(v, "inverse-page");
    }

    private static int parsePage(String v, String name) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be a whole number from 1; got '" + v + "'.");
    }

    /** The {@code Link} header naming the same document in every other format. */
    private static String alternates(String path, List<DocumentFormat> formats) {
        StringJoiner j = new StringJoiner(", ");
        for (DocumentFormat f : formats) {
            j.add("<" + path + "?format=" + f.shortName + ">; rel=\"alternate\"; type=\"" + f.mediaType + "\"");
        }
        return j.toString();
    }

    /** The public URL without its final slash (never the request's Host: see {@link org.w3id.copgraph.model.PublicUrl}). */
    private String origin() {
        return cg.publicUrl().site();
    }
}
