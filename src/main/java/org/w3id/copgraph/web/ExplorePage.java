package org.w3id.copgraph.web;

/**
 * {@code /explore}: the interactive network explorer. The page is a shell; the graph is drawn
 * by Cytoscape.js (served from its WebJar in the jar) with data from {@code /api/network}.
 */
final class ExplorePage {

    private ExplorePage() {
    }

    static String render(String cytoscapeVersion) {
        String body = """
                <h1>Explore the network of CoPs</h1>
                <noscript><p>The explorer draws the network with JavaScript. Without it, download the network for
                Gephi (<a href="/api/network/export.gexf">GEXF</a>, <a href="/api/network/export.graphml">GraphML</a>,
                <a href="/api/network/export.csv?table=nodes">CSV nodes</a>, <a href="/api/network/export.csv?table=edges">CSV edges</a>)
                or read the <a href="/api/network/metrics">metrics</a>.</p></noscript>
                <form id="controls" class="controls">
                  <label>Find <input id="search" type="search" placeholder="a CoP, person, practice… e.g. UrbanA" autocomplete="off" list="search-results"></label>
                  <datalist id="search-results"></datalist>
                  <label>Network <select id="projection"></select></label>
                  <label>Depth <select id="depth"><option>1</option><option>2</option><option>3</option></select></label>
                  <fieldset id="kinds"><legend>Links</legend></fieldset>
                  <label>Until <input id="until" type="range" min="2000" max="2031" step="1" value="2031"> <output id="until-out">all</output></label>
                  <label>Path to <input id="to" type="search" placeholder="another resource, e.g. BLAST" autocomplete="off" list="to-results"></label>
                  <datalist id="to-results"></datalist>
                  <button id="overview" type="button">Whole network</button>
                </form>
                <div class="explorer">
                  <div id="cy" role="img" aria-label="Network of Communities of Practice"></div>
                  <aside id="panel" aria-live="polite"><p>Click a node to see it and expand its neighbourhood; click a link to see why the two are linked.</p></aside>
                </div>
                <p id="status" class="status"></p>
                <p class="exports">Download this view: <a id="x-gexf" download>GEXF (Gephi)</a> · <a id="x-graphml" download>GraphML</a>
                 · <a id="x-csv-nodes" download>CSV nodes</a> · <a id="x-csv-edges" download>CSV edges</a> · <a id="x-json" download>Cytoscape JSON</a></p>
                <link rel="stylesheet" href="/assets/site/explore.css">
                <script src="/assets/cytoscape.min.js?v=%s"></script>
                <script src="/assets/explore.js"></script>
                """.formatted(Html.escape(cytoscapeVersion));
        return Html.page("Explore", body);
    }
}
