// copgraph network explorer: draws /api/network data with Cytoscape.js. The whole view
// (focus, depth, projection, link kinds, time, path target) lives in the URL, so it can be shared.
// No inline handlers or styles: the page's Content-Security-Policy allows scripts and styles from
// 'self' only (Cytoscape styles its canvas through JavaScript, which that allows).
(function () {
  'use strict';
  // What the drawing encodes, in one place: the styles and the legend are both made from these.
  const KINDS = ['cross-pollination', 'member', 'practice', 'domain', 'event', 'organisational', 'suggested'];
  // Links copgraph computed ("suggested") are a kind of their own, off unless a mapper turns them on.
  const DEFAULT_KINDS = KINDS.filter((k) => k !== 'suggested');
  const KIND_NAMES = {
    'cross-pollination': 'Cross-pollination (practice, tool or idea moved between CoPs)',
    member: 'Membership or shared member',
    practice: 'Practice or tool',
    domain: 'Domain',
    event: 'Event (organiser, guest, facilitator, partner)',
    organisational: 'Organisational tie (host, network, ecosystem)',
    suggested: 'Suggested by copgraph (computed: who could learn from whom, with reasons; not a fact of any source)'
  };
  const KIND_SHORT = {'cross-pollination': 'cross-pollination', member: 'members', practice: 'practices', domain: 'domains',
    event: 'events', organisational: 'organisational', suggested: 'suggested'};
  const KIND_COLOURS = {'cross-pollination': '#d81b60', member: '#1e88e5', practice: '#43a047', domain: '#8e24aa',
    event: '#f57c00', organisational: '#546e7a', suggested: '#00838f'};
  const SUGGESTED_DASHES = [10, 5];
  const MIXED_COLOUR = '#9e9e9e';
  const TYPES = {
    cop: {name: 'Community of practice', shape: 'ellipse'},
    person: {name: 'Person', shape: 'round-rectangle', colour: '#8d6e63'},
    organisation: {name: 'Organisation', shape: 'hexagon', colour: '#546e7a'},
    practice: {name: 'Practice or tool', shape: 'diamond', colour: '#7cb342'},
    event: {name: 'Event', shape: 'triangle', colour: '#f9a825'},
    domain: {name: 'Domain', shape: 'tag', colour: '#ab47bc'},
    other: {name: 'Other resource', shape: 'rectangle', colour: '#9e9e9e'}
  };
  const COMMUNITY_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#e377c2', '#bcbd22', '#8c564b', '#7f7f7f'];
  const METRICS = [
    ['degree', 'Degree (number of links)'],
    ['weightedDegree', 'Weighted degree (links weighted by their strength)'],
    ['betweenness', 'Betweenness centrality'],
    ['closeness', 'Closeness centrality'],
    ['clustering', 'Clustering coefficient'],
    ['community', 'Community (cluster of closely linked CoPs)'],
    ['articulationPoint', 'Articulation point (removing it splits the network)']
  ];
  const PROJECTION_NAMES = {all: 'CoPs, all ties', 'cross-pollination': 'CoPs, cross-pollinations',
    'shared-members': 'CoPs, shared members', 'shared-practices': 'CoPs, shared practices', 'shared-domains': 'CoPs, shared domains',
    'shared-events': 'CoPs, shared events', organisational: 'CoPs, organisational ties'};
  const FOCUS_COLOUR = '#e53935';
  const OVERVIEW_LIMIT = 300;
  const MAX_YEAR = 2031;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const state = {
    // ?from= is the paths API's name for the start: taken as the focus.
    focus: params.get('focus') || params.get('from') || '',
    depth: params.get('depth') || '1',
    projection: params.get('projection') || 'all',
    kinds: params.get('kinds') ? params.get('kinds').split(',') : DEFAULT_KINDS.slice(),
    until: params.get('until') || '',
    to: params.get('to') || params.get('path') || '',
    // What is drawn: 'overview', 'neighbourhood', 'source' or 'path' (for the downloads).
    view: 'overview',
    title: ''
  };

  const nodeStyles = Object.entries(TYPES).map(([t, d]) => ({selector: 'node[type = "' + t + '"]', style: {'shape': d.shape}}));
  const cy = cytoscape({
    container: $('cy'),
    wheelSensitivity: 0.3,
    style: [
      {selector: 'node', style: {
        'label': 'data(display)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 120,
        'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
        'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#222'}}
    ].concat(nodeStyles, [
      {selector: 'node[type = "cop"]', style: {'border-width': 2, 'border-color': '#333', 'font-weight': 'bold'}},
      {selector: 'node[?articulationPoint]', style: {'border-color': '#000', 'border-width': 5, 'border-style': 'double'}},
      {selector: 'edge', style: {'width': 'mapData(weight, 1, 10, 1, 8)', 'line-color': 'data(colour)', 'curve-style': 'bezier', 'opacity': 0.8}},
      {selector: 'edge[?directed]', style: {'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)'}},
      {selector: 'edge[evidence = "reported"]', style: {'line-style': 'dashed'}},
      {selector: 'edge[evidence = "proposed"]', style: {'line-style': 'dotted'}},
      {selector: 'edge[evidence = "suggested"]', style: {'line-style': 'dashed', 'line-dash-pattern': SUGGESTED_DASHES}},
      {selector: 'node.on-path', style: {'border-color': FOCUS_COLOUR, 'border-width': 4, 'border-style': 'solid'}},
      {selector: 'edge.on-path', style: {'line-color': FOCUS_COLOUR, 'target-arrow-color': FOCUS_COLOUR, 'width': 5, 'opacity': 1}},
      {selector: 'node.focus', style: {'border-color': FOCUS_COLOUR, 'border-width': 6, 'border-style': 'solid',
        'font-size': 12, 'font-weight': 'bold', 'color': FOCUS_COLOUR, 'z-index': 10}},
      {selector: ':selected', style: {'overlay-opacity': 0.15}}
    ])
  });
  window.cy = cy;

  function status(text) { $('status').textContent = text; }

  function esc(s) { return String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c])); }

  function fmt(x) {
    if (typeof x === 'boolean') return x ? 'yes' : 'no';
    return typeof x === 'number' ? (Number.isInteger(x) ? x : x.toFixed(3)) : x;
  }

  function typeName(t) { return (TYPES[t] || TYPES.other).name; }

  // ---- the address

  /** Whether the link kinds chosen differ from what the server shows when none is named (every fact, no suggestion). */
  function kindsChosen() {
    return state.kinds.length > 0 && !(state.kinds.length === DEFAULT_KINDS.length && DEFAULT_KINDS.every((k) => state.kinds.includes(k)));
  }

  function query(extra) {
    const q = new URLSearchParams();
    if (kindsChosen()) q.set('kinds', state.kinds.join(','));
    if (state.until) q.set('until', state.until);
    Object.entries(extra || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
    return q.toString();
  }

  function saveUrl() {
    const q = new URLSearchParams();
    if (state.focus) q.set('focus', pathOrIri(state.focus));
    if (state.focus && state.depth !== '1') q.set('depth', state.depth);
    if (state.projection !== 'all') q.set('projection', state.projection);
    if (kindsChosen()) q.set('kinds', state.kinds.join(','));
    if (state.until) q.set('until', state.until);
    if (state.to) q.set('to', pathOrIri(state.to));
    history.replaceState(null, '', '/explore' + (q.toString() ? '?' + q : ''));
    updateExports();
  }

  function pathOrIri(iri) {
    const n = cy.getElementById(iri);
    return n.nonempty() && n.data('path') ? n.data('path') : iri;
  }

  // ---- downloads: the server's files for the scope shown, and exactly what is drawn

  function exportQuery() {
    if (state.view === 'path') {
      const q = new URLSearchParams({from: state.focus, to: state.to, k: 3});
      if (kindsChosen()) q.set('kinds', state.kinds.join(','));
      if (state.until) q.set('until', state.until);
      return q.toString();
    }
    return state.focus ? query({focus: state.focus, depth: state.depth})
                       : query({projection: state.projection, limit: OVERVIEW_LIMIT});
  }

  function updateExports() {
    const q = exportQuery();
    $('x-gexf').href = '/api/network/export.gexf?' + q;
    $('x-graphml').href = '/api/network/export.graphml?' + q;
    $('x-csv-nodes').href = '/api/network/export.csv?' + q + '&table=nodes';
    $('x-csv-edges').href = '/api/network/export.csv?' + q + '&table=edges';
    $('x-json').href = '/api/network/export.json?' + q;
    $('x-kumu').href = '/api/network/export.kumu.json?' + q;
    $('x-scope').textContent = state.title ? '(' + state.title + ')' : '';
  }

  function fileName(ext) {
    const slug = (state.title || 'network').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return 'copgraph-' + slug + '.' + ext;
  }

  function save(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  /** Cytoscape JSON of the nodes and links on the screen, with their reasons and metrics. */
  function drawn() {
    const clean = (el) => {
      const d = Object.assign({}, el.data());
      delete d.colour; delete d.size; delete d.display;
      return {data: d, classes: el.classes().join(' ') || undefined};
    };
    return {
      format_version: '1.0', generated_by: 'copgraph explorer', data: {name: state.title, url: location.href},
      elements: {nodes: cy.nodes().map((n) => Object.assign(clean(n), {position: n.position()})), edges: cy.edges().map(clean)}
    };
  }
  window.copgraphExplorer = {drawn: drawn};

  $('x-drawn').addEventListener('click', () => save(new Blob([JSON.stringify(drawn(), null, 2)], {type: 'application/json'}), fileName('json')));
  $('x-png').addEventListener('click', () => save(cy.png({output: 'blob', full: true, scale: 2, bg: '#ffffff'}), fileName('png')));

  // ---- errors, drawn over the canvas with ways out

  function hideProblem() { $('problem').hidden = true; $('problem').innerHTML = ''; }

  function exploreLink(extra) {
    const q = new URLSearchParams();
    Object.entries(extra).forEach(([k, v]) => { if (v) q.set(k, v); });
    return '/explore' + (q.toString() ? '?' + q : '');
  }

  /**
   * @param title what failed
   * @param err the Error thrown by getJson (its body is the API's error)
   * @param matchLink for a close match, where the explorer should go instead
   */
  function showProblem(title, err, matchLink) {
    const body = err.body || {};
    let html = '<h2>' + esc(title) + '</h2><p>' + esc(body.message || err.message) + '</p>';
    if (body.closeMatches && body.closeMatches.length) {
      html += '<p>Did you mean:</p><ul class="matches">' + body.closeMatches.map((m) =>
        '<li><a href="' + esc(matchLink(m.iri)) + '">' + esc(m.label) + '</a></li>').join('') + '</ul>';
    }
    html += '<p>Or: <a href="/explore">see the whole network</a> · <a href="/">go to the home page</a>'
      + ' · <button type="button" id="problem-close">close this message</button></p>';
    $('problem').innerHTML = html;
    $('problem').hidden = false;
    $('problem-close').addEventListener('click', hideProblem);
    status(title + ': ' + (body.message || err.message));
  }

  async function getJson(url) {
    const r = await fetch(url, {headers: {Accept: 'application/json'}});
    let body;
    try { body = await r.json(); } catch (e) { body = {message: r.status + ' ' + r.statusText}; }
    if (!r.ok) {
      const err = new Error(body.message || r.statusText);
      err.body = body;
      throw err;
    }
    return body;
  }

  // ---- drawing

  function kindsOf(d) {
    if (d.kinds) return d.kinds;
    return Array.from(new Set((d.reasons || []).map((r) => r.kind)));
  }

  /**
   * A link is drawn as well-founded as its best reason: solid when one is observed or states no
   * status (a plain statement of its source), dashed when the best is reported, dotted when all are only proposed.
   */
  function evidenceOf(reasons) {
    const ev = reasons.map((r) => r.evidence || 'stated');
    // A suggested link is computed, not evidenced: it is never drawn as a fact (nor a fact as it).
    if (ev.length && ev.every((e) => e === 'suggested')) return 'suggested';
    if (!ev.length || ev.some((e) => e === 'observed' || e === 'stated')) return 'stated';
    return ev.includes('reported') ? 'reported' : 'proposed';
  }

  function decorate(el) {
    const d = el.data;
    if (d.source) {
      const kinds = kindsOf(d);
      d.kinds = kinds;
      d.colour = kinds.length === 1 ? (KIND_COLOURS[kinds[0]] || MIXED_COLOUR) : MIXED_COLOUR;
      d.evidence = evidenceOf(d.reasons || []);
      return el;
    }
    const cop = d.type === 'cop';
    d.colour = cop ? COMMUNITY_COLOURS[(d.community || 0) % COMMUNITY_COLOURS.length] : (TYPES[d.type] || TYPES.other).colour;
    d.size = cop ? 28 + Math.round(60 * Math.sqrt(d.betweenness || 0)) : 18;
    d.display = d.label + (d.more ? '\n+' + d.more + ' more' : '');
    return el;
  }

  function merge(json, replace) {
    const els = [];
    json.elements.nodes.forEach((n) => {
      const existing = cy.getElementById(n.data.id);
      if (existing.nonempty() && !replace) { existing.data(decorate(n).data); } else { els.push(decorate(n)); }
    });
    json.elements.edges.forEach((e) => { if (replace || (cy.getElementById(e.data.id).empty() && !sameEnds(decorate(e).data))) els.push(decorate(e)); });
    if (replace) cy.elements().remove();
    return cy.add(els);
  }

  /** An edge already drawn between the same ends; a suggested link and a fact's never stand for each other. */
  function sameEnds(d) {
    const suggested = d.evidence === 'suggested';
    return cy.edges().some((e) => (e.data('evidence') === 'suggested') === suggested
      && ((e.data('source') === d.source && e.data('target') === d.target)
      || (!d.directed && e.data('source') === d.target && e.data('target') === d.source)));
  }

  function layout() {
    // Small views are laid out afresh (clearer); big ones keep their places so expanding does not reshuffle.
    cy.layout({name: 'cose', animate: false, randomize: cy.nodes().length < 150, nodeRepulsion: () => 400000,
      idealEdgeLength: () => 120, nodeOverlap: 40, componentSpacing: 120, padding: 40, randomSeed: 7}).run();
  }

  function highlightFocus() {
    cy.nodes().removeClass('focus');
    const f = state.focus ? cy.getElementById(state.focus) : cy.collection();
    if (f.nonempty()) {
      f.addClass('focus');
      showNode(f);
    }
    return f;
  }

  async function load() {
    hideProblem();
    state.view = state.focus ? 'neighbourhood' : 'overview';
    state.title = '';
    saveUrl();
    try {
      let json;
      if (state.focus) {
        json = await getJson('/api/network/neighbourhood?' + query({focus: state.focus, depth: state.depth}));
        state.focus = json.focus;
        state.view = json.source ? 'source' : 'neighbourhood';
        state.title = json.title;
      } else {
        json = await getJson('/api/network/export.json?' + query({projection: state.projection, limit: OVERVIEW_LIMIT, disposition: 'inline'}));
        state.title = json.data && json.data.name;
      }
      merge(json, true);
      layout();
      const f = highlightFocus();
      $('search').value = f.nonempty() ? f.data('label') : (json.source ? json.title : '');
      status((json.source ? 'The resources that source ties together: ' : '') + cy.nodes().length + ' nodes, '
        + cy.edges().length + ' links. ' + ((json.data && json.data.notes) || []).join(' '));
      saveUrl();
      if (state.to) await showPath();
    } catch (err) {
      cy.elements().remove();
      $('search').value = state.focus;
      const what = state.focus ? 'Nothing to draw around ' + state.focus : 'Could not load the network';
      showProblem(what, err, (iri) => exploreLink({focus: iri, depth: state.depth !== '1' ? state.depth : '', to: state.to}));
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
      showProblem('Could not expand ' + node.data('label'), err, (iri) => exploreLink({focus: iri}));
    }
  }

  function showNode(node) {
    const d = node.data();
    let html = '<h2>' + esc(d.label) + '</h2><p>' + esc(typeName(d.type))
      + (d.path ? ' · <a href="' + esc(d.path) + '">' + esc(d.path) + '</a>' : '') + '</p>';
    const rows = METRICS.filter(([k]) => d[k] !== undefined)
      .map(([k, name]) => '<tr><th scope="row">' + esc(name) + '</th><td>' + esc(fmt(d[k])) + '</td></tr>').join('');
    if (rows) html += '<table><caption>Network measures (all ties between CoPs)</caption>' + rows + '</table>';
    if (d.more) html += '<p>+' + d.more + ' more neighbours not shown.</p>';
    html += '<p><button type="button" id="focus-here">Focus here</button></p>';
    $('panel').innerHTML = html;
    $('focus-here').addEventListener('click', () => { state.focus = d.id; load(); });
  }

  /** A source graph as a link to its page on this host (its IRI ends in /graph/...), else as text. */
  function sourceLink(iri) {
    const at = iri.indexOf('/graph/');
    return at < 0 ? esc(iri) : '<a href="' + esc(iri.substring(at)) + '">' + esc(iri.substring(at + 7)) + '</a>';
  }

  function reasonList(reasons) {
    return '<ul>' + reasons.map((r) => '<li>' + (r.kind === 'suggested' ? '' : '<strong>' + esc(KIND_SHORT[r.kind] || r.kind) + '</strong>: ') + esc(r.text)
      + (r.date ? ' <em>(' + esc(r.date) + ')</em>' : '') + '<br><small>source: ' + r.sources.map(sourceLink).join(', ') + '</small></li>').join('') + '</ul>';
  }

  function showEdge(edge) {
    const d = edge.data();
    const a = cy.getElementById(d.source);
    const b = cy.getElementById(d.target);
    if (d.evidence === 'suggested') {
      // The first reason sums the suggestion up; the others are its reasons, each with its sources.
      const learner = b.data('path');
      $('panel').innerHTML = '<h2>' + esc(a.data('label')) + ' → ' + esc(b.data('label')) + ' (suggested)</h2>'
        + '<p class="suggested-note">Computed by copgraph (evidence status: suggested), not stated by any source.</p>'
        + '<p>' + esc(d.reasons[0].text) + '</p><h3>Why</h3>' + reasonList(d.reasons.slice(1))
        + '<p>' + (learner ? '<a href="' + esc(learner) + '#could-learn-from">What ' + esc(b.data('label')) + ' could learn</a> · ' : '')
        + '<a href="/api/suggestions?cop=' + encodeURIComponent(d.target) + '">as JSON</a></p>';
      return;
    }
    $('panel').innerHTML = '<h2>' + esc(a.data('label')) + (d.directed ? ' → ' : ' — ') + esc(b.data('label')) + '</h2><p>weight ' + fmt(d.weight) + '</p>' + reasonList(d.reasons);
  }

  async function showPath() {
    const from = state.focus || (cy.$('node:selected').nonempty() ? cy.$('node:selected').id() : '');
    if (!from || !state.to) { status('Choose a focus (click a node, or Find) and a resource to connect it to.'); return; }
    state.focus = from;
    try {
      const json = await getJson('/api/network/paths?' + new URLSearchParams(Object.assign({from: from, to: state.to, k: 3},
        state.until ? {until: state.until} : {}, kindsChosen() ? {kinds: state.kinds.join(',')} : {})));
      cy.elements().removeClass('on-path');
      state.to = json.to;
      state.view = 'path';
      const last = json.paths.length ? json.paths[0].hops[json.paths[0].hops.length - 1].to : null;
      $('to').value = last ? last.label : state.to;
      const first = json.paths.length ? json.paths[0].hops[0].from : null;
      state.title = 'paths from ' + (first ? first.label : from) + ' to ' + (last ? last.label : state.to);
      saveUrl();
      if (!json.paths.length) { $('panel').innerHTML = '<h2>How they connect</h2><p>No path within 4 links.</p>'; return; }
      let html = '<h2>How they connect</h2>';
      json.paths.forEach((p, i) => {
        html += '<h3>Path ' + (i + 1) + ' (' + p.length + (p.length === 1 ? ' link' : ' links') + ')</h3><ol>';
        p.hops.forEach((h) => {
          [h.from, h.to].forEach((n) => {
            if (cy.getElementById(n.iri).empty()) cy.add(decorate({group: 'nodes', data: {id: n.iri, label: n.label, type: n.type, path: n.path}}));
          });
          let e = cy.edges().filter((x) => (x.data('source') === h.from.iri && x.data('target') === h.to.iri) || (x.data('source') === h.to.iri && x.data('target') === h.from.iri));
          if (e.empty()) e = cy.add(decorate({group: 'edges', data: {id: 'path-' + h.from.iri + '-' + h.to.iri, source: h.from.iri, target: h.to.iri, weight: h.reasons.length, reasons: h.reasons}}));
          if (i === 0) { e.addClass('on-path'); cy.getElementById(h.from.iri).addClass('on-path'); cy.getElementById(h.to.iri).addClass('on-path'); }
          html += '<li>' + esc(h.from.label) + ' — ' + esc(h.to.label) + reasonList(h.reasons) + '</li>';
        });
        html += '</ol>';
      });
      $('panel').innerHTML = html;
      layout();
    } catch (err) {
      $('to').value = state.to;
      showProblem('No path to ' + state.to, err, (iri) => exploreLink({focus: pathOrIri(from), to: iri}));
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
        list.innerHTML = found.map((n) => '<option value="' + esc(n.label) + '">' + esc(typeName(n.type)) + '</option>').join('');
      } catch (err) { status(err.message); }
    });
    input.addEventListener('keydown', async (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      const v = input.value.trim();
      if (!v) return;
      const hits = found.length ? found : await getJson('/api/network/search?' + new URLSearchParams({q: v, limit: 1}));
      if (hits.length) choose(hits[0]); else status('Nothing named like "' + v + '".');
    });
  }

  // ---- the legend, made from what the styles use

  const SVG = 'http://www.w3.org/2000/svg';
  const SHAPES = {
    'ellipse': ['circle', {cx: 10, cy: 10, r: 8}],
    'round-rectangle': ['rect', {x: 2, y: 4, width: 16, height: 12, rx: 3}],
    'rectangle': ['rect', {x: 2, y: 4, width: 16, height: 12}],
    'hexagon': ['polygon', {points: '5,2 15,2 19,10 15,18 5,18 1,10'}],
    'diamond': ['polygon', {points: '10,1 19,10 10,19 1,10'}],
    'triangle': ['polygon', {points: '10,2 19,18 1,18'}],
    'tag': ['polygon', {points: '1,3 13,3 19,10 13,17 1,17'}]
  };

  function svg(children) {
    const s = document.createElementNS(SVG, 'svg');
    s.setAttribute('width', '22');
    s.setAttribute('height', '20');
    s.setAttribute('viewBox', '0 0 22 20');
    s.setAttribute('aria-hidden', 'true');
    children.forEach(([name, attrs]) => {
      const c = document.createElementNS(SVG, name);
      Object.entries(attrs).forEach(([k, v]) => c.setAttribute(k, v));
      s.appendChild(c);
    });
    return s;
  }

  function shape(name, fill, stroke, width) {
    const [el, attrs] = SHAPES[name];
    return svg([[el, Object.assign({fill: fill, stroke: stroke || 'none', 'stroke-width': width || 0}, attrs)]]);
  }

  function line(colour, width, arrow, dashes) {
    const attrs = {x1: 1, y1: 10, x2: arrow ? 14 : 21, y2: 10, stroke: colour, 'stroke-width': width};
    if (dashes) attrs['stroke-dasharray'] = dashes;
    const parts = [['line', attrs]];
    if (arrow) parts.push(['polygon', {points: '13,5 21,10 13,15', fill: colour}]);
    return svg(parts);
  }

  function legendGroup(title, entries) {
    const div = document.createElement('div');
    const h = document.createElement('h3');
    h.textContent = title;
    const ul = document.createElement('ul');
    entries.forEach(([swatch, text]) => {
      const li = document.createElement('li');
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(text));
      ul.appendChild(li);
    });
    div.appendChild(h);
    div.appendChild(ul);
    $('legend').appendChild(div);
  }

  legendGroup('Nodes: shape and colour', Object.entries(TYPES).map(([t, d]) => t === 'cop'
    ? [shape('ellipse', COMMUNITY_COLOURS[0], '#333', 2), d.name + ': colour is its community (colours repeat after ten); size is its betweenness centrality']
    : [shape(d.shape, d.colour), d.name]));
  legendGroup('Borders', [
    [shape('ellipse', '#fff', FOCUS_COLOUR, 4), 'Thick red: the resource in focus'],
    [shape('ellipse', '#fff', '#000', 4), 'Thick black: an articulation point (removing it splits the network)'],
    [line(FOCUS_COLOUR, 4, false), 'Red links and borders: the shortest path asked for']
  ]);
  legendGroup('Links: colour is why they are linked', DEFAULT_KINDS.map((k) => [line(KIND_COLOURS[k], 3, k === 'cross-pollination'), KIND_NAMES[k]])
    .concat([[line(MIXED_COLOUR, 3, false), 'Grey: linked for several of these reasons'],
      [line('#78909c', 7, false), 'Thicker: more reasons, or a stronger cross-pollination (weight)'],
      [line('#78909c', 2, true), 'Arrow: the direction a cross-pollination went']]));
  legendGroup('Link lines: on what evidence', [
    [line('#555', 3, false), 'Solid: observed, or stated by a source without a status'],
    [line('#555', 3, false, '5,3'), 'Dashed: reported by a source'],
    [line('#555', 3, false, '1,3'), 'Dotted: only proposed or planned']
  ]);
  legendGroup('Suggested links (shown when "suggested" is ticked)', [
    [line(KIND_COLOURS.suggested, 3, true, SUGGESTED_DASHES.join(',')),
      'Long teal dashes: suggested by copgraph, from the CoP that could help to the one that could learn; computed, not a fact of any source']
  ]);

  // ---- controls
  $('controls').addEventListener('submit', (ev) => ev.preventDefault());
  fetch('/api/network/projections').then((r) => r.json()).then((ps) => {
    $('projection').innerHTML = ps.filter((p) => p.copsOnly).map((p) => '<option value="' + esc(p.id) + '" title="' + esc(p.description) + '">'
      + esc(PROJECTION_NAMES[p.id] || p.id) + '</option>').join('');
    $('projection').value = state.projection;
  });
  $('projection').addEventListener('change', () => { state.projection = $('projection').value; state.focus = ''; state.to = ''; load(); });
  $('depth').value = state.depth;
  $('depth').addEventListener('change', () => { state.depth = $('depth').value; if (state.focus) load(); else saveUrl(); });
  $('kinds').insertAdjacentHTML('beforeend', KINDS.map((k) => '<label title="' + esc(KIND_NAMES[k]) + '"><input type="checkbox" value="' + k + '"'
    + (state.kinds.includes(k) ? ' checked' : '') + '> ' + esc(KIND_SHORT[k]) + '</label>').join(' '));
  $('kinds').addEventListener('change', () => {
    state.kinds = Array.from($('kinds').querySelectorAll('input:checked')).map((i) => i.value);
    load();
  });
  const until = $('until');
  until.value = state.until ? state.until.slice(0, 4) : String(MAX_YEAR);
  $('until-out').textContent = state.until ? state.until.slice(0, 4) : 'all';
  until.addEventListener('input', () => { $('until-out').textContent = until.value === String(MAX_YEAR) ? 'all' : until.value; });
  until.addEventListener('change', () => { state.until = until.value === String(MAX_YEAR) ? '' : until.value; load(); });
  $('overview').addEventListener('click', () => { state.focus = ''; state.to = ''; $('search').value = ''; $('to').value = ''; load(); });
  // Filled from the address at once; replaced by the resources' names once they are found.
  $('search').value = state.focus;
  $('to').value = state.to;
  searchBox($('search'), $('search-results'), (n) => { state.focus = n.iri; load(); });
  searchBox($('to'), $('to-results'), (n) => { state.to = n.iri; hideProblem(); saveUrl(); showPath(); });

  cy.on('tap', 'node', (ev) => { showNode(ev.target); if (ev.target.data('more') || ev.target.data('type') === 'cop') expand(ev.target); });
  cy.on('tap', 'edge', (ev) => showEdge(ev.target));

  // URL values may be host paths (/id/cop/urbana): the API accepts them as they are.
  load();
})();
