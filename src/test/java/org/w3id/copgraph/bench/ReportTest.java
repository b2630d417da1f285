package org.w3id.copgraph.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void percentilesAreNearestRank() {
        List<Double> xs = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0);
        assertThat(Stats.percentile(xs, 50)).isEqualTo(5.0);
        assertThat(Stats.percentile(xs, 95)).isEqualTo(10.0);
        assertThat(Stats.percentile(List.of(7.0), 95)).isEqualTo(7.0);
        assertThat(Stats.percentile(List.of(), 50)).isNaN();
    }

    @Test
    void throughputIsRequestsPerSecond() {
        Stats s = Stats.of(List.of(10.0, 20.0, 30.0, 40.0), 1, 2.0);
        assertThat(s.requests()).isEqualTo(4);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.perSecond()).isEqualTo(2.0);
    }

    @Test
    void ratiosAreCopgraphOverPeerAndMissingFiguresShowADash() {
        assertThat(Report.ratio(150, 100)).isEqualTo("1.50×");
        assertThat(Report.ratio(Double.NaN, 100)).isEqualTo("–");
        assertThat(Report.ratio(1, 0)).isEqualTo("–");
    }

    @Test
    void rowCountsThatDifferAreShownPerTarget() {
        Figures.QueryRow same = new Figures.QueryRow("q");
        same.rows.putAll(Map.of("copgraph", 3L, "fuseki", 3L));
        assertThat(Report.rows(same, List.of())).isEqualTo("3");
        Figures.QueryRow differ = new Figures.QueryRow("q");
        differ.rows.put("copgraph", 3L);
        differ.rows.put("virtuoso", 6L);
        assertThat(Report.rows(differ, List.of())).isEqualTo("differ: copgraph=3 virtuoso=6");
    }

    @Test
    void theReportHasEveryFigureWithItsRatio() {
        Figures f = new Figures(1000);
        f.loads.add(new Figures.Load("copgraph load --bulk", 200_000, 4000L, null));
        f.loads.add(new Figures.Load("tdb2.tdbloader", 200_000, 2000L, null));
        Figures.QueryRow q = f.query("events");
        q.cold.put(Report.COPGRAPH, 30.0);
        q.cold.put("fuseki", 20.0);
        q.warm.put(Report.COPGRAPH, 10.0);
        q.warm.put("fuseki", 10.0);
        q.rows.put(Report.COPGRAPH, 5L);
        q.rows.put("fuseki", 5L);
        f.mixed.put(Report.COPGRAPH, Map.of(4, new Stats(100, 0, 8.0, 20.0, 50.0)));
        f.mixed.put("fuseki", Map.of(4, new Stats(100, 0, 4.0, 10.0, 100.0)));
        f.precomputed = 19;
        f.precomputeMs = 12_345L;
        Figures.QueryRow ex = f.example("events");
        ex.cold.put(Report.API, 40.0);
        ex.warm.put(Report.API, 2.0);
        ex.rows.put(Report.API, 3L);
        String md = Report.markdown("# head\n", List.of("fuseki"), List.of(f));
        assertThat(md).contains("## 1,000 CoPs")
                .contains("| tdb2.tdbloader | 200,000 | 2.0 | 100,000 | 2.00× |")
                .contains("| events | 5 | – | – | 30.0 | 10.0 | 20.0 | 10.0 | 1.50× | 1.00× | – | – |")
                .contains("| copgraph | 4 | 100 | 0 | 8.0 | 20.0 | 50.0 | 2.00× | 2.00× | 0.50× |")
                .contains("first pages of 19 curated queries").contains("precomputed in 12.3 s")
                .contains("example arguments").contains("| events | 3 | 40.0 | 2.0 |");
    }

    @Test
    void theMixedWorkloadIsTheSameSequenceForEveryServerAndParses() {
        var a = Benchmark.mixedWorkload("http://a/sparql", 100, 1);
        var b = Benchmark.mixedWorkload("http://b/sparql", 100, 1);
        for (int i = 0; i < 12; i++) {
            assertThat(a.apply(i).sparql()).isEqualTo(b.apply(i).sparql());
            QueryFactory.create(a.apply(i).sparql());
        }
        assertThat(a.apply(0).url()).isEqualTo("http://a/sparql");
    }
}
