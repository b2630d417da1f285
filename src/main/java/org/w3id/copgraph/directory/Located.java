package org.w3id.copgraph.directory;

import java.util.List;

import org.w3id.copgraph.directory.DirectoryPage.Card;

/**
 * A CoP of the directory with the places it meets at that have coordinates: what a map, a
 * GeoJSON feature or a partner's card shows. {@code points} is empty for a CoP that meets online
 * or whose places have no coordinates: such a CoP is listed beside a map, not dropped.
 */
public record Located(Card card, List<Point> points) {

    /** A place with its coordinates (WGS 84 decimal degrees, as schema:latitude / schema:longitude). */
    public record Point(String place, String label, String href, double latitude, double longitude) {
    }

    public boolean onMap() {
        return !points.isEmpty();
    }

    /** Why a CoP has no point, in a few words for the list beside the map; null when it has one. */
    public String whyNotOnMap() {
        if (onMap()) {
            return null;
        }
        if ("online".equals(card.meets())) {
            return "meets online";
        }
        if (card.places().isEmpty()) {
            return card.meets() == null ? "no place given" : card.meets() + ", no place given";
        }
        return "its place has no coordinates";
    }
}
