package org.w3id.copgraph.sparql;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.w3id.copgraph.Problem;

/**
 * A {@code /sparql} request read by copgraph before Fuseki sees it: its parameters (query string
 * and form) and body are decoded strictly (a body that is not valid in its charset is a 400, not a
 * query full of U+FFFD), read with the size cap (never unbounded), and handed to Fuseki as they
 * were read. Fuseki then reads nothing from the connection itself.
 */
final class QueryRequest extends HttpServletRequestWrapper {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String DIRECT = "application/sparql-query";

    /**
     * The short format names Fuseki 5.6.0 understands in {@code format}/{@code output}/{@code results}
     * (read from its {@code Responses} class). SPARQLWrapper sends names such as {@code rdf+xml} and
     * {@code n3} beside a correct Accept header; Fuseki answers those with a 400, so they are dropped
     * and the Accept header decides, as the SPARQL protocol says it should.
     */
    private static final Set<String> FUSEKI_FORMATS = Set.of("json", "sparql", "xml", "text",
            "csv", "tsv", "thrift", "json-ld", "json-rdf", "ttl", "turtle", "nt", "n-quads", "trig");
    private static final List<String> FORMAT_PARAMS = List.of("format", "output", "results");

    private final Map<String, String[]> params;
    private final byte[] body;
    private final String contentType;
    private final String query;

    private QueryRequest(HttpServletRequest request, Map<String, String[]> params, byte[] body, String contentType, String query) {
        super(request);
        this.params = Collections.unmodifiableMap(params);
        this.body = body;
        this.contentType = contentType;
        this.query = query;
    }

    /** Reads and checks a request: 413, 415 or 400 (as a {@link Problem}) for one that cannot be a query. */
    static QueryRequest read(HttpServletRequest http, SparqlLimits limits) throws IOException {
        Map<String, String[]> params = new LinkedHashMap<>();
        decodeForm(http.getQueryString(), StandardCharsets.UTF_8, params, "query string");
        byte[] body = null;
        String type = null;
        String query = first(params, "query");
        if ("POST".equals(http.getMethod())) {
            // The header itself: Jetty's getContentType() throws for an unknown charset.
            String header = http.getHeader("Content-Type");
            String media = mediaType(header);
            Charset charset = charset(header);
            if (DIRECT.equals(media)) {
                byte[] raw = limits.readBody(http.getInputStream(), http.getContentLengthLong(), 1, "query");
                query = decode(raw, charset, "query");
                body = query.getBytes(StandardCharsets.UTF_8);
                type = DIRECT + ";charset=utf-8";
            } else if (FORM.equals(media)) {
                byte[] raw = limits.readBody(http.getInputStream(), http.getContentLengthLong(), 3, "query");
                decodeForm(new String(raw, StandardCharsets.ISO_8859_1), charset, params, "form");
                body = raw;
                type = FORM;
                query = first(params, "query");
            } else {
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "A query is sent as"
                        + " GET ?query=..., as a form (" + FORM + ") or as the body (" + DIRECT + "); got Content-Type '"
                        + (header == null ? "" : header) + "'. Updates go to /update.");
            }
        }
        limits.check(query, "query");
        for (String p : FORMAT_PARAMS) {
            String v = first(params, p);
            if (v != null && !v.contains("/") && !FUSEKI_FORMATS.contains(v.toLowerCase(Locale.ROOT))) {
                params.remove(p);
            }
        }
        return new QueryRequest(http, params, body, type, query);
    }

    /** The query text, or null when the request carries none. */
    String query() {
        return query;
    }

    /** A query parsed from {@link #query()}, and whether it is strict SPARQL 1.1 (not only ARQ's extended syntax). */
    record Parsed(org.apache.jena.query.Query query, boolean strict) {
    }

    private Parsed parsed;

    /**
     * The query, parsed once for every check that needs it: as SPARQL 1.1, else in ARQ's syntax
     * (what Fuseki takes); null when there is no query or it parses in neither.
     */
    Parsed parsed() {
        if (parsed == null && query != null) {
            try {
                parsed = new Parsed(org.apache.jena.query.QueryFactory.create(query, org.apache.jena.query.Syntax.syntaxSPARQL_11), true);
            } catch (RuntimeException | StackOverflowError e) {
                try {
                    parsed = new Parsed(org.apache.jena.query.QueryFactory.create(query), false);
                } catch (RuntimeException | StackOverflowError e2) {
                    return null; // Fuseki answers a malformed query with a 400 naming line and column.
                }
            }
        }
        return parsed;
    }

    /** Whether the client asked with ?format= / ?output= / ?results=, which Fuseki honours over Accept. */
    boolean explicitFormat() {
        return FORMAT_PARAMS.stream().anyMatch(params::containsKey);
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset a Content-Type declares (UTF-8 when none); 415 for one this JVM does not know. */
    private static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String name = part.substring(eq + 1).trim().replace("\"", "");
                try {
                    if (!name.isEmpty() && Charset.isSupported(name)) {
                        return Charset.forName(name);
                    }
                } catch (IllegalCharsetNameException e) {
                    // answered below
                }
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset",
                        "Unknown charset '" + name + "' in Content-Type; send the query as UTF-8.");
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(byte[] bytes, Charset charset, String what) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.badRequest("bad-encoding", "The " + what + " is not valid " + charset.name()
                    + ". Send it as UTF-8 (and percent-encode it in a URL or form).");
        }
    }

    /** {@code application/x-www-form-urlencoded} decoding that refuses, rather than repairs, bad input. */
    private static void decodeForm(String encoded, Charset charset, Map<String, String[]> into, String where) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), charset, where);
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), charset, where);
            String[] old = into.get(name);
            String[] now = old == null ? new String[] {value} : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = value;
            into.put(name, now);
        }
    }

    private static String percentDecode(String s, Charset charset, String where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw Problem.badRequest("bad-encoding", "The " + where + " has a '%' not followed by two hex digits;"
                            + " percent-encode the query (e.g. curl --data-urlencode).");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0xff) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(c);
            }
        }
        return decode(bytes.toByteArray(), charset, where);
    }

    /**
     * HEAD is answered as GET (Fuseki 5.6.0 answers HEAD with a 405); the server sends the
     * headers of the answer without its body.
     */
    @Override
    public String getMethod() {
        String method = super.getMethod();
        return "HEAD".equals(method) ? "GET" : method;
    }

    @Override
    public String getParameter(String name) {
        return first(params, name);
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] v = params.get(name);
        return v == null ? null : v.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return params;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(params.keySet());
    }

    /** Only a POST has a body, read here and replayed as UTF-8; a GET's Content-Type means nothing. */
    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public String getHeader(String name) {
        return "Content-Type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "Content-Type".equalsIgnoreCase(name)
                ? Collections.enumeration(contentType == null ? List.of() : List.of(contentType)) : super.getHeaders(name);
    }

    @Override
    public String getCharacterEncoding() {
        return body != null ? "UTF-8" : null;
    }

    @Override
    public int getContentLength() {
        return body != null ? body.length : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return body != null ? body.length : super.getContentLengthLong();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
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
    public BufferedReader getReader() throws IOException {
        if (body == null) {
            return super.getReader();
        }
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
