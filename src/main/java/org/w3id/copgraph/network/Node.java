package org.w3id.copgraph.network;

/** A resource drawn as a node: its canonical IRI, a human label and what it is. */
public record Node(String iri, String label, NodeType type) {
}
