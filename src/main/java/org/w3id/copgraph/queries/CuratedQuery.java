package org.w3id.copgraph.queries;

import java.util.List;

import org.apache.jena.query.Query;

/**
 * A curated query: one {@code .rq} file whose {@code #+} header documents it. The file name is
 * its name and route; {@code hash} identifies the exact text, so results can be cited.
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
        List<java.util.Map<String, String>> examples) {

    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    public String kind() {
        return query.isSelectType() ? "select" : query.isAskType() ? "ask"
                : query.isConstructType() ? "construct" : "describe";
    }
}
