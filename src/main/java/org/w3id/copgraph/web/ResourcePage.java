package org.w3id.copgraph.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.linkeddata.Description;
import org.w3id.copgraph.linkeddata.DocumentFormat;
import org.w3id.copgraph.linkeddata.Documents;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * The HTML page of one resource: its label, types, every statement with the source it came
 * from, the resources that point to it (one page per property) and its sources. Plain HTML that
 * reads without JavaScript; the resource's JSON-LD is embedded for search engines.
 */
final class ResourcePage {

    /** Above this, the page shows the first rows and points to the full data. */
    static final int MAX_ROWS = 500;

    private ResourcePage() {
    }

    static Graph graphOf(Description d) {
        Graph g = Documents.newGraph();
        d.statements().forEach(q -> g.add(q.asTriple()));
        return g;
    }

    static String render(Description d, Iris iris, String path, String jsonLd) {
        Map<String, Integer> sourceNumbers = new LinkedHashMap<>();
        Links links = new Links(iris, d, sourceNumbers);
        String title = d.label(d.iri());
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.escape(title)).append("</h1>");
        b.append("<p>IRI: <code>").append(Html.escape(d.iri())).append("</code></p>");
        List<Node> types = d.types();
        if (!types.isEmpty()) {
            b.append("<p>A ");
            for (int i = 0; i < types.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(links.iri(types.get(i)));
            }
            b.append("</p>");
        }
        b.append("<p>").append("<a href=\"/explore?focus=").append(Html.escape(enc(d.iri()))).append("\">Explore the network around it</a>")
                .append(" · <a href=\"/sparql?query=").append(Html.escape(enc("DESCRIBE <" + d.iri() + ">"))).append("\">Ask the SPARQL endpoint</a>")
                .append(" · As data: ");
        for (DocumentFormat f : DocumentFormat.RESOURCE) {
            if (f != DocumentFormat.HTML) {
                b.append("<a href=\"").append(Html.escape(path)).append("?format=").append(f.shortName).append("\" type=\"")
                        .append(f.mediaType).append("\">").append(f.shortName).append("</a> ");
            }
        }
        b.append("</p>");

        statements(b, d, links, path);
        inverse(b, d, links, path);
        sources(b, d, links);

