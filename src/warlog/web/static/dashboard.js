// warlog dashboard: map of incidents (Leaflet, vendored), timeline histogram with brushing, filters.
// Everything comes from this server's /api and /static; data reaches the page only as text
// (textContent, never innerHTML), since titles and names come from untrusted articles.
"use strict";

(function () {
  const COLORS = {
    "Battles": "#d55e00",
    "Explosions/Remote violence": "#e69f00",
    "Violence against civilians": "#cc79a7",
    "Protests": "#009e73",
    "Riots": "#0072b2",
    "Strategic developments": "#56b4e9",
  };
  const ADMIN1_ZOOM = 5;
  const form = document.getElementById("filters");
  const summary = document.getElementById("summary");
  const inView = document.getElementById("in-view");
  const svg = document.getElementById("timeline-svg");
  const SVGNS = "http://www.w3.org/2000/svg";

  const map = L.map("map", { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 1 }).setView([25, 20], 2);
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  const canvas = L.canvas({ padding: 0.5 });
  const markers = L.layerGroup().addTo(map);
  let admin1 = null;
  let admin1Loading = false;

  function slug(s) { return String(s || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""); }
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // -- basemap ------------------------------------------------------------------------------------
  fetch("/static/basemap/countries.geojson").then((r) => r.json()).then((data) => {
    L.geoJSON(data, { renderer: canvas, interactive: false,
      style: { color: "#8c8c8c", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  function maybeAdmin1() {
    if (map.getZoom() < ADMIN1_ZOOM) { if (admin1) map.removeLayer(admin1); return; }
    if (admin1) { if (!map.hasLayer(admin1)) admin1.addTo(map); return; }
    if (admin1Loading) return;
    admin1Loading = true;
    fetch("/static/basemap/admin1.geojson").then((r) => r.json()).then((data) => {
      admin1 = L.geoJSON(data, { renderer: canvas, interactive: false,
        style: { color: "#b0a999", weight: 0.6, dashArray: "3 3", fill: false } });
      if (map.getZoom() >= ADMIN1_ZOOM) admin1.addTo(map);
    });
  }

  // -- filters -> query string ----------------------------------------------------------------------
  function params(opts) {
    const p = new URLSearchParams();
    const types = [...form.querySelectorAll("input[name=event_type]")];
    const checked = types.filter((c) => c.checked).map((c) => c.value);
    if (checked.length < types.length) (checked.length ? checked : ["none"]).forEach((t) => p.append("event_type", t));
    if (!opts || !opts.noDates) {
      if (form.date_from.value) p.set("date_from", form.date_from.value);
      if (form.date_to.value) p.set("date_to", form.date_to.value);
    }
    if (form.actor.value.trim()) p.set("actor", form.actor.value.trim());
    if (form.country.value) p.set("country", form.country.value);
    if (Number(form.min_confidence.value) > 0) p.set("min_confidence", form.min_confidence.value);
    if (opts && opts.bbox) p.set("bbox", bbox());
    return p;
  }
  function bbox() {
    const b = map.getBounds();
    let west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
    return [west, south, east, north].map((x) => x.toFixed(4)).join(",");
  }

  // -- markers ----------------------------------------------------------------------------------------
  function popup(p) {
    const box = el("div", { class: "popup" });
    const h = el("h3");
    const a = el("a", { href: "/incidents/" + encodeURIComponent(p.incident_id) }, (p.sub_event_type || p.event_type));
    h.appendChild(a);
    box.appendChild(h);
    box.appendChild(el("p", {}, [p.place || "unknown place", p.date || "undated"].join(" · ")));
    box.appendChild(el("p", {}, "fatalities " + p.fatalities + " · " + p.reports + " report(s) · confidence " + p.confidence));
    return box;
  }
  function drawMarkers(fc) {
    markers.clearLayers();
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const color = COLORS[p.event_type] || "#666";
      if (p.cluster) {
        const size = Math.round(22 + 6 * Math.log2(p.count));
        const label = el("span", {}, p.count);
        const icon = L.divIcon({ html: label, className: "cluster-marker type-" + slug(p.event_type), iconSize: [size, size] });
        const m = L.marker([lat, lon], { icon: icon, title: p.count + " incidents, " + p.fatalities + " killed" });
        m.on("click", () => map.setView([lat, lon], Math.min(map.getZoom() + 2, 14)));
        markers.addLayer(m);
      } else {
        const radius = Math.min(22, 5 + 2.5 * Math.sqrt(p.fatalities || 0));
        const m = L.circleMarker([lat, lon], { radius: radius, color: "#222", weight: 1, fillColor: color,
          fillOpacity: 0.85, className: "incident-marker type-" + slug(p.event_type) });
        m.bindPopup(() => popup(p));
        markers.addLayer(m);
      }
    }
    document.body.dataset.markers = String(fc.features.length);
  }

  let seq = 0;
  function refresh() {
    const mine = ++seq;
    const p = params({ bbox: true });
    const mapQuery = new URLSearchParams(p);
    mapQuery.set("zoom", String(map.getZoom()));
    document.body.dataset.loading = "1";
    Promise.all([
      fetch("/api/map?" + mapQuery).then((r) => r.json()),
      fetch("/api/incidents?" + p + "&sort=-fatalities&limit=10").then((r) => r.json()),
    ]).then(([fc, top]) => {
      if (mine !== seq) return;
      drawMarkers(fc);
      summary.textContent = fc.total + " incident(s) in view" + (fc.truncated ? " (largest shown)" : "");
      inView.replaceChildren(...top.items.map((i) => {
        const li = el("li");
        const name = (i.location && (i.location.name || i.location.text)) || "unknown place";
        li.appendChild(el("a", { href: "/incidents/" + encodeURIComponent(i.incident_id) },
          name + ", " + (i.date || "undated")));
        li.appendChild(document.createTextNode(" — " + i.sub_event_type + ", " + (i.fatalities.best ?? i.fatalities.high ?? "?") + " killed"));
        return li;
      }));
      const q = p.toString();
      document.getElementById("dl-geojson").href = "/api/incidents.geojson" + (q ? "?" + q : "");
      document.getElementById("dl-csv").href = "/api/incidents.csv" + (q ? "?" + q : "");
      document.body.dataset.loading = "";
    });
  }

  // -- timeline with brushing ---------------------------------------------------------------------------
  let bins = [];
  let layout = null;
  function drawTimeline() {
    fetch("/api/timeline?" + params({ noDates: true })).then((r) => r.json()).then((t) => {
      bins = t.bins;
      renderTimeline();
    });
  }
  function renderTimeline() {
    svg.replaceChildren();
    const width = svg.clientWidth || 800, height = 90, axis = 14;
    if (!bins.length) { layout = null; return; }
    const max = Math.max(1, ...bins.map((b) => b.count));
    const w = width / bins.length;
    layout = { width: width, w: w };
    const from = form.date_from.value, to = form.date_to.value;
    bins.forEach((b, i) => {
      const h = Math.max(b.count ? 1 : 0, (height - axis - 4) * b.count / max);
      const inRange = (!from || b.start >= from.slice(0, b.start.length)) && (!to || b.start <= to);
      const rect = document.createElementNS(SVGNS, "rect");
      rect.setAttribute("x", (i * w).toFixed(2));
      rect.setAttribute("y", (height - axis - h).toFixed(2));
      rect.setAttribute("width", Math.max(0.5, w - (w > 3 ? 1 : 0)).toFixed(2));
      rect.setAttribute("height", h.toFixed(2));
      rect.setAttribute("class", "bar" + ((from || to) && inRange ? " in" : ""));
      const title = document.createElementNS(SVGNS, "title");
      title.textContent = b.start + ": " + b.count + " incident(s), " + b.fatalities + " killed";
      rect.appendChild(title);
      svg.appendChild(rect);
    });
    const ticks = Math.min(8, bins.length);
    for (let k = 0; k < ticks; k++) {
      const i = Math.round(k * (bins.length - 1) / Math.max(1, ticks - 1));
      const text = document.createElementNS(SVGNS, "text");
      text.setAttribute("x", Math.min(width - 60, i * w).toFixed(1));
      text.setAttribute("y", String(height - 2));
      text.setAttribute("class", "axis");
      text.textContent = bins[i].start;
      svg.appendChild(text);
    }
  }
  function binAt(x) { return Math.max(0, Math.min(bins.length - 1, Math.floor(x / layout.w))); }
  function binEnd(i) {
    if (i + 1 < bins.length) {
      const d = new Date(bins[i + 1].start + "T00:00:00Z");
      d.setUTCDate(d.getUTCDate() - 1);
      return d.toISOString().slice(0, 10);
    }
    return bins[i].start.length === 10 ? (document.getElementById("date_to").max || bins[i].start) : bins[i].start;
  }
  let brushStart = null, brushRect = null;
  function localX(ev) { return ev.clientX - svg.getBoundingClientRect().left; }
  svg.addEventListener("pointerdown", (ev) => {
    if (!layout) return;
    brushStart = localX(ev);
    svg.setPointerCapture(ev.pointerId);
    brushRect = document.createElementNS(SVGNS, "rect");
    brushRect.setAttribute("class", "brush");
    brushRect.setAttribute("y", "0");
    brushRect.setAttribute("height", "76");
    brushRect.setAttribute("x", String(brushStart));
    brushRect.setAttribute("width", "0");
    svg.appendChild(brushRect);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (brushStart === null) return;
    const x = localX(ev);
    brushRect.setAttribute("x", String(Math.min(x, brushStart)));
    brushRect.setAttribute("width", String(Math.abs(x - brushStart)));
  });
  svg.addEventListener("pointerup", (ev) => {
    if (brushStart === null) return;
    const x = localX(ev);
    const a = Math.min(x, brushStart), b = Math.max(x, brushStart);
    brushStart = null;
    if (b - a < 3) {
      form.date_from.value = "";
      form.date_to.value = "";
    } else {
      form.date_from.value = bins[binAt(a)].start;
      form.date_to.value = binEnd(binAt(b));
    }
    renderTimeline();
    refresh();
  });

  // -- wiring --------------------------------------------------------------------------------------------
  let timer = null;
  function later(fn) { clearTimeout(timer); timer = setTimeout(fn, 150); }
  form.addEventListener("input", (ev) => {
    document.getElementById("conf_out").textContent = form.min_confidence.value;
    const dates = ev.target.name === "date_from" || ev.target.name === "date_to";
    later(() => { if (!dates) drawTimeline(); else renderTimeline(); refresh(); });
  });
  form.addEventListener("reset", () => setTimeout(() => {
    document.getElementById("conf_out").textContent = "0";
    drawTimeline();
    refresh();
  }, 0));
  form.addEventListener("submit", (ev) => ev.preventDefault());
  map.on("moveend", () => { maybeAdmin1(); later(refresh); });
  window.addEventListener("resize", () => renderTimeline());

  // First view: fit the incidents, then draw.
  fetch("/api/map?zoom=1").then((r) => r.json()).then((fc) => {
    const pts = fc.features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 7 });
    drawTimeline();
    refresh();
  });
})();
