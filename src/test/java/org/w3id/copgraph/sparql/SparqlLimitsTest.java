package org.w3id.copgraph.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3id.copgraph.Problem;

class SparqlLimitsTest {

    private static final SparqlLimits LIMITS = SparqlLimits.DEFAULT;

    static String repeat(int n, String head, String unit, String tail) {
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < n; i++) {
            b.append(unit.replace("#", Integer.toString(i)));
        }
        return b.append(tail).toString();
    }

    /** The shapes of query that overflow Jena's stack today (issue 12 §3). */
    static List<String> overflowing() {
        return List.of(
                repeat(20_000, "SELECT * WHERE { {?s ?p 0}", " UNION {?s ?p #}", "}"),
                repeat(50_000, "SELECT * WHERE { ?s ?p ?o FILTER(?o = 0", " || ?o = #", ")}"),
                repeat(2_000, "SELECT * WHERE ", "{SELECT * WHERE ", "{}") + "}".repeat(2_000),
                "SELECT * WHERE " + "{".repeat(2_000) + "}".repeat(2_000),
                repeat(5_000, "SELECT * WHERE { ?s ?p ?o ", " MINUS {?s ?p #}", "}"),
                repeat(20_000, "SELECT * WHERE { ", " {?s ?p #}", "}"),
                repeat(5_000, "SELECT * WHERE { ?s <urn:p>", "/<urn:p#>", " ?o }"),
                repeat(20_000, "SELECT * WHERE { ?s ?p ?o FILTER(?o = 0", " + #", ")}"));
    }

    private static Problem refusal(String text) {
        try {
            LIMITS.check(text, "query");
        } catch (Problem p) {
            return p;
        }
        return null;
    }

    @Test
    void queriesThatOverflowJenasStackAreRefusedAsTooDeep() {
        for (String q : overflowing()) {
            Problem p = refusal(q);
            assertThat(p).as(q.substring(0, 60)).isNotNull();
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.code()).isEqualTo("query-too-deep");
            assertThat(p.getMessage()).containsAnyOf("100", "500");
        }
    }

    @Test
    void aTextAboveTheSizeCapIsA413() {
        String big = "SELECT * WHERE { ?s ?p \"" + "x".repeat(1_000_001) + "\" }";
        assertThatThrownBy(() -> LIMITS.check(big, "query")).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(413);
            assertThat(p.code()).isEqualTo("query-too-large");
            assertThat(p.getMessage()).contains("1000000");
        });
        // Characters beyond ASCII count as their UTF-8 bytes.
        String wide = "SELECT * WHERE { ?s ?p \"" + "é".repeat(600_000) + "\" }";
        assertThatThrownBy(() -> LIMITS.check(wide, "update")).isInstanceOf(Problem.class);
        assertThatCode(() -> LIMITS.withMaxQueryBytes(3_000_000).check(big, "query")).doesNotThrowAnyException();
    }

    @Test
    void aBodyIsReadNoFurtherThanTheCap() {
        SparqlLimits small = LIMITS.withMaxQueryBytes(10);
        assertThatThrownBy(() -> small.readBody(new ByteArrayInputStream(new byte[11]), -1, 1, "query"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThatThrownBy(() -> small.readBody(new ByteArrayInputStream(new byte[0]), 5_000_000_000L, 1, "query"))
                .isInstanceOf(Problem.class);
        assertThatCode(() -> small.readBody(new ByteArrayInputStream(new byte[30]), 30, 3, "query")).doesNotThrowAnyException();
    }

    @Test
    void bracketsAndOperatorsInStringsIrisAndCommentsAreNotCounted() {
        String q = "SELECT * WHERE { ?s ?p \"" + "{(|".repeat(2_000) + "\" . ?s ?p '''" + "{{".repeat(500)
                + "''' . ?s <urn:a" + "(/*+!&[".repeat(1_000) + "> ?o # " + "{ UNION ".repeat(1_000) + "\n"
                + "?s ?p \"\\\"{{{{\" }";
        assertThatCode(() -> LIMITS.check(q, "query")).doesNotThrowAnyException();
    }

    @Test
    void largeDataUpdatesWithNegativeNumbersAndHyphenatedNamesPass() {
        String update = repeat(12_000, "PREFIX ex: <https://example.org/> INSERT DATA { GRAPH <urn:g> {",
                " ex:item-# ex:some-value -#.5e-3 ; ex:label \"a-b\"@en-GB .", "} }");
        assertThatCode(() -> LIMITS.check(update, "update")).doesNotThrowAnyException();
        String many = repeat(5_000, "", "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> # } } ;\n", "CLEAR SILENT GRAPH <urn:x>");
        assertThatCode(() -> LIMITS.check(many, "update")).doesNotThrowAnyException();
    }

    @Test
    void everyCuratedQueryPasses() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            List<Path> rq = files.filter(f -> f.toString().endsWith(".rq")).toList();
            assertThat(rq).isNotEmpty();
            for (Path f : rq) {
                String text = Files.readString(f);
                assertThatCode(() -> LIMITS.check(text, "query")).as(f.toString()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aComparisonIsNotTakenForAnIri() {
        String q = repeat(400, "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1", " && ?o < #", ") }");
        assertThatCode(() -> LIMITS.check(q, "query")).doesNotThrowAnyException();
        assertThat(refusal(repeat(600, "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3", " && ?o < #", ") }"))).isNotNull();
    }

    @Test
    void javaFunctionIrisAreRefusedBeforeArqCanLoadTheirClasses() {
        assertThatThrownBy(() -> LIMITS.check("SELECT * { BIND(<java:org.example.Anything>(1) AS ?x) }", "query"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("java-function-refused"));
        assertThatThrownBy(() -> LIMITS.check("PREFIX j: <JAVA:org.example.> SELECT * { BIND(j:Fn(1) AS ?x) }", "update"))
                .isInstanceOf(Problem.class);
        assertThatCode(() -> LIMITS.check("SELECT * { ?s <https://example.org/java:x> ?o }", "query")).doesNotThrowAnyException();
    }
}
