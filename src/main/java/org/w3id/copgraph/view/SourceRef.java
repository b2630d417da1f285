package org.w3id.copgraph.view;

/** A numbered reference to an entry of the page's source list ({@code [2]}). */
public record SourceRef(int number, String title) {
}
