package org.w3id.copgraph.sparql;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.copgraph.Problem;

/**
 * What {@code /sparql} needs beyond Fuseki 5.6.0 mounted as a bare filter (checked with curl): a
 * service description for a request without a query (Fuseki answers 404); 406 for an Accept header
 * it cannot serve (Fuseki silently falls back to its default format); the request read, decoded
 * strictly and checked against {@link SparqlLimits} before Jena parses it; Fuseki's errors in the
 * one error shape with clean messages; and an answer held back up to a limit so that a query that
 * fails is never answered with what looks like a complete 200 (see {@link HeldResponse}).
 */
final class ProtocolFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolFilter.class);

    /** Read by the web layer's request metrics, which count query timeouts. */
    static final String ERROR_ATTRIBUTE = "copgraph.error";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

    private final DatasetGraph dsg;
    private final java.util.function.Supplier<String> endpointUrl;
    private final SparqlLimits limits;
    private final long timeoutMillis;

    /** {@code endpointUrl}: the endpoint's public URL, named in the service description (never the request's Host). */
    ProtocolFilter(DatasetGraph dsg, java.util.function.Supplier<String> endpointUrl, SparqlLimits limits, long timeoutMillis) {
        this.dsg = dsg;
        this.endpointUrl = endpointUrl;
        this.limits = limits;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) res;
        String method = http.getMethod();
        if (!METHODS.contains(method)) {
            out.setHeader("Allow", "GET, POST, HEAD, OPTIONS");
            SparqlErrors.write(http, out, 405, "method-not-allowed", method + " is not allowed on /sparql: send a query with"
                    + " GET or POST. Updates go to /update.");
            return;
        }
        if ("OPTIONS".equals(method)) {
            chain.doFilter(http, out);
            return;
        }
        QueryRequest query;
        try {
            query = QueryRequest.read(http, limits);
        } catch (Problem p) {
            SparqlErrors.write(http, out, p);
            return;
        }
        if (!"POST".equals(method) && query.query() == null && query.getParameter("query-ref") == null) {
            describe(http, out);
            return;
        }
        if (query.query() != null && !query.explicitFormat() && !acceptable(query, out)) {
            return;
        }
        if (dsg instanceof org.w3id.copgraph.store.RemoteDatasetGraph remote && StorePassThrough.answer(remote, query, http, out, timeoutMillis)) {
            return;
        }
        HeldResponse held = new HeldResponse(out, limits.resultBufferBytes());
        try {
            chain.doFilter(query, held);
        } catch (StackOverflowError e) {
            // Defence in depth: the limits should have refused what overflows Jena's recursion.
            held.sendError(400, "StackOverflowError");
        }
        finish(http, out, held, query.query());
    }

    /** Sends the held answer, or the error in its place, or aborts an answer that failed while it was sent. */
    private void finish(HttpServletRequest http, HttpServletResponse out, HeldResponse held, String query) throws IOException {
        if (!held.failed()) {
            held.release();
            return;
        }
        boolean timeout = held.heldStatus() == 503 || held.failureText().contains("Query cancelled");
        if (timeout) {
            http.setAttribute(ERROR_ATTRIBUTE, "query-timeout");
        }
        if (held.streaming()) {
            // Part of a 200 has gone out: ending the chunked body without its last chunk makes every
            // HTTP client report an error instead of taking what came for the whole answer.
            LOG.info("Aborted a /sparql answer after {} ({}) once it had started", timeout ? "a timeout" : "a failure",
                    held.heldStatus());
            ServletContextRequest.getServletContextRequest(http).getServletChannel()
                    .abort(new EofException(timeout ? "query timed out while its answer was sent" : "query failed while its answer was sent"));
            return;
        }
        held.discard();
        if (timeout) {
            SparqlErrors.write(http, out, new Problem(Problem.Kind.TIMEOUT, "query-timeout", "The query ran longer than "
                    + seconds() + ", the limit of this server, and was stopped; no result was sent. Make it more selective"
                    + " (more specific patterns, a LIMIT) or use a curated query under /api/queries."));
            return;
        }
        String text = held.failureText();
        if (query != null && !query.isBlank()) {
            text = text.replace(query, ""); // Fuseki echoes the whole query back
        }
        text = text.replaceFirst("^\\s*Error:\\s*", "");
        int status = held.heldStatus();
        if (text.contains("StackOverflowError")) {
            SparqlErrors.write(http, out, limits.tooDeep("query"));
        } else if (status >= 500) {
            SparqlErrors.write(http, out, 500, "internal-error", "Something went wrong on our side; it has been logged.");
        } else if (status == 422 && text.contains("SERVICE")) {
            SparqlErrors.write(http, out, 400, "service-not-allowed", "This endpoint never calls other SPARQL services:"
                    + " SERVICE is refused. Run a federated query from your own SPARQL client.");
        } else if (status == 400 && text.startsWith("Parse error")) {
            SparqlErrors.write(http, out, 400, "query-syntax", "The query does not parse: "
                    + SparqlErrors.clean(text.substring("Parse error".length()).replaceFirst("^:\\s*", "")));
        } else {
            String code = status == 404 ? "not-found" : status == 405 ? "method-not-allowed"
                    : status == 406 ? "not-acceptable" : status == 415 ? "unsupported-media-type" : "bad-query";
            String message = SparqlErrors.clean(text);
            SparqlErrors.write(http, out, status, code, message.isEmpty() ? "The query was refused (" + status + ")." : message);
        }
    }

    private String seconds() {
        return timeoutMillis % 1000 == 0 ? timeoutMillis / 1000 + " s" : timeoutMillis + " ms";
    }

    private static boolean acceptable(QueryRequest http, HttpServletResponse out) throws IOException {
        String accept = http.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return true;
        }
        QueryRequest.Parsed parsed = http.parsed();
        if (parsed == null) {
            return true; // Fuseki answers a malformed query with a 400 naming line and column.
        }
        Query query = parsed.query();
        AcceptList offer = query.isSelectType() ? DEF.rsOfferTable
                : query.isAskType() ? DEF.rsOfferBoolean
                : query.isConstructType() ? DEF.constructOffer
                : query.isDescribeType() ? DEF.constructOffer
                : null;
        if (offer == null) {
            return true;
        }
        MediaType match;
        try {
            match = AcceptList.match(AcceptList.create(accept.split("\\s*,\\s*")), offer);
        } catch (RuntimeException e) {
            match = null;
        }
        if (match != null) {
            return true;
        }
        SparqlErrors.write(http, out, 406, "not-acceptable", "A " + query.queryType().toString().toLowerCase(Locale.ROOT)
                + " query cannot be answered as '" + accept + "'. Available: " + offer + ".");
        return false;
    }

    private void describe(HttpServletRequest http, HttpServletResponse out) throws IOException {
        String accept = http.getHeader("Accept");
        if (prefersHtml(accept)) {
            // A person who opens the endpoint in a browser wants somewhere to type a query.
            out.setStatus(HttpServletResponse.SC_SEE_OTHER);
            out.setHeader("Location", "/query-editor");
            return;
        }
        MediaType type;
        try {
            type = accept == null || accept.isBlank() ? null
                    : AcceptList.match(AcceptList.create(accept.split("\\s*,\\s*")), DEF.rdfOffer);
        } catch (RuntimeException e) {
            type = null;
        }
        if (accept != null && !accept.isBlank() && type == null) {
            SparqlErrors.write(http, out, 406, "not-acceptable", "The service description is available as " + DEF.rdfOffer + ".");
            return;
        }
        Lang lang = type == null ? Lang.TURTLE : RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        if (lang == null) {
            lang = Lang.TURTLE;
        }
        String endpoint = endpointUrl.get();
        Graph g = ServiceDescription.describe(endpoint, dsg);
        out.setStatus(HttpServletResponse.SC_OK);
        out.setContentType(lang.getContentType().getContentTypeStr() + ";charset=utf-8");
        out.setHeader("Vary", "Accept");
        if (!"HEAD".equals(http.getMethod())) {
            RDFWriter.source(g).lang(lang).output(out.getOutputStream());
        }
    }

    private static boolean prefersHtml(String accept) {
        // The site's one rule for "a browser": HTML asked for at least as strongly as JSON.
        return org.w3id.copgraph.web.Negotiation.wantsHtml(accept);
    }
}
