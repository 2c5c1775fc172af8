"""Casualty and displacement counts in normalized Arabic text (DESIGN.md §4, §4a)."""

# `CountRecognizer.load()` reads `data/counts.yaml` (rasd.recognize.count_phrases; and `data/numbers.yaml` through
# `NumberRecognizer`); `find(norm, sentences)` returns `CountMatch`es with spans into the normalized text:
#
# - a number (from `NumberRecognizer`) and the noun it counts: a kind noun (40 جريحا) or a group noun
#   (25 مدنيا) whose kind comes from a trigger before it (مقتل 5 مدنيين, ارتفع عدد القتلى إلى 60), a verb
#   after it (9 آلاف شخص نزحوا) or the count it is part of (بينهم 10 أطفال);
# - duals (طبيبان = 2), the singular after a kill/wound word (مقتل مدني = 1) and a bare plural after one
#   (إصابة آخرين = several, vague 3);
# - nesting with بينهم/منهم (`parent`), scope from cumulative cues in the sentence.
#
# Each decision (value, kind, group, nesting, scope, qualifier) is a function of rasd.recognize.count_grammar and
# rasd.recognize.count_resolve; this module walks the sentences.

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from rasd import budget
from rasd.recognize.count_grammar import (
    Candidate,
    CountMatch,
    Frame,
    Grammar,
    Scope,
    noun_at,
    nounless_candidates,
    number_candidate,
)
from rasd.recognize.count_implicit import (
    definite_numeral_candidates,
    dual_verb_candidates,
    numeral_after_noun,
    one_of_candidates,
    ordinal_candidates,
    possessed_candidates,
)
from rasd.recognize.count_phrases import DEFINITE, PREFIXES, CountTables, load_tables
from rasd.recognize.count_resolve import ranks_groups, resolve
from rasd.recognize.count_scope import RunningStart, carries_on, running_start, scope_cues
from rasd.recognize.count_scope import goes_on as _goes_on
from rasd.recognize.numbers import NumberMatch, NumberRecognizer, join_ranges
from rasd.records import replaced
from rasd.text.segment import TokenIndex, tokenize

__all__ = ["CountMatch", "CountRecognizer"]


_AIMED_KINDS = frozenset({"detained", "abducted"})
_AIM_RUNS = frozenset({"ل", "ول", "فل"})


