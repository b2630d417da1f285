package org.w3id.copgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Caffeine;

class VersionedCacheTest {

    private static void change(Store store) {
        store.write(d -> d.add(Quad.create(NodeFactory.createURI("urn:test:g"), NodeFactory.createBlankNode(),
                NodeFactory.createURI("urn:test:p"), NodeFactory.createLiteralString("o"))));
    }

    @Test
    void aValueIsComputedOnceUntilTheDataChanges() {
        Store store = Store.inMemory();
        VersionedCache<String, Integer> cache = VersionedCache.ofSize(store, 10);
        AtomicInteger computed = new AtomicInteger();
        assertThat(cache.get("k", k -> computed.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get("k", k -> computed.incrementAndGet())).isEqualTo(1);
        change(store);
        assertThat(cache.get("k", k -> computed.incrementAndGet())).isEqualTo(2);
        assertThat(computed.get()).isEqualTo(2);
    }

    @Test
    void aValueOfAnotherVersionIsNeverServed() {
        VersionedCache<String, String> cache = VersionedCache.of(Caffeine.newBuilder().maximumSize(10));
        assertThat(cache.get("v1", "k", k -> "old")).isEqualTo("old");
        assertThat(cache.get("v2", "k", k -> "new")).isEqualTo("new");
        assertThat(cache.getIfPresent("v2", "k")).isEqualTo("new");
        assertThat(cache.getIfPresent("v1", "k")).isNull();
    }

    @Test
    void aSingleValueFollowsTheData() {
        Store store = Store.inMemory();
        VersionedValue<Integer> value = VersionedValue.of(store);
        AtomicInteger computed = new AtomicInteger();
        value.get(computed::incrementAndGet);
        value.get(computed::incrementAndGet);
        assertThat(computed.get()).isEqualTo(1);
        change(store);
        assertThat(value.get(computed::incrementAndGet)).isEqualTo(2);
    }
}
