package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.store.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The curated queries answer what a researcher reads their names and documentation to mean. */
class ResearchAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "https://w3id.org/copgraph/id/";
    private static final Node ORG_MEMBER = NodeFactory.createURI("http://www.w3.org/ns/org#member");
    private static final Node ORG_ORGANIZATION = NodeFactory.createURI("http://www.w3.org/ns/org#organization");

    private static JsonNode rows(CuratedQueries qs, Store store, String name, Map<String, String> args) {
        try {
            return JSON.readTree(qs.answer(name, args, ResultFormat.ROWS, store).body()).get("rows");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode rows(String name, Map<String, String> args) {
        return rows(Fixtures.seeded().queries(), Fixtures.seeded().store(), name, args);
    }

    private static JsonNode row(JsonNode rows, String column, String value) {
        for (JsonNode r : rows) {
            if (r.path(column).asText().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value + " in " + rows);
    }

    @Test
    void knowledgeBrokersCountTwoRolesInOneCopAsOneCop() {
        // Nicola Hillary is co-guardian and member of Municipalities in Transition: one CoP.
        JsonNode nicola = row(rows("knowledge-brokers", Map.of()), "person", ID + "person/nicola-hillary");
        assertThat(nicola.get("cops").asInt()).isEqualTo(1);
        assertThat(nicola.get("communities").asInt()).isEqualTo(2);
    }

    @Test
    void everyDocumentedExampleOfKnowledgeBrokersFindsPeople() {
        CuratedQuery q = Fixtures.seeded().queries().get("knowledge-brokers");
        assertThat(q.examples()).isNotEmpty();
        for (Map<String, String> example : q.examples()) {
            Map<String, String> args = new HashMap<>(example);
            args.remove("summary");
            assertThat(rows("knowledge-brokers", args).size()).as(example.toString()).isGreaterThan(0);
        }
        JsonNode copsOnly = rows("knowledge-brokers", Map.of("copsOnly", "true", "min", "1"));
        for (JsonNode r : copsOnly) {
            assertThat(r.get("cops").asInt()).isEqualTo(r.get("communities").asInt());
        }
    }

    @Test
    void aResourceWithTwoLabelsIsShownWithOne() {
        // Cultivate is labelled "Cultivate" and "Sustainable Ireland / Cultivate".
        JsonNode davie = row(rows("knowledge-brokers", Map.of()), "person", ID + "person/davie-phillip");
        assertThat(davie.get("memberOf").asText()).isEqualTo("BLAST Community of Practice | Cultivate");
        JsonNode links = rows("people-connecting-communities", Map.of("cop", ID + "cop/blast"));
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("otherLabel").asText()).isEqualTo("Cultivate");
        JsonNode found = rows("search-by-label", Map.of("text", "cultivate"));
        List<String> resources = new ArrayList<>();
        found.forEach(r -> resources.add(r.get("resource").asText()));
        assertThat(resources).doesNotHaveDuplicates().contains(ID + "organisation/cultivate");
        assertThat(row(found, "resource", ID + "organisation/cultivate").get("label").asText()).isEqualTo("Cultivate");
    }

    @Test
    void noCuratedAnswerRepeatsARowThatDiffersOnlyInALabel() {
        CuratedQueries qs = Fixtures.seeded().queries();
        for (CuratedQuery q : qs.list()) {
            List<Map<String, String>> asks = new ArrayList<>();
            if (q.parameters().stream().noneMatch(Parameter::required)) {
                asks.add(Map.of());
            }
            for (Map<String, String> example : q.examples()) {
                Map<String, String> args = new HashMap<>(example);
                args.remove("summary");
                asks.add(args);
            }
            for (Map<String, String> args : asks) {
                Map<String, Integer> seen = new LinkedHashMap<>();
                for (JsonNode r : rows(qs, Fixtures.seeded().store(), q.name(), args)) {
                    StringBuilder key = new StringBuilder();
                    r.fields().forEachRemaining(e -> {
                        if (!e.getKey().endsWith("Label") && !e.getKey().equals("label")) {
                            key.append(e.getKey()).append('=').append(e.getValue()).append(' ');
                        }
                    });
                    seen.merge(key.toString(), 1, Integer::sum);
                }
                seen.forEach((k, n) -> assertThat(n).as(q.name() + " " + args + ": " + k).isEqualTo(1));
            }
        }
    }

    @Test
    void peopleConnectingCopsPairsTheCopsAPersonBelongsTo() {
        Store store = Store.inMemory();
        try (Copgraph cg = Copgraph.on(Fixtures.settings(), store)) {
            cg.loader().loadSeedIfEmpty();
            assertThat(rows(cg.queries(), store, "people-connecting-cops", Map.of()))
                    .as("nobody in the seed belongs to two CoPs").isEmpty();
            // Juan Del Rio, co-guardian of Municipalities in Transition, joins UrbanA too.
            Node g = NodeFactory.createURI("urn:test:graph");
            Node m = NodeFactory.createURI("urn:test:membership");
            store.write(d -> {
                d.add(Quad.create(g, m, ORG_MEMBER, NodeFactory.createURI(ID + "person/juan-del-rio")));
                d.add(Quad.create(g, m, ORG_ORGANIZATION, NodeFactory.createURI(ID + "cop/urbana")));
            });
            JsonNode pairs = rows(cg.queries(), store, "people-connecting-cops", Map.of());
            assertThat(pairs).hasSize(1);
            JsonNode pair = pairs.get(0);
            assertThat(pair.get("person").asText()).isEqualTo(ID + "person/juan-del-rio");
            assertThat(List.of(pair.get("cop").asText(), pair.get("otherCop").asText()))
                    .containsExactlyInAnyOrder(ID + "cop/urbana", ID + "cop/municipalities-in-transition");
            JsonNode fromUrbana = rows(cg.queries(), store, "people-connecting-cops", Map.of("cop", "/id/cop/urbana"));
            assertThat(fromUrbana).hasSize(1);
            assertThat(fromUrbana.get(0).get("cop").asText()).isEqualTo(ID + "cop/urbana");
            assertThat(fromUrbana.get(0).get("otherCopLabel").asText()).isEqualTo("Municipalities in Transition Community of Practice");
            assertThat(fromUrbana.get(0).get("roleInOtherCop").asText()).isEqualTo("co-guardian");
        }
    }

    @Test
    void theEditorTextOfEveryQueryRunsAsIsWithoutParameterVariables() {
        CuratedQueries qs = Fixtures.seeded().queries();
        for (CuratedQuery q : qs.list()) {
            String text = qs.editorText(q);
            assertThat(text).as(q.name()).doesNotContain("?_").doesNotContain("AS ?_");
            var parsed = QueryFactory.create(text);
            if (parsed.isSelectType()) {
                assertThat(parsed.getResultVars()).as(q.name()).noneMatch(v -> v.startsWith("_"));
            }
        }
    }
}
