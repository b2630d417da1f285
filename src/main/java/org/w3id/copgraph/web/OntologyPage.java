package org.w3id.copgraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.copgraph.linkeddata.DocumentFormat;
import org.w3id.copgraph.linkeddata.OntologyDocument;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * The ontology's documentation, generated from the ontology graph itself: each class with its
 * labels (English, Italian), comment, alignments, the properties whose domain it is (and those
 * it inherits), their ranges and an example from the data; each property; the concepts of the
 * ontology's namespace. Every term has an anchor, so {@code /ontology#Term} lands on it.
 */
final class OntologyPage {

    private static final Node ONTOLOGY = NodeFactory.createURI(Cop.ONTOLOGY);
    /** Alignment predicates shown for terms, with the words that read them. */
    private static final Map<String, String> ALIGNMENTS = new LinkedHashMap<>();

    static {
        ALIGNMENTS.put(OWL.equivalentClass.getURI(), "equivalent to");
        ALIGNMENTS.put(OWL.equivalentProperty.getURI(), "equivalent to");
        ALIGNMENTS.put(SKOS.exactMatch.getURI(), "exact match");
        ALIGNMENTS.put(SKOS.closeMatch.getURI(), "close match");
        ALIGNMENTS.put(SKOS.broadMatch.getURI(), "broader match");
        ALIGNMENTS.put(SKOS.narrowMatch.getURI(), "narrower match");
        ALIGNMENTS.put(SKOS.relatedMatch.getURI(), "related match");
        ALIGNMENTS.put(OWL.inverseOf.getURI(), "inverse of");
        ALIGNMENTS.put(OWL.disjointWith.getURI(), "disjoint with");
    }

    private OntologyPage() {
    }

    static String render(OntologyDocument.Snapshot doc, Iris iris) {
        Graph g = doc.graph();
        View v = new View(g, doc, iris);
        StringBuilder b = new StringBuilder();
        String title = v.literal(ONTOLOGY, DCTerms.title.asNode(), "en");
        b.append("<h1>").append(Html.escape(title == null ? "copgraph ontology" : title)).append("</h1>");
        String it = v.literal(ONTOLOGY, DCTerms.title.asNode(), "it");
        if (it != null) {
            b.append("<p lang=\"it\">").append(Html.escape(it)).append("</p>");
        }
        b.append("<p>IRI: <code>").append(Cop.ONTOLOGY).append("</code> · namespace <code>").append(Cop.NS)
                .append("</code> (prefix <code>cop:</code>)");
        String version = v.literal(ONTOLOGY, OWL.versionInfo.asNode(), null);
        if (version != null) {
            b.append(" · version ").append(Html.escape(version));
        }
        b.append("</p>");
        String description = v.literal(ONTOLOGY, DCTerms.description.asNode(), "en");
        if (description != null) {
            for (String para : description.split("\n\n")) {
                b.append("<p>").append(Html.escape(para)).append("</p>");
            }
        }
        b.append("<p>As data: ");
        for (DocumentFormat f : DocumentFormat.ONTOLOGY) {
            if (f != DocumentFormat.HTML) {
                b.append("<a href=\"/ontology?format=").append(f.shortName).append("\" type=\"").append(f.mediaType).append("\">")
                        .append(f.shortName).append("</a> ");
            }
        }
        b.append("· JSON-LD context for partners: <a href=\"").append(LinkedDataRoutes.CONTEXT_PATH).append("\">")
                .append(LinkedDataRoutes.CONTEXT_PATH).append("</a></p>");

        List<Node> classes = v.terms(OWL.Class.asNode());
        List<Node> properties = new ArrayList<>(v.terms(OWL.ObjectProperty.asNode()));
        properties.addAll(v.terms(OWL.DatatypeProperty.asNode()));
        properties.sort(Comparator.comparing(v::name, String.CASE_INSENSITIVE_ORDER));
        List<Node> concepts = v.terms(SKOS.Concept.asNode());

        b.append("<nav aria-label=\"Contents\"><h2>Contents</h2><p><strong>Classes:</strong> ");
        classes.forEach(c -> b.append(v.anchorLink(c)).append(" "));
        b.append("</p><p><strong>Properties:</strong> ");
        properties.forEach(p -> b.append(v.anchorLink(p)).append(" "));
        b.append("</p><p><strong>Concepts:</strong> ");
        concepts.forEach(c -> b.append(v.anchorLink(c)).append(" "));
        b.append("</p></nav>");

        b.append("<h2>Classes</h2>");
        for (Node c : classes) {
            v.classSection(b, c, properties);
        }
        b.append("<h2>Properties</h2>");
        for (Node p : properties) {
            v.propertySection(b, p);
        }
        b.append("<h2>Concepts</h2>");
        for (Node c : concepts) {
            v.conceptSection(b, c);
        }
        String head = "<link rel=\"alternate\" type=\"text/turtle\" href=\"/ontology?format=ttl\">\n"
                + "<link rel=\"alternate\" type=\"application/ld+json\" href=\"/ontology?format=jsonld\">\n"
                + "<link rel=\"alternate\" type=\"application/rdf+xml\" href=\"/ontology?format=rdf\">\n";
        return Html.page("Ontology", head, b.toString());
    }

