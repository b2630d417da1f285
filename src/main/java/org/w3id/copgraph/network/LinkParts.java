package org.w3id.copgraph.network;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The links of the facts as the parts {@link FactsJoin} made them in (cross-pollinations, their
 * bare shortcuts, the other ties), read in order without being copied into one list. A change of
 * one statement remakes one part; the others are the very objects of the facts before it, so the
 * 236,000 links of 10,000 CoPs are not copied per change, and {@link Around} keeps its index of
 * each unchanged part.
 */
final class LinkParts extends AbstractList<Link> implements RandomAccess {

    private final List<List<Link>> parts;
    private final int[] starts;
    private final int size;

    /** {@code parts} must not change afterwards (they are a making's stages, never changed once made). */
    LinkParts(List<List<Link>> parts) {
        this.parts = List.copyOf(parts);
        this.starts = new int[parts.size()];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            starts[i] = at;
            at += parts.get(i).size();
        }
        this.size = at;
    }

    List<List<Link>> parts() {
        return parts;
    }

    /** The position of part {@code i}'s first link in the whole. */
    int start(int i) {
        return starts[i];
    }

    @Override
    public Link get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int p = parts.size() - 1;
        while (starts[p] > index) {
            p--;
        }
        return parts.get(p).get(index - starts[p]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public java.util.Iterator<Link> iterator() {
        // Part by part, without the search get() makes for each position.
        return parts.stream().flatMap(List::stream).iterator();
    }

    @Override
    public void forEach(java.util.function.Consumer<? super Link> action) {
        for (List<Link> part : parts) {
            part.forEach(action);
        }
    }
}
