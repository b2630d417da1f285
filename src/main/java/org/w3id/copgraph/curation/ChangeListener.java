package org.w3id.copgraph.curation;

import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Told of every change inside the write transaction that makes it, so what it writes (an event
 * stream, say) commits or aborts with the change itself and can never miss one.
 */
public interface ChangeListener {

    void changed(DatasetGraph dsg, ChangeRecord record, Set<Node> resources);
}
