package org.w3id.copgraph.queries;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.w3id.copgraph.i18n.LanguageChain;
import org.w3id.copgraph.linkeddata.Labels;
import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.store.Store;
import org.w3id.copgraph.queries.CuratedQueries.Answer;
import org.w3id.copgraph.queries.CuratedQueries.Citation;
import org.w3id.copgraph.queries.CuratedQueries.Page;
import org.w3id.copgraph.queries.CuratedQueries.Prepared;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A computed page of rows in the formats clients ask for, with its citation and paging links. */
final class AnswerRendering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerRendering() {
    }

    static Answer render(Prepared p, Rows computed, ResultFormat format) {
        Trimmed t = trim(p, computed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == ResultFormat.ROWS) {
            writeRows(out, t.citation(), t.page(), t.links(format), computed.vars(), t.rows());
        } else {
            ResultsWriter.create().lang(format.lang).write(out, RowSetStream.create(computed.vars(), t.rows().iterator()));
        }
        return new Answer(out.toByteArray(), format, t.citation(), t.page(), t.links(format));
    }

    /**
     * The page as a table a person reads: IRIs of this graph link to their page on the serving
     * host. A label column ({@code ?copLabel} beside {@code ?cop}) shows the label of its IRI in
     * the reader's language when the graph has one (the queries pick English labels, for the
     * machine formats); an IRI column without a label column shows the IRI.
     */
    static CuratedQueries.Table table(Prepared p, Rows computed, Iris iris, Store store, LanguageChain chain) {
        Trimmed t = trim(p, computed);
        List<String> columns = computed.vars().stream().map(Var::getVarName).toList();
        Map<Integer, Integer> labelOf = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            int at = columns.indexOf(columns.get(i) + "Label");
            if (at >= 0) {
                labelOf.put(at, i);
            }
        }
        Map<String, Map<String, String>> labels = Map.of();
        if (!labelOf.isEmpty() && store != null) {
            Set<String> named = new LinkedHashSet<>();
            for (Binding b : t.rows()) {
                for (int iriCol : labelOf.values()) {
                    Node n = b.get(computed.vars().get(iriCol));
                    if (n != null && n.isURI()) {
                        named.add(n.getURI());
                    }
                }
            }
            labels = named.isEmpty() ? Map.of() : Labels.allOf(store, named, LABEL_TIMEOUT_MILLIS);
        }
        List<List<CuratedQueries.Cell>> rows = new ArrayList<>();
        for (Binding b : t.rows()) {
            List<CuratedQueries.Cell> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                CuratedQueries.Cell c = cell(b.get(computed.vars().get(i)), iris);
                Integer iriCol = labelOf.get(i);
                if (iriCol != null) {
                    Node n = b.get(computed.vars().get(iriCol));
                    LanguageChain.Picked picked = n != null && n.isURI() ? Labels.pick(labels, n.getURI(), chain) : null;
                    if (picked != null) {
                        c = new CuratedQueries.Cell(picked.text(), c.href(), picked.lang().isEmpty() ? null : picked.lang());
                    }
                }
                row.add(c);
            }
            rows.add(row);
        }
        return new CuratedQueries.Table(t.citation(), t.page(), p.bound(), t.links(ResultFormat.ROWS), columns, rows);
    }

    /** Labels of a page of rows are one small query; past this the English labels of the answer stay. */
    private static final long LABEL_TIMEOUT_MILLIS = 5_000;

    private static CuratedQueries.Cell cell(Node n, Iris iris) {
        if (n == null) {
            return new CuratedQueries.Cell("", null);
        }
        if (n.isURI()) {
            String path = iris.pathOf(n.getURI());
            boolean local = path != null && (path.startsWith("/id/") || path.startsWith("/graph/"));
            return new CuratedQueries.Cell(n.getURI(), local ? path : n.getURI());
        }
        if (n.isLiteral()) {
            String lang = n.getLiteralLanguage();
            return new CuratedQueries.Cell(n.getLiteralLexicalForm(), null, lang.isEmpty() ? null : lang);
        }
        return new CuratedQueries.Cell(n.toString(), null);
    }

    /** The page's rows without the extra one fetched to learn whether a next page exists. */
    private record Trimmed(Citation citation, Page page, List<Binding> rows, String name, Map<String, String> bound) {
        Map<String, String> links(ResultFormat format) {
            return AnswerRendering.links(name, bound, page, format);
        }
    }

    private static Trimmed trim(Prepared p, Rows computed) {
        CuratedQuery q = p.curated();
        Citation citation = new Citation(q.name(), "sha256:" + q.hash(), computed.version(), computed.computedAt());
        List<Binding> rows = computed.rows();
        boolean more = rows.size() > p.page().limit();
        if (more) {
            rows = rows.subList(0, (int) p.page().limit());
        }
        Page page = new Page(p.page().limit(), p.page().offset(), more);
        return new Trimmed(citation, page, rows, q.name(), p.bound());
    }

    static Map<String, String> links(String name, Map<String, String> bound, Page page, ResultFormat format) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("first", link(name, bound, page.limit(), 0, format));
        if (page.offset() > 0) {
            links.put("prev", link(name, bound, page.limit(), Math.max(0, page.offset() - page.limit()), format));
        }
        if (page.hasNext()) {
            links.put("next", link(name, bound, page.limit(), page.offset() + page.limit(), format));
        }
        return links;
    }

    static String link(String name, Map<String, String> bound, long limit, long offset, ResultFormat format) {
        StringBuilder s = new StringBuilder(CuratedQueries.API).append(name).append('?');
        bound.forEach((k, v) -> s.append(enc(k)).append('=').append(enc(v)).append('&'));
        s.append("format=").append(format.shortName).append("&limit=").append(limit).append("&offset=").append(offset);
        return s.toString();
    }

    private static void writeRows(ByteArrayOutputStream out, Citation c, Page page, Map<String, String> links,
                                  List<Var> vars, List<Binding> rows) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("query", c.query());
        env.put("hash", c.hash());
        env.put("dataVersion", c.dataVersion());
        env.put("generatedAt", c.generatedAt().toString());
        env.put("limit", page.limit());
        env.put("offset", page.offset());
        env.put("count", rows.size());
        env.put("columns", vars.stream().map(Var::getVarName).toList());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Binding b : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n != null) {
                    row.put(v.getVarName(), RowValues.toJson(n));
                }
            }
            list.add(row);
        }
        env.put("rows", list);
        env.put("links", links);
        try {
            JSON.writeValue(out, env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
