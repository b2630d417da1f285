package org.w3id.copgraph.view;

/**
 * An entry of a page's source list.
 *
 * @param number its number, as {@link SourceRef}s cite it
 * @param link   the source graph's page
 * @param url    where the source itself lives, or null
 */
public record Source(int number, Link link, String url) {
}
