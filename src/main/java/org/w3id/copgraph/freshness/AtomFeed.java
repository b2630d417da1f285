package org.w3id.copgraph.freshness;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3id.copgraph.model.Iris;
import org.w3id.copgraph.model.PublicUrl;

/**
 * Writes the CoP feed as Atom 1.0 (RFC 4287) with an XML writer, which escapes every text and
 * attribute: labels and reasons come from users. The feed's id is its canonical IRI with the
 * filter; links point at the serving host's public URL.
 */
public final class AtomFeed {

    public static final String MEDIA_TYPE = "application/atom+xml";
    public static final String PATH = "/feeds/cops.atom";

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    /** @param updated when the feed last changed if it has no entries (the data's last change) */
    public static byte[] write(List<FeedEntry> entries, FeedFilter filter, PublicUrl url, Iris iris, Instant updated) {
        String query = query(filter.params());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            element(x, "id", iris.forPath(PATH) + query);
            element(x, "title", "copgraph: new, changed, stale and removed CoPs" + describe(filter));
            element(x, "subtitle", "Communities of Practice added to, changed in, due for review in, or removed from"
                    + " the copgraph knowledge graph, newest first (at most " + CopFeed.CAP + ").");
            Instant newest = entries.isEmpty() ? updated : entries.get(0).updated();
            element(x, "updated", time(newest));
            x.writeStartElement("author");
            element(x, "name", "copgraph curators");
            x.writeEndElement();
            link(x, "self", url.of(PATH) + query, MEDIA_TYPE);
            link(x, "alternate", url.of("/cops") + query, "text/html");
            x.writeStartElement("generator");
            x.writeAttribute("uri", "https://w3id.org/copgraph/");
            x.writeCharacters("copgraph");
            x.writeEndElement();
            for (FeedEntry e : entries) {
                x.writeCharacters("\n");
                x.writeStartElement("entry");
                element(x, "id", e.id());
                element(x, "title", e.title());
                element(x, "updated", time(e.updated()));
                if (e.agent() != null) {
                    x.writeStartElement("author");
                    element(x, "name", e.agent());
                    x.writeEndElement();
                }
                x.writeEmptyElement("category");
                x.writeAttribute("term", e.kind());
                x.writeAttribute("label", e.kind());
                String path = iris.pathOf(e.copIri());
                link(x, "alternate", path != null ? url.of(path) : e.copIri(), "text/html");
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(clean(e.summary()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the feed", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(text));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", clean(href));
    }

    /** RFC 3339 in UTC to the second, as Atom wants. */
    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Drops what XML 1.0 cannot hold at all (control characters, lone surrogates); the writer escapes the rest. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c > 0xDFFF && c < 0xFFFE) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        params.forEach((k, v) -> j.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private static String describe(FeedFilter f) {
        StringJoiner j = new StringJoiner(", ", " (", ")");
        j.setEmptyValue("");
        if (f.domain() != null) {
            j.add("domain " + f.domain().substring(f.domain().lastIndexOf('/') + 1));
        }
        if (f.place() != null) {
            j.add("place " + f.place());
        }
        if (f.lang() != null) {
            j.add("language " + f.lang());
        }
        return j.toString();
    }
}
