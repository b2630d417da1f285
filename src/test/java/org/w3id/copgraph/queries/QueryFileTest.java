package org.w3id.copgraph.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.copgraph.model.Iris;

class QueryFileTest {

    @Test
    void headerAndVariableNamesDescribeTheParameters() {
        CuratedQuery q = QueryFile.parse("x", "queries/x.rq", """
                #+ summary: Things of a CoP
                #+ tags:
                #+   - a
                #+ params:
                #+   cop: The CoP.
                #+ defaults:
                #+   - year: 2020
                SELECT * WHERE { ?_cop_iri ?p ?o . ?o ?q ?_year_integer . ?o ?r ?__since_xsd_date . ?o ?s ?__name_en }
                """);
        assertThat(q.summary()).isEqualTo("Things of a CoP");
        assertThat(q.tags()).containsExactly("a");
        assertThat(q.parameter("cop").type()).isEqualTo(ParamType.IRI);
        assertThat(q.parameter("cop").required()).isTrue();
        assertThat(q.parameter("cop").description()).isEqualTo("The CoP.");
        assertThat(q.parameter("year").required()).isFalse();
        assertThat(q.parameter("year").defaultValue()).isEqualTo("2020");
        assertThat(q.parameter("since").type()).isEqualTo(ParamType.DATE);
        assertThat(q.parameter("since").required()).isFalse();
        assertThat(q.parameter("name").lang()).isEqualTo("en");
    }

    @Test
    void malformedQueryFileFailsWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.rq"), "#+ summary: broken\nSELECT * WHERE {\n  ?s ?p \n}\n");
        assertThatThrownBy(() -> CuratedQueries.load(dir, Iris.DEFAULT, 1000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken.rq line 3, column 6");
    }
}
