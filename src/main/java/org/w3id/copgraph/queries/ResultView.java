package org.w3id.copgraph.queries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3id.copgraph.i18n.LanguageChain;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * What the page of a curated query's answer shows: the query (with its form, filled with the
 * arguments asked), the rows as a table, and links to the same answer as CSV and JSON, to the
 * SPARQL text in the editor, and to the neighbouring pages.
 */
public record ResultView(CatalogueView.QueryEntry query, CuratedQueries.Table table, List<Format> formats,
                         String editorHref, String prevHref, String nextHref, String lang) {

    /** The same answer in another format. */
    public record Format(String name, String href) {
    }

    public static ResultView of(String name, Map<String, String> args, CuratedQueries queries, Store store, Iris iris) {
        return of(name, args, queries, store, iris, LanguageChain.ENGLISH);
    }

    /** The page for a reader of {@code chain} (label columns in the reader's language). */
    public static ResultView of(String name, Map<String, String> args, CuratedQueries queries, Store store, Iris iris,
                                LanguageChain chain) {
        CuratedQueries.Table table = queries.table(name, args, store, chain);
        CuratedQuery q = queries.get(name);
        CatalogueView.QueryEntry entry = CatalogueView.entry(q, queries, store, iris, table.bound());
        CuratedQueries.Page page = table.page();
        List<Format> formats = new ArrayList<>();
        for (ResultFormat f : List.of(ResultFormat.CSV, ResultFormat.JSON, ResultFormat.ROWS, ResultFormat.TSV)) {
            formats.add(new Format(f.shortName.toUpperCase(java.util.Locale.ROOT) + (f == ResultFormat.JSON ? " (SPARQL results)"
                    : f == ResultFormat.ROWS ? " (rows)" : ""),
                    AnswerRendering.link(name, table.bound(), page.limit(), page.offset(), f)));
        }
        StringBuilder editor = new StringBuilder("/query-editor?curated=").append(enc(name));
        table.bound().forEach((k, v) -> editor.append('&').append(enc(k)).append('=').append(enc(v)));
        String prev = page.offset() > 0 ? html(name, table.bound(), page.limit(), Math.max(0, page.offset() - page.limit())) : null;
        String next = page.hasNext() ? html(name, table.bound(), page.limit(), page.offset() + page.limit()) : null;
        return new ResultView(entry, table, formats, editor.toString(), prev, next, chain.first());
    }

    private static String html(String name, Map<String, String> bound, long limit, long offset) {
        StringBuilder s = new StringBuilder(CuratedQueries.API).append(name).append('?');
        bound.forEach((k, v) -> s.append(enc(k)).append('=').append(enc(v)).append('&'));
        return s.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
