package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.AS;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;
import org.w3id.copgraph.view.Statement;
import org.w3id.copgraph.view.Value;

/**
 * The event stream as a person reads it, from the same graphs harvesters get: the root (what the
 * stream is, how to follow it, its pages), a page (its members as links) or one member (the
 * resource's statements as that version holds them).
 *
 * @param page      the page number shown, or -1 for the root
 * @param pages     on the root: every page with the time of its first member
 * @param members   on a page: its members, oldest first
 * @param next      on a page: the next page, or null on the newest
 * @param previous  on a page: the page before, or null on page 0
 * @param url       the stream's address on the serving host, for clients to follow
 */
public record StreamView(long size, int pageSize, long page, List<PageEntry> pages, List<Member> members,
                         Link next, Link previous, String url) {

    /** A page of the stream and the time of its first member. */
    public record PageEntry(Link link, String from) {
    }

    /** A member: this version's own page, the resource it is a version of, when, and whether it deletes it. */
    public record Member(Link version, Link resource, String time, boolean deleted) {
    }

    /** One member with the statements of the resource as that version holds them. */
    public record MemberView(long number, Member member, List<Statement> statements) {
    }

    public static StreamView root(Graph root, long size, int pageSize, Iris iris, String site) {
        List<PageEntry> pages = new ArrayList<>();
        root.find(Node.ANY, uri(Cop.treeRelation), Node.ANY).forEachRemaining(t -> {
            Node r = t.getObject();
            Node node = object(root, r, uri(Cop.treeNodeLink));
            Node value = object(root, r, uri(Cop.treeValue));
            if (node != null && node.isURI()) {
                String path = path(node.getURI());
                pages.add(new PageEntry(Link.to(path, "Page " + path.substring(path.lastIndexOf('/') + 1)),
                        value == null ? null : DatasetView.readableTime(value.getLiteralLexicalForm())));
            }
        });
        pages.sort(Comparator.comparingLong(p -> Long.parseLong(p.link().href().substring(p.link().href().lastIndexOf('/') + 1))));
        return new StreamView(size, pageSize, -1, List.copyOf(pages), List.of(), null, null, site + "/ldes");
    }

    public static StreamView page(long k, Graph page, String streamIri, long size, int pageSize, Iris iris, String site) {
        List<Member> members = new ArrayList<>();
        page.find(uri(streamIri), uri(Cop.treeMember), Node.ANY).forEachRemaining(t -> members.add(member(page, t.getObject(), iris)));
        members.sort(Comparator.comparingLong(m -> number(m.version().href())));
        Link next = null;
        var it = page.find(Node.ANY, uri(Cop.treeNodeLink), Node.ANY);
        while (it.hasNext()) {
            Node n = it.next().getObject();
            if (n.isURI()) {
                next = Link.to(path(n.getURI()), "Next page");
            }
        }
        Link previous = k > 0 ? Link.to("/ldes/" + (k - 1), "Previous page") : null;
        return new StreamView(size, pageSize, k, List.of(), List.copyOf(members), next, previous, site + "/ldes");
    }

    public static MemberView member(long n, Graph g, String memberIri, Iris iris) {
        Node v = uri(memberIri);
        Member m = member(g, v, iris);
        List<Statement> rows = new ArrayList<>();
        g.find(v, Node.ANY, Node.ANY).forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            if (!p.equals(DCTerms.isVersionOf.getURI()) && !p.equals(Cop.provGeneratedAtTime) && !p.equals(Cop.provQualifiedGeneration)) {
                rows.add(new Statement(Terms.link(iris, p, Labels.localName(p)), value(g, t.getObject(), iris), List.of()));
            }
        });
        rows.sort(Comparator.comparing((Statement s) -> s.property().href()).thenComparing(s -> String.valueOf(s.value())));
        return new MemberView(n, m, List.copyOf(rows));
    }

    private static Member member(Graph g, Node v, Iris iris) {
        Node resource = object(g, v, DCTerms.isVersionOf.asNode());
        Node time = object(g, v, uri(Cop.provGeneratedAtTime));
        boolean deleted = g.contains(v, RDF.type.asNode(), AS.Delete.asNode());
        String path = path(v.getURI(), iris);
        return new Member(Link.to(path, "Member " + path.substring(path.lastIndexOf('/') + 1)),
                resource == null ? null : Link.to(path(resource.getURI(), iris), path(resource.getURI(), iris)),
                time == null ? null : DatasetView.readableTime(time.getLiteralLexicalForm()), deleted);
    }

    private static Value value(Graph g, Node o, Iris iris) {
        if (o.isURI()) {
            return Value.of(Link.to(Terms.href(iris, o.getURI()), o.getURI()));
        }
        if (o.isLiteral()) {
            String dt = o.getLiteralDatatypeURI();
            String note = o.getLiteralLanguage().isEmpty() && dt != null && !dt.endsWith("#string") ? Terms.prefixed(dt) : null;
            return Value.literal(o.getLiteralLexicalForm(), o.getLiteralLanguage(), note);
        }
        List<Value.Field> fields = new ArrayList<>();
        g.find(o, Node.ANY, Node.ANY).forEachRemaining(t -> fields.add(new Value.Field(Labels.localName(t.getPredicate().getURI()),
                t.getObject().isBlank() ? Value.literal("…", null, null) : value(g, t.getObject(), iris))));
        return Value.nested(fields);
    }

    private static long number(String path) {
        try {
            return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A page IRI (on the serving host) as a path. */
    private static String path(String url) {
        int i = url.indexOf("/ldes");
        return i >= 0 ? url.substring(i) : url;
    }

    private static String path(String iri, Iris iris) {
        String p = iris.pathOf(iri);
        return p != null ? p : iri;
    }

    private static Node object(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
