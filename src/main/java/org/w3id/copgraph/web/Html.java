package org.w3id.copgraph.web;

/** A plain, accessible page frame shared by every HTML view. */
final class Html {

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String page(String title, String body) {
        return page(title, "", body);
    }

    /** A page with extra elements in its head ({@code <link rel="alternate">}, scripts of data). */
    static String page(String title, String head, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · copgraph</title>
                %s
                <link rel="stylesheet" href="/assets/site/copgraph.css">
                </head>
                <body>
                <nav aria-label="Site"><a href="/">copgraph</a><a href="/query-editor">SPARQL</a><a href="/api/queries">Curated queries</a><a href="/explore">Explore</a><a href="/ontology">Ontology</a><a href="/.well-known/void">Data</a></nav>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), head, body);
    }
}
