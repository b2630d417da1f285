package org.w3id.copgraph.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.w3id.copgraph.Problem;

/**
 * What one look at the directory asks, as its address says: {@code q}, the facets' values, the
 * sort, the page and its size, the language labels are shown in ({@code hl}: {@code lang} is the
 * working-language facet), and the facets shown in full ({@code more}). It writes itself back
 * into an address, so every link keeps every other choice.
 *
 * @param hl   the display language asked for in the address, or null (then {@code lang} came from Accept-Language)
 * @param lang the display language used (lower-case BCP 47)
 */
public record DirectoryRequest(String q, Map<Facet, List<String>> filters, Sort sort, int page, int size, String hl,
                               String lang, Set<Facet> more) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Longer search texts are refused: no one types more, and each word costs. */
    public static final int MAX_Q_CHARS = 200;
    public static final int MAX_VALUE_CHARS = 300;
    public static final int MAX_VALUES_PER_FACET = 20;
    public static final String DEFAULT_LANG = "en";
    private static final Pattern LANG_TAG = Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");

    /** How the cards are ordered: by relevance (only with {@code q}; its default then), by name, or the most recently reviewed first. */
    public enum Sort {
        RELEVANCE, NAME, REVIEWED;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DirectoryRequest {
        q = q == null ? "" : q;
        EnumMap<Facet, List<String>> copy = new EnumMap<>(Facet.class);
        filters.forEach((f, v) -> {
            if (!v.isEmpty()) {
                copy.put(f, List.copyOf(v));
            }
        });
        filters = copy;
        more = more.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(more));
    }

    /** Every CoP, first page, in {@code lang}. */
    public static DirectoryRequest all(String lang) {
        return new DirectoryRequest("", Map.of(), Sort.NAME, 1, DEFAULT_SIZE, null, lang, Set.of());
    }

    /**
     * Reads the query parameters of {@code /cops}. A malformed value (a page that is not a positive
     * number, a size over {@link #MAX_SIZE}, an unknown sort, freshness or online value, a search
     * text over {@link #MAX_Q_CHARS}) is a 400 that says what is allowed; a facet value no CoP has
     * is no error, it just finds nothing. Parameters the directory does not know are ignored.
     *
     * @param chosenLang the language chosen for the request (web/Negotiation: {@code ?hl=}, else Accept-Language),
     *                   used when there is no {@code hl}
     */
    public static DirectoryRequest parse(Map<String, List<String>> params, String chosenLang) {
        String q = single(params, "q");
        if (q == null) {
            q = "";
        }
        q = q.strip();
        if (q.length() > MAX_Q_CHARS) {
            throw Problem.badRequest("bad-parameter", "Parameter 'q' is at most " + MAX_Q_CHARS
                    + " characters; search for a few words instead (got " + q.length() + ").");
        }
        EnumMap<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        for (Facet f : Facet.values()) {
            List<String> raw = params.getOrDefault(f.param, List.of());
            Set<String> values = new LinkedHashSet<>();
            for (String v : raw) {
                String t = v == null ? "" : v.strip();
                if (t.isEmpty()) {
                    continue; // an empty choice of a form: no filter
                }
                if (t.length() > MAX_VALUE_CHARS) {
                    throw Problem.badRequest("bad-parameter", "A value of '" + f.param + "' is at most " + MAX_VALUE_CHARS + " characters.");
                }
                values.add(normalise(f, t));
            }
            if (values.size() > (f.multi ? MAX_VALUES_PER_FACET : 1)) {
                throw Problem.badRequest("bad-parameter", f.multi
                        ? "Parameter '" + f.param + "' takes at most " + MAX_VALUES_PER_FACET + " values."
                        : "Parameter '" + f.param + "' takes one value; got " + values.size() + ".");
            }
            if (!values.isEmpty()) {
                filters.put(f, List.copyOf(values));
            }
        }
        String sortText = single(params, "sort");
        Sort sort;
        if (sortText == null || sortText.isBlank()) {
            sort = q.isEmpty() ? Sort.NAME : Sort.RELEVANCE;
        } else {
            sort = switch (sortText.strip().toLowerCase(Locale.ROOT)) {
                case "relevance" -> q.isEmpty() ? Sort.NAME : Sort.RELEVANCE;
                case "name" -> Sort.NAME;
                case "reviewed" -> Sort.REVIEWED;
                default -> throw Problem.badRequest("bad-parameter", "Parameter 'sort' is one of relevance, name, reviewed; got '"
                        + clip(sortText) + "'.");
            };
        }
        int page = integer(params, "page", 1, 1, Integer.MAX_VALUE);
        int size = integer(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        String hl = single(params, "hl");
        String lang;
        if (hl != null && !hl.isBlank()) {
            hl = hl.strip();
            if (!LANG_TAG.matcher(hl).matches()) {
                throw Problem.badRequest("bad-parameter", "Parameter 'hl' is a language tag such as en or it; got '" + clip(hl) + "'.");
            }
            hl = hl.toLowerCase(Locale.ROOT);
            lang = hl;
        } else {
            hl = null;
            lang = chosenLang == null || chosenLang.isBlank() ? DEFAULT_LANG : chosenLang.toLowerCase(Locale.ROOT);
        }
        Set<Facet> more = EnumSet.noneOf(Facet.class);
        for (String m : params.getOrDefault("more", List.of())) {
            Facet f = m == null ? null : Facet.ofParam(m.strip());
            if (f != null) {
                more.add(f);
            }
        }
        return new DirectoryRequest(q, filters, sort, page, size, hl, lang, more);
    }

    private static String normalise(Facet f, String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (f == Facet.FRESH) {
            if (!List.of("fresh", "stale", "never").contains(lower)) {
                throw Problem.badRequest("bad-parameter", "Parameter 'fresh' is one of fresh (reviewed within the freshness"
                        + " window), stale or never; got '" + clip(v) + "'.");
            }
            return lower;
        }
        if (f == Facet.ONLINE) {
            return switch (lower) {
                case "yes", "true", "1", "on" -> "yes";
                case "no", "false", "0", "off" -> "no";
                default -> throw Problem.badRequest("bad-parameter", "Parameter 'online' is yes (meets online, or online and in"
                        + " person) or no (meets in person only); got '" + clip(v) + "'.");
            };
        }
        return f == Facet.LANG ? lower : v;
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1 && v.stream().distinct().count() > 1) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' takes one value; got " + v.size() + ".");
        }
        return v.get(0);
    }

    private static int integer(Map<String, List<String>> params, String name, int fallback, int min, int max) {
        String v = single(params, name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be a whole number"
                    + (max == Integer.MAX_VALUE ? " of at least " + min : " from " + min + " to " + max) + "; got '" + clip(v) + "'.");
        }
        if (n < min || n > max) {
            throw Problem.badRequest("bad-parameter", "Parameter '" + name + "' must be "
                    + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max) + "; got " + n + ".");
        }
        return (int) n;
    }

    private static String clip(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    public List<String> values(Facet f) {
        return filters.getOrDefault(f, List.of());
    }

    public boolean hasFilters() {
        return !filters.isEmpty();
    }

    /** This request with {@code value} chosen in {@code f} (added to a multi-valued facet, replacing a single-valued one), on page 1. */
    public DirectoryRequest with(Facet f, String value) {
        EnumMap<Facet, List<String>> next = new EnumMap<>(Facet.class);
        next.putAll(filters);
        List<String> vs = new ArrayList<>(f.multi ? values(f) : List.of());
        if (!vs.contains(value)) {
            vs.add(value);
        }
        next.put(f, vs);
        return new DirectoryRequest(q, next, sort, 1, size, hl, lang, more);
    }

    /** This request without {@code value} in {@code f}, on page 1. */
    public DirectoryRequest without(Facet f, String value) {
        EnumMap<Facet, List<String>> next = new EnumMap<>(Facet.class);
        next.putAll(filters);
        List<String> vs = new ArrayList<>(values(f));
        vs.remove(value);
        next.put(f, vs);
        return new DirectoryRequest(q, next, sort, 1, size, hl, lang, more);
    }

    /** This request without any facet value (the search text, sort, size and language stay), on page 1. */
    public DirectoryRequest withoutFilters() {
        return new DirectoryRequest(q, Map.of(), sort, 1, size, hl, lang, more);
    }

    /** This request without the search text, on page 1. */
    public DirectoryRequest withoutQ() {
        return new DirectoryRequest("", filters, sort == Sort.RELEVANCE ? Sort.NAME : sort, 1, size, hl, lang, more);
    }

    public DirectoryRequest atPage(int n) {
        return new DirectoryRequest(q, filters, sort, n, size, hl, lang, more);
    }

    public DirectoryRequest sortedBy(Sort s) {
        return new DirectoryRequest(q, filters, s, 1, size, hl, lang, more);
    }

    public DirectoryRequest inLanguage(String tag) {
        return new DirectoryRequest(q, filters, sort, page, size, tag, tag, more);
    }

    public DirectoryRequest showingAll(Facet f) {
        Set<Facet> m = EnumSet.noneOf(Facet.class);
        m.addAll(more);
        m.add(f);
        return new DirectoryRequest(q, filters, sort, page, size, hl, lang, m);
    }

    /** The default sort for this search text: relevance with one, name without. */
    public Sort defaultSort() {
        return q.isEmpty() ? Sort.NAME : Sort.RELEVANCE;
    }

    /**
     * The query string of this request ({@code ?q=...&domain=...}, or "" for none), in one order,
     * with defaults left out, so equal requests have equal addresses.
     */
    public String queryString() {
        List<String> parts = new ArrayList<>();
        if (!q.isEmpty()) {
            parts.add("q=" + enc(q));
        }
        for (Facet f : Facet.values()) {
            for (String v : values(f)) {
                parts.add(f.param + "=" + enc(v));
            }
        }
        if (sort != defaultSort()) {
            parts.add("sort=" + sort.param());
        }
        if (size != DEFAULT_SIZE) {
            parts.add("size=" + size);
        }
        if (hl != null) {
            parts.add("hl=" + enc(hl));
        }
        for (Facet f : Facet.values()) {
            if (more.contains(f)) {
                parts.add("more=" + f.param);
            }
        }
        if (page != 1) {
            parts.add("page=" + page);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
