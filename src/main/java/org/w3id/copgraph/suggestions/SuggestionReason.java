package org.w3id.copgraph.suggestions;

import java.util.List;

/**
 * One reason for a suggestion: its kind (the local name of a concept of
 * {@code cop:SuggestionReasonKinds}, e.g. {@code NeedMetByOffer}), a sentence a coordinator can
 * check, the resources it rests on, and the source graphs of those facts.
 */
public record SuggestionReason(String kind, String text, List<Item> via, List<String> sources) {
}
