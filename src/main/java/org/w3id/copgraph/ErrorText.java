package org.w3id.copgraph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps what an error message says about the input and drops what it says about the server:
 * Java class names ({@code java.nio.charset.UnsupportedCharsetException: }, {@code
 * PatternSyntaxException}) and the server's own directories. Messages are meant to be written
 * for people at their source; this is the net under them, used where errors are rendered and
 * where a library's message is passed on.
 */
public final class ErrorText {

    /** A qualified Java name ({@code org.apache.jena.riot.RiotException}), with the ": " that may follow it. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w/.:@-])(?:java|javax|jakarta|jdk|sun|com|org|io|net|kotlin)(?:\\.[A-Za-z_$][\\w$]*)+(?::\\s*)?");
    /** A bare exception or error class name ({@code PatternSyntaxException}), with the ": " that may follow it. */
    private static final Pattern BARE = Pattern.compile("(?<![\\w/.:@-])[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b(?::\\s*)?");

    /** The server's working, temporary and home directories, as {@code file:} IRIs or paths. */
    private static final List<Pattern> SERVER_DIRS = serverDirs();

    private ErrorText() {
    }

    /** {@code message} without Java class names and with the server's directories left out. */
    public static String forClients(String message) {
        if (message == null || message.isBlank()) {
            return "The request could not be handled.";
        }
        String s = message;
        for (Pattern dir : SERVER_DIRS) {
            s = dir.matcher(s).replaceAll("");
        }
        s = QUALIFIED.matcher(s).replaceAll("");
        s = BARE.matcher(s).replaceAll("");
        s = s.replaceAll("[ \\t]{2,}", " ").strip();
        if (s.startsWith(":")) {
            s = s.substring(1).strip();
        }
        return s.isEmpty() ? "The request could not be handled." : s;
    }

    /** Whether {@code message} names a Java class (for tests and assertions). */
    public static boolean namesJavaClass(String message) {
        Matcher m = QUALIFIED.matcher(message);
        return m.find() || BARE.matcher(message).find();
    }

    private static List<Pattern> serverDirs() {
        List<String> dirs = new ArrayList<>();
        for (String p : new String[] {Path.of("").toAbsolutePath().toString(), System.getProperty("java.io.tmpdir"),
                                      System.getProperty("user.home")}) {
            if (p != null && p.length() > 1) {
                dirs.add(Path.of(p).toAbsolutePath().normalize().toString());
            }
        }
        // The longest first, so that a directory inside another is left out whole.
        dirs.sort((a, b) -> b.length() - a.length());
        List<Pattern> out = new ArrayList<>();
        for (String d : dirs) {
            if (!d.equals("/")) {
                // Only where a path starts (not inside an IRI such as http://host/root/x), with file:// before it.
                out.add(Pattern.compile("(?<![\\w.:/-])(?:file:(?://)?)?" + Pattern.quote(d) + "(?![\\w.-])/?"));
            }
        }
        return List.copyOf(out);
    }
}
