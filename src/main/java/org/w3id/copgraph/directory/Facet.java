package org.w3id.copgraph.directory;

import java.util.Locale;

/**
 * The directory's facets, each a query parameter of {@code /cops}. A multi-valued facet ANDs its
 * values (a CoP must have every one chosen), so the count beside a value is exactly how many
 * CoPs its link leads to; a single-valued facet (a CoP has one status, one freshness) replaces
 * its value instead.
 */
public enum Facet {
    DOMAIN("domain", "Domain", true),
    KIND("kind", "Practice kind", true),
    TOOL("tool", "Tool", true),
    ORG("org", "Organisation or network", true),
    PLACE("place", "Place", true),
    ONLINE("online", "Meets online", false),
    LANG("lang", "Working language", true),
    STATUS("status", "Status", false),
    FRESH("fresh", "Last reviewed", false);

    /** The query parameter. */
    public final String param;
    /** The heading over its values. */
    public final String title;
    public final boolean multi;

    Facet(String param, String title, boolean multi) {
        this.param = param;
        this.title = title;
        this.multi = multi;
    }

    /** The facet of a query parameter, or null when the parameter is not a facet. */
    public static Facet ofParam(String param) {
        for (Facet f : values()) {
            if (f.param.equals(param.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
