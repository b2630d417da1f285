package org.w3id.copgraph.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Problem;

class CloseMatchesTest {

    private static final String BASE = "https://w3id.org/copgraph/id/";
    private static final List<Node> NODES = List.of(
            new Node(BASE + "cop/urbana", "UrbanA Community of Practice", NodeType.COP),
            new Node(BASE + "project/urbana", "UrbanA (Urban Arenas)", NodeType.OTHER),
            new Node(BASE + "cop/blast", "BLAST Community of Practice", NodeType.COP),
            new Node(BASE + "person/duncan-crowley", "Duncan Crowley", NodeType.PERSON));

    private static List<String> near(String asked) {
        return CloseMatches.of(NODES, asked, 5).stream().map(Problem.Match::iri).toList();
    }

    @Test
    void aTypoInTheSlugSuggestsTheResourceOfTheSameKindFirst() {
        assertThat(near(BASE + "cop/urbanaa")).containsExactly(BASE + "cop/urbana", BASE + "project/urbana");
        assertThat(near(BASE + "cop/blsat")).containsExactly(BASE + "cop/blast");
        assertThat(near(BASE + "person/duncan-crowly")).containsExactly(BASE + "person/duncan-crowley");
    }

    @Test
    void aSlugSpelledLikeTheLabelOrPartOfItIsNear() {
        assertThat(near(BASE + "person/duncan")).containsExactly(BASE + "person/duncan-crowley");
    }

    @Test
    void nothingNearGivesNoSuggestion() {
        assertThat(near(BASE + "cop/zzzzzzzzzz")).isEmpty();
        assertThat(near(BASE + "cop/x")).isEmpty();
    }
}
