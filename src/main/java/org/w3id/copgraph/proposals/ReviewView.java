package org.w3id.copgraph.proposals;

import java.util.List;

import org.w3id.copgraph.view.Link;

/**
 * The review page of one proposal: what it is about and who sent it (contact and note are shown
 * to curators only, and this page is for curators only), the diff against the current data, the
 * SHACL report of the data as it would be after accepting, and, once decided, the decision.
 *
 * @param id        the proposal's id
 * @param kind      new, change or remove
 * @param target    what it is about, by its label, linked
 * @param proposer  who sent it
 * @param contact   how to reach them, or null
 * @param note      their note (for a removal: the reason), or null
 * @param submitted when, as an ISO instant
 * @param status    pending, accepted or rejected
 * @param decision  who decided, when, with what comment and what it became; null while pending
 * @param diff      the statements against the current data
 * @param report    what the shapes say of the data after accepting (only while pending: once
 *                  decided, the data has moved on); null once decided
 * @param statusPath its status address ({@code /api/proposals/{id}}), where the forms post
 */
public record ReviewView(String id, String kind, Link target, String proposer, String contact, String note,
                         String submitted, String status, Decision decision, DiffView diff, ReportView report,
                         String statusPath) {

    public String title() {
        return "Proposal " + id + ": " + kind + " · " + target.text();
    }

    public boolean pending() {
        return decision == null;
    }

    /**
     * What became of a decided proposal.
     *
     * @param reviewer who accepted or rejected it
     * @param decided  when, as an ISO instant
     * @param comment  their comment, or null
     * @param change   the change-log entry it became (accepted only), else null
     * @param graph    the source graph it was published into (accepted only), else null
     */
    public record Decision(String reviewer, String decided, String comment, Link change, Link graph) {
    }

    /** The SHACL results, each with its focus node and path by label. */
    public record ReportView(boolean conforms, List<Issue> issues) {
    }

    /**
     * One SHACL result.
     *
     * @param severity Violation, Warning or Info
     * @param focus    the node it is about, linked
     * @param path     the property, by its label, or null
     * @param message  the shape's message
     */
    public record Issue(String severity, Link focus, Link path, String message) {
    }
}
