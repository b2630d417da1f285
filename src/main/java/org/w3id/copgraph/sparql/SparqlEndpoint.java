package org.w3id.copgraph.sparql;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * The SPARQL 1.1 protocol, served by Jena Fuseki on the web server's own port: Fuseki is built
 * but never started, and its registries and filter are installed into the web server's servlet
 * context. Requests for {@code /sparql} are answered by Fuseki; all others fall through.
 */
public final class SparqlEndpoint {

    public static final String PATH = "/sparql";

    private final FusekiServer fuseki;
    private final DatasetGraph dsg;
    private final java.util.function.Supplier<String> endpointUrl;
    private final SparqlLimits limits;
    private final long timeoutMillis;

    /** {@code endpointUrl}: where clients reach {@link #PATH}, from the configured public URL. */
    public SparqlEndpoint(DatasetGraph dsg, long timeoutMillis, java.util.function.Supplier<String> endpointUrl, SparqlLimits limits) {
        this.dsg = dsg;
        this.endpointUrl = endpointUrl;
        this.limits = limits;
        this.timeoutMillis = timeoutMillis;
        // Fuseki reads the timeout from the dataset's context for every query it runs.
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeoutMillis));
        // No federated SERVICE calls: a public endpoint must not fetch URLs its callers name.
        dsg.getContext().set(ARQ.httpServiceAllowed, false);
        DataService query = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query, "")
                .build();
        this.fuseki = FusekiServer.create()
                .port(0)
                .add(PATH, query)
                .enablePing(false)
                .enableStats(false)
                .build();
    }

    /**
     * Makes Fuseki answer its paths inside {@code context}, ahead of everything else there. Fuseki's
     * filter runs before Javalin's handlers, so what {@code /sparql} needs beyond Fuseki (the service
     * description, 406) is installed here as a filter ahead of it. CORS, for every read path, is the
     * web layer's.
     */
    public void installInto(ServletContextHandler context) {
        DataAccessPointRegistry.set(context.getServletContext(), fuseki.getDataAccessPointRegistry());
        OperationRegistry.set(context.getServletContext(), fuseki.getOperationRegistry());
        context.addFilter(new FilterHolder(new ProtocolFilter(dsg, endpointUrl, limits, timeoutMillis)), PATH, EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new FusekiFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }
}
