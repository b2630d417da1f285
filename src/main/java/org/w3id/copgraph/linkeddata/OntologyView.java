package org.w3id.copgraph.linkeddata;

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
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;

/**
 * The ontology's documentation, read from the ontology graph itself: each class with its labels
 * (English, Italian), comment, alignments, the properties whose domain it is (and those it
 * inherits), their ranges and an example from the data; each property; the concepts of the
 * ontology's namespace. Every term has an anchor, so {@code /ontology#Term} lands on it.
 *
 * @param description paragraphs
 */
public record OntologyView(String title, String titleIt, String version, List<String> description,
                           List<ResourceView.Format> formats, List<Term> classes, List<Term> properties, List<Term> concepts) {

    /** Path of the JSON-LD context partners use. */
    public static final String CONTEXT_PATH = "/ontology/context.jsonld";

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

    /**
     * One class, property or concept.
     *
     * @param name       its local name, also its anchor
     * @param facts      "subclass of", "range", alignments... with the terms they name
     * @param properties for a class: the properties it is the domain of, its own then inherited
     * @param example    for a class: one instance from the data, or null
     */
    public record Term(String name, String label, String labelIt, String comment, String definition,
                       List<Fact> facts, List<PropertyRow> properties, Link example) {
    }

    /** A labelled list of terms ({@code <dt>}/{@code <dd>}). Links without href are not IRIs. */
    public record Fact(String name, List<Link> values) {
    }

    /** A property of a class: its range, and the superclass it is inherited from (null: the class's own). */
    public record PropertyRow(Link property, List<Link> range, Link inheritedFrom) {
    }

    public static OntologyView of(OntologyDocument.Snapshot doc, Iris iris) {
        Reader r = new Reader(doc.graph(), doc, iris);
        String title = r.literal(ONTOLOGY, DCTerms.title.asNode(), "en");
        String description = r.literal(ONTOLOGY, DCTerms.description.asNode(), "en");
        List<ResourceView.Format> formats = new ArrayList<>();
        for (DocumentFormat f : DocumentFormat.ONTOLOGY) {
            if (f != DocumentFormat.HTML) {
                formats.add(new ResourceView.Format("/ontology?format=" + f.shortName, f.mediaType, f.shortName));
            }
        }
        List<Node> classes = r.terms(OWL.Class.asNode());
        List<Node> properties = new ArrayList<>(r.terms(OWL.ObjectProperty.asNode()));
        properties.addAll(r.terms(OWL.DatatypeProperty.asNode()));
        properties.sort(Comparator.comparing(Reader::name, String.CASE_INSENSITIVE_ORDER));
        List<Node> concepts = r.terms(SKOS.Concept.asNode());
        return new OntologyView(title == null ? "copgraph ontology" : title, r.literal(ONTOLOGY, DCTerms.title.asNode(), "it"),
                r.literal(ONTOLOGY, OWL.versionInfo.asNode(), null),
                description == null ? List.of() : List.of(description.split("\n\n")), List.copyOf(formats),
                classes.stream().map(c -> r.classTerm(c, properties)).toList(),
                properties.stream().map(r::propertyTerm).toList(),
                concepts.stream().map(r::conceptTerm).toList());
    }

    /** Reads the ontology graph for the view. */
    private record Reader(Graph g, OntologyDocument.Snapshot doc, Iris iris) {

        List<Node> terms(Node type) {
            List<Node> out = new ArrayList<>();
            g.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(Cop.NS)) {
                    out.add(t.getSubject());
                }
            });
            out.sort(Comparator.comparing(Reader::name, String.CASE_INSENSITIVE_ORDER));
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

        static String name(Node term) {
            return term.getURI().substring(term.getURI().lastIndexOf('#') + 1);
        }

        /** A link to any term: ours within the page, our resources on this host, others where they live. */
        Link link(Node n) {
            if (!n.isURI()) {
                return new Link(null, n.toString(), null, false);
            }
            String iri = n.getURI();
            String prefixed = Terms.prefixed(iri);
            String href = iri.startsWith(Cop.NS) ? "#" + name(n) : iris.pathOf(iri) != null ? iris.pathOf(iri) : iri;
            return new Link(href, prefixed != null ? prefixed : iri, null, false);
        }

        List<Link> links(List<Node> nodes) {
            return nodes.stream().map(this::link).toList();
        }

        void fact(List<Fact> facts, String name, List<Node> values) {
            if (!values.isEmpty()) {
                facts.add(new Fact(name, links(values)));
            }
        }

        Term term(Node term, List<Fact> facts, List<PropertyRow> properties, Link example) {
            String en = literal(term, RDFS.label.asNode(), "en");
            String it = literal(term, RDFS.label.asNode(), "it");
            if (en == null) {
                en = literal(term, SKOS.prefLabel.asNode(), "en");
                it = literal(term, SKOS.prefLabel.asNode(), "it");
            }
            String comment = literal(term, RDFS.comment.asNode(), "en");
            String definition = literal(term, SKOS.definition.asNode(), "en");
            for (var e : ALIGNMENTS.entrySet()) {
                fact(facts, e.getValue(), objects(term, NodeFactory.createURI(e.getKey())));
            }
            return new Term(name(term), en != null ? en : name(term), it, comment,
                    definition != null && !definition.equals(comment) ? definition : null, List.copyOf(facts), properties, example);
        }

        Term classTerm(Node c, List<Node> properties) {
            List<Fact> facts = new ArrayList<>();
            List<Node> supers = objects(c, RDFS.subClassOf.asNode());
            fact(facts, "subclass of", supers);
            fact(facts, "subclasses", subjects(RDFS.subClassOf.asNode(), c));
            List<PropertyRow> own = new ArrayList<>();
            List<PropertyRow> inherited = new ArrayList<>();
            for (Node p : properties) {
                for (Node domain : objects(p, RDFS.domain.asNode())) {
                    if (domain.equals(c)) {
                        own.add(new PropertyRow(link(p), links(objects(p, RDFS.range.asNode())), null));
                    } else if (supers.contains(domain)) {
                        inherited.add(new PropertyRow(link(p), links(objects(p, RDFS.range.asNode())), link(domain)));
                    }
                }
            }
            own.addAll(inherited);
            OntologyDocument.Example ex = doc.examples().get(c.getURI());
            Link example = ex == null ? null : Link.to(iris.pathOf(ex.iri()) != null ? iris.pathOf(ex.iri()) : ex.iri(), ex.label());
            return term(c, facts, List.copyOf(own), example);
        }

        Term propertyTerm(Node p) {
            List<Fact> facts = new ArrayList<>();
            boolean datatype = objects(p, RDF.type.asNode()).contains(OWL.DatatypeProperty.asNode());
            facts.add(new Fact("kind", List.of(new Link(null, datatype ? "datatype property" : "object property", null, false))));
            fact(facts, "domain", objects(p, RDFS.domain.asNode()));
            fact(facts, "range", objects(p, RDFS.range.asNode()));
            fact(facts, "subproperty of", objects(p, RDFS.subPropertyOf.asNode()));
            return term(p, facts, List.of(), null);
        }

        Term conceptTerm(Node c) {
            List<Fact> facts = new ArrayList<>();
            fact(facts, "in scheme", objects(c, SKOS.inScheme.asNode()));
            fact(facts, "broader", objects(c, SKOS.broader.asNode()));
            return term(c, facts, List.of(), null);
        }
    }
}
