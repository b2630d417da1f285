package org.w3id.copgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Virtuoso 7 ({@code virtuoso-opensource}) as a peer: its own database and ini in a
 * temporary directory, SQL and HTTP ports on 127.0.0.1 only, data loaded with its bulk loader
 * ({@code ld_dir} + {@code rdf_loader_run()}). Without a FROM clause its SPARQL default graph is
 * the union of all graphs, as copgraph's is. Public so that tests start the same Virtuoso
 * (store/PeerVirtuoso): one ini, one start-up, one shutdown.
 */
public final class Virtuoso {

    static final Path SERVER = Path.of("/usr/bin/virtuoso-t");
    static final Path ISQL = Path.of("/usr/bin/isql-vt");

    private final Path dir;
    private final int sqlPort;
    private final int httpPort;
    private final String buffers;

    public Virtuoso(Path dir, int sqlPort, int httpPort, String heap) {
        this.dir = dir;
        this.sqlPort = sqlPort;
        this.httpPort = httpPort;
        // Give it about the memory the JVMs get: one buffer is 8 kB, most of the heap as page cache.
        long mb = heap.toLowerCase().endsWith("g") ? Long.parseLong(heap.substring(0, heap.length() - 1)) * 1024
                : Long.parseLong(heap.substring(0, heap.length() - 1));
        this.buffers = String.valueOf(mb * 1024 / 8 * 2 / 3);
    }

    /** Why Virtuoso cannot be used here, or null if it can. */
    public static String unavailable() {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(ISQL)) {
            return "Virtuoso is not installed (apt-get install virtuoso-opensource gives " + SERVER + " and " + ISQL + ")";
        }
        return null;
    }

    public String httpBase() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Process start() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("virtuoso.ini"), ini());
        Path log = dir.resolve("virtuoso-process.log");
        Process p = Processes.start(List.of(SERVER.toString(), "+foreground", "+configfile", "virtuoso.ini"), dir, log);
        Processes.awaitOk(httpBase() + "/sparql?query=" + java.net.URLEncoder.encode("ASK {}", java.nio.charset.StandardCharsets.UTF_8),
                p, Duration.ofMinutes(3), log);
        return p;
    }

    /** Bulk-loads one N-Quads file (its directory must be readable) and checkpoints; returns the milliseconds taken. */
    long load(Path nquads) throws IOException {
        long t0 = System.nanoTime();
        String sql = "ld_dir('" + nquads.getParent() + "', '" + nquads.getFileName() + "', 'urn:copgraph:bench:default');"
                + " rdf_loader_run(); checkpoint; select count(*) from DB.DBA.load_list where ll_error is not null;";
        int code = isql(sql, "virtuoso-load.log", Duration.ofMinutes(60));
        if (code != 0) {
            throw new IOException("Virtuoso's loader failed (exit " + code + "); see " + dir.resolve("virtuoso-load.log"));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public void shutdown(Process p) {
        try {
            isql("shutdown;", "virtuoso-shutdown.log", Duration.ofMinutes(2));
            p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // fall through to stopping the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Processes.stop(p);
    }

    /** Runs SQL statements as dba through isql-vt; fails with the log's place if isql does. */
    public void sql(String sql) throws IOException {
        int code = isql(sql, "virtuoso-sql.log", Duration.ofMinutes(5));
        if (code != 0) {
            throw new IOException("isql-vt failed (exit " + code + "); see " + dir.resolve("virtuoso-sql.log"));
        }
    }

    /** A free TCP port on loopback, for a Virtuoso's SQL or HTTP listener. */
    public static int freePort() throws IOException {
        return Processes.freePort();
    }

    /** Deletes a Virtuoso's directory after {@link #shutdown}. */
    public static void delete(Path dir) {
        Processes.deleteTree(dir);
    }

    private int isql(String sql, String logName, Duration timeout) throws IOException {
        return Processes.run(List.of(ISQL.toString(), "127.0.0.1:" + sqlPort, "dba", "dba", "exec=" + sql),
                dir, dir.resolve(logName), timeout);
    }

    private String ini() {
        return """
                [Database]
                DatabaseFile = %1$s/virtuoso.db
                ErrorLogFile = %1$s/virtuoso.log
                LockFile = %1$s/virtuoso.lck
                TransactionFile = %1$s/virtuoso.trx
                xa_persistent_file = %1$s/virtuoso.pxa
                ErrorLogLevel = 7
                FileExtend = 200
                MaxCheckpointRemap = 2000
                Striping = 0
                TempStorage = TempDatabase
                [TempDatabase]
                DatabaseFile = %1$s/virtuoso-temp.db
                TransactionFile = %1$s/virtuoso-temp.trx
                MaxCheckpointRemap = 2000
                Striping = 0
                [Parameters]
                ServerPort = 127.0.0.1:%2$d
                LiteMode = 0
                DisableUnixSocket = 1
                DisableTcpSocket = 0
                MaxClientConnections = 20
                CheckpointInterval = 60
                CaseMode = 2
                DirsAllowed = ., %1$s, %6$s, /usr/share/virtuoso-opensource-7/vad
                ThreadsPerQuery = 2
                NumberOfBuffers = %4$s
                MaxDirtyBuffers = %5$s
                MaxQueryMem = 1G
                [HTTPServer]
                ServerPort = 127.0.0.1:%3$d
                ServerRoot = /var/lib/virtuoso-opensource-7/vsp
                MaxClientConnections = 20
                ServerThreads = 20
                MaxKeepAlives = 20
                KeepAliveTimeout = 10
                Charset = UTF-8
                EnabledGzipContent = 0
                [SPARQL]
                ResultSetMaxRows = 1000000
                MaxQueryCostEstimationTime = 400
                MaxQueryExecutionTime = 120
                """.formatted(dir, sqlPort, httpPort, buffers, String.valueOf(Long.parseLong(buffers) * 3 / 4), dir.toAbsolutePath().getParent());
    }
}
