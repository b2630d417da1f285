// Draws the places listed on a map page (partial/mapBody.jte) on a Leaflet map. The list stays the
// content: without JavaScript, or without Leaflet, the page reads the same minus the picture.
// Background tiles only when the server was given some (--map-tiles); otherwise a plain pane with a
// graticule, so a map page makes no request to any other server.
(function () {
  'use strict';
  var el = document.getElementById('map');
  if (!el || !window.L) {
    return;
  }
  el.hidden = false;
  var map = L.map(el, {worldCopyJump: false, minZoom: 1, maxZoom: 18});
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  var tiles = el.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, {attribution: escapeText(el.getAttribute('data-attribution') || ''), maxZoom: 18}).addTo(map);
  } else {
    el.classList.add('plain');
    for (var lat = -75; lat <= 75; lat += 15) {
      L.polyline([[lat, -180], [lat, 180]], {className: 'graticule', weight: 1, interactive: false}).addTo(map);
    }
    for (var lon = -180; lon <= 180; lon += 15) {
      L.polyline([[-85, lon], [85, lon]], {className: 'graticule', weight: 1, interactive: false}).addTo(map);
    }
  }
  L.control.scale({imperial: false}).addTo(map);
  var points = [];
  var places = document.querySelectorAll('#places .place[data-lat]');
  Array.prototype.forEach.call(places, function (place) {
    var lat = parseFloat(place.getAttribute('data-lat'));
    var lon = parseFloat(place.getAttribute('data-lon'));
    if (!isFinite(lat) || !isFinite(lon)) {
      return;
    }
    var cop = place.closest('li').querySelector('a.cop');
    var where = place.querySelector('a');
    var name = cop.textContent + ' (' + where.textContent + ')';
    var marker = L.marker([lat, lon], {title: name, alt: name, keyboard: true});
    marker.bindPopup(function () { return popup(cop, where); });
    marker.addTo(map);
    points.push([lat, lon]);
  });
  if (points.length) {
    map.fitBounds(points, {padding: [30, 30], maxZoom: 10});
  } else {
    map.setView([20, 0], 1);
  }

  // Built from the list's own links as elements, never as HTML, so no text from the data is parsed.
  function popup(cop, where) {
    var div = document.createElement('div');
    var a = document.createElement('a');
    a.href = cop.href;
    a.textContent = cop.textContent;
    var b = document.createElement('a');
    b.href = where.href;
    b.textContent = where.textContent;
    div.appendChild(a);
    div.appendChild(document.createElement('br'));
    div.appendChild(b);
    return div;
  }

  function escapeText(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
})();
