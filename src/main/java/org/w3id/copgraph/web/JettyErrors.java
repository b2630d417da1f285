package org.w3id.copgraph.web;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.w3id.copgraph.ErrorText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one error shape for requests Jetty refuses before copgraph sees them (an ambiguous path
 * such as {@code /id/%2e%2e/etc}, bad UTF-8 in the path, a malformed request line): JSON
 * {@code {"status", "error", "message"}} instead of Jetty's HTML page, unless a browser asks
 * for HTML. No stack, no servlet name.
 */
final class JettyErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JettyErrors() {
    }

    /** For the server (requests refused while parsing, outside any context). */
    static org.eclipse.jetty.server.handler.ErrorHandler forServer() {
        var h = new org.eclipse.jetty.server.handler.ErrorHandler() {
            @Override
            protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
                writer.write(body(code, message));
            }

            /**
             * Jetty closes the connection after a request it refused outside any context (a URI or
             * headers too long): say so, or a client's next request on that connection goes unanswered.
             */
            @Override
            protected void generateResponse(Request request, org.eclipse.jetty.server.Response response, int code, String message,
                                            Throwable cause, org.eclipse.jetty.util.Callback callback) throws java.io.IOException {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                super.generateResponse(request, response, code, message, cause, callback);
            }

            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
                fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
                return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
            }
        };
        configure(h);
        return h;
    }

    /** For the servlet context (requests its path checks refuse). */
    static org.eclipse.jetty.ee10.servlet.ErrorHandler forContext() {
        var h = new org.eclipse.jetty.ee10.servlet.ErrorHandler() {
            @Override
            protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
                writer.write(body(code, message));
            }
        };
        configure(h);
        return h;
    }

    private static void configure(org.eclipse.jetty.server.handler.ErrorHandler h) {
        h.setShowStacks(false);
        h.setShowCauses(false);
        h.setShowOrigin(false);
        h.setDefaultResponseMimeType("application/json");
    }

    static String body(int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("error", status == 400 ? "bad-request" : "http-" + status);
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        m.put("message", ErrorText.forClients(reason) + (status == 400 ? " Check the request's path and headers." : ""));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
