from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from rasd.cli import evaluate as cli_eval
from rasd.evaluation.score import Mismatch

# Our own short Arabic reports (written for this test).
TEXT_A = "قتل خمسة مسلحين في اشتباكات بين الجيش الوطني ومجموعة مسلحة قرب مدينة سرت صباح اليوم."
TEXT_B = "تظاهر مئات الطلاب في وسط المدينة احتجاجا على انقطاع الكهرباء."
TEXT_BROKEN = "نص يتعطل عليه النظام عمدا في هذا الاختبار."

GOLD_A: dict[str, Any] = {"id": "a1", "published": "2024-03-02", "events": [{
    "acled_event_type": "Battles", "acled_sub_event_type": "Armed clash", "plover": "ASSAULT",
    "actors": [["Libyan National Army", "LNA", "الجيش الوطني"]], "location": ["Sirte", "سرت"],
    "country": "LY", "date": "2024-03-02",
    "counts": [{"kind": "killed", "value": 5, "who": "fighters", "qualifier": "exact", "scope": "incident"}],
    "modality": "asserted", "evidence": "قتل خمسة مسلحين"}]}
GOLD_B: dict[str, Any] = {"id": "a2", "published": None, "events": [{
    "acled_event_type": "Protests", "acled_sub_event_type": "Peaceful protest", "plover": "PROTEST",
    "actors": [], "location": None, "country": None, "date": None, "counts": [], "modality": "asserted",
    "evidence": "تظاهر مئات الطلاب"}]}
GOLD_C: dict[str, Any] = {"id": "a3", "published": "2024-03-04", "events": [{
    "acled_event_type": "Explosions/Remote violence", "acled_sub_event_type": "Air/drone strike",
    "plover": "ASSAULT", "actors": [], "location": None, "country": None, "date": None,
    "counts": [{"kind": "killed", "value": 2}], "modality": "asserted", "evidence": None}]}
GOLD_D: dict[str, Any] = {"id": "a4", "published": None, "events": []}

# What the fake pipeline predicts for TEXT_A: right type, place, actor and killed 5 (as "total", so
# counts_who misses), plus a false alarm "wounded 3".
RECORD_A: dict[str, Any] = {"schema": "rasd.document/1", "mentions": [], "events": [{
    "id": "e1", "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"}, "plover": "ASSAULT",
    "actor1": {"id": "lna", "name_en": "Libyan National Army", "name_ar": "الجيش الوطني الليبي"},
    "actor2": None,
    "location": {"id": "ly-sirte", "name_en": "Sirte", "name_ar": "سرت", "country": "LY"},
    "date": {"start": "2024-03-02", "end": "2024-03-02", "precision": "day", "anchor": "published"},
    "counts": [{"kind": "killed", "value": 5, "who": "total", "start": 4, "end": 8},
               {"kind": "wounded", "value": 3, "who": "total"}],
    "modality": "asserted", "evidence": [{"start": 0, "end": 20}]}]}


class _Rec:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_json(self) -> dict[str, Any]:
        return self.data


