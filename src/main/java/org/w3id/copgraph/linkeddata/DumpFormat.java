package org.w3id.copgraph.linkeddata;

import java.util.Arrays;
import java.util.Locale;

import org.w3id.copgraph.Problem;

/**
 * The four dumps, each a file of {@code /dumps/}: N-Triples and N-Quads gzip-compressed (they are
 * the big line-based ones partners load with bulk loaders), Turtle and JSON-LD plain.
 */
public enum DumpFormat {
    NT("nt", "copgraph.nt.gz", "application/n-triples", true, false),
    TTL("ttl", "copgraph.ttl", "text/turtle", false, false),
    JSONLD("jsonld", "copgraph.jsonld", "application/ld+json", false, false),
    NQ("nq", "copgraph.nq.gz", "application/n-quads", true, true);

    /** The {@code --format} name. */
    public final String shortName;
    public final String fileName;
    /** The media type of the RDF inside (before compression). */
    public final String mediaType;
    public final boolean gzip;
    /** Whether the dump keeps the named graphs (N-Quads) or holds the union of them (triples). */
    public final boolean quads;

    DumpFormat(String shortName, String fileName, String mediaType, boolean gzip, boolean quads) {
        this.shortName = shortName;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.gzip = gzip;
        this.quads = quads;
    }

    /** What the file is served as: gzip files as application/gzip, so clients keep the bytes as they are. */
    public String contentType() {
        return gzip ? "application/gzip" : mediaType + (mediaType.startsWith("text/") ? "; charset=utf-8" : "");
    }

    public static DumpFormat byShortName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.shortName.equals(n)).findFirst()
                .orElseThrow(() -> Problem.badRequest("unknown-format", "Unknown dump format '" + name
                        + "'; use one of nt, ttl, jsonld, nq."));
    }

    /** The format a file name asks for by its ending ({@code .nt.gz}, {@code .ttl}, {@code .jsonld}, {@code .nq.gz}), or null. */
    public static DumpFormat byEnding(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> n.endsWith(f.fileName.substring("copgraph".length()))).findFirst().orElse(null);
    }

    /** The ending a file of this format has, e.g. {@code .nq.gz}. */
    public String ending() {
        return fileName.substring("copgraph".length());
    }

    public static DumpFormat byFileName(String name) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(name)).findFirst()
                .orElseThrow(() -> Problem.notFound("no-such-dump", "There is no dump '" + name + "'; the dumps are "
                        + String.join(", ", Arrays.stream(values()).map(f -> "/dumps/" + f.fileName).toList()) + "."));
    }
}
