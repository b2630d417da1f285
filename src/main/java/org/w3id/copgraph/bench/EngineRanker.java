package org.w3id.copgraph.bench;

import java.util.List;

import org.w3id.copgraph.Home;
import org.w3id.copgraph.store.Store;

/** copgraph's suggestions engine as {@link SuggestionsBench} asks it (a stand-in until the engine is merged). */
final class EngineRanker implements SuggestionsBench.Engine {

    static SuggestionsBench.Engine on(Store store, Home home) {
        return new EngineRanker();
    }

    @Override
    public void prepare() {
    }

    @Override
    public void answer(String cop) {
    }

    @Override
    public List<String> learnFrom(String cop, int k) {
        return List.of();
    }
}
