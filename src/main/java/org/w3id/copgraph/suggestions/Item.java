package org.w3id.copgraph.suggestions;

/** A resource a suggestion names (what could move, what a reason rests on), with its label. */
public record Item(String iri, String label) {
}
