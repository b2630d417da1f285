package org.w3id.copgraph.proposals;

import org.apache.jena.graph.Graph;

/**
 * What someone proposes, as it arrives (from an RDF body or a form, see {@code forms.Forms#read}):
 * the kind ({@code new}, {@code change} or {@code remove}), the resource it is about, the statements
 * that describe it as it should be (for a removal: may be empty), who proposes it, how to reach them
 * (optional) and a note (for a removal: the reason, required).
 */
public record ProposalInput(String kind /*new|change|remove*/, String target, Graph description, String proposerName,
                            String proposerContact, String note) {
}
