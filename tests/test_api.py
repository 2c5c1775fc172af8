"""API tests (FastAPI TestClient over a SQLite store filled with hand-built records)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("fastapi", reason=STORE_EXTRA)
from fastapi.testclient import TestClient
from store_fixtures import TEXT_A, FakeExtractor, doc_id, sample_records

from rasd.api import Settings, create_app
from rasd.store import Store

TOKEN = "s3cret-token"


def _db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    s = Store.open(url)
    for rec in sample_records():
        s.ingest(rec)
    s.close()
    return url


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db_url=_db(tmp_path), api_token=TOKEN, max_body_bytes=20_000,
                              extractor_factory=FakeExtractor))
    with TestClient(app) as c:
        yield c


def test_api_events_count_cap_gives_a_lower_bound(tmp_path: Path) -> None:
    """Above the server's count cap a filter's total is the cap, marked inexact ("10000+" in the dashboard);
    at or below it the exact count; pages past the cap still come; the store's own count stays exact."""
    app = create_app(Settings(db_url=_db(tmp_path), count_cap=3))
    with TestClient(app) as c:
        every = c.get("/api/events").json()
        assert (every["total"], every["total_exact"], len(every["items"])) == (3, False, 4)
        assert c.get("/api/events", params={"offset": 3}).json()["items"]
        one = c.get("/api/events", params={"country": "TN"}).json()
        assert (one["total"], one["total_exact"]) == (1, True)
        assert c.get("/api/events", params={"q": "صفاقس"}).json()["total_exact"] is True
        assert c.get("/api/health").json()["happenings"] == 4
    (tmp_path / "x").mkdir()
    uncapped = create_app(Settings(db_url=_db(tmp_path / "x"), count_cap=None))
    with TestClient(uncapped) as c:
        every = c.get("/api/events").json()
        assert (every["total"], every["total_exact"]) == (4, True)


def test_api_events_list_filters_and_pagination(client: TestClient) -> None:
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 4 and len(body["items"]) == 4
    assert client.get("/api/events", params={"country": "TN"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "gna"}).json()["total"] == 2
    assert client.get("/api/events", params={"place": "Misrata"}).json()["total"] == 1
    assert client.get("/api/events", params={"acled_type": "Battles"}).json()["total"] == 1
    assert client.get("/api/events", params={"plover": "CONSULT"}).json()["total"] == 1
    assert client.get("/api/events", params={"modality": "planned"}).json()["total"] == 1
    assert client.get("/api/events", params={"min_confidence": 0.8}).json()["total"] == 2
    assert client.get("/api/events", params={"q": "صفاقس"}).json()["total"] == 1
    assert client.get("/api/events", params={"from": "2021-03-05", "to": "2021-03-07"}).json()["total"] == 2
    assert client.get("/api/events", params={"merged": "false"}).json()["total"] == 6
    page = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "date"}).json()
    assert len(page["items"]) == 2 and page["offset"] == 2
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 100_000}).status_code == 422
    assert client.get("/api/events", params={"sort": "uid; drop table events"}).status_code == 422
    assert client.get("/api/events", params={"from": "yesterday"}).status_code == 422
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422


def test_api_hostile_filter_values_are_harmless(client: TestClient) -> None:
    hostile = "' OR 1=1; DROP TABLE events; --"
    for key in ("place", "actor", "q", "plover", "modality", "acled_type"):
        r = client.get("/api/events", params={key: hostile})
        assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events").json()["total"] == 4


def test_api_event_detail_lists_every_report(client: TestClient) -> None:
    ev = client.get("/api/events", params={"place": "ly-misrata"}).json()["items"][0]
    r = client.get(f"/api/events/{quote(ev['id'], safe='')}")
    assert r.status_code == 200
    detail = r.json()
    assert detail["fatalities"] == 10 and detail["n_sources"] == 3
    assert {rep["source"] for rep in detail["reports"]} == {"wire-a/misrata-1", "paper-b/2021/03/03", "site-c/reprint"}
    # the raw id (with its slash) works too
    assert client.get(f"/api/events/{ev['id']}").status_code == 200
    assert client.get("/api/events/sha256:nope/e1").status_code == 404


def test_api_document_has_text_and_exact_spans(client: TestClient) -> None:
    r = client.get(f"/api/documents/{doc_id(TEXT_A)}")
    assert r.status_code == 200
    doc = r.json()
    assert doc["text"] == TEXT_A
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    for ev in doc["events"]:
        for c in ev["counts"]:
            assert doc["text"][c["start"]:c["end"]] == c["text"]
    assert client.get("/api/documents/sha256:missing").status_code == 404
    listing = client.get("/api/documents").json()
    assert listing["total"] == 5


