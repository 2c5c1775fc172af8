"""The date resolver: the date expression that dates an event, bounded by the day of the report."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import NamedTuple

from ..recognize.dates import DateMatch
from ..records import UNKNOWN_DATE, EventDate, Span
from ..text.segment import words_before
from .context import DocContext
from .rules import DateRule


class DateDecision(NamedTuple):
    """The event's date, the rule of its anchor (none when unknown), the rule that bounded it by the day of
    the report (if any) and the span of the date expression (normalized offsets)."""

    value: EventDate
    rule: DateRule | None
    bound: DateRule | None
    evidence: tuple[int, int] | None


def _after_since(text: str, s_start: int, dm: DateMatch) -> bool:
    """Whether a date expression follows منذ within four words (منذ 7 أكتوبر, منذ اندلاعها في الرابع من أبريل)."""
    return "منذ" in words_before(text, dm.start, 4, s_start)


def _points(ctx: DocContext, lo: int, hi: int, running_total: bool, day_only: bool = False) -> list[DateMatch]:
    """The date expressions in [lo, hi) that can date an event: points in time (a span that ends now too, unless
    `day_only`), never one after منذ for a running total nor, with `day_only`, one after منذ at all."""
    text = ctx.norm.text
    return [dm for dm in ctx.dates_in(lo, hi)
            if (dm.kind == "point" or (not day_only and dm.kind == "duration" and dm.date_start))
            and not (day_only and (dm.precision != "day" or not dm.date_start))
            and not ((running_total or day_only) and _after_since(text, lo, dm))]


def _days_by_sentence(ctx: DocContext) -> tuple[list[int], list[list[DateMatch]]]:
    """The sentences (their indices, in order) that give a day, and those days: made once per document, so
    that finding a paragraph's day stays linear in the text."""
    idx: list[int] = []
    days: list[list[DateMatch]] = []
    for sent in ctx.seg.sentences:
        found = _points(ctx, sent.start, sent.end, False, day_only=True)
        if found:
            idx.append(sent.index)
            days.append(found)
    return idx, days


def _paragraph_dates(ctx: DocContext, s_start: int) -> list[DateMatch]:
    """The day its paragraph gives an event whose sentence gives none: the nearest one before the sentence,
    else the first after it."""
    sent = ctx.seg.sentence_at(s_start)
    para = ctx.paragraph(sent)
    idx, days = ctx.memo("date:days_by_sentence", lambda: _days_by_sentence(ctx))
    k = bisect_left(idx, sent.index)
    if k > 0 and ctx.paragraph_of(idx[k - 1]) == para:
        return days[k - 1][-1:]
    if k < len(idx) and idx[k] == sent.index:
        k += 1
    if k < len(idx) and ctx.paragraph_of(idx[k]) == para:
        return days[k][:1]
    return []


def resolve_date(ctx: DocContext, s_start: int, s_end: int, running_total: bool = False) -> DateDecision:
    """The first point in time in [s_start, s_end) (the event's clause); else in its sentence; else the nearest
    day its paragraph gives; else unknown."""
    # a point in time first; else a span that ends now (الحصار المفروض منذ قرابة شهر). "منذ 7 أكتوبر" dates the
    # campaign a running toll counts from, not the toll: never the event's date — nor, for a running total,
    # a day named a few words after منذ (منذ اندلاعها في الرابع من أبريل)
    in_span = _points(ctx, s_start, s_end, running_total)
    if not in_span:
        sent = ctx.seg.sentence_at(s_start)
        in_span = _points(ctx, sent.start, sent.end, running_total, day_only=True)
    if not in_span:
        in_span = _paragraph_dates(ctx, s_start)
    if not in_span:
        return DateDecision(UNKNOWN_DATE, None, None, None)
    dm = min(in_span, key=lambda x: (x.date_start is None, x.kind != "point", x.start))  # a resolved one first
    s, e = ctx.norm.to_original(dm.start, dm.end)
    date = EventDate(start=dm.date_start, end=dm.date_end,
                     precision=dm.precision if dm.date_start else "unknown",  # type: ignore[arg-type]
                     anchor=dm.anchor if dm.date_start else "unknown",  # type: ignore[arg-type]
                     text=ctx.text[s:e], span=Span(s, e))
    rule = None if date.anchor == "unknown" else DateRule("date:" + date.anchor)
    return DateDecision(date, rule, None, (dm.start, dm.end))


def bound_by_published(decision: DateDecision, planned: bool, published: str | None) -> DateDecision:
    """What is told as done (or as asked, denied …) happened by the day of the report: a call made "on the
    occasion of Ramadan" is not dated after it; a date wholly after the report is not this event's."""
    date = decision.value
    if planned or not published or not date.end or date.end <= published:
        return decision
    if date.start and date.start > published:
        return DateDecision(UNKNOWN_DATE, decision.rule, DateRule.AFTER_PUBLISHED_DROPPED, decision.evidence)
    return DateDecision(replace(date, end=published), decision.rule, DateRule.NOT_AFTER_PUBLISHED,
                        decision.evidence)
