package org.w3id.copgraph.suggestions;

import java.util.Locale;

import org.w3id.copgraph.Problem;

/**
 * Which pairs already linked by a cross-pollination are suggested (marked {@code alreadyLinked}).
 * By default a pair whose link was taken up (reported, observed, or of no stated status) is left
 * out, and a pair linked only by a proposed cross-pollination is kept: a proposal is an intention,
 * and the reasons back it.
 */
public enum Include {
    /** Leave out every linked pair, of any status (what the evaluation ranks against). */
    UNLINKED("unlinked"),
    /** The default: keep pairs linked only by a proposed cross-pollination. */
    PROPOSED("proposed"),
    /** Keep every linked pair. */
    LINKED("linked");

    public final String param;

    Include(String param) {
        this.param = param;
    }

    public static Include parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return PROPOSED;
        }
        for (Include i : values()) {
            if (i.param.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be unlinked, proposed (the default) or linked.");
    }

    boolean keeps(int linkStatus) {
        return linkStatus < 0 || this == LINKED || this == PROPOSED && linkStatus == SuggestionIndex.PROPOSED;
    }
}
