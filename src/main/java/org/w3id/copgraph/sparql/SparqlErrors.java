package org.w3id.copgraph.sparql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.w3id.copgraph.Problem;

/**
 * The one error shape, written on {@code /sparql}, whose requests Fuseki answers before Javalin
 * (and so the web layer's error mapper) sees them: JSON {@code {"status","error","message"}},
 * or plain text when the client asks for text/plain. Messages never name a Java class.
 */
final class SparqlErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A qualified Java class name (java.util.regex.PatternSyntaxException: ...), as Jena's messages carry them. */
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern BARE_THROWABLE = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern FILE_URL = Pattern.compile("file:[^\\s>\"']*");

    private SparqlErrors() {
    }

    static void write(HttpServletRequest req, HttpServletResponse res, Problem p) throws IOException {
        write(req, res, p.status(), p.code(), p.getMessage());
    }

    static void write(HttpServletRequest req, HttpServletResponse res, int status, String code, String message) throws IOException {
        res.resetBuffer();
        res.setStatus(status);
        if (UnreadBody.refuses(status)) {
            UnreadBody.discard(req, res);
        }
        String accept = req.getHeader("Accept");
        byte[] body;
        if (accept != null && accept.trim().startsWith("text/plain")) {
            res.setContentType("text/plain;charset=utf-8");
            body = (status + " " + code + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
        } else {
            ObjectNode json = JSON.createObjectNode();
            json.put("status", status);
            json.put("error", code);
            json.put("message", message);
            res.setContentType("application/json;charset=utf-8");
            body = JSON.writeValueAsBytes(json);
        }
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(body);
        }
    }

    /** A message of Jena's or Fuseki's fit to show: no Java class names, no local paths. */
    static String clean(String message) {
        String m = JAVA_CLASS.matcher(message).replaceAll("");
        m = BARE_THROWABLE.matcher(m).replaceAll("");
        m = FILE_URL.matcher(m).replaceAll("<file>");
        return m.strip();
    }
}
