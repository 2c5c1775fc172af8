"""A count's scope, incident or cumulative, from the words of its clause (DESIGN.md §4a; issue 15 item 3)."""

# A clause with a running-total cue (منذ بدء، حتى الآن، الإجمالي; a war as the cause: خلفت الحرب، حملة أسفرت
# عن) is cumulative; a rise cue (ارتفعت حصيلة، آخر حصيلة) too, unless an incident names the toll it speaks of,
# wherever the toll's subject stands (ارتفعت حصيلة الغارة; عدد قتلى القصف … ارتفع إلى 15; ترتفع إلى 3 حصيلة
# القتلى في سلسلة الغارات). A day window after a figure makes it a day's. A displacement figure is a running
# total unless the sentence dates it to one day or tells it beside an incident's casualties. A sentence that goes on
# from a since-phrase right before it (… منذ بدء الهجوم. وقتل 300 …) runs from the same start (`carries_on`), and
# the fighting told as running since a start is a war when a later sentence gives it as a toll's cause.

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.recognize.count_grammar import Scope, ScopeCues
from rasd.recognize.count_phrases import DEFINITE, PREFIXES, CountTables, Hit
from rasd.text.segment import Token, TokenIndex

_HEAD_REACH = 3  # words after a rise cue where an incident may name its toll
_SUBJECT_REACH = 4  # words after a toll's subject (حصيلة القتلى في سلسلة الغارات)
_CAUSE_REACH = 3  # words between a war noun and the verb of what it caused (حملة أسفرت; خلفت هذه الحرب)
_CASUALTY_KINDS = frozenset({"killed", "wounded", "abducted", "detained", "missing"})
_FIGHTING_REACH = 2  # sentences after one that told the fighting running since a start where it is a war
_CLITIC_STEM = 2  # letters a word must keep after a conjunction proclitic (وقد, فقد)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class RunningStart:
    """What the sentences before one said of a running total's start: where the one right before it ended when it
    gave a since-phrase (منذ بدء الهجوم، منذ 4 أبريل; else -1), and the index of the last sentence that told the
    fighting running since a start (معارك … منذ إعلان الهجوم؛ منذ بداية المعارك)."""

    since_end: int = -1
    fighting_at: int = -_FIGHTING_REACH - 1

    def __init__(self, since_end: int = -1, fighting_at: int = -_FIGHTING_REACH - 1) -> None:
        object.__setattr__(self, "since_end", since_end)
        object.__setattr__(self, "fighting_at", fighting_at)

    def fighting_runs(self, n: int) -> bool:
        """Whether sentence n comes at most two sentences after the fighting was told running since a start."""
        return 0 < n - self.fighting_at <= _FIGHTING_REACH


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


def _war_causes(tables: CountTables, index: TokenIndex, lo: int, hi: int, fighting: bool) -> list[Hit]:
    """A war told as the cause of a toll (وخلفت هذه الحرب نحو 10 آلاف قتيل; في حملة أسفرت عن مقتل 1300):
    a verb of causing with a war noun at most three words before or after it; with `fighting`, the fighting told
    before (وتسببت المعارك في سقوط 600 قتيل) is one."""
    toks = index.toks
    wars = [h.i for h in tables.wars.scan(index, lo, hi, PREFIXES)]
    if fighting:
        wars += [h.i for h in tables.fighting.scan(index, lo, hi, DEFINITE)]
    if not wars:
        return []
    return [h for h in tables.causes.scan(index, lo, hi, PREFIXES)
            if any(-_CAUSE_REACH <= w - h.i <= _CAUSE_REACH and w != h.i for w in wars)
            and not any(tables.incident_heads.match(toks, k, PREFIXES, hi) is not None
                        for k in range(h.j, min(hi, h.j + 1)) if k not in wars)]


def _bounds(tables: CountTables, index: TokenIndex, lo: int, hi: int) -> list[int]:
    """Where the sentence's clauses start: at a break word (not one that goes on with the same toll: إضافة إلى
    2400 جريح) or a result opener, and where it ends."""
    toks = index.toks
    breaks = [h.i for h in tables.breaks.scan(index, lo, hi, PREFIXES)
              if tables.continuations.match(toks, h.i, PREFIXES, hi) is None]
    return sorted({lo, hi, *breaks, *(h.i for h in tables.openers.scan(index, lo, hi, PREFIXES))})


