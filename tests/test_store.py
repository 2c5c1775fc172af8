"""Store tests: each runs on SQLite and, when RASD_TEST_PG_URL names a PostgreSQL server, on PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from sqlalchemy import func, select
from store_fixtures import (
    MISRATA,
    TEXT_A,
    TEXT_B,
    EventSpec,
    build_record,
    count,
    doc_id,
    sample_records,
    synthetic_record,
)

from rasd.records import Count
from rasd.store import EventFilter, Store, TollFilter, incident_fatalities
from rasd.store import tolls as store_tolls
from rasd.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).with_name("store_fixtures.py")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture
def loaded(store: Store) -> Store:
    for rec in sample_records():
        assert store.ingest(rec).status == "ingested"
    return store


def test_store_schema_is_versioned(store_url: str) -> None:
    s = Store.open(store_url)
    assert s.schema_version() == SCHEMA_VERSION
    s.close()
    s = Store.open(store_url)  # reopening applies nothing twice
    with s.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(s.t.migrations)).scalar_one()
    assert n == SCHEMA_VERSION
    s.close()


def test_store_schema_4_migrates_a_version_3_store(store_url: str) -> None:
    """A store made before campaigns: its toll rows gain an outlet source key; new tolls land in campaigns."""
    from sqlalchemy import delete, text

    records = sample_records()
    s = Store.open(store_url)
    s.ingest(records[0])
    with s.writer.begin() as conn:  # back to version 3: no campaigns table, no source columns
        conn.execute(delete(s.t.migrations).where(s.t.migrations.c.version >= 4))
        conn.execute(text("DROP TABLE campaigns"))
        for col in ("source_key", "source_label", "source_label_ar", "belligerent"):
            conn.execute(text(f"ALTER TABLE tolls DROP COLUMN {col}"))
    s.close()
    s = Store.open(store_url)
    assert s.schema_version() == SCHEMA_VERSION >= 4
    old = s.tolls()
    assert old and all(x["source_key"].startswith("outlet:") for x in old)
    for rec in records[1:]:
        s.ingest(rec)
    assert s.campaigns() and all(x["source_key"] for x in s.tolls())
    s.close()


def test_store_schema_5_migrates_a_version_4_store(store_url: str) -> None:
    """A store made before the bounded merge look-up: its events gain their span class, the index is built,
    and a later report still joins the happening stored before the migration."""
    from sqlalchemy import delete, text

    records = sample_records()
    s = Store.open(store_url)
    s.ingest(records[0])  # the Misrata shelling (one day, asserted)
    s.ingest(records[4])  # a planned meeting (never merges) and a clash
    with s.writer.begin() as conn:  # back to version 4: no merge_span column, the old match index
        conn.execute(delete(s.t.migrations).where(s.t.migrations.c.version >= 5))
        conn.execute(text("DROP INDEX ix_events_merge"))
        conn.execute(text("ALTER TABLE events DROP COLUMN merge_span"))
        conn.execute(text("CREATE INDEX ix_events_match ON events (plover, location_id, date_start)"))
    s.close()
    s = Store.open(store_url)
    assert s.schema_version() == SCHEMA_VERSION >= 5
    with s.engine.connect() as conn:
        spans = dict(conn.execute(select(s.t.events.c.plover, s.t.events.c.merge_span)).all())
        index_names = set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'" if conn.dialect.name == "sqlite"
            else "SELECT indexname FROM pg_indexes WHERE tablename = 'events'").scalars())
    assert spans == {"ASSAULT": 0, "CONSULT": None}
    assert "ix_events_merge" in index_names and "ix_events_match" not in index_names
    assert s.ingest(records[1]).merged == 1  # the second outlet's report of the shelling
    s.close()


def test_store_document_roundtrip_keeps_text_and_spans(loaded: Store) -> None:
    doc = loaded.get_document(doc_id(TEXT_A))
    assert doc is not None
    assert doc["text"] == TEXT_A
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    ev = doc["events"][0]
    for s in ev["evidence"]:
        assert "مصراتة" in doc["text"][s["start"]:s["end"]]
    for c in ev["counts"]:
        assert doc["text"][c["start"]:c["end"]] == c["text"]
    assert ev["id"] == f"{doc_id(TEXT_A)}/e1"
    assert loaded.get_document("sha256:nothing") is None


def test_store_ingest_is_idempotent(loaded: Store) -> None:
    before = loaded.stats()
    for rec in sample_records():
        assert loaded.ingest(rec).status == "duplicate"
    after = loaded.stats()
    assert (after["documents"], after["events_stored"]) == (before["documents"], before["events_stored"]) == (5, 6)


def test_store_merges_one_happening_from_several_documents(loaded: Store) -> None:
    page = loaded.query_events(EventFilter(place="ly-misrata"))
    assert page["total"] == 1
    ev = page["items"][0]
    assert ev["n_sources"] == 3
    assert {s["source"] for s in ev["sources"]} == {"wire-a/misrata-1", "paper-b/2021/03/03", "site-c/reprint"}
    # conflicting figures (12 vs 10) are both kept; the merged fatalities are ACLED's conservative one
    assert sorted(s["fatalities"] for s in ev["sources"]) == [10, 12, 12]
    assert ev["fatalities"] == 10
    detail = loaded.get_event(ev["id"])
    assert detail is not None
    killed = {(r["source"], c["value"]) for r in detail["reports"] for c in r["counts"]
              if c["kind"] == "killed" and c["who"] == "total" and c["scope"] == "incident"}
    assert killed == {("wire-a/misrata-1", 12), ("paper-b/2021/03/03", 10), ("site-c/reprint", 12)}
    # every document's own event is still there
    assert loaded.count_events(EventFilter(merged=False, place="ly-misrata")) == 3


def test_store_does_not_merge_different_happenings(loaded: Store) -> None:
    assert loaded.count_events() == 4
    assert loaded.count_events(EventFilter(place="ly-benghazi")) == 1
    assert loaded.count_events(EventFilter(modality="planned")) == 1


def test_store_links_reprints(loaded: Store) -> None:
    reprint = next(r for r in sample_records() if r.document.source == "site-c/reprint")
    doc = loaded.get_document(reprint.document.id)
    assert doc is not None and doc["reprint_of"] == doc_id(TEXT_A)
    original = loaded.get_document(doc_id(TEXT_A))
    assert original is not None and [r["source"] for r in original["reprints"]] == ["site-c/reprint"]
    assert loaded.get_document(doc_id(TEXT_B))["reprint_of"] is None  # type: ignore[index]


def test_store_cumulative_tolls_are_a_series_never_added(loaded: Store) -> None:
    series = loaded.tolls(TollFilter(kind="killed"))
    assert len(series) == 1
    s = series[0]
    assert [p["value"] for p in s["points"]] == [230, 241]
    assert [p["date"] for p in s["points"]] == ["2021-03-02", "2021-03-03"]
    assert s["points"][1]["delta"] == 11
    assert s["latest"]["value"] == 241 and s["latest"]["source"] == "paper-b/2021/03/03"
    assert {p["source_attribution"] for p in s["points"]} == {"وزارة الصحة"}
    stats = loaded.stats()
    assert [c["value"] for c in stats["campaign_tolls"]] == [241]  # the latest of one campaign: not 230 + 241
    assert stats["fatalities"] == 10  # incident figures only, conservative across sources


def test_store_toll_delta_only_between_dated_points(loaded: Store) -> None:
    """An undated report's running toll has no place in the curve's order: no rise is told from or to it."""
    text = "وقالت وزارة الصحة إن عدد القتلى منذ بدء الهجوم بلغ 300 قتيل."
    undated = build_record(text, "paper-d/undated", None, [EventSpec(
        evidence="عدد القتلى منذ بدء الهجوم بلغ 300 قتيل", plover="ASSAULT",
        acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"), location=MISRATA,
        counts=[count(text, "300 قتيل", "killed", 300, scope="cumulative", attribution="وزارة الصحة")])],
        country="LY")
    assert loaded.ingest(undated).status == "ingested"
    (s,) = loaded.tolls(TollFilter(kind="killed"))
    assert [(p["date"], p["value"], p["delta"]) for p in s["points"]] == [
        (None, 300, None), ("2021-03-02", 230, None), ("2021-03-03", 241, 11)]
    assert s["latest"]["value"] == 241  # the latest dated point, not the largest figure


def test_store_filters_and_pagination(loaded: Store) -> None:
    assert loaded.count_events(EventFilter(country="tn")) == 1
    assert loaded.count_events(EventFilter(country="LY")) == 3
    assert loaded.count_events(EventFilter(actor="gna")) == 2
    assert loaded.count_events(EventFilter(actor="Libyan National Army")) == 2
    assert loaded.count_events(EventFilter(actor="الجيش الوطني الليبي")) == 2
    assert loaded.count_events(EventFilter(place="Sfax")) == 1
    assert loaded.count_events(EventFilter(place="صفاقس")) == 1
    assert loaded.count_events(EventFilter(acled_type="Battles")) == 1
    assert loaded.count_events(EventFilter(acled_type="Peaceful protest")) == 1
    assert loaded.count_events(EventFilter(acled_type="none")) == 1
    assert loaded.count_events(EventFilter(plover="consult")) == 1
    assert loaded.count_events(EventFilter(modality="asserted,planned")) == 4
    assert loaded.count_events(EventFilter(min_confidence=0.8)) == 2
    assert loaded.count_events(EventFilter(date_from="2021-03-05", date_to="2021-03-07")) == 2
    assert loaded.count_events(EventFilter(q="اشتباكات عنيفة")) == 1
    assert loaded.count_events(EventFilter(q="مصراته")) == 1  # normalized: ة/ه
    assert loaded.count_events(EventFilter(q="100%_")) == 0
    page1 = loaded.query_events(limit=3, offset=0, sort="date")
    page2 = loaded.query_events(limit=3, offset=3, sort="date")
    dates = [e["date"]["start"] for e in page1["items"] + page2["items"]]
    assert page1["total"] == 4 and len(page1["items"]) == 3 and len(page2["items"]) == 1
    assert dates == sorted(dates)
    top = loaded.query_events(sort="-fatalities", limit=1)["items"][0]
    assert top["location"]["id"] == "ly-misrata"
    with pytest.raises(ValueError):
        loaded.query_events(sort="date; DROP TABLE events")


def test_store_filter_values_are_parameters(loaded: Store) -> None:
    hostile = "x' OR '1'='1'; DROP TABLE events; --"
    f = EventFilter(country=hostile, actor=hostile, place=hostile, q=hostile, plover=hostile, modality=hostile)
    assert loaded.count_events(f) == 0
    assert loaded.count_events() == 4


def test_store_failed_ingest_leaves_no_half_document(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    rec = sample_records()[0]

    def boom(*_args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_tolls, "append_tolls", boom)  # the last write of an ingest
    with pytest.raises(RuntimeError):
        store.ingest(rec)
    monkeypatch.undo()
    assert store.stats()["documents"] == 0
    with store.engine.connect() as conn:
        for table in (store.t.mentions, store.t.events, store.t.counts, store.t.event_sources):
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == 0
    assert store.ingest(rec).status == "ingested"
    assert store.check_integrity() == []


def test_store_ingest_many_commits_whole_documents_only(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Several documents in one write transaction: one that fails midway is rolled back alone (its savepoint), a
    repeat within the batch is a duplicate, the others are stored whole, and the generation moves once."""
    from store_fixtures import fail_after_writing

    records = sample_records()[:3]
    bad = records[1].document.id
    fail_after_writing(bad, monkeypatch)
    before = store.generation()
    out = store.ingest_many([(records[0], None), (records[1], None), (records[2], "x-2"), (records[0], None)])
    assert [o.status if not isinstance(o, Exception) else "failed" for o in out] == [
        "ingested", "failed", "ingested", "duplicate"]
    assert store.generation() == before + 1
    monkeypatch.undo()
    assert not store.has_document(bad) and store.stats()["documents"] == 2
    with store.engine.connect() as conn:
        n_events = conn.execute(select(func.count()).select_from(store.t.events)).scalar_one()
    assert n_events == len(records[0].events) + len(records[2].events)
    assert store.check_integrity() == []
    assert store.ingest(records[1]).status == "ingested"
    assert store.check_integrity() == []


