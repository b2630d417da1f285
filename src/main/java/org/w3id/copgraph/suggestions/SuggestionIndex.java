package org.w3id.copgraph.suggestions;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Everything the suggestions rest on, read once per data version (see {@link IndexReader}) and
 * held as small int arrays, so that ranking one CoP's candidates is a walk over posting lists,
 * never a query. Every resource mentioned ("thing": a CoP, domain, practice, person...) has an
 * int id; CoPs also have a position {@code 0..copCount-1}. Each fact keeps the named graph it
 * came from, for the reasons' sources.
 */
public final class SuggestionIndex {

    /** How a person, organisation or event is tied to a CoP (for "who could introduce them"). */
    public enum Tie {
        MEMBER("is a member of %s"),
        CONTACT("is the contact person of %s"),
        HOST("hosts %s"),
        MEMBER_OF("has %s as a member"),
        HOST_MEMBER("is a member of %2$s, which hosts %1$s"),
        NETWORK("has %s in its network"),
        ECOSYSTEM("has %s in its ecosystem"),
        EVENT("had %s taking part"),
        EXCHANGE("exchanged with %s"),
        // Only proposed (a session's plans, say): told as such, and no one is an introducer through them.
        PROPOSED_MEMBER("is proposed as a member of %s"),
        PROPOSED_MEMBER_OF("is proposed to have %s as a member"),
        PROPOSED_EXCHANGE("was proposed to exchange with %s");

        private final String pattern;

        Tie(String pattern) {
            this.pattern = pattern;
        }

        /** The tie as words: {@code cop} and, for a host member, the host's label. */
        String describe(String cop, String host) {
            return String.format(pattern, cop, host);
        }

        /** Whether the tie makes the contact someone who knows the CoP (rather than a wide circle around it). */
        boolean direct() {
            return this == MEMBER || this == CONTACT || this == HOST || this == MEMBER_OF || this == HOST_MEMBER;
        }
    }

    /**
     * One kind of fact about every CoP: per CoP position the sorted thing ids, with parallel
     * arrays of the source graph id, a detail (the tie, the need or offer resource, a link's
     * status) and a second detail (a host member's host); and per thing id the CoPs that have it.
     */
    public static final class Facet {
        final int[][] values;
        final int[][] graphs;
        final int[][] detail;
        final int[][] via;
        final int[][] postings;

        Facet(int[][] values, int[][] graphs, int[][] detail, int[][] via, int[][] postings) {
            this.values = values;
            this.graphs = graphs;
            this.detail = detail;
            this.via = via;
            this.postings = postings;
        }

        int[] of(int cop) {
            return values[cop];
        }

        /** Where {@code thing} is among the CoP's values, or a negative number. */
        int find(int cop, int thing) {
            return Arrays.binarySearch(values[cop], thing);
        }

        boolean has(int cop, int thing) {
            return find(cop, thing) >= 0;
        }

        /** The CoP positions that have {@code thing}. */
        int[] copsWith(int thing) {
            int[] p = thing < postings.length ? postings[thing] : null;
            return p == null ? EMPTY : p;
        }

        int count(int thing) {
            return copsWith(thing).length;
        }
    }

    static final int[] EMPTY = new int[0];

    /** A link's status in {@link #links}'s detail: taken up (reported, observed, or not said) or only proposed. */
    static final int TAKEN_UP = 0;
    static final int PROPOSED = 1;

    final String[] things;
    final Map<String, Integer> ids;
    final String[] labels;
    final boolean[] persons;
    final String[] graphs;
    final int[] cops;
    final int[] copPosition;
    final LocalDate[] reviewed;
    final int[] reviewedGraph;
    final Facet domains;
    final Facet practices;
    final Facet tools;
    final Facet needs;
    final Facet offers;
    final Facet contacts;
    final Facet links;
    final int[][] broader;
    final int[][] narrower;
    final int[][] related;
    final Map<Integer, String> descriptions;
    final Object version;

    SuggestionIndex(String[] things, Map<String, Integer> ids, String[] labels, boolean[] persons, String[] graphs, int[] cops,
                    LocalDate[] reviewed, int[] reviewedGraph, Facet domains, Facet practices, Facet tools, Facet needs,
                    Facet offers, Facet contacts, Facet links, int[][] broader, int[][] narrower, int[][] related,
                    Map<Integer, String> descriptions, Object version) {
        this.things = things;
        this.ids = ids;
        this.labels = labels;
        this.persons = persons;
        this.graphs = graphs;
        this.cops = cops;
        this.reviewed = reviewed;
        this.reviewedGraph = reviewedGraph;
        this.domains = domains;
        this.practices = practices;
        this.tools = tools;
        this.needs = needs;
        this.offers = offers;
        this.contacts = contacts;
        this.links = links;
        this.broader = broader;
        this.narrower = narrower;
        this.related = related;
        this.descriptions = descriptions;
        this.version = version;
        this.copPosition = new int[things.length];
        Arrays.fill(copPosition, -1);
        for (int i = 0; i < cops.length; i++) {
            copPosition[cops[i]] = i;
        }
    }

    /** How many CoPs there are. */
    public int copCount() {
        return cops.length;
    }

    /** The IRI of the CoP at {@code position}. */
    public String copIri(int position) {
        return things[cops[position]];
    }

    /** The position of the CoP {@code iri}, or -1 when it is not a CoP. */
    public int positionOf(String iri) {
        Integer id = ids.get(iri);
        return id == null ? -1 : copPosition[id];
    }

    /** Whether {@code iri} is mentioned at all (a CoP, person, organisation, domain...). */
    public boolean knows(String iri) {
        return ids.containsKey(iri);
    }

    /** Whether {@code iri} is a person (typed foaf:Person or schema:Person). */
    boolean isPerson(String iri) {
        Integer id = ids.get(iri);
        return id != null && persons[id];
    }

    /** The data version the index was read at. */
    public Object version() {
        return version;
    }

    String label(int thing) {
        String l = labels[thing];
        return l != null ? l : localName(things[thing]);
    }

    String copLabel(int position) {
        return label(cops[position]);
    }

    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** The CoPs (positions) {@code thing} is a contact of: a person's or organisation's CoPs. */
    int[] copsOfContact(String iri) {
        Integer id = ids.get(iri);
        return id == null ? EMPTY : contacts.copsWith(id);
    }

    /** Whether the CoPs at {@code a} and {@code b} have a cross-pollination either way; -1 none, else its status. */
    int linkStatus(int a, int b) {
        int at = links.find(a, cops[b]);
        return at < 0 ? -1 : links.detail[a][at];
    }
}
