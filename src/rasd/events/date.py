"""The date resolver: the date expression that dates an event, bounded by the day of the report."""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from ..recognize.dates import DateMatch
from ..recognize.matcher import PhraseMatcher
from ..records import UNKNOWN_DATE, EventDate, Span, replaced
from ..text.words import words_before
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
    `day_only`), never a point after منذ (the start of a span: منذ اندلاع الحرب في 15 أبريل) nor, for a running
    total or with `day_only`, any date after منذ."""
    text = ctx.norm.text
    return [dm for dm in ctx.dates_in(lo, hi)
            if (dm.kind == "point" or (not day_only and dm.kind == "duration" and dm.date_start))
            and not (day_only and (dm.precision != "day" or not dm.date_start))
            and not ((running_total or day_only or dm.kind == "point") and _after_since(text, lo, dm))
            and not _in_a_name(ctx, dm)]


_NAME_REACH = 40  # how far before a date a place name that holds it may start (سوق الجمعة)


def _in_a_name(ctx: DocContext, dm: DateMatch) -> bool:
    """Whether a date expression is a word of a place's name (سوق الجمعة is a district, not a Friday)."""
    return any(p.nstart < dm.end and dm.start < p.nend for p in ctx.places_in(max(0, dm.start - _NAME_REACH), dm.end))


_SAID_WINDOW = 10  # words before a date where the speech verb whose day it gives may stand (its speaker between)
_COMPLEMENTIZERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "وان"})
_DATE_RULES = {r._value_: r for r in DateRule}  # (DateRule(value) runs Enum.__call__ and __new__ as Python)


def _said_days(ctx: DocContext, speech: PhraseMatcher[str], lo: int, found: list[DateMatch]) -> set[int]:
    """The starts of the dates that give the day of a statement, not of what it reports: the first date after a
    speech verb, before the verb's complement begins (أعلنت هيئة الأركان الخميس مقتل 30 … الأحد: Thursday;
    أفاد مصدر طبي اليوم بأن …; not قال إن … الخميس)."""
    text = ctx.norm.text
    out: set[int] = set()
    for dm in sorted(found, key=lambda x: x.start):
        for word in reversed(words_before(text, dm.start, _SAID_WINDOW, lo)):
            if word in _COMPLEMENTIZERS:
                break
            if speech.find(word):
                out.add(dm.start)
                lo = dm.end  # a later date is no longer this verb's
                break
    return out


def _told_days(ctx: DocContext, speech: PhraseMatcher[str] | None, lo: int,
               found: list[DateMatch]) -> list[DateMatch]:
    """Of several dates, those of the happening: a statement's day goes when another date is told beside it
    (أعلنت الوزارة الخميس مقتل 12 مسلحا الأحد: Sunday), one after منذ does not count as such; a lone one stays."""
    if speech is None or len(found) < 2:
        return found
    said = _said_days(ctx, speech, lo, found)
    told = [dm for dm in found if dm.start not in said and not _after_since(ctx.norm.text, lo, dm)]
    return told or found


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


def resolve_date(ctx: DocContext, s_start: int, s_end: int, running_total: bool = False,
                 speech: PhraseMatcher[str] | None = None) -> DateDecision:
    """The first point in time in [s_start, s_end) (the event's clause); else in its sentence; else the nearest
    day its paragraph gives (not to a running total); else unknown. Of several in the clause or sentence, the day of a statement (after a
    verb of `speech`) is the report's, not the event's: another one dates the event."""
    # a point in time first; else a span that ends now (الحصار المفروض منذ قرابة شهر). "منذ 7 أكتوبر" dates the
    # campaign a running toll counts from, not the toll: never the event's date — nor, for a running total,
    # a day named a few words after منذ (منذ اندلاعها في الرابع من أبريل)
    sent = ctx.seg.sentence_at(s_start)
    in_span = _told_days(ctx, speech, sent.start, _points(ctx, s_start, s_end, running_total))
    if not in_span:
        in_span = _told_days(ctx, speech, sent.start, _points(ctx, sent.start, sent.end, running_total, day_only=True))
    if not in_span and not running_total:  # (a campaign's running total is not of the paragraph's day)
        in_span = _paragraph_dates(ctx, s_start)
    if not in_span:
        return tuple.__new__(DateDecision, (UNKNOWN_DATE, None, None, None))  # (tuple.__new__: see mention_ref)
    dm = min(in_span, key=lambda x: (x.date_start is None, x.kind != "point", x.start))  # a resolved one first
    s, e = ctx.norm.to_original(dm.start, dm.end)
    date = EventDate(start=dm.date_start, end=dm.date_end,
                     precision=dm.precision if dm.date_start else "unknown",  # type: ignore[arg-type]
                     anchor=dm.anchor if dm.date_start else "unknown",  # type: ignore[arg-type]
                     text=ctx.text[s:e], span=Span(s, e))
    rule = None if date.anchor == "unknown" else _DATE_RULES["date:" + date.anchor]
    return tuple.__new__(DateDecision, (date, rule, None, (dm.start, dm.end)))  # (tuple.__new__: see mention_ref)


def bound_by_published(decision: DateDecision, planned: bool, published: str | None) -> DateDecision:
    """What is told as done (or as asked, denied …) happened by the day of the report: a call made "on the
    occasion of Ramadan" is not dated after it; a date wholly after the report is not this event's."""
    date = decision.value
    if planned or not published or not date.end or date.end <= published:
        return decision
    if date.start and date.start > published:
        return DateDecision(UNKNOWN_DATE, decision.rule, DateRule.AFTER_PUBLISHED_DROPPED, decision.evidence)
    return DateDecision(replaced(date, end=published), decision.rule, DateRule.NOT_AFTER_PUBLISHED,
                        decision.evidence)
