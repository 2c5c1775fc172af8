"""A count's scope, incident or cumulative, from the words of its clause (DESIGN.md §4a; issue 15 item 3)."""

# A clause with a running-total cue (منذ بدء، حتى الآن، الإجمالي; a war as the cause: خلفت الحرب، حملة أسفرت
# عن) is cumulative; a rise cue (ارتفعت حصيلة، آخر حصيلة) too, unless an incident names the toll it speaks of,
# wherever the toll's subject stands (ارتفعت حصيلة الغارة; عدد قتلى القصف … ارتفع إلى 15; ترتفع إلى 3 حصيلة
# القتلى في سلسلة الغارات). A day window after a figure makes it a day's. A displacement figure is a running
# total unless the sentence dates it to one day or tells it beside an incident's casualties.

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from rasd.recognize.count_grammar import Scope, ScopeCues
from rasd.recognize.count_phrases import PREFIXES, CountTables, Hit
from rasd.text.segment import Token, TokenIndex

_HEAD_REACH = 3  # words after a rise cue where an incident may name its toll
_SUBJECT_REACH = 4  # words after a toll's subject (حصيلة القتلى في سلسلة الغارات)
_CAUSE_REACH = 3  # words between a war noun and the verb of what it caused (حملة أسفرت; خلفت هذه الحرب)
_CASUALTY_KINDS = frozenset({"killed", "wounded", "abducted", "detained", "missing"})


def _headed_by_incident(tables: CountTables, toks: Sequence[Token], h: Hit, hi: int) -> bool:
    """Whether an incident names the toll a rise cue speaks of (ارتفعت حصيلة [ضحايا] الغارة)."""
    return any(tables.incident_heads.match(toks, k, PREFIXES, hi) is not None
               for k in range(h.j, min(hi, h.j + _HEAD_REACH)))