def _clause(bounds: list[int], i: int) -> tuple[int, int]:
    """The clause [a, b) of `bounds` that holds token i."""
    k = bisect_right(bounds, i) - 1
    return bounds[k], bounds[k + 1] if k + 1 < len(bounds) else bounds[-1]


def scope_cues(tables: CountTables, index: TokenIndex, lo: int, hi: int, fighting: bool = False) -> ScopeCues:
    """The sentence's cumulative clauses and day windows; a clause ends at a break word (not one that goes on with
    the same toll) or a result opener. `fighting`: the fighting was told running since a start just before."""
    toks = index.toks
    windows = tuple(h.i for h in tables.day_windows.scan(index, lo, hi, PREFIXES))
    one_day = bool(windows) or bool(tables.day_words.scan(index, lo, hi, PREFIXES))
    fighting = fighting and not one_day and not tables.weekdays.scan(index, lo, hi, PREFIXES)
    strong = tables.cumulative.scan(index, lo, hi, PREFIXES) + _since_a_day(tables, index, lo, hi) \
        + _war_causes(tables, index, lo, hi, fighting)
    rises = tables.rises.scan(index, lo, hi, PREFIXES)
    if any(_headed_by_incident(tables, toks, h, hi) for h in rises) or (rises and _toll_of_incident(tables, toks, lo, hi)):
        rises = []
    if not strong and not rises:
        return ScopeCues((), windows, (), one_day)
    bounds = _bounds(tables, index, lo, hi)
    by_strong = {_clause(bounds, h.i) for h in strong}
    by_rise = {_clause(bounds, h.i) for h in rises} - by_strong
    return ScopeCues(tuple(sorted(by_strong | by_rise)), windows, tuple(sorted(by_rise)), one_day)


def running_start(tables: CountTables, index: TokenIndex, span: tuple[int, int], end: int, n: int,
                  before: RunningStart) -> RunningStart:
    """What sentence n (tokens `span`, ending at offset `end`) leaves to the sentences after it: whether it gives a
    since-phrase (منذ بدء، منذ اندلاع، منذ 4 أبريل; not حتى الآن or a total), and whether it tells the fighting
    running since a start (a fighting noun in the clause of such a phrase: معارك … منذ إعلان الهجوم)."""
    lo, hi = span
    toks = index.toks
    at = index.words_in(tables.since)
    if bisect_left(at, lo) == bisect_left(at, hi):
        return RunningStart(-1, before.fighting_at)
    since = [h.i for h in tables.cumulative.scan(index, lo, hi, PREFIXES) if toks[h.i].text in tables.since]
    since += [h.i for h in _since_a_day(tables, index, lo, hi)]
    if not since:
        return RunningStart(-1, before.fighting_at)
    bounds = _bounds(tables, index, lo, hi)
    clauses = {_clause(bounds, i) for i in since}
    told = any(_clause(bounds, h.i) in clauses for h in tables.fighting.scan(index, lo, hi, PREFIXES))
    return RunningStart(end, n if told else before.fighting_at)


def carries_on(tables: CountTables, index: TokenIndex, norm: str, span: tuple[int, int], start: int,
               before: RunningStart) -> bool:
    """Whether a sentence (tokens `span`, from offset `start`) goes on with the running total of a since-phrase
    right before it in its paragraph (… نزح 40 ألفا منذ بدء الهجوم. وقتل 300 شخص وأصيب 1200): it opens with a
    conjunction (وقتل، فقد، كما، فيما) or a toll reaching a figure (بلغت الحصيلة), and names no happening, day or
    scope of its own (an incident head, a day word, a weekday, a day window, a cue of scope)."""
    lo, hi = span
    if before.since_end < 0 or "\n" in norm[before.since_end:start]:
        return False
    toks = index.toks
    first = toks[lo].text
    if tables.carry_openers.match(toks, lo, PREFIXES, hi) is None and not any(
            first.startswith(c) and len(first) - len(c) >= _CLITIC_STEM for c in tables.carry_clitics):
        return False
    cues = scope_cues(tables, index, lo, hi)
    return not (cues.clauses or cues.windows or cues.one_day or tables.weekdays.scan(index, lo, hi, PREFIXES)
                or tables.incident_heads.scan(index, lo, hi, PREFIXES))


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
