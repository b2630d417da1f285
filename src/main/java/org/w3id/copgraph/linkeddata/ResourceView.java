package org.w3id.copgraph.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.i18n.LanguageChain;
import org.w3id.copgraph.i18n.Messages;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;
import org.w3id.copgraph.view.Source;
import org.w3id.copgraph.view.SourceRef;
import org.w3id.copgraph.view.Statement;
import org.w3id.copgraph.view.Value;

/**
 * What the page of one resource shows: its label, types, every statement with the sources that
 * state it, the resources that point to it (one page per property), its sources (numbered in
 * order of first citation) and its JSON-LD for search engines.
 *
 * @param path            the page's path on the serving host ({@code /id/cop/urbana})
 * @param statements      one row per value, at most {@link #MAX_ROWS}
 * @param totalStatements how many statements the resource has (more than the rows when truncated)
 * @param previous        the previous page of "pointing here", or null on the first
 */
public record ResourceView(String title, String titleLang, String iri, String path, List<Link> types, Link explore, Link sparql,
                           List<Format> formats, List<Statement> statements, int totalStatements, boolean truncated,
                           List<InverseGroup> inverse, int inversePage, Link previous, List<Source> sources, String jsonLd) {

    /** Above this, the page shows the first rows and points to the full data. */
    public static final int MAX_ROWS = 500;

    /** The same document in another format. */
    public record Format(String href, String mediaType, String name) {
    }

    /** The resources pointing here through one property: this page of them, and a link to the next. */
    public record InverseGroup(String property, long total, List<Pointer> pointers, Link more) {
    }

    /** One resource pointing here, and the source that says so. */
    public record Pointer(Value subject, SourceRef source) {
    }

    /** The JSON-LD as the content of a script element: no {@code </script>} or comment can end it early. */
    public String jsonLdScript() {
        return jsonLd.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    /** The resource's statements as a graph (for its JSON-LD). */
    public static Graph graphOf(Description d) {
        Graph g = Documents.newGraph();
        d.statements().forEach(q -> g.add(q.asTriple()));
        return g;
    }

    /** The page of {@code d} for an English reader. */
    public static ResourceView of(Description d, Iris iris, String path, String jsonLd) {
        return of(d, iris, path, jsonLd, LanguageChain.ENGLISH);
    }

    /**
     * The page of {@code d} for a reader of {@code chain}: labels of the resource and of what it
     * names in the best language the data has ({@code titleLang} says which, "" untagged). The
     * statements themselves keep every language: they are the data.
     */
    public static ResourceView of(Description d, Iris iris, String path, String jsonLd, LanguageChain chain) {
        Messages t = Messages.forChain(chain);
        Builder b = new Builder(d, iris, chain);
        List<Link> types = d.types().stream().map(b::iri).toList();
        List<Format> formats = new ArrayList<>();
        for (DocumentFormat f : DocumentFormat.RESOURCE) {
            if (f != DocumentFormat.HTML) {
                formats.add(new Format(path + "?format=" + f.shortName, f.mediaType, f.shortName));
            }
        }
        List<Quad> own = d.own();
        List<Statement> rows = b.statements(own);
        List<InverseGroup> inverse = b.inverse(path);
        int page = d.inversePage();
        Link previous = page > 1 ? Link.to(path + (page == 2 ? "" : "?inverse-page=" + (page - 1)) + "#inverse",
                t.get("resource.previousPage")) : null;
        LanguageChain.Picked title = d.picked(d.iri(), chain);
        return new ResourceView(d.label(d.iri(), chain), title == null || title.lang().isEmpty() ? null : title.lang(), d.iri(), path, types,
                // A source graph is no node of the network: the explorer draws the resources it ties together.
                Link.to("/explore?focus=" + enc(d.iri()), d.iri().startsWith(iris.graph(""))
                        ? t.get("resource.exploreSource") : t.get("resource.explore")),
                Link.to("/sparql?query=" + enc("DESCRIBE <" + d.iri() + ">"), t.get("resource.askSparql")),
                List.copyOf(formats), rows, own.size(), own.size() > MAX_ROWS, inverse, page, previous, b.sources(), jsonLd);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Builds links, values and source references, numbering sources in order of first citation. */
    private static final class Builder {

        private final Description d;
        private final Iris iris;
        private final LanguageChain chain;
        private final Map<String, Integer> numbers = new LinkedHashMap<>();

        Builder(Description d, Iris iris, LanguageChain chain) {
            this.d = d;
            this.iris = iris;
            this.chain = chain;
        }

        String label(String iri) {
            return d.label(iri, chain);
        }

        Link iri(Node n) {
            String iri = n.getURI();
            return Terms.link(iris, iri, label(iri));
        }

        Value value(Node o) {
            if (o.isURI()) {
                String iri = o.getURI();
                return Value.of(new Link(Terms.href(iris, iri), d.hasLabel(iri) ? label(iri) : iri, null, false));
            }
            if (o.isLiteral()) {
                String lang = o.getLiteralLanguage();
                String dt = o.getLiteralDatatypeURI();
                String note = null;
                if (lang.isEmpty() && dt != null && !dt.equals("http://www.w3.org/2001/XMLSchema#string")) {
                    String p = Terms.prefixed(dt);
                    note = p != null ? p : dt;
                }
                return Value.literal(o.getLiteralLexicalForm(), lang, note);
            }
            // A blank node: its statements, nested one level.
            List<Value.Field> fields = new ArrayList<>();
            for (Quad q : d.about(o)) {
                fields.add(new Value.Field(label(q.getPredicate().getURI()),
                        q.getObject().isBlank() ? Value.literal("…", null, null) : value(q.getObject())));
            }
            return Value.nested(fields);
        }

        SourceRef source(Node graph) {
            String g = graph.getURI();
            int n = numbers.computeIfAbsent(g, k -> numbers.size() + 1);
            Description.Source s = d.sources().get(g);
            return new SourceRef(n, s == null ? g : s.title());
        }

        List<Statement> statements(List<Quad> own) {
            List<Quad> sorted = new ArrayList<>(own);
            sorted.sort((x, y) -> {
                boolean tx = x.getPredicate().equals(RDF.type.asNode());
                boolean ty = y.getPredicate().equals(RDF.type.asNode());
                if (tx != ty) {
                    return tx ? -1 : 1;
                }
                int c = label(x.getPredicate().getURI()).compareToIgnoreCase(label(y.getPredicate().getURI()));
                return c != 0 ? c : x.getObject().toString().compareTo(y.getObject().toString());
            });
            Map<Node, Map<Node, List<Node>>> byProperty = new LinkedHashMap<>();
            for (Quad q : sorted) {
                // One row per value, with every source that states it: the same type stated by
                // three sources is one fact with three witnesses.
                byProperty.computeIfAbsent(q.getPredicate(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q.getGraph());
            }
            List<Statement> rows = new ArrayList<>();
            for (var e : byProperty.entrySet()) {
                boolean first = true;
                for (var v : e.getValue().entrySet()) {
                    if (rows.size() >= MAX_ROWS) {
                        return List.copyOf(rows);
                    }
                    rows.add(new Statement(first ? iri(e.getKey()) : null, value(v.getKey()),
                            v.getValue().stream().map(this::source).toList()));
                    first = false;
                }
            }
            return List.copyOf(rows);
        }

        List<InverseGroup> inverse(String path) {
            List<InverseGroup> out = new ArrayList<>();
            int page = d.inversePage();
            for (Description.InverseGroup g : d.inverse()) {
                List<Pointer> pointers = g.links().stream().map(l -> new Pointer(value(l.subject()), source(l.graph()))).toList();
                long more = g.remainingAfter(page, d.inversePageSize());
                Link next = more > 0 ? Link.to(path + "?inverse-page=" + (page + 1) + "#inverse",
                        Messages.forChain(chain).get("resource.more", more)) : null;
                out.add(new InverseGroup(label(g.predicate().getURI()), g.total(), pointers, next));
            }
            return List.copyOf(out);
        }

        List<Source> sources() {
            List<Source> out = new ArrayList<>();
            numbers.forEach((g, n) -> {
                Description.Source s = d.sources().get(g);
                out.add(new Source(n, Link.to(Terms.href(iris, g), s == null ? g : s.title()), s == null ? null : s.url()));
            });
            return List.copyOf(out);
        }
    }
}
