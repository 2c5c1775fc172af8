/* rasd dashboard. All data reaches the page through textContent / DOM nodes, never innerHTML. */
(function () {
  "use strict";

  var I18N = {
    ar: {
      title: "رصد", subtitle: "أحداث النزاع من الأخبار العربية", from: "من", to: "إلى", country: "البلد",
      acled_type: "نوع الحدث (ACLED)", plover: "نوع الحدث (PLOVER)", modality: "الصيغة", actor: "الفاعل",
      place: "المكان", search: "بحث في النص", min_confidence: "أدنى ثقة", apply: "تطبيق", reset: "مسح",
      map: "الخريطة", timeline: "الخط الزمني: الأحداث والحصائل التراكمية", events: "الأحداث", date: "التاريخ",
      type: "النوع", actors: "الفاعلون", fatalities: "القتلى", sources: "المصادر", prev: "السابق", next: "التالي",
      export: "تصدير CSV بصيغة ACLED", article: "المقال", pick: "اختر حدثا من الجدول أو الخريطة لعرض نصه.",
      any: "الكل", toggle: "English", summary: "{docs} وثيقة · {events} حدث · {fat} قتيلا في الحوادث · أحدث الحصائل التراكمية: {cum}",
      page: "{a}–{b} من {n}", none: "لا أحداث مطابقة", confidence: "الثقة", attribution: "المصدر المنسوب إليه",
      counts: "الأرقام", reports: "التقارير", evidence: "الدليل", cumulative: "تراكمي", incident: "في الحادث",
      events_per_day: "أحداث في اليوم", toll_axis: "حصيلة تراكمية", unknown: "غير معروف", reprint: "إعادة نشر",
      loading: "جار التحميل…", error: "تعذر تحميل البيانات", no_tolls: "لا حصائل تراكمية",
      modal: {asserted: "مؤكد", reported: "منقول", planned: "مخطط", called_for: "مطالب به", negated: "لم يحدث", denied: "منفي"},
      kinds: {killed: "قتلى", wounded: "جرحى", displaced: "نازحون", missing: "مفقودون", detained: "معتقلون", abducted: "مختطفون", sick: "مرضى", affected: "متضررون"},
      acled: {"Battles": "معارك", "Explosions/Remote violence": "تفجيرات/عنف عن بعد", "Violence against civilians": "عنف ضد المدنيين",
              "Protests": "احتجاجات", "Riots": "أعمال شغب", "Strategic developments": "تطورات استراتيجية", "": "خارج نطاق ACLED"}
    },
    en: {
      title: "rasd", subtitle: "Conflict events from Arabic news", from: "From", to: "To", country: "Country",
      acled_type: "Event type (ACLED)", plover: "Event type (PLOVER)", modality: "Modality", actor: "Actor",
      place: "Place", search: "Text search", min_confidence: "Min. confidence", apply: "Apply", reset: "Clear",
      map: "Map", timeline: "Timeline: events and cumulative tolls", events: "Events", date: "Date", type: "Type",
      actors: "Actors", fatalities: "Fatalities", sources: "Sources", prev: "Previous", next: "Next",
      export: "Export ACLED-style CSV", article: "Article", pick: "Pick an event in the table or on the map to read its text.",
      any: "Any", toggle: "العربية", summary: "{docs} documents · {events} events · {fat} killed in incidents · latest cumulative tolls: {cum}",
      page: "{a}–{b} of {n}", none: "No matching events", confidence: "Confidence", attribution: "Attributed to",
      counts: "Figures", reports: "Reports", evidence: "Evidence", cumulative: "cumulative", incident: "incident",
      events_per_day: "events per day", toll_axis: "cumulative toll", unknown: "unknown", reprint: "reprint",
      loading: "Loading…", error: "Could not load data", no_tolls: "No cumulative tolls",
      modal: {asserted: "asserted", reported: "reported", planned: "planned", called_for: "called for", negated: "negated", denied: "denied"},
      kinds: {killed: "killed", wounded: "wounded", displaced: "displaced", missing: "missing", detained: "detained", abducted: "abducted", sick: "sick", affected: "affected"},
      acled: {"Battles": "Battles", "Explosions/Remote violence": "Explosions/Remote violence", "Violence against civilians": "Violence against civilians",
              "Protests": "Protests", "Riots": "Riots", "Strategic developments": "Strategic developments", "": "Outside ACLED's scope"}
    }
  };
  var COLORS = {
    "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e", "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c", "Riots": "#8c564b", "Strategic developments": "#1f77b4", "": "#7f7f7f"
  };
  var TOLL_COLORS = ["#8a1c1c", "#1f5f8b", "#2f7d32", "#a05a00", "#5b3f8c", "#00796b"];
  var PAGE = 25;
  var SVGNS = "http://www.w3.org/2000/svg";

  var state = { lang: "ar", offset: 0, total: 0, items: [], stats: null, tolls: [], selected: null, detail: null, doc: null };
  var map = null, markerLayer = null, markersById = {};

  function t(key) { return I18N[state.lang][key] !== undefined ? I18N[state.lang][key] : key; }
  function fmt(s, vals) { return s.replace(/\{(\w+)\}/g, function (_, k) { return String(vals[k]); }); }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { n.textContent = String(text); }
    return n;
  }
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) { n.textContent = String(text); }
    return n;
  }
  function clear(n) { while (n.firstChild) { n.removeChild(n.firstChild); } }
  function acledType(ev) { return (ev.acled && ev.acled.event_type) || ""; }
  function color(ev) { return COLORS[acledType(ev)] || COLORS[""]; }
  function name(obj, fallback) {
    if (!obj) { return fallback || ""; }
    var ar = obj.name_ar, en = obj.name_en;
    return (state.lang === "ar" ? (ar || en) : (en || ar)) || obj.id || fallback || "";
  }
  function typeLabel(ev) {
    var a = acledType(ev);
    var label = a ? (I18N[state.lang].acled[a] || a) : ev.plover;
    if (ev.acled && ev.acled.sub_event_type && state.lang === "en") { label += " · " + ev.acled.sub_event_type; }
    return label;
  }

  function filterParams() {
    var form = document.getElementById("filters");
    var p = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (f) {
      if (f.name && f.value !== "") { p.set(f.name, f.value); }
    });
    return p;
  }

  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(r.status + " " + url); }
      return r.json();
    });
  }

  // ------------------------------------------------------------------ i18n
  function applyLang() {
    var root = document.documentElement;
    root.lang = state.lang;
    root.dir = state.lang === "ar" ? "rtl" : "ltr";
    document.querySelectorAll("[data-i18n]").forEach(function (n) { n.textContent = t(n.getAttribute("data-i18n")); });
    document.getElementById("lang-toggle").textContent = t("toggle");
    document.title = t("title") + " — " + t("subtitle");
    try { localStorage.setItem("rasd-lang", state.lang); } catch (e) { /* private mode */ }
  }

  // ------------------------------------------------------------------ filters
  function fillSelect(name, values, labeler) {
    var sel = document.querySelector("#filters select[name=" + name + "]");
    var keep = sel.value;
    while (sel.options.length > 1) { sel.remove(1); }
    values.forEach(function (v) {
      if (v === "") { return; }
      sel.appendChild(el("option", { value: v }, labeler ? labeler(v) : v));
    });
    sel.value = keep;
  }
  function fillFilters(stats) {
    fillSelect("country", Object.keys(stats.by_country || {}));
    fillSelect("acled_type", Object.keys(stats.by_acled_type || {}), function (v) { return I18N[state.lang].acled[v] || v; });
    fillSelect("plover", Object.keys(stats.by_plover || {}));
    fillSelect("modality", ["asserted", "reported", "planned", "called_for", "negated", "denied"],
      function (v) { return I18N[state.lang].modal[v] || v; });
  }

  // ------------------------------------------------------------------ map
  function initMap() {
    if (typeof L === "undefined") { return; }
    map = L.map("map", { worldCopyJump: true, zoomSnap: 0.25, attributionControl: true }).setView([30, 25], 4);
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth / world-atlas");
    getJSON("/static/vendor/world-atlas/countries-110m.json").then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { style: { color: "#8b8b8b", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 }, interactive: false }).addTo(map);
      if (markerLayer) { markerLayer.bringToFront(); }
    }).catch(function () { /* boundaries are decoration; events still show */ });
    markerLayer = L.featureGroup().addTo(map);
  }
  function drawMarkers(items) {
    if (!map) { return; }
    markerLayer.clearLayers();
    markersById = {};
    var pts = [];
    items.forEach(function (ev) {
      var loc = ev.location;
      if (!loc || loc.lat === null || loc.lon === null || loc.lat === undefined) { return; }
      var r = 5 + 3 * Math.sqrt(ev.fatalities || 0);
      var m = L.circleMarker([loc.lat, loc.lon], { radius: Math.min(r, 40), color: "#222", weight: 1, fillColor: color(ev), fillOpacity: 0.75 });
      var tip = el("div");
      tip.appendChild(el("strong", null, typeLabel(ev)));
      tip.appendChild(el("div", null, name(loc) + " · " + (ev.date.start || t("unknown"))));
      tip.appendChild(el("div", null, t("fatalities") + ": " + (ev.fatalities || 0) + " · " + t("sources") + ": " + ev.n_sources));
      m.bindTooltip(tip, { direction: "top" });
      m.on("click", function () { openEvent(ev.id); });
      m.addTo(markerLayer);
      markersById[ev.id] = m;
      pts.push([loc.lat, loc.lon]);
    });
    if (pts.length) { map.fitBounds(L.latLngBounds(pts).pad(0.4), { maxZoom: 7 }); }
  }

  // ------------------------------------------------------------------ timeline (plain SVG)
  function drawTimeline(stats, tolls) {
    var box = document.getElementById("timeline");
    clear(box);
    var W = 640, H = 260, padL = 44, padR = 44, padT = 14, padB = 40;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": t("timeline"), direction: "ltr" });
    box.appendChild(root);
    var days = (stats.timeline || []).map(function (d) { return d.date; });
    tolls.forEach(function (s) { s.points.forEach(function (p) { if (p.date) { days.push(p.date); } }); });
    if (!days.length) { root.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", "class": "label" }, t("none"))); return; }
    days.sort();
    var t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]);
    if (t1 === t0) { t0 -= 86400000 * 3; t1 += 86400000 * 3; }
    var x = function (d) { return padL + (Date.parse(d) - t0) / (t1 - t0) * (W - padL - padR); };
    var maxN = Math.max.apply(null, [1].concat((stats.timeline || []).map(function (d) { return d.events; })));
    var maxToll = Math.max.apply(null, [1].concat(tolls.map(function (s) { return Math.max.apply(null, s.points.map(function (p) { return p.value; })); })));
    var yN = function (n) { return H - padB - n / maxN * (H - padT - padB); };
    var yT = function (v) { return H - padB - v / maxToll * (H - padT - padB); };
    var axis = svg("g", { "class": "axis" });
    root.appendChild(axis);
    axis.appendChild(svg("line", { x1: padL, y1: H - padB, x2: W - padR, y2: H - padB, stroke: "#999" }));
    axis.appendChild(svg("text", { x: padL - 4, y: padT + 8, "text-anchor": "end" }, maxN));
    axis.appendChild(svg("text", { x: padL - 4, y: H - padB, "text-anchor": "end" }, 0));
    axis.appendChild(svg("text", { x: W - padR + 4, y: padT + 8, "text-anchor": "start" }, maxToll));
    axis.appendChild(svg("text", { x: padL, y: H - padB + 14, "text-anchor": "start" }, days[0]));
    axis.appendChild(svg("text", { x: W - padR, y: H - padB + 14, "text-anchor": "end" }, days[days.length - 1]));
    axis.appendChild(svg("text", { x: padL, y: H - 6, "class": "label" }, "▮ " + t("events_per_day")));
    axis.appendChild(svg("text", { x: W - padR, y: H - 6, "text-anchor": "end", "class": "label" }, "— " + t("toll_axis")));
    var bw = Math.max(2, Math.min(14, (W - padL - padR) / Math.max(days.length, 1) * 0.6));
    var bars = svg("g", { "class": "bars" });
    root.appendChild(bars);
    (stats.timeline || []).forEach(function (d) {
      var r = svg("rect", { "class": "bar", x: x(d.date) - bw / 2, y: yN(d.events), width: bw, height: H - padB - yN(d.events), "data-date": d.date });
      r.appendChild(svg("title", {}, d.date + ": " + d.events + " · " + t("fatalities") + " " + d.fatalities));
      bars.appendChild(r);
    });
    var lines = svg("g", { "class": "tolls" });
    root.appendChild(lines);
    tolls.slice(0, TOLL_COLORS.length).forEach(function (s, i) {
      var pts = s.points.filter(function (p) { return p.date; });
      if (!pts.length) { return; }
      var c = TOLL_COLORS[i % TOLL_COLORS.length];
      var path = pts.map(function (p) { return x(p.date).toFixed(1) + "," + yT(p.value).toFixed(1); }).join(" ");
      lines.appendChild(svg("polyline", { "class": "toll", points: path, stroke: c, "data-series": s.series }));
      pts.forEach(function (p) {
        var dot = svg("circle", { cx: x(p.date), cy: yT(p.value), r: 3.5, fill: c });
        dot.appendChild(svg("title", {}, p.date + ": " + p.value + " " + (I18N[state.lang].kinds[s.kind] || s.kind) +
          " (" + s.who + ") · " + (state.lang === "ar" ? (s.place_name_ar || s.place_id) : (s.place_name_en || s.place_id)) +
          " · " + p.source + (p.source_attribution ? " · " + p.source_attribution : "")));
        lines.appendChild(dot);
      });
      var last = pts[pts.length - 1];
      lines.appendChild(svg("text", { x: x(last.date) - 4, y: yT(last.value) - 6, "text-anchor": "end", "class": "label", fill: c },
        last.value + " " + (I18N[state.lang].kinds[s.kind] || s.kind) + " · " + (state.lang === "ar" ? (s.place_name_ar || s.place_id) : (s.place_name_en || s.place_id))));
    });
  }

  // ------------------------------------------------------------------ events table
  function drawTable(page) {
    var body = document.querySelector("#events-table tbody");
    clear(body);
    if (!page.items.length) {
      var tr = el("tr"); var td = el("td", { colspan: "7" }, t("none")); tr.appendChild(td); body.appendChild(tr);
    }
    page.items.forEach(function (ev) {
      var tr = el("tr", { "data-id": ev.id });
      if (state.selected === ev.id) { tr.className = "selected"; }
      tr.appendChild(el("td", { "class": "num" }, ev.date.start || t("unknown")));
      var typ = el("td");
      var sw = el("span", { "class": "swatch" }); sw.style.background = color(ev);
      typ.appendChild(sw); typ.appendChild(document.createTextNode(typeLabel(ev)));
      tr.appendChild(typ);
      tr.appendChild(el("td", null, [name(ev.actor1), name(ev.actor2)].filter(Boolean).join(" — ")));
      tr.appendChild(el("td", null, name(ev.location, ev.country || "")));
      tr.appendChild(el("td", null, ev.fatalities_known ? ev.fatalities : "—"));
      tr.appendChild(el("td", null, ev.n_sources));
      tr.appendChild(el("td", null, I18N[state.lang].modal[ev.modality] || ev.modality));
      tr.addEventListener("click", function () { openEvent(ev.id); });
      body.appendChild(tr);
    });
    var a = page.total ? page.offset + 1 : 0, b = page.offset + page.items.length;
    document.getElementById("page-info").textContent = fmt(t("page"), { a: a, b: b, n: page.total });
    document.getElementById("events-count").textContent = "(" + page.total + ")";
    document.getElementById("prev").disabled = page.offset <= 0;
    document.getElementById("next").disabled = b >= page.total;
  }

  function drawSummary(stats) {
    document.getElementById("summary").textContent = fmt(t("summary"), {
      docs: stats.documents, events: stats.events, fat: stats.fatalities, cum: stats.cumulative_killed_latest });
  }

  // ------------------------------------------------------------------ article view
  function highlight(text, marks) {
    // marks: [{start, end, cls}] in code points (the store's offsets); JS strings are UTF-16, so split by code point
    var chars = Array.from(text);
    var cuts = [0, chars.length];
    marks.forEach(function (m) { cuts.push(Math.max(0, Math.min(chars.length, m.start)), Math.max(0, Math.min(chars.length, m.end))); });
    cuts = cuts.filter(function (v, i, arr) { return arr.indexOf(v) === i; }).sort(function (p, q) { return p - q; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1];
      var piece = chars.slice(s, e).join("");
      var cls = [];
      marks.forEach(function (m) { if (m.start <= s && m.end >= e && cls.indexOf(m.cls) < 0) { cls.push(m.cls); } });
      if (!cls.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var node = el(cls.indexOf("hl-evidence") >= 0 || cls.indexOf("hl-count") >= 0 ? "mark" : "span", { "class": cls.join(" ") }, piece);
      frag.appendChild(node);
    }
    return frag;
  }

  function dlRow(dl, key, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, t(key)));
    dl.appendChild(el("dd", null, value));
  }

  function drawDetail(ev, doc) {
    var box = document.getElementById("event-detail");
    clear(box);
    var h = el("h3", null, typeLabel(ev) + " · " + name(ev.location, ev.country || "") + " · ");
    h.appendChild(el("bdi", { "class": "num" }, ev.date.start || t("unknown")));
    box.appendChild(h);
    var dl = el("dl");
    dlRow(dl, "actors", [name(ev.actor1), name(ev.actor2)].filter(Boolean).join(" — "));
    dlRow(dl, "modality", I18N[state.lang].modal[ev.modality] || ev.modality);
    dlRow(dl, "fatalities", ev.fatalities_known ? (ev.fatalities + (ev.fatalities_low !== ev.fatalities_high ? " (" + ev.fatalities_low + "–" + ev.fatalities_high + ")" : "")) : "—");
    dlRow(dl, "confidence", ev.confidence);
    dlRow(dl, "attribution", ev.source_attribution);
    dlRow(dl, "plover", ev.plover);
    box.appendChild(dl);
    box.appendChild(el("strong", null, t("reports") + " (" + (ev.reports || []).length + ")"));
    var ul = el("ul", { "class": "reports" });
    (ev.reports || []).forEach(function (r) {
      var li = el("li");
      var a = el("a", { href: "#", "data-event": r.event_id, dir: "auto" }, r.source + (r.published ? " · " + r.published : ""));
      a.addEventListener("click", function (e) { e.preventDefault(); openEvent(r.event_id); });
      li.appendChild(a);
      var figs = (r.counts || []).map(function (c) {
        return c.value + " " + (I18N[state.lang].kinds[c.kind] || c.kind) + (c.who !== "total" ? " (" + c.who + ")" : "") +
          (c.scope === "cumulative" ? " [" + t("cumulative") + "]" : "");
      });
      if (figs.length) { li.appendChild(el("span", null, " — " + figs.join("، "))); }
      if (r.source_attribution) { li.appendChild(el("span", { "class": "badge" }, r.source_attribution)); }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (doc) {
      var src = el("p", { "class": "hint" }, (doc.document.title ? doc.document.title + " · " : "") + doc.document.source +
        (doc.document.published ? " · " + doc.document.published : "") + (doc.reprint_of ? " · " + t("reprint") : ""));
      box.appendChild(src);
    }
  }

  function drawArticle(ev, doc) {
    var box = document.getElementById("article");
    clear(box);
    if (!doc) { return; }
    var own = (doc.events || []).filter(function (e) { return e.id === ev.id; })[0] || ev;
    var marks = [];
    (doc.mentions || []).forEach(function (m) { marks.push({ start: m.start, end: m.end, cls: "hl-mention" }); });
    (own.evidence || []).forEach(function (s) { marks.push({ start: s.start, end: s.end, cls: "hl-evidence" }); });
    (own.counts || []).forEach(function (c) { marks.push({ start: c.start, end: c.end, cls: "hl-count" }); });
    box.appendChild(highlight(doc.text, marks));
    var first = box.querySelector(".hl-evidence");
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "nearest" }); }
  }

  function openEvent(id) {
    state.selected = id;
    document.querySelectorAll("#events-table tbody tr").forEach(function (tr) {
      tr.className = tr.getAttribute("data-id") === id ? "selected" : "";
    });
    var box = document.getElementById("event-detail");
    clear(box); box.appendChild(el("p", { "class": "hint" }, t("loading")));
    getJSON("/api/events/" + encodeURIComponent(id)).then(function (ev) {
      return getJSON("/api/documents/" + encodeURIComponent(ev.document_id)).then(function (doc) {
        state.detail = ev; state.doc = doc;
        drawDetail(ev, doc);
        drawArticle(ev, doc);
        if (history.replaceState) { history.replaceState(null, "", "#event=" + encodeURIComponent(id)); }
        var m = markersById[ev.merged_id] || markersById[id];
        if (m && map) { m.openTooltip(); }
      });
    }).catch(function () { clear(box); box.appendChild(el("p", { "class": "hint" }, t("error"))); });
  }

  // ------------------------------------------------------------------ loading
  function load() {
    var p = filterParams();
    var ev = new URLSearchParams(p); ev.set("limit", PAGE); ev.set("offset", state.offset);
    var mapQ = new URLSearchParams(p); mapQ.set("limit", 500);
    var tollQ = new URLSearchParams();
    ["country", "from", "to", "place"].forEach(function (k) { if (p.get(k)) { tollQ.set(k, p.get(k)); } });
    document.getElementById("export-link").setAttribute("href", "/api/export?format=acled-csv&" + p.toString());
    document.body.setAttribute("data-loading", "1");
    return Promise.all([
      getJSON("/api/events?" + ev.toString()),
      getJSON("/api/stats?" + p.toString()),
      getJSON("/api/tolls?" + tollQ.toString()),
      getJSON("/api/events?" + mapQ.toString())
    ]).then(function (res) {
      var page = res[0], stats = res[1], tolls = res[2].series, all = res[3];
      state.stats = stats; state.tolls = tolls; state.items = page.items; state.total = page.total;
      state.page = page; state.all = all.items;
      drawSummary(stats);
      drawTable(page);
      drawMarkers(all.items);
      drawTimeline(stats, tolls);
      document.body.setAttribute("data-loading", "0");
    }).catch(function () {
      document.getElementById("summary").textContent = t("error");
      document.body.setAttribute("data-loading", "error");
    });
  }

  function redraw() {
    applyLang();
    if (state.stats) {
      fillFilters(state.stats); drawSummary(state.stats); drawTable(state.page); drawMarkers(state.all || []);
      drawTimeline(state.stats, state.tolls);
    }
    if (map) { initLegend(); }
    if (state.detail) { drawDetail(state.detail, state.doc); drawArticle(state.detail, state.doc); }
  }
  function initLegend() {
    var legend = document.getElementById("legend");
    clear(legend);
    Object.keys(COLORS).forEach(function (k) {
      var item = el("span", { "class": "legend-item" });
      var dot = el("i"); dot.style.background = COLORS[k];
      item.appendChild(dot); item.appendChild(document.createTextNode(I18N[state.lang].acled[k] || k));
      legend.appendChild(item);
    });
  }

  function init() {
    try { var saved = localStorage.getItem("rasd-lang"); if (saved === "en" || saved === "ar") { state.lang = saved; } } catch (e) { /* ignore */ }
    applyLang();
    initMap();
    initLegend();
    document.getElementById("lang-toggle").addEventListener("click", function () {
      state.lang = state.lang === "ar" ? "en" : "ar"; redraw();
    });
    document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); state.offset = 0; load(); });
    document.getElementById("reset").addEventListener("click", function () {
      document.getElementById("filters").reset(); state.offset = 0; load();
    });
    document.getElementById("prev").addEventListener("click", function () { state.offset = Math.max(0, state.offset - PAGE); load(); });
    document.getElementById("next").addEventListener("click", function () { state.offset += PAGE; load(); });
    getJSON("/api/stats").then(function (stats) { fillFilters(stats); }).catch(function () { /* load() reports */ });
    load().then(function () {
      var m = /^#event=(.+)$/.exec(location.hash);
      if (m) { openEvent(decodeURIComponent(m[1])); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
