"""The per-document time budget in `rasd ingest`, `rasd batch` and POST /api/documents: a runaway document fails
alone in one line (a 422 from the API), the other documents are processed. Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOOD = "قتل أربعة مدنيين في قصف مدفعي استهدف بلدة الحمرا صباح الجمعة.\n"
RUNAWAY = "قتل ٥ " * 3000  # figure-dense: the case a budget exists for (18,000 characters)


def _tiny_for_long(n_chars: int) -> float:
    """A budget no long text can meet, and a generous one for the short texts."""
    return 0.001 if n_chars > 10_000 else 60.0


def test_budget_ingest_fails_the_runaway_document_alone(tmp_path: Path, pipeline: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sqlalchemy")
    from rasd.store import Store
    from rasd.store import ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "default_budget", _tiny_for_long)
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in (GOOD, RUNAWAY)) + "\n",
                                       encoding="utf-8")
    (tmp_path / "long.txt").write_text(RUNAWAY + "؟", encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = ingest_mod.ingest_paths(store, pipeline, [tmp_path / "in.jsonl", tmp_path / "long.txt"],
                                          progress=False)
    assert summary.ingested == 1
    reasons = {Path(f.where).name: f.reason for f in summary.failed}
    assert set(reasons) == {"in.jsonl:2", "long.txt"}
    for reason in reasons.values():
        assert "time budget of 0.001 s" in reason and "--max-seconds" in reason and "\n" not in reason


def test_budget_batch_runaway_document_is_an_error_row(tmp_path: Path, pipeline: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyarrow")
    from rasd.batch import BatchOptions, run_batch, work

    monkeypatch.setattr(work, "default_budget", _tiny_for_long)
    monkeypatch.setattr(work, "load_pipeline", lambda factory=None: pipeline)
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps({"text": t, "id": str(i)})
                                                 for i, t in enumerate((GOOD, RUNAWAY, GOOD + GOOD))) + "\n",
                                       encoding="utf-8")
    result = run_batch(BatchOptions(input=str(tmp_path / "in.jsonl"), output=str(tmp_path / "out"), format="jsonl"))
    assert result.totals["documents"] == 2 and result.totals["errors"] == 1
    errors = [json.loads(ln) for f in (tmp_path / "out" / "errors").iterdir()
              for ln in f.read_text(encoding="utf-8").splitlines()]
    assert len(errors) == 1 and errors[0]["record"] == "line 2"
    assert "time budget of 0.001 s" in errors[0]["reason"]


def test_budget_api_runaway_document_is_a_422_and_not_stored(tmp_path: Path, pipeline: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import Settings, create_app
    from rasd.serve import routes

    monkeypatch.setattr(routes, "default_budget", _tiny_for_long)
    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'api.db'}", api_token="t0k",
                              extractor_factory=lambda: pipeline))
    auth = {"Authorization": "Bearer t0k"}
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/api/documents", json={"text": RUNAWAY}, headers=auth)
        assert r.status_code == 422, r.text
        assert "time budget" in r.json()["detail"] and "not stored" in r.json()["detail"]
        assert r.headers.get("x-content-type-options") == "nosniff"
        assert client.get("/api/documents").json()["total"] == 0
        assert client.post("/api/documents", json={"text": GOOD}, headers=auth).status_code == 201
    tight = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'api2.db'}", api_token="t0k", max_seconds=1e-6,
                                extractor_factory=lambda: pipeline))
    with TestClient(tight, raise_server_exceptions=False) as client:
        r = client.post("/api/documents", json={"text": GOOD}, headers=auth)
        assert r.status_code == 422 and "time budget of 1e-06 s" in r.json()["detail"]
