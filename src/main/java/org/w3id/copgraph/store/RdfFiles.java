package org.w3id.copgraph.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.w3id.copgraph.ErrorText;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.model.Iris;

/**
 * Reads RDF files into an in-memory dataset, ready to be checked and then loaded. Quad formats
 * (TriG, N-Quads, JSON-LD with graphs) must put every statement in a named graph: the graph is
 * the statement's provenance. A triple format (Turtle, N-Triples, RDF/XML) goes into the graph
 * {@code {base}graph/{file name without extension}}.
 */
public final class RdfFiles {

    /** The deepest JSON-LD nesting read; real documents stay within a few dozen levels. */
    public static final int MAX_JSON_DEPTH = 100;

    private RdfFiles() {
    }

    /** The RDF files named, with directories expanded to the RDF files in them, in name order. */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    // A JSON-LD context (ontology/context.jsonld) is for partners' parsers, not data.
                    s.filter(f -> Files.isRegularFile(f) && langOf(f) != null
                                    && !f.getFileName().toString().equals("context.jsonld"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (!Files.isRegularFile(p)) {
                throw Problem.badRequest("no-such-file", "No such file: " + p);
            } else {
                files.add(p);
            }
        }
        return files;
    }

    public static DatasetGraph read(List<Path> paths, Iris iris) {
        DatasetGraph target = DatasetGraphFactory.create();
        for (Path file : expand(paths)) {
            readInto(target, file, iris);
        }
        return target;
    }

    public static void readInto(DatasetGraph target, Path file, Iris iris) {
        parseInto(org.apache.jena.riot.system.StreamRDFLib.dataset(target), file, iris);
    }

    /**
     * Refuses, before anything is read, a file whose name says no RDF format we read: what can be
     * checked without parsing is checked first, so a bad argument costs nothing.
     */
    public static void requireKnownFormats(List<Path> files) {
        for (Path file : files) {
            if (langOf(file) == null) {
                throw Problem.badRequest("unknown-format", file + ": not an RDF file name (use .ttl, .trig, .nt, .nq, .jsonld or .rdf)");
            }
        }
    }

    /**
     * Parses the files one after the other into {@code sink} as quads, by the same rules as
     * {@link #read(List, Iris)}, without holding them in memory: for loads too large for that.
     * Does not call {@code start()} or {@code finish()} on the sink.
     */
    public static void stream(List<Path> files, Iris iris, StreamRDF sink) {
        for (Path file : files) {
            parseInto(sink, file, iris);
        }
    }

