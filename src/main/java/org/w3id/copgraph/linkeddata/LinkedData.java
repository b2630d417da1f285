package org.w3id.copgraph.linkeddata;

import java.nio.file.Path;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * Dereferencing: descriptions of resources and source graphs, the ontology document, the
 * documents they are written as, and the sitemap of every resource. Built once per copgraph
 * instance, as the other features are, so the web layer and tests use the same objects.
 */
public final class LinkedData {

    private final ResourceDescriptions descriptions;
    private final Documents documents;
    private final OntologyDocument ontology;
    private final Sitemap sitemap;
    private final MurmurationsProfile murmurations;

    public LinkedData(Store store, Iris iris, Path contextFile, long queryTimeoutMillis) {
        this.descriptions = new ResourceDescriptions(store, iris, queryTimeoutMillis);
        this.documents = new Documents(new JsonLdCompaction(contextFile));
        this.ontology = new OntologyDocument(store, iris, queryTimeoutMillis);
        this.sitemap = new Sitemap(store, iris, queryTimeoutMillis);
        this.murmurations = new MurmurationsProfile(store);
    }

    public ResourceDescriptions descriptions() {
        return descriptions;
    }

    public Documents documents() {
        return documents;
    }

    public OntologyDocument ontology() {
        return ontology;
    }

    public Sitemap sitemap() {
        return sitemap;
    }

    public MurmurationsProfile murmurations() {
        return murmurations;
    }
}
