package org.w3id.copgraph.queries;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.view.Link;

/**
 * What the home page shows: the ecosystem in figures and the curated queries. The figures are
 * the answer of the curated {@code ecosystem-overview} query itself, so "organisations" on the
 * home page means what it means in that query (and the answer comes from its cache).
 *
 * @param figures    one per row of {@code ecosystem-overview}, in its order
 * @param statements statements in the named graphs
 * @param queries    every curated query, linked, with its summary
 */
public record Overview(List<Figure> figures, long statements, List<Entry> queries) {

    /** The curated query whose rows are the figures. */
    public static final String QUERY = "ecosystem-overview";

    /** One headline figure: {@code name} as the query words it ("communities of practice"). */
    public record Figure(String name, long value) {

        /** The name as a row heading: "Communities of practice". */
        public String heading() {
            return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
    }

    /** A curated query on the home page. */
    public record Entry(Link link, String summary) {
    }

    public static Overview of(CuratedQueries queries, Store store) {
        CuratedQueries.Answer answer = queries.answer(QUERY, Map.of(), ResultFormat.JSON, store);
        List<Figure> figures = new ArrayList<>();
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(answer.body()), ResultSetLang.RS_JSON);
        rs.forEachRemaining(row -> figures.add(new Figure(row.getLiteral("figure").getLexicalForm(),
                row.getLiteral("value").getLong())));
        List<Entry> entries = new ArrayList<>();
        for (CuratedQuery q : queries.list()) {
            entries.add(new Entry(Link.to(CuratedQueries.API + q.name(), q.name()), q.summary()));
        }
        return new Overview(List.copyOf(figures), store.tripleCount(), List.copyOf(entries));
    }

    /** The figure of that name, or -1 when the query has no such row. */
    public long figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).mapToLong(Figure::value).findFirst().orElse(-1);
    }
}
