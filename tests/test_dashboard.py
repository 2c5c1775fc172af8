"""Browser test: Playwright drives Debian's chromium against the app served by uvicorn on 127.0.0.1.

Skipped when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_fixtures import TEXT_A, TEXT_E, sample_records

from rasd.api import Settings, create_app
from rasd.store import Store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no /usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    db = tmp_path_factory.mktemp("dash") / "dash.db"
    url = f"sqlite:///{db}"
    store = Store.open(url)
    for rec in sample_records():
        store.ingest(rec)
    store.close()
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(db_url=url)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
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
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser: Any, server: str, shots: Path | None = None) -> Any:
    page = browser.new_page(viewport={"width": 1400, "height": 1100})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"request failed: {req.url}"))
    page.goto(server + "/")
    page.wait_for_selector("body[data-loading='0']")
    page.wait_for_selector("#events-table tbody tr[data-id]")
    page._rasd_errors = errors  # noqa: SLF001 - carried for the asserts below
    return page


def test_dashboard_loads_filters_and_highlights_evidence(browser: Any, server: str) -> None:
    page = _open(browser, server)
    # Arabic, right to left by default
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("#events-table tbody tr[data-id]").count() == 4
    # the map has country boundaries (world-atlas, vendored) and one marker per located event
    page.wait_for_function("() => document.querySelectorAll('#map path.leaflet-interactive').length >= 4")
    assert page.locator("#map svg path").count() > 100  # countries + markers
    # the timeline is drawn: bars for events, a line for the cumulative toll
    assert page.locator("#timeline rect.bar").count() >= 3
    assert page.locator("#timeline polyline.toll").count() == 1

    # filter: country LY and text search
    page.select_option("#filters select[name=country]", "LY")
    page.fill("#filters input[name=q]", "مصراتة")
    page.click("#apply")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-id]').length === 1")
    row = page.locator("#events-table tbody tr[data-id]").first
    assert "3" in row.inner_text()  # three sources

    # open the event: its evidence and counts are highlighted in the article text
    row.click()
    page.wait_for_selector("#article mark.hl-evidence")
    evidence = "".join(page.locator("#article .hl-evidence").all_text_contents())
    assert evidence == "قصفا مدفعيا استهدف حيا سكنيا في مصراتة صباح الثلاثاء أسفر عن مقتل 12 شخصا بينهم 3 أطفال"
    counts = page.locator("#article .hl-count").all_text_contents()
    assert "مقتل 12 شخصا" in counts and "إلى 230 قتيلا" in counts
    assert page.locator("#article").inner_text().strip() == TEXT_A
    assert page.locator("#event-detail .reports li").count() == 3
    assert not page._rasd_errors  # noqa: SLF001
    page.close()


def test_dashboard_english_toggle_and_escaping(browser: Any, server: str) -> None:
    page = _open(browser, server)
    page.click("#lang-toggle")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator("#apply").inner_text() == "Apply"
    assert "Misrata" in page.locator("#events-table").inner_text()
    # open the planned meeting from a document with two events: only its own evidence is highlighted
    page.fill("#filters input[name=q]", "المبعوث")
    page.click("#apply")
    page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-id]').length === 1")
    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#article mark.hl-evidence")
    ev = "".join(page.locator("#article .hl-evidence").all_text_contents())
    assert ev.startswith("من المقرر أن يلتقي") and "اشتباكات" not in ev
    assert page.locator("#article").inner_text().strip() == TEXT_E
    # no element was created from data as markup
    assert page.locator("#article script, #events-table script").count() == 0
    page.close()


def test_dashboard_screenshot(browser: Any, server: str, tmp_path: Path) -> None:
    """Not an assertion on pixels: writes screenshots (RASD_SCREENSHOTS=dir keeps them) for the closing note."""
    out = Path(os.environ.get("RASD_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    page = _open(browser, server)
    page.wait_for_function("() => document.querySelectorAll('#map path.leaflet-interactive').length >= 4")
    page.locator("#events-table tbody tr[data-id]").first.click()
    page.wait_for_selector("#article mark.hl-evidence")
    page.screenshot(path=str(out / "dashboard.png"), full_page=True)
    assert (out / "dashboard.png").stat().st_size > 10_000
    page.close()
