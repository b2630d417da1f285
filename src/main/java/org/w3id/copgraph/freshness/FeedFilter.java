package org.w3id.copgraph.freshness;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * What a feed reader asked for: CoPs of a domain (its narrower domains count too), meeting at a
 * place (or online), working in a language. Null fields do not filter.
 *
 * @param domain a domain IRI ({@code {base}id/domain/...}) or its slug
 * @param place  a place IRI or slug, a locality or country (as the place states them), or {@code online}
 * @param lang   a BCP 47 language code; {@code en} also matches {@code en-GB}
 */
public record FeedFilter(String domain, String place, String lang) {

    public static final FeedFilter NONE = new FeedFilter(null, null, null);

    private static final int MAX = 300;

    /** From the query parameters; blank ones are left out, over-long ones refused. */
    public static FeedFilter of(String domain, String place, String lang, Iris iris) {
        return new FeedFilter(resource(check("domain", domain), "domain", iris), check("place", place),
                lang(check("lang", lang)));
    }

    private static String check(String name, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        if (v.length() > MAX) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' is too long (at most " + MAX + " characters).");
        }
        return v.strip();
    }

    private static String resource(String v, String kind, Iris iris) {
        if (v == null || v.contains(":")) {
            return v;
        }
        return iris.resource(kind, v);
    }

    private static String lang(String v) {
        if (v != null && !v.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
            throw Problem.badRequest("bad-parameter", "Parameter 'lang' must be a language code such as en, it or pt-BR; got '"
                    + v + "'.");
        }
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return domain == null && place == null && lang == null;
    }

    /** The filter as query parameters, in one order (for the feed's id and self link). */
    public Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        if (domain != null) {
            m.put("domain", domain);
        }
        if (place != null) {
            m.put("place", place);
        }
        if (lang != null) {
            m.put("lang", lang);
        }
        return m;
    }
}
