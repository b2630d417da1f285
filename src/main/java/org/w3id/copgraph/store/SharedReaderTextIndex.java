package org.w3id.copgraph.store;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.rdf.model.Resource;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * Jena's Lucene text index, with {@code text:query} answered from the readers of the last commit
 * (a {@link SearcherManager}) instead of a reader opened and closed for every query, as jena-text
 * 5.6.0 does. Opening a reader on the store's index (about ten segments at 10,000 CoPs) cost
 * ~100 ms per query on a busy 2-core machine, the search itself ~15 ms: the curated
 * {@code search-by-label} spent most of its time opening files.
 *
 * <p>jena-text keeps the search itself private ({@code query$}, given a reader), and the filter it
 * adds for a query on one subject ({@code addUriPredicate}); both are called reflectively, so the
 * query string, fields, language, graph and subject handling stay exactly Jena's. Where that is
 * not possible (another jena-text), queries fall back to Jena's own path. With every query on the
 * shared readers, no reader is opened or closed per query, which is what lets the index be
 * memory-mapped (see {@code FullTextIndex#onDisk}).
 */
final class SharedReaderTextIndex extends TextIndexLucene {

    private static final Method SEARCH = method("query$", IndexReader.class, List.class, String.class, UnaryOperator.class,
            String.class, String.class, int.class, String.class);
    /** Jena's filter of a query on one subject (the {@code ?s} of {@code ?s text:query ...} bound). */
    private static final Method SUBJECT_FILTER = method("addUriPredicate", String.class);

    private SearcherManager searchers;

    SharedReaderTextIndex(Directory directory, TextIndexConfig config) {
        super(directory, config);
    }

    /** Set once the index exists (a SearcherManager needs a committed index). */
    void share(SearcherManager searchers) {
        this.searchers = searchers;
    }

    @Override
    public List<TextHit> query(String subjectUri, List<Resource> props, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        if (SEARCH == null || searchers == null || (subjectUri != null && SUBJECT_FILTER == null)) {
            return super.query(subjectUri, props, qs, graphURI, lang, limit, highlight);
        }
        UnaryOperator<Query> filter = subjectUri == null ? UnaryOperator.identity() : subjectFilter(subjectUri);
        IndexSearcher searcher;
        try {
            // What a newly opened reader would see: the last commit.
            searchers.maybeRefresh();
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new TextIndexException("query", e);
        }
        try {
            return hits(searcher.getIndexReader(), props, qs, filter, graphURI, lang, limit, highlight);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // Releasing only decrements a count; a failure leaves the reader to the next refresh.
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<TextHit> hits(IndexReader reader, List<Resource> props, String qs, UnaryOperator<Query> filter, String graphURI,
                               String lang, int limit, String highlight) {
        try {
            return (List<TextHit>) SEARCH.invoke(this, reader, props, qs, filter, graphURI, lang, limit, highlight);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ParseException) {
                throw new TextIndexParseException(qs, cause.getMessage());
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new TextIndexException("query", cause);
        } catch (IllegalAccessException e) {
            throw new TextIndexException("query", e);
        }
    }

    @SuppressWarnings("unchecked")
    private UnaryOperator<Query> subjectFilter(String subjectUri) {
        try {
            return (UnaryOperator<Query>) SUBJECT_FILTER.invoke(this, subjectUri);
        } catch (ReflectiveOperationException e) {
            throw new TextIndexException("query", e);
        }
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            Method m = TextIndexLucene.class.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
