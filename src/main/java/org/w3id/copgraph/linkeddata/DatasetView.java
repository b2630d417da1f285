package org.w3id.copgraph.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.view.Link;

/**
 * What the dataset description and the dumps index show a person, read from the VoID/DCAT graph
 * that machines get (so the page and the data never disagree) plus the source graphs.
 *
 * @param sizes         VoID statistics: statements, distinct subjects... in words
 * @param distributions the dumps
 * @param services      SPARQL, fragments, event stream
 * @param sources       every source graph, with its licence and size
 * @param classes       instances per class, most first
 */
public record DatasetView(String title, String description, Link licence, String modified, List<Figure> sizes,
                          List<Distribution> distributions, List<Service> services, List<SourceEntry> sources,
                          List<ClassCount> classes) {

    /** A statistic. */
    public record Figure(String name, long value) {
    }

    /** A dump file: where to get it, what it is, how big, when written, under which licence. */
    public record Distribution(Link download, String mediaType, boolean gzip, long bytes, String modified, Link licence) {

        /** The size for a reader: "1.4 MB". */
        public String size() {
            return DatasetView.readableSize(bytes);
        }
    }

    /** A service over the dataset and the specification it follows. */
    public record Service(String title, Link endpoint, Link conformsTo) {
    }

    /** A source graph: its page, the original it came from, its licence and how many statements it holds. */
    public record SourceEntry(Link graph, String url, Link licence, long statements) {
    }

    /** Instances of a class. */
    public record ClassCount(Link type, long entities) {
    }

    /**
     * @param site where this server is reached ({@code http://localhost:8080}): downloads and
     *             endpoints there become paths, so the page's links stay on the serving host
     */
    public static DatasetView of(Graph description, List<SourceEntry> sources, Iris iris, String datasetIri, String site) {
        Node dataset = NodeFactory.createURI(datasetIri);
        Read r = new Read(description, iris, site);
        List<Figure> sizes = new ArrayList<>();
        r.figure(sizes, dataset, VOID.triples.asNode(), "statements");
        r.figure(sizes, dataset, VOID.distinctSubjects.asNode(), "distinct subjects");
        r.figure(sizes, dataset, VOID.distinctObjects.asNode(), "distinct objects");
        r.figure(sizes, dataset, VOID.properties.asNode(), "properties");
        r.figure(sizes, dataset, VOID.classes.asNode(), "classes");
        List<Distribution> distributions = new ArrayList<>();
        for (Node d : r.objects(dataset, DCAT.distribution.asNode())) {
            Node download = r.object(d, DCAT.downloadURL.asNode());
            Node type = r.object(d, DCAT.mediaType.asNode());
            Node bytes = r.object(d, DCAT.byteSize.asNode());
            distributions.add(new Distribution(Link.to(r.local(download.getURI()), r.text(d, DCTerms.title.asNode())),
                    type == null ? null : type.getURI().substring(type.getURI().indexOf("media-types/") + "media-types/".length()),
                    r.object(d, DCAT.compressFormat.asNode()) != null, bytes == null ? -1 : Long.parseLong(bytes.getLiteralLexicalForm()),
                    readableTime(r.text(d, DCTerms.modified.asNode())), r.licence(d)));
        }
        distributions.sort(Comparator.comparing(d -> d.download().href()));
        List<Service> services = new ArrayList<>();
        description.find(Node.ANY, RDF.type.asNode(), DCAT.DataService.asNode()).forEachRemaining(t -> {
            Node s = t.getSubject();
            Node endpoint = r.object(s, DCAT.endpointURL.asNode());
            Node spec = r.object(s, DCTerms.conformsTo.asNode());
            services.add(new Service(r.text(s, DCTerms.title.asNode()), Link.to(r.local(endpoint.getURI()), r.local(endpoint.getURI())),
                    spec == null ? null : new Link(spec.getURI(), spec.getURI(), null, true)));
        });
        services.sort(Comparator.comparing(s -> s.endpoint().href()));
        List<ClassCount> classes = new ArrayList<>();
        for (Node part : r.objects(dataset, VOID.classPartition.asNode())) {
            Node c = r.object(part, VOID._class.asNode());
            Node n = r.object(part, VOID.entities.asNode());
            if (c != null && c.isURI() && n != null) {
                String prefixed = Terms.prefixed(c.getURI());
                classes.add(new ClassCount(new Link(Terms.href(iris, c.getURI()), prefixed != null ? prefixed : c.getURI(), null,
                        Terms.external(iris, c.getURI())), Long.parseLong(n.getLiteralLexicalForm())));
            }
        }
        classes.sort(Comparator.comparingLong(ClassCount::entities).reversed().thenComparing(c -> c.type().text()));
        return new DatasetView(r.text(dataset, DCTerms.title.asNode()), r.text(dataset, DCTerms.description.asNode()),
                r.licence(dataset), readableTime(r.text(dataset, DCTerms.modified.asNode())), List.copyOf(sizes), List.copyOf(distributions),
                List.copyOf(services), List.copyOf(sources), List.copyOf(classes));
    }

    /** Bytes for a reader, in powers of 1000 as file managers show them. */
    public static String readableSize(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** An xsd:dateTime for a reader: "2026-12-01 22:00 UTC" (the exact value is in the data). */
    public static String readableTime(String isoInstant) {
        if (isoInstant == null) {
            return null;
        }
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(java.time.Instant.parse(isoInstant).atZone(java.time.ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** The words a licence IRI is known by. */
    static Link licenceLink(String iri) {
        String text = iri.equals(DatasetDescription.LICENSE) ? "CC BY 4.0" : iri;
        return new Link(iri, text, null, true);
    }

    private record Read(Graph g, Iris iris, String site) {

        List<Node> objects(Node s, Node p) {
            List<Node> out = new ArrayList<>();
            g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
            return out;
        }

        Node object(Node s, Node p) {
            List<Node> all = objects(s, p);
            return all.isEmpty() ? null : all.get(0);
        }

        String text(Node s, Node p) {
            Node o = object(s, p);
            return o == null ? null : o.isLiteral() ? o.getLiteralLexicalForm() : o.toString();
        }

        void figure(List<Figure> out, Node s, Node p, String name) {
            Node o = object(s, p);
            if (o != null && o.isLiteral()) {
                out.add(new Figure(name, Long.parseLong(o.getLiteralLexicalForm())));
            }
        }

        Link licence(Node s) {
            Node o = object(s, DCTerms.license.asNode());
            return o == null || !o.isURI() ? null : licenceLink(o.getURI());
        }

        /** Our IRIs as paths on the serving host, so the page's links stay on it. */
        String local(String iri) {
            if (site != null && iri.startsWith(site + "/")) {
                return iri.substring(site.length());
            }
            String path = iris.pathOf(iri);
            return path != null ? path : iri;
        }
    }
}
