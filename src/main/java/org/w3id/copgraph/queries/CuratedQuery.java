package org.w3id.copgraph.queries;

import java.util.List;

import org.apache.jena.query.Query;

/**
 * A curated query: one {@code .rq} file whose {@code #+} header documents it. The file name is
 * its name and route; {@code hash} identifies the exact text, so results can be cited.
 *
 * <p>A query that uses the text index ({@code text:query}) comes with a second text for a store
 * without one (a remote store): {@code queries/without-text-index/NAME.rq}, same parameters, same
 * columns, a scan instead of the index. {@link #queryFor} picks the one that fits the store.
 */
public record CuratedQuery(
        String name,
        String summary,
        String description,
        List<String> tags,
        List<Parameter> parameters,
        String text,
        Query query,
        String hash,
        List<java.util.Map<String, String>> examples,
        Query withoutTextIndex) {

    /** The text-index namespace: a query that names it needs the text index, or a fallback. */
    public static final String TEXT_NS = "http://jena.apache.org/text#";

    /** This query with its text for a store without a text index. */
    public CuratedQuery withFallback(Query fallback) {
        return new CuratedQuery(name, summary, description, tags, parameters, text, query, hash, examples, fallback);
    }

    /** Whether the query asks the text index ({@code text:query}). */
    public boolean usesTextIndex() {
        return text.contains(TEXT_NS);
    }

    /** The query to run on {@code store}: the fallback where the store has no text index. */
    public Query queryFor(org.w3id.copgraph.store.Store store) {
        return withoutTextIndex != null && !store.hasTextIndex() ? withoutTextIndex : query;
    }

    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public String kind() {
        return query.isSelectType() ? "select" : query.isAskType() ? "ask"
                : query.isConstructType() ? "construct" : "describe";
    }
}
