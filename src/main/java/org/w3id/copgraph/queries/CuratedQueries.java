package org.w3id.copgraph.queries;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * The catalogue of curated queries ({@code queries/*.rq}) and the one way to run them:
 * parameters are checked against their declared types and bound on the parsed query, never
 * spliced into its text.
 */
public final class CuratedQueries {

    /** Parameter names the API reserves for itself rather than for a query. */
    public static final List<String> RESERVED = List.of("format", "limit", "offset");

    private final Map<String, CuratedQuery> byName;
    private final Iris iris;
    private final long timeoutMillis;

    private CuratedQueries(Map<String, CuratedQuery> byName, Iris iris, long timeoutMillis) {
        this.byName = byName;
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
    }

    /** Reads every {@code .rq} file of {@code dir}; a malformed one fails with its file and line. */
    public static CuratedQueries load(Path dir, Iris iris, long timeoutMillis) {
        Map<String, CuratedQuery> map = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                    String file = f.getFileName().toString();
                    String name = file.substring(0, file.length() - 3);
                    map.put(name, QueryFile.parse(name, dir.getFileName() + "/" + file, Files.readString(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CuratedQueries(map, iris, timeoutMillis);
    }

    public Collection<CuratedQuery> list() {
        return byName.values();
    }

    public CuratedQuery get(String name) {
        CuratedQuery q = byName.get(name);
        if (q == null) {
            throw Problem.notFound("unknown-query", "No curated query named '" + name
                    + "'. GET /api/queries lists them: " + String.join(", ", byName.keySet()) + ".");
        }
        return q;
    }

    /** A query ready to run: the parsed query with paging applied and its parameters bound. */
    public record Prepared(CuratedQuery curated, Query query, Binding binding) {
    }

    public Prepared prepare(String name, Map<String, String> args, Long limit, Long offset) {
        CuratedQuery q = get(name);
        for (String arg : args.keySet()) {
            if (q.parameter(arg) == null && !RESERVED.contains(arg)) {
                throw Problem.badRequest("unknown-parameter", "Query '" + name + "' has no parameter '" + arg
                        + "'. Its parameters: " + describe(q.parameters()) + ".");
            }
        }
        BindingBuilder b = BindingBuilder.create();
        for (Parameter p : q.parameters()) {
            String value = args.get(p.name());
            if (value == null || value.isEmpty()) {
                value = p.defaultValue();
            }
            if (value == null) {
                if (p.required()) {
                    throw Problem.badRequest("missing-parameter", "Query '" + name + "' needs parameter '"
                            + p.name() + "' (" + p.type().expected + ").");
                }
                continue;
            }
            if (!p.allowedValues().isEmpty() && !p.allowedValues().contains(value)) {
                throw Problem.badRequest("bad-parameter", "Parameter '" + p.name() + "' must be one of "
                        + p.allowedValues() + "; got '" + value + "'.");
            }
            b.add(Var.alloc(p.variable()), p.type().parse(p.name(), value, p.lang(), iris));
        }
        Query query = q.query().cloneQuery();
        if (limit != null) {
            if (limit < 0) {
                throw Problem.badRequest("bad-parameter", "Parameter 'limit' must be a non-negative integer.");
            }
            query.setLimit(query.hasLimit() ? Math.min(query.getLimit(), limit) : limit);
        }
        if (offset != null) {
            if (offset < 0) {
                throw Problem.badRequest("bad-parameter", "Parameter 'offset' must be a non-negative integer.");
            }
            query.setOffset(offset);
        }
        return new Prepared(q, query, b.build());
    }

    /** Runs a prepared query in one read transaction and writes its answer in {@code format}. */
    public void run(Prepared p, Store store, ResultFormat format, OutputStream out) {
        try {
            store.query(p.query(), p.binding(), timeoutMillis, exec -> {
                if (p.query().isSelectType()) {
                    // Materialised first so a timeout is an error, not a 200 cut half-way.
                    RowSet rows = exec.select().materialize();
                    ResultsWriter.create().lang(format.lang).write(out, rows);
                } else if (p.query().isAskType()) {
                    ResultsWriter.create().lang(format.lang).write(out, exec.ask());
                } else {
                    Graph g = p.query().isConstructType() ? exec.construct() : exec.describe();
                    RDFWriter.source(g).lang(format.lang).output(out);
                }
                return null;
            });
        } catch (QueryCancelledException e) {
            throw new Problem(Problem.Kind.TIMEOUT, "query-timeout", "Query '" + p.curated().name()
                    + "' ran past the " + timeoutMillis + " ms limit and was stopped.");
        }
    }

    private static String describe(List<Parameter> params) {
        if (params.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        params.forEach(p -> out.add(p.name() + " (" + p.type().suffix + (p.required() ? ", required" : "") + ")"));
        return String.join(", ", out);
    }

}
