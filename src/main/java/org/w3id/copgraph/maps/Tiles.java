package org.w3id.copgraph.maps;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.w3id.copgraph.Problem;

/**
 * Where a map's background tiles come from ({@code serve --map-tiles URL-template
 * --map-attribution TEXT}), or {@link #NONE}. By default there are none: the server never asks
 * anyone for anything and a browser showing a map asks only this server, so a fresh clone works
 * offline; the points are then drawn on a plain background with a graticule.
 *
 * @param urlTemplate a Leaflet tile URL template ({@code https://tile.example.org/{z}/{x}/{y}.png}), or null
 * @param attribution the credit the tile provider asks for (plain text), or null
 */
public record Tiles(String urlTemplate, String attribution) {

    public static final Tiles NONE = new Tiles(null, null);

    public Tiles {
        if (urlTemplate != null && urlTemplate.isBlank()) {
            urlTemplate = null;
        }
        if (urlTemplate != null) {
            origin(urlTemplate); // checked now, not when a page is drawn
        }
    }

    /** Tiles from {@code urlTemplate} (null or blank: none), credited with {@code attribution}. */
    public static Tiles of(String urlTemplate, String attribution) {
        return urlTemplate == null || urlTemplate.isBlank() ? NONE : new Tiles(urlTemplate.strip(), attribution);
    }

    public boolean configured() {
        return urlTemplate != null;
    }

    /** The origin the tiles come from ({@code https://tile.example.org}), for the pages' img-src; null without tiles. */
    public String origin() {
        return urlTemplate == null ? null : origin(urlTemplate);
    }

    private static String origin(String template) {
        // The template's placeholders ({s}, {z}...) are no URI characters: checked with them replaced.
        String sample = template.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                .replace("{r}", "").replace("{-y}", "0");
        try {
            URI uri = new URI(sample);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw bad(template);
            }
            // Subdomains ({s}.tile.example.org) become a CSP wildcard; the rest was checked as a URI host.
            String host = template.substring(template.indexOf("//") + 2).split("[/?#]", 2)[0].replace("{s}", "*");
            if (!host.matches("[A-Za-z0-9.*:\\[\\]-]+")) {
                throw bad(template);
            }
            return scheme + "://" + host;
        } catch (URISyntaxException e) {
            throw bad(template);
        }
    }

    private static Problem bad(String template) {
        return Problem.badRequest("bad-map-tiles", "--map-tiles must be an http(s) URL template such as"
                + " https://tile.example.org/{z}/{x}/{y}.png; got '" + template + "'.");
    }
}
