"""Browser tests: Playwright drives Debian's chromium against the app served by uvicorn on 127.0.0.1.

They check what a person sees against what the API returns: the country shapes and the event markers on the
map, the rows of the events table, the evidence highlighted in the article view; and that the page logs no
console error and asks nothing of any host but 127.0.0.1. Skipped when /usr/bin/chromium or the playwright
package is missing.
"""

from __future__ import annotations

import calendar
import json
import os
import socket
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from store_fixtures import LNA, TEXT_A, TEXT_E, EventSpec, build_record, sample_records

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"no {CHROMIUM}: the browser tests need Debian's chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs the [dev] extra (the playwright package)")
pytest.importorskip("uvicorn", reason="needs the [store] extra: python -m pip install -e '.[store]'")

WORLD = Path(__file__).resolve().parents[1] / "src" / "rasd" / "serve" / "static" / "vendor" / "world-atlas" / "countries-110m.json"
N_COUNTRIES = len(json.loads(WORLD.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"])
PAGE_SIZE = 25  # app.js PAGE
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

# Written for this test: an abduction whose place the report does not give, so it has a row but no marker.
# The red circle is outside the BMP (two UTF-16 units, one code point): offsets after it must still land right.
TEXT_F = "🔴 عاجل: أفاد ناشطون أن مسلحين مجهولين خطفوا صحفيا محليا مساء الخميس واقتادوه إلى جهة غير معروفة."

# What the Arabic page shows for the values in the sample store (the dashboard's own labels, written out here).
AR_ACLED = {"Battles": "معارك", "Explosions/Remote violence": "تفجيرات/عنف عن بعد",
            "Violence against civilians": "عنف ضد المدنيين", "Protests": "احتجاجات"}
AR_MODALITY = {"asserted": "مؤكد", "reported": "منقول", "planned": "مخطط"}
AR_UNKNOWN = "غير معروف"
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def _date_shown(iso: str | None, lang: str = "ar") -> str:
    """A date as the page shows it: '2 مارس 2021' / '2 March 2021' (Intl, Latin digits), or 'unknown'."""
    if not iso:
        return AR_UNKNOWN if lang == "ar" else "unknown"
    y, m, d = (int(v) for v in iso[:10].split("-"))
    return f"{d} {(AR_MONTHS if lang == 'ar' else EN_MONTHS)[m - 1]} {y}"


AR_PLOVER = {"AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "دعم", "CONCEDE": "تنازل", "COOPERATE": "تعاون",
             "AID": "مساعدة", "RETREAT": "انسحاب", "REQUEST": "طلب", "ACCUSE": "اتهام", "REJECT": "رفض",
             "THREATEN": "تهديد", "PROTEST": "احتجاج", "SANCTION": "عقوبة", "MOBILIZE": "تعبئة", "COERCE": "إكراه",
             "ASSAULT": "اعتداء", "DEMAND": "مطالبة", "DISAPPROVE": "استنكار", "INVESTIGATE": "تحقيق", "OTHER": "أخرى"}
# country-level events show the country's name (Chromium's Intl.DisplayNames), never its ISO code
AR_COUNTRY = {"LY": "ليبيا", "TN": "تونس", "SY": "سوريا", "SD": "السودان"}
EN_COUNTRY = {"LY": "Libya", "TN": "Tunisia", "SY": "Syria", "SD": "Sudan"}


def _unlocated_record() -> Any:
    return build_record(TEXT_F, "wire-f/abduction", "2021-03-05", [EventSpec(
        evidence="مسلحين مجهولين خطفوا صحفيا محليا مساء الخميس", plover="ASSAULT",
        acled=("Violence against civilians", "Abduction/forced disappearance"), actor1=LNA, day="2021-03-04")],
        country="LY")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:

    from rasd.store import Store

    db = tmp_path_factory.mktemp("dash") / "dash.db"
    url = f"sqlite:///{db}"
    store = Store.open(url)
    for rec in [*sample_records(), _unlocated_record()]:
        store.ingest(rec)
    store.close()
    yield from _serve(url)


@pytest.fixture(scope="module")
def examples_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The store `rasd ingest examples/reports.jsonl` makes: 27 events, four of them in Tripoli."""
    import subprocess
    import sys


    root = Path(__file__).resolve().parents[1]
    db = tmp_path_factory.mktemp("dash-examples") / "examples.db"
    url = f"sqlite:///{db}"
    subprocess.run([sys.executable, "-m", "rasd", "ingest", str(root / "examples" / "reports.jsonl"), "--db", url],
                   check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(root / "src")})
    yield from _serve(url)


def _serve(url: str) -> Iterator[str]:
    """The API and dashboard over the store at `url`, served by uvicorn on a free port of 127.0.0.1 while the
    generator is open."""
    import uvicorn

    from rasd.api import Settings, create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(Settings(db_url=url)), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _api(server: str, path: str, **params: Any) -> Any:
    query = ("?" + urlencode(params)) if params else ""
    with urllib.request.urlopen(server + path + query, timeout=10) as r:
        return json.load(r)


@dataclass
class Dash:
    """An open dashboard page with everything it logged and requested since it was opened."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.requests, "no request was recorded"
        outside = [u for u in self.requests
                   if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname not in LOCAL_HOSTS]
        assert not outside, f"requests left 127.0.0.1: {outside}"
        assert not self.errors, f"console errors: {self.errors}"


def _watch(browser: Any, server: str, path: str, timeout_ms: int = 15_000) -> Dash:
    """A page at `path`, with its console errors and requests recorded."""
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    page.set_default_timeout(timeout_ms)
    dash = Dash(page)

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            dash.errors.append(f"console: {msg.text} at {msg.location.get('url')}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: dash.errors.append(f"pageerror: {exc}"))
    page.on("requestfailed", lambda req: dash.errors.append(f"request failed: {req.url}"))
    page.on("request", lambda req: dash.requests.append(req.url))
    page.goto(server + path)
    return dash


def _open(browser: Any, server: str) -> Dash:
    """The dashboard, loaded: its table filled and every country shape on the map."""
    dash = _watch(browser, server, "/", timeout_ms=10_000)
    page = dash.page
    page.wait_for_selector("body[data-loading='0']")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    # the country shapes come by their own fetch: wait until all of them are on the map
    page.wait_for_function("n => document.querySelectorAll('#map path:not(.leaflet-interactive)').length >= n",
                           arg=N_COUNTRIES)
    return dash


def test_dashboard_api_docs_render_offline(browser: Any, server: str) -> None:
    """/docs (Swagger UI) and /redoc (ReDoc) draw every path of /openapi.json from vendored files alone."""
    paths = sorted(_api(server, "/openapi.json")["paths"])
    assert "/api/events" in paths
    docs = _watch(browser, server, "/docs")
    docs.page.wait_for_selector(".opblock-summary-path")
    shown = {el.get_attribute("data-path") or el.inner_text().strip()
             for el in docs.page.query_selector_all(".opblock-summary-path")}
    assert set(paths) <= shown, f"paths missing from /docs: {sorted(set(paths) - shown)}"
    docs.assert_clean()
    docs.page.close()
    redoc = _watch(browser, server, "/redoc")
    redoc.page.wait_for_selector("h1")
    assert "rasd" in redoc.page.inner_text("h1")
    # ReDoc draws its operations as it goes: wait until every path is on the page
    redoc.page.wait_for_function("ps => ps.every(p => document.body.innerText.includes(p))", arg=paths)
    assert not [img for img in redoc.page.eval_on_selector_all("img", "els => els.map(e => e.src)")
                if not img.startswith(("data:", server))]
    redoc.assert_clean()
    redoc.page.close()


def _apply_filters(page: Any, country: str | None = None, q: str | None = None) -> None:
    if country is not None:
        page.select_option("#filters select[name=country]", country)
    if q is not None:
        page.fill("#filters input[name=q]", q)
    page.click("#apply")
    page.wait_for_selector("body[data-loading='0']")


# ------------------------------------------------------------------------------------------- map

MAP_SETTLED = """() => new Promise(done => {
    // resolves once the map has stopped moving (fitBounds animates): nothing in it moved for 5 frames
    let last = '', same = 0;
    const tick = () => {
        const now = Array.from(document.querySelectorAll('#map .leaflet-map-pane, #map path')).map(n => {
            const r = n.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(); })
            .join(';') + (document.querySelector('#map .leaflet-zoom-anim') ? ' zooming' : '');
        if (now === last) { if (++same >= 5) { done(true); return; } } else { same = 0; last = now; }
        requestAnimationFrame(tick);
    };
    tick();
})"""


def _check_map(page: Any, server: str, min_shapes: int, **filters: str) -> None:
    """Country shapes are drawn, and there is one marker per located event of /api/events, in its place."""
    page.evaluate(MAP_SETTLED)
    shapes = page.evaluate("""() => Array.from(document.querySelectorAll('#map path:not(.leaflet-interactive)'))
        .filter(p => p.getAttribute('d') !== 'M0 0')
        .map(p => { const r = p.getBoundingClientRect();
                    return {l: r.left, r: r.right, t: r.top, b: r.bottom, fill: getComputedStyle(p).fill}; })""")
    assert page.locator("#map path:not(.leaflet-interactive)").count() == N_COUNTRIES
    # the countries around the events are in view, each a filled shape with an area
    assert len(shapes) >= min_shapes, f"only {len(shapes)} country shapes in view"
    assert all(s["r"] - s["l"] > 0 and s["b"] - s["t"] > 0 for s in shapes)
    assert all(s["fill"] not in ("none", "rgba(0, 0, 0, 0)") for s in shapes)

    items = _api(server, "/api/events", limit=500, **filters)["items"]
    located = {ev["id"]: ev for ev in items if ev["location"] and ev["location"]["lat"] is not None}
    markers = page.locator("#map path.leaflet-interactive")
    # markers on one place are clustered: every located event is a marker or counted in a cluster's number
    clustered = _cluster_total(page)
    assert markers.count() + clustered == len(located)
    assert markers.count() == len(located)
    # every marker is drawn (Leaflet writes "M0 0" for a shape it clips away), a circle inside the map's frame
    drawn = page.evaluate("""() => { const f = document.getElementById('map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#map path.leaflet-interactive')).map(p => {
            const r = p.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
            return p.getAttribute('d') !== 'M0 0' && r.width >= 8 && Math.abs(r.width - r.height) < 1
                && f.left <= x && x <= f.right && f.top <= y && y <= f.bottom; }); }""")
    assert all(drawn), f"markers not drawn on the map: {drawn}"
    seen: dict[str, dict[str, float]] = {}
    for i in range(markers.count()):
        markers.nth(i).hover()
        tip = page.locator("#map .leaflet-tooltip")
        tip.wait_for()
        text = tip.inner_text()
        match = [ev for ev in located.values() if ev["location"]["name_ar"] in text and _date_shown(ev["date"]["start"]) in text]
        assert len(match) == 1, f"marker {i} tooltip {text!r} matches {len(match)} events"
        ev = match[0]
        assert ev["id"] not in seen, f"two markers for {ev['id']}"
        assert AR_ACLED.get(str((ev["acled"] or {}).get("event_type")), AR_PLOVER[ev["plover"]]) in text
        # the tooltip says "—" where the table does (fatalities not known), never "0"
        assert (str(ev["fatalities"]) if ev["fatalities_known"] else "—") in text.split("·")[-2]
        box = markers.nth(i).bounding_box()
        seen[ev["id"]] = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
        page.mouse.move(0, 0)
        tip.wait_for(state="detached")
    assert set(seen) == set(located)
    # each marker is placed east/west and north/south of the others as its coordinates are ...
    for a in seen:
        for b in seen:
            la, lb = located[a]["location"], located[b]["location"]
            if la["lon"] < lb["lon"]:
                assert seen[a]["x"] < seen[b]["x"], (la["name_en"], lb["name_en"])
            if la["lat"] < lb["lat"]:
                assert seen[a]["y"] > seen[b]["y"], (la["name_en"], lb["name_en"])
    # ... and lies within the drawn extent of a country shape
    for eid, pt in seen.items():
        assert any(s["l"] <= pt["x"] <= s["r"] and s["t"] <= pt["y"] <= s["b"] for s in shapes), eid


def _cluster_total(page: Any) -> int:
    """The events counted in the map's cluster icons (Leaflet.markercluster writes the number in the icon)."""
    # the cluster group redraws after the map's moveend and animates markers into clusters: wait until the
    # markers and clusters on the map have stayed the same for a second
    page.wait_for_function("() => !document.querySelector('#map .leaflet-cluster-anim')")
    read = """() => [document.querySelectorAll('#map path.leaflet-interactive').length,
        Array.from(document.querySelectorAll('#map .marker-cluster')).map(e => +e.textContent.trim())]"""
    last: Any = None
    same = 0
    deadline = time.monotonic() + 10
    while same < 4 and time.monotonic() < deadline:
        now = page.evaluate(read)
        same = same + 1 if now == last else 0
        last = now
        page.wait_for_timeout(250)
    return int(sum(last[1]))


def test_dashboard_map_shows_countries_and_one_marker_per_located_event(browser: Any, server: str) -> None:
    dash = _open(browser, server)
    total = _api(server, "/api/events", limit=500)["total"]
    _check_map(dash.page, server, min_shapes=5)  # Tunisia, Libya and their neighbours
    # the abduction has no place: it is in the table but not on the map
    assert dash.page.locator("#map path.leaflet-interactive").count() == total - 1
    _apply_filters(dash.page, country="LY", q="مصراتة")
    _check_map(dash.page, server, min_shapes=1, country="LY", q="مصراتة")  # zoomed in on Libya
    assert dash.page.locator("#map path.leaflet-interactive").count() == 1
    dash.assert_clean()
    dash.page.close()


MARKER_CENTRES = """() => Array.from(document.querySelectorAll('#map path.leaflet-interactive'))
    .filter(p => p.getAttribute('d') !== 'M0 0')
    .map(p => { const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })"""


def test_dashboard_map_clusters_markers_on_one_place(browser: Any, examples_server: str) -> None:
    """Events on one place are a cluster whose number counts them; opened, each is its own marker, none hidden."""
    dash = _open(browser, examples_server)
    page = dash.page
    page.evaluate(MAP_SETTLED)
    items = _api(examples_server, "/api/events", limit=500)["items"]
    located = [ev for ev in items if ev["location"] and ev["location"]["lat"] is not None]
    per_place: dict[tuple[float, float], int] = {}
    for ev in located:
        key = (ev["location"]["lat"], ev["location"]["lon"])
        per_place[key] = per_place.get(key, 0) + 1
    assert max(per_place.values()) >= 4  # Tripoli
    # every located event is on the map: a marker of its own or counted in a cluster
    clustered = _cluster_total(page)
    assert page.locator("#map path.leaflet-interactive").count() + clustered == len(located)
    assert clustered >= 4
    # the map is fitted to the events, not the whole Old World: every marker and cluster is inside the frame
    inside = page.evaluate("""() => { const f = document.getElementById('map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#map path.leaflet-interactive, #map .marker-cluster')).every(n => {
            const r = n.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
            return f.left <= x && x <= f.right && f.top <= y && y <= f.bottom; }); }""")
    assert inside
    # no two markers drawn on top of each other
    centres = page.evaluate(MARKER_CENTRES)
    assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) >= 2 for i, a in enumerate(centres) for b in centres[i + 1:])
    # open the biggest cluster until its events are markers of their own, spread apart (spiderfied at one place)
    for _ in range(8):
        # a spread-out cluster stays, faded, under its markers: only the opaque ones are still closed
        clusters = page.eval_on_selector_all("#map .marker-cluster", """els => els.map(e =>
            getComputedStyle(e).opacity === '1' ? +e.textContent.trim() : 0)""")
        if not clusters or max(clusters) < max(per_place.values()):
            break
        page.locator("#map .marker-cluster").nth(clusters.index(max(clusters))).click()
        page.mouse.move(0, 0)  # away from the markers it spreads out, so that no tooltip covers them
        page.evaluate(MAP_SETTLED)
        page.wait_for_function("() => !document.querySelector('#map .leaflet-cluster-anim')")
        page.wait_for_timeout(600)
    page.wait_for_selector("#map .leaflet-tooltip", state="detached")
    # the markers now drawn in the frame are each on top at their own centre: none hides another
    visible = page.evaluate("""() => { const f = document.getElementById('map').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#map path.leaflet-interactive')).map(p => {
            const r = p.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
            const inFrame = p.getAttribute('d') !== 'M0 0' && f.left <= x && x <= f.right && f.top <= y && y <= f.bottom;
            const e = document.elementFromPoint(x, y);
            return inFrame ? {x, y, top: e === p, at: e && (e.tagName + "." + e.getAttribute("class"))} : null; }).filter(Boolean); }""")
    assert len(visible) >= max(per_place.values()), visible
    # (the faded icon of the cluster they came from is under them)
    assert all(v["top"] for v in visible), [v for v in visible if not v["top"]]
    # each of them names one of the events at a single place in its tooltip
    tips = []
    for v in visible:
        page.mouse.move(v["x"], v["y"])
        tip = page.locator("#map .leaflet-tooltip")
        tip.wait_for()
        tips.append(tip.inner_text())
        page.mouse.move(0, 0)
        tip.wait_for(state="detached")
    places = {ev["location"]["name_ar"] for ev in located}
    assert all(any(p in t for p in places) for t in tips), tips
    dash.assert_clean()
    page.close()


# ------------------------------------------------------------------------------------------- table

def _actor_names(ev: dict[str, Any]) -> str:
    return " — ".join(a["name_ar"] or a["name_en"] or a["id"] for a in (ev["actor1"], ev["actor2"]) if a)


def _expected_cells(ev: dict[str, Any]) -> list[str]:
    """The seven cells of an event's row, as the Arabic page writes them."""
    acled = (ev["acled"] or {}).get("event_type")
    loc = ev["location"]
    return [_date_shown(ev["date"]["start"]), AR_ACLED[acled] if acled else AR_PLOVER[ev["plover"]], _actor_names(ev),
            (loc["name_ar"] or loc["name_en"]) if loc else AR_COUNTRY.get(ev["country"], ""),
            str(ev["fatalities"]) if ev["fatalities_known"] else "—", str(ev["n_sources"]),
            AR_MODALITY[ev["modality"]]]


def _check_table(page: Any, server: str, **filters: str) -> list[dict[str, Any]]:
    api = _api(server, "/api/events", limit=PAGE_SIZE, offset=0, **filters)
    rows = page.eval_on_selector_all("#events-table tbody tr", """rows => rows.map(r => ({
        id: r.getAttribute('data-id'), cells: Array.from(r.cells).map(c => c.textContent.trim()),
        datetime: r.cells[0] && r.cells[0].querySelector('time') ? r.cells[0].querySelector('time').getAttribute('datetime') : null}))""")
    assert api["items"], "the filters should leave some events"
    assert [r["id"] for r in rows] == [ev["id"] for ev in api["items"]]
    for row, ev in zip(rows, api["items"], strict=True):
        assert row["cells"] == _expected_cells(ev), ev["id"]
        # the shown date is the ISO date of /api/events, kept machine-readable in <time datetime>
        assert row["datetime"] == (ev["date"]["start"] or None), ev["id"]
    assert page.locator("#events-count").inner_text() == f"({api['total']})"
    return list(api["items"])


def test_dashboard_table_rows_match_api_events(browser: Any, server: str) -> None:
    dash = _open(browser, server)
    page = dash.page
    # Arabic, right to left by default
    assert page.evaluate("document.documentElement.dir") == "rtl"
    items = _check_table(page, server)
    assert len(items) == 5  # the sample's four happenings (three reports of the shelling merged) and F
    # the timeline is drawn: bars for events, a line for the cumulative toll (a uPlot chart on a canvas)
    tl = _timeline(page)
    assert tl["bars"] >= 3
    assert sum(tl["barValues"]) == sum(d["events"] for d in _api(server, "/api/stats")["timeline"] if d["date"])
    assert len(tl["tolls"]) == 1 and page.locator("#timeline canvas").count() == 1

    _apply_filters(page, country="LY", q="مصراتة")
    (shelling,) = _check_table(page, server, country="LY", q="مصراتة")
    assert shelling["n_sources"] == 3
    _apply_filters(page, country="TN", q="")
    (protest,) = _check_table(page, server, country="TN")
    assert protest["location"]["id"] == "tn-sfax"
    # dates are typed as ISO dates (the same on the Arabic and the English page, never mm/dd/yyyy)
    page.click("#reset")
    page.wait_for_selector("body[data-loading='0']")
    assert page.get_attribute("#filters input[name=from]", "placeholder") == "مثلا \u20662021-03-02\u2069"
    page.fill("#filters input[name=from]", "2021-03-04")
    page.click("#apply")
    page.wait_for_selector("body[data-loading='0']")
    later = _check_table(page, server, **{"from": "2021-03-04"})
    assert 0 < len(later) < len(items) and all(ev["date"]["start"] >= "2021-03-04" for ev in later)
    dash.assert_clean()
    page.close()


# ------------------------------------------------------------------------------------------- timeline

AXES_JS = """const ctx = document.createElement('canvas').getContext('2d');
    // where a uPlot chart `u` draws its tick labels, and how wide each is
    const axes = u.axes.map((a, i) => {
        const f = Array.isArray(a.font) ? a.font[0] : a.font;
        ctx.font = f.replace(/^([0-9.]+)px/, (m, n) => (parseFloat(n) / (window.devicePixelRatio || 1)) + 'px');
        const scale = a.scale || (i === 0 ? 'x' : 'y');
        const values = a._values || [], splits = a._splits || [];
        return {scale, side: a.side, ticks: splits.map((v, j) => ({v, label: String(values[j] ?? ''),
            pos: u.valToPos(v, scale), w: ctx.measureText(String(values[j] ?? '')).width}))
            .filter(t => t.label !== '' && t.pos >= -0.5 && t.pos <= (scale === 'x' ? u.bbox.width : u.bbox.height) / (window.devicePixelRatio || 1) + 0.5)};
    });"""
TIMELINE = """() => {
    // what the uPlot chart (window.rasdTimeline) draws: its scales, its bars and lines, and where its axis labels are
    const u = window.rasdTimeline;
    if (!u) { return null; }
    const xs = u.data[0], bars = u.data[1].map((v, i) => [xs[i], v]).filter(p => p[1] !== null);
    const tolls = u.data.slice(2).map(ys => ys.map((v, i) => [xs[i], v]).filter(p => p[1] !== null));
    /*AXES*/
    const scales = {};
    for (const k of Object.keys(u.scales)) { scales[k] = {min: u.scales[k].min, max: u.scales[k].max}; }
    return {scales, axes, bars: bars.length, barValues: bars.map(p => p[1]), barPx: bars.map(p => u.valToPos(p[0], 'x')),
            tolls, meta: u.rasd, undated: document.getElementById('timeline-undated').textContent,
            width: u.width, canvasW: u.root.getBoundingClientRect().width,
            boxW: document.getElementById('timeline').getBoundingClientRect().width};
}"""


TIMELINE = TIMELINE.replace("/*AXES*/", AXES_JS)


def _ticks_apart(axes: list[dict[str, Any]]) -> None:
    """Tick labels: none overlaps its neighbour (x: text widths side by side; y: one line of text apart)."""
    for ax in axes:
        ticks = sorted(ax["ticks"], key=lambda t: t["pos"])
        assert len(ticks) >= 2, ax
        if ax["scale"] == "x":  # one label per tick: a day is never labelled twice
            assert len({t["label"] for t in ticks}) == len(ticks), ticks
        for a, b in zip(ticks, ticks[1:], strict=False):
            if ax["scale"] == "x":
                assert a["pos"] + a["w"] / 2 + 2 <= b["pos"] - b["w"] / 2, (a, b)
            else:
                assert b["pos"] - a["pos"] >= 12, (a, b)


def _timeline(page: Any) -> dict[str, Any]:
    page.wait_for_function("() => !!window.rasdTimeline")
    tl = page.evaluate(TIMELINE)
    assert tl is not None
    return dict(tl)


def _check_timeline(page: Any, server: str) -> None:
    """The chart's axes cover exactly what it draws, its labels do not overlap, and undated data is counted."""
    stats, tolls = _api(server, "/api/stats"), _api(server, "/api/tolls")["series"]
    tl = _timeline(page)
    dated = [d for d in stats["timeline"] if d["date"]]
    # every event with a date is in a bar; the others are counted under the chart
    assert sum(tl["barValues"]) == sum(d["events"] for d in dated)
    undated_events = stats["events"] - sum(d["events"] for d in dated)
    undated_points = sum(1 for s in tolls for p in s["points"] if not p["date"])
    assert str(undated_events) in tl["undated"] and str(undated_points) in tl["undated"], tl["undated"]
    # every toll series with a dated figure is drawn (not only the first few)
    assert len(tl["tolls"]) == sum(1 for s in tolls if any(p["date"] for p in s["points"]))
    sc = tl["scales"]
    day = 86400
    xs = [p[0] for ser in tl["tolls"] for p in ser] + [
        calendar.timegm(time.strptime(d["date"], "%Y-%m-%d")) for d in dated]
    assert xs
    # x: from the first plotted day to the last, with no more than one bin (a year at most) to spare on each side
    assert sc["x"]["min"] <= min(xs) and sc["x"]["max"] >= max(xs)
    assert sc["x"]["min"] >= min(xs) - 366 * day and sc["x"]["max"] <= max(xs) + 367 * day
    # events: from 0 to the tallest bar exactly
    assert sc["n"]["min"] == 0 and sc["n"]["max"] == max(max(tl["barValues"]), 1)
    # tolls (log): the lowest and highest figure drawn, within one order of magnitude
    vals = [p[1] for ser in tl["tolls"] for p in ser]
    if vals:
        assert sc["t"]["min"] <= min(vals) and sc["t"]["max"] >= max(vals)
        assert sc["t"]["min"] * 10 >= min(vals) * 0.999 and sc["t"]["max"] <= max(vals) * 10.001
    # bars on neighbouring bins do not overlap and are not hairlines: at least 8 px between their starts
    px = sorted(tl["barPx"])
    assert all(b - a >= 8 for a, b in zip(px, px[1:], strict=False)), px
    # the chart fits its panel
    assert tl["canvasW"] <= tl["boxW"] + 1
    _ticks_apart(tl["axes"])


def _shown_ids(page: Any) -> list[str]:
    return list(page.eval_on_selector_all("#events-table tbody tr[data-id]", "rows => rows.map(r => r.getAttribute('data-id'))"))


@pytest.fixture(scope="module")
def pages_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of synthetic documents whose happenings fill a little over two pages of the table."""
    from store_fixtures import synthetic_record

    from rasd.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('dash-pages') / 'pages.db'}"
    with Store.open(url) as store:
        for i in range(2 * PAGE_SIZE + 5):
            store.ingest(synthetic_record(i, events=1, seed=2))
    yield from _serve(url)


def test_dashboard_table_pages_by_cursor(browser: Any, pages_server: str) -> None:
    """Next and previous page through the events by cursor (`next_cursor` of the page shown, never an offset): the
    same rows as the API's offset pages, the range shown counts on, and the last page ends the walk."""
    dash = _open(browser, pages_server)
    page = dash.page
    offsets = [_api(pages_server, "/api/events", limit=PAGE_SIZE, offset=k * PAGE_SIZE) for k in range(3)]
    assert offsets[0]["total"] > 2 * PAGE_SIZE and 0 < len(offsets[2]["items"]) < PAGE_SIZE, offsets[0]["total"]
    assert _shown_ids(page) == [ev["id"] for ev in offsets[0]["items"]]
    assert page.is_disabled("#prev") and not page.is_disabled("#next")
    asked = len(dash.requests)
    for k in (1, 2):
        page.click("#next")
        page.wait_for_selector("body[data-loading='0']")
        assert _shown_ids(page) == [ev["id"] for ev in offsets[k]["items"]], k
        assert page.locator("#page-info").inner_text().startswith(f"{k * PAGE_SIZE + 1}–")
    assert page.is_disabled("#next") and not page.is_disabled("#prev")  # the last page
    tables = [u for u in dash.requests[asked:] if "/api/events?" in u and f"limit={PAGE_SIZE}" in u]
    assert len(tables) == 2 and all("cursor=" in u and "offset=" not in u for u in tables), tables
    for k in (1, 0):
        page.click("#prev")
        page.wait_for_selector("body[data-loading='0']")
        assert _shown_ids(page) == [ev["id"] for ev in offsets[k]["items"]], k
    assert page.locator("#page-info").inner_text().startswith("1–") and page.is_disabled("#prev")
    dash.assert_clean()


@pytest.mark.parametrize("width", [1400, 400])
def test_dashboard_timeline_many_series(browser: Any, examples_server: str, width: int) -> None:
    """The examples store: six years of events, 8 toll series (running totals only: a strike's toll is no series)
    from 2 to 78,755, undated events.
    Every series is drawn on axes that cover it, bars stay apart, labels do not overlap, at both widths."""
    dash = _open(browser, examples_server)
    page = dash.page
    page.set_viewport_size({"width": width, "height": 1100})
    page.wait_for_function("() => window.rasdTimeline && window.rasdTimeline.width"
                           " <= document.getElementById('timeline').clientWidth")
    assert len(_api(examples_server, "/api/tolls")["series"]) >= 8
    _check_timeline(page, examples_server)
    tl = _timeline(page)
    assert tl["meta"]["undatedEvents"] > 0 and str(tl["meta"]["undatedEvents"]) in tl["undated"]
    # and again in English (the chart is redrawn with English labels)
    page.click("#lang-toggle")
    page.wait_for_function("() => document.documentElement.dir === 'ltr' && !!window.rasdTimeline")
    _check_timeline(page, examples_server)
    dash.assert_clean()
    page.close()


def _check_table_lang(page: Any, server: str, lang: str) -> None:
    if lang == "ar":
        _check_table(page, server)
        return
    api = _api(server, "/api/events", limit=PAGE_SIZE, offset=0)
    rows = page.eval_on_selector_all("#events-table tbody tr", """rows => rows.map(r => ({
        id: r.getAttribute('data-id'), cells: Array.from(r.cells).map(c => c.textContent.trim())}))""")
    assert [r["id"] for r in rows] == [ev["id"] for ev in api["items"]]
    for row, ev in zip(rows, api["items"], strict=True):
        loc = ev["location"]
        place = (loc["name_en"] or loc["name_ar"]) if loc else EN_COUNTRY.get(ev["country"], "")
        assert row["cells"][0] == _date_shown(ev["date"]["start"], "en")
        assert row["cells"][3] == place and row["cells"][4] == (str(ev["fatalities"]) if ev["fatalities_known"] else "—")
        assert row["cells"][5] == str(ev["n_sources"])


def _raw_enums() -> dict[str, set[str]]:
    from rasd.resources.lexicon import ACLED_TYPES, COUNT_KIND_NAMES, PLOVER_TYPES
    from rasd.resources.schemas import COUNT_WHO
    modal = {"asserted", "reported", "planned", "called_for", "negated", "denied"}
    return {"plover": set(PLOVER_TYPES), "who": set(COUNT_WHO), "kinds": set(COUNT_KIND_NAMES),
            "acled": set(ACLED_TYPES), "modality": modal}


def _check_translated(page: Any, lang: str) -> None:
    """No enum value the API returns is shown as its raw code: on the Arabic page no Latin enum word at all."""
    import re
    shown = page.evaluate("""() => [
        ...Array.from(document.querySelectorAll('#filters option')).map(o => o.textContent),
        ...Array.from(document.querySelectorAll('#events-table tbody td, #event-detail dd, #event-detail li span')).map(n => n.textContent),
        ...Array.from(document.querySelectorAll('#timeline .u-legend th, #legend, #map .leaflet-tooltip')).map(n => n.textContent)]""")
    text = "\n".join(shown)
    enums = _raw_enums()
    if lang == "ar":
        for group, values in enums.items():
            for v in values:
                assert not re.search(r"(?<![A-Za-z_])" + re.escape(v) + r"(?![A-Za-z_])", text), (group, v)
    else:
        for v in enums["plover"] | {"called_for"}:
            assert not re.search(r"(?<![A-Za-z_])" + re.escape(v) + r"(?![A-Za-z_])", text), v
    # no ISO country code stands alone in a cell or an option
    assert not [s for s in shown if re.fullmatch(r"\s*[A-Z]{2}\s*", s)], "ISO codes shown"


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("width", [1400, 400])
def test_dashboard_timeline_and_layout(browser: Any, server: str, lang: str, width: int) -> None:
    """At 1400 and 400 px, in Arabic and English: the timeline's axes cover what it draws with no overlapping
    labels, every table row matches /api/events, no enum is untranslated, nothing leaves 127.0.0.1."""
    dash = _open(browser, server)
    page = dash.page
    page.set_viewport_size({"width": width, "height": 1100})
    if lang == "en":
        page.click("#lang-toggle")
    page.wait_for_function("w => window.rasdTimeline && Math.abs(window.rasdTimeline.root.parentElement"
                           ".getBoundingClientRect().width - document.getElementById('timeline').clientWidth) <= 1"
                           " && window.rasdTimeline.width <= document.getElementById('timeline').clientWidth", arg=width)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    # nothing wider than the window (the layout holds at 400 px)
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    _check_table_scrolls_in_its_panel(page)
    _check_timeline(page, server)
    _check_table_lang(page, server, lang)
    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#article mark.hl-evidence")
    _check_translated(page, lang)
    # RASD_SCREENSHOTS=docs/screenshots rewrites the README's screenshots; otherwise they go to a scratch dir,
    # so a test run leaves the checkout as it was
    shots = Path(os.environ.get("RASD_SCREENSHOTS") or tempfile.mkdtemp(prefix="rasd-shots-"))
    shots.mkdir(parents=True, exist_ok=True)
    png = page.screenshot(path=str(shots / f"dashboard-{lang}-{'wide' if width > 600 else 'narrow'}.png"), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    dash.assert_clean()
    page.close()


def _check_table_scrolls_in_its_panel(page: Any) -> None:
    """The events table stays inside its panel; when its columns are wider, it scrolls sideways itself (the
    panel, its heading and its pager do not)."""
    box = page.evaluate("""() => {
        const t = document.getElementById('events-table'), p = t.closest('.panel');
        const tr = t.getBoundingClientRect(), pr = p.getBoundingClientRect();
        const before = t.scrollLeft; t.scrollLeft = document.documentElement.dir === 'rtl' ? -40 : 40;
        const moved = t.scrollLeft !== before; t.scrollLeft = before;
        return {inside: tr.left >= pr.left - 1 && tr.right <= pr.right + 1, panelFits: p.scrollWidth <= p.clientWidth + 1,
                wider: t.scrollWidth > t.clientWidth + 1, moved};
    }""")
    assert box["inside"] and box["panelFits"], box
    assert box["moved"] == box["wider"], box  # wider than the panel: it scrolls
    assert box["wider"] or page.viewport_size["width"] > 600, box  # at 400 px the seven columns are wider


# ------------------------------------------------------------------------------------------- article view

MARKED_RANGES = """cls => {
    // [start, end) of every element of class `cls` in #article, in code points like the store's offsets;
    // adjacent pieces (the highlight is cut where a mention starts or ends) are joined
    const out = []; let pos = 0;
    for (const node of document.getElementById('article').childNodes) {
        const n = Array.from(node.textContent).length;
        if (node.nodeType === 1 && node.classList.contains(cls)) {
            if (out.length && out[out.length - 1][1] === pos) { out[out.length - 1][1] = pos + n; }
            else { out.push([pos, pos + n]); }
        }
        pos += n;
    }
    return out;
}"""


def _joined(spans: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and out[-1][1] >= s:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def test_dashboard_article_highlights_stored_evidence_span(browser: Any, server: str) -> None:
    dash = _open(browser, server)
    page = dash.page
    items = _api(server, "/api/events", limit=PAGE_SIZE)["items"]
    assert len(items) == page.locator("#events-table tbody tr[data-id]").count()
    for item in items:
        page.locator(f'#events-table tbody tr[data-id="{item["id"]}"]').click()
        page.wait_for_function("id => location.hash === '#event=' + encodeURIComponent(id)", arg=item["id"])
        ev = _api(server, "/api/events/" + quote(item["id"], safe=""))
        doc = _api(server, "/api/documents/" + quote(ev["document_id"], safe=""))
        (stored,) = [e for e in doc["events"] if e["id"] == item["id"]]
        text = doc["text"]
        assert page.locator("#article").text_content() == text
        evidence = [(s["start"], s["end"]) for s in stored["evidence"]]
        assert evidence
        # the highlighted stretches are exactly the evidence spans: same place in the text, same words
        assert page.evaluate(MARKED_RANGES, "hl-evidence") == _joined(evidence)
        shown = "".join(page.locator("#article .hl-evidence").all_text_contents())
        assert shown == "".join(text[s:e] for s, e in evidence)
        assert page.locator("#article .hl-evidence").evaluate_all(
            "ns => ns.every(n => n.tagName === 'MARK' && getComputedStyle(n).backgroundColor !== 'rgba(0, 0, 0, 0)')")
        assert page.evaluate(MARKED_RANGES, "hl-count") == _joined([(c["start"], c["end"]) for c in stored["counts"]])
        assert page.locator("#event-detail .reports li").count() == len(ev["reports"])
        if item["location"] and item["location"]["id"] == "ly-misrata":
            # the shelling: the first report's text, with its incident and cumulative figures marked
            assert text == TEXT_A and len(ev["reports"]) == 3
            counts = page.locator("#article .hl-count").all_text_contents()
            assert "مقتل 12 شخصا" in counts and "إلى 230 قتيلا" in counts
    dash.assert_clean()
    page.close()


def test_dashboard_english_toggle_and_escaping(browser: Any, server: str) -> None:
    dash = _open(browser, server)
    page = dash.page
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("#apply").inner_text() == "Apply"
    assert "Misrata" in page.locator("#events-table").inner_text()
    # open the planned meeting from a document with two events: only its own evidence is highlighted
    _apply_filters(page, q="المبعوث")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-id]').length === 1")
    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#article mark.hl-evidence")
    ev = "".join(page.locator("#article .hl-evidence").all_text_contents())
    assert ev.startswith("من المقرر أن يلتقي") and "اشتباكات" not in ev
    assert page.locator("#article").inner_text().strip() == TEXT_E
    # no element was created from data as markup
    assert page.locator("#article script, #events-table script").count() == 0
    dash.assert_clean()
    page.close()


def test_dashboard_screenshot(browser: Any, server: str, tmp_path: Path) -> None:
    """Writes a screenshot (RASD_SCREENSHOTS=dir keeps it) of the page as a person sees it with an event open."""
    out = Path(os.environ.get("RASD_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    dash = _open(browser, server)
    page = dash.page
    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#article mark.hl-evidence")
    # what is in the picture: the map, the table and the highlighted evidence are all visible on screen
    for sel in ("#map path.leaflet-interactive >> nth=0", "#events-table tbody tr.selected", "#article mark.hl-evidence"):
        assert page.locator(sel).first.is_visible(), sel
    png = page.screenshot(path=str(out / "dashboard.png"), full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    dash.assert_clean()
    page.close()


# ------------------------------------------------------------------------------------------- campaign view

@pytest.fixture(scope="module")
def campaign_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[str]:
    """The reference offensive of tests/test_campaigns.py (our own eight dated updates, three sources)."""
    from test_campaigns import OFFENSIVE

    from rasd.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('dash-campaign') / 'campaign.db'}"
    with Store.open(url) as store:
        for published, source, text in OFFENSIVE:
            store.ingest(pipeline.extract_text(text, source=source, published=published))
    yield from _serve(url)


CAMPAIGN = """() => {
    // what the campaign chart (window.rasdCampaign) draws: its points per source, scales and axis labels
    const u = window.rasdCampaign;
    if (!u) { return null; }
    const xs = u.data[0], dpr = window.devicePixelRatio || 1;
    const series = u.data.slice(1).map(ys => ys.map((v, i) => [xs[i], v]).filter(p => p[1] !== null));
    /*AXES*/
    const r = u.over.getBoundingClientRect();
    const px = series.map(ser => ser.map(p => [r.left + u.valToPos(p[0], 'x'), r.top + u.valToPos(p[1], 'y')]));
    return {series, px, meta: u.rasd, axes, scales: {x: [u.scales.x.min, u.scales.x.max], y: [u.scales.y.min, u.scales.y.max]},
            width: u.width, boxW: document.getElementById('campaign-chart').getBoundingClientRect().width};
}"""


CAMPAIGN = CAMPAIGN.replace("/*AXES*/", AXES_JS)


def _campaign_chart(page: Any) -> dict[str, Any]:
    page.wait_for_function("() => !!window.rasdCampaign")
    got = page.evaluate(CAMPAIGN)
    assert got is not None
    return dict(got)


def _check_campaign_chart(page: Any, server: str, campaign_id: str, kind: str) -> dict[str, Any]:
    """The chart draws each source's dated figures of `kind` as the API gives them, on axes fitted to them."""
    api = _api(server, "/api/campaigns/" + quote(campaign_id, safe="") + "/tolls")
    series = [s for s in api["series"] if s["kind"] == kind and s["who"] == "total" and any(p["date"] for p in s["points"])]
    ch = _campaign_chart(page)
    assert ch["meta"]["campaign"] == campaign_id and ch["meta"]["kind"] == kind
    assert [s["source_key"] for s in ch["meta"]["series"]] == [s["source_key"] for s in series]
    for drawn, s in zip(ch["series"], series, strict=True):
        by_day: dict[int, int] = {}
        for p in s["points"]:
            if p["date"]:
                x = calendar.timegm(time.strptime(p["date"], "%Y-%m-%d"))
                by_day[x] = max(by_day.get(x, 0), p["value"])
        assert sorted((int(x), int(v)) for x, v in drawn) == sorted(by_day.items())
    values = [v for ser in ch["series"] for _, v in ser]
    xs = [x for ser in ch["series"] for x, _ in ser]
    # y from 0 to just above the tallest figure (never a sum of sources); x around the first and last report
    assert ch["scales"]["y"][0] == 0 and max(values) <= ch["scales"]["y"][1] <= max(values) * 1.5
    assert ch["scales"]["x"][0] < min(xs) and ch["scales"]["x"][1] > max(xs)
    assert ch["scales"]["x"][1] - ch["scales"]["x"][0] <= (max(xs) - min(xs)) * 1.2 + 2 * 86400
    _ticks_apart(ch["axes"])
    assert ch["width"] <= ch["boxW"] + 1
    return ch


@pytest.mark.parametrize("width", [1400, 400])
def test_dashboard_campaign_view(browser: Any, campaign_server: str, width: int) -> None:
    """Choose the campaign, see each source's killed and wounded figures as points matching the API, open a
    point's evidence from the chart and from the table; Arabic and English; the header's toll is per campaign."""
    dash = _open(browser, campaign_server)
    page = dash.page
    page.set_viewport_size({"width": width, "height": 1400})
    campaigns = _api(campaign_server, "/api/campaigns")["campaigns"]
    assert [c["id"] for c in campaigns] == ["ly-tripoli-offensive-2019"]
    options = page.eval_on_selector_all("#campaign-select option", "os => os.map(o => [o.value, o.textContent])")
    assert options == [[c["id"], c["name_ar"]] for c in campaigns]
    cid = campaigns[0]["id"]
    page.wait_for_function("w => window.rasdCampaign && window.rasdCampaign.width"
                           " <= document.getElementById('campaign-chart').clientWidth + 1", arg=width)
    ch = _check_campaign_chart(page, campaign_server, cid, "killed")
    assert len(ch["series"]) == 3 and sum(1 for s in ch["meta"]["series"] if s["belligerent"]) == 1
    # the header shows the campaign's latest toll, not a sum
    head = page.locator("#summary .camp-toll").all_text_contents()
    assert len(head) == 1 and "345" in head[0] and "الهجوم على طرابلس" in head[0]
    # a point's evidence, one click away on the chart: the sentence with the figure marked
    page.locator("#campaign-chart").scroll_into_view_if_needed()
    x, y = _campaign_chart(page)["px"][0][0]
    page.mouse.click(x, y)
    page.wait_for_selector("#campaign-evidence mark.hl-count")
    api = _api(campaign_server, "/api/campaigns/" + quote(cid, safe="") + "/tolls")
    first = next(s for s in api["series"] if s["kind"] == "killed" and s["source_key"] == ch["meta"]["series"][0]["source_key"])
    pt = min((p for p in first["points"] if p["date"]), key=lambda p: p["date"])
    doc = _api(campaign_server, "/api/documents/" + quote(pt["document_id"], safe=""))
    assert page.locator("#campaign-evidence mark.hl-count").text_content() == doc["text"][pt["start"]:pt["end"]]
    # … and in the table of figures: one row per point, each with its evidence
    n_points = sum(len(s["points"]) for s in api["series"] if s["kind"] == "killed" and s["who"] == "total")
    assert page.locator("#campaign-points tbody tr").count() == n_points
    page.locator("#campaign-points tbody tr button").last.click()
    page.wait_for_function("() => document.querySelector('#campaign-evidence mark.hl-count')")
    _campaign_shot(page, "ar", width)
    # wounded, then English
    page.locator("#campaign-kinds input[value=wounded]").check()
    _check_campaign_chart(page, campaign_server, cid, "wounded")
    page.click("#lang-toggle")
    page.wait_for_function("() => document.documentElement.dir === 'ltr' && !!window.rasdCampaign")
    assert page.eval_on_selector_all("#campaign-select option", "os => os.map(o => o.textContent)") == [campaigns[0]["name_en"]]
    _check_campaign_chart(page, campaign_server, cid, "wounded")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.locator("#campaign-points tbody tr button").last.click()
    page.wait_for_function("() => document.querySelector('#campaign-evidence mark.hl-count')")
    _campaign_shot(page, "en", width)
    dash.assert_clean()
    page.close()


@pytest.fixture(scope="module")
def one_report_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[str]:
    """A campaign told by one dated report (our own first update of the reference offensive)."""
    from test_campaigns import OFFENSIVE

    from rasd.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('dash-one') / 'one.db'}"
    published, source, text = OFFENSIVE[0]
    with Store.open(url) as store:
        store.ingest(pipeline.extract_text(text, source=source, published=published))
    yield from _serve(url)


def test_dashboard_campaign_view_one_dated_report(browser: Any, one_report_server: str) -> None:
    """One dated figure: its day on the x axis once, with the days around it, never the same day over and over."""
    dash = _open(browser, one_report_server)
    page = dash.page
    page.set_viewport_size({"width": 1400, "height": 1400})
    ch = _check_campaign_chart(page, one_report_server, "ly-tripoli-offensive-2019", "killed")
    assert [len(s) for s in ch["series"]] == [1]
    dash.assert_clean()
    page.close()


def _campaign_shot(page: Any, lang: str, width: int) -> None:
    """A screenshot of the campaign panel: into RASD_SCREENSHOTS (docs/screenshots rewrites the README's), else a
    scratch dir, so a test run leaves the checkout as it was."""
    shots = Path(os.environ.get("RASD_SCREENSHOTS") or tempfile.mkdtemp(prefix="rasd-campaign-"))
    shots.mkdir(parents=True, exist_ok=True)
    png = page.locator("#campaign-panel").screenshot(
        path=str(shots / f"campaign-{lang}-{'wide' if width > 600 else 'narrow'}.png"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
