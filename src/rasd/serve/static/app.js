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
      any: "الكل", toggle: "English", date_ph: "مثلا \u20662021-03-02\u2069", date_hint: "تاريخ بصيغة 2021-03-02", summary: "{docs} وثيقة ({undated}) · {events} حدث · {fat} قتيلا في الحوادث",
      page: "{a}–{b} من {n}", none: "لا أحداث مطابقة", confidence: "الثقة", attribution: "المصدر المنسوب إليه",
      counts: "الأرقام", reports: "التقارير", evidence: "الدليل", cumulative: "تراكمي", incident: "في الحادث",
      events_per_day: "أحداث في اليوم", toll_axis: "حصيلة تراكمية", unknown: "غير معروف", reprint: "إعادة نشر",
      loading: "جار التحميل…", error: "تعذر تحميل البيانات", no_tolls: "لا حصائل تراكمية",
      campaigns: "الحملات: الحصائل التراكمية حسب المصدر", campaign: "الحملة", provisional: "مؤقتة", claim: "رواية طرف في النزاع",
      camp_undated: "{n} رقما بلا تاريخ (في الجدول، غير مرسومة)", camp_none: "لا حصائل لهذه الحملة",
      value: "العدد", source: "المصدر", open_report: "افتح التقرير", show_evidence: "الدليل", since: "منذ",
      pick_point: "اختر نقطة من الرسم أو من الجدول لعرض دليلها.", head_undated: "{n} بلا تاريخ",
      head_more: "و{n} حملة مؤقتة",
      undated: "بلا تاريخ: {events} حدث و{points} رقم تراكمي (غير مرسومة)", events_axis: "أحداث",
      events_per_day_day: "أحداث في اليوم", events_per_day_week: "أحداث في الأسبوع", events_per_day_month: "أحداث في الشهر",
      events_per_day_quarter: "أحداث في الربع", events_per_day_year: "أحداث في السنة",
      who: {total: "المجموع", civilians: "مدنيون", children: "أطفال", women: "نساء", men: "رجال", fighters: "مقاتلون",
            medics: "مسعفون", journalists: "صحفيون", migrants: "مهاجرون", police: "شرطة", other: "آخرون"},
      plover_types: {AGREE: "اتفاق", CONSULT: "تشاور", SUPPORT: "دعم", CONCEDE: "تنازل", COOPERATE: "تعاون", AID: "مساعدة",
            RETREAT: "انسحاب", REQUEST: "طلب", ACCUSE: "اتهام", REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج",
            SANCTION: "عقوبة", MOBILIZE: "تعبئة", COERCE: "إكراه", ASSAULT: "اعتداء", DEMAND: "مطالبة", DISAPPROVE: "استنكار",
            INVESTIGATE: "تحقيق", OTHER: "أخرى"},
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
      any: "Any", toggle: "العربية", date_ph: "e.g. 2021-03-02", date_hint: "A date such as 2021-03-02", summary: "{docs} documents ({undated}) · {events} events · {fat} killed in incidents",
      page: "{a}–{b} of {n}", none: "No matching events", confidence: "Confidence", attribution: "Attributed to",
      counts: "Figures", reports: "Reports", evidence: "Evidence", cumulative: "cumulative", incident: "incident",
      events_per_day: "events per day", toll_axis: "cumulative toll", unknown: "unknown", reprint: "reprint",
      loading: "Loading…", error: "Could not load data", no_tolls: "No cumulative tolls",
      campaigns: "Campaigns: cumulative tolls by source", campaign: "Campaign", provisional: "provisional", claim: "a party's own claim",
      camp_undated: "{n} undated figures (in the table, not plotted)", camp_none: "No tolls for this campaign",
      value: "Figure", source: "Source", open_report: "Open the report", show_evidence: "Evidence", since: "since",
      pick_point: "Pick a point on the chart or in the table to see its evidence.", head_undated: "{n} undated",
      head_more: "and {n} provisional campaigns",
      undated: "Undated: {events} events and {points} cumulative figures (not plotted)", events_axis: "events",
      events_per_day_day: "events per day", events_per_day_week: "events per week", events_per_day_month: "events per month",
      events_per_day_quarter: "events per quarter", events_per_day_year: "events per year",
      who: {total: "total", civilians: "civilians", children: "children", women: "women", men: "men", fighters: "fighters",
            medics: "medics", journalists: "journalists", migrants: "migrants", police: "police", other: "other"},
      plover_types: {AGREE: "Agree", CONSULT: "Consult", SUPPORT: "Support", CONCEDE: "Concede", COOPERATE: "Cooperate", AID: "Aid",
            RETREAT: "Retreat", REQUEST: "Request", ACCUSE: "Accuse", REJECT: "Reject", THREATEN: "Threaten", PROTEST: "Protest",
            SANCTION: "Sanction", MOBILIZE: "Mobilize", COERCE: "Coerce", ASSAULT: "Assault", DEMAND: "Demand", DISAPPROVE: "Disapprove",
            INVESTIGATE: "Investigate", OTHER: "Other"},
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
  var PAGE = 25;

  // trail: the cursor of each page shown before the current one (null: the first page); pages go by cursor
  // (keyset paging), as cheap at any depth as the first
  var state = { lang: "ar", trail: [null], total: 0, items: [], stats: null, tolls: [], selected: null, detail: null, doc: null };
  var map = null, markerLayer = null, markersById = {};

  function t(key) { return I18N[state.lang][key] !== undefined ? I18N[state.lang][key] : key; }
  function fmt(s, vals) { return s.replace(/\{(\w+)\}/g, function (_, k) { return String(vals[k]); }); }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { n.textContent = String(text); }
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
  // dates are shown in the page's language ("2 مارس 2021", "2 March 2021"); the ISO date stays in <time datetime>
  function dateText(iso) {
    if (!iso) { return t("unknown"); }
    var d = String(iso).slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(d) ? fmtDay(utcSec(d), { day: "numeric", month: "long", year: "numeric" }) : String(iso);
  }
  // inside mixed text (a Latin source name, an Arabic place) a date is isolated (FSI…PDI) so its parts keep their order
  function dateInline(iso) { return "\u2068" + dateText(iso) + "\u2069"; }
  function dateNode(iso) { return el("time", iso ? { datetime: String(iso).slice(0, 10) } : null, dateText(iso)); }
  function ploverLabel(p) { return I18N[state.lang].plover_types[p] || p; }
  function countryName(code) {
    if (!code) { return ""; }
    try { return new Intl.DisplayNames([state.lang], { type: "region" }).of(code) || code; } catch (e) { return code; }
  }
  function placeName(ev) { return name(ev.location, countryName(ev.country)); }
  function typeLabel(ev) {
    var a = acledType(ev);
    var label = a ? (I18N[state.lang].acled[a] || a) : ploverLabel(ev.plover);
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
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (n) {
      n.setAttribute("placeholder", t(n.getAttribute("data-i18n-placeholder")));
      n.setAttribute("title", t("date_hint"));
    });
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
    fillSelect("country", Object.keys(stats.by_country || {}), countryName);
    fillSelect("acled_type", Object.keys(stats.by_acled_type || {}), function (v) { return I18N[state.lang].acled[v] || v; });
    fillSelect("plover", Object.keys(stats.by_plover || {}), ploverLabel);
    fillSelect("modality", ["asserted", "reported", "planned", "called_for", "negated", "denied"],
      function (v) { return I18N[state.lang].modal[v] || v; });
  }

  // ------------------------------------------------------------------ map
  function initMap() {
    if (typeof L === "undefined") { return; }
    map = L.map("map", { worldCopyJump: true, zoomSnap: 0.25, attributionControl: true, minZoom: 1, maxZoom: 12 }).setView([30, 25], 4);
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Natural Earth / world-atlas");
    getJSON("/static/vendor/world-atlas/countries-110m.json").then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, { style: { color: "#8b8b8b", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 }, interactive: false }).addTo(map);
      /* markers live in the marker pane, above the shapes */
    }).catch(function () { /* boundaries are decoration; events still show */ });
    // markers on one place are clustered (a count, spread out on click) so none hides another
    markerLayer = (L.markerClusterGroup ? L.markerClusterGroup({ maxClusterRadius: 28, spiderfyOnMaxZoom: true,
      showCoverageOnHover: false, spiderfyDistanceMultiplier: 1.8,
      spiderLegPolylineOptions: { weight: 1.5, color: "#222", opacity: 0.5, interactive: false, className: "spider-leg" } }) : L.featureGroup()).addTo(map);
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
      tip.appendChild(el("div", null, name(loc) + " · " + dateInline(ev.date.start)));
      tip.appendChild(el("div", null, t("fatalities") + ": " + (ev.fatalities_known ? ev.fatalities : "—") + " · " + t("sources") + ": " + ev.n_sources));
      m.bindTooltip(tip, { direction: "top" });
      m.on("click", function () { openEvent(ev.id); });
      m.addTo(markerLayer);
      markersById[ev.id] = m;
      pts.push([loc.lat, loc.lon]);
    });
    // fit the filtered events: their bounds with a margin, never closer than a city's surroundings
    if (pts.length) { map.fitBounds(L.latLngBounds(pts).pad(pts.length > 1 ? 0.25 : 0), { maxZoom: 7, padding: [24, 24] }); }
  }

  // ------------------------------------------------------------------ timeline (uPlot, vendored)
  // Events are counted in bins (day, week, month, quarter or year: the finest whose bars stay >= 8 px wide),
  // drawn as bars on the left axis; each cumulative toll series of /api/tolls is a line on the right axis,
  // logarithmic because one campaign's displaced run to six figures while another's dead stay in tens.
  // Both scales are fitted to what is drawn; events and toll figures with no date are counted under the chart.
  var DAY = 86400;
  var BINS = [["day", 1], ["week", 7], ["month", 30.44], ["quarter", 91.31], ["year", 365.25]];
  var chart = null, chartWidth = 0;
  function utcSec(iso) { return Date.parse(iso.slice(0, 10) + "T00:00:00Z") / 1000; }
  function binStart(sec, unit) {
    var d = new Date(sec * 1000), y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (unit === "day") { return sec; }
    if (unit === "week") { return sec - ((d.getUTCDay() + 6) % 7) * DAY; }
    if (unit === "month") { return Date.UTC(y, m, 1) / 1000; }
    if (unit === "quarter") { return Date.UTC(y, m - m % 3, 1) / 1000; }
    return Date.UTC(y, 0, 1) / 1000;
  }
  function binEnd(start, unit) {
    var d = new Date(start * 1000), y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (unit === "day") { return start + DAY; }
    if (unit === "week") { return start + 7 * DAY; }
    if (unit === "month") { return Date.UTC(y, m + 1, 1) / 1000; }
    if (unit === "quarter") { return Date.UTC(y, m + 3, 1) / 1000; }
    return Date.UTC(y + 1, 0, 1) / 1000;
  }
  function locale() { return state.lang === "ar" ? "ar-u-nu-latn" : "en-GB"; }
  function fmtDay(sec, opts) {
    return new Intl.DateTimeFormat(locale(), Object.assign({ timeZone: "UTC" }, opts)).format(new Date(sec * 1000));
  }
  function fmtBin(sec, unit) {
    if (unit === "year") { return fmtDay(sec, { year: "numeric" }); }
    if (unit === "month" || unit === "quarter") { return fmtDay(sec, { year: "numeric", month: "short" }); }
    return fmtDay(sec, { year: "numeric", month: "short", day: "numeric" });
  }
  // canvas text is laid out in the chart's left-to-right context: isolate Arabic labels so "2 مارس 2021" keeps its order
  function iso(text) { return state.lang === "ar" ? "\u2067" + text + "\u2069" : text; }
  function kindLabel(k) { return I18N[state.lang].kinds[k] || k; }
  function whoLabel(w) { return I18N[state.lang].who[w] || w; }
  function tollLabel(s) {
    var place = state.lang === "ar" ? (s.place_name_ar || s.place_name_en) : (s.place_name_en || s.place_name_ar);
    return kindLabel(s.kind) + (s.who !== "total" ? " (" + whoLabel(s.who) + ")" : "") + " · " + (place || countryName(s.country) || s.place_id) +
      (s.source_label ? " · " + srcName(s) : "");
  }
  function tollColor(i, n) { return "hsl(" + Math.round(i * 360 / Math.max(n, 1) + 10) + ", 65%, " + (i % 2 ? "32%" : "42%") + ")"; }

  function timelineModel(stats, tolls, plotPx) {
    var dated = (stats.timeline || []).filter(function (d) { return d.date; });
    var undatedEvents = Math.max(0, (stats.events || 0) - dated.reduce(function (a, d) { return a + d.events; }, 0));
    var undatedPoints = 0, secs = [];
    dated.forEach(function (d) { secs.push(utcSec(d.date)); });
    var series = tolls.map(function (s) {
      var byDay = {};
      s.points.forEach(function (p) {
        if (!p.date || !(p.value > 0)) { undatedPoints += p.date ? 0 : 1; return; }
        var x = utcSec(p.date); byDay[x] = Math.max(byDay[x] || 0, p.value); secs.push(x);
      });
      return { meta: s, byDay: byDay };
    }).filter(function (s) { return Object.keys(s.byDay).length; });
    if (!secs.length) { return { empty: true, undatedEvents: undatedEvents, undatedPoints: undatedPoints }; }
    var lo = Math.min.apply(null, secs), hi = Math.max.apply(null, secs);
    var spanDays = (hi - lo) / DAY + 1, unit = "year";
    for (var i = 0; i < BINS.length; i++) {
      if (plotPx / Math.max(1, spanDays / BINS[i][1]) >= 8) { unit = BINS[i][0]; break; }
    }
    var bins = {};
    dated.forEach(function (d) { var b = binStart(utcSec(d.date), unit); bins[b] = (bins[b] || 0) + d.events; });
    var xs = {};
    Object.keys(bins).forEach(function (b) { xs[b] = 1; });
    series.forEach(function (s) { Object.keys(s.byDay).forEach(function (x) { xs[x] = 1; }); });
    var xArr = Object.keys(xs).map(Number).sort(function (a, b) { return a - b; });
    var data = [xArr, xArr.map(function (x) { return bins[x] !== undefined ? bins[x] : null; })];
    series.forEach(function (s) { data.push(xArr.map(function (x) { return s.byDay[x] !== undefined ? s.byDay[x] : null; })); });
    var binKeys = Object.keys(bins).map(Number);
    var xMin = Math.min(lo, binKeys.length ? Math.min.apply(null, binKeys) : lo);
    var xMax = Math.max(hi, binKeys.length ? Math.max.apply(null, binKeys.map(function (b) { return binEnd(b, unit); })) : hi);
    if (xMax - xMin < 2 * DAY) { xMin -= DAY; xMax += DAY; }
    return { data: data, unit: unit, series: series, xMin: xMin, xMax: xMax, undatedEvents: undatedEvents,
             undatedPoints: undatedPoints, maxN: Math.max.apply(null, [0].concat(binKeys.map(function (b) { return bins[b]; }))) };
  }

  function barPaths(unit) {
    return function (u, sidx, i0, i1) {
      var fill = new Path2D(), xs = u.data[0], ys = u.data[sidx];
      for (var i = i0; i <= i1; i++) {
        if (ys[i] === null || ys[i] === undefined) { continue; }
        var a = u.valToPos(xs[i], "x", true), b = u.valToPos(binEnd(xs[i], unit), "x", true);
        var gap = Math.max(1, (b - a) * 0.15), top = u.valToPos(ys[i], "n", true), base = u.valToPos(0, "n", true);
        fill.rect(a + gap / 2, top, Math.max(2, b - a - gap), base - top);
      }
      return { stroke: fill, fill: fill };
    };
  }

  function drawTimeline(stats, tolls) {
    var box = document.getElementById("timeline");
    if (chart) { chart.destroy(); chart = null; }
    clear(box);
    window.rasdTimeline = null;
    var width = Math.max(280, box.clientWidth || 600);
    chartWidth = width;
    var narrow = width < 560;
    var m = timelineModel(stats, tolls, width - (narrow ? 90 : 110));
    var chartBox = el("div", { "class": "chart", dir: "ltr" });
    box.appendChild(chartBox);
    var note = el("p", { "class": "undated hint", id: "timeline-undated" },
      fmt(t("undated"), { events: m.undatedEvents, points: m.undatedPoints }));
    if (m.empty || typeof uPlot === "undefined") {
      chartBox.appendChild(el("p", { "class": "hint" }, t("none")));
      box.appendChild(note);
      return;
    }
    var nf = new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 });
    var nfull = new Intl.NumberFormat(locale());
    var font = "11px " + getComputedStyle(document.body).fontFamily;
    var series = [
      { label: t("date"), value: function (u, v) { return v === null || v === undefined ? "—" : fmtDay(v, { year: "numeric", month: "short", day: "numeric" }); } },
      { label: t("events_per_day_" + m.unit), scale: "n", fill: "rgba(110,116,135,0.75)", stroke: "rgba(110,116,135,0.75)", width: 0,
        paths: barPaths(m.unit), points: { show: false },
        value: function (u, v) { return v === null || v === undefined ? "—" : nfull.format(v); } }
    ];
    m.series.forEach(function (s, i) {
      var c = tollColor(i, m.series.length);
      series.push({ label: tollLabel(s.meta), scale: "t", stroke: c, width: 2, spanGaps: true,
        points: { show: true, size: 6, fill: c, stroke: c },
        value: function (u, v) { return v === null || v === undefined ? "—" : nfull.format(v); } });
    });
    var opts = {
      width: width, height: narrow ? 240 : 280,
      series: series,
      legend: { show: true, live: true },
      cursor: { points: { size: 8 } },
      scales: {
        x: { time: true, range: function () { return [m.xMin, m.xMax]; } },
        n: { range: function (u, lo, hi) { return [0, Math.max(1, m.maxN)]; } },
        t: { distr: 3, log: 10, range: function (u, lo, hi) { return uPlot.rangeLog(lo, hi, 10, true); } }
      },
      axes: [
        { font: font, stroke: "#555", space: narrow ? 70 : 90, grid: { stroke: "#eee" },
          values: function (u, splits, ai, space, incr) {
            var unit = incr >= 360 * DAY ? "year" : incr >= 28 * DAY ? "month" : "day";
            return splits.map(function (v) { return iso(fmtBin(v, unit)); });
          } },
        { scale: "n", font: font, stroke: "#555", label: iso(t("events_axis")), labelFont: font, labelSize: 18, size: 40, space: 24,
          grid: { stroke: "#eee" },
          splits: function (u) {
            var mx = u.scales.n.max, step = Math.max(1, Math.ceil(mx / Math.max(1, Math.floor(u.bbox.height / devicePixelRatio / 28))));
            var out = []; for (var v = 0; v <= mx + 1e-9; v += step) { out.push(v); } return out;
          },
          values: function (u, splits) { return splits.map(function (v) { return iso(nf.format(v)); }); } },
        { scale: "t", side: 1, font: font, stroke: "#555", label: iso(t("toll_axis")), labelFont: font, labelSize: 18, size: 50, space: 24,
          grid: { show: false },
          splits: function (u) {
            var lo = u.scales.t.min, hi = u.scales.t.max, out = [];
            for (var p = Math.round(Math.log10(lo)); Math.pow(10, p) <= hi * 1.0001; p++) { out.push(Math.pow(10, p)); }
            return out;
          },
          values: function (u, splits) { return splits.map(function (v) { return iso(nf.format(v)); }); } }
      ]
    };
    if (!m.series.length) { opts.series = series.slice(0, 2); opts.axes = opts.axes.slice(0, 2); delete opts.scales.t; }
    chart = new uPlot(opts, m.data, chartBox);
    chart.rasd = { unit: m.unit, xMin: m.xMin, xMax: m.xMax, undatedEvents: m.undatedEvents, undatedPoints: m.undatedPoints };
    window.rasdTimeline = chart;
    box.appendChild(note);
  }
  window.addEventListener("resize", function () {
    var cbox = document.getElementById("campaign-chart");
    if (camp.chart && cbox && Math.abs((cbox.clientWidth || 0) - camp.chart.width) > 20) { drawCampaign(); }
  });
  window.addEventListener("resize", function () {
    var box = document.getElementById("timeline");
    if (state.stats && box && Math.abs((box.clientWidth || 0) - chartWidth) > 20) { drawTimeline(state.stats, state.tolls); }
  });

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
      var dtd = el("td", { "class": "date" }); dtd.appendChild(dateNode(ev.date.start)); tr.appendChild(dtd);
      var typ = el("td");
      var sw = el("span", { "class": "swatch" }); sw.style.background = color(ev);
      typ.appendChild(sw); typ.appendChild(document.createTextNode(typeLabel(ev)));
      tr.appendChild(typ);
      tr.appendChild(el("td", null, [name(ev.actor1), name(ev.actor2)].filter(Boolean).join(" — ")));
      tr.appendChild(el("td", null, placeName(ev)));
      tr.appendChild(el("td", null, ev.fatalities_known ? ev.fatalities : "—"));
      tr.appendChild(el("td", null, ev.n_sources));
      tr.appendChild(el("td", null, I18N[state.lang].modal[ev.modality] || ev.modality));
      tr.addEventListener("click", function () { openEvent(ev.id); });
      body.appendChild(tr);
    });
    var start = page.start || 0, a = page.total ? start + 1 : 0, b = start + page.items.length;
    // a filter matching more events than the server counts (its count cap) shows "10000+"
    var n = page.total + (page.total_exact === false ? "+" : "");
    document.getElementById("page-info").textContent = fmt(t("page"), { a: a, b: b, n: n });
    document.getElementById("events-count").textContent = "(" + n + ")";
    document.getElementById("prev").disabled = start <= 0;
    document.getElementById("next").disabled = !page.next_cursor || (page.total_exact !== false && b >= page.total);
  }

  // the header: totals, then the latest killed toll of each campaign with its source (one figure per campaign,
  // never a sum across campaigns); provisional campaigns are only counted
  function drawSummary(stats) {
    var box = document.getElementById("summary");
    clear(box);
    box.appendChild(el("span", null, fmt(t("summary"), { docs: stats.documents, events: stats.events, fat: stats.fatalities,
      undated: fmt(t("head_undated"), { n: stats.documents_undated || 0 }) })));
    var tolls = stats.campaign_tolls || [], known = tolls.filter(function (c) { return !c.provisional; });
    known.forEach(function (c) {  // "name: 345 killed (source, date)", each name isolated from the others' direction
      var chip = el("span", { "class": "camp-toll", "data-campaign": c.campaign });
      chip.appendChild(el("bdi", null, campName(c)));
      chip.appendChild(document.createTextNode(": " + new Intl.NumberFormat(locale()).format(c.value) + " " + kindLabel(c.kind) + " ("));
      chip.appendChild(el("bdi", null, srcName(c)));
      chip.appendChild(document.createTextNode(state.lang === "ar" ? "، " : ", "));
      chip.appendChild(el("bdi", null, c.date ? dateText(c.date) : t("unknown")));
      chip.appendChild(document.createTextNode(")"));
      box.appendChild(chip);
    });
    if (tolls.length > known.length) {
      box.appendChild(el("span", { "class": "camp-toll more" }, fmt(t("head_more"), { n: tolls.length - known.length })));
    }
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
    var h = el("h3", null, typeLabel(ev) + " · " + placeName(ev) + " · ");
    var hb = el("bdi"); hb.appendChild(dateNode(ev.date.start)); h.appendChild(hb);
    box.appendChild(h);
    var dl = el("dl");
    dlRow(dl, "actors", [name(ev.actor1), name(ev.actor2)].filter(Boolean).join(" — "));
    dlRow(dl, "modality", I18N[state.lang].modal[ev.modality] || ev.modality);
    dlRow(dl, "fatalities", ev.fatalities_known ? (ev.fatalities + (ev.fatalities_low !== ev.fatalities_high ? " (" + ev.fatalities_low + "–" + ev.fatalities_high + ")" : "")) : "—");
    dlRow(dl, "confidence", ev.confidence);
    dlRow(dl, "attribution", ev.source_attribution);
    dlRow(dl, "plover", ploverLabel(ev.plover));
    box.appendChild(dl);
    box.appendChild(el("strong", null, t("reports") + " (" + (ev.reports || []).length + ")"));
    var ul = el("ul", { "class": "reports" });
    (ev.reports || []).forEach(function (r) {
      var li = el("li");
      var a = el("a", { href: "#", "data-event": r.event_id, dir: "auto" }, r.source + (r.published ? " · " + dateInline(r.published) : ""));
      a.addEventListener("click", function (e) { e.preventDefault(); openEvent(r.event_id); });
      li.appendChild(a);
      var figs = (r.counts || []).map(function (c) {
        return c.value + " " + (I18N[state.lang].kinds[c.kind] || c.kind) + (c.who !== "total" ? " (" + whoLabel(c.who) + ")" : "") +
          (c.scope === "cumulative" ? " [" + t("cumulative") + "]" : "");
      });
      if (figs.length) { li.appendChild(el("span", null, " — " + figs.join("، "))); }
      if (r.source_attribution) { li.appendChild(el("span", { "class": "badge" }, r.source_attribution)); }
      ul.appendChild(li);
    });
    box.appendChild(ul);
    if (doc) {
      var src = el("p", { "class": "hint" }, (doc.document.title ? doc.document.title + " · " : "") + doc.document.source +
        (doc.document.published ? " · " + dateInline(doc.document.published) : "") + (doc.reprint_of ? " · " + t("reprint") : ""));
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
        if (m && map) {
          if (markerLayer.zoomToShowLayer && !m._map) { markerLayer.zoomToShowLayer(m, function () { m.openTooltip(); }); }
          else if (m._map) { m.openTooltip(); }
        }
      });
    }).catch(function () { clear(box); box.appendChild(el("p", { "class": "hint" }, t("error"))); });
  }

  // ------------------------------------------------------------------ campaign view
  // One campaign at a time: its killed, wounded or displaced over time, one series per source (a belligerent's
  // own claim marked), each report a point. Points a day or two apart are joined; farther apart they stand alone
  // (nothing is interpolated between reports). A point's evidence (the sentence, its figure marked) is one click
  // away, on the chart or in the table of figures under it.
  var CKINDS = ["killed", "wounded", "displaced"];
  var camp = { list: [], id: null, kind: "killed", data: null, chart: null, model: null };
  function campName(c) { return (state.lang === "ar" ? (c.name_ar || c.name_en) : (c.name_en || c.name_ar)) || c.id || c.campaign; }
  function campOption(c) { return campName(c) + (c.provisional ? " (" + t("provisional") + ")" : ""); }
  function campTolls(id) { return getJSON("/api/campaigns/" + encodeURIComponent(id) + "/tolls"); }
  function loadCampaigns() {
    var tf = new URLSearchParams(), p = filterParams();
    ["country", "from", "to"].forEach(function (k) { if (p.get(k)) { tf.set(k, p.get(k)); } });
    return getJSON("/api/campaigns?" + tf.toString()).then(function (res) {
      camp.list = res.campaigns;
      if (!camp.list.some(function (c) { return c.id === camp.id; })) {  // the first with dated figures to draw
        var first = camp.list.filter(function (c) { return c.date_max; })[0] || camp.list[0];
        camp.id = first ? first.id : null;
      }
      fillCampaigns();
      return camp.id ? campTolls(camp.id) : null;
    }).then(function (data) { camp.data = data; drawCampaign(); });
  }
  function fillCampaigns() {
    var sel = document.getElementById("campaign-select");
    clear(sel);
    camp.list.forEach(function (c) { sel.appendChild(el("option", { value: c.id }, campOption(c))); });
    if (camp.id) { sel.value = camp.id; }
    var kinds = document.getElementById("campaign-kinds");
    clear(kinds);
    CKINDS.forEach(function (k) {
      var lab = el("label"), inp = el("input", { type: "radio", name: "campaign-kind", value: k });
      inp.checked = k === camp.kind;
      inp.addEventListener("change", function () { camp.kind = k; drawCampaign(); });
      lab.appendChild(inp); lab.appendChild(document.createTextNode(" " + kindLabel(k)));
      kinds.appendChild(lab);
    });
  }
  function initCampaignView() {
    document.getElementById("campaign-select").addEventListener("change", function (e) {
      camp.id = e.target.value;
      campTolls(camp.id).then(function (data) { camp.data = data; drawCampaign(); })
        .catch(function () { document.getElementById("campaign-chart").textContent = t("error"); });
    });
  }
  function campaignModel(data, kind) {
    var all = (data ? data.series : []).filter(function (s) { return s.kind === kind; });
    var totals = all.filter(function (s) { return s.who === "total"; });
    var chosen = totals.length ? totals : all;
    var secs = {}, undated = 0;
    var series = chosen.map(function (s) {
      var byDay = {};
      s.points.forEach(function (p) {
        if (!p.date) { undated += 1; return; }
        var x = utcSec(p.date); secs[x] = 1;
        if (byDay[x] === undefined || p.value > byDay[x].value) { byDay[x] = p; }  // a running total: the day's highest
      });
      return { meta: s, byDay: byDay };
    }).filter(function (s) { return Object.keys(s.byDay).length; });  // a source with only undated figures: table only
    var xs = Object.keys(secs).map(Number).sort(function (a, b) { return a - b; });
    var data_ = [xs];
    series.forEach(function (s) { data_.push(xs.map(function (x) { return s.byDay[x] ? s.byDay[x].value : null; })); });
    var vals = [];
    series.forEach(function (s) { Object.keys(s.byDay).forEach(function (x) { vals.push(s.byDay[x].value); }); });
    return { series: series, all: chosen, data: data_, xs: xs, undated: undated, max: vals.length ? Math.max.apply(null, vals) : 0 };
  }
  // a "nice" upper bound for the y axis: the tallest point and a little room, on a 1-2-2.5-5 step
  function niceMax(v) {
    if (v <= 0) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v))), steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * p >= v * 1.05) { return steps[i] * p; } }
    return 10 * p;
  }
  // the x axis' tick steps: whole days and up (a figure is dated by its day; hours would label one day many times)
  var DAY_INCRS = [1, 2, 3, 4, 5, 7, 10, 14, 15, 30, 60, 90, 120, 180, 365, 730, 1825, 3650].map(function (n) { return n * DAY; });
  // joins a series' points only where they are at most two days apart
  function runPaths(u, sidx, i0, i1) {
    var path = new Path2D(), xs = u.data[0], ys = u.data[sidx], last = null;
    for (var i = i0; i <= i1; i++) {
      if (ys[i] === null || ys[i] === undefined) { continue; }
      var x = u.valToPos(xs[i], "x", true), y = u.valToPos(ys[i], "y", true);
      if (last !== null && xs[i] - xs[last] <= 2 * DAY) { path.lineTo(x, y); } else { path.moveTo(x, y); }
      last = i;
    }
    return { stroke: path };
  }
  function srcName(o) { return (state.lang === "ar" ? (o.source_label_ar || o.source_label) : o.source_label) || ""; }
  function sourceLabel(s) { return srcName(s) + (s.belligerent ? " ⚑" : ""); }
  function drawCampaign() {
    var box = document.getElementById("campaign-chart"), tbody = document.querySelector("#campaign-points tbody");
    if (camp.chart) { camp.chart.destroy(); camp.chart = null; }
    window.rasdCampaign = null;
    clear(box); clear(tbody);
    var note = document.getElementById("campaign-undated");
    var m = campaignModel(camp.data, camp.kind);
    var shown = camp.shown && m.all.indexOf(camp.shown.s) >= 0 ? camp.shown : null;
    camp.shown = null;
    var ev = document.getElementById("campaign-evidence");
    if (shown) { showPointEvidence(shown.s, shown.p); } else { clear(ev); ev.appendChild(el("p", { "class": "hint" }, t("pick_point"))); }
    camp.model = m;
    note.textContent = m.undated ? fmt(t("camp_undated"), { n: m.undated }) : "";
    drawCampaignTable(m, tbody);
    if (!m.xs.length || typeof uPlot === "undefined") { box.appendChild(el("p", { "class": "hint" }, t("camp_none"))); return; }
    var width = Math.max(260, box.clientWidth || 600), narrow = width < 560;
    var nf = new Intl.NumberFormat(locale(), { notation: "compact", maximumFractionDigits: 1 });
    var nfull = new Intl.NumberFormat(locale());
    var font = "11px " + getComputedStyle(document.body).fontFamily;
    var series = [{ label: t("date"), value: function (u, v) { return v === null || v === undefined ? "—" : fmtDay(v, { year: "numeric", month: "short", day: "numeric" }); } }];
    m.series.forEach(function (s, i) {
      var c = tollColor(i, m.series.length);
      series.push({ label: iso(sourceLabel(s.meta) + (s.meta.who !== "total" ? " (" + whoLabel(s.meta.who) + ")" : "")), scale: "y",
        stroke: c, width: 1.5, paths: runPaths, points: { show: true, size: 8, fill: c, stroke: c },
        value: function (u, v) { return v === null || v === undefined ? "—" : nfull.format(v); } });
    });
    var lo = m.xs[0], hi = m.xs[m.xs.length - 1], pad = Math.max(DAY, (hi - lo) * 0.04);
    var top = niceMax(m.max);
    var opts = {
      width: width, height: narrow ? 220 : 260, series: series, legend: { show: true, live: false },
      padding: [12, narrow ? 28 : 40, 0, 4],  // room for the last date label
      cursor: { points: { size: 10 }, drag: { x: false, y: false } },
      scales: { x: { time: true, range: function () { return [lo - pad, hi + pad]; } },
                y: { range: function () { return [0, top]; } } },
      axes: [
        { font: font, stroke: "#555", space: narrow ? 80 : 100, grid: { stroke: "#eee" }, incrs: DAY_INCRS,
          values: function (u, splits, ai, space, incr) {
            var unit = incr >= 360 * DAY ? "year" : incr >= 28 * DAY ? "month" : "day";
            return splits.map(function (v) { return iso(fmtBin(v, unit)); });
          } },
        { scale: "y", font: font, stroke: "#555", size: 50, space: 28, grid: { stroke: "#eee" },
          values: function (u, splits) { return splits.map(function (v) { return iso(nf.format(v)); }); } }
      ]
    };
    camp.chart = new uPlot(opts, m.data, box);
    camp.chart.rasd = { kind: camp.kind, campaign: camp.id, undated: m.undated, top: top,
      series: m.series.map(function (s) { return { source_key: s.meta.source_key, belligerent: s.meta.belligerent }; }) };
    camp.chart.over.addEventListener("click", function (e) { pickPoint(camp.chart, e); });
    window.rasdCampaign = camp.chart;
  }
  // the point nearest the click (within 12 px), across every source
  function pickPoint(u, e) {
    var r = u.over.getBoundingClientRect(), cx = e.clientX - r.left, cy = e.clientY - r.top, best = null;
    camp.model.series.forEach(function (s) {
      Object.keys(s.byDay).forEach(function (x) {
        var p = s.byDay[x], dx = u.valToPos(Number(x), "x") - cx, dy = u.valToPos(p.value, "y") - cy, d = Math.sqrt(dx * dx + dy * dy);
        if (d <= 12 && (best === null || d < best.d)) { best = { d: d, p: p, s: s.meta }; }
      });
    });
    if (best) { showPointEvidence(best.s, best.p); }
  }
  function drawCampaignTable(m, tbody) {
    var rows = [];
    m.all.forEach(function (s) { s.points.forEach(function (p) { rows.push({ s: s, p: p }); }); });
    rows.sort(function (a, b) { return (a.p.date || "").localeCompare(b.p.date || "") || a.s.source_key.localeCompare(b.s.source_key); });
    rows.forEach(function (r) {
      var tr = el("tr", { "data-document": r.p.document_id, "data-start": r.p.start, "data-source": r.s.source_key });
      var dtd = el("td", { "class": "date" }); dtd.appendChild(dateNode(r.p.date)); tr.appendChild(dtd);
      var src = el("td", { dir: "auto" }, srcName(r.s) + (r.s.who !== "total" ? " (" + whoLabel(r.s.who) + ")" : ""));
      if (r.s.belligerent) { src.appendChild(el("span", { "class": "badge claim", title: t("claim") }, "⚑ " + t("claim"))); }
      tr.appendChild(src);
      tr.appendChild(el("td", { "class": "num" }, new Intl.NumberFormat(locale()).format(r.p.value)));
      var btd = el("td"), b = el("button", { type: "button" }, t("show_evidence"));
      b.addEventListener("click", function () { showPointEvidence(r.s, r.p); });
      btd.appendChild(b); tr.appendChild(btd);
      tbody.appendChild(tr);
    });
  }
  function showPointEvidence(s, p) {
    camp.shown = { s: s, p: p };
    var box = document.getElementById("campaign-evidence");
    clear(box); box.appendChild(el("p", { "class": "hint" }, t("loading")));
    getJSON("/api/documents/" + encodeURIComponent(p.document_id)).then(function (doc) {
      clear(box);
      var chars = Array.from(doc.text), a = p.start, b = p.end;
      while (a > 0 && a > p.start - 220 && !/[.!؟?\n]/.test(chars[a - 1])) { a--; }
      while (b < chars.length && b < p.end + 220 && !/[.!؟?\n]/.test(chars[b])) { b++; }
      if (b < chars.length) { b++; }
      var head = el("p", { "class": "camp-ev-head", dir: "auto" });
      head.appendChild(el("strong", null, new Intl.NumberFormat(locale()).format(p.value) + " " + kindLabel(s.kind)));
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(el("bdi", null, srcName(s)));
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(dateNode(p.date));
      if (s.belligerent) { head.appendChild(el("span", { "class": "badge claim" }, "⚑ " + t("claim"))); }
      box.appendChild(head);
      var q = el("blockquote", { dir: "rtl", lang: "ar", "data-start": p.start, "data-end": p.end });
      q.appendChild(document.createTextNode(chars.slice(a, p.start).join("")));
      q.appendChild(el("mark", { "class": "hl-count" }, chars.slice(p.start, p.end).join("")));
      q.appendChild(document.createTextNode(chars.slice(p.end, b).join("")));
      box.appendChild(q);
      if (p.source_attribution) { box.appendChild(el("p", { "class": "hint" }, t("attribution") + ": " + p.source_attribution)); }
      var link = el("a", { href: "#", "data-event": p.event_id }, t("open_report") + " · " + doc.document.source);
      link.addEventListener("click", function (e) { e.preventDefault(); openEvent(p.event_id); });
      box.appendChild(link);
    }).catch(function () { clear(box); box.appendChild(el("p", { "class": "hint" }, t("error"))); });
  }

  // ------------------------------------------------------------------ loading
  function load() {
    var p = filterParams();
    var ev = new URLSearchParams(p), cursor = state.trail[state.trail.length - 1], start = (state.trail.length - 1) * PAGE;
    ev.set("limit", PAGE);
    if (cursor) { ev.set("cursor", cursor); }
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
      page.start = start; state.page = page; state.all = all.items;
      drawSummary(stats);
      drawTable(page);
      drawMarkers(all.items);
      drawTimeline(stats, tolls);
      return loadCampaigns();
    }).then(function () {
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
      fillCampaigns(); drawCampaign();
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
    document.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); state.trail = [null]; load(); });
    document.getElementById("reset").addEventListener("click", function () {
      var form = document.getElementById("filters");
      // the form's own reset() is shadowed by its button id="reset" (form.reset is that button): call the prototype's
      HTMLFormElement.prototype.reset.call(form);
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (sel) { sel.value = ""; });
      state.trail = [null]; load();
    });
    initCampaignView();
    // one step at a time: a second click while a page loads would push the same cursor twice
    function idle() { return document.body.getAttribute("data-loading") !== "1"; }
    document.getElementById("prev").addEventListener("click", function () {
      if (idle() && state.trail.length > 1) { state.trail.pop(); load(); }
    });
    document.getElementById("next").addEventListener("click", function () {
      if (idle() && state.page && state.page.next_cursor) { state.trail.push(state.page.next_cursor); load(); }
    });
    getJSON("/api/stats").then(function (stats) { fillFilters(stats); }).catch(function () { /* load() reports */ });
    load().then(function () {
      var m = /^#event=(.+)$/.exec(location.hash);
      if (m) { openEvent(decodeURIComponent(m[1])); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
