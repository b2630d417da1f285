package org.w3id.copgraph.directory;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every CoP as the directory needs it, computed once per data version (see {@link IndexReader}):
 * the cards' contents, each CoP's facet values as small integer ids (so filtering and counting
 * 10,000 CoPs is a pass over int arrays, not a query), the labels of everything a card names,
 * and the words each CoP can be found by when no text index answers.
 */
public final class DirectoryIndex {

    /** How a CoP meets, from {@code cop:meetingMode}. */
    public enum Mode { ONLINE, IN_PERSON, MIXED }

    /** A place where a CoP meets ({@code schema:location}). */
    public record Place(String iri, Texts labels, String locality, String country, Double latitude, Double longitude) {
    }

    /**
     * One CoP. {@code values} holds, per facet ordinal, the ids of its values in {@link #dictionary}
     * (sorted; the domain facet counts every broader domain too); freshness is not among them, it
     * depends on the day asked.
     */
    public record Entry(String iri, Texts names, Texts descriptions, List<String> domains, List<String> practices,
                        List<String> tools, List<String> organisations, List<Place> places, Mode mode,
                        List<String> languages, String status, LocalDate lastReviewed, int[][] values,
                        String[] ownWords, String[] relatedWords) {

        public boolean has(Facet f, int id) {
            return Arrays.binarySearch(values[f.ordinal()], id) >= 0;
        }
    }

    /**
     * The values one facet takes: a key for the address (a short name such as {@code permaculture}
     * when no other value of the facet shares it, else the full IRI), the IRI (null for plain
     * values such as a language code), and how the key, the IRI or a path on the host map to the id.
     */
    public static final class Dictionary {
        final List<String> keys = new ArrayList<>();
        final List<String> iris = new ArrayList<>();
        final Map<String, Integer> lookup = new HashMap<>();

        public int size() {
            return keys.size();
        }

        public String key(int id) {
            return keys.get(id);
        }

        /** The IRI of a value, or null for a plain value. */
        public String iri(int id) {
            return iris.get(id);
        }

        /** The id of a value given by key or IRI, or -1 when no CoP has it. */
        public int id(String keyOrIri) {
            Integer id = lookup.get(keyOrIri);
            return id == null ? -1 : id;
        }
    }

    private final List<Entry> entries;
    private final Map<Facet, Dictionary> dictionaries;
    private final Map<String, Texts> labels;
    private final Set<String> languages;
    private final Map<String, int[]> relatedEntries;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, int[]> nameOrders = new ConcurrentHashMap<>();
    private final Map<String, int[]> reviewedOrders = new ConcurrentHashMap<>();

    DirectoryIndex(List<Entry> entries, Map<Facet, Dictionary> dictionaries, Map<String, Texts> labels, Set<String> languages,
                   Map<String, int[]> relatedEntries) {
        this.entries = List.copyOf(entries);
        this.dictionaries = new EnumMap<>(dictionaries);
        this.labels = Map.copyOf(labels);
        this.languages = Set.copyOf(languages);
        this.relatedEntries = Map.copyOf(relatedEntries);
        for (int i = 0; i < this.entries.size(); i++) {
            positions.put(this.entries.get(i).iri(), i);
        }
    }

    /** The position of the CoP {@code iri} among {@link #entries}, or -1 when it is not a CoP. */
    public int positionOf(String iri) {
        Integer p = positions.get(iri);
        return p == null ? -1 : p;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Dictionary dictionary(Facet f) {
        return dictionaries.get(f);
    }

    /** The label of a resource a card names, in {@code lang} as {@link Texts#in} picks it; null when it has none. */
    public String label(String iri, String lang) {
        Texts t = labels.get(iri);
        return t == null ? null : t.in(lang);
    }

    /** The languages the graph's labels come in (not "" ), sorted. */
    public List<String> languages() {
        return languages.stream().sorted().toList();
    }

    /** The CoPs (entry positions) that name {@code iri} as a domain (or a narrower one), practice, tool, host, network or place. */
    public int[] entriesRelatedTo(String iri) {
        return relatedEntries.getOrDefault(iri, new int[0]);
    }

    /** Entry positions in name order for readers of {@code lang}; computed once per language. */
    public int[] byName(String lang) {
        return nameOrders.computeIfAbsent(lang, l -> {
            Collator collator = Collator.getInstance(Locale.forLanguageTag(l));
            collator.setStrength(Collator.SECONDARY);
            CollationKey[] keys = new CollationKey[entries.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = collator.getCollationKey(name(entries.get(i), l));
            }
            return sortedPositions(Comparator.<Integer, CollationKey>comparing(i -> keys[i])
                    .thenComparing(i -> entries.get(i).iri()));
        });
    }

    /** Entry positions, the most recently reviewed first, never reviewed last, then by name. */
    public int[] byReviewed(String lang) {
        return reviewedOrders.computeIfAbsent(lang, l -> {
            int[] byName = byName(l);
            int[] rank = new int[byName.length];
            for (int r = 0; r < byName.length; r++) {
                rank[byName[r]] = r;
            }
            return sortedPositions(Comparator.<Integer, LocalDate>comparing(i -> entries.get(i).lastReviewed(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparingInt(i -> rank[i]));
        });
    }

    /** A CoP's name for readers of {@code lang}; its IRI's last segment when it has no label. */
    public static String name(Entry e, String lang) {
        String n = e.names().in(lang);
        return n != null ? n : localName(e.iri());
    }

    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    private int[] sortedPositions(Comparator<Integer> order) {
        Integer[] positions = new Integer[entries.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        Arrays.sort(positions, order);
        return Arrays.stream(positions).mapToInt(Integer::intValue).toArray();
    }
}
