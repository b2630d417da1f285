package org.w3id.copgraph.network;

import java.util.Arrays;
import java.util.Locale;

import org.w3id.copgraph.Problem;

/** The file formats a network can be exported in. */
public enum ExportFormat {
    GRAPHML("graphml", "application/graphml+xml", "GraphML 1.0 (yEd, Gephi, NetworkX, igraph)"),
    GEXF("gexf", "application/gexf+xml", "GEXF 1.3 (Gephi)"),
    CSV("csv", "text/csv", "CSV node and edge tables (Gephi's spreadsheet import, R, pandas)"),
    JSON("json", "application/json", "Cytoscape JSON (Cytoscape desktop, Cytoscape.js)"),
    KUMU("kumu.json", "application/json", "Kumu blueprint (kumu.io: Import, JSON)");

    public final String extension;
    public final String mediaType;
    public final String description;

    ExportFormat(String extension, String mediaType, String description) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.description = description;
    }

    public static ExportFormat parse(String value) {
        for (ExportFormat f : values()) {
            if (f.extension.equals(value.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw Problem.badRequest("unknown-format", "Unknown export format '" + value + "'; use one of "
                + String.join(", ", Arrays.stream(values()).map(f -> f.extension).toList()) + ".");
    }
}
