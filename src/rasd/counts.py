"""Casualty and displacement counts in normalized Arabic text (DESIGN.md §4, §4a).

`CountRecognizer.load()` reads `data/counts.yaml` (and `data/numbers.yaml` through `NumberRecognizer`);
`find(norm, sentences)` returns `CountMatch`es with spans into the normalized text:

- a number (from `NumberRecognizer`) and the noun it counts: a kind noun (2243 جريحا) or a group noun
  (62 مدنيا) whose kind comes from a trigger before it (مقتل 5 مدنيين, ارتفع عدد القتلى إلى 120), a verb
  after it (18 ألف شخص نزحوا) or the count it is part of (بينهم 10 أطفال);
- duals (طبيبان = 2), the singular after a kill/wound word (مقتل مدني = 1) and a bare plural after one
  (إصابة آخرين = several, vague 3);
- nesting with بينهم/منهم (`parent`), scope from cumulative cues in the sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rasd.datafiles import ResourceError, load_yaml
from rasd.normalize import normalize_name
from rasd.numbers import NumberMatch, NumberRecognizer
from rasd.segment import Token, TokenIndex, tokenize

_DATA_DIR = Path(__file__).resolve().parent / "data"

# Proclitic runs allowed on the first word of a trigger, marker, cue or break phrase.
_MAX_PREFIX = 4
# kinds that name people by their status (displaced, detained): they can also be the victims of a killing
_STATUS_KINDS = frozenset({"displaced", "detained", "missing"})
_PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "فلل")
_DEFINITE = ("ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "فلل")
_CLAUSE_PUNCT = frozenset(",.;:!?\"'()[]{}-|/")


@dataclass(frozen=True, slots=True)
class CountMatch:
    start: int  # normalized span covering number (+qualifier) and count noun
    end: int
    kind: str  # killed wounded displaced missing detained abducted sick affected
    value: int
    qualifier: str
    who: str  # total civilians children women men fighters medics journalists migrants police other
    scope: str  # incident | cumulative
    parent: int | None  # index into the returned list of the count this one is a subset of
    text: str  # norm[start:end]
    cue: str  # the rule that produced it
    goes_on: bool = False  # its sentence only goes on with the toll told before it (إضافة إلى 2243 جريحا)


@dataclass(frozen=True, slots=True)
class _Noun:
    words: tuple[str, ...]
    kind: str | None  # None for group nouns
    who: str
    form: str  # sg | pl | dual
    unit: bool = False  # counts households (عائلة), not people
    others: bool = False  # آخرين: of the group counted before


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    label: str


@dataclass(frozen=True, slots=True)
class _Hit:
    """A phrase found in the tokens: [i, j) token indices."""

    i: int
    j: int
    label: str


class _PhraseTable:
    """Phrases indexed by their first word; matched with optional proclitics on the first token."""

    def __init__(self, phrases: Iterable[_Phrase]) -> None:
        by_first: dict[str, list[_Phrase]] = {}
        for p in phrases:
            by_first.setdefault(p.words[0], []).append(p)
        self._by_first = {k: sorted(v, key=lambda p: -len(p.words)) for k, v in by_first.items()}
        # the first words with every proclitic run (callers pass subsets of _PREFIXES): one set lookup
        # rejects the other words of a text
        self.starters = frozenset(pre + w for w in self._by_first for pre in _PREFIXES)  # _PREFIXES holds ""

    def may_start(self, word: str) -> bool:
        """False when no phrase can start at this word, whatever proclitics it carries."""
        return word in self.starters

    def match(self, toks: Sequence[Token], i: int, prefixes: Sequence[str] = ("",),
              limit: int | None = None) -> _Hit | None:
        """The longest phrase starting at token i (ending before token `limit`)."""
        end = len(toks) if limit is None else limit
        first = toks[i].text
        if first not in self.starters:
            return None
        best: _Hit | None = None
        for n in range(min(len(first) - 2, _MAX_PREFIX) + 1):
            # a proclitic run of n letters, leaving a stem of two letters or more (lengths tried shortest first)
            if first[n:] not in self._by_first or (first[:n] not in prefixes):
                continue
            for p in self._by_first[first[n:]]:
                j = i + len(p.words)
                if j <= end and all(toks[i + k].text == w for k, w in enumerate(p.words[1:], start=1)):
                    if best is None or j > best.j:
                        best = _Hit(i, j, p.label)
                    break
        return best

    def scan(self, index: TokenIndex, lo: int, hi: int, prefixes: Sequence[str] = ("",)) -> list[_Hit]:
        """The phrases in tokens [lo, hi), left to right, longest first, not overlapping."""
        out: list[_Hit] = []
        toks = index.toks
        at = index.words_in(self.starters)
        i = lo
        for k in at[bisect_left(at, lo):bisect_left(at, hi)]:
            if k < i:
                continue
            h = self.match(toks, k, prefixes, hi)
            if h is not None:
                out.append(h)
                i = h.j
        return out


@dataclass(slots=True)
class _Cand:
    """A count candidate in one sentence (token indices are global)."""

    i: int  # first token (number or qualifier)
    vi: int  # first token of the number itself / the noun for nounless candidates
    j: int  # token after the whole candidate (noun, من-phrase, post qualifier)
    nj: int  # token after the number and its noun (where an after-trigger may start)
    start: int
    end: int
    value: int
    qualifier: str
    noun: _Noun | None
    who: str
    cue: str
    bare: bool = False  # a number with no noun after it
    extra_kinds: tuple[str, ...] = ()
    date_like: bool = False


@dataclass(slots=True)
class _Nesting:
    stack: list[tuple[int, int]] = field(default_factory=list)  # (parent index, paren depth)
    depth: int = 0


def _strs(value: Any, shown: str, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(shown, f"{what} must be a list of non-empty strings", line=_line_of(shown, what))
    return [str(v) for v in value]


def _line_of(shown: str, needle: str) -> int | None:
    try:
        for k, ln in enumerate(Path(shown).read_text(encoding="utf-8").splitlines(), start=1):
            if needle.split(".")[0] in ln:
                return k
    except OSError:
        return None
    return None


def _words(s: str) -> tuple[str, ...]:
    return tuple(normalize_name(s).split())


class CountRecognizer:
    """Finds counts in normalized text. Build with `load()`."""

    def __init__(self, numbers: NumberRecognizer, nouns: Sequence[_Noun], of_groups: Sequence[_Phrase],
                 before: Sequence[_Phrase], after: Sequence[_Phrase], followers: Iterable[str],
                 markers: Sequence[_Phrase], breaks: Sequence[_Phrase], cumulative: Sequence[_Phrase],
                 nisba: Sequence[str] = (), adjacent: Sequence[_Phrase] = (),
                 continuations: Sequence[_Phrase] = ()) -> None:
        self.numbers = numbers
        self._continuations = _PhraseTable(continuations)
        self._nouns = _PhraseTable(_Phrase(n.words, str(k)) for k, n in enumerate(nouns))
        self._noun_list = tuple(nouns)
        self._of_groups = _PhraseTable(of_groups)
        # Definite kind nouns (القتلى, الجرحى) announce the kind of a number after them.
        definite = [_Phrase(n.words, n.kind) for n in nouns if n.kind is not None and n.form != "dual"]
        self._before = _PhraseTable([*before, *(_Phrase(p.words, p.label + "!") for p in adjacent)])
        self._before_definite = _PhraseTable(definite)
        self._after = _PhraseTable(after)
        self._followers = frozenset(followers)
        self._markers = _PhraseTable(markers)
        self._breaks = _PhraseTable(breaks)
        self._cumulative = _PhraseTable(cumulative)
        self._nisba = tuple(nisba)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | None = None, numbers: NumberRecognizer | None = None) -> CountRecognizer:
        data, shown = load_yaml(path or _DATA_DIR / "counts.yaml", schema="counts")
        if not isinstance(data, dict):
            raise ResourceError(shown, "top level must be a mapping")
        for key in ("kinds", "who", "kind_nouns", "groups", "of_groups", "triggers_before", "triggers_after",
                    "bare_followers", "nest_markers", "breaks", "cumulative"):
            if key not in data:
                raise ResourceError(shown, f"missing key {key!r}")
        kinds = set(_strs(data["kinds"], shown, "kinds"))
        whos = set(_strs(data["who"], shown, "who"))
        nouns: list[_Noun] = []
        seen: dict[tuple[str, ...], str] = {}
        for section, has_kind in (("kind_nouns", True), ("groups", False)):
            entries = data[section]
            if not isinstance(entries, list):
                raise ResourceError(shown, f"{section} must be a list", line=_line_of(shown, section))
            for e in entries:
                if not isinstance(e, dict):
                    raise ResourceError(shown, f"{section}: bad entry {e!r}", line=_line_of(shown, section))
                kind = e.get("kind") if has_kind else None
                who = e.get("who")
                forms = [f for f in ("sg", "pl", "dual") for _ in _strs(e.get(f), shown, f"{section}")]
                where = _line_of(shown, str((e.get("sg") or e.get("pl") or [section])[0]))
                if has_kind and kind not in kinds:
                    raise ResourceError(shown, f"{section}: unknown kind {kind!r}", line=where)
                if who not in whos:
                    raise ResourceError(shown, f"{section}: unknown who {who!r}", line=where)
                if not forms:
                    raise ResourceError(shown, f"{section}: entry without forms", line=where)
                for form in ("sg", "pl", "dual"):
                    for w in _strs(e.get(form), shown, section):
                        words = _words(w)
                        if words in seen:
                            raise ResourceError(shown, f"{section}: {w!r} listed twice", line=_line_of(shown, w))
                        seen[words] = form
                        nouns.append(_Noun(words, kind, str(who), form, bool(e.get("unit", False)),
                                           bool(e.get("others", False))))

        def labelled(section: str, allowed: set[str]) -> list[_Phrase]:
            sec = data[section]
            if not isinstance(sec, dict):
                raise ResourceError(shown, f"{section} must map a label to a list", line=_line_of(shown, section))
            out: list[_Phrase] = []
            for label, phrases in sec.items():
                if label not in allowed:
                    raise ResourceError(shown, f"{section}: unknown label {label!r}", line=_line_of(shown, str(label)))
                out.extend(_Phrase(_words(p), str(label)) for p in _strs(phrases, shown, section))
            return out

        def plain(section: str, label: str) -> list[_Phrase]:
            return [_Phrase(_words(p), label) for p in _strs(data[section], shown, section)]

        return cls(
            numbers or NumberRecognizer.load(),
            nouns,
            labelled("of_groups", whos),
            labelled("triggers_before", kinds),
            labelled("triggers_after", kinds),
            [normalize_name(w) for w in _strs(data["bare_followers"], shown, "bare_followers")],
            plain("nest_markers", "nest"),
            plain("breaks", "break"),
            plain("cumulative", "cumulative"),
            [normalize_name(w) for w in _strs(data.get("nisba_suffixes"), shown, "nisba_suffixes")],
            labelled("triggers_adjacent", kinds) if "triggers_adjacent" in data else [],
            plain("continuations", "continuation") if "continuations" in data else [],
        )

    # ------------------------------------------------------------------ helpers
    def _noun_at(self, toks: Sequence[Token], i: int, hi: int, definite: bool) -> tuple[_Noun, int] | None:
        if i >= hi or toks[i].kind != "word":
            return None
        if not self._nouns.may_start(toks[i].text):
            return None
        prefixes: tuple[str, ...] = ("", *_DEFINITE) if definite else ("",)
        h = self._nouns.match(toks, i, prefixes, hi)
        if h is None:
            return None
        return self._noun_list[int(h.label)], h.j

    def _of_group_at(self, toks: Sequence[Token], i: int, hi: int) -> tuple[str, int] | None:
        """(who, token after) for "من" + a group phrase at token i."""
        if i + 1 >= hi or toks[i].text != "من":
            return None
        h = self._of_groups.match(toks, i + 1, ("",), hi)
        if h is not None:
            return h.label, h.j
        n = self._noun_at(toks, i + 1, hi, definite=True)
        if n is not None and n[0].kind is None and n[0].who != "total":
            return n[0].who, n[1]
        return None

    def _bare_ok(self, toks: Sequence[Token], j: int, hi: int) -> bool:
        """Whether a number without a noun may end before token j (what follows is not another noun)."""
        if j >= hi:
            return True
        t = toks[j]
        if t.kind in ("punct", "latin"):  # a sign or a word in Latin letters
            return t.text not in ("%",)
        if t.kind == "number":
            return False
        if t.text in self._followers:
            return True
        if self._markers.match(toks, j, _PREFIXES, hi) is not None:
            return True
        if self._before.match(toks, j, _PREFIXES, hi) is not None:
            return True
        return t.text[0] == "و" and len(t.text) > 2

    # ------------------------------------------------------------------ main
    def find(self, norm: str, sentences: list[tuple[int, int]], index: TokenIndex | None = None) -> list[CountMatch]:
        """The counts in normalized text, sentence by sentence; `index` is the text's tokens when already made."""
        if index is None:
            index = TokenIndex(tokenize(norm))
        toks = index.toks
        numbers = self.numbers.find_tokens(norm, index)
        starts = [t.start for t in toks]
        num_starts = [m.start for m in numbers]
        out: list[CountMatch] = []
        prev_cumulative = False
        counted = False  # an earlier sentence gave a figure
        for s, e in sentences:
            lo = bisect_left(starts, s)
            hi = bisect_left(starts, e)
            if lo >= hi:
                continue
            a, b = bisect_left(num_starts, s), bisect_left(num_starts, e)
            sent_numbers = [m for m in numbers[a:b] if m.end <= e]
            first = len(out)
            self._sentence(norm, index, starts, lo, hi, sent_numbers, out)
            # "… 457 قتيلا. إضافة إلى 2243 جريحا": a sentence that only goes on with the toll before it (of
            # the same scope, when that was a running total)
            if len(out) > first and counted and self._continuations.match(toks, lo, _PREFIXES, hi):
                out[first:] = [replace(c, scope="cumulative" if prev_cumulative else c.scope, goes_on=True)
                               for c in out[first:]]
            if len(out) > first:
                prev_cumulative = all(c.scope == "cumulative" for c in out[first:])
                counted = True
        # a subset that names no group of its own is of its parent's group (سبعة متظاهرين بينهم اثنان)
        for k, c in enumerate(out):
            if c.parent is not None and c.who == "total":
                out[k] = replace(c, who=out[c.parent].who)
        return out

    def _number_candidate(self, toks: Sequence[Token], starts: Sequence[int], m: NumberMatch, hi: int) -> _Cand:
        i = _token_containing(starts, toks, m.start)
        vi = _token_containing(starts, toks, m.value_start)
        vj = _token_containing(starts, toks, m.value_end - 1) + 1
        j = _token_containing(starts, toks, m.end - 1) + 1
        vague = m.qualifier == "vague"
        noun: _Noun | None = None
        qualifier = m.qualifier
        who = "total"
        end = m.end
        extra: tuple[str, ...] = ()
        # post-number qualifier consumed: the noun cannot follow it; a quote may stand between (5 "رجال")
        k = j if j == vj else hi
        if k < hi - 1 and toks[k].text in ('"', "'"):
            k += 1
        found = self._noun_at(toks, k, hi, definite=vague)
        if found is None and vague and k < hi and toks[k].text == "من":
            found = self._noun_at(toks, k + 1, hi, definite=True)
        if found is None and k < hi and toks[k].text == "من":
            og = self._of_group_at(toks, k, hi)
            if og is not None:
                who, j = og
                end = toks[j - 1].end
        if found is None and k < hi and toks[k].kind == "word" and len(toks[k].text) > 4 \
                and toks[k].text.endswith(self._nisba) and self._before.match(toks, k, _PREFIXES, hi) is None:
            # 8 عراقيين (مدنيين): a nisba plural, maybe followed by the group noun it describes
            found = self._noun_at(toks, k + 1, hi, definite=False)
            if found is None or found[0].kind is not None:
                found = (_Noun((toks[k].text,), None, "total", "pl"), k + 1)
        if found is not None:
            noun, j = found
            who = noun.who
            end = toks[j - 1].end
            # قتلى وجرحى: a second kind noun joined with و
            if noun.kind is not None and j < hi and toks[j].text.startswith("و"):
                w = toks[j].text[1:]
                for pre in ("", "ال"):
                    second = self._nouns.match([Token(w[len(pre):], 0, 0, "word")], 0) if w.startswith(pre) else None
                    if second is not None:
                        n2 = self._noun_list[int(second.label)]
                        if n2.kind is not None and n2.kind != noun.kind and second.j == 1:
                            extra = (n2.kind,)
                            end = toks[j].end
                            j += 1
                            break
        nj = j
        if noun is not None or who != "total":
            og = self._of_group_at(toks, j, hi)
            if og is not None and (who == "total" or noun is None):
                who, j = og
                end = toks[j - 1].end
            if qualifier != "vague":
                qa = self.numbers.qualifier_after(toks, j)
                if qa is not None and qa[1] <= hi:
                    qualifier = qa[0]
                    j = qa[1]
                    end = toks[j - 1].end
        bare = noun is None and who == "total"
        return _Cand(i, vi, j, max(nj, j if bare else nj), m.start, end, m.value, qualifier, noun, who,
                     "number_noun" if noun is not None else ("number_of_group" if who != "total" else "bare_number"),
                     bare=bare, extra_kinds=extra, date_like=m.date_like)

    def _sentence(self, norm: str, index: TokenIndex, starts: Sequence[int], lo: int, hi: int,
                  nums: list[NumberMatch], out: list[CountMatch]) -> None:
        toks = index.toks
        cands: list[_Cand] = []
        for m in nums:
            c = self._number_candidate(toks, starts, m, hi)
            if c.date_like:
                continue
            if c.bare and c.value <= 2 and c.i == c.vi > lo and toks[c.vi].kind == "word" \
                    and self._noun_at(toks, c.vi - 1, hi, definite=False) is not None:
                continue  # a numeral after its noun (عائلة واحدة, شخصين اثنين)
            cands.append(c)
        nouns_at = index.words_in(self._nouns.starters)
        nouns_here = nouns_at[bisect_left(nouns_at, lo):bisect_left(nouns_at, hi)]  # words no noun starts with: none
        if not cands and not nouns_here:
            return  # a sentence with no number and no count noun has no figure
        covered: set[int] = set()
        for c in cands:
            covered.update(range(c.i, c.j))
        triggers = self._before.scan(index, lo, hi, _PREFIXES)
        trig_def = self._before_definite.scan(index, lo, hi, _DEFINITE)
        trig_end = {h.j: h for h in triggers}
        # duals, singulars and bare plurals: nouns not counted by a number
        next_i = lo
        for i in nouns_here:
            if i < next_i or i in covered:
                continue
            next_i = i + 1
            found = self._noun_at(toks, i, hi, definite=False)
            skip = 0
            if found is None and toks[i].text.startswith("و"):
                h = self._nouns.match(toks, i, ("و",), hi)
                if h is not None:
                    found, skip = (self._noun_list[int(h.label)], h.j), 1
            if found is None or found[0].unit:
                continue
            noun, j = found
            n_start = toks[i].start + skip
            if any(k in covered for k in range(i, j)):
                continue
            t_before = trig_end.get(i)
            after = self._after.match(toks, j, ("",), hi) if j < hi else None
            cand: _Cand | None = None
            if noun.form == "dual":
                cand = _Cand(i, i, j, j, n_start, toks[j - 1].end, 2, "exact", noun, noun.who, "dual")
            elif noun.form == "sg" and not skip and (t_before is not None or after is not None):
                cand = _Cand(i, i, j, j, n_start, toks[j - 1].end, 1, "exact", noun, noun.who, "singular")
            elif noun.form == "pl" and not skip and t_before is not None and noun.kind is None:
                cand = _Cand(i, i, j, j, n_start, toks[j - 1].end, 3, "vague", noun, noun.who, "bare_plural")
            if cand is not None:
                qa = self.numbers.qualifier_after(toks, j)
                if qa is not None and cand.qualifier != "vague" and qa[1] <= hi:
                    cand.qualifier, cand.j = qa[0], qa[1]
                    cand.end = toks[qa[1] - 1].end
                cands.append(cand)
                covered.update(range(i, cand.j))
            next_i = j
        if not cands:
            return  # a sentence with no figure: nothing to scope or nest
        cands.sort(key=lambda c: c.i)
        scope = "cumulative" if self._cumulative.scan(index, lo, hi, _PREFIXES) else "incident"
        self._resolve(norm, index, lo, hi, cands, sorted(triggers + trig_def, key=lambda h: (h.i, h.j)), scope, out)

    def _resolve(self, norm: str, index: TokenIndex, lo: int, hi: int, cands: list[_Cand],
                 triggers: list[_Hit], scope: str, out: list[CountMatch]) -> None:
        toks = index.toks
        markers = self._markers.scan(index, lo, hi, _PREFIXES)
        breaks = self._breaks.scan(index, lo, hi, _PREFIXES)
        # events in token order: (position, order, payload)
        events: list[tuple[int, int, Any]] = []
        events.extend((h.i, 0, ("break", h)) for h in breaks)
        events.extend((h.i, 1, ("trigger", h)) for h in triggers)
        events.extend((h.i, 2, ("marker", h)) for h in markers)
        for k in range(lo, hi):
            if toks[k].text in "()":
                events.append((k, 3, ("paren", toks[k].text)))
        events.extend((c.i, 4, ("cand", c)) for c in cands)
        events.sort(key=lambda ev: (ev[0], ev[1]))
        nest = _Nesting()
        prev: tuple[_Cand, int] | None = None  # last candidate and its output index
        last_break = lo
        for pos, _, (what, item) in events:
            if what == "break":
                nest.stack.clear()
                last_break = item.j
            elif what == "trigger":
                if not any(c.i <= pos < c.j for c in cands):
                    nest.stack.clear()
            elif what == "marker":
                if prev is not None and not any(c.i <= pos < c.j for c in cands):
                    nest.stack.append((prev[1], nest.depth))
            elif what == "paren":
                if item == "(":
                    nest.depth += 1
                else:
                    nest.depth = max(0, nest.depth - 1)
                    while nest.stack and nest.stack[-1][1] > nest.depth:
                        nest.stack.pop()
            else:
                c: _Cand = item
                idx = self._emit(norm, toks, lo, hi, c, triggers, nest, prev, last_break, scope, out)
                if idx is not None:
                    prev = (c, idx)

    def _emit(self, norm: str, toks: Sequence[Token], lo: int, hi: int, c: _Cand, triggers: list[_Hit],
              nest: _Nesting, prev: tuple[_Cand, int] | None, last_break: int, scope: str,
              out: list[CountMatch]) -> int | None:
        parent: int | None = None
        kinds: tuple[str, ...] = ()
        cue = c.cue
        if nest.stack:
            p_idx = nest.stack[-1][0]
            p = out[p_idx]
            own = c.noun.kind if c.noun is not None else None
            if (own is None or own == p.kind) and c.value <= p.value:
                parent = p_idx
                kinds = (p.kind,)
                scope = p.scope
            else:
                nest.stack.clear()
        if not kinds and c.noun is not None and c.noun.kind in _STATUS_KINDS:
            # "قتل 14 نازحا", "مقتل 3 معتقلين": a killing verb right before the figure makes the displaced or the
            # detained its victims
            adjacent = [h for h in triggers if h.j == c.i and h.i >= last_break]
            if adjacent:
                tk = self._trigger_kinds(toks, adjacent[-1], triggers)
                if tk and tk[0] in ("killed", "wounded"):
                    kinds = (tk[0],)
                    c.who = "civilians" if c.noun.kind == "displaced" else "other"
                    cue += "+victims"
        if not kinds and c.noun is not None and c.noun.kind is not None and c.noun.kind != "affected":
            kinds = (c.noun.kind, *c.extra_kinds)
        if not kinds:
            before = [h for h in triggers if h.j <= c.i and h.i >= last_break
                      and (not h.label.endswith("!") or h.j == c.i)]
            if prev is not None and prev[0].j <= c.i:
                between = [h for h in before if h.i >= prev[0].j]
                gap = toks[prev[0].j:c.i]
                linked = all(t.text in (",", "و", "-", ";") for t in gap) and (
                    bool(gap) or toks[c.i].text.startswith("و"))
                if not between and linked and c.cue != "singular":
                    kinds = (out[prev[1]].kind,)
                    cue += "+list"
                before = between or [h for h in before if h.j <= prev[0].i]
            near = before[-1] if before and c.i - before[-1].j <= 6 else None
            gap_len = c.i - near.j if near is not None else 99
            after = None if c.bare else self._after_trigger(toks, c.nj, hi)
            if kinds:
                pass
            elif near is not None and (gap_len == 0 or (gap_len <= 2 and (after is None or after[1] > 0))):
                kinds = self._trigger_kinds(toks, near, triggers)
            elif after is not None:
                kinds = (after[0],)
                cue += "+after"
            elif near is not None and (not c.bare or gap_len <= 3):
                kinds = self._trigger_kinds(toks, near, triggers)
        if not kinds and c.noun is not None and c.noun.kind is not None:
            kinds = (c.noun.kind, *c.extra_kinds)  # ضحايا with nothing to say which kind: affected
        if not kinds:
            return None
        if c.bare and c.qualifier == "vague" and c.value < 12:
            return None  # عدة, بعض, عدد من need a noun (مناطق عدة is not a count)
        if c.bare and c.value <= 2 and toks[c.vi].kind == "word" and parent is None \
                and not any(h.j == c.i for h in triggers):
            return None  # يوم واحد: a numeral word after some other noun
        if c.bare and not self._bare_ok(toks, c.j, hi):
            return None  # a nounless number must not be followed by some other noun (24 ساعة)
        if c.cue == "bare_number" and parent is None:
            before = [h for h in triggers if h.j <= c.i and h.i >= last_break and c.i - h.j <= 3]
            if not before and not cue.endswith("+list"):
                return None
        who = c.who
        if c.noun is not None and c.noun.others and prev is not None:
            who = out[prev[1]].who
        elif c.cue.startswith("number_") and c.who != "total" and (c.noun is None or c.noun.who == "total") \
                and prev is not None and prev[0].j <= c.i and out[prev[1]].who == "total" \
                and out[prev[1]].parent == parent \
                and all(t.text in (",", "و") for t in toks[prev[0].j:c.i]):
            # 40 قتيلا و35 جريحا من المهاجرين: the من-group is of the whole list
            for k in range(prev[1], len(out)):
                out[k] = replace(out[k], who=c.who)
        first_idx: int | None = None
        for kind in kinds:
            out.append(CountMatch(c.start, c.end, kind, c.value, c.qualifier, who, scope, parent,
                                  norm[c.start:c.end], cue))
            if first_idx is None:
                first_idx = len(out) - 1
        return first_idx

    def _after_trigger(self, toks: Sequence[Token], j: int, hi: int) -> tuple[str, int] | None:
        """(kind, distance in tokens) of a verb or phrase after a counted noun (نزحوا, قتلوا)."""
        for k in range(j, min(hi, j + 5)):
            t = toks[k]
            if t.kind != "word":
                return None
            h = self._after.match(toks, k, ("",), hi)
            if h is not None:
                return h.label, k - j
            if self._before.match(toks, k, _PREFIXES, hi) is not None:
                return None
        return None

    @staticmethod
    def _trigger_kinds(toks: Sequence[Token], near: _Hit, triggers: list[_Hit]) -> tuple[str, ...]:
        """The kind of a trigger, and of a trigger joined to it before with و (مقتل وإصابة)."""
        kinds = [near.label.rstrip("!")]
        for h in triggers:
            if h.j == near.i and toks[near.i].text.startswith("و") and h.label.rstrip("!") not in kinds \
                    and (h.i == 0 or toks[h.i - 1].kind != "word" or toks[h.i - 1].text in ("عن", "الي", "في")):
                kinds.insert(0, h.label.rstrip("!"))
        return tuple(kinds)


def _token_containing(starts: Sequence[int], toks: Sequence[Token], pos: int) -> int:
    k = bisect_left(starts, pos + 1) - 1
    return max(0, k)
