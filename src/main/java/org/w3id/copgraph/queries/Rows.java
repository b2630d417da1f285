package org.w3id.copgraph.queries;

import java.time.Instant;
import java.util.List;

import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * One computed page of a curated SELECT, with the first row of the next page if there is one,
 * the data version it was computed on and when. Formats are rendered from it, so a page is
 * computed once whichever formats are asked for.
 */
record Rows(List<Var> vars, List<Binding> rows, String version, Instant computedAt) {
}
