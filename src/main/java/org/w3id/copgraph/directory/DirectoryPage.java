package org.w3id.copgraph.directory;

import java.util.List;

/**
 * One page of the directory as the HTML page and the JSON answer show it. Every {@code href} is a
 * path with its query string on the serving host ({@code /cops?domain=permaculture&page=2}) or,
 * for a resource outside copgraph's base, its IRI.
 *
 * @param total     CoPs that match the search and filters
 * @param pages     pages of {@code size} they fill (at least 1)
 * @param cards     the CoPs of this page
 * @param facets    every facet with the values found among the matching CoPs and their counts
 * @param active    the filters in force, each with the link that removes it
 * @param hidden    the filters as hidden form fields, so a new search in the box keeps them
 * @param languages the languages the graph's labels come in, each with a link to this page in it
 */
public record DirectoryPage(DirectoryRequest request, String q, String lang, int total, int page, int size, int pages,
                            List<Card> cards, List<FacetView> facets, List<Chip> active, List<Field> hidden,
                            Links links, List<SortOption> sorts, List<Choice> languages, String staleAfter) {

    /** A resource a card names. */
    public record Named(String iri, String key, String label, String href) {
    }

    /**
     * One CoP. {@code meets} is "online", "in person", "online and in person" or null;
     * {@code freshness} is fresh, stale or never; {@code score} is null without a search text.
     */
    public record Card(String iri, String href, String name, String nameLang, String description, String descriptionLang,
                       List<Named> domains, List<Named> practices, List<Named> tools, List<Named> organisations,
                       List<Named> places, String meets, List<Named> languages, Named status, String lastReviewed,
                       String freshness, Double score) {
    }

    /** A facet: its values among the matching CoPs, most frequent first ({@code more} left out, {@code moreHref} shows them all). */
    public record FacetView(String param, String title, List<FacetValue> values, int more, String moreHref) {
    }

    /** A value of a facet: {@code href} adds it to the filters (or, when selected, {@code href} removes it). */
    public record FacetValue(String key, String iri, String label, int count, boolean selected, String href) {
    }

    /** A filter in force and the link without it. */
    public record Chip(String param, String title, String key, String label, String removeHref) {
    }

    /** A hidden form field. */
    public record Field(String name, String value) {
    }

    /** Paging and clearing: null where there is no such page. {@code clearSearch} drops the text, {@code clearFilters} the facets. */
    public record Links(String self, String first, String prev, String next, String last, String clearFilters, String clearSearch) {
    }

    public record SortOption(String param, String label, boolean selected, String href) {
    }

    public record Choice(String key, String label, boolean selected, String href) {
    }

    /** The number of the first card on this page (1-based), or 0 on an empty page. */
    public int from() {
        return cards.isEmpty() ? 0 : (page - 1) * size + 1;
    }

    public int to() {
        return cards.isEmpty() ? 0 : from() + cards.size() - 1;
    }
}
