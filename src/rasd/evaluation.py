"""Scoring document records against gold annotations, exactly as ../shared/eval/FORMAT.md ("Scoring") says.

Every figure is micro-averaged: true positives, predictions and gold items are summed over all articles
before precision, recall and F1 are computed; an article the system failed on counts as an empty prediction.

Fields: counts, counts_who, acled_types, plover_types, places, actors, events (end to end) — FORMAT.md's —
and `dates`, rasd's own extra (the set of ISO day dates of an article's events against the gold events'
non-null "date"s).

Predicted counts are the counts attached to predicted events (gold counts only exist inside events); the
record's top-level "counts" list is not scored.

CI floors: a JSON file {"corpus_hash": "sha256:…", "floors": {"counts": {"f1": 0.41}, …}} pinned to one gold
corpus; `floors_check` lists what is below its floor, `raise_floors` only ever raises floors unless told
to lower them.
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from rasd.datafiles import ResourceError

FIELDS: tuple[str, ...] = ("counts", "counts_who", "acled_types", "plover_types", "places", "actors", "events",
                           "dates")
EXTRA_FIELDS: frozenset[str] = frozenset({"dates"})  # rasd's own, not in FORMAT.md
METRICS: tuple[str, ...] = ("precision", "recall", "f1")
T = TypeVar("T")

GOLD_KINDS: tuple[str, ...] = ("killed", "wounded", "displaced", "missing", "detained", "abducted", "affected")
GOLD_WHO: tuple[str, ...] = ("total", "civilians", "children", "women", "men", "fighters", "medics",
                             "journalists", "migrants", "police", "other")
GOLD_QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "vague")
GOLD_SCOPES: tuple[str, ...] = ("incident", "cumulative")
GOLD_MODALITIES: tuple[str, ...] = ("asserted", "reported", "planned", "called_for", "negated", "denied")


# ---------------------------------------------------------------------------------------------- names

_MAP = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PREFIXES: tuple[str, ...] = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")


def _is_diacritic(ch: str) -> bool:
    cp = ord(ch)
    return (0x064B <= cp <= 0x065F or cp == 0x0670 or 0x0610 <= cp <= 0x061A or 0x06D6 <= cp <= 0x06ED
            or cp == 0x0640)  # harakat, tanwin, shadda, sukun, dagger alef, Quranic marks; tatweel


def _normalize(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not _is_diacritic(ch)).translate(_MAP).lower()
    text = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return " ".join(text.split())


def name_forms(name: str) -> set[str]:
    """The normalized forms a name counts as (FORMAT.md "Name normalization")."""
    base = _normalize(name)
    if not base:
        return set()
    forms = {base}
    if base.startswith("al ") and len(base) > 3:
        forms.add(base[3:])
    for form in list(forms):
        first, _, rest = form.partition(" ")
        for prefix in _PREFIXES:
            stripped = first[len(prefix):]
            if first.startswith(prefix) and sum(ch.isalpha() for ch in stripped) >= 3:
                forms.add(f"{stripped} {rest}".strip())
    return forms


def _forms_of(names: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for n in names:
        out |= name_forms(n)
    return frozenset(out)


# ----------------------------------------------------------------------------------------------- gold

class GoldError(ResourceError):
    """A gold file is missing, not JSON, or not in FORMAT.md's shape; the message names file and field."""


@dataclass(frozen=True, slots=True)
class GoldCount:
    kind: str
    value: int
    who: str
    qualifier: str
    scope: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str
    actors: tuple[tuple[str, ...], ...]
    location: tuple[str, ...] | None
    country: str | None
    date: str | None
    counts: tuple[GoldCount, ...]
    modality: str
    evidence: str | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    published: str | None
    events: tuple[GoldEvent, ...]
    path: str | None = None


def _need(cond: bool, file: str, where: str, problem: str) -> None:
    if not cond:
        raise GoldError(file, f"{where}: {problem}" if where else problem)


def _opt_str(d: Mapping[str, Any], key: str, file: str, where: str) -> str | None:
    v = d.get(key)
    _need(v is None or (isinstance(v, str) and v.strip() != ""), file, f"{where}.{key}",
          f"expected a non-empty string or null, got {v!r}")
    return v


