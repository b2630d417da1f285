package org.w3id.copgraph.suggestions;

/**
 * Every weight of the scoring, in one place so that an evaluation can tune them (a copy with
 * other values: {@link Ranker} takes a {@code Weights}). A suggestion's score is
 * {@code (need·needMet + practice·practices·gate + tool·tools·gate + sharedDomain·jaccard
 * + neighbouringDomain·neighbours + closeness·(1 − e^−adamicAdar)) · freshness}, each part in [0, 1].
 */
public record Weights(
        /* A need of the learner met by an offer of the helper. */
        double need,
        /* The match's strength through skos:broader/narrower (exact is 1). */
        double nearConcept,
        /* The match's strength through skos:related. */
        double relatedConcept,
        /* Practices the helper has and the learner does not, by rarity. */
        double practice,
        /* Tools the helper uses and the learner does not, by rarity. */
        double tool,
        /* The share of practices and tools when nothing else relates the two (no domain, contact or need). */
        double unrelatedGate,
        /* Jaccard of the two CoPs' domains. */
        double sharedDomain,
        /* Domains one step apart (broader, narrower, related). */
        double neighbouringDomain,
        /* Closeness: people, organisations, events and CoPs in common (Adamic-Adar). */
        double closeness,
        /* The factor of a helper whose data was reviewed longer ago than the freshness window. */
        double stale,
        /* The factor of a helper whose data was never reviewed. */
        double neverReviewed,
        /* Posting lists longer than this (a network of thousands) are not walked to find candidates; they still count in scoring. */
        int candidateFanOut,
        /* How many candidates, per asked-for suggestion, are scored in full. */
        int candidatesPerSuggestion) {

    public static final Weights DEFAULT = new Weights(3.0, 0.6, 0.4, 1.0, 0.7, 0.25, 1.5, 0.7, 1.2, 0.9, 0.85, 2000, 4);
}
