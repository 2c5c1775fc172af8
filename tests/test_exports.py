"""Export tests: ACLED-style CSV columns and rules, GeoJSON, JSON Lines, Parquet, and the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from store_fixtures import sample_records

from rasd.exports import ACLED_COLUMNS, FORMATS, acled_interaction, export_bytes, export_events
from rasd.store import EventFilter, Store

ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
                "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
                "notes,fatalities,tags,timestamp")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'x.db'}")
    for rec in sample_records():
        s.ingest(rec)
    yield s
    s.close()


def _csv_rows(store: Store, f: EventFilter | None = None) -> tuple[str, list[dict[str, str]]]:
    buf = io.StringIO()
    export_events(store, "acled-csv", buf, f)
    text = buf.getvalue()
    return text, list(csv.DictReader(io.StringIO(text)))


def test_exports_acled_csv_has_exactly_acleds_columns(store: Store) -> None:
    text, _rows = _csv_rows(store)
    assert text.splitlines()[0] == ACLED_HEADER
    assert ",".join(ACLED_COLUMNS) == ACLED_HEADER


def test_exports_acled_csv_rows_follow_acled_rules(store: Store) -> None:
    _text, rows = _csv_rows(store)
    # the planned meeting (no ACLED type, modality planned) is outside ACLED's scope
    assert len(rows) == 3
    shelling = next(r for r in rows if r["location"] == "Misrata")
    assert shelling["event_type"] == "Explosions/Remote violence"
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shelling["disorder_type"] == "Political violence"
    assert shelling["event_date"] == "2021-03-02" and shelling["year"] == "2021"
    assert shelling["time_precision"] == "1"
    assert shelling["country"] == "Libya" and shelling["iso"] == "434" and shelling["region"] == "Northern Africa"
    assert shelling["event_id_cnty"].startswith("LBY")
    assert shelling["actor1"] == "Libyan National Army" and shelling["inter1"] == "1"
    assert shelling["actor2"] == "Government of National Accord" and shelling["interaction"] == "11"
    # three sources reported 12, 12 and 10 killed: the most conservative figure
    assert shelling["fatalities"] == "10"
    # the cumulative toll is never added to fatalities; it is tagged
    assert "cumulative toll: 230 killed" in shelling["tags"]
    assert "fatalities reported 10-12" in shelling["tags"]
    assert set(shelling["source"].split("; ")) == {"wire-a/misrata-1", "site-c/reprint", "paper-b/2021/03/03"}
    assert "مصراتة" in shelling["notes"]
    assert float(shelling["latitude"]) == pytest.approx(32.3754)
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["disorder_type"] == "Demonstrations" and protest["inter1"] == "6" and protest["interaction"] == "60"
    assert protest["country"] == "Tunisia" and protest["fatalities"] == "0"
    assert int(protest["timestamp"]) > 1_600_000_000


def test_exports_acled_interaction_codes() -> None:
    assert acled_interaction(1, 2) == "12"
    assert acled_interaction(7, 1) == "17"
    assert acled_interaction(6, 0) == "60"
    assert acled_interaction(0, 0) == ""


def test_exports_filters_apply(store: Store) -> None:
    _text, rows = _csv_rows(store, EventFilter(country="TN"))
    assert [r["location"] for r in rows] == ["Sfax"]


def test_exports_geojson_features(store: Store) -> None:
    data, media, ext = export_bytes(store, "geojson")
    assert media == "application/geo+json" and ext == "geojson"
    fc = json.loads(data)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 4
    misrata = next(f for f in fc["features"] if f["properties"]["location"] == "Misrata")
    assert misrata["geometry"] == {"type": "Point", "coordinates": [15.0925, 32.3754]}
    props = misrata["properties"]
    assert (props["best"], props["low"], props["high"]) == (10, 10, 12)
    assert props["n_sources"] == 3


def test_exports_jsonl_is_one_event_per_line(store: Store) -> None:
    data, _media, _ext = export_bytes(store, "jsonl")
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == 4
    events = [json.loads(x) for x in lines]
    assert all(e["id"].startswith("sha256:") for e in events)
    assert [e["date"]["start"] for e in events] == sorted(e["date"]["start"] for e in events)


def test_exports_parquet_roundtrip(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    data, _media, ext = export_bytes(store, "parquet")
    assert ext == "parquet"
    path = tmp_path / "e.parquet"
    path.write_bytes(data)
    table = pq.read_table(path)
    assert table.num_rows == 4
    rows = table.to_pylist()
    misrata = next(r for r in rows if r["location_id"] == "ly-misrata")
    assert misrata["fatalities"] == 10 and misrata["high"] == 12
    assert json.loads(misrata["event_json"])["plover"] == "ASSAULT"


def test_exports_cli_writes_each_format(store: Store, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from rasd.cli import store as cli_store

    app = typer.Typer()
    cli_store.register(app)
    db = str(store.engine.url)
    for fmt in FORMATS:
        out = tmp_path / f"out.{fmt}"
        res = CliRunner().invoke(app, ["export", "--format", fmt, "--db", db, "--output", str(out)])
        assert res.exit_code == 0, res.output
        assert out.stat().st_size > 0
    assert out.read_bytes()[:4] == b"PAR1"
    res = CliRunner().invoke(app, ["export", "--format", "acled-csv", "--db", db, "--country", "LY"])
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0] == ACLED_HEADER
    res = CliRunner().invoke(app, ["export", "--format", "xlsx", "--db", db])
    assert res.exit_code != 0