def _iso_date(v: Any, file: str, where: str) -> str | None:
    if v is None:
        return None
    try:
        date.fromisoformat(v)
    except (TypeError, ValueError):
        raise GoldError(file, f"{where}: expected an ISO date (YYYY-MM-DD) or null, got {v!r}") from None
    _need(len(v) == 10, file, where, f"expected an ISO date (YYYY-MM-DD) or null, got {v!r}")
    return str(v)


def _one_of(v: Any, allowed: tuple[str, ...], file: str, where: str) -> str:
    _need(v in allowed, file, where, f"{v!r} is not one of {', '.join(allowed)}")
    return str(v)


def _names(v: Any, file: str, where: str) -> tuple[str, ...]:
    _need(isinstance(v, list) and len(v) > 0, file, where, "expected a non-empty list of names")
    for i, n in enumerate(v):
        _need(isinstance(n, str) and n.strip() != "", file, f"{where}[{i}]", f"expected a name, got {n!r}")
    return tuple(v)


def _gold_count(c: Any, file: str, where: str) -> GoldCount:
    _need(isinstance(c, dict), file, where, "expected an object")
    value = c.get("value")
    _need(isinstance(value, int) and not isinstance(value, bool) and value >= 0, file, f"{where}.value",
          f"expected a non-negative integer, got {value!r}")
    return GoldCount(kind=_one_of(c.get("kind"), GOLD_KINDS, file, f"{where}.kind"), value=value,
                     who=_one_of(c.get("who", "total"), GOLD_WHO, file, f"{where}.who"),
                     qualifier=_one_of(c.get("qualifier", "exact"), GOLD_QUALIFIERS, file, f"{where}.qualifier"),
                     scope=_one_of(c.get("scope", "incident"), GOLD_SCOPES, file, f"{where}.scope"))


def _gold_event(e: Any, file: str, where: str) -> GoldEvent:
    _need(isinstance(e, dict), file, where, "expected an object")
    plover = e.get("plover")
    _need(isinstance(plover, str) and plover.strip() != "", file, f"{where}.plover",
          f"expected a PLOVER type (always set), got {plover!r}")
    acled = _opt_str(e, "acled_event_type", file, where)
    sub = _opt_str(e, "acled_sub_event_type", file, where)
    actors = e.get("actors", [])
    _need(isinstance(actors, list), file, f"{where}.actors", "expected a list of name lists")
    loc = e.get("location")
    counts = e.get("counts", [])
    _need(isinstance(counts, list), file, f"{where}.counts", "expected a list")
    return GoldEvent(
        acled_event_type=acled, acled_sub_event_type=sub, plover=plover,
        actors=tuple(_names(a, file, f"{where}.actors[{i}]") for i, a in enumerate(actors)),
        location=None if loc is None else _names(loc, file, f"{where}.location"),
        country=_opt_str(e, "country", file, where),
        date=_iso_date(e.get("date"), file, f"{where}.date"),
        counts=tuple(_gold_count(c, file, f"{where}.counts[{i}]") for i, c in enumerate(counts)),
        modality=_one_of(e.get("modality", "asserted"), GOLD_MODALITIES, file, f"{where}.modality"),
        evidence=_opt_str(e, "evidence", file, where))


def gold_from_json(data: Any, file: str = "<gold>") -> GoldDocument:
    """Validate a parsed gold file (FORMAT.md) and build its GoldDocument."""
    _need(isinstance(data, dict), file, "", "expected a JSON object")
    gid = data.get("id")
    _need(isinstance(gid, str) and gid.strip() != "", file, "id", f"expected a non-empty string, got {gid!r}")
    events = data.get("events")
    _need(isinstance(events, list), file, "events", "expected a list")
    return GoldDocument(id=gid, published=_iso_date(data.get("published"), file, "published"),
                        events=tuple(_gold_event(e, file, f"events[{i}]") for i, e in enumerate(events)),
                        path=None if file == "<gold>" else file)


