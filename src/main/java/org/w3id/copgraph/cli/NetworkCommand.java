package org.w3id.copgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.network.ExportFormat;
import org.w3id.copgraph.network.Exports;
import org.w3id.copgraph.network.KumuBlueprint;
import org.w3id.copgraph.network.LinkKind;
import org.w3id.copgraph.network.Metrics;
import org.w3id.copgraph.network.Neighbourhood;
import org.w3id.copgraph.network.Net;
import org.w3id.copgraph.network.NodeType;
import org.w3id.copgraph.network.Projection;
import org.w3id.copgraph.network.View;
import org.w3id.copgraph.network.Window;
import org.w3id.copgraph.queries.ParamType;

@Command(name = "network", mixinStandardHelpOptions = true,
        description = {"Export a network of CoPs (a projection, or the neighbourhood of a resource) for Gephi, Cytoscape",
                "or scripts, with each CoP's metrics (degree, betweenness, closeness, clustering, community).",
                "Projections: cross-pollination, shared-members, shared-practices, shared-domains, shared-events,",
                "organisational, all (CoPs only), resources (every resource). CSV writes two files, FILE-nodes.csv",
                "and FILE-edges.csv, in Gephi's spreadsheet columns."})
final class NetworkCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Option(names = "--projection", defaultValue = "all", description = "Which network (default: ${DEFAULT-VALUE}).")
    String projection;

    @Option(names = "--focus", paramLabel = "IRI", description = "Export the neighbourhood of this resource (IRI or /id/... path) instead.")
    String focus;

    @Option(names = "--depth", defaultValue = "1", description = "Neighbourhood depth, 1–3 (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--limit", defaultValue = "30", description = "At most this many new neighbours per node (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--kinds", split = ",", paramLabel = "KIND", description = "Only these link kinds: cross-pollination, member, practice, domain, event, organisational;"
            + " suggested (links copgraph computed) only when listed.")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--types", split = ",", paramLabel = "TYPE", description = "Only these node types around a focus: cop, person, organisation, practice, event, domain, other.")
    List<String> types = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Leave out ties dated before this day (YYYY-MM-DD or YYYY); undated ties stay.")
    String from;

    @Option(names = "--until", paramLabel = "DATE", description = "Leave out ties dated after this day (YYYY-MM-DD or YYYY); undated ties stay.")
    String until;

    @Option(names = {"-f", "--format"}, defaultValue = "graphml", description = "graphml, gexf, csv or json (Cytoscape) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: standard output; csv needs a file).")
    Path out;

    @Override
    public Integer call() throws IOException {
        ExportFormat f = ExportFormat.parse(format);
        Window window = Window.of(from, until);
        Set<LinkKind> kindSet = EnumSet.noneOf(LinkKind.class);
        kinds.forEach(k -> kindSet.add(LinkKind.parse("--kinds", k)));
        Set<NodeType> typeSet = EnumSet.noneOf(NodeType.class);
        types.forEach(t -> typeSet.add(NodeType.parse("--types", t)));
        try (Copgraph cg = Copgraph.openSeeding(options.settings())) {
            Cli.seed(cg);
            long t0 = System.nanoTime();
            View view;
            if (focus != null) {
                Projection p = Projection.parse(projection.equals("all") ? "resources" : projection, Projection.RESOURCES);
                String iri = ParamType.IRI.parse("--focus", focus, null, cg.settings().iris()).getURI();
                Neighbourhood n = cg.network().neighbourhood(iri, depth, kindSet, typeSet, p, window, limit);
                Metrics m = cg.network().metrics(p.copsOnly() ? p : Projection.ALL, window);
                view = View.of(n, p, m);
            } else {
                Projection p = Projection.parse(projection, Projection.ALL);
                Net net = cg.network().net(p, window);
                View whole = View.of(net, p.copsOnly() ? cg.network().metrics(p, window) : cg.network().metrics(Projection.ALL, window));
                view = kindSet.contains(LinkKind.SUGGESTED) ? cg.network().withSuggested(whole) : whole;
            }
            if (f == ExportFormat.CSV) {
                if (out == null) {
                    throw org.w3id.copgraph.Problem.badRequest("bad-option", "--format csv writes two files: give --out FILE.csv.");
                }
                String base = out.toString().replaceFirst("\\.csv$", "");
                Path nodes = Path.of(base + "-nodes.csv");
                Path edges = Path.of(base + "-edges.csv");
                write(nodes, o -> Exports.csvNodes(view, o));
                write(edges, o -> Exports.csvEdges(view, o));
                System.err.printf("Wrote %d nodes to %s and %d edges to %s in %d ms.%n", view.nodes().size(), nodes,
                        view.edges().size(), edges, (System.nanoTime() - t0) / 1_000_000);
            } else if (out != null) {
                write(out, o -> export(cg, view, f, o));
                System.err.printf("Wrote %s (%d nodes, %d edges) to %s in %d ms.%n", view.title(), view.nodes().size(),
                        view.edges().size(), out, (System.nanoTime() - t0) / 1_000_000);
            } else {
                export(cg, view, f, System.out);
                System.out.flush();
            }
            view.notes().forEach(n -> System.err.println("Note: " + n));
            return 0;
        }
    }

    private interface Body {
        void writeTo(OutputStream o) throws IOException;
    }

    private static void write(Path file, Body body) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                body.writeTo(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void export(Copgraph cg, View view, ExportFormat f, java.io.OutputStream o) {
        if (f == ExportFormat.KUMU) {
            // As the server's export: descriptions, tags, pages and images too.
            KumuBlueprint.write(view, cg.network().facts(), cg.store(), cg.settings().queryTimeoutMillis(), o);
        } else {
            Exports.write(view, f, o, cg.settings().iris()::pathOf);
        }
    }
}
