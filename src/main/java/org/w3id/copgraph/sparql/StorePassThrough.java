package org.w3id.copgraph.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.eclipse.jetty.io.EofException;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.store.RemoteDatasetGraph;
import org.w3id.copgraph.store.RemotePassThrough;

/**
 * {@code /sparql} on a remote store: a SELECT, ASK or CONSTRUCT that passed copgraph's checks (the
 * limits, a strict SPARQL 1.1 parse, no SERVICE, no store-specific function namespaces) goes to the
 * store as the client wrote it, asking for the one media type Fuseki would have chosen, and the
 * store's bytes are streamed back. Jena then neither plans the query nor decodes and re-encodes its
 * rows, so the front costs about what the store does. Anything else (DESCRIBE, which copgraph
 * defines as Jena does; {@code ?format=}; protocol dataset parameters; media types a store may not
 * write alike) takes Fuseki's path over the same store.
 */
final class StorePassThrough {

    private static final Set<String> ROWS = Set.of("application/sparql-results+json", "application/sparql-results+xml",
            "text/csv", "text/tab-separated-values");
    private static final Set<String> BOOLEAN = Set.of("application/sparql-results+json", "application/sparql-results+xml");
    private static final Set<String> GRAPH = Set.of("text/turtle", "application/n-triples", "application/rdf+xml");
    private static final List<String> STORE_FUNCTIONS = List.of("bif:", "sql:");

    private StorePassThrough() {
    }

    /** Answers the request from the store and returns true, or returns false to leave it to Fuseki. */
    static boolean answer(RemoteDatasetGraph remote, QueryRequest request, HttpServletRequest http, HttpServletResponse out,
                          long timeoutMillis) throws IOException {
        String method = request.getMethod();
        String text = request.query();
        if (!("GET".equals(method) || "POST".equals(method)) || text == null || request.explicitFormat()
                || request.getParameter("default-graph-uri") != null || request.getParameter("named-graph-uri") != null) {
            return false;
        }
        QueryRequest.Parsed parsed = request.parsed();
        if (parsed == null || !parsed.strict()) {
            return false; // Fuseki's path gives the parse error its usual shape, and runs ARQ's extensions
        }
        Query query = parsed.query();
        if (!(query.isSelectType() || query.isAskType() || query.isConstructType()) || callsService(query)) {
            return false;
        }
        if (namesStoreFunctions(query, text)) {
            SparqlErrors.write(http, out, 400, "function-not-allowed", "This endpoint runs standard SPARQL 1.1:"
                    + " the store's own function namespaces (bif:, sql:) are refused.");
            return true;
        }
        String type = mediaType(http.getHeader("Accept"), query);
        if (type == null) {
            return false;
        }
        try (RemotePassThrough.Answer answer = remote.answerAsIs(text, query, type, timeoutMillis)) {
            out.setStatus(200);
            out.setContentType(type + ";charset=utf-8");
            out.setHeader("Vary", "Accept");
            copy(answer.body(), out.getOutputStream());
        } catch (Problem p) {
            if ("query-timeout".equals(p.code())) {
                http.setAttribute(ProtocolFilter.ERROR_ATTRIBUTE, "query-timeout");
            }
            if (out.isCommitted()) {
                throw new EofException("the store's answer broke off");
            }
            SparqlErrors.write(http, out, p);
        }
        return true;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    /** The media type to ask the store for, as Fuseki would choose it; null if the store may not write it as Jena does. */
    private static String mediaType(String accept, Query query) {
        AcceptList offer = query.isSelectType() ? DEF.rsOfferTable : query.isAskType() ? DEF.rsOfferBoolean : DEF.constructOffer;
        Set<String> safe = query.isSelectType() ? ROWS : query.isAskType() ? BOOLEAN : GRAPH;
        if (accept == null || accept.isBlank()) {
            return query.isConstructType() ? "text/turtle" : "application/sparql-results+json";
        }
        MediaType match;
        try {
            match = AcceptList.match(AcceptList.create(accept.split("\\s*,\\s*")), offer);
        } catch (RuntimeException e) {
            return null;
        }
        String type = match == null ? null : match.getContentTypeStr().toLowerCase(Locale.ROOT);
        return type != null && safe.contains(type) ? type : null;
    }

    private static boolean callsService(Query query) {
        boolean[] found = {false};
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementService el) {
                    found[0] = true;
                }
            });
        }
        return found[0];
    }

    private static boolean namesStoreFunctions(Query query, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String ns : STORE_FUNCTIONS) {
            if (lower.contains("<" + ns) || query.getPrefixMapping().getNsPrefixMap().values().stream()
                    .anyMatch(iri -> iri.toLowerCase(Locale.ROOT).startsWith(ns))) {
                return true;
            }
        }
        return false;
    }
}
