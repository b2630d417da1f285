package org.w3id.copgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.w3id.copgraph.bench.Virtuoso;

/**
 * Debian's Virtuoso 7 ({@code virtuoso-opensource}) as the "store that is not copgraph's" of the
 * remote-store tests: its own database and ini in a temporary directory (the bench's
 * {@link Virtuoso}, so tests and bench run the same server), SQL and HTTP on free loopback ports,
 * SPARQL Update allowed to the anonymous {@code SPARQL} user that its /sparql endpoint runs as.
 * Query and update endpoint are the same URL, {@code /sparql}.
 */
public final class PeerVirtuoso implements AutoCloseable {

    private final Path dir;
    private final Virtuoso virtuoso;
    private final Process process;

    private PeerVirtuoso(Path dir, Virtuoso virtuoso, Process process) {
        this.dir = dir;
        this.virtuoso = virtuoso;
        this.process = process;
    }

    /** Starts a fresh, empty Virtuoso; fails with how to install it if it is not installed. */
    public static PeerVirtuoso start() {
        String why = Virtuoso.unavailable();
        if (why != null) {
            throw new IllegalStateException(why + "; .ci/run installs it (apt-get install -y virtuoso-opensource)");
        }
        Path dir = null;
        Process p = null;
        try {
            dir = Files.createTempDirectory("copgraph-peer-virtuoso");
            Virtuoso v = new Virtuoso(dir.resolve("db"), Virtuoso.freePort(), Virtuoso.freePort(), "256m");
            p = v.start();
            // /sparql runs as the SQL user SPARQL: it needs the SPARQL_UPDATE role, and write
            // permission on every graph for the unauthenticated ("nobody") user.
            v.sql("GRANT SPARQL_UPDATE TO \"SPARQL\"; GRANT EXECUTE ON DB.DBA.L_O_LOOK TO \"SPARQL\";"
                    + " DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 7);"
                    + " DB.DBA.RDF_DEFAULT_USER_PERMS_SET('SPARQL', 7);");
            return new PeerVirtuoso(dir, v, p);
        } catch (IOException e) {
            if (p != null) {
                p.destroyForcibly();
            }
            if (dir != null) {
                Virtuoso.delete(dir);
            }
            throw new UncheckedIOException("Virtuoso did not start: " + e.getMessage(), e);
        }
    }

    public String queryEndpoint() {
        return virtuoso.httpBase() + "/sparql";
    }

    public String updateEndpoint() {
        return virtuoso.httpBase() + "/sparql";
    }

    /** Runs SQL as dba (isql-vt), e.g. to inspect or to checkpoint. */
    public void sql(String statements) throws IOException {
        virtuoso.sql(statements);
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        virtuoso.shutdown(process);
        Virtuoso.delete(dir);
    }
}
