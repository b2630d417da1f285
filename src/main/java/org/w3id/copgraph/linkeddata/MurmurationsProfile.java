package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;

/**
 * A CoP or organisation as a Murmurations profile for the {@code organizations_schema-v1.0.0}
 * schema (MurmurationsNetwork/MurmurationsLibrary, schemas/organizations_schema-v1.0.0.json):
 * {@code linked_schemas} and {@code name} (the schema's required fields), {@code primary_url},
 * {@code urls}, {@code description}, {@code tags}, {@code geolocation}, {@code country_iso_3166},
 * {@code full_address}, {@code image} and {@code relationships}.
 *
 * <p>The primary URL is the resource's canonical IRI: it is what identifies it for good (a web
 * site, if the data has one, is among {@code urls}). A relationship's {@code object_url} is the
 * related resource's canonical IRI, which is that resource's own primary URL, so an aggregator
 * joins the profiles. Predicates are schema.org's where one fits (member, memberOf,
 * parentOrganization, subOrganization), else the copgraph ontology's own term IRI.
 * The organizations schema has no offers or needs: they are not in the profile.
 */
public final class MurmurationsProfile {

    public static final String SCHEMA = "organizations_schema-v1.0.0";

    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String ORG = "http://www.w3.org/ns/org#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String S = Cop.SCHEMA;

    /** The types that make a resource an organisation in Murmurations' sense (a group, project or organisation). */
    private static final Set<String> ORGANISATIONS = Set.of(Cop.CommunityOfPractice, ORG + "Organization", ORG + "FormalOrganization",
            ORG + "OrganizationalUnit", ORG + "OrganizationalCollaboration", FOAF + "Organization", FOAF + "Group", S + "Organization");
    /** What a relationship may point at: agents, which have profiles of their own (people in the people schema). */
    private static final Set<String> AGENTS;

    static {
        Set<String> agents = new java.util.HashSet<>(ORGANISATIONS);
        agents.addAll(Set.of(FOAF + "Person", S + "Person", FOAF + "Agent", "http://www.w3.org/ns/prov#Agent"));
        AGENTS = Set.copyOf(agents);
    }

    /** Statements from the resource to an agent, as relationships: the predicate URL for each property. */
    private static final Map<String, String> OUTGOING = Map.ofEntries(
            Map.entry(ORG + "memberOf", S + "memberOf"),
            Map.entry(ORG + "hasMember", S + "member"),
            Map.entry(FOAF + "member", S + "member"),
            Map.entry(ORG + "subOrganizationOf", S + "parentOrganization"),
            Map.entry(ORG + "unitOf", S + "parentOrganization"),
            Map.entry(ORG + "hasSubOrganization", S + "subOrganization"),
            Map.entry(ORG + "hasUnit", S + "subOrganization"),
            Map.entry(Cop.NS + "hostedBy", Cop.NS + "hostedBy"),
            Map.entry(Cop.NS + "hosts", Cop.NS + "hosts"),
            Map.entry(Cop.NS + "inNetwork", Cop.NS + "inNetwork"),
            Map.entry(Cop.NS + "partOfEcosystem", Cop.NS + "partOfEcosystem"),
            Map.entry(Cop.NS + "crossPollinatedBy", Cop.NS + "crossPollinatedBy"),
            Map.entry(Cop.NS + "coordinator", Cop.NS + "coordinator"),
            Map.entry(Cop.NS + "contactPerson", Cop.NS + "contactPerson"),
            Map.entry(S + "funder", S + "funder"));
    /** Statements from an agent to the resource, read the other way round. */
    private static final Map<String, String> INCOMING = Map.of(
            ORG + "memberOf", S + "member",
            ORG + "subOrganizationOf", S + "subOrganization",
            ORG + "unitOf", S + "subOrganization",
            Cop.NS + "hostedBy", Cop.NS + "hosts",
            Cop.NS + "hosts", Cop.NS + "hostedBy");

    private final Store store;

    public MurmurationsProfile(Store store) {
        this.store = store;
    }

