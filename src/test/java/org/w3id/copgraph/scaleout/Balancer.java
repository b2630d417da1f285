package org.w3id.copgraph.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of two copgraph fronts, configured as docs/scale-out.md says: reads
 * go round-robin to both fronts, checked on {@code /health}; a read that finds a front dead (no
 * connection, or the connection cut with no answer) is sent again to the other; writes, sign-in
 * sessions, proposals and the review queue go to the first front, with the second as a backup,
 * and are never sent twice.
 */
final class Balancer implements AutoCloseable {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why the balancer cannot run here, or null. */
    static String unavailable() {
        return Files.isExecutable(HAPROXY) ? null
                : HAPROXY + " is missing: install Debian's haproxy (.ci/run does: apt-get install -y haproxy)";
    }

    /** The configuration for a balancer on {@code port} in front of fronts on {@code first} and {@code second}. */
    static String config(int port, int first, int second) {
        return """
                global
                    maxconn 512
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    # Above --query-timeout and the slowest curated write (on a remote store a write asks the
                    # store many small questions: seconds, more on a busy machine).
                    timeout server 300s
                    # A request that cannot reach a front, or whose front dies before answering, is tried
                    # again on the other front (every retry redispatches); only GET and HEAD are sent twice.
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout 503
                    # A front is taken out after two failed checks (a second), and back after one; a slow
                    # answer under load is not a failure (without "timeout check", "inter" would be the limit).
                    option httpchk GET /health
                    http-check expect status 200
                    timeout check 10s
                    default-server check inter 500ms fall 2 rise 1
                frontend copgraph
                    bind 127.0.0.1:%1$d
                    http-request disable-l7-retry if !METH_GET
                    # What a front keeps to itself (sessions, proposals) and every write go to one front.
                    acl write method POST PUT DELETE PATCH
                    acl private_state path_beg /api/proposals /review /propose /owner /sign-in /sign-out /api/admin
                    acl session req.cook(copgraph-session) -m found
                    use_backend primary if write || private_state || session
                    default_backend fronts
                backend fronts
                    balance roundrobin
                    server a 127.0.0.1:%2$d
                    server b 127.0.0.1:%3$d
                backend primary
                    server a 127.0.0.1:%2$d
                    server b 127.0.0.1:%3$d backup
                """.formatted(port, first, second);
    }

    /** Starts HAProxy in the foreground with {@link #config}; it checks the fronts itself as they come up. */
    static Balancer start(Path dir, int port, int first, int second) throws IOException, InterruptedException {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, config(port, first, second));
        Process check = new ProcessBuilder(HAPROXY.toString(), "-c", "-q", "-f", cfg.toString()).redirectErrorStream(true).start();
        String problems = new String(check.getInputStream().readAllBytes());
        if (check.waitFor() != 0) {
            throw new IllegalStateException("haproxy refuses the configuration:\n" + problems);
        }
        Process p = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        return new Balancer(p, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
