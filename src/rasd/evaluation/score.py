"""Scoring document records against gold annotations, exactly as ../shared/eval/FORMAT.md ("Scoring") says.

Every figure is micro-averaged: true positives, predictions and gold items are summed over all articles
before precision, recall and F1 are computed; an article the system failed on counts as an empty prediction.

Fields: counts, counts_who, acled_types, plover_types, places, actors, events (end to end) — FORMAT.md's —
and `dates`, rasd's own extra (the set of ISO day dates of an article's events against the gold events'
non-null "date"s).

Predicted counts are the counts attached to predicted events (gold counts only exist inside events); the
record's top-level "counts" list is not scored.

Gold files are read by `rasd.evaluation.gold`, the report's types are in `rasd.evaluation.report`, CI floors in
`rasd.evaluation.floors`; every public name of the three is importable from here too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rasd.evaluation.floors import FLOOR_STEP, corpus_hash, floors_check, raise_floors
from rasd.evaluation.gold import (
    GOLD_KINDS,
    GOLD_MODALITIES,
    GOLD_QUALIFIERS,
    GOLD_SCOPES,
    GOLD_WHO,
    GoldCount,
    GoldDocument,
    GoldError,
    GoldEvent,
    article_path,
    gold_from_json,
    load_gold,
)
from rasd.evaluation.report import EXTRA_FIELDS, FIELDS, METRICS, EvalReport, FieldScore, Mismatch

T = TypeVar("T")

__all__ = [
    "EXTRA_FIELDS", "FIELDS", "FLOOR_STEP", "GOLD_KINDS", "GOLD_MODALITIES", "GOLD_QUALIFIERS", "GOLD_SCOPES",
    "GOLD_WHO", "METRICS", "EvalReport", "FieldScore", "GoldCount", "GoldDocument", "GoldError", "GoldEvent",
    "Mismatch", "article_path", "corpus_hash", "floors_check", "format_table", "gold_from_json", "load_gold",
    "name_forms", "raise_floors", "score",
]


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
    within = ent.get("within")
    if isinstance(within, Mapping):  # an unlinked place stands at a known one: it answers to that one's names too
        names += [within.get(k) for k in ("id", "name_en", "name_ar")]
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


class _Tally:
    """Collects one article's (tp, predicted, gold) per field and its misses and false alarms."""

    def __init__(self, gold_id: str, text: str) -> None:
        self.gold_id, self.text = gold_id, text
        self.counts: dict[str, tuple[int, int, int]] = {}
        self.mismatches: list[Mismatch] = []

    def add(self, field: str, pred: Sequence[_Item | _EventItem], gold_items: Sequence[_Item | _EventItem],
            pred_hit: list[bool], gold_used: list[bool]) -> None:
        """Count one field; every unused gold item is a miss, every unmatched prediction a false alarm."""
        self.counts[field] = (sum(pred_hit), len(pred), len(gold_items))
        for g, used in zip(gold_items, gold_used, strict=True):
            if not used:
                self.mismatches.append(Mismatch(self.gold_id, field, "miss", g.label,
                                                _context(self.text, _Item(None, g.label, g.span, g.quote))))
        for p, hit in zip(pred, pred_hit, strict=True):
            if not hit:
                self.mismatches.append(Mismatch(self.gold_id, field, "false_alarm", p.label,
                                                _context(self.text, _Item(None, p.label, p.span, p.quote))))


@dataclass(frozen=True, slots=True)
class _ArticleScore:
    """One article's (tp, predicted, gold) per field and its misses and false alarms."""

    counts: dict[str, tuple[int, int, int]]
    mismatches: tuple[Mismatch, ...]


def _score_article(gold: GoldDocument, record: Mapping[str, Any] | None, text: str) -> _ArticleScore:
    """Score one article: the set fields by key, places and actors by shared name, events end to end."""
    tally = _Tally(gold.id, text)
    gsets, psets = _gold_sets(gold), _pred_sets(record)
    for field in ("counts", "counts_who", "acled_types", "plover_types", "dates"):
        g_items, p_items = _unique(gsets[field]), _unique(psets[field])
        gkeys = {g.key for g in g_items}
        pkeys = {p.key for p in p_items}
        tally.add(field, p_items, g_items, [p.key in gkeys for p in p_items], [g.key in pkeys for g in g_items])

    mentions = _mentions_by_id(record) if record else {}
    events = _pred_events(record)
    g_places = _merge([_gold_entity(ev.location) for ev in gold.events if ev.location])
    p_places = _merge([it for ev in events if (it := _pred_entity(ev.get("location"), mentions)) is not None])
    tally.add("places", p_places, g_places, *_match_in_order(p_places, g_places, _shares_name))
    g_actors = _merge([_gold_entity(a) for ev in gold.events for a in ev.actors])
    p_actors = _merge(_pred_actors(events, mentions))
    tally.add("actors", p_actors, g_actors, *_match_in_order(p_actors, g_actors, _shares_name))
    p_events, g_events = _pred_event_items(events, mentions), _gold_event_items(gold)
    tally.add("events", p_events, g_events, *_match_in_order(p_events, g_events, _event_matches))
    return _ArticleScore(tally.counts, tuple(tally.mismatches))


def _pred_actors(events: list[Mapping[str, Any]], mentions: Mapping[str, Mapping[str, Any]]) -> list[_Item]:
    """Every actor of the predicted events (actor1, actor2, then the further ones), in order."""
    p_raw: list[_Item] = []
    for ev in events:
        further = ev.get("actors")
        for ent in [ev.get("actor1"), ev.get("actor2"), *(further if isinstance(further, list) else [])]:
            it = _pred_entity(ent, mentions)
            if it is not None:
                p_raw.append(it)
    return p_raw


def _gold_event_items(gold: GoldDocument) -> list[_EventItem]:
    """The gold events as (type, place names) items: ACLED type, else PLOVER."""
    g_events = []
    for gev in gold.events:
        gtype = gev.acled_event_type or gev.plover
        gplace = _forms_of(gev.location) if gev.location else None
        where = f" @ {gev.location[0]}" if gev.location else ""
        g_events.append(_EventItem(gtype, gplace, f"{gtype}{where}", quote=gev.evidence))
    return g_events


def _pred_event_items(events: list[Mapping[str, Any]],
                      mentions: Mapping[str, Mapping[str, Any]]) -> list[_EventItem]:
    """The predicted events as (type, place names) items, spanned by their evidence."""
    p_events = []
    for pev in events:
        ptype = _acled_type(pev) or str(pev.get("plover") or "")
        ploc = _pred_entity(pev.get("location"), mentions)
        pwhere = f" @ {ploc.label}" if ploc else ""
        p_events.append(_EventItem(ptype, ploc.key if ploc else None, f"{ptype}{pwhere}",
                                   span=_evidence_span(pev)))
    return p_events


def score(pairs: Sequence[tuple[GoldDocument, Mapping[str, Any] | None, str]]) -> EvalReport:
    """Score (gold, predicted record or None when the system failed, article text) triples."""
    totals = {f: [0, 0, 0] for f in FIELDS}
    failed: list[str] = []
    mismatches: list[Mismatch] = []
    for gold, record, text in pairs:
        if record is None:
            failed.append(gold.id)
        article = _score_article(gold, record, text or "")
        for f, (tp, pred, g) in article.counts.items():
            totals[f][0] += tp
            totals[f][1] += pred
            totals[f][2] += g
        mismatches.extend(article.mismatches)
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
