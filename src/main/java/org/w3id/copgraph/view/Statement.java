package org.w3id.copgraph.view;

import java.util.List;

/**
 * One row of a statements table: a property (null on the rows after the first of the same
 * property), one value, and the sources that state it.
 */
public record Statement(Link property, Value value, List<SourceRef> sources) {
}
