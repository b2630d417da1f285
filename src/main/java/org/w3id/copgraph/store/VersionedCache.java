package org.w3id.copgraph.store;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * Values computed from the data, kept until the data changes: the one way to "cache until the
 * data version changes". Each entry is kept under the version it was computed on, so a value
 * computed while a write landed is never served for the newer data; when the version moves on,
 * the older entries are dropped at once to free their memory.
 *
 * <p>The version is normally {@link Store#lastModified()} (null, a store never written, is a
 * version too). A cache made with {@link #of(Caffeine)} is told the version on each call, for
 * callers that serve several stores or read the version once per request. The bounds (size,
 * weight, statistics) are the caller's, as a {@link Caffeine} builder.
 */
public final class VersionedCache<K, V> {

    private static final Object NONE = new Object();

    private final Supplier<Object> version;
    private final Cache<Entry<K>, V> cache;
    private final AtomicReference<Object> seen = new AtomicReference<>(NONE);

    private record Entry<K>(Object version, K key) {
    }

    private VersionedCache(Supplier<Object> version, Cache<Entry<K>, V> cache) {
        this.version = version;
        this.cache = cache;
    }

    /** A cache of values of {@code store}'s data, bounded as {@code builder} says. */
    public static <K, V> VersionedCache<K, V> of(Store store, Caffeine<Object, Object> builder) {
        return new VersionedCache<>(() -> store.lastModified(), builder.build());
    }

    /** A cache of at most {@code maximumSize} values of {@code store}'s data. */
    public static <K, V> VersionedCache<K, V> ofSize(Store store, long maximumSize) {
        return of(store, Caffeine.newBuilder().maximumSize(maximumSize));
    }

    /** A cache told the data version on each call ({@link #get(Object, Object, Function)}). */
    public static <K, V> VersionedCache<K, V> of(Caffeine<Object, Object> builder) {
        return new VersionedCache<>(null, builder.build());
    }

    /** The value of {@code key} on the store's current data, computed (once, however many ask) if missing. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        return get(currentVersion(), key, compute);
    }

    /** The value of {@code key} on data version {@code version}, computed if missing. */
    public V get(Object version, K key, Function<? super K, ? extends V> compute) {
        moveTo(version);
        return cache.get(new Entry<>(version, key), e -> compute.apply(e.key()));
    }

    /** The value of {@code key} on data version {@code version}, or null. */
    public V getIfPresent(Object version, K key) {
        moveTo(version);
        return cache.getIfPresent(new Entry<>(version, key));
    }

    /** The store's data version now (for a cache made with a store). */
    public Object currentVersion() {
        if (version == null) {
            throw new IllegalStateException("This cache is told the version on each call");
        }
        return version.get();
    }

    private void moveTo(Object v) {
        Object before = seen.getAndSet(v);
        if (before != NONE && !Objects.equals(before, v)) {
            // Entries of other versions are not read again (versions only move forward).
            cache.asMap().keySet().removeIf(e -> !Objects.equals(e.version(), v));
        }
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Hits and misses, when the builder asked for {@code recordStats()}. */
    public CacheStats stats() {
        return cache.stats();
    }
}
