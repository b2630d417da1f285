package org.w3id.copgraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.NodeIsomorphismMap;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.solver.QueryEngineTDB;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The class census researchers run first on an unknown endpoint,
 * {@code SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c}, answered from TDB2's quad
 * index without decoding a node per statement. ARQ would read every rdf:type statement, decode
 * its subject and class from the node table, and group them in a hash table (23× Virtuoso's time
 * at 5,000 CoPs); here the {@code POSG} index is read in order as ids, the distinct (class,
 * subject) pairs counted as they pass (the union default graph counts a statement once, whatever
 * graphs hold it), and only the classes decoded. Exact: only that one shape of the default graph
 * as the union of the named graphs is rewritten (COUNT of {@code *} or of the subject, DISTINCT
 * or not, which are equal there); the rest of the query (names, ORDER BY, LIMIT) runs as before.
 */
final class TypeCensus {

    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static volatile boolean registered;
    /** How many censuses were read from the index (for tests: that the rewrite took place). */
    private static final java.util.concurrent.atomic.AtomicLong READ = new java.util.concurrent.atomic.AtomicLong();

    private TypeCensus() {
    }

    /** Puts the engine in front of TDB2's own for every TDB2 dataset of this JVM (once). */
    static synchronized void register() {
        if (!registered) {
            QueryEngineRegistry.addFactory(new Factory());
            registered = true;
        }
    }

    static long censusesRead() {
        return READ.get();
    }

