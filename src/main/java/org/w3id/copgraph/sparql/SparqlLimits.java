package org.w3id.copgraph.sparql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import org.w3id.copgraph.Problem;

/**
 * What a SPARQL query or update may be, checked on its text BEFORE Jena parses it. Jena's parser
 * and algebra recurse once per nesting level and once per chained operator (a UNION of 20,000
 * branches, 50,000 {@code ||}, sub-SELECTs nested 2,000 deep all end in a StackOverflowError), and
 * a 4 MB query spends seconds in the parser outside the query timeout. A cheap scan of the tokens
 * (strings, IRIs and comments skipped) refuses those with a 413 or 400 that says how to fix them.
 *
 * @param maxQueryBytes     the largest query or update text, in UTF-8 bytes (413 beyond)
 * @param maxNesting        the deepest nesting of {@code { ( [} (400 beyond)
 * @param maxChain          the most chained operators in one group or expression: UNION, OPTIONAL,
 *                          MINUS, FILTER, BIND, sub-groups, {@code || && + - * / | ! ^} (400 beyond)
 * @param resultBufferBytes how much of a {@code /sparql} answer is held back before it is streamed;
 *                          a query that fails within it gets a proper error status
 */
public record SparqlLimits(long maxQueryBytes, int maxNesting, int maxChain, int resultBufferBytes) {

    /**
     * Measured on a 1 MB thread stack (Jetty's): ARQ overflows at about 2,000 chained MINUS, 5,000
     * UNION/OPTIONAL/BIND or path steps, 20,000 {@code ||}, and 2,000 nested sub-SELECTs. The limits
     * leave a margin of four and are far above what hand-written queries use.
     */
    public static final SparqlLimits DEFAULT = new SparqlLimits(1_000_000, 100, 500, 4_000_000);

    private static final Set<String> CHAINING_KEYWORDS = Set.of("UNION", "OPTIONAL", "MINUS", "FILTER", "BIND");

    public SparqlLimits {
        if (maxQueryBytes < 1 || maxNesting < 1 || maxChain < 1 || resultBufferBytes < 0) {
            throw Problem.badRequest("bad-option", "SPARQL limits must be positive (the result buffer may be 0).");
        }
    }

    public SparqlLimits withMaxQueryBytes(long bytes) {
        return new SparqlLimits(bytes, maxNesting, maxChain, resultBufferBytes);
    }

    public SparqlLimits withResultBuffer(int bytes) {
        return new SparqlLimits(maxQueryBytes, maxNesting, maxChain, bytes);
    }

    /**
     * Refuses {@code text} (a "query" or an "update") that is too large (413 {@code query-too-large})
     * or nested or chained too deeply (400 {@code query-too-deep}); returns it otherwise.
     */
    public String check(String text, String what) {
        if (text == null) {
            return null;
        }
        if (text.length() > maxQueryBytes || utf8Length(text) > maxQueryBytes) {
            throw tooLarge(what);
        }
        new Scan(text, what).run();
        return text;
    }

    /** The 413 for a text (or a body carrying one) above {@link #maxQueryBytes}. */
    public Problem tooLarge(String what) {
        return new Problem(Problem.Kind.PAYLOAD_TOO_LARGE, "query-too-large", "The " + what + " is larger than "
                + maxQueryBytes + " bytes, the limit of this server. Shorten it: put long lists of values in VALUES,"
                + (what.equals("update") ? " send bulk data to /api/imports or /data," : "")
                + " or split it into several requests.");
    }

    /** The 400 for a text whose parse or evaluation ran out of stack: the limits let something through. */
    public Problem tooDeep(String what) {
        return Problem.badRequest("query-too-deep", "The " + what + " is nested or chained too deeply to be evaluated."
                + " Flatten it: use VALUES or IN (...) instead of long UNION or || chains, and fewer nested groups.");
    }