    private static void parseInto(StreamRDF sink, Path file, Iris iris) {
        Lang lang = langOf(file);
        if (lang == null) {
            throw Problem.badRequest("unknown-format", file + ": not an RDF file name (use .ttl, .trig, .nt, .nq, .jsonld or .rdf)");
        }
        String name = file.getFileName().toString();
        // A quad format names its graphs itself; a triple format's statements go into the file's graph.
        Node fileGraph = RDFLanguages.isQuads(lang) ? null
                : NodeFactory.createURI(iris.graph(name.substring(0, name.lastIndexOf('.'))));
        try (var in = Files.newInputStream(file)) {
            parse(sink, in, lang, file.toString(), fileGraph, iris, JsonLdContexts.none());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses one document. Statements outside a named graph go into {@code graphForTriples}; when
     * it is null they are refused, since a statement's graph is its provenance. A JSON-LD document
     * may use no context but inline ones (see {@link JsonLdContexts#none()}).
     */
    public static void read(DatasetGraph target, InputStream in, Lang lang, String name,
                            Node graphForTriples, Iris iris) {
        read(target, in, lang, name, graphForTriples, iris, JsonLdContexts.none());
    }

    /** As {@link #read(DatasetGraph, InputStream, Lang, String, Node, Iris)}, with the JSON-LD contexts it may use. */
    public static void read(DatasetGraph target, InputStream in, Lang lang, String name,
                            Node graphForTriples, Iris iris, JsonLdContexts contexts) {
        parse(org.apache.jena.riot.system.StreamRDFLib.dataset(target), in, lang, name, graphForTriples, iris, contexts);
    }

    private static void parse(StreamRDF target, InputStream in, Lang lang, String name,
                              Node graphForTriples, Iris iris, JsonLdContexts contexts) {
        StreamRDF sink = new StreamRDFWrapper(target) {
            @Override
            public void start() {
            }

            @Override
            public void finish() {
            }

            @Override
            public void triple(org.apache.jena.graph.Triple t) {
                if (graphForTriples == null) {
                    throw new RiotException("a statement outside any named graph (" + t
                            + "); put it in a GRAPH block naming its source");
                }
                quad(Quad.create(graphForTriples, t));
            }

            @Override
            public void quad(Quad q) {
                if (q.isDefaultGraph()) {
                    triple(q.asTriple());
                    return;
                }
                if (!q.getGraph().isURI()) {
                    // A graph is the statements' provenance: it needs a name that can be cited.
                    throw new RiotException("a graph named by a blank node (" + q.getGraph()
                            + "); name each graph with an IRI, e.g. <" + iris.graph("your-source") + ">");
                }
                super.quad(Quad.create(iris.rebase(q.getGraph()), iris.rebase(q.getSubject()),
                        q.getPredicate(), iris.rebase(q.getObject())));
            }
        };
        JsonLdContexts.Loader loader = contexts.loader();
        try {
            var parser = RDFParser.source(RDFLanguages.sameLang(lang, Lang.JSONLD) ? shallowJson(in, name) : in)
                    .lang(lang).base(iris.base())
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging);
            if (RDFLanguages.sameLang(lang, Lang.JSONLD)) {
                // Titanium, Jena's JSON-LD 1.1 parser, would fetch any @context or @import URL.
                parser.set(LangJSONLD11.JSONLD_OPTIONS, loader.options());
            }
            parser.parse(sink);
        } catch (RiotException | RuntimeIOException e) {
            if (loader.refused() != null) {
                throw remoteContext(name, loader.refused());
            }
            throw Problem.badRequest("rdf-syntax", name + ": " + readable(e));
        } catch (StackOverflowError e) {
            throw Problem.badRequest("too-deeply-nested", name + ": nested too deeply to read (blank nodes, lists or"
                    + " elements inside each other by the thousand); flatten it.");
        }
    }

    /**
     * The JSON document, refused before parsing when it nests deeper than {@link #MAX_JSON_DEPTH}:
     * JSON-LD processing recurses once per level, and thousands of levels overflow the stack.
     */
    private static InputStream shallowJson(InputStream in, String name) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart() && ++depth > MAX_JSON_DEPTH) {
                    throw Problem.badRequest("too-deeply-nested", name + ": JSON nested more than " + MAX_JSON_DEPTH
                            + " levels deep; copgraph reads JSON-LD up to that depth.");
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
        } catch (IOException e) {
            // Not well-formed JSON: the JSON-LD parser reports it, with line and column.
        }
        return new ByteArrayInputStream(bytes);
    }

    private static Problem remoteContext(String name, String url) {
        return Problem.badRequest("remote-context", name + ": the JSON-LD names the context <" + url + ">, and copgraph"
                + " fetches nothing on a client's behalf. Put the context inline (\"@context\": { ... }), or name"
                + " copgraph's own, " + Iris.DEFAULT_BASE + JsonLdContexts.CONTEXT_PATH + ".");
    }

    /** A parser's message, in words for the person who sent the document. */
    private static String readable(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.io.UnsupportedEncodingException || root instanceof java.nio.charset.UnsupportedCharsetException) {
            return "it declares the character encoding '" + root.getMessage() + "', which copgraph does not know;"
                    + " send UTF-8 (<?xml version=\"1.0\" encoding=\"UTF-8\"?>).";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = root.getMessage();
        }
        return ErrorText.forClients(m);
    }

    static Lang langOf(Path file) {
        Lang lang = RDFLanguages.filenameToLang(file.getFileName().toString());
        return lang != null && RDFLanguages.isTriples(lang) || lang != null && RDFLanguages.isQuads(lang) ? lang : null;
    }
}