def test_api_tolls_and_stats(client: TestClient) -> None:
    series = client.get("/api/tolls", params={"kind": "killed"}).json()["series"]
    assert len(series) == 1 and [p["value"] for p in series[0]["points"]] == [230, 241]
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 5 and stats["events"] == 4 and stats["reprints"] == 1
    assert [c["value"] for c in stats["campaign_tolls"]] == [241]
    assert stats["by_country"] == {"LY": 3, "TN": 1}
    assert {row["date"] for row in stats["timeline"]} >= {"2021-03-02", "2021-03-05"}
    assert client.get("/api/stats", params={"country": "TN"}).json()["events"] == 1


def test_api_export_formats(client: TestClient) -> None:
    r = client.get("/api/export", params={"format": "acled-csv", "country": "LY"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text.splitlines()[0].startswith("event_id_cnty,event_date,year,")
    assert len(r.text.splitlines()) == 3  # header + shelling + Benghazi clash (the planned meeting is out)
    r = client.get("/api/export", params={"format": "geojson"})
    assert json.loads(r.content)["type"] == "FeatureCollection"
    assert client.get("/api/export", params={"format": "jsonl"}).text.count("\n") == 4
    assert client.get("/api/export", params={"format": "exe"}).status_code == 422


def test_api_post_requires_token(client: TestClient) -> None:
    doc = {"text": "قصفت مدفعية حيا في مصراتة صباح اليوم. ولم ترد أنباء عن ضحايا.", "source": "api-test",
           "published": "2021-04-01"}
    assert client.post("/api/documents", json=doc).status_code == 401
    assert client.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = client.post("/api/documents", json=doc, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "ingested" and r.json()["events"] == 1
    r = client.post("/api/documents", json=doc, headers=auth)
    assert r.status_code == 200 and r.json()["status"] == "duplicate"
    assert client.get("/api/stats").json()["documents"] == 6
    assert client.post("/api/documents", json={"text": ""}, headers=auth).status_code == 422
    assert client.post("/api/documents", json={"text": "نص", "published": "01/04/2021"},
                       headers=auth).status_code == 422


def test_api_post_refused_without_configured_token(tmp_path: Path) -> None:
    app = create_app(Settings(db_url=_db(tmp_path), api_token=None, extractor_factory=FakeExtractor))
    with TestClient(app) as c:
        r = c.post("/api/documents", json={"text": "نص"}, headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403


def test_api_request_size_is_limited(client: TestClient) -> None:
    big = {"text": "ا" * 30_000}
    r = client.post("/api/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413


def test_api_openapi_and_security_headers(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/tolls", "/api/stats", "/api/export", "/api/documents"} <= set(spec["paths"])
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """A schema with its $ref followed (and a nullable anyOf reduced to its non-null member)."""
    while True:
        if "$ref" in schema:
            schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in schema:
            members = [m for m in schema["anyOf"] if m.get("type") != "null"]
            if len(members) != 1:
                return schema
            schema = members[0]
        else:
            return schema


def _undocumented(spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str) -> list[str]:
    """Paths into `value` that its documented schema does not describe (unknown keys, missing required ones)."""
    schema = _resolve(spec, schema)
    if isinstance(value, list) and "items" in schema:
        return [p for i, v in enumerate(value) for p in _undocumented(spec, schema["items"], v, f"{where}[{i}]")]
    if not isinstance(value, dict) or "properties" not in schema:
        return []
    props = schema["properties"]
    found = [f"{where}.{k} (undocumented)" for k in value if k not in props]
    found += [f"{where}.{k} (required, absent)" for k in schema.get("required", []) if k not in value]
    for k, v in value.items():
        if k in props:
            found += _undocumented(spec, props[k], v, f"{where}.{k}")
    return found


def test_api_openapi_documents_every_response(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["paths"]
    for path, operations in spec["paths"].items():
        assert "200" in {code for op in operations.values() for code in op["responses"]}, path
        for method, op in operations.items():
            ok = op["responses"].get("200") or op["responses"]["201"]
            assert ok.get("content"), (method, path)
            for media, body in ok["content"].items():
                schema = _resolve(spec, body.get("schema") or {})
                assert schema and (schema.get("properties") or schema.get("type")), (method, path, media)


def test_api_responses_follow_their_documented_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    ev = client.get("/api/events", params={"place": "ly-misrata"}).json()["items"][0]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    posted = client.post("/api/documents", headers=auth, json={"text": "اشتبكت قوات في مصراتة فجرا. وساد الهدوء لاحقا."})
    checks = [("/api/events", "/api/events?merged=false&limit=500"),
              ("/api/events/{event_id}", f"/api/events/{ev['id']}"),
              ("/api/documents", "/api/documents"),
              ("/api/documents/{document_id}", f"/api/documents/{doc_id(TEXT_A)}"),
              ("/api/tolls", "/api/tolls"), ("/api/stats", "/api/stats")]
    for documented, url in checks:
        r = client.get(url)
        assert r.status_code == 200, url
        schema = spec["paths"][documented]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert _undocumented(spec, schema, r.json(), url) == []
    schema = spec["paths"]["/api/documents"]["post"]["responses"]["201"]["content"]["application/json"]["schema"]
    assert posted.status_code == 201 and _undocumented(spec, schema, posted.json(), "POST") == []


def test_api_health_reports_store_versions_and_counts(client: TestClient) -> None:
    from rasd import __version__

    r = client.get("/api/health")
    assert r.status_code == 200
    h = r.json()
    assert h["ok"] is True and h["version"] == __version__
    assert h["database"] == {"reachable": True, "backend": "sqlite", "schema_version": h["database"]["schema_version"],
                             "error": None}
    assert h["database"]["schema_version"] >= 1
    assert h["documents"] == client.get("/api/documents").json()["total"]
    assert h["happenings"] == client.get("/api/events").json()["total"]
    assert h["events"] == client.get("/api/events", params={"merged": "false"}).json()["total"] >= h["happenings"]


def test_api_health_is_503_with_the_reason_when_the_store_is_unreachable(client: TestClient,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def down() -> int:
        raise RuntimeError("connection refused\nsecond line")

    monkeypatch.setattr(client.app.state.store, "schema_version", down)  # type: ignore[attr-defined]
    r = client.get("/api/health")
    assert r.status_code == 503
    h = r.json()
    assert h["ok"] is False and h["documents"] is None
    assert h["database"]["reachable"] is False and h["database"]["error"] == "connection refused"


def test_api_errors_have_one_shape(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    responses = {
        404: client.get("/api/events/sha256:nope/e1"),
        405: client.delete("/api/events"),
        422: client.get("/api/events", params={"limit": 0, "sort": "nonsense"}),
        401: client.post("/api/documents", json={"text": "نص"}),
        413: client.post("/api/documents", content=b"x" * 30_000, headers={"Authorization": f"Bearer {TOKEN}"}),
    }
    responses[4040] = client.get("/api/no-such-route")
    monkeypatch.setattr(client.app.state.store, "stats", lambda *_a, **_k: 1 / 0)  # type: ignore[attr-defined]
    with TestClient(client.app, raise_server_exceptions=False) as c:
        responses[500] = c.get("/api/stats")
    for code, r in responses.items():
        body = r.json()
        assert set(body) == {"status", "detail", "errors"}, (code, body)
        assert body["status"] == r.status_code == (404 if code == 4040 else code)
        assert body["detail"] and "\n" not in body["detail"]
    assert responses[500].json()["detail"] == "internal server error"  # the exception itself is not shown
    errors = responses[422].json()["errors"]
    assert {tuple(e["loc"]) for e in errors} == {("query", "limit"), ("query", "sort")}
    assert responses[422].json()["detail"].endswith("(and 1 more)")
    assert responses[401].headers["WWW-Authenticate"] == "Bearer"


def test_api_openapi_documents_the_error_model_and_health(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["components"]["schemas"]["ErrorOut"]["properties"]) == {"status", "detail", "errors"}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            for code in ("422", "500"):
                ref = op["responses"][code]["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorOut"), (path, method, code)
    health = spec["paths"]["/api/health"]["get"]["responses"]
    assert health["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/HealthOut")
    assert health["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/HealthOut")


def test_api_tolls_reject_a_date_that_is_not_iso(client: TestClient) -> None:
    assert client.get("/api/tolls", params={"from": "2021-03-01"}).status_code == 200
    for bad in ("03/01/2021", "20210301", "yesterday"):
        r = client.get("/api/tolls", params={"to": bad})
        assert r.status_code == 422 and r.json()["detail"] == "to: not a YYYY-MM-DD date"


def test_api_favicon_is_served(client: TestClient) -> None:
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert r.content.startswith(b"<svg")
    assert 'href="/static/favicon.svg"' in client.get("/").text
def test_api_campaigns_list_and_series(client: TestClient) -> None:
    from rasd.serve.models import CampaignsOut, CampaignTollsOut

    listed = CampaignsOut.model_validate(client.get("/api/campaigns").json()).campaigns
    assert len(listed) == 1 and listed[0].points == 2
    one = listed[0]
    got = client.get(f"/api/campaigns/{one.id}/tolls")
    assert got.status_code == 200
    body = CampaignTollsOut.model_validate(got.json())
    assert body.campaign.id == one.id
    assert [[p.value for p in s.points] for s in body.series] == [[230, 241]]  # one source: the ministry
    assert client.get("/api/campaigns/no-such-war/tolls").status_code == 404
    spec = client.get("/openapi.json").json()
    assert {"/api/campaigns", "/api/campaigns/{campaign_id}/tolls"} <= set(spec["paths"])