class FakePipeline:
    """Predicts RECORD_A for TEXT_A, nothing for other texts, and fails on TEXT_BROKEN."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def extract_decoded(self, decoded: Any, *, source: str, published: str | None = None) -> _Rec:
        self.calls.append((source, published))
        if decoded.text.strip() == TEXT_BROKEN:
            raise RuntimeError("boom")
        if decoded.text.strip() == TEXT_A:
            return _Rec(RECORD_A)
        return _Rec({"schema": "rasd.document/1", "mentions": [], "events": []})


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    _write(d / "a1.gold.json", GOLD_A)
    (d / "a1.txt").write_text(TEXT_A, encoding="utf-8")
    _write(d / "a2.gold.json", GOLD_B)
    (d / "a2.txt").write_text(TEXT_B, encoding="utf-8")
    _write(d / "a2.json", {"id": "a2", "publication_date": "2024-03-05T08:00:00"})
    _write(d / "a3.gold.json", GOLD_C)  # no text: a failed article
    return d


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    pipe = FakePipeline()
    monkeypatch.setattr(cli_eval, "load_pipeline", lambda: pipe)
    return pipe


def _app() -> typer.Typer:
    app = typer.Typer()
    cli_eval.register(app)
    return app


def _run(*args: str) -> Any:
    return CliRunner().invoke(_app(), list(args))


def test_cli_eval_prints_table_and_report(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.json"
    result = _run("eval", str(gold_dir), "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "3 article(s), 1 failed: a3" in result.stdout
    assert "failed: a3: no article text found" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    f = data["fields"]
    assert (f["counts"]["tp"], f["counts"]["predicted"], f["counts"]["gold"]) == (1, 2, 2)
    assert f["counts"]["f1"] == 0.5
    assert (f["counts_who"]["tp"], f["counts_who"]["predicted"], f["counts_who"]["gold"]) == (0, 2, 2)
    assert (f["acled_types"]["tp"], f["acled_types"]["predicted"], f["acled_types"]["gold"]) == (1, 1, 3)
    assert (f["events"]["tp"], f["events"]["predicted"], f["events"]["gold"]) == (1, 1, 3)
    assert (f["places"]["tp"], f["places"]["gold"]) == (1, 1)
    assert (f["actors"]["tp"], f["actors"]["gold"]) == (1, 1)
    assert data["failed"] == [{"id": "a3", "reason": "no article text found"}]
    assert data["corpus_hash"].startswith("sha256:")
    kinds = {e["kind"]: e["count"] for e in data["top_errors"]}
    assert kinds["counts false_alarm wounded"] == 1
    assert kinds["counts miss killed"] == 1
    assert kinds["acled_types miss Protests"] == 1
    assert kinds["events miss Protests no place"] == 1
    assert len(data["top_errors"]) <= 10


def test_cli_eval_published_from_gold_then_metadata(gold_dir: Path, fake: FakePipeline) -> None:
    assert _run("eval", str(gold_dir)).exit_code == 0
    assert fake.calls == [("a1.txt", "2024-03-02"), ("a2.txt", "2024-03-05")]


def test_cli_eval_texts_dir(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a3.txt").write_text(TEXT_B, encoding="utf-8")
    _write(texts / "a3.json", {"published": "2030-01-01"})  # gold "published" wins
    result = _run("eval", str(gold_dir), "--texts", str(texts))
    assert result.exit_code == 0, result.output
    assert "3 article(s), 0 failed" in result.stdout
    assert ("a3.txt", "2024-03-04") in fake.calls


def test_cli_eval_pipeline_failure_is_an_empty_prediction(gold_dir: Path, fake: FakePipeline,
                                                          tmp_path: Path) -> None:
    (gold_dir / "a1.txt").write_text(TEXT_BROKEN, encoding="utf-8")
    report = tmp_path / "r.json"
    result = _run("eval", str(gold_dir), "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "2 failed: a1, a3" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["failed"][0] == {"id": "a1", "reason": "pipeline failed: RuntimeError: boom"}
    assert data["fields"]["counts"]["predicted"] == 0


def test_cli_eval_errors_lists_misses_and_false_alarms(gold_dir: Path, fake: FakePipeline) -> None:
    result = _run("eval", str(gold_dir), "--errors")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    wounded = [ln for ln in lines if "\tcounts\tfalse_alarm\twounded 3" in ln]
    assert len(wounded) == 1 and wounded[0].startswith("a1\t")
    protest = [ln for ln in lines if ln.startswith("a2\tacled_types\tmiss\tProtests")]
    assert protest and "[تظاهر مئات الطلاب]" in protest[0]  # the words around it
    who = [ln for ln in lines if ln.startswith("a1\tcounts_who\tfalse_alarm\tkilled 5 total")]
    assert who and "[خمسة]" in who[0]


def test_cli_eval_floors_update_then_pass(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    result = _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors")
    assert result.exit_code == 0, result.output
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    assert pinned["floors"]["counts"] == {"f1": 0.5}  # measured 0.5, rounded down to 0.005
    assert pinned["floors"]["counts_who"] == {"f1": 0.0}
    ok = _run("eval", str(gold_dir), "--floors", str(floors))
    assert ok.exit_code == 0, ok.output
    assert "floors hold" in ok.stdout


def test_cli_eval_floors_fail_below_floor(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    assert _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors").exit_code == 0
    data = json.loads(floors.read_text(encoding="utf-8"))
    data["floors"]["counts"]["f1"] = 0.9
    data["floors"]["events"]["f1"] = 0.95
    floors.write_text(json.dumps(data), encoding="utf-8")
    result = _run("eval", str(gold_dir), "--floors", str(floors))
    assert result.exit_code == 1
    bad = [ln for ln in result.stderr.splitlines() if "below its floor" in ln]
    assert len(bad) == 2
    assert any("counts f1 0.500 is below its floor 0.900" in ln for ln in bad)


def test_cli_eval_floors_fail_on_other_corpus(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    assert _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors").exit_code == 0
    (gold_dir / "a2.txt").write_text(TEXT_B + " وانتهت المظاهرة ظهرا.", encoding="utf-8")
    result = _run("eval", str(gold_dir), "--floors", str(floors))
    assert result.exit_code == 1
    assert "pinned to corpus" in result.stderr


def test_cli_eval_floors_only_go_up_unless_lower(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    assert _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors").exit_code == 0
    data = json.loads(floors.read_text(encoding="utf-8"))
    data["floors"]["counts"]["f1"] = 0.9
    data["floors"]["acled_types"]["f1"] = 0.1
    floors.write_text(json.dumps(data), encoding="utf-8")
    kept = _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors")
    assert kept.exit_code == 0, kept.output
    assert "counts f1: kept 0.900" in kept.stdout
    after = json.loads(floors.read_text(encoding="utf-8"))["floors"]
    assert after["counts"]["f1"] == 0.9
    assert after["acled_types"]["f1"] == 0.5  # raised to the measured 0.5
    lowered = _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors", "--lower", "--margin", "0.013")
    assert lowered.exit_code == 0, lowered.output
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"]["counts"]["f1"] == 0.485  # 0.487 rounded down


def test_cli_eval_floors_file_lacking_a_field_is_an_error(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    assert _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors").exit_code == 0
    data = json.loads(floors.read_text(encoding="utf-8"))
    del data["floors"]["places"]
    floors.write_text(json.dumps(data), encoding="utf-8")
    result = _run("eval", str(gold_dir), "--floors", str(floors))
    assert result.exit_code == 2
    assert "no f1 floor for places" in result.stderr and "floors.json" in result.stderr
    for broken in ({"floors": data["floors"]}, {**data, "floor": {}}, {**data, "floors": {**data["floors"], "places": {}}}):
        floors.write_text(json.dumps(broken), encoding="utf-8")
        assert _run("eval", str(gold_dir), "--floors", str(floors)).exit_code == 2, broken
    # --update-floors completes an incomplete file
    floors.write_text(json.dumps(data), encoding="utf-8")
    assert _run("eval", str(gold_dir), "--floors", str(floors), "--update-floors").exit_code == 0
    assert _run("eval", str(gold_dir), "--floors", str(floors)).exit_code == 0


def test_cli_eval_usage_errors(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    assert _run("eval", str(tmp_path / "nowhere")).exit_code == 2
    assert _run("eval", str(gold_dir), "--lower").exit_code == 2
    assert _run("eval", str(gold_dir), "--floors", str(tmp_path / "none.json")).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _run("eval", str(empty)).exit_code == 2
    (gold_dir / "a4.gold.json").write_text("{not json", encoding="utf-8")
    broken = _run("eval", str(gold_dir))
    assert broken.exit_code == 2
    assert "a4.gold.json" in broken.stderr


def test_cli_eval_corpus_hash_ignores_other_files(gold_dir: Path, fake: FakePipeline, tmp_path: Path) -> None:
    r1, r2 = tmp_path / "r1.json", tmp_path / "r2.json"
    assert _run("eval", str(gold_dir), "--report", str(r1)).exit_code == 0
    (gold_dir / "README.md").write_text("notes", encoding="utf-8")
    _write(gold_dir / "a4.gold.json", GOLD_D)
    (gold_dir / "a4.txt").write_text(TEXT_B, encoding="utf-8")
    assert _run("eval", str(gold_dir), "--report", str(r2)).exit_code == 0
    h1 = json.loads(r1.read_text(encoding="utf-8"))["corpus_hash"]
    h2 = json.loads(r2.read_text(encoding="utf-8"))["corpus_hash"]
    assert h1 != h2  # a new article changes the corpus ...
    (gold_dir / "a4.gold.json").unlink()
    (gold_dir / "a4.txt").unlink()
    r3 = tmp_path / "r3.json"
    assert _run("eval", str(gold_dir), "--report", str(r3)).exit_code == 0
    assert json.loads(r3.read_text(encoding="utf-8"))["corpus_hash"] == h1  # ... a README does not


def test_cli_eval_error_kinds() -> None:
    assert cli_eval.error_kind(Mismatch("x", "counts", "miss", "killed 457", "")) == "counts miss killed"
    assert cli_eval.error_kind(Mismatch("x", "counts_who", "false_alarm", "killed 62 civilians", "")) == \
        "counts_who false_alarm killed/civilians"
    assert cli_eval.error_kind(Mismatch("x", "events", "miss", "Battles @ Tripoli", "")) == \
        "events miss Battles with place"
    assert cli_eval.error_kind(Mismatch("x", "places", "miss", "Tripoli / طرابلس", "")) == "places miss"


def test_cli_eval_runs_real_pipeline(gold_dir: Path, pipeline: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_eval, "load_pipeline", lambda: pipeline)
    result = _run("eval", str(gold_dir))
    assert result.exit_code == 0, result.output
    assert "3 article(s), 1 failed: a3" in result.stdout
