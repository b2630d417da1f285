package org.w3id.copgraph.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.w3id.copgraph.Settings;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.suggestions.Direction;
import org.w3id.copgraph.suggestions.Include;
import org.w3id.copgraph.suggestions.Ranker;
import org.w3id.copgraph.suggestions.SuggestionIndex;
import org.w3id.copgraph.suggestions.Suggestions;

/**
 * copgraph's suggestions as {@link SuggestionsBench} asks them, set up as {@code serve} sets them up (its weights, its
 * freshness window): the ranking without explanations for the figures of quality, with every linked pair left out as
 * the baselines leave them out; the whole answer of the API (learn from and could help, with reasons) and every CoP's
 * best suggestions, as the server computes them for the derived graph after a change, for the times.
 */
final class EngineRanker implements SuggestionsBench.Engine {

    private final Suggestions suggestions;

    private EngineRanker(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    static SuggestionsBench.Engine on(Store store) {
        Settings defaults = Settings.defaults();
        return new EngineRanker(new Suggestions(store, Iris.DEFAULT, defaults.staleAfter(), Clock.systemUTC(),
                defaults.queryTimeoutMillis()));
    }

    @Override
    public void prepare() {
        suggestions.index();
    }

    @Override
    public void answer(String cop) {
        suggestions.forCop(cop, Suggestions.DEFAULT_LIMIT);
    }

    @Override
    public int computeAll() {
        // What SuggestionsGraph.refreshIfStale computes before it writes: the best 3 of each CoP, explained.
        Ranker ranker = suggestions.ranker();
        int n = ranker.index().copCount();
        for (int c = 0; c < n; c++) {
            ranker.learnFrom(c, 3, Include.PROPOSED);
        }
        return n;
    }

    @Override
    public List<String> learnFrom(String cop, int k) {
        Ranker ranker = suggestions.ranker();
        SuggestionIndex ix = ranker.index();
        List<String> out = new ArrayList<>();
        for (int c : ranker.rank(ix.positionOf(cop), Direction.LEARN_FROM, k, Include.UNLINKED)) {
            out.add(ix.copIri(c));
        }
        return out;
    }
}
