package org.w3id.copgraph.linkeddata;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Cop;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.store.VersionedCache;

/**
 * Triple Pattern Fragments over the union of the named graphs (what {@code /sparql} sees as its
 * default graph): the triples matching one pattern, a page at a time, with the Hydra controls
 * (search template, paging) and a count that Linked Data Fragments clients such as Comunica use
 * to plan queries. The data sits in the default graph of the answer and the controls in a
 * metadata graph whose {@code foaf:primaryTopic} is the fragment, as the specification's TriG
 * and N-Quads forms have it.
 */
public final class Fragments {

    public static final int PAGE_SIZE = 100;

    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");
    private static final Query MATCH = QueryFactory.create("SELECT ?s ?p ?o WHERE { ?s ?p ?o }");
    private static final Query COUNT = QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");

    private final Store store;
    private final long timeoutMillis;
    /** Counts are exact but cost a scan: kept per data version and pattern. */
    private final VersionedCache<Pattern, Long> counts;

    public Fragments(Store store, long timeoutMillis) {
        this.store = store;
        this.timeoutMillis = timeoutMillis;
        this.counts = VersionedCache.ofSize(store, 10_000);
    }

    /** A triple pattern; a null term is a variable. */
    public record Pattern(Node subject, Node predicate, Node object) {
    }

    /**
     * Reads the {@code subject}, {@code predicate} and {@code object} parameters (Hydra's explicit
     * representation: IRIs as they are, literals quoted with an optional {@code @lang} or
     * {@code ^^datatype}; empty or {@code ?name} for a variable).
     */
    public static Pattern pattern(String subject, String predicate, String object) {
        Node s = term("subject", subject, false);
        Node p = term("predicate", predicate, false);
        Node o = term("object", object, true);
        return new Pattern(s, p, o);
    }

