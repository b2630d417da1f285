package org.w3id.copgraph.store;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.util.CharTokenizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The store's full-text index (Jena's text index on Lucene): one entry per statement of a
 * property of {@link TextFields}, with its subject, its language tag and its text. The data and
 * the index change together: writes go through {@link #writable()}, a {@link DatasetGraphText}
 * that passes each statement to the index; the index commits when the store's write transaction
 * commits and rolls back when it aborts.
 *
 * <p>Why the TDB2 dataset is hidden from {@code DatasetGraphText} (by a plain wrapper): given
 * TDB2 itself, jena-text 5.6.0 joins the index to TDB2's transaction coordinator, which then
 * commits the index when any READ transaction commits and rolls it back when any read aborts
 * (a query that times out), taking a concurrent writer's uncommitted entries with it. Given a
 * wrapper, it commits and rolls back the index only for write transactions begun on itself, which
 * are exactly the store's writes. Queries run on the TDB2 dataset directly (TDB2's own query
 * engine and union default graph); {@code text:query} finds the index in the dataset's context.
 */
final class FullTextIndex implements AutoCloseable {

    /**
     * The index layout (fields, analysis). A store whose index was built by another layout, or
     * not at all (a store of a copgraph before the index), is indexed again when opened.
     */
    static final String LAYOUT = "copgraph-text-index 1: label alt description; lang; letters-digits, lower, ascii-folded, english-minimal-stem";

    private static final String MARKER = "copgraph-text-index.txt";
    private static final int PROGRESS_EVERY = 100_000;

    private final TextIndexLucene index;
    private final DatasetGraphText writable;
    private final Path dir;
    private final Directory directory;
    /**
     * Readers of the last commit, reused until the next one: jena-text's own {@code text:query}
     * opens a reader per query, which costs more than the search on a small index.
     */
    private final SearcherManager searchers;

