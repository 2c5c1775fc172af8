"""The record invariants property tests and the fuzzer check: every span quotes the original text."""

from __future__ import annotations

from .records import DocumentRecord


def span_violations(rec: DocumentRecord) -> list[str]:
    """What breaks the invariants: a mention, count, trigger or date whose text[start:end] is not its quoted
    text, evidence outside the text, a confidence outside [0, 1], an actor or place citing an unknown mention."""
    text, bad = rec.text, []
    for m in rec.mentions:
        if text[m.start:m.end] != m.text:
            bad.append(f"mention {m.id} {m.start}:{m.end} quotes {m.text!r}")
    for c in (*rec.counts, *(c for ev in rec.events for c in ev.counts)):
        if text[c.start:c.end] != c.text:
            bad.append(f"count {c.start}:{c.end} quotes {c.text!r}")
    ids = {m.id for m in rec.mentions}
    for ev in rec.events:
        bad.extend(f"event {ev.id} evidence {sp.start}:{sp.end} outside the text" for sp in ev.evidence
                   if not 0 <= sp.start < sp.end <= len(text))
        if ev.trigger is not None and text[ev.trigger.start:ev.trigger.end] != ev.trigger.text:
            bad.append(f"event {ev.id} trigger quotes {ev.trigger.text!r}")
        if ev.date.span is not None and text[ev.date.span.start:ev.date.span.end] != ev.date.text:
            bad.append(f"event {ev.id} date quotes {ev.date.text!r}")
        if not 0.0 <= ev.confidence <= 1.0:
            bad.append(f"event {ev.id} confidence {ev.confidence}")
        refs = [r for r in (ev.actor1, ev.actor2, *ev.other_actors) if r is not None]
        cited = {m for r in refs for m in r.mentions} | (set(ev.location.mentions) if ev.location else set())
        if not cited <= ids:
            bad.append(f"event {ev.id} cites unknown mentions {sorted(cited - ids)}")
    return bad
