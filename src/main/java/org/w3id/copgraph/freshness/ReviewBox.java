package org.w3id.copgraph.freshness;

import java.time.LocalDate;

/**
 * What a CoP's page says of its freshness: when its entry was last confirmed accurate (null:
 * never), whether that is longer ago than the server's setting, and, for a curator or its owner,
 * the address of the "Still accurate" button.
 */
public record ReviewBox(LocalDate lastReviewed, boolean stale, boolean mayConfirm, String confirmAction) {

    public String reviewedText() {
        return lastReviewed == null ? "never reviewed" : lastReviewed.toString();
    }
}