    /** The rewrite of {@code op} for {@code tdb}: each census group replaced by a read of the index. */
    static Op rewrite(Op op, DatasetGraphTDB tdb) {
        return Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpGroup group, Op sub) {
                Op census = census(group, sub, tdb);
                return census != null ? census : super.transform(group, sub);
            }
        }, op);
    }

    private static Op census(OpGroup group, Op sub, DatasetGraphTDB tdb) {
        if (!(sub instanceof OpQuadPattern qp) || qp.getPattern().size() != 1 || group.getGroupVars().size() != 1
                || group.getAggregators().size() != 1) {
            return null;
        }
        Node g = qp.getGraphNode();
        if (!Quad.isDefaultGraph(g) && !Quad.isUnionGraph(g)) {
            return null;
        }
        Quad q = qp.getPattern().get(0);
        if (!q.getSubject().isVariable() || !TYPE.equals(q.getPredicate()) || !q.getObject().isVariable()
                || q.getSubject().equals(q.getObject())) {
            return null;
        }
        Var subject = Var.alloc(q.getSubject());
        Var type = Var.alloc(q.getObject());
        var grouped = group.getGroupVars();
        if (!grouped.getVars().get(0).equals(type) || grouped.getExpr(type) != null) {
            return null;
        }
        ExprAggregator agg = group.getAggregators().get(0);
        Aggregator a = agg.getAggregator();
        boolean counts = a instanceof AggCount || a instanceof AggCountDistinct
                || (a instanceof AggCountVar || a instanceof AggCountVarDistinct)
                && a.getExprList().size() == 1 && a.getExprList().get(0).isVariable()
                && a.getExprList().get(0).asVar().equals(subject);
        return counts ? new OpCensus(tdb, type, agg.getVar()) : null;
    }

    /** The distinct subjects of each class, counted on the quad index's ids. */
    static Map<Node, Long> count(DatasetGraphTDB tdb) {
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        NodeId typeId = quads.getNodeTable().getNodeIdForNode(TYPE);
        Map<NodeId, Long> byId = new LinkedHashMap<>();
        if (typeId == null || NodeId.isDoesNotExist(typeId)) {
            return Map.of();
        }
        NodeId any = NodeId.NodeIdAny;
        // Quads are (G, S, P, O); the index read for a bound P is POSG: in (class, subject) order,
        // so the copies of one statement in several graphs come one after another.
        Iterator<Tuple<NodeId>> it = quads.find(any, any, typeId, any);
        long lastO = 0;
        long lastS = 0;
        boolean first = true;
        boolean ordered = true;
        while (it.hasNext()) {
            Tuple<NodeId> t = it.next();
            long s = indexKey(t.get(1));
            long o = indexKey(t.get(3));
            if (!first) {
                int c = Long.compareUnsigned(lastO, o);
                if (c > 0 || c == 0 && Long.compareUnsigned(lastS, s) > 0) {
                    ordered = false;
                    break;
                }
                if (c == 0 && lastS == s) {
                    continue; // the same statement in another graph: once in the union
                }
            }
            byId.merge(t.get(3), 1L, Long::sum);
            lastO = o;
            lastS = s;
            first = false;
        }
        if (!ordered) {
            // Another index answered: count distinct pairs the slow way, still without decoding.
            byId.clear();
            Map<NodeId, Set<NodeId>> seen = new HashMap<>();
            quads.find(any, any, typeId, any).forEachRemaining(t -> {
                if (seen.computeIfAbsent(t.get(3), k -> new HashSet<>()).add(t.get(1))) {
                    byId.merge(t.get(3), 1L, Long::sum);
                }
            });
        }
        Map<Node, Long> out = new LinkedHashMap<>();
        byId.forEach((id, n) -> out.put(quads.getNodeTable().getNodeForNodeId(id), n));
        return out;
    }

    /**
     * The id as the index orders it: its 8 stored bytes, compared unsigned. Not NodeId.compare,
     * which in Jena 5.6.0 answers 0 for any two ids of the node table (it compares the second
     * half only when the first halves differ), so two classes looked like one.
     */
    static long indexKey(NodeId id) {
        byte[] bytes = new byte[NodeId.SIZE];
        NodeIdFactory.set(id, bytes);
        return java.nio.ByteBuffer.wrap(bytes).getLong();
    }

    /** The census as a leaf of the algebra: binds the class and the count, as the group did. */
    static final class OpCensus extends OpExt {
        private final DatasetGraphTDB tdb;
        private final Var type;
        private final Var count;

        OpCensus(DatasetGraphTDB tdb, Var type, Var count) {
            super("copgraph:type-census");
            this.tdb = tdb;
            this.type = type;
            this.count = count;
        }

        @Override
        public Op effectiveOp() {
            return null;
        }

        @Override
        public QueryIterator eval(QueryIterator input, ExecutionContext cxt) {
            READ.incrementAndGet();
            Map<Node, Long> counts = count(tdb);
            List<Binding> rows = new ArrayList<>();
            while (input.hasNext()) {
                Binding parent = input.next();
                if (parent.contains(type) || parent.contains(count)) {
                    throw new IllegalStateException("A type census under a binding of its own variables");
                }
                counts.forEach((c, n) -> rows.add(BindingFactory.binding(parent, type, c, count,
                        NodeFactory.createLiteralDT(Long.toString(n), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger))));
            }
            input.close();
            return QueryIterPlainWrapper.create(rows.iterator(), cxt);
        }

        @Override
        public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
            out.print(type + " " + count + " (distinct subjects per class, from the POSG index)");
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + count.hashCode();
        }

        @Override
        public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
            return other instanceof OpCensus c && c.type.equals(type) && c.count.equals(count) && c.tdb == tdb;
        }
    }

    /** TDB2's engine, with the census rewritten where the default graph is the union of the named graphs. */
    private static final class Engine extends QueryEngineTDB {
        private final DatasetGraphTDB tdb;

        Engine(Query query, DatasetGraphTDB tdb, Binding input, Context context) {
            super(query, tdb, input, context);
            this.tdb = tdb;
        }

        Engine(Op op, DatasetGraphTDB tdb, Binding input, Context context) {
            super(op, tdb, input, context);
            this.tdb = tdb;
        }

        @Override
        public QueryIterator eval(Op op, DatasetGraph dsg, Binding input, Context context) {
            boolean union = context.isTrue(TDB2.symUnionDefaultGraph1) || context.isTrue(TDB2.symUnionDefaultGraph2);
            return super.eval(union && !isDynamicDataset() ? rewrite(op, tdb) : op, dsg, input, context);
        }
    }

    private static final class Factory implements QueryEngineFactory {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return TDBInternal.isBackedByTDB(dataset);
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding input, Context context) {
            return new Engine(query, TDBInternal.requireStorage(dataset), input, context).getPlan();
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) {
            return TDBInternal.isBackedByTDB(dataset);
        }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding input, Context context) {
            return new Engine(op, TDBInternal.requireStorage(dataset), input, context).getPlan();
        }
    }
}