    /** Reads the ontology graph for the page. */
    private record View(Graph g, OntologyDocument.Snapshot doc, Iris iris) {

        List<Node> terms(Node type) {
            List<Node> out = new ArrayList<>();
            g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Cop.NS)) {
                    out.add(t.getSubject());
                }
            });
            out.sort(Comparator.comparing(this::name, String.CASE_INSENSITIVE_ORDER));
            return out;
        }

        List<Node> objects(Node s, Node p) {
            List<Node> out = new ArrayList<>();
            g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
            return out;
        }

        List<Node> subjects(Node p, Node o) {
            List<Node> out = new ArrayList<>();
            g.find(Node.ANY, p, o).forEachRemaining(t -> out.add(t.getSubject()));
            return out;
        }

        /** A literal in {@code lang} (null: any). */
        String literal(Node s, Node p, String lang) {
            for (Node o : objects(s, p)) {
                if (o.isLiteral() && (lang == null || o.getLiteralLanguage().equals(lang))) {
                    return o.getLiteralLexicalForm();
                }
            }
            return null;
        }

        String name(Node term) {
            return term.getURI().substring(term.getURI().lastIndexOf('#') + 1);
        }

        String anchorLink(Node term) {
            return "<a href=\"#" + Html.escape(name(term)) + "\">" + Html.escape(name(term)) + "</a>";
        }

        /** A link to any term: ours within the page, our resources on this host, others where they live. */
        String link(Node n) {
            if (!n.isURI()) {
                return Html.escape(n.toString());
            }
            String iri = n.getURI();
            String prefixed = ResourcePage.prefixed(iri);
            String text = prefixed != null ? prefixed : iri;
            String href = iri.startsWith(Cop.NS) ? "#" + name(n) : iris.pathOf(iri) != null ? iris.pathOf(iri) : iri;
            return "<a href=\"" + Html.escape(href) + "\"><code>" + Html.escape(text) + "</code></a>";
        }

        String links(List<Node> nodes) {
            List<String> out = new ArrayList<>();
            nodes.forEach(n -> out.add(link(n)));
            return String.join(", ", out);
        }

        void header(StringBuilder b, Node term) {
            String en = literal(term, RDFS.label.asNode(), "en");
            String it = literal(term, RDFS.label.asNode(), "it");
            if (en == null) {
                en = literal(term, SKOS.prefLabel.asNode(), "en");
                it = literal(term, SKOS.prefLabel.asNode(), "it");
            }
            b.append("<section id=\"").append(Html.escape(name(term))).append("\"><h3>").append(Html.escape(en != null ? en : name(term)));
            if (it != null) {
                b.append(" <small lang=\"it\">(").append(Html.escape(it)).append(")</small>");
            }
            b.append("</h3><p><code>cop:").append(Html.escape(name(term))).append("</code></p>");
            String comment = literal(term, RDFS.comment.asNode(), "en");
            if (comment != null) {
                b.append("<p>").append(Html.escape(comment)).append("</p>");
            }
            String definition = literal(term, SKOS.definition.asNode(), "en");
            if (definition != null && !definition.equals(comment)) {
                b.append("<p><em>Definition:</em> ").append(Html.escape(definition)).append("</p>");
            }
            b.append("<dl>");
        }

        void alignments(StringBuilder b, Node term) {
            for (var e : ALIGNMENTS.entrySet()) {
                List<Node> targets = objects(term, NodeFactory.createURI(e.getKey()));
                if (!targets.isEmpty()) {
                    b.append("<dt>").append(e.getValue()).append("</dt><dd>").append(links(targets)).append("</dd>");
                }
            }
        }

        void classSection(StringBuilder b, Node c, List<Node> properties) {
            header(b, c);
            List<Node> supers = objects(c, RDFS.subClassOf.asNode());
            if (!supers.isEmpty()) {
                b.append("<dt>subclass of</dt><dd>").append(links(supers)).append("</dd>");
            }
            List<Node> subs = subjects(RDFS.subClassOf.asNode(), c);
            if (!subs.isEmpty()) {
                b.append("<dt>subclasses</dt><dd>").append(links(subs)).append("</dd>");
            }
            alignments(b, c);
            b.append("</dl>");
            List<Node> own = new ArrayList<>();
            List<Node[]> inherited = new ArrayList<>();
            for (Node p : properties) {
                for (Node domain : objects(p, RDFS.domain.asNode())) {
                    if (domain.equals(c)) {
                        own.add(p);
                    } else if (supers.contains(domain)) {
                        inherited.add(new Node[] {p, domain});
                    }
                }
            }
            if (!own.isEmpty() || !inherited.isEmpty()) {
                b.append("<table><thead><tr><th scope=\"col\">Property</th><th scope=\"col\">Range</th><th scope=\"col\">Domain</th></tr></thead><tbody>");
                for (Node p : own) {
                    b.append("<tr><td>").append(link(p)).append("</td><td>").append(links(objects(p, RDFS.range.asNode())))
                            .append("</td><td>this class</td></tr>");
                }
                for (Node[] pd : inherited) {
                    b.append("<tr><td>").append(link(pd[0])).append("</td><td>").append(links(objects(pd[0], RDFS.range.asNode())))
                            .append("</td><td>inherited from ").append(link(pd[1])).append("</td></tr>");
                }
                b.append("</tbody></table>");
            }
            OntologyDocument.Example ex = doc.examples().get(c.getURI());
            if (ex != null) {
                b.append("<p>Example from the data: <a href=\"").append(Html.escape(iris.pathOf(ex.iri()) != null ? iris.pathOf(ex.iri()) : ex.iri()))
                        .append("\">").append(Html.escape(ex.label())).append("</a></p>");
            }
            b.append("</section>");
        }

        void propertySection(StringBuilder b, Node p) {
            header(b, p);
            b.append("<dt>kind</dt><dd>").append(objects(p, RDF.type.asNode()).contains(OWL.DatatypeProperty.asNode())
                    ? "datatype property" : "object property").append("</dd>");
            List<Node> domain = objects(p, RDFS.domain.asNode());
            if (!domain.isEmpty()) {
                b.append("<dt>domain</dt><dd>").append(links(domain)).append("</dd>");
            }
            List<Node> range = objects(p, RDFS.range.asNode());
            if (!range.isEmpty()) {
                b.append("<dt>range</dt><dd>").append(links(range)).append("</dd>");
            }
            List<Node> supers = objects(p, RDFS.subPropertyOf.asNode());
            if (!supers.isEmpty()) {
                b.append("<dt>subproperty of</dt><dd>").append(links(supers)).append("</dd>");
            }
            alignments(b, p);
            b.append("</dl></section>");
        }

        void conceptSection(StringBuilder b, Node c) {
            header(b, c);
            List<Node> schemes = objects(c, SKOS.inScheme.asNode());
            if (!schemes.isEmpty()) {
                b.append("<dt>in scheme</dt><dd>").append(links(schemes)).append("</dd>");
            }
            List<Node> broader = objects(c, SKOS.broader.asNode());
            if (!broader.isEmpty()) {
                b.append("<dt>broader</dt><dd>").append(links(broader)).append("</dd>");
            }
            alignments(b, c);
            b.append("</dl></section>");
        }
    }
}
