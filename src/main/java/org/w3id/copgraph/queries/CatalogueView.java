package org.w3id.copgraph.queries;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;

/**
 * What the catalogue page of the curated queries shows: each query with its documentation and a
 * form whose inputs follow the parameters' types (a picker for an enumeration, a date input for
 * a date, a text box naming the kind of resource for an IRI).
 */
public record CatalogueView(List<QueryEntry> queries) {

    /** One curated query as the catalogue shows it. */
    public record QueryEntry(String name, String summary, String description, List<String> tags, String kind,
                             List<Input> inputs, List<ExampleLink> examples, String href, String editorHref) {
    }

    /**
     * One form input. {@code control} is the HTML control: {@code select}, {@code date},
     * {@code number}, {@code text}; {@code step} is the number input's step ("1" or "any").
     * {@code hint} says what to type ("a CoP: /id/cop/urbana, or its slug urbana").
     */
    public record Input(String name, String id, String control, String step, boolean required, String value,
                        String description, String hint, List<Option> options) {
    }

    /** A choice of a picker: the value sent and what a reader sees. */
    public record Option(String value, String text, boolean selected) {
    }

    /** A documented example, as a link that runs it. */
    public record ExampleLink(String href, String text) {
    }

    public static CatalogueView of(CuratedQueries queries, Store store, Iris iris) {
        List<QueryEntry> out = new ArrayList<>();
        for (CuratedQuery q : queries.list()) {
            out.add(entry(q, queries, store, iris, Map.of()));
        }
        return new CatalogueView(out);
    }

    /** One query's entry, its inputs filled with {@code given} (a result page's form). */
    public static QueryEntry entry(CuratedQuery q, CuratedQueries queries, Store store, Iris iris, Map<String, String> given) {
        List<Input> inputs = new ArrayList<>();
        for (Parameter p : q.parameters()) {
            inputs.add(input(q, p, queries.allowedValues(q, p, store), iris, given.get(p.name())));
        }
        List<ExampleLink> examples = new ArrayList<>();
        for (Map<String, String> ex : q.examples()) {
            StringBuilder href = new StringBuilder(CuratedQueries.API).append(q.name());
            List<String> shown = new ArrayList<>();
            char sep = '?';
            for (Map.Entry<String, String> e : ex.entrySet()) {
                if (e.getKey().equals("summary")) {
                    continue;
                }
                href.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
                sep = '&';
                shown.add(e.getKey() + " = " + shorten(e.getValue(), iris));
            }
            examples.add(new ExampleLink(href.toString(), ex.getOrDefault("summary", String.join(", ", shown))));
        }
        return new QueryEntry(q.name(), q.summary(), q.description(), q.tags(), q.kind(), inputs, examples,
                CuratedQueries.API + q.name(), "/query-editor?curated=" + enc(q.name()));
    }

    private static Input input(CuratedQuery q, Parameter p, List<String> allowed, Iris iris, String given) {
        String value = given != null ? given : p.defaultValue();
        String id = q.name() + "-" + p.name();
        String description = p.description() == null ? "" : p.description();
        if (!allowed.isEmpty()) {
            List<Option> options = new ArrayList<>();
            String chosen = value == null ? null : expand(value, iris);
            if (!p.required() && value == null) {
                options.add(new Option("", "(any)", true));
            }
            for (String v : allowed) {
                options.add(new Option(v, shorten(v, iris), v.equals(chosen)));
            }
            return new Input(p.name(), id, "select", null, p.required(), value, description, null, options);
        }
        return switch (p.type()) {
            case BOOLEAN -> new Input(p.name(), id, "select", null, p.required(), value, description, null, List.of(
                    new Option("false", "no", "false".equals(value)), new Option("true", "yes", "true".equals(value))));
            case DATE -> new Input(p.name(), id, "date", null, p.required(), value, description, "YYYY-MM-DD", List.of());
            case INTEGER -> new Input(p.name(), id, "number", "1", p.required(), value, description, null, List.of());
            case DECIMAL -> new Input(p.name(), id, "number", "any", p.required(), value, description, null, List.of());
            case IRI -> new Input(p.name(), id, "text", null, p.required(), value == null ? null : shorten(value, iris),
                    description, iriHint(p.name()), List.of());
            case STRING -> new Input(p.name(), id, "text", null, p.required(), value, description, null, List.of());
        };
    }

    /** What an IRI parameter takes, in words: the kind of resource its name says. */
    private static String iriHint(String name) {
        String kind = switch (name) {
            case "cop" -> "a community of practice";
            case "organisation", "organiser" -> "an organisation";
            case "domain" -> "a domain";
            case "person" -> "a person";
            default -> "a resource";
        };
        String example = switch (name) {
            case "cop" -> "/id/cop/urbana, or its slug urbana";
            case "organisation", "organiser" -> "/id/organisation/ecolise, or its slug ecolise";
            default -> "a path such as /id/cop/urbana, or a full IRI";
        };
        return kind + ": " + example;
    }

    /** A resource IRI as a path on this host (shorter to read and to type). */
    private static String shorten(String value, Iris iris) {
        String path = iris.pathOf(value);
        return path != null && path.startsWith("/id/") ? path : value;
    }

    private static String expand(String value, Iris iris) {
        return value.startsWith("/id/") ? iris.forPath(value) : value;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
