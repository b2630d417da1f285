package org.w3id.copgraph.web;

import java.util.Map;

import io.javalin.http.Context;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.directory.DirectoryRequest;
import org.w3id.copgraph.maps.MapView;
import org.w3id.copgraph.network.View;

/**
 * {@code /map}: the directory's CoPs on a map (with the directory's parameters), or those around a
 * resource ({@code /map?focus=IRI}, with the explorer's parameters). Leaflet comes from its WebJar,
 * served by this server ({@code /webjars/leaflet/...}).
 */
final class MapRoutes {

    static final String LEAFLET_VERSION = NetworkRoutes.webjarVersion("leaflet");

    private final Copgraph cg;
    private final NetworkRoutes network;

    MapRoutes(Copgraph cg, NetworkRoutes network) {
        this.cg = cg;
        this.network = network;
    }

    void page(Context ctx) {
        ctx.header("Vary", "Accept-Language");
        Pages.html(ctx, "map", Map.of("map", viewOf(ctx), "leafletVersion", LEAFLET_VERSION));
    }

    /** The map an address asks for: around {@code focus} (or the paths from {@code from} to {@code to}), else the directory's. */
    MapView viewOf(Context ctx) {
        DirectoryRequest r = DirectoryRequest.parse(ctx.queryParamMap(), ctx.header("Accept-Language"));
        if (ctx.queryParam("focus") != null || ctx.queryParam("to") != null) {
            View view = network.viewOf(ctx);
            return cg.maps().network(view, network.focusLabel(ctx, view), network.focusHref(ctx), r.lang());
        }
        return cg.maps().directory(r);
    }
}