    /**
     * @param pageOf the address of a resource's page on this server, listed among {@code urls}
     * @throws Problem 404 for a resource with no statements, 406 for one that is not a CoP or organisation
     */
    public Map<String, Object> of(String iri, Function<String, String> pageOf) {
        return store.readUnion(g -> profile(g, NodeFactory.createURI(iri), pageOf));
    }

    private static Map<String, Object> profile(Graph g, Node r, Function<String, String> pageOf) {
        if (!g.contains(r, Node.ANY, Node.ANY)) {
            throw Problem.notFound("unknown-resource", "Nothing about " + r.getURI() + " in the graph.");
        }
        if (types(g, r).stream().noneMatch(ORGANISATIONS::contains)) {
            throw Problem.notAcceptable("A Murmurations profile (" + SCHEMA + ") is offered for CoPs and organisations only; "
                    + "ask for this resource as HTML, Turtle or JSON-LD instead.");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("linked_schemas", List.of(SCHEMA));
        p.put("name", text(g, r, RDFS + "label", S + "name", FOAF + "name", SKOS + "prefLabel", DCT + "title")
                .orElse(localName(r.getURI())));
        text(g, r, S + "alternateName", SKOS + "altLabel").filter(n -> !n.equals(p.get("name"))).ifPresent(n -> p.put("nickname", n));
        p.put("primary_url", r.getURI());
        List<Map<String, String>> urls = new ArrayList<>();
        urls.add(pair("name", "copgraph", "url", pageOf.apply(r.getURI())));
        for (String site : iris(g, r, FOAF + "homepage", S + "url")) {
            if (site.matches("^https?://.*")) {
                urls.add(pair("name", "website", "url", site));
            }
        }
        p.put("urls", urls);
        text(g, r, DCT + "description", S + "description", RDFS + "comment").ifPresent(d -> p.put("description", d));
        Set<String> tags = new TreeSet<>();
        for (String prop : List.of(Cop.NS + "domain", Cop.NS + "hasPractice", Cop.NS + "usesTool")) {
            for (String t : iris(g, r, prop)) {
                tags.add(text(g, NodeFactory.createURI(t), SKOS + "prefLabel", RDFS + "label", S + "name").orElse(localName(t)));
            }
        }
        if (types(g, r).contains(Cop.CommunityOfPractice)) {
            tags.add("community of practice");
        }
        p.put("tags", List.copyOf(tags));
        place(g, r, p);
        List<String> images = iris(g, r, S + "image", S + "logo", FOAF + "logo", FOAF + "depiction");
        images.stream().filter(i -> i.matches("^https?://.*")).findFirst().ifPresent(i -> p.put("image", i));
        List<Map<String, String>> relationships = relationships(g, r);
        if (!relationships.isEmpty()) {
            p.put("relationships", relationships);
        }
        return p;
    }

    /** Coordinates, country and address: of the resource itself, else of its location or address. */
    private static void place(Graph g, Node r, Map<String, Object> p) {
        List<Node> where = new ArrayList<>();
        where.add(r);
        for (String prop : List.of(S + "location", S + "address", S + "geo")) {
            g.find(r, NodeFactory.createURI(prop), Node.ANY).forEachRemaining(t -> where.add(t.getObject()));
        }
        Double lat = null;
        Double lon = null;
        String country = null;
        String locality = null;
        for (Node w : where) {
            if (w.isLiteral()) {
                continue;
            }
            if (lat == null || lon == null) {
                Double a = number(g, w, S + "latitude");
                Double b = number(g, w, S + "longitude");
                if (a != null && b != null && Math.abs(a) <= 90 && Math.abs(b) <= 180) {
                    lat = a;
                    lon = b;
                }
            }
            if (country == null) {
                country = literal(g, w, S + "addressCountry");
            }
            if (locality == null) {
                locality = literal(g, w, S + "addressLocality");
            }
        }
        if (lat != null) {
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("lat", lat);
            geo.put("lon", lon);
            p.put("geolocation", geo);
        }
        if (country != null && country.trim().matches("[A-Za-z]{2}")) {
            p.put("country_iso_3166", country.trim().toUpperCase(Locale.ROOT));
        }
        String address = String.join(", ", java.util.stream.Stream.of(locality, country).filter(s -> s != null && !s.isBlank()).toList());
        if (!address.isEmpty()) {
            p.put("full_address", address);
        }
    }

    private static List<Map<String, String>> relationships(Graph g, Node r) {
        Set<List<String>> seen = new LinkedHashSet<>();
        g.find(r, Node.ANY, Node.ANY).forEachRemaining(t -> {
            String to = OUTGOING.get(t.getPredicate().getURI());
            if (to != null && isAgent(g, t.getObject())) {
                seen.add(List.of(to, t.getObject().getURI()));
            }
        });
        g.find(Node.ANY, Node.ANY, r).forEachRemaining(t -> {
            String to = INCOMING.get(t.getPredicate().getURI());
            if (to != null && isAgent(g, t.getSubject())) {
                seen.add(List.of(to, t.getSubject().getURI()));
            }
        });
        // W3C ORG memberships: (membership org:member m; org:organization o), either end being this resource.
        Node member = NodeFactory.createURI(ORG + "member");
        Node organization = NodeFactory.createURI(ORG + "organization");
        for (Triple t : g.find(Node.ANY, organization, r).toList()) {
            g.find(t.getSubject(), member, Node.ANY).forEachRemaining(m -> {
                if (isAgent(g, m.getObject())) {
                    seen.add(List.of(S + "member", m.getObject().getURI()));
                }
            });
        }
        for (Triple t : g.find(Node.ANY, member, r).toList()) {
            g.find(t.getSubject(), organization, Node.ANY).forEachRemaining(o -> {
                if (isAgent(g, o.getObject())) {
                    seen.add(List.of(S + "memberOf", o.getObject().getURI()));
                }
            });
        }
        List<List<String>> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        return sorted.stream().map(l -> pair("predicate_url", l.get(0), "object_url", l.get(1))).toList();
    }

    private static boolean isAgent(Graph g, Node n) {
        return n.isURI() && n.getURI().matches("^https?://.*") && types(g, n).stream().anyMatch(AGENTS::contains);
    }

    private static Set<String> types(Graph g, Node n) {
        Set<String> out = new java.util.HashSet<>();
        g.find(n, NodeFactory.createURI(RDF_TYPE), Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) {
                out.add(t.getObject().getURI());
            }
        });
        return out;
    }

    /** The best text of the first property that has one: English, then no language, then any; shortest among equals. */
    private static java.util.Optional<String> text(Graph g, Node r, String... props) {
        for (String prop : props) {
            String best = null;
            int bestRank = Integer.MAX_VALUE;
            for (Triple t : g.find(r, NodeFactory.createURI(prop), Node.ANY).toList()) {
                if (!t.getObject().isLiteral()) {
                    continue;
                }
                String lang = t.getObject().getLiteralLanguage();
                int rank = lang.equals("en") || lang.startsWith("en-") ? 0 : lang.isEmpty() ? 1 : 2;
                String s = t.getObject().getLiteralLexicalForm();
                if (rank < bestRank || rank == bestRank && s.compareTo(best) < 0) {
                    best = s;
                    bestRank = rank;
                }
            }
            if (best != null) {
                return java.util.Optional.of(best);
            }
        }
        return java.util.Optional.empty();
    }

    private static String literal(Graph g, Node r, String prop) {
        return g.find(r, NodeFactory.createURI(prop), Node.ANY).toList().stream().filter(t -> t.getObject().isLiteral())
                .map(t -> t.getObject().getLiteralLexicalForm()).sorted().findFirst().orElse(null);
    }

    private static Double number(Graph g, Node r, String prop) {
        String s = literal(g, r, prop);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** IRI objects of the properties, sorted, so that a profile is the same every time. */
    private static List<String> iris(Graph g, Node r, String... props) {
        Set<String> out = new TreeSet<>();
        for (String prop : props) {
            g.find(r, NodeFactory.createURI(prop), Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI()) {
                    out.add(t.getObject().getURI());
                }
            });
        }
        return List.copyOf(out);
    }

    /** Two fields in the order given, as the schema lists them. */
    private static Map<String, String> pair(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }
}
