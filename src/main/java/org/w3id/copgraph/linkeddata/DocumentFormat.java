package org.w3id.copgraph.linkeddata;

import java.util.List;

import org.apache.jena.riot.Lang;

/**
 * What a resource or the ontology can be served as: the media type, the {@code ?format=} name
 * and the Jena language that writes it. HTML comes first: a client that states no preference
 * (a browser following a link) gets the page.
 */
public enum DocumentFormat {
    HTML("html", "text/html", null),
    TURTLE("ttl", "text/turtle", Lang.TURTLE),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD),
    NTRIPLES("nt", "application/n-triples", Lang.NTRIPLES),
    RDFXML("rdf", "application/rdf+xml", Lang.RDFXML),
    TRIG("trig", "application/trig", Lang.TRIG),
    NQUADS("nq", "application/n-quads", Lang.NQUADS),
    /** Not RDF: a CoP or organisation as a Murmurations profile (plain JSON), see {@link MurmurationsProfile}. */
    MURMURATIONS("murmurations", "application/json", null);

    public final String shortName;
    public final String mediaType;
    public final Lang lang;

    DocumentFormat(String shortName, String mediaType, Lang lang) {
        this.shortName = shortName;
        this.mediaType = mediaType;
        this.lang = lang;
    }

    /** Whether the format carries each statement's graph (its source). */
    public boolean hasGraphs() {
        return this == TRIG || this == NQUADS;
    }

    /** The RDF formats and the page: what any resource under {@code /id/} answers in. */
    public static final List<DocumentFormat> RESOURCE = List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML, TRIG, NQUADS);

    /**
     * What {@code /id/} offers: the {@link #RESOURCE} formats, then the Murmurations profile (of a
     * CoP or organisation; last, so that it is picked only when asked for by name or by
     * {@code application/json}).
     */
    public static final List<DocumentFormat> RESOURCE_OFFERS = List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML, TRIG, NQUADS, MURMURATIONS);

    /** The ontology is one graph: no quad formats. */
    public static final List<DocumentFormat> ONTOLOGY = List.of(HTML, TURTLE, JSONLD, RDFXML, NTRIPLES);
}