    private static Node term(String name, String value, boolean literalAllowed) {
        if (value == null || value.isBlank() || value.startsWith("?")) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("\"")) {
            if (!literalAllowed) {
                throw Problem.badRequest("bad-" + name, "The " + name + " cannot be a literal; give an IRI or leave it empty.");
            }
            return literal(name, v);
        }
        if (v.startsWith("_:")) {
            throw Problem.badRequest("bad-" + name, "Blank nodes cannot be looked up; leave the " + name + " empty instead.");
        }
        if (v.startsWith("<") && v.endsWith(">")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!IRIs.check(v) || !v.contains(":")) {
            throw Problem.badRequest("bad-" + name, "The " + name + " '" + value + "' is not an absolute IRI (or a quoted"
                    + " literal such as \"Transition\"@en for the object).");
        }
        return NodeFactory.createURI(v);
    }

    private static Node literal(String name, String v) {
        int end = v.lastIndexOf('"');
        if (end <= 0) {
            throw Problem.badRequest("bad-" + name, "The literal " + v + " lacks its closing quote.");
        }
        String lex = v.substring(1, end);
        String rest = v.substring(end + 1);
        if (rest.isEmpty()) {
            return NodeFactory.createLiteralString(lex);
        }
        if (rest.startsWith("@")) {
            return NodeFactory.createLiteralLang(lex, rest.substring(1));
        }
        if (rest.startsWith("^^")) {
            String dt = rest.substring(2);
            if (dt.startsWith("<") && dt.endsWith(">")) {
                dt = dt.substring(1, dt.length() - 1);
            }
            if (dt.equals(XSDDatatype.XSDstring.getURI())) {
                return NodeFactory.createLiteralString(lex);
            }
            return NodeFactory.createLiteralDT(lex, TypeMapper.getInstance().getSafeTypeByName(dt));
        }
        throw Problem.badRequest("bad-" + name, "After the literal's closing quote comes @lang, ^^datatype or nothing;"
                + " got '" + rest + "'.");
    }

    /**
     * One page (from 1) of the fragment for {@code pattern}.
     *
     * @param fragmentUrl the URL the client asked for (the fragment's identity, as the client knows it)
     * @param site        where the fragments are served, e.g. {@code http://localhost:8080}
     */
    public DatasetGraph fragment(Pattern pattern, long page, String fragmentUrl, String site) {
        if (page < 1) {
            throw Problem.badRequest("bad-page", "page counts from 1; got " + page + ".");
        }
        Binding binding = binding(pattern);
        List<Triple> triples = new ArrayList<>();
        Query q = MATCH.cloneQuery();
        q.setLimit(PAGE_SIZE);
        q.setOffset((page - 1) * PAGE_SIZE);
        store.query(q, binding, timeoutMillis, exec -> {
            exec.select().forEachRemaining(row -> triples.add(Triple.create(
                    pattern.subject() != null ? pattern.subject() : row.get(S),
                    pattern.predicate() != null ? pattern.predicate() : row.get(P),
                    pattern.object() != null ? pattern.object() : row.get(O))));
            return null;
        });
        long total = count(pattern, binding);

        DatasetGraph out = DatasetGraphFactory.createGeneral();
        out.prefixes().putAll(java.util.Map.of("hydra", Cop.HYDRA, "void", VOID.NS, "rdf", RDF.getURI(),
                "dcterms", DCTerms.NS, "foaf", Cop.FOAF, "xsd", XSDDatatype.XSD + "#"));
        triples.forEach(out.getDefaultGraph()::add);

        Node fragment = uri(fragmentUrl);
        Graph meta = out.getGraph(uri(fragmentUrl + "#metadata"));
        meta.add(uri(fragmentUrl + "#metadata"), uri(Cop.foafPrimaryTopic), fragment);
        Node dataset = uri(site + "/fragments#dataset");
        meta.add(dataset, RDF.type.asNode(), VOID.Dataset.asNode());
        meta.add(dataset, RDF.type.asNode(), uri(Cop.hydraCollection));
        meta.add(dataset, VOID.subset.asNode(), fragment);
        Node search = uri(site + "/fragments#triplePattern");
        meta.add(dataset, uri(Cop.hydraSearch), search);
        meta.add(search, uri(Cop.hydraTemplate), NodeFactory.createLiteralString(site + "/fragments{?subject,predicate,object}"));
        meta.add(search, uri(Cop.hydraVariableRepresentation), uri(Cop.hydraExplicitRepresentation));
        mapping(meta, search, site, "subject", RDF.subject.asNode());
        mapping(meta, search, site, "predicate", RDF.predicate.asNode());
        mapping(meta, search, site, "object", RDF.object.asNode());

        meta.add(fragment, RDF.type.asNode(), uri(Cop.hydraPartialCollectionView));
        meta.add(fragment, DCTerms.source.asNode(), dataset);
        meta.add(fragment, uri(Cop.hydraTotalItems), integer(total));
        meta.add(fragment, VOID.triples.asNode(), integer(total));
        meta.add(fragment, uri(Cop.hydraItemsPerPage), integer(PAGE_SIZE));
        meta.add(fragment, uri(Cop.hydraFirst), uri(pageUrl(site, pattern, 1)));
        if (page > 1) {
            meta.add(fragment, uri(Cop.hydraPrevious), uri(pageUrl(site, pattern, page - 1)));
        }
        if (page * PAGE_SIZE < total) {
            meta.add(fragment, uri(Cop.hydraNext), uri(pageUrl(site, pattern, page + 1)));
        }
        return out;
    }

    private long count(Pattern pattern, Binding binding) {
        return counts.get(pattern, k -> store.query(COUNT, binding, timeoutMillis,
                exec -> Long.parseLong(exec.select().next().get("n").getLiteralLexicalForm())));
    }

    private static Binding binding(Pattern pattern) {
        BindingBuilder b = BindingBuilder.create();
        if (pattern.subject() != null) {
            b.add(S, pattern.subject());
        }
        if (pattern.predicate() != null) {
            b.add(P, pattern.predicate());
        }
        if (pattern.object() != null) {
            b.add(O, pattern.object());
        }
        return b.build();
    }

    private static void mapping(Graph meta, Node search, String site, String variable, Node property) {
        Node m = uri(site + "/fragments#" + variable);
        meta.add(search, uri(Cop.hydraMapping), m);
        meta.add(m, uri(Cop.hydraVariable), NodeFactory.createLiteralString(variable));
        meta.add(m, uri(Cop.hydraProperty), property);
    }

    /** The URL of a page of a pattern's fragment, in the explicit representation of the search template. */
    public static String pageUrl(String site, Pattern pattern, long page) {
        StringBuilder url = new StringBuilder(site).append("/fragments");
        String sep = "?";
        for (String[] kv : new String[][] {{"subject", explicit(pattern.subject())},
                {"predicate", explicit(pattern.predicate())}, {"object", explicit(pattern.object())}}) {
            if (kv[1] != null) {
                url.append(sep).append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        if (page > 1) {
            url.append(sep).append("page=").append(page);
        }
        return url.toString();
    }

    private static String explicit(Node n) {
        if (n == null) {
            return null;
        }
        if (n.isURI()) {
            return n.getURI();
        }
        String lex = "\"" + n.getLiteralLexicalForm() + "\"";
        if (!n.getLiteralLanguage().isEmpty()) {
            return lex + "@" + n.getLiteralLanguage();
        }
        String dt = n.getLiteralDatatypeURI();
        return dt == null || dt.equals(XSDDatatype.XSDstring.getURI()) ? lex : lex + "^^" + dt;
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
