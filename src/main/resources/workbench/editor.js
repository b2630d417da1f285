// The copgraph SPARQL editor: YASGUI on /sparql, the curated queries as examples, the project's
// prefixes known to the editor, the current query mirrored into the address bar so a link shares
// it, and the graph's own IRIs in results opening their page on this host.
(function () {
  "use strict";
  var holder = document.getElementById("yasgui");
  var data = JSON.parse(holder.getAttribute("data-workbench"));
  var endpoint = window.location.origin + "/sparql";
  var base = data.base;
  // Only the prefixes the query uses: with all of them, the SELECT starts below the fold.
  var startQuery = "PREFIX cop: <" + data.prefixes.cop + ">\nPREFIX rdfs: <" + data.prefixes.rdfs + ">\n\n"
    + "SELECT ?cop ?label WHERE {\n  ?cop a cop:CommunityOfPractice ;\n       rdfs:label ?label .\n}\nLIMIT 100\n";

  Yasgui.Yasqe.defaults.value = startQuery;
  // PREFIX lines folded into one, so the query itself is what the editor shows first.
  Yasgui.Yasqe.defaults.collapsePrefixesOnLoad = true;
  var yasgui = new Yasgui(holder, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "copgraph-editor",
    populateFromUrl: true
  });
  window.copgraphYasgui = yasgui;

  function share() {
    var tab = yasgui.getTab();
    if (!tab) { return; }
    try {
      var link = tab.getShareableLink(window.location.origin + window.location.pathname);
      window.history.replaceState(null, "", link);
    } catch (e) {
      // A link that cannot be made leaves the address as it is.
    }
  }

  function collapse(yasqe) {
    try {
      yasqe.collapsePrefixes(true);
    } catch (e) {
      // A query without PREFIX lines has nothing to fold.
    }
  }

  // The graph's IRIs (https://w3id.org/copgraph/id/...) lead to their page on this host.
  function localise(root) {
    root.querySelectorAll("a[href^='" + base + "']").forEach(function (a) {
      var rest = a.getAttribute("href").substring(base.length);
      if (rest.indexOf("id/") === 0 || rest.indexOf("graph/") === 0) {
        a.setAttribute("href", "/" + rest);
        a.removeAttribute("target");
      }
    });
  }

  // YASGUI's own markup, mended for screen readers (axe-core reports these as serious): the
  // endpoint box and the query's text area have no label.
  function accessible() {
    holder.querySelectorAll("input.autocomplete:not([aria-label])").forEach(function (i) {
      i.setAttribute("aria-label", "SPARQL endpoint");
    });
    holder.querySelectorAll(".CodeMirror textarea:not([aria-label])").forEach(function (t) {
      t.setAttribute("aria-label", "SPARQL query");
    });
  }
  accessible();

  function watch(tab) {
    accessible(); // a new tab brings new boxes
    if (tab && tab.getYasqe() && !tab.__copgraphWatched) {
      tab.__copgraphWatched = true;
      var timer;
      tab.getYasqe().on("change", function () {
        clearTimeout(timer);
        timer = setTimeout(share, 300);
      });
      collapse(tab.getYasqe());
      if (tab.getYasr()) {
        tab.getYasr().on("drawn", function () { localise(holder); });
      }
    }
  }

  function open(name, query) {
    yasgui.addTab(true, { name: name, yasqe: { value: query } });
    var tab = yasgui.getTab();
    watch(tab);
    if (tab.getYasqe()) {
      tab.getYasqe().setValue(query);
      collapse(tab.getYasqe());
      tab.getYasqe().query();
    }
    share();
  }

  yasgui.on("tabSelect", function () { setTimeout(function () { watch(yasgui.getTab()); share(); }, 0); });
  yasgui.on("query", function () { share(); });
  watch(yasgui.getTab());
  // Results drawn before a watcher was attached, and any redraw: links are made local on click too.
  holder.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a");
    if (a) { localise(a.parentNode || holder); }
  }, true);

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var ex = data.examples[Number(button.getAttribute("data-example"))];
      open(ex.name, ex.query);
    });
  });

  if (data.open) {
    open(data.open.name, data.open.query);
  }
})();