def test_store_database_error_mid_document_fails_it_alone(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document whose rows the database refuses midway (two events with one uid: a primary-key violation after
    its document, sketch and mentions were sent — on PostgreSQL inside the pipeline of its rows, raised at its end)
    fails alone with SQLAlchemy's IntegrityError, in a batch and alone; no half document is left."""
    from sqlalchemy.exc import IntegrityError

    from rasd.store import writes

    records = [synthetic_record(i, events=2, seed=9) for i in range(3)]
    bad = records[1].document.id
    real = writes.event_row

    def same_uid(rec: object, ev: object, uid: str, merged_id: str) -> dict[str, object]:
        row = real(rec, ev, uid, merged_id)  # type: ignore[arg-type]
        if rec.document.id == bad:  # type: ignore[attr-defined]
            row.update(uid=f"{bad}/twice", merged_id=f"{bad}/twice")
        return row

    monkeypatch.setattr(writes, "event_row", same_uid)
    out = store.ingest_many([(rec, None) for rec in records])
    assert isinstance(out[1], IntegrityError), out[1]
    assert [getattr(o, "status", None) for o in (out[0], out[2])] == ["ingested", "ingested"]
    with pytest.raises(IntegrityError):
        store.ingest(records[1])
    monkeypatch.undo()
    assert not store.has_document(bad) and store.stats()["documents"] == 2
    assert store.check_integrity() == []
    assert store.ingest(records[1]).status == "ingested"
    assert store.check_integrity() == []


def test_store_delete_document_repoints_merged_events(loaded: Store) -> None:
    assert loaded.delete_document(doc_id(TEXT_A))
    page = loaded.query_events(EventFilter(place="ly-misrata"))
    assert page["total"] == 1 and page["items"][0]["n_sources"] == 2
    assert loaded.check_integrity() == []


def test_store_incident_fatalities_follow_acled_rules() -> None:
    def c(value: int, who: str = "total", scope: str = "incident", parent: int | None = None,
          kind: str = "killed") -> Count:
        return Count(kind, value, "exact", who, scope, 0, 1, "x", parent)

    assert incident_fatalities([]) is None
    assert incident_fatalities([c(5, kind="wounded")]) is None
    assert incident_fatalities([c(12), c(3, "children", parent=0)]) == 12
    assert incident_fatalities([c(2, "fighters"), c(3, "civilians"), c(1, "children", parent=1)]) == 5
    assert incident_fatalities([c(400, scope="cumulative")]) is None
    assert incident_fatalities([c(7), c(9)]) == 9


def _wait_for_documents(url: str, at_least: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> int:
    s = Store.open(url)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            n = s.stats()["documents"]
            if n >= at_least or proc.poll() is not None:
                return int(n)
            time.sleep(0.05)
        return int(s.stats()["documents"])
    finally:
        s.close()


def _spawn(url: str, start: int, end: int, events: int = 3) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(FIXTURES.parent), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, str(FIXTURES), url, str(start), str(end), str(events)], env=env,
                            stderr=subprocess.PIPE)


