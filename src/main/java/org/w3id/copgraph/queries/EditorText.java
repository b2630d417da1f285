package org.w3id.copgraph.queries;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.copgraph.model.Iris;

/**
 * A curated query as a researcher would type it in an editor: runnable as is on any SPARQL
 * endpoint, with no trace of the API's parameter machinery. Parameters with a default are
 * replaced by their value (without the extra {@code (value AS ?_cop_iri)} column a plain
 * substitution adds); an optional parameter without one becomes a plainly named variable left
 * unbound, which the header says how to set.
 */
final class EditorText {

    private EditorText() {
    }

    static String of(CuratedQuery q, Iris iris) {
        return of(q, iris, Map.of());
    }

    /** As {@link #of(CuratedQuery, Iris)} with {@code bound} (checked arguments) in place of the defaults. */
    static String of(CuratedQuery q, Iris iris, Map<String, String> args) {
        Map<Var, Node> values = new LinkedHashMap<>();
        StringBuilder head = new StringBuilder("# " + q.summary() + "\n# Curated query '" + q.name()
                + "' (" + CuratedQueries.API + q.name() + ")");
        Set<String> used = new HashSet<>();
        QueryFile.variables(q.query()).forEach(v -> used.add(v.getVarName()));
        for (Parameter p : q.parameters()) {
            Var var = Var.alloc(p.variable());
            String value = args.getOrDefault(p.name(), p.defaultValue());
            if (value != null) {
                values.put(var, p.type().parse(p.name(), value, p.lang(), iris));
                head.append("\n# ").append(p.name()).append(" = ").append(value);
            } else {
                Var plain = Var.alloc(freeName(p.name() + "Given", used));
                values.put(var, plain);
                head.append("\n# ").append(p.name()).append(" (optional): unbound; add VALUES ?")
                        .append(plain.getVarName()).append(" { ").append(example(p)).append(" } to set it");
            }
        }
        Query bound = values.isEmpty() ? q.query() : QueryTransformOps.replaceVars(q.query(), values);
        if (bound.isSelectType() && !bound.isQueryResultStar()) {
            // Parameters are inputs, not answers: no column of their own.
            for (Var v : values.keySet()) {
                bound.getProject().remove(v);
            }
        }
        return head + "\n" + bound.serialize();
    }

    private static String freeName(String wanted, Set<String> used) {
        String name = wanted;
        for (int i = 2; used.contains(name); i++) {
            name = wanted + i;
        }
        used.add(name);
        return name;
    }

    private static String example(Parameter p) {
        return switch (p.type()) {
            case IRI -> "<https://w3id.org/copgraph/id/" + p.name() + "/...>";
            case DATE -> "\"2021-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>";
            case INTEGER -> "2";
            case DECIMAL -> "0.5";
            case BOOLEAN -> "true";
            case STRING -> "\"text\"";
        };
    }
}
