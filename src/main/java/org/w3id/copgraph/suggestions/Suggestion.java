package org.w3id.copgraph.suggestions;

import java.util.List;

/**
 * A CoP this one could learn from (or could help), with what could move, the reasons, and
 * whether the two are already linked by a cross-pollination (then the suggestion backs a link
 * that exists or is proposed, and says so).
 */
public record Suggestion(String cop, String label, Direction direction, double score, List<Item> couldMove,
                         List<SuggestionReason> reasons, boolean alreadyLinked) {
}
