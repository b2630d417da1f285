package org.w3id.copgraph.queries;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.CuratedQueries.Answer;
import org.w3id.copgraph.queries.CuratedQueries.Citation;
import org.w3id.copgraph.queries.CuratedQueries.Prepared;
import org.w3id.copgraph.store.Store;

/** Runs prepared curated queries on the store, within the time limit; counts how often it had to. */
final class QueryRunner {

    private final long timeoutMillis;
    private final AtomicLong storeRuns = new AtomicLong();

    QueryRunner(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    long storeRuns() {
        return storeRuns.get();
    }

    /** Runs a paged SELECT; the rows are of the data version read in the same transaction. */
    Rows select(Prepared p, Store store) {
        storeRuns.incrementAndGet();
        try {
            return store.query(paged(p), p.binding(), timeoutMillis, exec -> {
                String version = CuratedQueries.dataVersion(store);
                // Materialised first so a timeout is an error, not a 200 cut half-way.
                RowSet rs = exec.select();
                List<Var> vars = rs.getResultVars();
                List<Binding> rows = new ArrayList<>();
                // Detached: the store's bindings resolve their terms lazily, which only works in the transaction.
                rs.forEachRemaining(b -> rows.add(b.detach()));
                return new Rows(List.copyOf(vars), rows, version, Instant.now());
            });
        } catch (QueryCancelledException e) {
            throw timedOut(p.curated(), timeoutMillis);
        }
    }

    /** ASK, CONSTRUCT and DESCRIBE: not paged, rendered as they come. */
    Answer compute(Prepared p, ResultFormat format, Store store, String version) {
        CuratedQuery q = p.curated();
        Citation citation = new Citation(q.name(), "sha256:" + q.hash(), version, Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            return store.query(p.query(), p.binding(), timeoutMillis, exec -> {
                if (p.query().isAskType()) {
                    ResultsWriter.create().lang(format.lang).write(out, exec.ask());
                } else {
                    Graph g = p.query().isConstructType() ? exec.construct() : exec.describe();
                    if (format.lang.equals(Lang.TRIG) || format.lang.equals(Lang.NQUADS)) {
                        RDFWriter.source(DatasetGraphFactory.wrap(g)).lang(format.lang).output(out);
                    } else {
                        RDFWriter.source(g).lang(format.lang).output(out);
                    }
                }
                return new Answer(out.toByteArray(), format, citation, null, Map.of());
            });
        } catch (QueryCancelledException e) {
            throw timedOut(q, timeoutMillis);
        }
    }

    static Problem timedOut(CuratedQuery q, long timeoutMillis) {
        return new Problem(Problem.Kind.TIMEOUT, "query-timeout", "Query '" + q.name()
                + "' ran past the " + timeoutMillis + " ms limit and was stopped.");
    }

    /** The query with one row more than the page, to learn whether a next page exists. */
    private static Query paged(Prepared p) {
        if (p.page() == null) {
            return p.query();
        }
        Query q = p.query().cloneQuery();
        q.setLimit(p.page().limit() + 1);
        q.setOffset(p.page().offset() == 0 ? Query.NOLIMIT : p.page().offset());
        return q;
    }
}
