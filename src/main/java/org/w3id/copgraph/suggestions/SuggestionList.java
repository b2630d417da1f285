package org.w3id.copgraph.suggestions;

import java.util.List;

/**
 * The suggestions for one CoP, person or organisation: the CoPs it could learn from and could
 * help, best first, on data version {@code dataVersion} (milliseconds since the epoch of the data's
 * last change; 0 for a store never written).
 */
public record SuggestionList(String subject, String label, List<Suggestion> learnFrom, List<Suggestion> canHelp,
                             long dataVersion) {
}
