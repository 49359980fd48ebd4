/* Map for /kaart: the same services as the list, in sync. Works without tiles (empty TILE_URL). */
(function () {
  "use strict";
  var el = document.getElementById("kaart");
  var data = document.getElementById("kaart-punten");
  if (!el || !data || typeof L === "undefined") { return; }
  var points = JSON.parse(data.textContent || "[]");
  // Texts in the interface language (base.html, #kaart-teksten); Dutch when missing.
  var T = {};
  try { T = JSON.parse((document.getElementById("kaart-teksten") || {}).textContent || "{}"); } catch (e) { T = {}; }
  // The map and its legend only show with JavaScript (without it the list is the whole page).
  el.hidden = false;
  var legend = document.getElementById("kaart-legenda");
  if (legend) { legend.hidden = false; }
  var map = L.map(el, { keyboard: true, scrollWheelZoom: false, zoomSnap: 0.5, maxZoom: 18, minZoom: 6 });
  var notice = document.getElementById("kaart-melding");
  var noTiles = function () { if (notice) { notice.hidden = false; } el.classList.add("kaart-kaart--zonder-tegels"); };
  var tiles = el.getAttribute("data-tiles");
  if (tiles) {
    var layer = L.tileLayer(tiles, {
      maxZoom: 19, minZoom: 6,
      attribution: (T.kaartBron || "Kaart") + ': <a href="https://www.pdok.nl/">PDOK</a> (Kadaster)'
    });
    var failed = 0;
    layer.on("tileerror", function () { failed += 1; if (failed === 1) { noTiles(); } });
    layer.on("tileload", function () { if (notice && failed === 0) { notice.hidden = true; } });
    layer.addTo(map);
  } else {
    noTiles();
  }
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');

  function pin(approx, active) {
    return L.divIcon({
      className: "",
      html: '<span class="kaart-pin' + (approx ? " kaart-pin--benaderd" : "") + (active ? " kaart-pin--actief" : "") + '"></span>',
      iconSize: [22, 22], iconAnchor: [11, 22], popupAnchor: [0, -20]
    });
  }
  // Many services share one point (an approximate kern centre): the cluster shows the count and, on click,
  // spreads its markers around the point ("spiderfy") when zooming in would not separate them.
  var cluster = typeof L.markerClusterGroup === "function" ? L.markerClusterGroup({
    showCoverageOnHover: false, spiderfyOnMaxZoom: true, spiderfyDistanceMultiplier: 1.6,
    iconCreateFunction: function (c) {
      var n = c.getChildCount();
      return L.divIcon({ className: "", html: '<span class="kaart-cluster" aria-hidden="true">' + n + "</span>", iconSize: [40, 40] });
    }
  }) : L.layerGroup();
  var byId = {};
  var bounds = [];
  // An approximate location (e.g. the centre of a kern) is drawn as an area with a dashed edge, once per spot.
  var areas = L.layerGroup();
  var seenArea = {};
  points.forEach(function (p) {
    if (!p.approx) { return; }
    var key = p.lat + "," + p.lon;
    if (seenArea[key]) { return; }
    seenArea[key] = true;
    areas.addLayer(L.circle([p.lat, p.lon], {
      radius: 700, interactive: false, className: "kaart-gebied",
      weight: 2, dashArray: "6 6", fillOpacity: 0.06
    }));
  });
  areas.addTo(map);
  points.forEach(function (p) {
    var m = L.marker([p.lat, p.lon], { icon: pin(p.approx, false), keyboard: true, title: p.name, alt: p.name });
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = p.href; a.className = "utrecht-link"; a.textContent = p.name;
    var org = document.createElement("div"); org.textContent = p.org;
    box.appendChild(a); box.appendChild(org);
    if (p.approx) { var s = document.createElement("div"); s.textContent = T.benaderd || "Locatie bij benadering"; box.appendChild(s); }
    m.bindPopup(box);
    m.on("click", function () { highlight(p.id, false); });
    m.on("add", function () {
      var icon = m.getElement();
      if (icon) { icon.setAttribute("role", "button"); icon.setAttribute("aria-label", p.name + (p.approx ? " (" + (T.benaderdKort || "locatie bij benadering") + ")" : "")); }
    });
    (byId[p.id] = byId[p.id] || []).push(m);
    cluster.addLayer(m);
    bounds.push([p.lat, p.lon]);
  });
  map.addLayer(cluster);
  // Cluster icons are made by the plugin: give each one a name for screen readers.
  var label = function (node) {
    if (node.nodeType === 1 && node.classList.contains("leaflet-marker-icon") && !node.getAttribute("aria-label")) {
      var n = node.textContent.trim();
      if (n) { node.setAttribute("role", "button"); node.setAttribute("aria-label", (T.groep || "Groep van {n} vormen van hulp: klik om ze te tonen").replace("{n}", n)); }
    }
  };
  var pane = map.getPane("markerPane");
  Array.prototype.forEach.call(pane.children, label);
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (r) { Array.prototype.forEach.call(r.addedNodes, label); });
    }).observe(pane, { childList: true });
  }
  if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14 }); }
  else { map.setView([51.925, 6.58], 11); }

  var active = null;
  function highlight(id, scroll) {
    if (active) { active.classList.remove("kaart-kaartje--actief"); }
    active = document.getElementById("dienst-" + id);
    if (active) {
      active.classList.add("kaart-kaartje--actief");
      if (scroll) { active.scrollIntoView({ block: "nearest" }); }
    }
  }
  document.querySelectorAll(".kaart-toon").forEach(function (btn) {
    var id = btn.getAttribute("data-id");
    if (!byId[id]) { return; }
    btn.hidden = false;
    btn.addEventListener("click", function () {
      var m = byId[id][0];
      highlight(id, false);
      var open = function () { m.openPopup(); el.focus({ preventScroll: false }); };
      if (cluster.zoomToShowLayer) { cluster.zoomToShowLayer(m, open); } else { map.setView(m.getLatLng(), 14); open(); }
    });
  });
})();
