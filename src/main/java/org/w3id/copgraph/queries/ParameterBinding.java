package org.w3id.copgraph.queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.queries.CuratedQueries.Page;
import org.w3id.copgraph.queries.CuratedQueries.Prepared;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedCache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Turns a client's arguments into a query ready to run: every parameter checked against its
 * declared type, an enumerated one against the values the graph holds, an IRI against the
 * resources the graph holds; then bound on the parsed query (never spliced into its text), with
 * paging for a SELECT.
 */
final class ParameterBinding {

    private final Iris iris;
    private final long timeoutMillis;
    private final Resources resources;
    /** The values of each enumerated parameter, per data version. */
    private final VersionedCache<String, List<String>> enumerated = VersionedCache.of(Caffeine.newBuilder().maximumSize(1000));
    /** Answers to "is this value one of the enumeration's?" for enumerations too long to list. */
    private final VersionedCache<String, Boolean> allowedChecks = VersionedCache.of(Caffeine.newBuilder().maximumSize(10_000));

    ParameterBinding(Iris iris, long timeoutMillis) {
        this.iris = iris;
        this.timeoutMillis = timeoutMillis;
        this.resources = new Resources(iris, timeoutMillis);
    }

    Prepared prepare(CuratedQuery q, Map<String, String> args, Long limit, Long offset, Store store, String version) {
        String name = q.name();
        for (String arg : args.keySet()) {
            if (q.parameter(arg) == null && !CuratedQueries.RESERVED.contains(arg)) {
                throw Problem.badRequest("unknown-parameter", "Query '" + name + "' has no parameter '" + arg
                        + "'. Its parameters: " + describe(q.parameters()) + ".");
            }
        }
        BindingBuilder b = BindingBuilder.create();
        Map<String, String> bound = new TreeMap<>();
        for (Parameter p : q.parameters()) {
            String value = args.get(p.name());
            boolean given = value != null && !value.isEmpty();
            if (!given) {
                value = p.defaultValue();
            }
            if (value == null) {
                if (p.required()) {
                    throw Problem.badRequest("missing-parameter", "Query '" + name + "' needs parameter '"
                            + p.name() + "' (" + p.type().expected + ").");
                }
                continue;
            }
            boolean listed = !p.allowedValues().isEmpty() || p.enumeration() != null;
            if (given && p.type() == ParamType.IRI && !listed && Resources.isSlug(value)) {
                value = resources.resolveSlug(p.name(), value, store, version);
            }
            Node node = p.type().parse(p.name(), value, p.lang(), iris);
            String asGiven = node.isURI() ? node.getURI() : node.getLiteralLexicalForm();
            if (listed && !isAllowed(q, p, node, asGiven, store, version)) {
                List<String> allowed = allowedValues(q, p, store, version);
                throw Problem.badRequest("bad-parameter", "Parameter '" + p.name() + "' must be one of "
                        + shortList(allowed) + "; got '" + value + "'. GET " + CuratedQueries.API + name
                        + "/about lists them.");
            }
            if (given && node.isURI() && !listed) {
                // A misspelt IRI would otherwise be an empty 200 that reads as "no such thing".
                resources.requireExisting(p.name(), node, store, version);
            }
            b.add(Var.alloc(p.variable()), node);
            bound.put(p.name(), asGiven);
        }
        // A SELECT is paged on a copy when it runs (QueryRunner), so a question answered from the
        // cache costs no copy; a CONSTRUCT or ASK runs as prepared, on a copy of its own.
        Query query = q.queryFor(store);
        if (!query.isSelectType()) {
            query = query.cloneQuery();
        }
        Page page = null;
        if (query.isSelectType()) {
            long lim = limit == null ? CuratedQueries.DEFAULT_LIMIT : limit;
            long off = offset == null ? 0 : offset;
            checkPaging(lim, off);
            if (query.hasLimit()) {
                lim = Math.min(lim, query.getLimit());
            }
            page = new Page(lim, off, false);
        } else if (limit != null || offset != null) {
            checkPaging(limit == null ? 0 : limit, offset == null ? 0 : offset);
            if (limit != null) {
                query.setLimit(limit);
            }
            if (offset != null) {
                query.setOffset(offset);
            }
        }
        return new Prepared(q, query, b.build(), bound, page);
    }

    /** The values an enumerated parameter may take on the current data; empty when any value goes. */
    List<String> allowedValues(CuratedQuery q, Parameter p, Store store, String version) {
        if (!p.allowedValues().isEmpty() || p.enumeration() == null) {
            return p.allowedValues();
        }
        return enumerated.get(version, q.name() + "\u0000" + p.name(), k -> enumerate(q, p, store));
    }