class CountRecognizer:
    """Finds counts in normalized text. Build with `load()`."""

    def __init__(self, numbers: NumberRecognizer, tables: CountTables) -> None:
        self.numbers = numbers
        self.tables = tables
        self.grammar = Grammar(tables, numbers)  # what the decision functions read besides the tokens

    @classmethod
    def load(cls, path: str | None = None, numbers: NumberRecognizer | None = None) -> CountRecognizer:
        """The recognizer of counts.yaml (the packaged one by default) over `numbers` (numbers.yaml's)."""
        tables = load_tables(path)
        return cls(numbers or NumberRecognizer.load(), tables)

    def find(self, norm: str, sentences: list[tuple[int, int]], index: TokenIndex | None = None) -> list[CountMatch]:
        """The counts in normalized text, sentence by sentence; `index` is the text's tokens when already made."""
        if index is None:
            index = TokenIndex(tokenize(norm))
        toks = index.toks
        numbers = join_ranges(norm, self.numbers.find_tokens(norm, index))
        starts = [t.start for t in toks]
        num_starts = [m.start for m in numbers]
        out: list[CountMatch] = []
        prev_cumulative = False
        counted = False  # an earlier sentence gave a figure
        running = RunningStart()  # the since-phrases of the sentences before
        for n, (s, e) in enumerate(sentences):
            budget.check("counts")
            lo = bisect_left(starts, s)
            hi = bisect_left(starts, e)
            if lo >= hi:
                continue
            a, b = bisect_left(num_starts, s), bisect_left(num_starts, e)
            sent_numbers = [m for m in numbers[a:b] if m.end <= e]
            first = len(out)
            self._sentence(norm, index, starts, (lo, hi), sent_numbers, out, running.fighting_runs(n))
            # "… 120 قتيلا. إضافة إلى 300 جريح": a sentence that only goes on with the toll before it (of
            # the same scope, when that was a running total)
            if len(out) > first and counted and _goes_on(self.tables, toks, lo, hi):
                out[first:] = [replaced(c, scope="cumulative" if prev_cumulative else c.scope, goes_on=True)
                               for c in out[first:]]
            elif len(out) > first and carries_on(self.tables, index, norm, (lo, hi), s, running):
                out[first:] = [replaced(c, scope="cumulative") for c in out[first:]]  # منذ بدء الهجوم … . وقتل 300
            running = running_start(self.tables, index, (lo, hi), e, n, running)
            if len(out) > first:
                prev_cumulative = all(c.scope == "cumulative" for c in out[first:])
                counted = True
        # a subset that names no group of its own is of its parent's group (ستة جرحى بينهم اثنان)
        for k, c in enumerate(out):
            if c.parent is not None and c.who == "total":
                out[k] = replaced(c, who=out[c.parent].who)
        return restated_incidents(in_text_order(out))

    def _sentence(self, norm: str, index: TokenIndex, starts: Sequence[int], span: tuple[int, int],
                  nums: list[NumberMatch], out: list[CountMatch], fighting: bool = False) -> None:
        """Appends the counts of the sentence in tokens [lo, hi) to `out`; `fighting`: the fighting was told running
        since a start just before (its definite noun is then a war as a toll's cause)."""
        lo, hi = span
        toks = index.toks
        g = self.grammar
        tables = self.tables
        triggers = tables.before.scan(index, lo, hi, PREFIXES)
        # لاعتقال عناصر، لخطف رهائن: a verbal noun of taking people with the purpose ل is an aim; the people after
        # it are no count of a happening (أدى لمقتل مدنيين: a result noun with ل still counts them)
        trig_end = {h.j: h for h in triggers
                    if not (h.label.rstrip("!") in _AIMED_KINDS and tables.before.run_of(toks[h.i].text) in _AIM_RUNS)}
        cands: list[Candidate] = []
        for m in nums:
            c = number_candidate(g, toks, starts, m, hi)
            if c.date_like:
                continue
            merged = numeral_after_noun(g, toks, c, lo, trig_end)  # مدنيين اثنين
            if merged is not None:
                cands.append(merged)
                continue
            if c.bare and c.value <= 2 and c.i == c.vi > lo and toks[c.vi].kind == "word" \
                    and noun_at(tables, toks, c.vi - 1, hi, definite=False) is not None:
                continue  # a numeral after its noun (أسرة واحدة, طفلين اثنين)
            cands.append(c)
        nouns_at = index.words_in(tables.nouns.starters)
        nouns_here = nouns_at[bisect_left(nouns_at, lo):bisect_left(nouns_at, hi)]  # words no noun starts with: none
        covered: set[int] = set()
        for c in cands:
            covered.update(range(c.i, c.j))
        cands.extend(dual_verb_candidates(g, index, lo, hi, covered))  # قتلتا
        markers = frozenset([*(h.j for h in tables.markers.scan(index, lo, hi, PREFIXES)),
                             *(k + 1 for k in range(lo, hi) if toks[k].text in tables.appositions)])
        cands.extend(one_of_candidates(g, index, lo, hi, covered, markers | frozenset(trig_end)))  # أحد مسعفيه
        cands.extend(ordinal_candidates(g, index, lo, hi, covered, trig_end))  # وشخص ثالث، وأصيب ثالث
        cands.extend(possessed_candidates(g, index, lo, hi, covered, trig_end))  # مقتل قائدها
        if not cands and not nouns_here:
            return  # a sentence with no figure, no count noun, no dual verb and no أحد has no figure
        trig_def = tables.before_definite.scan(index, lo, hi, DEFINITE)
        cands.extend(definite_numeral_candidates(g, toks, lo, hi, nouns_here, covered))  # المدنيين الثلاثة
        figures = frozenset(c.i for c in cands if c.noun is not None)  # a plural before one is a subject
        cands.extend(nounless_candidates(g, toks, lo, hi, nouns_here, covered, trig_end, markers, figures))
        if not cands:
            return  # a sentence with no figure: nothing to scope or nest
        cands.sort(key=lambda c: c.i)
        cues = scope_cues(tables, index, lo, hi, fighting)
        frame = Frame(norm, toks, lo, hi, sorted(triggers + trig_def, key=lambda h: (h.i, h.j)),
                      (Scope.CUMULATIVE if cues.clauses else Scope.INCIDENT)._value_, cues)
        first = len(out)
        resolve(g, frame, index, cands, out)
        ranks_groups(g, frame, index, out, first)


def in_text_order(counts: list[CountMatch]) -> list[CountMatch]:
    """The counts sorted by where they start (a dual verb's members stand before it), parents renumbered."""
    order = sorted(range(len(counts)), key=lambda k: counts[k].start)
    if order == list(range(len(counts))):
        return counts
    new_at = {old: new for new, old in enumerate(order)}
    return [replaced(c, parent=None if c.parent is None else new_at[c.parent])
            for c in (counts[k] for k in order)]


def restated_incidents(counts: list[CountMatch]) -> list[CountMatch]:
    """A toll that only a rise or "latest toll" cue makes cumulative, and that an incident figure of the same kind
    and value told before it restates (أسفر الهجوم عن ثلاثة قتلى … الحصيلة الأخيرة بلغت ثلاثة قتلى), is that
    incident's toll: incident, with its subsets."""
    told = set()
    out = list(counts)
    for k, c in enumerate(out):
        if c.parent is None and c.scope == "incident":
            told.add((c.kind, c.value))
        elif c.parent is None and c.by_rise and (c.kind, c.value) in told:
            out[k] = replaced(c, scope="incident")
        elif c.parent is not None and out[c.parent].scope == "incident" and c.scope == "cumulative" \
                and counts[c.parent].by_rise:
            out[k] = replaced(c, scope="incident")
    return out
