package org.w3id.copgraph;

/**
 * A failure the caller can fix: bad input, an unknown name, a refused write.
 * Features throw it without knowing about HTTP; the web layer maps {@link Kind} to a status
 * and the command line to an exit code, so every front reports the same words.
 */
public class Problem extends RuntimeException {

    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), NOT_ACCEPTABLE(406),
        CONFLICT(409), PAYLOAD_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), UNPROCESSABLE(422),
        TIMEOUT(503);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String code;

    public Problem(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static Problem badRequest(String code, String message) {
        return new Problem(Kind.BAD_REQUEST, code, message);
    }

    public static Problem notFound(String code, String message) {
        return new Problem(Kind.NOT_FOUND, code, message);
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

    /** A short, stable, machine-readable code such as {@code unknown-query}. */
    public String code() {
        return code;
    }
}
