package org.w3id.copgraph.curation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.model.Iris;

/**
 * The description in graph/meta of the reviews graph, as every source graph has one: its source is
 * copgraph's own change log, where each confirmation is a PROV activity naming who confirmed what.
 */
final class ReviewsGraph {

    private static final String DCAT = "http://www.w3.org/ns/dcat#";

    private ReviewsGraph() {
    }

    static List<Quad> describe(Iris iris, Instant now, LocalDate today) {
        Node meta = uri(iris.metaGraph());
        Node g = uri(iris.reviewsGraph());
        Node changes = uri(iris.changesGraph());
        return List.of(
                Quad.create(meta, g, RDF.type.asNode(), uri(Cop.SourceGraph)),
                Quad.create(meta, g, RDF.type.asNode(), uri(Cop.PROV + "Entity")),
                Quad.create(meta, g, RDF.type.asNode(), uri(DCAT + "Dataset")),
                Quad.create(meta, g, RDFS.label.asNode(), en("Source graph: reviews of CoP entries")),
                Quad.create(meta, g, DCTerms.title.asNode(), en("Reviews: when each CoP's entry was last confirmed accurate")),
                Quad.create(meta, g, DCTerms.description.asNode(), en("Holds one cop:lastReviewed date per CoP whose entry"
                        + " its owner or a curator has confirmed as still accurate. Written by confirming (POST"
                        + " /api/cops/{slug}/confirm) and by accepting a proposal about it; who did, and when, is in the change log (graph/changes)."
                        + " A CoP without a date here has never been reviewed.")),
                Quad.create(meta, g, DCTerms.source.asNode(), changes),
                Quad.create(meta, g, uri(Cop.PROV + "hadPrimarySource"), changes),
                Quad.create(meta, g, uri(Cop.PROV + "wasDerivedFrom"), changes),
                Quad.create(meta, g, uri(Cop.PROV + "wasAttributedTo"), uri(iris.resource("agent", "copgraph-curators"))),
                Quad.create(meta, g, uri(Cop.PROV + "generatedAtTime"),
                        NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime)),
                Quad.create(meta, g, uri(Cop.NS + "retrievedOn"), NodeFactory.createLiteralDT(today.toString(), XSDDatatype.XSDdate)),
                Quad.create(meta, g, DCTerms.license.asNode(), uri("https://creativecommons.org/licenses/by/4.0/")));
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
