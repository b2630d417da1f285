package org.w3id.copgraph.view;

/**
 * A link as a page shows it.
 *
 * @param href     where it points (a path on the serving host, or an outside IRI)
 * @param text     what a reader sees
 * @param code     a short technical name shown beside it ({@code cop:hostedBy}), or null
 * @param external true when it leaves the site (rendered {@code rel="nofollow"})
 */
public record Link(String href, String text, String code, boolean external) {

    public static Link to(String href, String text) {
        return new Link(href, text, null, false);
    }
}
