package org.w3id.copgraph.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.PlanOp;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.util.Context;

/**
 * Runs a whole query in the remote store rather than statement by statement: the query's pattern
 * (with its modifiers) goes there as one SELECT, and Jena builds the answer (SELECT rows, ASK,
 * CONSTRUCT, DESCRIBE) from the rows that come back, exactly as it does for TDB2.
 */
final class RemoteQueryEngine implements QueryEngineFactory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteQueryEngine.class);

    private static final RemoteQueryEngine INSTANCE = new RemoteQueryEngine();

    static synchronized void register() {
        if (!QueryEngineRegistry.containsFactory(INSTANCE)) {
            QueryEngineRegistry.addFactory(INSTANCE);
        }
    }

    @Override
    public boolean accept(Query query, DatasetGraph dsg, Context context) {
        return dsg instanceof RemoteDatasetGraph;
    }

    @Override
    public Plan create(Query query, DatasetGraph dsg, Binding binding, Context context) {
        RemoteDatasetGraph remote = (RemoteDatasetGraph) dsg;
        if (query.getQueryPattern() == null) {
            // DESCRIBE <iri> with no WHERE: one empty row; the describe handler reads statements itself.
            return new PlanOp(Algebra.compile(query), null, QueryIterPlainWrapper.create(java.util.List.of(BindingFactory.empty()).iterator()));
        }
        Query select = query.cloneQuery();
        if (!select.isSelectType()) {
            select.setQuerySelectType();
            select.setQueryResultStar(true);
        }
        return plan(remote, select, Algebra.compile(query), binding, context);
    }

    @Override
    public boolean accept(Op op, DatasetGraph dsg, Context context) {
        return dsg instanceof RemoteDatasetGraph;
    }

    @Override
    public Plan create(Op op, DatasetGraph dsg, Binding binding, Context context) {
        return plan((RemoteDatasetGraph) dsg, OpAsQuery.asQuery(op), op, binding, context);
    }

    private static Plan plan(RemoteDatasetGraph remote, Query select, Op op, Binding binding, Context context) {
        Query sent = binding == null || binding.isEmpty() ? select
                : org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.replaceVars(select, RemoteDatasetGraph.asMap(binding));
        // Sent as text: a store's dialect may put a non-standard prologue before it (see RemoteDialect).
        String text = remote.dataPrologue(sent) + remote.dialect().forEngine(sent).serialize();
        Object timeout = context == null ? null : context.get(org.apache.jena.query.ARQ.queryTimeout);
        RowSet rows;
        try {
            rows = remote.queries().call(url -> {
                QueryExecHTTPBuilder b = RemoteDatasetGraph.select(url, text);
                if (timeout != null) {
                    b.timeout(Long.parseLong(timeout.toString().split(",")[0].trim()));
                }
                return b.select().materialize();
            });
        } catch (org.apache.jena.atlas.web.HttpException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
            if (Replicas.timedOut(e) || Replicas.status(e) == 503 || Replicas.status(e) == 504) {
                // Logged so that a query the store is slow at can be found and rewritten for it.
                LOG.warn("The store did not answer in time ({}) to: {}", Replicas.status(e), text);
                throw new QueryCancelledException();
            }
            throw Replicas.refused(e);
        }
        QueryIterator it = QueryIterPlainWrapper.create(rows);
        return new PlanOp(op, null, it);
    }
}