    private FullTextIndex(DatasetGraph tdb, Directory directory, Path dir) {
        this.dir = dir;
        this.directory = directory;
        SharedReaderTextIndex shared = new SharedReaderTextIndex(directory, config());
        this.index = shared;
        this.writable = (DatasetGraphText) TextDatasetFactory.create(new DatasetGraphWrapper(tdb), index, true,
                new DataOnlyProducer(index));
        try {
            this.searchers = new SearcherManager(directory, null);
            shared.share(searchers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the text index", e);
        }
    }

    /** The index of a store on disk, in {@code <store>/text-index}. */
    static FullTextIndex onDisk(DatasetGraph tdb, Path storeDir) {
        Path dir = storeDir.resolve("text-index");
        try {
            Files.createDirectories(dir);
            // Memory-mapped: every search reads through the shared readers, opened again only
            // after a commit, so files are rarely unmapped (unmapping on Java 17 spins in Lucene's
            // ByteBufferGuard: ~200 ms a search when jena-text opened a reader per query). Reading
            // the stored texts of 1,000 hits takes 3-7 ms mapped against 14-18 ms through NIO
            // positional reads (10,000 CoPs; docs/speed.md, "Label search p95").
            return new FullTextIndex(tdb, new MMapDirectory(dir), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index " + dir, e);
        }
    }

    /** The index of an in-memory store, in memory. */
    static FullTextIndex inMemory(DatasetGraph tdb) {
        return new FullTextIndex(tdb, new ByteBuffersDirectory(), null);
    }

    private static TextIndexConfig config() {
        EntityDefinition def = new EntityDefinition("uri", TextFields.LABEL.field());
        for (TextFields f : TextFields.values()) {
            for (Node p : f.properties()) {
                def.set(f.field(), p);
            }
        }
        def.setLangField("lang");
        // Needed to delete an entry when its statement is deleted.
        def.setUidField("uid");
        // A cache of answers would outlive the writes that change them.
        def.setCacheQueries(false);
        TextIndexConfig config = new TextIndexConfig(def);
        config.setAnalyzer(new WordAnalyzer());
        config.setQueryParser("QueryParser");
        config.setValueStored(true);
        return config;
    }

    /** The dataset every write goes through, so the index hears of it. */
    DatasetGraph writable() {
        return writable;
    }

    /** Whether the index was built for this layout and is kept current (else see {@link #rebuild}). */
    boolean isCurrent() {
        if (dir == null) {
            return true;
        }
        try {
            return Files.isRegularFile(dir.resolve(MARKER))
                    && Files.readString(dir.resolve(MARKER), StandardCharsets.UTF_8).strip().equals(LAYOUT);
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that the index holds all the data, in this layout (after a {@link #rebuild} has committed). */
    void markCurrent() {
        if (dir == null) {
            return;
        }
        try {
            Files.writeString(dir.resolve(MARKER), LAYOUT + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(MARKER), e);
        }
    }

    /** Before a rebuild: the marker goes first, so an interrupted rebuild is done again at the next start. */
    void markStale() {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir.resolve(MARKER), e);
        }
    }

    /** The commit data key of the data version an index commit goes with (see {@link #recordDataVersion}). */
    private static final String DATA_VERSION = "copgraph-data-version";

    /**
     * Inside a write transaction: the data version (the store's last-modified stamp) the index
     * holds once it commits. jena-text prepares the index's commit before the data commits and
     * completes it after, so a process killed between the two leaves the index's last commit
     * naming the version before: {@link #committedDataVersion} then differs from the data's.
     */
    void recordDataVersion(String version) {
        index.getIndexWriter().setLiveCommitData(java.util.Map.of(DATA_VERSION, version).entrySet());
    }

    /**
     * Records {@code version} as the one the index goes with, in a commit of its own: after the
     * entries were found to match the data at open (no write is under way then), so that the
     * next open need not count them again.
     */
    void commitDataVersion(String version) {
        try {
            recordDataVersion(version);
            index.getIndexWriter().commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the text index", e);
        }
    }

    /** The data version recorded with the index's last commit; null when none was (an index of an older copgraph). */
    String committedDataVersion() {
        try {
            if (!org.apache.lucene.index.DirectoryReader.indexExists(directory)) {
                return null;
            }
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get(DATA_VERSION);
        } catch (IOException e) {
            return null;
        }
    }

    /** The number of entries in the index (as last committed, when no write is under way). */
    long entries() {
        return index.getIndexWriter().getDocStats().numDocs;
    }

    /**
     * The number of entries {@code data} should give: its literals of an indexed property in named
     * graphs other than the derived ones.
     */
    static long expectedEntries(DatasetGraph data, java.util.Set<Node> derived) {
        long n = 0;
        for (Node p : TextFields.allProperties()) {
            var it = data.findNG(Node.ANY, Node.ANY, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (q.getObject().isLiteral() && !derived.contains(q.getGraph())) {
                        n++;
                    }
                }
            } finally {
                Iter.close(it);
            }
        }
        return n;
    }

    /** Drops every entry, inside the current write transaction (gone for good when it commits). */
    void deleteAll() {
        try {
            index.getIndexWriter().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty the text index", e);
        }
    }

    /**
     * Indexes every statement of an indexed property in the named graphs of {@code data}, from
     * scratch, inside the current write transaction. Returns the number of entries.
     */
    long rebuild(DatasetGraph data, java.util.Set<Node> derived, PrintStream progress) {
        deleteAll();
        EntityDefinition def = index.getDocDef();
        long n = 0;
        long t0 = System.nanoTime();
        for (Node p : TextFields.allProperties()) {
            var it = data.findNG(Node.ANY, Node.ANY, p, Node.ANY);
            try {
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (!q.getObject().isLiteral() || derived.contains(q.getGraph())) {
                        continue;
                    }
                    Entity e = TextQueryFuncs.entityFromQuad(def, q);
                    if (e != null) {
                        index.addEntity(e);
                        if (++n % PROGRESS_EVERY == 0 && progress != null) {
                            progress.printf("  text index: %,d entries (%,d ms)%n", n, (System.nanoTime() - t0) / 1_000_000);
                        }
                    }
                }
            } finally {
                Iter.close(it);
            }
        }
        return n;
    }

    /**
     * The entries matching a Lucene query (fields: {@link TextFields#field()}), best first: what
     * the last committed write left, never a write under way.
     */
    List<Store.TextMatch> search(String luceneQuery, int limit) {
        Query query;
        try {
            query = new QueryParser(TextFields.LABEL.field(), index.getQueryAnalyzer()).parse(luceneQuery);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a text index query: " + luceneQuery, e);
        }
        try {
            searchers.maybeRefresh();
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Store.TextMatch> out = new ArrayList<>();
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    Document d = stored.document(hit.doc);
                    String subject = d.get(index.getDocDef().getEntityField());
                    for (TextFields kind : TextFields.values()) {
                        String text = d.get(kind.field());
                        if (text != null && subject != null && !subject.startsWith("_:")) {
                            String lang = d.get("lang");
                            Node literal = lang == null || lang.startsWith("^^") ? NodeFactory.createLiteralString(text)
                                    : NodeFactory.createLiteralLang(text, lang);
                            out.add(new Store.TextMatch(subject, kind, literal, hit.score));
                        }
                    }
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the text index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index.close();
    }

    /**
     * Words are runs of letters and digits (so "l'orto" holds "orto", and nothing of Lucene's
     * syntax survives in a word), in lower case without accents ("Città" is "citta"), English
     * plurals made singular. Prefix queries ("transit*") are normalised but not stemmed.
     */
    static final class WordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer words = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
            TokenStream s = new LowerCaseFilter(words);
            s = new ASCIIFoldingFilter(s);
            s = new EnglishMinimalStemFilter(s);
            return new TokenStreamComponents(words, s);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
