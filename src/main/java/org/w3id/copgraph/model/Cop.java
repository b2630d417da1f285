package org.w3id.copgraph.model;

/** Terms of the copgraph ontology and the standard vocabularies the code refers to by name. */
public final class Cop {

    public static final String ONTOLOGY = "https://w3id.org/copgraph/ontology";
    public static final String NS = ONTOLOGY + "#";

    public static final String CommunityOfPractice = NS + "CommunityOfPractice";
    public static final String CrossPollination = NS + "CrossPollination";
    public static final String Practice = NS + "Practice";

    // The directory and freshness (issue 14): where and how a CoP meets, its status, its last review.
    public static final String SCHEMA = "http://schema.org/";
    public static final String lastReviewed = NS + "lastReviewed";
    public static final String meetingMode = NS + "meetingMode";
    public static final String status = NS + "status";
    public static final String schemaLocation = SCHEMA + "location";
    public static final String schemaPlace = SCHEMA + "Place";
    public static final String schemaKnowsLanguage = SCHEMA + "knowsLanguage";
    public static final String schemaAddressLocality = SCHEMA + "addressLocality";
    public static final String schemaAddressCountry = SCHEMA + "addressCountry";
    public static final String schemaLatitude = SCHEMA + "latitude";
    public static final String schemaLongitude = SCHEMA + "longitude";
    public static final String onlineMode = SCHEMA + "OnlineEventAttendanceMode";
    public static final String offlineMode = SCHEMA + "OfflineEventAttendanceMode";
    public static final String mixedMode = SCHEMA + "MixedEventAttendanceMode";

    // The change log (curation).
    public static final String Change = NS + "Change";
    public static final String operation = NS + "operation";
    public static final String statementsAdded = NS + "statementsAdded";
    public static final String statementsRemoved = NS + "statementsRemoved";
    public static final String changedGraph = NS + "changedGraph";
    public static final String changedResource = NS + "changedResource";

    // Freshness: when a CoP was last confirmed accurate, and why one was removed.
    public static final String removalReason = NS + "removalReason";
    public static final String contactPerson = NS + "contactPerson";
    public static final String domain = NS + "domain";
    public static final String SourceGraph = NS + "SourceGraph";

    // Offers, needs and computed suggestions (issue 15).
    public static final String offers = NS + "offers";
    public static final String needs = NS + "needs";
    public static final String concerns = NS + "concerns";
    public static final String Suggestion = NS + "Suggestion";
    public static final String SuggestionReason = NS + "SuggestionReason";
    public static final String Suggested = NS + "Suggested";
    public static final String evidenceStatus = NS + "evidenceStatus";
    public static final String target = NS + "target";
    public static final String transferred = NS + "transferred";
    public static final String score = NS + "score";
    public static final String rank = NS + "rank";
    /** The method, and its revision, that wrote a derived graph (on the graph's own description). */
    public static final String derivedWith = NS + "derivedWith";
    public static final String reason = NS + "reason";
    public static final String reasonKind = NS + "reasonKind";
    public static final String via = NS + "via";

    /** SPARQL 1.1 Service Description, for what {@code /sparql} says about itself. */
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    /** W3C's unique IRIs for media formats, which SD's resultFormat points to. */
    public static final String FORMATS = "http://www.w3.org/ns/formats/";

    // Harvesting (linkeddata): event stream (LDES, TREE), fragments (Hydra), provenance (PROV).
    public static final String LDES = "https://w3id.org/ldes#";
    public static final String TREE = "https://w3id.org/tree#";
    public static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String ldesEventStream = LDES + "EventStream";
    public static final String ldesTimestampPath = LDES + "timestampPath";
    public static final String ldesVersionOfPath = LDES + "versionOfPath";
    public static final String ldesVersionDeletePath = LDES + "versionDeletePath";
    public static final String ldesVersionDeleteObject = LDES + "versionDeleteObject";
    public static final String treeNode = TREE + "Node";
    public static final String treeView = TREE + "view";
    public static final String treeMember = TREE + "member";
    public static final String treeRelation = TREE + "relation";
    public static final String treeGreaterThanOrEqualToRelation = TREE + "GreaterThanOrEqualToRelation";
    public static final String treePath = TREE + "path";
    public static final String treeValue = TREE + "value";
    public static final String treeNodeLink = TREE + "node";
    public static final String provGeneratedAtTime = PROV + "generatedAtTime";
    public static final String provQualifiedGeneration = PROV + "qualifiedGeneration";
    public static final String provGeneration = PROV + "Generation";
    public static final String provActivity = PROV + "activity";
    public static final String provAtTime = PROV + "atTime";
    public static final String hydraCollection = HYDRA + "Collection";
    public static final String hydraPartialCollectionView = HYDRA + "PartialCollectionView";
    public static final String hydraSearch = HYDRA + "search";
    public static final String hydraTemplate = HYDRA + "template";
    public static final String hydraVariableRepresentation = HYDRA + "variableRepresentation";
    public static final String hydraExplicitRepresentation = HYDRA + "ExplicitRepresentation";
    public static final String hydraMapping = HYDRA + "mapping";
    public static final String hydraVariable = HYDRA + "variable";
    public static final String hydraProperty = HYDRA + "property";
    public static final String hydraTotalItems = HYDRA + "totalItems";
    public static final String hydraItemsPerPage = HYDRA + "itemsPerPage";
    public static final String hydraFirst = HYDRA + "first";
    public static final String hydraNext = HYDRA + "next";
    public static final String hydraPrevious = HYDRA + "previous";
    public static final String foafPrimaryTopic = FOAF + "primaryTopic";

    /** Prefixes every curated query and page may assume; the editor preloads them too. */
    public static final java.util.Map<String, String> PREFIXES = java.util.Map.ofEntries(
            java.util.Map.entry("cop", NS),
            java.util.Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            java.util.Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
            java.util.Map.entry("owl", "http://www.w3.org/2002/07/owl#"),
            java.util.Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
            java.util.Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
            java.util.Map.entry("org", "http://www.w3.org/ns/org#"),
            java.util.Map.entry("foaf", "http://xmlns.com/foaf/0.1/"),
            java.util.Map.entry("schema", "http://schema.org/"),
            java.util.Map.entry("prov", "http://www.w3.org/ns/prov#"),
            java.util.Map.entry("dcterms", "http://purl.org/dc/terms/"),
            java.util.Map.entry("dcat", "http://www.w3.org/ns/dcat#"),
            java.util.Map.entry("void", "http://rdfs.org/ns/void#"),
            java.util.Map.entry("sh", "http://www.w3.org/ns/shacl#"),
            java.util.Map.entry("sioc", "http://rdfs.org/sioc/ns#"),
            java.util.Map.entry("essglobal", "http://purl.org/essglobal/vocab/"),
            java.util.Map.entry("vann", "http://purl.org/vocab/vann/"));

    private Cop() {
    }
}
