"""`rasd ingest` / `export` / `serve`: user errors give one line on stderr and never a traceback; exports are atomic."""

from __future__ import annotations

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
    _one_line_error(res, needle)
    assert res.exit_code == 2


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
