package org.w3id.copgraph.proposals;

import org.apache.jena.graph.Graph;

/**
 * What someone proposes, as it arrives (from an RDF body or a form, see {@code forms.Forms#read}):
 * the kind ({@code new}, {@code change} or {@code remove}), the resource it is about, the statements
 * that describe it as it should be (for a removal: may be empty), who proposes it, how to reach them
 * (optional) and a note (for a removal: the reason, required).
 *
 * <p>{@code cleared} names the properties of the target a change covers even where the description
 * gives them no value: a form shows every property of its shape, so a field the proposer emptied
 * means "no value any more" (an inverse property is written {@code ^IRI}). An RDF body covers only
 * what it states, so it clears nothing.
 */
public record ProposalInput(String kind /*new|change|remove*/, String target, Graph description, String proposerName,
                            String proposerContact, String note, java.util.Set<String> cleared) {

    public ProposalInput {
        cleared = cleared == null ? java.util.Set.of() : java.util.Set.copyOf(cleared);
    }

    /** A proposal that changes only what its description states. */
    public ProposalInput(String kind, String target, Graph description, String proposerName, String proposerContact,
                         String note) {
        this(kind, target, description, proposerName, proposerContact, note, java.util.Set.of());
    }
}