    /**
     * Whether {@code value} is one the enumeration of {@code p} yields. Asked of the store with the
     * value bound, rather than looked up in the listed values, so that the check costs one index
     * lookup and holds for every value however many there are.
     */
    private boolean isAllowed(CuratedQuery q, Parameter p, Node value, String asGiven, Store store, String version) {
        if (!p.allowedValues().isEmpty()) {
            return p.allowedValues().contains(asGiven);
        }
        if (p.enumeration() == null) {
            return true;
        }
        String k = q.name() + "\u0000" + p.name();
        List<String> listed = enumerated.getIfPresent(version, k);
        if (value.isLiteral() || (listed != null && listed.size() < CuratedQueries.MAX_ENUMERATION)) {
            return allowedValues(q, p, store, version).contains(asGiven);
        }
        return allowedChecks.get(version, k + "\u0000" + asGiven, x -> {
            Enumerating e = enumerating(q, p);
            // ASK of the same pattern: no ORDER BY on a bound variable (a remote store refuses that text).
            Query probe = new Query();
            probe.setQueryAskType();
            probe.setPrefixMapping(e.query().getPrefixMapping());
            probe.setQueryPattern(e.query().getQueryPattern());
            try {
                return store.query(probe, BindingFactory.binding(e.var(), value), timeoutMillis, QueryExec::ask);
            } catch (QueryCancelledException ex) {
                throw QueryRunner.timedOut(q, timeoutMillis);
            }
        });
    }

    /** The query listing the values of an enumerated parameter, and its variable. */
    private record Enumerating(Query query, Var var) {
    }

    private static Enumerating enumerating(CuratedQuery q, Parameter p) {
        Query e;
        Var v;
        if (p.enumeration().query() != null) {
            e = p.enumeration().query().cloneQuery();
            v = e.getProjectVars().get(0);
        } else {
            // The query's own pattern, with this parameter free: every value it could match.
            v = Var.alloc(p.variable());
            e = new Query();
            e.setQuerySelectType();
            e.setPrefixMapping(q.query().getPrefixMapping());
            e.setQueryPattern(q.query().getQueryPattern());
            e.addResultVar(v);
            e.setDistinct(true);
            e.addOrderBy(v, Query.ORDER_DEFAULT);
        }
        return new Enumerating(e, v);
    }

    private List<String> enumerate(CuratedQuery q, Parameter p, Store store) {
        Enumerating en = enumerating(q, p);
        Query e = en.query();
        Var var = en.var();
        if (!e.hasLimit() || e.getLimit() > CuratedQueries.MAX_ENUMERATION) {
            e.setLimit(CuratedQueries.MAX_ENUMERATION);
        }
        return store.query(e, BindingFactory.empty(), timeoutMillis, exec -> {
            List<String> out = new ArrayList<>();
            exec.select().forEachRemaining(row -> {
                Node n = row.get(var);
                if (n != null && (n.isURI() || n.isLiteral())) {
                    out.add(n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                }
            });
            return List.copyOf(out);
        });
    }

    /** The default values of {@code q}'s parameters as they are bound (IRIs expanded). */
    Map<String, String> defaults(CuratedQuery q) {
        Map<String, String> defaults = new TreeMap<>();
        for (Parameter param : q.parameters()) {
            if (param.defaultValue() != null) {
                Node n = param.type().parse(param.name(), param.defaultValue(), param.lang(), iris);
                defaults.put(param.name(), n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
            }
        }
        return defaults;
    }

    static void checkPaging(long limit, long offset) {
        if (limit < 0 || limit > CuratedQueries.MAX_LIMIT) {
            throw Problem.badRequest("bad-parameter", "Parameter 'limit' must be an integer from 0 to "
                    + CuratedQueries.MAX_LIMIT + "; got " + limit + ".");
        }
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw Problem.badRequest("bad-parameter", "Parameter 'offset' must be an integer from 0 to "
                    + Integer.MAX_VALUE + "; got " + offset + ".");
        }
    }

    static Long longArg(Map<String, String> args, String name) {
        String v = args.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be a non-negative integer; got '" + v + "'.");
        }
    }

    private static String shortList(List<String> values) {
        if (values.size() <= 20) {
            return values.toString();
        }
        return values.subList(0, 20) + " (and " + (values.size() - 20) + " more)";
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
