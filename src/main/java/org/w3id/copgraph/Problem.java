package org.w3id.copgraph;

import java.util.List;

/**
 * A failure the caller can fix: bad input, an unknown name, a refused write.
 * Features throw it without knowing about HTTP; the web layer maps {@link Kind} to a status
 * and the command line to an exit code, so every front reports the same words.
 */
public class Problem extends RuntimeException {

    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), NOT_ACCEPTABLE(406),
        CONFLICT(409), GONE(410), PAYLOAD_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), UNPROCESSABLE(422),
        TOO_MANY_REQUESTS(429), TIMEOUT(503);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    /** A resource whose name is near one that was asked for and not found. */
    public record Match(String iri, String label) {
    }

    private final Kind kind;
    private final String code;
    private final List<Match> closeMatches;

    public Problem(Kind kind, String code, String message) {
        this(kind, code, message, List.of());
    }

    public Problem(Kind kind, String code, String message, List<Match> closeMatches) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.closeMatches = List.copyOf(closeMatches);
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(Kind.BAD_REQUEST, code, message);
    }

    public static Problem notFound(String code, String message) {
        return new Problem(Kind.NOT_FOUND, code, message);
    }

    /** A 429: the client is sending too fast; it may try again after {@code seconds} (the Retry-After header). */
    public static Problem tooManyRequests(String code, String message, long seconds) {
        return new TooManyRequests(code, message, seconds);
    }

    /** A 429 and how long the client should wait. */
    public static final class TooManyRequests extends Problem {
        private final long retryAfterSeconds;

        TooManyRequests(String code, String message, long retryAfterSeconds) {
            super(Kind.TOO_MANY_REQUESTS, code, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static Problem notAcceptable(String message) {
        return new Problem(Kind.NOT_ACCEPTABLE, "not-acceptable", message);
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return kind.status;
    }

    /** For "no such resource": resources whose label or slug is near the name asked for (may be empty). */
    public List<Match> closeMatches() {
        return closeMatches;
    }

    /** A short, stable, machine-readable code such as {@code unknown-query}. */
    public String code() {
        return code;
    }
}