def test_store_two_concurrent_ingests_lose_nothing(store_url: str) -> None:
    Store.open(store_url).close()
    # overlapping ranges: 0..79 and 40..119; both write at once, the shared 40 documents are stored once
    procs = [_spawn(store_url, 0, 80), _spawn(store_url, 40, 120)]
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()
    s = Store.open(store_url)
    try:
        assert s.stats()["documents"] == 120
        assert s.count_events(EventFilter(merged=False)) == 360
        for i in (0, 57, 119):
            assert s.has_document(synthetic_record(i, events=3).document.id)
        assert s.check_integrity() == []
    finally:
        s.close()


def test_store_killed_ingest_restarts_without_half_documents(store_url: str) -> None:
    Store.open(store_url).close()
    proc = _spawn(store_url, 0, 3000, events=12)
    seen = _wait_for_documents(store_url, 15, proc)
    proc.kill()
    proc.wait(timeout=30)
    assert seen >= 15
    s = Store.open(store_url)
    try:
        stored = s.stats()["documents"]
        assert 0 < stored < 3000
        assert s.check_integrity() == []
        # restart: the stored ones are duplicates, the rest are ingested
        statuses = [s.ingest(synthetic_record(i, events=12)).status for i in range(stored + 5)]
        assert statuses.count("duplicate") == stored
        assert s.stats()["documents"] == stored + 5
        assert s.check_integrity() == []
    finally:
        s.close()


