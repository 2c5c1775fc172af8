"""`rasd ingest` / `export` / `serve`: user errors give one line on stderr and never a traceback; exports are atomic."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [store] extra: python -m pip install -e '.[store]'")
import typer
from store_fixtures import sample_records
from typer.testing import CliRunner

from rasd.cli.store import register
from rasd.store import Store

runner = CliRunner()
app = typer.Typer()
register(app)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _one_line_error(res: Any, *needles: str) -> None:
    err = res.stderr.strip()
    assert res.exit_code != 0
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert len(err.splitlines()) == 1, err
    for needle in needles:
        assert needle in err, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'rasd.db'}"
    with Store.open(url) as store:
        for rec in sample_records():
            store.ingest(rec)
    return url


@pytest.mark.parametrize(("url", "needle"), [
    ("nonsense-url", "cannot open the store"),
    ("mysql+nodriver://u@127.0.0.1/x", "nodriver"),
    ("sqlite:////no/such/directory/rasd.db", "unable to open database file"),
])
@pytest.mark.parametrize("command", ["export", "ingest"])
def test_cli_store_bad_db_url_is_one_line(url: str, needle: str, command: str, tmp_path: Path) -> None:
    args = ["export", "-f", "jsonl"] if command == "export" else ["ingest", "-q", str(tmp_path)]
    res = runner.invoke(app, [*args, "--db", url])
    missing = command == "export" and url.startswith("sqlite")  # a read-only command: no such store, exit 1
    _one_line_error(res, "no store at" if missing else needle)
    assert res.exit_code == (1 if missing else 2)


def test_cli_store_unreachable_server_is_one_line() -> None:
    url = f"postgresql://rasd:secret-pw@127.0.0.1:{_closed_port()}/rasd"
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", url])
    _one_line_error(res, "cannot open the store", "127.0.0.1")
    assert "secret-pw" not in res.stderr


def test_cli_store_missing_driver_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_psycopg(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "psycopg" or name.startswith("psycopg."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", "postgresql://u@127.0.0.1:1/x"])
    _one_line_error(res, "missing database driver")


def test_cli_store_unwritable_export_path_is_one_line(db: str, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "-o", str(tmp_path / "no" / "such" / "x.jsonl")])
    _one_line_error(res, "cannot write", "x.jsonl")
    assert res.exit_code == 1


@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "acled-csv", "parquet"])
def test_cli_store_failed_export_leaves_the_old_file(fmt: str, db: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "events.out"
    assert runner.invoke(app, ["export", "-f", fmt, "--db", db, "-o", str(out)]).exit_code == 0
    before = out.read_bytes()

    def half_then_disk_full(self: Store, *_a: Any, **_k: Any) -> Iterator[dict[str, Any]]:
        yield from self.query_events(limit=1)["items"]  # part of the file is written, then the disk fills
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "iter_events", half_then_disk_full)
    res = runner.invoke(app, ["export", "-f", fmt, "--db", db, "-o", str(out)])
    _one_line_error(res, "No space left on device")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.out", "rasd.db", "rasd.db-shm", "rasd.db-wal"] \
        or sorted(p.name for p in tmp_path.iterdir()) == ["events.out", "rasd.db"]


def test_cli_store_export_replaces_the_file_when_complete(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("قديم\n", encoding="utf-8")
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("bad", ["notadate", "09/05/2019", "2019-5-9", "20190509", "2019-02-30"])
@pytest.mark.parametrize("option", ["--from", "--to"])
def test_cli_store_export_date_not_iso_is_one_line_exit_2(db: str, bad: str, option: str) -> None:
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, option, bad])
    _one_line_error(res, f"{option} {bad!r}: not a date in YYYY-MM-DD form")
    assert res.exit_code == 2 and res.stdout == ""


def test_cli_store_export_dates_filter_as_dates(db: str) -> None:
    every = runner.invoke(app, ["export", "-f", "jsonl", "--db", db])
    dates = sorted(json.loads(ln)["date"]["start"] for ln in every.stdout.splitlines())
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "--from", dates[-1], "--to", dates[-1]])
    assert res.exit_code == 0, res.output
    assert [json.loads(ln)["date"]["start"] for ln in res.stdout.splitlines()] == [d for d in dates if d == dates[-1]]
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "--from", "2030-01-02", "--to", "2030-01-01"])
    _one_line_error(res, "--from 2030-01-02 is after --to 2030-01-01")


@pytest.mark.parametrize("command", [["export", "-f", "jsonl"], ["serve", "--port", "1"]])
def test_cli_store_read_only_commands_refuse_a_missing_store(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    res = runner.invoke(app, [*command, "--db", f"sqlite:///{missing}"])
    _one_line_error(res, f"no store at {missing}")
    assert res.exit_code == 1
    assert list(tmp_path.iterdir()) == []  # nothing created


def test_cli_store_export_excel_begins_with_a_bom(db: str, tmp_path: Path) -> None:
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert runner.invoke(app, ["export", "-f", "acled-csv", "--db", db, "-o", str(plain)]).exit_code == 0
    assert runner.invoke(app, ["export", "-f", "acled-csv", "--excel", "--db", db, "-o", str(excel)]).exit_code == 0
    assert excel.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    res = runner.invoke(app, ["export", "-f", "acled-csv", "--excel", "--db", db])  # stdout too
    assert res.stdout.startswith("\ufeff")
    res = runner.invoke(app, ["export", "-f", "jsonl", "--excel", "--db", db])
    _one_line_error(res, "--excel is for --format acled-csv only")


def test_cli_store_export_quiet_and_verbose(db: str) -> None:
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "--quiet"])
    assert res.exit_code == 0 and res.stderr == "" and res.stdout
    res = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "--verbose"])
    assert "export filter" in res.stderr and "exported 4 events" in res.stderr
def test_cli_store_ingest_dates_plain_text_and_html(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rasd.db'}"
    plain = tmp_path / "a.txt"
    plain.write_text("قتل أربعة مسلحين في هجوم على نقطة تفتيش قرب مدينة الزاوية.\n", encoding="utf-8")
    page = tmp_path / "b.html"
    page.write_text('<html><head><meta property="article:published_time" content="2019-05-03T10:00:00Z"></head>'
                    "<body><article><p>أصيب ثلاثة أشخاص في قصف استهدف حيا سكنيا في مدينة مصراتة مساء الأحد، "
                    "وفق ما أفاد مسعفون في المدينة.</p><p>ولم تعلن أي جهة مسؤوليتها عن القصف حتى الآن.</p>"
                    "</article></body></html>", encoding="utf-8")
    bare = tmp_path / "c.txt"
    bare.write_text("قتل جندي في انفجار عبوة ناسفة على طريق سرت.\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(plain), "--published", "2019-05-02", "--db", url, "-q"]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(page), str(bare), "--db", url, "-q"]).exit_code == 0
    with Store.open(url) as store:
        dates = {d["source"]: d["published"] for d in store.list_documents()["items"]}
        assert store.stats()["documents_undated"] == 1
    assert dates == {str(plain): "2019-05-02", str(page): "2019-05-03", str(bare): None}
    res = runner.invoke(app, ["ingest", str(plain), "--published", "2019-13-40", "--db", url, "-q"])
    assert res.exit_code != 0 and "--published" in res.output


def test_cli_store_acled_export_says_what_it_left_out(db: str, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "-f", "acled-csv", "--db", db, "-o", str(tmp_path / "a.csv")])
    assert res.exit_code == 0
    assert "left out 1 stored events: outside ACLED 1" in res.stderr  # the planned visit has no ACLED type
