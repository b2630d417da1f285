package org.w3id.copgraph.queries;

import java.util.Map;
import java.util.function.Supplier;

import org.w3id.copgraph.queries.CuratedQueries.Answer;
import org.w3id.copgraph.queries.CuratedQueries.Prepared;
import org.w3id.copgraph.store.VersionedCache;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The computed answers, per data version: the pages of rows (whatever format they are asked
 * in), the same pages rendered (so a repeated question costs a lookup), and on disk the first
 * pages with default arguments, so a restarted server need not compute them again.
 */
final class AnswerCache {

    /** One page of one query with its arguments, on one data version. */
    record Key(String name, Map<String, String> bound, long limit, long offset, String version) {
        static Key of(Prepared p, String version) {
            return new Key(p.curated().name(), p.bound(), p.page() == null ? -1 : p.page().limit(),
                    p.page() == null ? -1 : p.page().offset(), version);
        }
    }

    private record Rendered(Key key, ResultFormat format) {
    }

    private final VersionedCache<Key, Rows> pages = VersionedCache.of(Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Object k, Object r) -> ((Rows) r).rows().size() * Math.max(1, ((Rows) r).vars().size()) * 128 + 256));
    private final VersionedCache<Rendered, Answer> answers = VersionedCache.of(Caffeine.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((Object k, Object a) -> ((Answer) a).body().length + 256)
            .recordStats());
    /** Pages kept on disk across restarts; null when the store has no directory of its own. */
    private final SavedAnswers saved;

    AnswerCache(SavedAnswers saved) {
        this.saved = saved;
    }

    /** The rendered answer to {@code key} in {@code format}, or {@code compute}'s. */
    Answer answer(Key key, ResultFormat format, Supplier<Answer> compute) {
        return answers.get(key.version(), new Rendered(key, format), k -> compute.get());
    }

    /**
     * A page from memory, else from disk (when {@code keep}: the first page of default arguments),
     * else from {@code select}, which is then kept.
     */
    Rows page(Key key, String hash, boolean keep, Supplier<Rows> select) {
        return pages.get(key.version(), key, k -> {
            boolean onDisk = keep && saved != null;
            String fileKey = k.name() + " " + k.bound() + " " + k.limit() + " " + k.offset() + " sha256:" + hash;
            if (onDisk) {
                Rows r = saved.read(k.version(), k.name(), fileKey);
                if (r != null) {
                    return r;
                }
            }
            Rows r = select.get();
            if (onDisk) {
                saved.write(k.name(), fileKey, r);
            }
            return r;
        });
    }

    /** Forgets the answers kept in memory (a derived graph they may read was rewritten; the data version stays). */
    void forgetInMemory() {
        pages.invalidateAll();
        answers.invalidateAll();
    }

    /** Once every page of {@code version} is computed: other versions' saved pages go. */
    void retainOnly(String version) {
        if (saved != null) {
            saved.retainOnly(version);
        }
    }

    long hits() {
        return answers.stats().hitCount();
    }

    long misses() {
        return answers.stats().missCount();
    }
}
