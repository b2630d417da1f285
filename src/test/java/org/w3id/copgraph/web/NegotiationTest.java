package org.w3id.copgraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one content-negotiation helper's rules for "a browser", "plain text first" and "some JSON". */
class NegotiationTest {

    private static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    @Test
    void aBrowserWantsHtmlAndAnApiClientDoesNot() {
        assertThat(Negotiation.wantsHtml(CHROME)).isTrue();
        assertThat(Negotiation.wantsHtml("application/json, text/html;q=0.5")).isFalse();
        assertThat(Negotiation.wantsHtml("*/*")).isFalse();
        assertThat(Negotiation.wantsHtml(null)).isFalse();
    }

    @Test
    void plainTextIsPreferredOnlyWhenItIsAskedForFirst() {
        assertThat(Negotiation.prefers("text/plain", "text/plain")).isTrue();
        assertThat(Negotiation.prefers("text/plain;q=0.5, application/json", "text/plain")).isFalse();
        // A q-value, not the order of the header, says what comes first.
        assertThat(Negotiation.prefers("application/json;q=0.2, text/plain", "text/plain")).isTrue();
        assertThat(Negotiation.prefers("*/*", "text/plain")).isFalse();
        assertThat(Negotiation.prefers(null, "text/plain")).isFalse();
    }

    @Test
    void someJsonMeansAJsonMediaRangeWithAPositiveQ() {
        assertThat(Negotiation.acceptsJson("application/ld+json")).isTrue();
        assertThat(Negotiation.acceptsJson("text/turtle, application/json;q=0")).isFalse();
        assertThat(Negotiation.acceptsJson(null)).isFalse();
    }
}
