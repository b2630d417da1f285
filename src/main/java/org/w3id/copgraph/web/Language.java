package org.w3id.copgraph.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.w3id.copgraph.i18n.LanguageChain;
import org.w3id.copgraph.i18n.Messages;

/**
 * The language of the request being answered, chosen once when it arrives (by
 * {@link Negotiation#languages}: {@code ?lang=} beats {@code Accept-Language}), for every page's
 * words ({@link #messages()}: the {@code t} of the templates) and for the labels picked from the
 * data ({@link #chain()}). Like {@link SignedIn}, no page model carries it, and it is cleared when
 * the request ends.
 *
 * <p>Where {@code lang} already names a filter ({@code /cops}: the working-language facet;
 * {@code /feeds/}: the feed's language filter) the display language is {@code ?hl=}, which every
 * page also reads. Only the query string is read, never a form body: a write's body is not
 * touched before its token is checked.
 */
public final class Language implements Filter {

    /** Paths whose {@code lang} parameter is a filter of the data, not the display language. */
    private static final List<String> LANG_IS_A_FILTER = List.of("/cops", "/feeds/", "/embed/cops");

    private record State(LanguageChain chain, Messages messages, String path, String query, boolean fromHeader) {
    }

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();
    /** Whether the answer being made depends on Accept-Language (so it must say Vary: Accept-Language). */
    private static final ThreadLocal<Boolean> CONSULTED = new ThreadLocal<>();

    /** The words of the pages for this request (English outside a request). */
    public static Messages messages() {
        State s = CURRENT.get();
        if (s == null) {
            return Messages.english();
        }
        consulted(s);
        return s.messages();
    }

    /** The languages this request asks for, best first, ending with English. */
    public static LanguageChain chain() {
        State s = CURRENT.get();
        if (s == null) {
            return LanguageChain.ENGLISH;
        }
        consulted(s);
        return s.chain();
    }

    /** The name of the display-language parameter on this request's path: {@code hl} where {@code lang} is a filter. */
    public static String parameter() {
        State s = CURRENT.get();
        return s == null ? "lang" : parameterFor(s.path());
    }

    /**
     * The language switcher: for each language the pages come in, its own name, whether it is
     * the current one, and this page's address in it (the other parameters kept).
     */
    public static List<Switch> switches() {
        State s = CURRENT.get();
        String path = s == null ? "/" : s.path();
        String query = s == null ? null : s.query();
        String current = messages().lang();
        String param = parameterFor(path);
        List<Switch> out = new ArrayList<>();
        for (String lang : Messages.LANGUAGES) {
            out.add(new Switch(lang, Messages.of(lang).get("language.self"), lang.equals(current), href(path, query, param, lang)));
        }
        return out;
    }

    /** One entry of the language switcher. */
    public record Switch(String lang, String name, boolean current, String href) {
    }

    /** Whether the answer made on this thread used a language picked from Accept-Language. */
    static boolean variesByHeader() {
        return Boolean.TRUE.equals(CONSULTED.get());
    }

    /** Adds Accept-Language to the answer's Vary header when the answer used it. */
    static void addVary(io.javalin.http.Context ctx) {
        if (!variesByHeader()) {
            return;
        }
        String vary = ctx.res().getHeader("Vary");
        if (vary == null || vary.isBlank()) {
            ctx.header("Vary", "Accept-Language");
        } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("accept-language")) {
            ctx.header("Vary", vary + ", Accept-Language");
        }
    }

    private static void consulted(State s) {
        if (s.fromHeader()) {
            CONSULTED.set(Boolean.TRUE);
        }
    }

    static String parameterFor(String path) {
        for (String p : LANG_IS_A_FILTER) {
            if (path.equals(p) || p.endsWith("/") && path.startsWith(p) || path.startsWith(p + "/")) {
                return "hl";
            }
        }
        return "lang";
    }

    private static String href(String path, String query, String param, String lang) {
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (pair.isEmpty() || name.equals(param) || name.equals("hl")) {
                    continue;
                }
                b.append(sep).append(pair);
                sep = '&';
            }
        }
        return b.append(sep).append(param).append('=').append(URLEncoder.encode(lang, StandardCharsets.UTF_8)).toString();
    }

    /** The value of {@code name} in a raw query string, or null (the last one wins, as for a form). */
    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        String value = null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                    value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                }
            } catch (IllegalArgumentException e) {
                // A malformed escape: not a language anyone asked for.
            }
        }
        return value;
    }

    /** The state of a request: its path, query string and Accept-Language header. */
    static void begin(String path, String query, String acceptLanguage) {
        String asked = param(query, "hl");
        if ((asked == null || asked.isBlank()) && parameterFor(path).equals("lang")) {
            asked = param(query, "lang");
        }
        boolean explicit = Negotiation.namesLanguage(asked);
        LanguageChain chain = Negotiation.languages(explicit ? asked : null, acceptLanguage);
        CURRENT.set(new State(chain, Messages.forChain(chain), path, query, !explicit));
        CONSULTED.remove();
    }

    static void end() {
        CURRENT.remove();
        CONSULTED.remove();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest http) {
            begin(http.getRequestURI(), http.getQueryString(), http.getHeader("Accept-Language"));
        }
        try {
            chain.doFilter(req, res);
        } finally {
            end();
        }
    }
}