def _toll_of_incident(tables: CountTables, toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Whether a toll's subject in tokens [lo, hi) is an incident's, before or after its rise verb (عدد قتلى
    القصف … ارتفع إلى 15; ترتفع إلى ثلاثة حصيلة القتلى في سلسلة الغارات)."""
    for k in range(lo, hi):
        w = toks[k].text
        if toks[k].kind != "word" or not any(w.startswith(pre) and w[len(pre):] in tables.toll_subjects
                                             for pre in PREFIXES):
            continue
        if any(tables.incident_heads.match(toks, n, PREFIXES, hi) is not None
               for n in range(k + 1, min(hi, k + 1 + _SUBJECT_REACH))):
            return True
    return False


def _since_a_day(tables: CountTables, index: TokenIndex, lo: int, hi: int) -> list[Hit]:
    """منذ before a day of the month or a month (منذ الرابع من أبريل، منذ 4 أبريل، منذ مطلع الشهر): the figure
    runs from that day on. (منذ الصباح, منذ ساعات, منذ منتصف الليل date a day's incident, and are no such cue.)"""
    toks = index.toks
    at = index.words_in(tables.since)
    return [Hit(k, k + 2, "cumulative") for k in at[bisect_left(at, lo):bisect_left(at, hi - 1)]
            if (toks[k + 1].kind == "number" or toks[k + 1].text in tables.since_days)
            and tables.day_times.match(toks, k + 1, ("",), hi) is None]


def _war_causes(tables: CountTables, index: TokenIndex, lo: int, hi: int) -> list[Hit]:
    """A war told as the cause of a toll (وخلفت هذه الحرب نحو 10 آلاف قتيل; في حملة أسفرت عن مقتل 1300):
    a verb of causing with a war noun at most three words before or after it."""
    toks = index.toks
    wars = [h.i for h in tables.wars.scan(index, lo, hi, PREFIXES)]
    if not wars:
        return []
    return [h for h in tables.causes.scan(index, lo, hi, PREFIXES)
            if any(-_CAUSE_REACH <= w - h.i <= _CAUSE_REACH and w != h.i for w in wars)
            and not any(tables.incident_heads.match(toks, k, PREFIXES, hi) is not None
                        for k in range(h.j, min(hi, h.j + 1)))]


def scope_cues(tables: CountTables, index: TokenIndex, lo: int, hi: int) -> ScopeCues:
    """The sentence's cumulative clauses and day windows; a clause ends at a break word (not one that goes on with
    the same toll) or a result opener."""
    toks = index.toks
    strong = tables.cumulative.scan(index, lo, hi, PREFIXES) + _since_a_day(tables, index, lo, hi) \
        + _war_causes(tables, index, lo, hi)
    rises = tables.rises.scan(index, lo, hi, PREFIXES)
    if any(_headed_by_incident(tables, toks, h, hi) for h in rises) or (rises and _toll_of_incident(tables, toks, lo, hi)):
        rises = []
    windows = tuple(h.i for h in tables.day_windows.scan(index, lo, hi, PREFIXES))
    one_day = bool(windows) or bool(tables.day_words.scan(index, lo, hi, PREFIXES))
    if not strong and not rises:
        return ScopeCues((), windows, (), one_day)
    # a break that goes on with the same toll (إضافة إلى 2400 جريح) is no clause boundary
    breaks = [h.i for h in tables.breaks.scan(index, lo, hi, PREFIXES)
              if tables.continuations.match(toks, h.i, PREFIXES, hi) is None]
    bounds = sorted({lo, hi, *breaks, *(h.i for h in tables.openers.scan(index, lo, hi, PREFIXES))})

    def clause(h: Hit) -> tuple[int, int]:
        k = bisect_right(bounds, h.i) - 1
        return bounds[k], bounds[k + 1] if k + 1 < len(bounds) else hi

    by_strong = {clause(h) for h in strong}
    by_rise = {clause(h) for h in rises} - by_strong
    return ScopeCues(tuple(sorted(by_strong | by_rise)), windows, tuple(sorted(by_rise)), one_day)


def sentence_scope(tables: CountTables, index: TokenIndex, lo: int, hi: int) -> Scope:
    """Cumulative when a clause of the sentence has a running-total cue (منذ بداية, ارتفعت حصيلة), else incident."""
    return Scope.CUMULATIVE if scope_cues(tables, index, lo, hi).clauses else Scope.INCIDENT


def figure_scope(cues: ScopeCues, i: int, j: int, next_figure: int) -> Scope | None:
    """The scope of a figure in tokens [i, j) by its clause: incident when a day window follows it before the next
    figure (50 شهيدا خلال ال 24 ساعة), cumulative inside a running-total clause, None when no cue says."""
    if any(j <= w < next_figure and w - j <= 8 for w in cues.windows):
        return Scope.INCIDENT
    if any(a <= i < b for a, b in cues.clauses):
        return Scope.CUMULATIVE
    return None


def by_rise_only(cues: ScopeCues, i: int) -> bool:
    """Whether a figure at token i is cumulative only by a rise cue of its clause."""
    return any(a <= i < b for a, b in cues.rise_only)


def displacement_runs(cues: ScopeCues, kinds: Sequence[str], triggers: Sequence[Hit]) -> bool:
    """Whether a displacement figure with no cue of its own is a running total: people displaced by a war stay
    displaced, so its figure is a stock unless the sentence dates it to one day (اليوم، منذ منتصف الليل، خلال
    ال 24 ساعة) or tells it beside an incident's casualties (قتل 6 واضطرت 64 عائلة إلى النزوح); casualties told
    in a running total's clause (قتل 50 ألفا منذ اندلاع الحرب، بينما تجاوز عدد النازحين 9 ملايين) are no incident's."""
    if "displaced" not in kinds or cues.one_day:
        return False
    return not any(h.label.rstrip("!") in _CASUALTY_KINDS and not any(a <= h.i < b for a, b in cues.clauses)
                   for h in triggers)


def goes_on(tables: CountTables, toks: Sequence[Token], lo: int, hi: int) -> bool:
    """Whether a sentence opens by going on with the toll told before it (إضافة إلى 40 جريحا)."""
    return tables.continuations.match(toks, lo, PREFIXES, hi) is not None
