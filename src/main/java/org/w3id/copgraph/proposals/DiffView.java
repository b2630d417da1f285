package org.w3id.copgraph.proposals;

import java.util.List;

import org.w3id.copgraph.view.Link;
import org.w3id.copgraph.view.Value;

/**
 * A proposal as a curator reads it: its statements grouped by subject, each IRI by its label and
 * linked, each literal with its language or datatype, beside the current data. Per subject and
 * property the rows are what goes ({@code removed}), what comes ({@code added}) and what stays
 * ({@code kept}: current values of a property the proposal touches, for context). A row the data
 * already has ({@code already true}) or no longer has ({@code already gone}) is marked: accepting
 * it changes nothing there.
 *
 * @param subjects    the subjects, the proposal's target first
 * @param added       how many statements it adds
 * @param removed     how many it removes
 * @param alreadyTrue how many of the added ones the data has already
 * @param alreadyGone how many of the removed ones the data no longer has
 * @param againstCurrent whether it was compared with the current data (not for a decided proposal)
 */
public record DiffView(List<Subject> subjects, int added, int removed, int alreadyTrue, int alreadyGone, boolean againstCurrent) {

    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String KEPT = "kept";

    /**
     * The statements about one subject.
     *
     * @param anchor   the id of its section on the page
     * @param link     the subject, linked to its page (or to its section, for an unnamed node)
     * @param isNew    whether the published data says nothing about it yet
     * @param rows     its rows, by property
     */
    public record Subject(String anchor, Link link, boolean isNew, List<Row> rows) {
    }

    /**
     * One statement.
     *
     * @param change   {@link #ADDED}, {@link #REMOVED} or {@link #KEPT}
     * @param property the property, by its label, linked
     * @param value    the object
     * @param mark     "already true", "already gone", or null
     */
    public record Row(String change, Link property, Value value, String mark) {

        public String sign() {
            return switch (change) {
                case ADDED -> "+";
                case REMOVED -> "−";
                default -> "";
            };
        }

        public String changeText() {
            return switch (change) {
                case ADDED -> "adds";
                case REMOVED -> "removes";
                default -> "stays";
            };
        }
    }

    public boolean empty() {
        return subjects.isEmpty();
    }
}
