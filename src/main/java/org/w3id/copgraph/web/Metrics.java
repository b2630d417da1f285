package org.w3id.copgraph.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.w3id.copgraph.Copgraph;

/** The Prometheus registry behind {@code /metrics}: requests (see {@link RequestMetrics}), store size, query cache, JVM memory. */
final class Metrics {

    private Metrics() {
    }

    static PrometheusMeterRegistry registry(Copgraph cg) {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("copgraph_store_statements", cg.store(), s -> s.tripleCount())
                .description("Statements in the store's named graphs").register(r);
        Gauge.builder("copgraph_store_disk_bytes", cg.store(), s -> s.onDiskBytes())
                .description("Bytes the embedded store takes on disk, old copies kept until compaction included (0 for a remote store)")
                .register(r);
        FunctionCounter.builder("copgraph_store_compactions", cg.store(), s -> s.compactions())
                .description("Compactions of the embedded store since the server started").register(r);
        FunctionCounter.builder("copgraph_query_cache_hits", cg.queries(), q -> q.cacheHits())
                .description("Curated-query answers served from the result cache").register(r);
        FunctionCounter.builder("copgraph_query_cache_misses", cg.queries(), q -> q.cacheMisses())
                .description("Curated-query answers rendered (not in the result cache)").register(r);
        FunctionCounter.builder("copgraph_query_store_runs", cg.queries(), q -> q.storeRuns())
                .description("Curated-query pages the store computed (not cached, precomputed or saved)").register(r);
        new JvmMemoryMetrics().bindTo(r);
        return r;
    }
}
