package org.w3id.copgraph.proposals;

import java.util.List;

import org.w3id.copgraph.view.Link;

/**
 * {@code /review}: the proposals waiting for a curator, newest first, and the latest decided ones.
 *
 * @param pending proposals waiting for review
 * @param decided the most recently accepted or rejected ones
 */
public record ReviewQueueView(List<Entry> pending, List<Entry> decided) {

    /**
     * One proposal in the list.
     *
     * @param link      its review page, by its id
     * @param kind      new, change or remove
     * @param target    what it is about, by label, linked to its page
     * @param proposer  who sent it
     * @param submitted when, as an ISO instant
     * @param added     how many statements it adds
     * @param removed   how many it removes
     * @param status    pending, accepted or rejected
     */
    public record Entry(Link link, String kind, Link target, String proposer, String submitted, long added, long removed,
                        String status) {
    }
}
