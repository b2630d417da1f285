package org.w3id.copgraph.proposals;

import java.util.List;
import java.util.Optional;

import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.curation.ChangeRecord;

/**
 * Proposals by anyone, reviewed by curators: kept in the private store (never in the published
 * data), accepted through the one write path. See {@link ProposalService} for how.
 */
public interface Proposals {

    /**
     * Takes a proposal from {@code who} (anonymous, a curator, or an owner) sent from the client
     * address {@code client} (for the rate limit): checks it, computes what it would add and remove
     * against the current data, previews it against the shapes and keeps it as pending. An owner's
     * proposal about their own CoP is applied at once when the server is set up so.
     */
    Proposal submit(ProposalInput in, Caller who, String client);

    Optional<Proposal> get(String id);

    /** Proposals of a status, oldest first; null: all of them. */
    List<Proposal> list(Status status);

    /** Publishes a pending proposal through the one write path, crediting proposer and reviewer. */
    ChangeRecord accept(String id, Caller reviewer, String comment);

    /** Turns a pending proposal down with a comment; the published data is left as it is. */
    Proposal reject(String id, Caller reviewer, String comment);
}
