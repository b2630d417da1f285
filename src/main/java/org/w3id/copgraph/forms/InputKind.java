package org.w3id.copgraph.forms;

/** How a field is entered, as its property shape's datatype, node kind, sh:in or sh:class says. */
public enum InputKind {
    /** One line of text (sh:datatype xsd:string or rdf:langString). */
    TEXT,
    /** Several lines (dash:singleLine false). */
    LONG_TEXT,
    /** A date (xsd:date; also xsd:gYearMonth and xsd:gYear where the shape allows them). */
    DATE,
    /** A number (xsd:integer, xsd:nonNegativeInteger, xsd:decimal). */
    NUMBER,
    /** Yes or no (xsd:boolean). */
    BOOLEAN,
    /** A web address (sh:nodeKind sh:IRI without a class). */
    URL,
    /** One of the values the shape lists (sh:in). */
    SELECT,
    /** Concepts of a SKOS scheme (sh:class skos:Concept with an sh:node naming the scheme). */
    CONCEPT,
    /** Existing resources of a class (sh:class). */
    RESOURCE;

    public boolean isChoice() {
        return this == SELECT || this == CONCEPT || this == RESOURCE;
    }
}
