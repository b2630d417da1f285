// The copgraph SPARQL editor: YASGUI on /sparql, the curated queries as examples, the project's
// prefixes preloaded, and the current query mirrored into the address bar so a link shares it.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("workbench").textContent);
  var endpoint = window.location.origin + "/sparql";
  var prefixLines = Object.keys(data.prefixes).map(function (p) {
    return "PREFIX " + p + ": <" + data.prefixes[p] + ">";
  }).join("\n");
  var startQuery = prefixLines + "\n\nSELECT ?cop ?label WHERE {\n  ?cop a cop:CommunityOfPractice ;\n       rdfs:label ?label .\n}\nLIMIT 100\n";

  Yasgui.Yasqe.defaults.value = startQuery;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
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

  function watch(tab) {
    if (tab && tab.getYasqe() && !tab.__copgraphWatched) {
      tab.__copgraphWatched = true;
      var timer;
      tab.getYasqe().on("change", function () {
        clearTimeout(timer);
        timer = setTimeout(share, 300);
      });
    }
  }

  yasgui.on("tabSelect", function () { setTimeout(function () { watch(yasgui.getTab()); share(); }, 0); });
  yasgui.on("query", function () { share(); });
  watch(yasgui.getTab());

  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var ex = data.examples[Number(button.getAttribute("data-example"))];
      var tab = yasgui.addTab(true, { name: ex.name, yasqe: { value: ex.query } });
      tab = yasgui.getTab();
      watch(tab);
      if (tab.getYasqe()) {
        tab.getYasqe().setValue(ex.query);
        tab.getYasqe().query();
      }
      share();
    });
  });
})();
