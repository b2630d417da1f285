package org.w3id.copgraph.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.w3id.copgraph.Copgraph;
import org.w3id.copgraph.Problem;
import org.w3id.copgraph.queries.ParamType;
import org.w3id.copgraph.suggestions.Include;
import org.w3id.copgraph.suggestions.Item;
import org.w3id.copgraph.suggestions.Suggestion;
import org.w3id.copgraph.suggestions.SuggestionList;
import org.w3id.copgraph.suggestions.SuggestionReason;
import org.w3id.copgraph.suggestions.Suggestions;

@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Who a CoP could learn from and could help, with the reasons and their source graphs",
                "(the same as GET /api/suggestions). For a person or organisation: the suggestions of its CoPs."})
final class SuggestCommand implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    static final class Subject {
        @Option(names = "--cop", paramLabel = "IRI", description = "The CoP (IRI, /id/... path or slug).")
        String cop;

        @Option(names = "--person", paramLabel = "IRI", description = "A person: the suggestions of their CoPs.")
        String person;

        @Option(names = "--organisation", paramLabel = "IRI", description = "An organisation: the suggestions of its CoPs.")
        String organisation;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--limit", defaultValue = "" + Suggestions.DEFAULT_LIMIT, description = "At most this many CoPs each way (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--include", defaultValue = "proposed",
            description = "Pairs already linked: unlinked, proposed (default: pairs linked only by a proposed cross-pollination) or linked.")
    String include;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw Problem.badRequest("bad-option", "--format must be text or json.");
        }
        Include inc = Include.parse("--include", include);
        try (Copgraph cg = Copgraph.openSeeding(options.settings())) {
            Cli.seed(cg);
            String given = subject.cop != null ? subject.cop : subject.person != null ? subject.person : subject.organisation;
            String name = subject.cop != null ? "--cop" : subject.person != null ? "--person" : "--organisation";
            String iri = ParamType.IRI.parse(name, given, null, cg.settings().iris()).getURI();
            SuggestionList list = subject.cop != null ? cg.suggestions().forCop(iri, limit, inc)
                    : cg.suggestions().forAgent(iri, limit, inc);
            if (f.equals("json")) {
                System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
            } else {
                print(list, System.out);
            }
            System.out.flush();
            return 0;
        }
    }

    static void print(SuggestionList list, PrintStream out) {
        out.println(list.label() + " <" + list.subject() + ">");
        section(out, "Could learn from", list.learnFrom());
        section(out, "Could help", list.canHelp());
    }

    private static void section(PrintStream out, String title, List<Suggestion> suggestions) {
        out.println();
        out.println(title + ":");
        if (suggestions.isEmpty()) {
            out.println("  (none)");
        }
        int n = 1;
        for (Suggestion s : suggestions) {
            out.printf(Locale.ROOT, "%2d. %s <%s>  score %.3f%s%n", n++, s.label(), s.cop(), s.score(),
                    s.alreadyLinked() ? "  (already linked)" : "");
            if (!s.couldMove().isEmpty()) {
                out.println("    could move: " + String.join(", ", s.couldMove().stream().map(Item::label).toList()));
            }
            for (SuggestionReason r : s.reasons()) {
                out.println("    - [" + r.kind() + "] " + r.text());
                if (!r.sources().isEmpty()) {
                    out.println("      sources: " + String.join(" ", r.sources()));
                }
            }
        }
    }
}
