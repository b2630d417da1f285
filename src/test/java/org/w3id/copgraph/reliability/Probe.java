package org.w3id.copgraph.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One hostile request and what the server must answer: the corpus tests' unit. A probe is sent
 * either through java.net.http or, for what that client refuses to send (an invalid escape in the
 * path, raw bytes, a body the server may refuse before reading it all), as bytes on a socket.
 */
record Probe(String kind, String name, Expect expect, boolean writes, Sender sender) {

    /** What a probe must get. Every expectation also excludes a 5xx and a body that leaks internals. */
    enum Expect {
        ANY_4XX, AUTH, TOO_LARGE, NOT_ALLOWED, NO_5XX,
        /**
         * Refused, or answered that nothing changed: what SPARQL asks of LOAD SILENT, and what an
         * update gets whose pattern can only match copgraph's own bookkeeping, which updates never see.
         */
        REFUSED_OR_UNCHANGED;

        boolean accepts(int status) {
            return switch (this) {
                case ANY_4XX -> status >= 400 && status < 500;
                case AUTH -> status == 401 || status == 403;
                case TOO_LARGE -> status == 413;
                case NOT_ALLOWED -> status == 405;
                case NO_5XX -> status >= 200 && status < 500;
                case REFUSED_OR_UNCHANGED -> status >= 400 && status < 500 || status == 200;
            };
        }
    }

    /** A status (or -1 when no answer came) and the body as text. */
    record Reply(int status, String body) {

        String firstLine() {
            String line = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            return line.length() > 160 ? line.substring(0, 160) + "..." : line;
        }
    }

    @FunctionalInterface
    interface Sender {
        Reply send() throws Exception;
    }

    static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|org\\.apache|org\\.eclipse|com\\.fasterxml)\\.[a-z]|\\b[A-Z][A-Za-z]+Exception\\b|\\b[A-Z][A-Za-z]+Error\\b");

    /** Bodies above this size are sent by {@link #raw}. */
    private static final int LARGE_BODY = 64 * 1024;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What is wrong with a reply, or null when it is what the probe expects. */
    String verdict(Reply r, String serverDirectory) {
        if (!expect.accepts(r.status())) {
            return "status " + r.status() + " (want " + expect + ")";
        }
        if (expect == Expect.REFUSED_OR_UNCHANGED && r.status() == 200 && !r.body().replace(" ", "").contains("\"changed\":false")) {
            return "status 200 without \"changed\": false (want " + expect + ")";
        }
        if (JAVA_NAME.matcher(r.body()).find()) {
            return "status " + r.status() + " body names a Java class";
        }
        if (r.body().contains(serverDirectory) && !name.contains(serverDirectory)) {
            return "status " + r.status() + " body reveals the server's directory";
        }
        return null;
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    static Sender http(HttpRequest request) {
        return () -> {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        };
    }

    static Sender get(String url, String... headers) {
        HttpRequest.Builder b = request(url).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http(b.build());
    }

    /** A request with a body; {@code auth} null sends no Authorization, {@code type} null no Content-Type. */
    static Sender send(String method, String url, String type, byte[] body, String auth) {
        if (body.length > LARGE_BODY) {
            // The server may answer (413, 415) before taking a large body all and close the
            // connection, which java.net.http reports as no answer: such bodies go on a socket.
            URI u = URI.create(url);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            if (type != null) {
                headers.put("Content-Type", type);
            }
            if (auth != null) {
                headers.put("Authorization", auth);
            }
            return raw(u.getPort(), method, u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()), headers, body);
        }
        HttpRequest.Builder b = request(url).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http(b.build());
    }

    static Sender send(String method, String url, String type, String body, String auth) {
        return send(method, url, type, body.getBytes(StandardCharsets.UTF_8), auth);
    }

    /**
     * Raw HTTP/1.1 on a socket: the request target is sent as given (invalid escapes included) and
     * the body is written from another thread, so a server that answers before reading it all (as
     * an unauthenticated write should) is heard rather than taken for a broken connection.
     */
    static Sender raw(int port, String method, String target, Map<String, String> headers, byte[] body) {
        return () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout((int) TIMEOUT.toMillis());
                StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                if (body != null) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = s.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Thread writer = null;
                if (body != null) {
                    writer = new Thread(() -> {
                        try {
                            out.write(body);
                            out.flush();
                        } catch (IOException e) {
                            // the server answered and closed before taking the whole body: allowed
                        }
                    });
                    writer.setDaemon(true);
                    writer.start();
                }
                InputStream in = s.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[1 << 16];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        got.write(buf, 0, n);
                    }
                } catch (IOException e) {
                    // a reset after the answer: keep what arrived
                }
                if (writer != null) {
                    writer.join(1000);
                }
                String text = got.toString(StandardCharsets.ISO_8859_1);
                if (!text.startsWith("HTTP/1.")) {
                    return new Reply(-1, "no HTTP answer (" + got.size() + " bytes)");
                }
                int status = Integer.parseInt(text.substring(9, 12));
                int split = text.indexOf("\r\n\r\n");
                String bodyText = split < 0 ? "" : new String(got.toByteArray(), split + 4, got.size() - split - 4, StandardCharsets.UTF_8);
                return new Reply(status, bodyText);
            }
        };
    }
}
