package org.w3id.copgraph.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;
import org.w3id.copgraph.view.Value;

/**
 * A triple pattern fragment as a browser shows it, as Linked Data Fragments servers do: the
 * pattern as a form, the page's triples (each term a link to the fragment with that term in the
 * same place), how many match, and paging links. Read from the same dataset machines get.
 *
 * @param subject   the form's subject field as given (empty for a variable)
 * @param total     how many triples match the pattern
 * @param triples   this page's triples
 */
public record FragmentView(String subject, String predicate, String object, long page, long total, int pageSize,
                           List<Triple> triples, Link first, Link previous, Link next) {

    /** One matching triple; each term links to its fragment, a resource also to its page. */
    public record Triple(Term subject, Term predicate, Term object) {
    }

    /** A term: how it reads, the fragment with it in this place, and its page here if it is ours. */
    public record Term(Value value, Link fragment, Link page) {
    }

    public static FragmentView of(String subject, String predicate, String object, long page, DatasetGraph fragment,
                                  String fragmentUrl, String site, Iris iris) {
        Node meta = NodeFactory.createURI(fragmentUrl + "#metadata");
        Node self = NodeFactory.createURI(fragmentUrl);
        var metaGraph = fragment.getGraph(meta);
        long total = number(metaGraph.find(self, uri(Cop.hydraTotalItems), Node.ANY));
        List<Triple> triples = new ArrayList<>();
        fragment.getDefaultGraph().find().forEachRemaining(t -> triples.add(new Triple(
                term(t.getSubject(), "subject", iris), term(t.getPredicate(), "predicate", iris), term(t.getObject(), "object", iris))));
        return new FragmentView(blankIfNull(subject), blankIfNull(predicate), blankIfNull(object), page, total, Fragments.PAGE_SIZE,
                List.copyOf(triples), link(metaGraph, self, Cop.hydraFirst, "First page", site),
                link(metaGraph, self, Cop.hydraPrevious, "Previous page", site), link(metaGraph, self, Cop.hydraNext, "Next page", site));
    }

    /** The first triple's number on this page (from 1), for "triples 101 to 200". */
    public long from() {
        return triples.isEmpty() ? 0 : (page - 1) * pageSize + 1;
    }

    public long to() {
        return triples.isEmpty() ? 0 : from() + triples.size() - 1;
    }

    private static Term term(Node n, String place, Iris iris) {
        String explicit;
        Value value;
        Link page = null;
        if (n.isURI()) {
            explicit = n.getURI();
            String prefixed = Terms.prefixed(n.getURI());
            value = Value.of(new Link("/fragments?" + place + "=" + enc(explicit), prefixed != null ? prefixed : n.getURI(), null, false));
            if (iris.pathOf(n.getURI()) != null || n.getURI().startsWith(Cop.NS)) {
                page = Link.to(Terms.href(iris, n.getURI()), "page");
            }
        } else if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            String dt = n.getLiteralDatatypeURI();
            boolean plain = dt == null || dt.endsWith("#string") || !lang.isEmpty();
            explicit = "\"" + n.getLiteralLexicalForm() + "\"" + (!lang.isEmpty() ? "@" + lang : plain ? "" : "^^" + dt);
            String note = plain ? null : Terms.prefixed(dt) != null ? Terms.prefixed(dt) : dt;
            value = Value.literal(n.getLiteralLexicalForm(), lang, note);
        } else {
            return new Term(Value.literal(n.toString(), null, null), null, null);
        }
        return new Term(value, Link.to("/fragments?" + place + "=" + enc(explicit), "fragment"), page);
    }

    private static Link link(org.apache.jena.graph.Graph g, Node self, String predicate, String text, String site) {
        var it = g.find(self, uri(predicate), Node.ANY);
        if (!it.hasNext()) {
            return null;
        }
        String url = it.next().getObject().getURI();
        return Link.to(url.startsWith(site) ? url.substring(site.length()) : url, text);
    }

    private static long number(java.util.Iterator<org.apache.jena.graph.Triple> it) {
        return it.hasNext() ? Long.parseLong(it.next().getObject().getLiteralLexicalForm()) : 0;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
