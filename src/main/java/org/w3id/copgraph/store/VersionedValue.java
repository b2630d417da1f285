package org.w3id.copgraph.store;

import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One value computed from the data (a sitemap, a description of the dataset), kept until the
 * data changes: a {@link VersionedCache} of a single entry.
 */
public final class VersionedValue<V> {

    private final VersionedCache<Boolean, V> cache;

    private VersionedValue(VersionedCache<Boolean, V> cache) {
        this.cache = cache;
    }

    public static <V> VersionedValue<V> of(Store store) {
        return new VersionedValue<>(VersionedCache.of(store, Caffeine.newBuilder().maximumSize(2)));
    }

    /** The value on the current data, computed by {@code compute} if it is not kept yet. */
    public V get(Supplier<V> compute) {
        return cache.get(Boolean.TRUE, k -> compute.get());
    }

    /** As {@link #get(Supplier)}, for a value that needs to know the version it is computed on. */
    public V getOnVersion(Function<Object, V> compute) {
        Object version = cache.currentVersion();
        return cache.get(version, Boolean.TRUE, k -> compute.apply(version));
    }
}