    /**
     * Reads a request body of at most {@link #maxQueryBytes} times {@code factor} bytes (a form's
     * percent-encoding can triple its text) and never more: a larger body is a 413 read no further.
     */
    public byte[] readBody(InputStream in, long contentLength, int factor, String what) throws IOException {
        long cap = maxQueryBytes * factor;
        if (contentLength > cap) {
            throw tooLarge(what);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(contentLength, 65_536)));
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(chunk)) >= 0; ) {
            total += n;
            if (total > cap) {
                throw tooLarge(what);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** One pass over the text, counting nesting and chained operators per group or expression. */
    private final class Scan {
        private final String s;
        private final String what;
        private final int[] chained = new int[maxNesting + 2];
        private final char[] opener = new char[maxNesting + 2];
        private int depth;
        private int i;

        Scan(String s, String what) {
            this.s = s;
            this.what = what;
        }

        void run() {
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                switch (c) {
                    case '#' -> skipComment();
                    case '"', '\'' -> skipString(c);
                    case '<' -> skipIriOrOperator();
                    case '{', '(', '[' -> open(c);
                    case '}', ')', ']' -> {
                        depth = Math.max(0, depth - 1);
                        i++;
                    }
                    case '?', '$' -> skipName(i + 1, false);
                    case '@' -> skipName(i + 1, true);
                    case '|', '&' -> {
                        chain();
                        i += i + 1 < n && s.charAt(i + 1) == c ? 2 : 1;
                    }
                    case '^' -> {
                        if (i + 1 < n && s.charAt(i + 1) == '^') {
                            i += 2; // a datatype, not an inverse path
                        } else {
                            chain();
                            i++;
                        }
                    }
                    case '!' -> {
                        if (i + 1 >= n || s.charAt(i + 1) != '=') {
                            chain();
                        }
                        i++;
                    }
                    case '*', '/' -> {
                        chain();
                        i++;
                    }
                    case '+', '-' -> {
                        // A sign before a number in data ({ } or [ ]) is part of the literal; in an
                        // expression (inside parentheses) it may be a chained subtraction.
                        boolean sign = i + 1 < n && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.');
                        if (!sign || opener[depth] == '(') {
                            chain();
                        }
                        i++;
                    }
                    case ';' -> {
                        if (depth == 0) {
                            chained[0] = 0; // the next operation of an update request
                        }
                        i++;
                    }
                    default -> {
                        if (Character.isDigit(c)) {
                            skipNumber();
                        } else if (Character.isLetter(c) || c == '_' || c == ':') {
                            word();
                        } else {
                            i++;
                        }
                    }
                }
            }
        }

        private void open(char c) {
            if (c == '{') {
                chain(); // a group beside others is joined to them, one more level of algebra
            }
            depth++;
            if (depth > maxNesting) {
                throw Problem.badRequest("query-too-deep", "The " + what + " nests brackets or braces more than "
                        + maxNesting + " deep, the limit of this server. Flatten it: fewer nested groups and"
                        + " sub-queries, or split it into several requests.");
            }
            chained[depth] = 0;
            opener[depth] = c;
            i++;
        }

        private void chain() {
            if (++chained[depth] > maxChain) {
                throw Problem.badRequest("query-too-deep", "The " + what + " chains more than " + maxChain
                        + " operators (UNION, OPTIONAL, MINUS, FILTER, BIND, groups, || && + - * / | ! ^) in one group"
                        + " or expression, the limit of this server. Use VALUES or IN (...) instead of long UNION or ||"
                        + " chains, or split it into several requests.");
            }
        }

        private void word() {
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    i += 2;
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '%') {
                    i++;
                } else {
                    break;
                }
            }
            int len = i - start;
            if (len >= 4 && len <= 8 && CHAINING_KEYWORDS.contains(s.substring(start, i).toUpperCase(Locale.ROOT))) {
                chain();
            }
        }

        private void skipName(int from, boolean hyphens) {
            i = from;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                    || hyphens && s.charAt(i) == '-')) {
                i++;
            }
        }

        private void skipNumber() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isDigit(c) || c == '.') {
                    i++;
                } else if ((c == 'e' || c == 'E') && i + 1 < s.length()) {
                    i += s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-' ? 2 : 1;
                } else {
                    break;
                }
            }
        }

        private void skipComment() {
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
        }

        private void skipString(char quote) {
            boolean triple = s.startsWith(String.valueOf(quote).repeat(3), i);
            i += triple ? 3 : 1;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), i))) {
                    i += triple ? 3 : 1;
                    return;
                } else if (!triple && (c == '\n' || c == '\r')) {
                    return; // an unterminated short string: the parser will say so
                } else {
                    i++;
                }
            }
        }

        /** {@code <} starts an IRI when an IRIREF (SPARQL grammar) follows, else it is a comparison. */
        private void skipIriOrOperator() {
            int j = i + 1;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '>') {
                    if (s.regionMatches(true, i + 1, "java:", 0, 5)) {
                        // ARQ loads (and initialises) any class a <java:...> function IRI names.
                        throw Problem.badRequest("java-function-refused", "The " + what + " names a <java:...> IRI;"
                                + " copgraph runs only SPARQL's own functions. Remove it.");
                    }
                    i = j + 1;
                    return;
                }
                if (c <= ' ' || "<\"{}|^`\\".indexOf(c) >= 0) {
                    break;
                }
                j++;
            }
            i++;
        }
    }
}
