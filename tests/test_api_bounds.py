"""API bounds: every limit and offset bounded, exports streamed with a row cap, security headers on a 413."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="needs the [store] extra: python -m pip install -e '.[store]'")
from fastapi.testclient import TestClient
from store_fixtures import FakeExtractor, sample_records

from rasd.api import Settings, create_app
from rasd.store import Store

TOKEN = "رمز-سري-للاختبار".encode().hex()
HUGE = ["9223372036854775808", str(10**24), "-1", "1e3", "٣"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Store.open(url) as s:
        for rec in sample_records():
            s.ingest(rec)
    app = create_app(Settings(db_url=url, api_token=TOKEN, max_body_bytes=5_000, export_max_rows=2,
                              extractor_factory=FakeExtractor))
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize("path", ["/api/events", "/api/documents"])
@pytest.mark.parametrize("param", ["offset", "limit"])
@pytest.mark.parametrize("value", HUGE)
def test_api_bounds_limit_and_offset_out_of_range_are_422(client: TestClient, path: str, param: str,
                                                          value: str) -> None:
    r = client.get(path, params={param: value})
    assert r.status_code == 422, r.text


def test_api_bounds_largest_offset_is_an_empty_page(client: TestClient) -> None:
    for path in ("/api/events", "/api/documents"):
        r = client.get(path, params={"offset": 10_000_000})
        assert r.status_code == 200 and r.json()["items"] == []


def test_api_bounds_export_is_capped_unless_full(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "jsonl", "merged": "false"})
    assert r.status_code == 200 and r.headers["x-rasd-max-rows"] == "2"
    assert len(r.text.splitlines()) == 2
    one = client.get("/api/export", params={"format": "geojson", "max_rows": 1})
    assert len(json.loads(one.text)["features"]) == 1
    full = client.get("/api/export", params={"format": "jsonl", "merged": "false", "full": "true"})
    assert "x-rasd-max-rows" not in full.headers
    assert len(full.text.splitlines()) == 6
    assert client.get("/api/export", params={"format": "jsonl", "max_rows": 3}).status_code == 422
    assert client.get("/api/export", params={"format": "acled-csv", "full": "true"}).text.startswith("event_id_cnty,")


def test_api_bounds_413_carries_the_security_headers(client: TestClient) -> None:
    ok = client.get("/api/events")
    body = {"text": "نص طويل جدا " * 2_000}
    r = client.post("/api/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413
    for name in ("x-content-type-options", "referrer-policy", "x-frame-options", "content-security-policy"):
        assert r.headers[name] == ok.headers[name], name
