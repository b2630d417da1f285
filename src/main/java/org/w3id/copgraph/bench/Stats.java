package org.w3id.copgraph.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency figures of one workload: nearest-rank percentiles and throughput. */
public record Stats(int requests, int errors, double p50Ms, double p95Ms, double perSecond) {

    /** Nearest-rank percentile of {@code xs} (milliseconds); NaN for none. */
    public static double percentile(List<Double> xs, double p) {
        if (xs.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    public static Stats of(List<Double> latenciesMs, int errors, double elapsedSeconds) {
        return new Stats(latenciesMs.size(), errors, percentile(latenciesMs, 50), percentile(latenciesMs, 95),
                elapsedSeconds <= 0 ? Double.NaN : latenciesMs.size() / elapsedSeconds);
    }
}
