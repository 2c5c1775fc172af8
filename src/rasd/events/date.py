"""The date resolver: the date expression that dates an event, bounded by the day of the report."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

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


def resolve_date(ctx: DocContext, s_start: int, s_end: int, running_total: bool = False) -> DateDecision:
    """The first point in time in [s_start, s_end); else a span that ends now."""
    # a point in time first; else a span that ends now (الحصار المفروض منذ قرابة شهر). "منذ 7 أكتوبر" dates the
    # campaign a running toll counts from, not the toll: never the event's date — nor, for a running total,
    # a day named a few words after منذ (منذ اندلاعها في الرابع من أبريل)
    text = ctx.norm.text
    in_span = [dm for dm in ctx.dates_in(s_start, s_end)
               if (dm.kind == "point" or (dm.kind == "duration" and dm.date_start))
               and not (running_total and "منذ" in words_before(text, dm.start, 4, s_start))]
    if not in_span:
        return DateDecision(UNKNOWN_DATE, None, None, None)
    dm = min(in_span, key=lambda x: (x.kind != "point", x.start))
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
