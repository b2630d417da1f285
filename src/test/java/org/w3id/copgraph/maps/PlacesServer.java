package org.w3id.copgraph.maps;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Fixtures;
import org.w3id.copgraph.Http;
import org.w3id.copgraph.Server;
import org.w3id.copgraph.curation.Caller;
import org.w3id.copgraph.store.Store;

/**
 * The real server on the seed graph plus src/test/resources/maps/places.trig: a CoP at a place with
 * coordinates (Brescia Gardeners) and one that meets online (Online Weavers). The seed's CoPs have
 * no place, so they are listed beside a map.
 */
public final class PlacesServer implements BeforeAllCallback, AfterAllCallback {

    private final Tiles tiles;
    private Copgraph cg;
    private Server app;
    private Http http;

    public PlacesServer() {
        this(Tiles.NONE);
    }

    public PlacesServer(Tiles tiles) {
        this.tiles = tiles;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cg = Copgraph.on(Fixtures.settings().withMapTiles(tiles), Store.inMemory());
        cg.loader().loadSeedIfEmpty();
        cg.loader().loadFiles(Caller.local(), List.of(Path.of("src/test/resources/maps/places.trig")));
        app = Server.start(cg);
        http = new Http(app.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
        cg.close();
    }

    public Http http() {
        return http;
    }

    public int port() {
        return app.port();
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }
}
