// copgraph network explorer: draws /api/network data with Cytoscape.js. The whole view
// (focus, depth, projection, link kinds, time, path target) lives in the URL, so it can be shared.
(function () {
  'use strict';
  const KINDS = ['cross-pollination', 'member', 'practice', 'domain', 'event', 'organisational'];
  const TYPE_COLOURS = {person: '#8d6e63', organisation: '#546e7a', practice: '#7cb342', event: '#f9a825', domain: '#ab47bc', other: '#9e9e9e'};
  const COMMUNITY_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#e377c2', '#bcbd22', '#8c564b', '#7f7f7f'];
  const MAX_YEAR = 2031;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const state = {
    focus: params.get('focus') || '',
    depth: params.get('depth') || '1',
    projection: params.get('projection') || 'all',
    kinds: params.get('kinds') ? params.get('kinds').split(',') : KINDS.slice(),
    until: params.get('until') || '',
    to: params.get('to') || ''
  };

  const cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    style: [
      {selector: 'node', style: {
        'label': 'data(display)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 120,
        'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
        'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#222'}},
      {selector: 'node[type = "cop"]', style: {'shape': 'ellipse', 'border-width': 2, 'border-color': '#333', 'font-weight': 'bold'}},
      {selector: 'node[type != "cop"]', style: {'shape': 'round-rectangle'}},
      {selector: 'node[?articulationPoint]', style: {'border-color': '#000', 'border-width': 4, 'border-style': 'double'}},
      {selector: 'edge', style: {'width': 'mapData(weight, 1, 10, 1, 8)', 'line-color': '#b0bec5', 'curve-style': 'bezier', 'opacity': 0.8}},
      {selector: 'edge[?directed]', style: {'target-arrow-shape': 'triangle', 'target-arrow-color': '#90a4ae'}},
      {selector: '.focus', style: {'border-color': '#e53935', 'border-width': 5}},
      {selector: 'edge.on-path', style: {'line-color': '#e53935', 'target-arrow-color': '#e53935', 'width': 5}},
      {selector: 'node.on-path', style: {'border-color': '#e53935', 'border-width': 4}},
      {selector: ':selected', style: {'overlay-opacity': 0.15}}
    ]
  });
  window.cy = cy;

  function status(text) { $('status').textContent = text; }

  function query(extra) {
    const q = new URLSearchParams();
    if (state.kinds.length && state.kinds.length < KINDS.length) q.set('kinds', state.kinds.join(','));
    if (state.until) q.set('until', state.until);
    Object.entries(extra || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
    return q.toString();
  }

  function saveUrl() {
    const q = new URLSearchParams();
    if (state.focus) q.set('focus', pathOrIri(state.focus));
    if (state.focus && state.depth !== '1') q.set('depth', state.depth);
    if (state.projection !== 'all') q.set('projection', state.projection);
    if (state.kinds.length < KINDS.length) q.set('kinds', state.kinds.join(','));
    if (state.until) q.set('until', state.until);
    if (state.to) q.set('to', pathOrIri(state.to));
    history.replaceState(null, '', '/explore' + (q.toString() ? '?' + q : ''));
    updateExports();
  }

  function pathOrIri(iri) {
    const n = cy.getElementById(iri);
    return n.nonempty() && n.data('path') ? n.data('path') : iri;
  }

  function exportQuery() {
    return state.focus ? query({focus: state.focus, depth: state.depth})
                       : query({projection: state.projection});
  }

  function updateExports() {
    const q = exportQuery();
    $('x-gexf').href = '/api/network/export.gexf?' + q;
    $('x-graphml').href = '/api/network/export.graphml?' + q;
    $('x-csv-nodes').href = '/api/network/export.csv?' + q + '&table=nodes';
    $('x-csv-edges').href = '/api/network/export.csv?' + q + '&table=edges';
    $('x-json').href = '/api/network/export.json?' + q;
  }

  function decorate(el) {
    const d = el.data;
    if (d.source) return el;
    const cop = d.type === 'cop';
    d.colour = cop ? COMMUNITY_COLOURS[(d.community || 0) % COMMUNITY_COLOURS.length] : (TYPE_COLOURS[d.type] || TYPE_COLOURS.other);
    d.size = cop ? 28 + Math.round(60 * Math.sqrt(d.betweenness || 0)) : 18;
    d.display = d.label + (d.more ? '\n+' + d.more + ' more' : '');
    return el;
  }

  async function getJson(url) {
    const r = await fetch(url, {headers: {Accept: 'application/json'}});
    const body = await r.json();
    if (!r.ok) throw new Error(body.message || r.statusText);
    return body;
  }

  function merge(json, replace) {
    const els = [];
    json.elements.nodes.forEach((n) => {
      const existing = cy.getElementById(n.data.id);
      if (existing.nonempty()) { existing.data(decorate(n).data); } else { els.push(decorate(n)); }
    });
    json.elements.edges.forEach((e) => { if (cy.getElementById(e.data.id).empty() && !sameEnds(e.data)) els.push(e); });
    if (replace) cy.elements().remove();
    const added = cy.add(replace ? json.elements.nodes.map(decorate).concat(json.elements.edges) : els);
    return added;
  }

  function sameEnds(d) {
    return cy.edges().some((e) => (e.data('source') === d.source && e.data('target') === d.target)
      || (!d.directed && e.data('source') === d.target && e.data('target') === d.source));
  }

  function layout() {
    // Small views are laid out afresh (clearer); big ones keep their places so expanding does not reshuffle.
    cy.layout({name: 'cose', animate: false, randomize: cy.nodes().length < 150, nodeRepulsion: () => 400000,
      idealEdgeLength: () => 120, nodeOverlap: 40, componentSpacing: 120, padding: 40, randomSeed: 7}).run();
  }

  async function load() {
    saveUrl();
    try {
      let json;
      if (state.focus) {
        json = await getJson('/api/network/neighbourhood?' + query({focus: state.focus, depth: state.depth}));
      } else {
        json = await getJson('/api/network/export.json?' + query({projection: state.projection, limit: 300, disposition: 'inline'}));
      }
      merge(json, true);
      cy.nodes().removeClass('focus');
      if (state.focus) cy.getElementById(state.focus).addClass('focus');
      layout();
      status(cy.nodes().length + ' nodes, ' + cy.edges().length + ' links. ' + ((json.data && json.data.notes) || []).join(' '));
      if (state.to) await showPath();
    } catch (err) {
      status('Could not load the network: ' + err.message);
    }
  }

  async function expand(node) {
    try {
      const json = await getJson('/api/network/neighbourhood?' + query({focus: node.id(), depth: 1}));
      const added = merge(json, false);
      node.data('more', 0);
      node.data('display', node.data('label'));
      layout();
      status('Expanded ' + node.data('label') + ': ' + added.nodes().length + ' new nodes.');
    } catch (err) {
      status('Could not expand: ' + err.message);
    }
  }

  function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c])); }

  function fmt(x) { return typeof x === 'number' ? (Number.isInteger(x) ? x : x.toFixed(3)) : x; }

  function showNode(node) {
    const d = node.data();
    let html = '<h2>' + esc(d.label) + '</h2><p>' + esc(d.type) + (d.path ? ' · <a href="' + esc(d.path) + '">' + esc(d.path) + '</a>' : '') + '</p>';
    const rows = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'clustering', 'community', 'articulationPoint']
      .filter((k) => d[k] !== undefined).map((k) => '<tr><th>' + k + '</th><td>' + esc(fmt(d[k])) + '</td></tr>').join('');
    if (rows) html += '<table>' + rows + '</table>';
    if (d.more) html += '<p>+' + d.more + ' more neighbours not shown.</p>';
    html += '<p><button type="button" id="focus-here">Focus here</button></p>';
    $('panel').innerHTML = html;
    $('focus-here').onclick = () => { state.focus = d.id; load(); };
  }

  function reasonList(reasons) {
    return '<ul>' + reasons.map((r) => '<li><strong>' + esc(r.kind) + '</strong>: ' + esc(r.text)
      + (r.date ? ' <em>(' + esc(r.date) + ')</em>' : '') + '<br><small>source: ' + r.sources.map(esc).join(', ') + '</small></li>').join('') + '</ul>';
  }

  function showEdge(edge) {
    const d = edge.data();
    const a = cy.getElementById(d.source).data('label');
    const b = cy.getElementById(d.target).data('label');
    $('panel').innerHTML = '<h2>' + esc(a) + (d.directed ? ' → ' : ' — ') + esc(b) + '</h2><p>weight ' + fmt(d.weight) + '</p>' + reasonList(d.reasons);
  }

  async function showPath() {
    const from = state.focus || (cy.$('node:selected').nonempty() ? cy.$('node:selected').id() : '');
    if (!from || !state.to) { status('Choose a focus (click a node, or Find) and a resource to connect it to.'); return; }
    try {
      const json = await getJson('/api/network/paths?' + new URLSearchParams(Object.assign({from: from, to: state.to, k: 3},
        state.until ? {until: state.until} : {}, state.kinds.length < KINDS.length ? {kinds: state.kinds.join(',')} : {})));
      cy.elements().removeClass('on-path');
      if (!json.paths.length) { $('panel').innerHTML = '<p>No path within 4 links.</p>'; return; }
      let html = '<h2>How they connect</h2>';
      json.paths.forEach((p, i) => {
        html += '<h3>Path ' + (i + 1) + ' (' + p.length + (p.length === 1 ? ' link' : ' links') + ')</h3><ol>';
        p.hops.forEach((h) => {
          [h.from, h.to].forEach((n) => {
            if (cy.getElementById(n.iri).empty()) cy.add(decorate({group: 'nodes', data: {id: n.iri, label: n.label, type: n.type, path: n.path}}));
          });
          let e = cy.edges().filter((x) => (x.data('source') === h.from.iri && x.data('target') === h.to.iri) || (x.data('source') === h.to.iri && x.data('target') === h.from.iri));
          if (e.empty()) e = cy.add({group: 'edges', data: {id: 'path-' + h.from.iri + '-' + h.to.iri, source: h.from.iri, target: h.to.iri, weight: h.reasons.length, reasons: h.reasons}});
          if (i === 0) { e.addClass('on-path'); cy.getElementById(h.from.iri).addClass('on-path'); cy.getElementById(h.to.iri).addClass('on-path'); }
          html += '<li>' + esc(h.from.label) + ' — ' + esc(h.to.label) + reasonList(h.reasons) + '</li>';
        });
        html += '</ol>';
      });
      $('panel').innerHTML = html;
      layout();
    } catch (err) {
      status('Could not find paths: ' + err.message);
    }
  }

  function searchBox(input, list, choose) {
    let found = [];
    input.addEventListener('input', async () => {
      const v = input.value.trim();
      const hit = found.find((n) => n.label === v);
      if (hit) { choose(hit); return; }
      if (v.length < 2) return;
      try {
        found = await getJson('/api/network/search?' + new URLSearchParams({q: v, limit: 12}));
        list.innerHTML = found.map((n) => '<option value="' + esc(n.label) + '">' + esc(n.type) + '</option>').join('');
      } catch (err) { status(err.message); }
    });
    input.addEventListener('keydown', async (ev) => {
      if (ev.key !== 'Enter') return;
      const v = input.value.trim();
      if (!v) return;
      const hits = found.length ? found : await getJson('/api/network/search?' + new URLSearchParams({q: v, limit: 1}));
      if (hits.length) choose(hits[0]); else status('Nothing named like "' + v + '".');
    });
  }

  // ---- controls
  // The controls act as they change; Enter in a box must not submit (and reload) the page.
  $('controls').addEventListener('submit', (ev) => ev.preventDefault());
  fetch('/api/network/projections').then((r) => r.json()).then((ps) => {
    $('projection').innerHTML = ps.filter((p) => p.copsOnly).map((p) => '<option value="' + p.id + '" title="' + esc(p.description) + '">' + p.id + '</option>').join('');
    $('projection').value = state.projection;
  });
  $('projection').addEventListener('change', () => { state.projection = $('projection').value; state.focus = ''; load(); });
  $('depth').value = state.depth;
  $('depth').addEventListener('change', () => { state.depth = $('depth').value; if (state.focus) load(); else saveUrl(); });
  $('kinds').insertAdjacentHTML('beforeend', KINDS.map((k) => '<label><input type="checkbox" value="' + k + '"' + (state.kinds.includes(k) ? ' checked' : '') + '> ' + k + '</label>').join(' '));
  $('kinds').addEventListener('change', () => {
    state.kinds = Array.from($('kinds').querySelectorAll('input:checked')).map((i) => i.value);
    load();
  });
  const until = $('until');
  until.value = state.until ? state.until.slice(0, 4) : String(MAX_YEAR);
  $('until-out').textContent = state.until ? state.until.slice(0, 4) : 'all';
  until.addEventListener('input', () => { $('until-out').textContent = until.value === String(MAX_YEAR) ? 'all' : until.value; });
  until.addEventListener('change', () => { state.until = until.value === String(MAX_YEAR) ? '' : until.value; load(); });
  $('overview').addEventListener('click', () => { state.focus = ''; state.to = ''; load(); });
  searchBox($('search'), $('search-results'), (n) => { state.focus = n.iri; load(); });
  searchBox($('to'), $('to-results'), (n) => { state.to = n.iri; saveUrl(); showPath(); });

  cy.on('tap', 'node', (ev) => { showNode(ev.target); if (ev.target.data('more') || ev.target.data('type') === 'cop') expand(ev.target); });
  cy.on('tap', 'edge', (ev) => showEdge(ev.target));

  // URL values may be host paths (/id/cop/urbana): the API accepts them as they are.
  load();
})();