        b.append("<script type=\"application/ld+json\">\n").append(jsonLd.replace("</", "<\\/").replace("<!--", "<\\!--"))
                .append("</script>");
        StringBuilder head = new StringBuilder();
        head.append("<link rel=\"canonical\" href=\"").append(Html.escape(path)).append("\">\n");
        for (DocumentFormat f : DocumentFormat.RESOURCE) {
            if (f != DocumentFormat.HTML) {
                head.append("<link rel=\"alternate\" type=\"").append(f.mediaType).append("\" href=\"")
                        .append(Html.escape(path)).append("?format=").append(f.shortName).append("\">\n");
            }
        }
        return Html.page(title, head.toString(), b.toString());
    }

    private static void statements(StringBuilder b, Description d, Links links, String path) {
        Map<Node, List<Quad>> byProperty = new LinkedHashMap<>();
        List<Quad> own = new ArrayList<>(d.own());
        own.sort((x, y) -> {
            boolean tx = x.getPredicate().equals(RDF.type.asNode());
            boolean ty = y.getPredicate().equals(RDF.type.asNode());
            if (tx != ty) {
                return tx ? -1 : 1;
            }
            int c = d.label(x.getPredicate().getURI()).compareToIgnoreCase(d.label(y.getPredicate().getURI()));
            return c != 0 ? c : x.getObject().toString().compareTo(y.getObject().toString());
        });
        for (Quad q : own) {
            byProperty.computeIfAbsent(q.getPredicate(), k -> new ArrayList<>()).add(q);
        }
        b.append("<h2 id=\"statements\">Statements</h2>");
        if (own.isEmpty()) {
            b.append("<p>No source states anything about it; it is only pointed to.</p>");
            return;
        }
        b.append("<table><thead><tr><th scope=\"col\">Property</th><th scope=\"col\">Value</th><th scope=\"col\">Source</th></tr></thead><tbody>");
        int rows = 0;
        for (var e : byProperty.entrySet()) {
            boolean first = true;
            // One row per value, with every source that states it: the same type stated by three
            // sources is one fact with three witnesses.
            Map<Node, java.util.List<Node>> sourcesByValue = new LinkedHashMap<>();
            for (Quad q : e.getValue()) {
                sourcesByValue.computeIfAbsent(q.getObject(), k -> new java.util.ArrayList<>()).add(q.getGraph());
            }
            for (var v : sourcesByValue.entrySet()) {
                if (rows++ >= MAX_ROWS) {
                    break;
                }
                b.append("<tr>");
                b.append(first ? "<th scope=\"row\">" + links.iri(e.getKey()) + "</th>" : "<td></td>");
                first = false;
                b.append("<td>").append(links.value(v.getKey())).append("</td><td>");
                v.getValue().forEach(g -> b.append(links.source(g)).append(' '));
                b.append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
        if (own.size() > MAX_ROWS) {
            b.append("<p>Showing the first ").append(MAX_ROWS).append(" of ").append(own.size())
                    .append(" statements. All of them: <a href=\"").append(Html.escape(path)).append("?format=ttl\">Turtle</a>, <a href=\"")
                    .append(Html.escape(path)).append("?format=trig\">TriG (with sources)</a>.</p>");
        }
    }

    private static void inverse(StringBuilder b, Description d, Links links, String path) {
        if (d.inverse().isEmpty()) {
            return;
        }
        int page = d.inversePage();
        b.append("<h2 id=\"inverse\">Pointing here</h2>");
        if (page > 1) {
            b.append("<p>Page ").append(page).append(" · <a href=\"").append(Html.escape(path)).append(page == 2 ? "" : "?inverse-page=" + (page - 1))
                    .append("#inverse\">previous page</a></p>");
        }
        for (Description.InverseGroup g : d.inverse()) {
            b.append("<h3>").append(Html.escape(d.label(g.predicate().getURI()))).append(" <small>(")
                    .append(g.total()).append(")</small></h3><ul>");
            for (Description.Link l : g.links()) {
                b.append("<li>").append(links.value(l.subject())).append(" ").append(links.source(l.graph())).append("</li>");
            }
            long more = g.remainingAfter(page, d.inversePageSize());
            if (more > 0) {
                b.append("<li><a href=\"").append(Html.escape(path)).append("?inverse-page=").append(page + 1)
                        .append("#inverse\">+").append(more).append(" more</a></li>");
            }
            b.append("</ul>");
        }
    }

    private static void sources(StringBuilder b, Description d, Links links) {
        b.append("<h2 id=\"sources\">Sources</h2><ol>");
        for (var e : links.sourceNumbers().entrySet()) {
            Description.Source s = d.sources().get(e.getKey());
            b.append("<li id=\"source-").append(e.getValue()).append("\"><a href=\"")
                    .append(Html.escape(links.href(e.getKey()))).append("\">").append(Html.escape(s == null ? e.getKey() : s.title())).append("</a>");
            if (s != null && s.url() != null) {
                b.append(" · from <a href=\"").append(Html.escape(s.url())).append("\" rel=\"nofollow\">")
                        .append(Html.escape(s.url())).append("</a>");
            }
            b.append("</li>");
        }
        b.append("</ol>");
    }

    /** {@code cop:hostedBy} for an IRI in a known namespace, else null. */
    static String prefixed(String iri) {
        String best = null;
        int bestLen = 0;
        for (var e : Cop.PREFIXES.entrySet()) {
            if (iri.startsWith(e.getValue()) && e.getValue().length() > bestLen) {
                best = e.getKey() + ":" + iri.substring(e.getValue().length());
                bestLen = e.getValue().length();
            }
        }
        return best;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Renders IRIs, values and source references, numbering sources in order of first use. */
    private record Links(Iris iris, Description d, Map<String, Integer> sourceNumbers) {

        /** Where an IRI's link points: our resources and terms on this host, anything else where it lives. */
        String href(String iri) {
            if (iri.startsWith(Cop.NS)) {
                return "/ontology#" + iri.substring(Cop.NS.length());
            }
            if (iri.equals(Cop.ONTOLOGY)) {
                return "/ontology";
            }
            String path = iris.pathOf(iri);
            return path != null ? path : iri;
        }

        String iri(Node n) {
            String iri = n.getURI();
            String prefixed = prefixed(iri);
            return "<a href=\"" + Html.escape(href(iri)) + "\"" + (iris.pathOf(iri) == null && !iri.startsWith(Cop.NS) ? " rel=\"nofollow\"" : "")
                    + ">" + Html.escape(d.label(iri)) + "</a>" + (prefixed != null ? " <small><code>" + Html.escape(prefixed) + "</code></small>" : "");
        }

        String value(Node o) {
            if (o.isURI()) {
                String iri = o.getURI();
                return "<a href=\"" + Html.escape(href(iri)) + "\">" + Html.escape(d.labels().containsKey(iri) ? d.label(iri) : iri) + "</a>";
            }
            if (o.isLiteral()) {
                String lang = o.getLiteralLanguage();
                String dt = o.getLiteralDatatypeURI();
                StringBuilder v = new StringBuilder();
                v.append(lang.isEmpty() ? "<span>" : "<span lang=\"" + Html.escape(lang) + "\">").append(Html.escape(o.getLiteralLexicalForm())).append("</span>");
                if (!lang.isEmpty()) {
                    v.append(" <small>@").append(Html.escape(lang)).append("</small>");
                } else if (dt != null && !dt.equals("http://www.w3.org/2001/XMLSchema#string")) {
                    String p = prefixed(dt);
                    v.append(" <small>").append(Html.escape(p != null ? p : dt)).append("</small>");
                }
                return v.toString();
            }
            // A blank node: its statements, nested.
            StringBuilder v = new StringBuilder("<dl>");
            for (Quad q : d.about(o)) {
                v.append("<dt>").append(Html.escape(d.label(q.getPredicate().getURI()))).append("</dt><dd>")
                        .append(q.getObject().isBlank() ? "…" : value(q.getObject())).append("</dd>");
            }
            return v.append("</dl>").toString();
        }

        String source(Node graph) {
            String g = graph.getURI();
            int n = sourceNumbers.computeIfAbsent(g, k -> sourceNumbers.size() + 1);
            Description.Source s = d.sources().get(g);
            return "<a href=\"#source-" + n + "\" aria-label=\"Source " + n + ": " + Html.escape(s == null ? g : s.title())
                    + "\" title=\"" + Html.escape(s == null ? g : s.title()) + "\">[" + n + "]</a>";
        }
    }
}
