package org.w3id.copgraph.queries;

import java.util.List;

/**
 * What the SPARQL editor page shows: the curated queries as examples to open, and the data its
 * script reads (JSON: the examples' SPARQL, the prefixes, the base of local IRIs, and the query
 * to open first, if any).
 */
public record EditorView(List<Example> examples, String data) {

    /** One curated query offered as an example; {@code index} is its place in the data's list. */
    public record Example(int index, String name, String summary, String description, String csv) {
    }
}
