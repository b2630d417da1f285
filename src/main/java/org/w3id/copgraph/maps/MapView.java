package org.w3id.copgraph.maps;

import java.util.List;

import org.w3id.copgraph.directory.Located;

/**
 * A map page: the CoPs with coordinates (a plain list of places that the map script draws) and,
 * beside them, those that meet online or have no single place. Both lists are complete without
 * JavaScript.
 *
 * @param heading     the page's title
 * @param lead        one sentence on what the map shows
 * @param back        the page this map is of (the directory with the same filters, or the focus's page)
 * @param backLabel   the words of that link
 * @param onMap       CoPs with at least one place with coordinates
 * @param besideMap   CoPs without one
 * @param geoJson     the same CoPs as GeoJSON, or null
 * @param tiles       where the background tiles come from ({@link Tiles#NONE}: a plain background)
 */
public record MapView(String heading, String lead, String back, String backLabel, List<Located> onMap,
                      List<Located> besideMap, String geoJson, Tiles tiles) {

    public int points() {
        return onMap.stream().mapToInt(l -> l.points().size()).sum();
    }
}