def load_gold(path: str | Path) -> GoldDocument:
    """Read and validate one `<article id>.gold.json` file; GoldError names the file and the field.

    Missing optional keys take defaults: count who "total", qualifier "exact", scope "incident"; event
    modality "asserted", actors [], counts [], location/country/date/evidence null. Unknown keys are ignored."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(shown, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise GoldError(shown, f"not UTF-8: {exc.reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(shown, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    return gold_from_json(data, shown)


def article_path(gold_path: str | Path) -> Path | None:
    """The article text next to a gold file: `<id>.gold.json` → `<id>.txt` (or .html), when it exists."""
    p = Path(gold_path)
    stem = p.name[: -len(".gold.json")] if p.name.endswith(".gold.json") else p.stem
    for ext in (".txt", ".html", ".htm"):
        cand = p.with_name(stem + ext)
        if cand.is_file():
            return cand
    return None


# -------------------------------------------------------------------------------------------- reports

@dataclass(frozen=True, slots=True)
class FieldScore:
    field: str
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metric(self, name: str) -> float:
        if name not in METRICS:
            raise ValueError(f"unknown metric {name!r}; expected one of {', '.join(METRICS)}")
        return float(getattr(self, name))


@dataclass(frozen=True, slots=True)
class Mismatch:
    article: str
    field: str
    kind: str  # "miss" (gold item not predicted) | "false_alarm" (predicted item not in gold)
    item: str
    context: str


@dataclass(frozen=True, slots=True)
class EvalReport:
    fields: tuple[FieldScore, ...]
    articles: int
    failed: tuple[str, ...]
    mismatches: tuple[Mismatch, ...]

    def field(self, name: str) -> FieldScore:
        for f in self.fields:
            if f.field == name:
                return f
        raise KeyError(name)


# ---------------------------------------------------------------------------------------- extraction

@dataclass(frozen=True, slots=True)
class _Item:
    """One scorable item: its key (for set fields) or its name forms (for matched fields), shown as `label`."""

    key: Any
    label: str
    span: tuple[int, int] | None = None  # where in the article text, when known
    quote: str | None = None  # a text to look for in the article, when no span is known


def _context(text: str, item: _Item, width: int = 50) -> str:
    if not text:
        return ""
    span = item.span
    if span is None or not (0 <= span[0] <= span[1] <= len(text)):
        span = None
        if item.quote:
            pos = text.find(item.quote)
            if pos < 0:
                pos = _normalized_find(text, item.quote)
            if pos >= 0:
                span = (pos, pos + len(item.quote))
    if span is None:
        return ""
    s, e = span
    a = max(0, s - width)
    b = min(len(text), e + width)
    while a > 0 and not text[a - 1].isspace() and s - a < width + 20:
        a -= 1
    while b < len(text) and not text[b].isspace() and b - e < width + 20:
        b += 1
    snippet = f"{'…' if a > 0 else ''}{text[a:s]}[{text[s:e]}]{text[e:b]}{'…' if b < len(text) else ''}"
    return " ".join(snippet.split())


def _normalized_find(text: str, quote: str) -> int:
    """Where a quote that is not verbatim in the text probably is: its first longer word; -1 when absent."""
    for word in quote.split():
        if len(word) >= 4:
            return text.find(word)
    return -1


def _mentions_by_id(record: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for m in record.get("mentions") or []:
        if isinstance(m, Mapping) and isinstance(m.get("id"), str):
            out[m["id"]] = m
    return out


def _pred_entity(ent: Any, mentions: Mapping[str, Mapping[str, Any]]) -> _Item | None:
    """A predicted actor or place: all its names (id, name_en, name_ar, the texts of its mentions)."""
    if not isinstance(ent, Mapping):
        return None
    names = [ent.get(k) for k in ("id", "name_en", "name_ar")]
    span = None
    for mid in ent.get("mentions") or []:
        m = mentions.get(mid) if isinstance(mid, str) else None
        if m is None:
            continue
        names.append(m.get("text"))
        if span is None and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
            span = (m["start"], m["end"])
    good = [n for n in names if isinstance(n, str) and n.strip()]
    forms = _forms_of(good)
    if not forms:
        return None
    label = " / ".join(dict.fromkeys(n for n in (ent.get("name_en"), ent.get("name_ar")) if isinstance(n, str)
                                     and n)) or str(ent.get("id"))
    quote = next((n for n in (ent.get("name_ar"), ent.get("name_en")) if isinstance(n, str) and n), None)
    return _Item(key=forms, label=label, span=span, quote=quote)


def _gold_entity(names: tuple[str, ...]) -> _Item:
    arabic = next((n for n in names if any("\u0600" <= ch <= "\u06ff" for ch in n)), None)
    return _Item(key=_forms_of(names), label=" / ".join(names), quote=arabic)


def _merge(items: list[_Item]) -> list[_Item]:
    """Items whose name sets share a name are one item (union of names; the first member's label, place)."""
    groups: list[_Item] = []
    for it in items:
        hits = [i for i, g in enumerate(groups) if it.key & g.key]
        if not hits:
            groups.append(it)
            continue
        head = groups[hits[0]]
        forms = set(it.key)
        for i in hits:
            forms |= groups[i].key
        groups[hits[0]] = _Item(key=frozenset(forms), label=head.label, span=head.span or it.span,
                                quote=head.quote or it.quote)
        for i in reversed(hits[1:]):
            del groups[i]
    return groups


def _pred_events(record: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    if not record:
        return []
    return [e for e in record.get("events") or [] if isinstance(e, Mapping)]


def _acled_type(ev: Mapping[str, Any]) -> str | None:
    acled = ev.get("acled")
    if isinstance(acled, Mapping) and isinstance(acled.get("event_type"), str) and acled["event_type"]:
        return str(acled["event_type"])
    return None


def _pred_day(ev: Mapping[str, Any]) -> str | None:
    d = ev.get("date")
    if not isinstance(d, Mapping):
        return None
    start = d.get("start")
    if not isinstance(start, str) or len(start) != 10:
        return None
    prec = d.get("precision")
    if prec == "day" or (prec is None and d.get("end") in (None, start)):
        return start
    return None


def _evidence_span(ev: Mapping[str, Any]) -> tuple[int, int] | None:
    for sp in ev.get("evidence") or []:
        if isinstance(sp, Mapping) and isinstance(sp.get("start"), int) and isinstance(sp.get("end"), int):
            return int(sp["start"]), int(sp["end"])
    return None


def _count_span(c: Mapping[str, Any]) -> tuple[int, int] | None:
    if isinstance(c.get("start"), int) and isinstance(c.get("end"), int):
        return int(c["start"]), int(c["end"])
    return None


def _gold_sets(gold: GoldDocument) -> dict[str, list[_Item]]:
    out: dict[str, list[_Item]] = {f: [] for f in ("counts", "counts_who", "acled_types", "plover_types",
                                                     "dates")}
    for ev in gold.events:
        q = ev.evidence
        for c in ev.counts:
            out["counts"].append(_Item(key=(c.kind, c.value), label=f"{c.kind} {c.value}", quote=q))
            out["counts_who"].append(_Item(key=(c.kind, c.value, c.who), label=f"{c.kind} {c.value} {c.who}",
                                           quote=q))
        if ev.acled_event_type:
            out["acled_types"].append(_Item(key=ev.acled_event_type, label=ev.acled_event_type, quote=q))
        out["plover_types"].append(_Item(key=ev.plover, label=ev.plover, quote=q))
        if ev.date:
            out["dates"].append(_Item(key=ev.date, label=ev.date, quote=q))
    return out


def _pred_sets(record: Mapping[str, Any] | None) -> dict[str, list[_Item]]:
    out: dict[str, list[_Item]] = {f: [] for f in ("counts", "counts_who", "acled_types", "plover_types",
                                                     "dates")}
    for ev in _pred_events(record):
        ev_span = _evidence_span(ev)
        for c in ev.get("counts") or []:
            if not isinstance(c, Mapping) or not isinstance(c.get("value"), int):
                continue
            kind, value, who = c.get("kind"), c["value"], c.get("who")
            span = _count_span(c) or ev_span
            out["counts"].append(_Item(key=(kind, value), label=f"{kind} {value}", span=span))
            out["counts_who"].append(_Item(key=(kind, value, who), label=f"{kind} {value} {who}", span=span))
        acled = _acled_type(ev)
        if acled:
            out["acled_types"].append(_Item(key=acled, label=acled, span=ev_span))
        plover = ev.get("plover")
        if isinstance(plover, str) and plover:
            out["plover_types"].append(_Item(key=plover, label=plover, span=ev_span))
        day = _pred_day(ev)
        if day:
            out["dates"].append(_Item(key=day, label=day, span=ev_span))
    return out


def _unique(items: list[_Item]) -> list[_Item]:
    seen: set[Any] = set()
    out: list[_Item] = []
    for it in items:
        if it.key not in seen:
            seen.add(it.key)
            out.append(it)
    return out


def _shares_name(p: _Item, g: _Item) -> bool:
    return bool(p.key & g.key)


def _match_in_order(pred: Sequence[T], gold: Sequence[T],
                    same: Callable[[T, T], bool]) -> tuple[list[bool], list[bool]]:
    """Each predicted item, in order, takes the first unmatched gold item it matches."""
    gold_used = [False] * len(gold)
    pred_hit = [False] * len(pred)
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if not gold_used[j] and same(p, g):
                gold_used[j] = True
                pred_hit[i] = True
                break
    return pred_hit, gold_used


@dataclass(frozen=True, slots=True)
class _EventItem:
    type: str
    place: frozenset[str] | None
    label: str
    span: tuple[int, int] | None = None
    quote: str | None = None


def _event_matches(p: _EventItem, g: _EventItem) -> bool:
    if p.type != g.type:
        return False
    if p.place is None and g.place is None:
        return True
    return p.place is not None and g.place is not None and bool(p.place & g.place)


def _score_article(gold: GoldDocument, record: Mapping[str, Any] | None,
                   text: str) -> tuple[dict[str, tuple[int, int, int]], list[Mismatch]]:
    counts: dict[str, tuple[int, int, int]] = {}
    mism: list[Mismatch] = []

    def record_result(field: str, pred: list[Any], gold_items: list[Any], pred_hit: list[bool],
                      gold_used: list[bool]) -> None:
        counts[field] = (sum(pred_hit), len(pred), len(gold_items))
        for g, used in zip(gold_items, gold_used, strict=True):
            if not used:
                mism.append(Mismatch(gold.id, field, "miss", g.label,
                                     _context(text, _Item(None, g.label, g.span, g.quote))))
        for p, hit in zip(pred, pred_hit, strict=True):
            if not hit:
                mism.append(Mismatch(gold.id, field, "false_alarm", p.label,
                                     _context(text, _Item(None, p.label, p.span, p.quote))))

    gsets, psets = _gold_sets(gold), _pred_sets(record)
    for field in ("counts", "counts_who", "acled_types", "plover_types", "dates"):
        g_items, p_items = _unique(gsets[field]), _unique(psets[field])
        gkeys = {g.key for g in g_items}
        pkeys = {p.key for p in p_items}
        record_result(field, p_items, g_items, [p.key in gkeys for p in p_items],
                      [g.key in pkeys for g in g_items])

    mentions = _mentions_by_id(record) if record else {}
    events = _pred_events(record)

    # places
    g_places = _merge([_gold_entity(ev.location) for ev in gold.events if ev.location])
    p_places = _merge([it for ev in events if (it := _pred_entity(ev.get("location"), mentions)) is not None])
    record_result("places", p_places, g_places, *_match_in_order(p_places, g_places, _shares_name))

    # actors
    g_actors = _merge([_gold_entity(a) for ev in gold.events for a in ev.actors])
    p_raw: list[_Item] = []
    for ev in events:
        further = ev.get("actors")
        for ent in [ev.get("actor1"), ev.get("actor2"), *(further if isinstance(further, list) else [])]:
            it = _pred_entity(ent, mentions)
            if it is not None:
                p_raw.append(it)
    p_actors = _merge(p_raw)
    record_result("actors", p_actors, g_actors, *_match_in_order(p_actors, g_actors, _shares_name))

    # events end to end
    g_events = []
    for gev in gold.events:
        gtype = gev.acled_event_type or gev.plover
        gplace = _forms_of(gev.location) if gev.location else None
        where = f" @ {gev.location[0]}" if gev.location else ""
        g_events.append(_EventItem(gtype, gplace, f"{gtype}{where}", quote=gev.evidence))
    p_events = []
    for pev in events:
        ptype = _acled_type(pev) or str(pev.get("plover") or "")
        ploc = _pred_entity(pev.get("location"), mentions)
        pwhere = f" @ {ploc.label}" if ploc else ""
        p_events.append(_EventItem(ptype, ploc.key if ploc else None, f"{ptype}{pwhere}",
                                   span=_evidence_span(pev)))
    record_result("events", p_events, g_events,
                  *_match_in_order(p_events, g_events, _event_matches))
    return counts, mism


def score(pairs: Sequence[tuple[GoldDocument, Mapping[str, Any] | None, str]]) -> EvalReport:
    """Score (gold, predicted record or None when the system failed, article text) triples."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    failed: list[str] = []
    mismatches: list[Mismatch] = []
    for gold, record, text in pairs:
        if record is None:
            failed.append(gold.id)
        per, mism = _score_article(gold, record, text or "")
        for f, (tp, pred, g) in per.items():
            totals[f][0] += tp
            totals[f][1] += pred
            totals[f][2] += g
        mismatches.extend(mism)
    return EvalReport(fields=tuple(FieldScore(f, *totals[f]) for f in FIELDS), articles=len(pairs),
                      failed=tuple(failed), mismatches=tuple(mismatches))


def format_table(report: EvalReport) -> str:
    """A plain-text table: one row per field with P, R, F1, tp, pred, gold."""
    lines = [f"{'field':<13} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}"]
    for f in report.fields:
        name = f"{f.field}*" if f.field in EXTRA_FIELDS else f.field
        lines.append(f"{name:<13} {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f} {f.tp:6d} {f.predicted:6d} "
                     f"{f.gold:6d}")
    lines.append(f"{report.articles} article(s), {len(report.failed)} failed"
                 + (f": {', '.join(report.failed)}" if report.failed else ""))
    if any(f.field in EXTRA_FIELDS for f in report.fields):
        lines.append("* rasd's own field, not defined by FORMAT.md")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- floors

def corpus_hash(paths: Iterable[str | Path]) -> str:
    """sha256 over the sorted (file name, contents) of the given files (directories: every file under them).

    Names are base names (relative paths inside a given directory), so the hash does not depend on where
    the corpus is checked out."""
    entries: list[tuple[str, bytes]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file():
                    entries.append((f.relative_to(path).as_posix(), f.read_bytes()))
        else:
            entries.append((path.name, path.read_bytes()))
    h = hashlib.sha256()
    for name, content in sorted(entries):
        raw = name.encode("utf-8")
        h.update(len(raw).to_bytes(8, "big") + raw + len(content).to_bytes(8, "big") + content)
    return f"sha256:{h.hexdigest()}"


FLOOR_STEP = 0.005  # floors are pinned at the measured score rounded down to this step


def _read_floors(floors_file: Path, *, complete: bool = True) -> tuple[str, dict[str, dict[str, float]]]:
    """The pinned corpus hash and floors of a floors file. Every field the evaluator reports must have an
    F1 floor and the corpus hash must be there: a file that lacks one is an error, never a check quietly
    skipped (`complete=False` reads what there is, for re-pinning an incomplete file)."""
    shown = str(floors_file)
    try:
        data = json.loads(Path(floors_file).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ResourceError(shown, f"cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ResourceError(shown, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise ResourceError(shown, 'expected {"corpus_hash": ..., "floors": {field: {metric: value}}}')
    unknown_keys = sorted(set(data) - {"corpus_hash", "floors"})
    if unknown_keys:
        raise ResourceError(shown, f"unknown key {unknown_keys[0]!r}; expected corpus_hash and floors")
    pinned = data.get("corpus_hash")
    if not isinstance(pinned, str) or not pinned.startswith("sha256:"):
        if not complete:
            pinned = ""
        else:
            raise ResourceError(shown, "corpus_hash: expected the 'sha256:…' hash of the corpus the floors were pinned on")
    floors: dict[str, dict[str, float]] = {}
    for field, metrics in data["floors"].items():
        if field not in FIELDS:
            raise ResourceError(shown, f"unknown field {field!r}; expected one of {', '.join(FIELDS)}")
        if not isinstance(metrics, dict):
            raise ResourceError(shown, f"floors.{field}: expected {{metric: value}}")
        for metric, value in metrics.items():
            if metric not in METRICS:
                raise ResourceError(shown, f"floors.{field}: unknown metric {metric!r}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ResourceError(shown, f"floors.{field}.{metric}: expected a number in [0, 1]")
        floors[field] = {m: float(v) for m, v in metrics.items()}
    missing = [f for f in FIELDS if "f1" not in floors.get(f, {})]
    if missing and complete:
        raise ResourceError(shown, f"no f1 floor for {', '.join(missing)}: every field the evaluator reports "
                                   "needs one (pin it with rasd eval … --update-floors)")
    return pinned, floors


def floors_check(report: EvalReport, floors_file: Path, corpus_hash: str) -> list[str]:
    """Problems with the report against pinned floors: fields below a floor, and a corpus that differs
    from the one the floors were pinned on. An empty list means the floors hold."""
    pinned, floors = _read_floors(floors_file)
    problems: list[str] = []
    if pinned != corpus_hash:
        problems.append(f"floors in {floors_file} are pinned to corpus {pinned}, this corpus is {corpus_hash}: "
                        "re-pin them (raise floors) for this corpus")
    for field, metrics in floors.items():
        fs = report.field(field)
        for metric, floor in sorted(metrics.items()):
            got = fs.metric(metric)
            if got < floor - 1e-9:
                problems.append(f"{field} {metric} {got:.3f} is below its floor {floor:.3f}")
    return problems


def _floor_of(value: float, margin: float) -> float:
    """`value` less `margin`, rounded down to FLOOR_STEP (0.5 points)."""
    steps = math.floor((value - margin) / FLOOR_STEP + 1e-6)
    return max(0.0, round(steps * FLOOR_STEP, 3))


def raise_floors(report: EvalReport, floors_file: Path, corpus_hash: str, *, allow_lower: bool = False,
                 margin: float = 0.0, metrics: Sequence[str] = ("f1",)) -> list[str]:
    """Pin floors at the report's scores (less `margin`, rounded down to FLOOR_STEP) for `corpus_hash`.

    Floors only ever go up: a floor above today's score is kept unless `allow_lower` (the CLI's --lower),
    the explicit act to lower it. Metrics already floored in the file are updated too. Writes the file and
    returns one line per field saying what changed or was kept."""
    for m in metrics:
        if m not in METRICS:
            raise ValueError(f"unknown metric {m!r}; expected one of {', '.join(METRICS)}")
    floors_file = Path(floors_file)
    old: dict[str, dict[str, float]] = {}
    if floors_file.exists():
        _, old = _read_floors(floors_file, complete=False)  # an incomplete file is completed
    new: dict[str, dict[str, float]] = {}
    lines: list[str] = []
    for fs in report.fields:
        wanted = set(metrics) | set(old.get(fs.field, {}))
        new[fs.field] = {}
        for metric in (m for m in METRICS if m in wanted):
            measured = _floor_of(fs.metric(metric), margin)
            before = old.get(fs.field, {}).get(metric)
            if before is None:
                value = measured
                lines.append(f"{fs.field} {metric}: set {value:.3f}")
            elif measured >= before or allow_lower:
                value = measured
                verb = "raised" if measured > before else ("lowered" if measured < before else "unchanged")
                lines.append(f"{fs.field} {metric}: {verb} {before:.3f} -> {value:.3f}")
            else:
                value = before
                lines.append(f"{fs.field} {metric}: kept {before:.3f} (measured {fs.metric(metric):.3f}; "
                             "lowering needs --lower)")
            new[fs.field][metric] = value
    payload = {"corpus_hash": corpus_hash, "floors": new}
    floors_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = floors_file.with_name(floors_file.name + ".tmp")
    tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(floors_file)
    return lines
