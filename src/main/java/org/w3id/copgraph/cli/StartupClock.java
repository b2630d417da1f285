package org.w3id.copgraph.cli;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the phases of start-up, from the JVM's own start, so an operator who wonders why a start
 * is slow can see where the time went: set the logger {@code org.w3id.copgraph.cli.StartupClock}
 * to DEBUG (e.g. {@code -Dlogback.configurationFile=FILE}).
 */
final class StartupClock {

    private static final Logger LOG = LoggerFactory.getLogger(StartupClock.class);

    // The management beans load a few hundred classes: only when the phases are logged.
    private final boolean on = LOG.isDebugEnabled();
    private final long jvmStart = on ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;
    private final com.sun.management.OperatingSystemMXBean os = on
            ? (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean() : null;
    private long last = jvmStart;
    private long lastCpu = 0;

    StartupClock() {
        mark("JVM start, picocli");
    }

    /** Notes that {@code phase} has just ended. */
    void mark(String phase) {
        if (!on) {
            return;
        }
        long now = System.currentTimeMillis();
        long cpu = os.getProcessCpuTime() / 1_000_000;
        LOG.debug(String.format("start-up: %-30s %6d ms, CPU %6d ms (%6d ms since the JVM started, CPU %6d ms)",
                phase, now - last, cpu - lastCpu, now - jvmStart, cpu));
        last = now;
        lastCpu = cpu;
    }
}
