package org.w3id.copgraph.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.web.Negotiation;

class LanguageChainTest {

    private static final Map<String, String> LABELS = Map.of("it", "Movimento", "en", "Movement", "", "MDF");

    @Test
    void labelsFollowTheAskedLanguageWithFallback() {
        assertThat(LanguageChain.of(List.of("it")).pick(LABELS).text()).isEqualTo("Movimento");
        assertThat(LanguageChain.of(List.of("it-CH")).pick(LABELS).text()).isEqualTo("Movimento");
        assertThat(LanguageChain.ENGLISH.pick(LABELS).text()).isEqualTo("Movement");
        // Spanish asked, none there: an untagged name before the English fallback.
        assertThat(LanguageChain.of(List.of("es")).pick(LABELS).text()).isEqualTo("MDF");
        assertThat(LanguageChain.of(List.of("es")).pick(Map.of("it", "Movimento", "en", "Movement")).text()).isEqualTo("Movement");
        // Then any: the least tag, the same on every request.
        assertThat(LanguageChain.of(List.of("es")).pick(Map.of("it", "Movimento", "de", "Bewegung")).text()).isEqualTo("Bewegung");
        assertThat(LanguageChain.of(List.of("fr", "it")).pick(LABELS).text()).isEqualTo("Movimento");
        assertThat(LanguageChain.ENGLISH.pick(Map.of())).isNull();
    }

    @Test
    void languageIsShownWhereItDiffers() {
        LanguageChain.Picked p = LanguageChain.of(List.of("es")).pick(Map.of("it", "Movimento", "en", "Movement"));
        assertThat(p.lang()).isEqualTo("en");
        assertThat(p.differs()).isTrue();
        assertThat(LanguageChain.of(List.of("it-CH")).pick(LABELS).differs()).isFalse();
        assertThat(LanguageChain.of(List.of("es")).pick(LABELS).differs()).isFalse(); // untagged: no language to name
    }

    @Test
    void acceptLanguageQualityValuesAreHonoured() {
        assertThat(Negotiation.languages(null, "en;q=0.3, it-CH;q=0.9, es, de;q=0").tags()).containsExactly("es", "it-ch", "it", "en");
        assertThat(Negotiation.languages("fr", "it").tags()).containsExactly("fr", "en");
        assertThat(Negotiation.languages("", "it;q=bad, es").tags()).containsExactly("es", "en");
        assertThat(Negotiation.languages("<b>", null)).isEqualTo(LanguageChain.ENGLISH);
    }
}