# ------------------------------------------------------------------------------------------- ingest inputs

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title>
<item><title>قصف على مصراتة</title><link>https://example.org/a</link>
<pubDate>Tue, 02 Mar 2021 08:00:00 GMT</pubDate>
<description>&lt;p&gt;سقطت قذائف على حي سكني في مصراتة. وأصيب عدد من السكان.&lt;/p&gt;</description></item>
<item><title>اشتباكات في بنغازي</title><link>https://example.org/b</link>
<pubDate>Wed, 03 Mar 2021 09:00:00 GMT</pubDate>
<description>اندلعت اشتباكات قرب الميناء في بنغازي. ولم ترد أنباء عن ضحايا.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>وكالة</title>
<entry><title>نزوح عائلات</title><id>urn:x:1</id><link href="https://example.org/c"/>
<updated>2021-03-04T10:00:00Z</updated>
<content type="html">&lt;p&gt;نزحت عشرات العائلات من أطراف المدينة. وتوجهت إلى المدارس.&lt;/p&gt;</content></entry>
</feed>
"""

HTML = """<!doctype html><html><head><title>تقرير</title></head><body><article>
<p>قالت مصادر محلية إن طائرة مسيرة استهدفت مخزنا للذخيرة جنوب المدينة. ولم تعرف الخسائر بعد.</p>
</article></body></html>"""


def _inputs(tmp: Path) -> Path:
    d = tmp / "in"
    (d / "feeds").mkdir(parents=True)
    (d / "a.txt").write_text("أفادت مصادر بأن اشتباكات اندلعت قرب الطريق الساحلي. وتواصلت حتى المساء.", "utf-8")
    (d / "page.html").write_text(HTML, "utf-8")
    (d / "feeds" / "news.rss").write_text(RSS, "utf-8")
    (d / "feeds" / "agency.xml").write_text(ATOM, "utf-8")
    lines = [
        json.dumps({"text": "خرج محتجون في ساحة الشهداء. ورفعوا لافتات.", "source": "jl-1", "published": "2021-03-05",
                    "id": "x1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": "خرج محتجون في ساحة الشهداء. ورفعوا لافتات.", "source": "jl-dup"}, ensure_ascii=False),
        json.dumps({"source": "no text"}),
        json.dumps({"text": "سقطت قذيفة على سوق شعبي. وتضررت محال.", "published": "yesterday"}, ensure_ascii=False),
        "",
    ]
    (d / "batch.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (d / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (d / ".hidden.txt").write_text("مخفي. لا يقرأ.", "utf-8")
    (d / "image.png").write_bytes(b"\x89PNG....")
    return d


def test_store_ingest_reads_files_dirs_jsonl_feeds_and_html(store: Store, tmp_path: Path) -> None:
    from store_fixtures import FakeExtractor

    from rasd.store.ingest import ingest_paths

    d = _inputs(tmp_path)
    fake = FakeExtractor()
    summary = ingest_paths(store, fake, [d, tmp_path / "missing.txt"], progress=False)
    # a.txt, page.html, 2 RSS entries, 1 Atom entry, 1 JSONL line
    assert summary.ingested == 6
    assert summary.duplicates == 1  # the JSONL line repeating a text: skipped before extraction
    assert fake.calls == 6
    reasons = {f.where.split("/")[-1]: f.reason for f in summary.failed}
    assert set(reasons) == {"batch.jsonl:2", "batch.jsonl:4", "batch.jsonl:5", "broken.txt", "missing.txt"}
    assert "invalid JSON" in reasons["batch.jsonl:2"]
    assert "published" in reasons["batch.jsonl:5"]
    assert "binary" in reasons["broken.txt"]
    assert not summary.ok
    docs = store.list_documents(limit=100)["items"]
    by_source = {x["source"]: x for x in docs}
    assert by_source["https://example.org/a"]["published"] == "2021-03-02"
    assert by_source["https://example.org/c"]["published"] == "2021-03-04"
    assert by_source["jl-1"]["published"] == "2021-03-05"
    jl = store.get_document(by_source["jl-1"]["id"])
    assert jl is not None and jl["external_id"] == "x1"
    page = next(x for x in docs if x["source"].endswith("page.html"))
    assert "طائرة مسيرة" in store.get_document(page["id"])["text"]  # type: ignore[index]
    again = ingest_paths(store, fake, [d], progress=False)
    assert again.ingested == 0 and again.duplicates == 7 and fake.calls == 6


def test_store_ingest_cli_nice_lowers_the_priority_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer
    from store_fixtures import FakeExtractor
    from typer.testing import CliRunner

    from rasd.cli import store as cli_store

    niced: list[int] = []
    monkeypatch.setattr(cli_store, "load_extractor", FakeExtractor)
    monkeypatch.setattr(cli_store.os, "nice", niced.append)  # the test process keeps its priority
    app = typer.Typer()
    cli_store.register(app)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    d = _inputs(tmp_path)
    res = CliRunner().invoke(app, ["ingest", str(d / "a.txt"), "--db", db, "--nice", "10", "--json"])
    assert res.exit_code == 0, res.output
    assert niced == [10] and '"ingested": 1' in res.output
    assert CliRunner().invoke(app, ["ingest", str(d / "a.txt"), "--db", db, "--nice", "-1"]).exit_code == 2
    assert niced == [10]


def test_store_ingest_cli_summary_and_exit_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer
    from store_fixtures import FakeExtractor
    from typer.testing import CliRunner

    from rasd.cli import store as cli_store

    monkeypatch.setattr(cli_store, "load_extractor", FakeExtractor)
    app = typer.Typer()
    cli_store.register(app)
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    d = _inputs(tmp_path)
    res = CliRunner().invoke(app, ["ingest", str(d / "a.txt"), str(d / "feeds"), "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    assert '"ingested": 4' in res.output
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", db])
    assert res.exit_code == 1
    assert "duplicates skipped" in res.output and "broken.txt" in res.output
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", db, "--quiet"])  # the failures, not the summary
    assert res.exit_code == 1
    assert "duplicates skipped" not in res.output and "broken.txt" in res.output
