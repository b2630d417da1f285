package org.w3id.copgraph.sparql;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The parts of the SPARQL 1.1 Protocol that Fuseki 5.6.0, mounted as a bare filter, does not do
 * itself (checked with curl): a service description for a request without a query (Fuseki
 * answers 404), and 406 for an Accept header it cannot serve (Fuseki silently falls back to
 * its default format). Everything else is passed on to Fuseki untouched.
 */
final class ProtocolFilter implements Filter {

    private final DatasetGraph dsg;
    private final java.util.function.Supplier<String> endpointUrl;

    /** {@code endpointUrl}: the endpoint's public URL, named in the service description (never the request's Host). */
    ProtocolFilter(DatasetGraph dsg, java.util.function.Supplier<String> endpointUrl) {
        this.dsg = dsg;
        this.endpointUrl = endpointUrl;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) res;
        String method = http.getMethod();
        String contentType = contentType(http);
        boolean directQuery = "POST".equals(method) && "application/sparql-query".equals(contentType);
        String body = null;
        if (directQuery) {
            // The body is read here to learn the query form, and replayed for Fuseki.
            ReplayedBody replayed = new ReplayedBody(http, http.getInputStream().readAllBytes());
            body = replayed.text();
            http = replayed;
        }
        if (("GET".equals(method) || "HEAD".equals(method)) && http.getParameter("query") == null
                && http.getParameter("query-ref") == null) {
            describe(http, out);
            return;
        }
        http = withoutUnknownFormats(http);
        String text = directQuery ? body
                : "POST".equals(method) && !"application/x-www-form-urlencoded".equals(contentType) ? null
                : http.getParameter("query");
        if (text != null && !explicitFormat(http) && !acceptable(text, http.getHeader("Accept"), out)) {
            return;
        }
        chain.doFilter(http, res);
    }

    /**
     * The short format names Fuseki 5.6.0 understands in {@code format}/{@code output}/{@code results}
     * (read from its {@code Responses} class). SPARQLWrapper sends names such as {@code rdf+xml} and
     * {@code n3} beside a correct Accept header; Fuseki answers those with a 400, so they are dropped
     * and the Accept header decides, as the SPARQL protocol says it should.
     */
    private static final java.util.Set<String> FUSEKI_FORMATS = java.util.Set.of("json", "sparql", "xml", "text",
            "csv", "tsv", "thrift", "json-ld", "json-rdf", "ttl", "turtle", "nt", "n-quads", "trig");
    private static final List<String> FORMAT_PARAMS = List.of("format", "output", "results");

    private static HttpServletRequest withoutUnknownFormats(HttpServletRequest http) {
        java.util.Set<String> unknown = new java.util.HashSet<>();
        for (String p : FORMAT_PARAMS) {
            String v = http.getParameter(p);
            if (v != null && !v.contains("/") && !FUSEKI_FORMATS.contains(v.toLowerCase(Locale.ROOT))) {
                unknown.add(p);
            }
        }
        return unknown.isEmpty() ? http : new HiddenParameters(http, unknown);
    }

    /** A request that does not show some of its parameters. */
    private static final class HiddenParameters extends HttpServletRequestWrapper {
        private final java.util.Set<String> hidden;

        HiddenParameters(HttpServletRequest request, java.util.Set<String> hidden) {
            super(request);
            this.hidden = hidden;
        }

        @Override
        public String getParameter(String name) {
            return hidden.contains(name) ? null : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return hidden.contains(name) ? null : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> m = new java.util.LinkedHashMap<>(super.getParameterMap());
            hidden.forEach(m::remove);
            return m;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(getParameterMap().keySet());
        }
    }

    /** Whether the client asked with ?format= / ?output= / ?results=, which Fuseki honours over Accept. */
    private static boolean explicitFormat(HttpServletRequest http) {
        return http.getParameter("format") != null || http.getParameter("output") != null
                || http.getParameter("results") != null;
    }

    private static boolean acceptable(String text, String accept, HttpServletResponse out) throws IOException {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            return true; // Fuseki answers a malformed query with a 400 naming line and column.
        } catch (RuntimeException e) {
            return true;
        }
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
        out.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        out.setContentType("text/plain;charset=utf-8");
        out.getWriter().write("Not Acceptable: a " + query.queryType().toString().toLowerCase(Locale.ROOT)
                + " query cannot be answered as '" + accept + "'. Available: " + offer + "\n");
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
        MediaType type = accept == null || accept.isBlank() ? null
                : AcceptList.match(AcceptList.create(accept.split("\\s*,\\s*")), DEF.rdfOffer);
        if (accept != null && !accept.isBlank() && type == null) {
            out.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            out.setContentType("text/plain;charset=utf-8");
            out.getWriter().write("Not Acceptable: the service description is available as " + DEF.rdfOffer + "\n");
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
        return accept != null && accept.contains("text/html");
    }

    private static String contentType(HttpServletRequest http) {
        String ct = http.getContentType();
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** A request whose body has been read once and can be read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        String text() {
            String enc = getCharacterEncoding();
            return new String(body, enc == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous replay only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
