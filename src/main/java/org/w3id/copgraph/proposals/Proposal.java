package org.w3id.copgraph.proposals;

import java.time.Instant;

import org.apache.jena.graph.Graph;

/**
 * A proposal as kept in the private store: the statements it would add to and remove from the
 * published data about {@code target}, computed against the data when it was submitted; who
 * proposed it (name, optional contact, a note: for a removal the reason); and what became of it.
 *
 * @param id        short, unguessable; the status address is {@code /api/proposals/{id}}
 * @param kind      {@code new}, {@code change} or {@code remove}
 * @param target    the IRI of the resource it is about
 * @param added     statements it adds (with the types the ontology implies)
 * @param removed   statements it removes
 * @param proposer  the proposer's name, as the change log will credit them
 * @param contact   how to reach the proposer (private: never published); may be null
 * @param note      the proposer's note; for a removal its reason; may be null
 * @param submitted when it was submitted
 * @param status    pending, accepted or rejected
 * @param reviewer  who accepted or rejected it (or the owner whose own edit was applied at once); null while pending
 * @param comment   the reviewer's comment; may be null
 * @param decided   when it was accepted or rejected; null while pending
 * @param change    the change-log activity it became (accepted only), else null
 * @param graph     the source graph it was published into ({@code {base}graph/proposal/{id}}; accepted only), else null
 * @param owner     the CoP IRI of the owner link it came with, when it came with one; else null
 */
public record Proposal(
        String id,
        String kind,
        String target,
        Graph added,
        Graph removed,
        String proposer,
        String contact,
        String note,
        Instant submitted,
        Status status,
        String reviewer,
        String comment,
        Instant decided,
        String change,
        String graph,
        String owner) {

    public static final String NEW = "new";
    public static final String CHANGE = "change";
    public static final String REMOVE = "remove";

    /** The path of its status page on the serving host. */
    public String statusPath() {
        return "/api/proposals/" + id;
    }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
