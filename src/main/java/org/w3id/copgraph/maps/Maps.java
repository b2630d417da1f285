package org.w3id.copgraph.maps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.w3id.copgraph.directory.Directory;
import org.w3id.copgraph.directory.DirectoryPage;
import org.w3id.copgraph.directory.DirectoryRequest;
import org.w3id.copgraph.directory.Located;
import org.w3id.copgraph.network.Node;
import org.w3id.copgraph.network.NodeType;
import org.w3id.copgraph.network.View;

/**
 * Maps of CoPs: of the directory (with its filters) and of a resource's neighbourhood, and the
 * directory as GeoJSON. Places come from the directory's index ({@code schema:location} ->
 * {@code schema:Place} with {@code schema:latitude} and {@code schema:longitude}), so a map costs no
 * query to the store.
 */
public final class Maps {

    /** Where the map page is served: {@code /map} takes the directory's parameters, {@code /map?focus=IRI} a neighbourhood's. */
    public static final String PATH = "/map";

    private final Directory directory;
    private final Tiles tiles;

    public Maps(Directory directory, Tiles tiles) {
        this.directory = directory;
        this.tiles = tiles;
    }

    public Tiles tiles() {
        return tiles;
    }

    /** The map of the CoPs the directory finds for {@code r} (all of them, not one page). */
    public MapView directory(DirectoryRequest r) {
        List<Located> all = directory.located(r);
        String query = r.atPage(1).queryString();
        String lead = r.q().isEmpty() && !r.hasFilters()
                ? "Where the communities of practice in the directory meet."
                : "Where the communities of practice that match the directory's search and filters meet.";
        return view("Map of the directory", lead, Directory.PATH + query, "The same CoPs as a list in the directory", all,
                Directory.PATH + (query.isEmpty() ? "?" : query + "&") + "format=geojson");
    }

    /** The map of the CoPs in a network view (a neighbourhood or the paths between two resources). */
    public MapView network(View view, String focusLabel, String focusHref, String lang) {
        List<Located> cops = new ArrayList<>();
        for (Node n : view.nodes().values()) {
            if (n.type() == NodeType.COP) {
                directory.cop(n.iri(), lang).ifPresent(cops::add);
            }
        }
        return view("Map around " + focusLabel, "Where the communities of practice in the neighbourhood of "
                + focusLabel + " meet.", focusHref, "Back to " + focusLabel, cops, null);
    }

    private MapView view(String heading, String lead, String back, String backLabel, List<Located> all, String geoJson) {
        List<Located> on = new ArrayList<>();
        List<Located> beside = new ArrayList<>();
        for (Located l : all) {
            (l.onMap() ? on : beside).add(l);
        }
        return new MapView(heading, lead, back, backLabel, on, beside, geoJson, tiles);
    }

    /**
     * The directory's CoPs as a GeoJSON FeatureCollection (RFC 7946): one Feature per CoP, a Point
     * at its place (a MultiPoint for several), and a null geometry for a CoP that meets online or
     * has no place with coordinates, so that no CoP is dropped. Links are absolute ({@code absolute}).
     */
    public Map<String, Object> geoJson(DirectoryRequest r, Function<String, String> absolute) {
        List<Object> features = new ArrayList<>();
        for (Located l : directory.located(r)) {
            features.add(feature(l, absolute));
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    static Map<String, Object> feature(Located l, Function<String, String> absolute) {
        DirectoryPage.Card c = l.card();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", c.iri());
        f.put("geometry", geometry(l.points()));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", c.name());
        p.put("iri", c.iri());
        p.put("url", link(c.href(), absolute));
        if (c.description() != null) {
            p.put("description", c.description());
        }
        p.put("meets", c.meets());
        List<Object> places = new ArrayList<>();
        for (DirectoryPage.Named n : c.places()) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("iri", n.iri());
            place.put("name", n.label());
            l.points().stream().filter(pt -> pt.place().equals(n.iri())).findFirst().ifPresent(pt -> {
                place.put("latitude", pt.latitude());
                place.put("longitude", pt.longitude());
            });
            places.add(place);
        }
        p.put("places", places);
        p.put("domains", c.domains().stream().map(DirectoryPage.Named::label).toList());
        p.put("status", c.status() == null ? null : c.status().label());
        p.put("lastReviewed", c.lastReviewed());
        f.put("properties", p);
        return f;
    }

    private static Object geometry(List<Located.Point> points) {
        if (points.isEmpty()) {
            return null;
        }
        Map<String, Object> g = new LinkedHashMap<>();
        if (points.size() == 1) {
            g.put("type", "Point");
            g.put("coordinates", position(points.get(0)));
        } else {
            g.put("type", "MultiPoint");
            g.put("coordinates", points.stream().map(Maps::position).toList());
        }
        return g;
    }

    /** GeoJSON positions are longitude first. */
    private static List<Double> position(Located.Point p) {
        return List.of(p.longitude(), p.latitude());
    }

    private static String link(String href, Function<String, String> absolute) {
        return href != null && href.startsWith("/") ? absolute.apply(href) : href;
    }
}
