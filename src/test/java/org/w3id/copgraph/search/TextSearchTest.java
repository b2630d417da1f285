package org.w3id.copgraph.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Problem;

class TextSearchTest {

    private final TextSearch search = Fixtures.seeded().textSearch();

    private List<String> labels(String text) {
        return search.find(text, 100).stream().map(TextSearch.Hit::label).toList();
    }

    @Test
    void aWordFindsLabelsThatStartWithIt() {
        assertThat(labels("transit")).contains("Transition Network");
    }

    @Test
    void anExactLabelComesFirst() {
        assertThat(search.find("Transition Network", 10).get(0).label()).isEqualTo("Transition Network");
    }

    @Test
    void textWithOnlyOperatorsIsABadRequest() {
        assertThatThrownBy(() -> search.find("\" * ( ) \\ AND OR", 10))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(400));
    }
}
