package org.w3id.copgraph.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.store.Store;

class StaleAfterTest {

    private static final String URBANA = "https://w3id.org/copgraph/id/cop/urbana";

    @Test
    void withATinyStaleAfterAConfirmedCopIsStaleAtOnce() {
        try (Copgraph cg = Copgraph.on(Fixtures.settings().withStaleAfter(Period.ZERO), Store.inMemory())) {
            cg.loader().loadSeedIfEmpty();
            Freshness f = cg.freshness();
            assertThat(f.confirm(Caller.local(), "urbana").changed()).isTrue();
            StaleCop urbana = f.stale().cops().stream().filter(c -> c.iri().equals(URBANA)).findFirst().orElseThrow();
            assertThat(urbana.lastReviewed()).isEqualTo(f.today());
            assertThat(urbana.staleSince()).isEqualTo(f.today());
            assertThat(f.stale().cops().get(0).lastReviewed()).as("never reviewed ones come first").isNull();
        }
    }

    @Test
    void aCopIsStaleFromTheDayItsWindowEnds() {
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), Store.inMemory())) {
            Freshness f = cg.freshness();
            LocalDate today = LocalDate.of(2026, 12, 2);
            assertThat(f.isStale(null, today)).as("never reviewed").isTrue();
            assertThat(f.isStale(LocalDate.of(2025, 12, 3), today)).isFalse();
            assertThat(f.isStale(LocalDate.of(2025, 12, 2), today)).isTrue();
        }
    }

    @Test
    void thePeriodReadsAsWords() {
        assertThat(Periods.words(Period.ofMonths(12))).isEqualTo("12 months");
        assertThat(Periods.words(Period.of(1, 6, 0))).isEqualTo("1 year and 6 months");
        assertThat(Periods.words(Period.ZERO)).isEqualTo("0 days");
    }
}
