package org.w3id.copgraph.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.w3id.copgraph.Problem;
import org.w3id.copgraph.i18n.LanguageChain;

/**
 * The one content-negotiation helper: picks the offer that best matches {@code ?format=} (a
 * short name, which wins) or the {@code Accept} header (media ranges with q-values); and the
 * language of a request: {@code ?lang=} beats {@code Accept-Language} (with q-values).
 */
public final class Negotiation {

    private Negotiation() {
    }

    /**
     * @param offers    what the resource can be served as, preferred first
     * @param mediaType the media type of an offer
     * @param shortName the {@code ?format=} name of an offer
     */
    public static <T> T choose(String accept, String format, List<T> offers,
                               Function<T, String> mediaType, Function<T, String> shortName) {
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            return offers.stream()
                    .filter(o -> shortName.apply(o).equals(f) || mediaType.apply(o).equals(f))
                    .findFirst()
                    .orElseThrow(() -> new Problem(Problem.Kind.NOT_ACCEPTABLE, "unknown-format",
                            "Unknown format '" + format + "'; use one of " + names(offers, shortName) + "."));
        }
        List<Range> ranges = accept == null ? List.of() : parse(accept);
        if (ranges.isEmpty()) {
            // No Accept header, or one naming no media range at all (such as ";;"): anything will do.
            return offers.get(0);
        }
        T best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (T offer : offers) {
            String type = mediaType.apply(offer);
            for (Range r : ranges) {
                if (r.matches(type) && (r.q > bestQ || r.q == bestQ && r.specificity() > bestSpecificity)) {
                    best = offer;
                    bestQ = r.q;
                    bestSpecificity = r.specificity();
                }
            }
        }
        if (best == null) {
            throw Problem.notAcceptable("Cannot answer in any of '" + accept + "'; available: "
                    + String.join(", ", offers.stream().map(mediaType).toList())
                    + " (or ?format=" + names(offers, shortName) + ").");
        }
        return best;
    }

    /**
     * A 406 for an Accept header that names no media range at all ({@code ;;}): the client asked
     * for something, and nothing it could have meant can be told from it. No header, or a blank
     * one, asks for anything.
     */
    public static void requireSomeMediaRange(String accept) {
        if (accept != null && !accept.isBlank() && parse(accept).isEmpty()) {
            throw Problem.notAcceptable("The Accept header names no media type (such as text/html or"
                    + " application/json); send one, or leave the header out for the default format.");
        }
    }

    /** Whether the client prefers an HTML page (a browser) to data. */
    public static boolean wantsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        List<Range> ranges = parse(accept);
        double html = ranges.stream().filter(r -> r.matchesExactly("text/html")).mapToDouble(r -> r.q).max().orElse(0);
        double json = ranges.stream().filter(r -> r.matchesExactly("application/json")).mapToDouble(r -> r.q).max().orElse(0);
        return html > 0 && html >= json;
    }

    /**
     * Whether {@code mediaType} is what the client asks for first: the media range of the highest
     * q-value (the first listed among equals) names it exactly. {@code text/plain, * / *} prefers
     * plain text; {@code * / *} alone prefers nothing.
     */
    public static boolean prefers(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        Range top = null;
        for (Range r : parse(accept)) {
            if (top == null || r.q > top.q) {
                top = r;
            }
        }
        return top != null && top.q > 0 && top.matchesExactly(mediaType.toLowerCase(Locale.ROOT));
    }

    /** Whether the client accepts some JSON type explicitly ({@code application/json}, {@code application/ld+json}...). */
    public static boolean acceptsJson(String accept) {
        return accept != null && parse(accept).stream().anyMatch(r -> r.q > 0 && r.type.contains("json"));
    }

    /**
     * The languages a request asks for, best first, ending with English: {@code asked} (the
     * {@code ?lang=} parameter: one tag, or several separated by commas) if it names a well-formed
     * tag, else the {@code Accept-Language} header by quality ({@code q=0} and {@code *} ask for
     * nothing; equal qualities keep their order). Malformed tags are ignored, never an error: a
     * page in English is a better answer than a 400 to a browser's odd header.
     */
    public static LanguageChain languages(String asked, String acceptLanguage) {
        List<String> fromParam = new ArrayList<>();
        if (asked != null) {
            for (String tag : asked.split(",")) {
                String t = tag.strip();
                if (LANGUAGE_TAG.matcher(t).matches()) {
                    fromParam.add(t);
                }
            }
        }
        if (!fromParam.isEmpty()) {
            return LanguageChain.of(fromParam);
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LanguageChain.ENGLISH;
        }
        record Ranged(String tag, double q, int order) {
        }
        List<Ranged> ranges = new ArrayList<>();
        int order = 0;
        for (String part : acceptLanguage.split(",")) {
            String[] bits = part.strip().split(";", -1);
            String tag = bits[0].strip();
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String[] kv = bits[i].strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(kv[1].strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && !Double.isNaN(q) && LANGUAGE_TAG.matcher(tag).matches()) {
                ranges.add(new Ranged(tag, q, order++));
            }
        }
        ranges.sort(Comparator.comparingDouble(Ranged::q).reversed().thenComparingInt(Ranged::order));
        return LanguageChain.of(ranges.stream().map(Ranged::tag).toList());
    }

    /** Whether a {@code ?lang=} value names some well-formed language tag (else the header decides). */
    public static boolean namesLanguage(String asked) {
        if (asked == null) {
            return false;
        }
        for (String tag : asked.split(",")) {
            if (LANGUAGE_TAG.matcher(tag.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A BCP 47 tag as far as choosing needs: a 2–3 letter language, then subtags. */
    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}");

    private static <T> String names(List<T> offers, Function<T, String> shortName) {
        return String.join("|", offers.stream().map(shortName).toList());
    }

    private static List<Range> parse(String accept) {
        List<Range> out = new ArrayList<>();
        int order = 0;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";", -1);
            String type = bits[0].trim().toLowerCase(Locale.ROOT);
            if (type.equals("*")) {
                type = "*/*";
            }
            if (!type.matches("[a-z0-9!#$&^_.+*-]+/[a-z0-9!#$&^_.+*-]+")) {
                continue; // not a media range: ignored, as if it were not there
            }
            double q = 1.0;
            for (int i = 1; i < bits.length; i++) {
                String[] kv = bits[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].trim())));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                    if (Double.isNaN(q)) {
                        q = 0;
                    }
                }
            }
            out.add(new Range(type, q, order++));
        }
        out.sort(Comparator.comparingInt(Range::order));
        return out;
    }

    private record Range(String type, double q, int order) {
        boolean matches(String mediaType) {
            if (q <= 0) {
                return false;
            }
            if (type.equals("*/*")) {
                return true;
            }
            if (type.endsWith("/*")) {
                return mediaType.startsWith(type.substring(0, type.length() - 1));
            }
            return type.equals(mediaType);
        }

        boolean matchesExactly(String mediaType) {
            return type.equals(mediaType);
        }

        int specificity() {
            return type.equals("*/*") ? 0 : type.endsWith("/*") ? 1 : 2;
        }
    }
}
