"""A sentence's count candidates resolved in token order into counts: nesting, kind, admission and group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd import budget
from rasd.recognize.count_grammar import (
    NO_CUES,
    STATUS_KINDS,
    Before,
    Candidate,
    CountCue,
    CountMatch,
    Frame,
    Grammar,
    KindDecision,
    KindSource,
    Nesting,
    Rejection,
    Scope,
    after_trigger,
    bare_ok,
    decide_nesting,
    noun_at,
    of_group_at,
    trigger_kinds,
)
from rasd.recognize.count_phrases import DEFINITE, PREFIXES, CountTables, Hit
from rasd.recognize.count_scope import by_rise_only, displacement_runs, figure_scope
from rasd.recognize.count_subjects import SUBJECT_WORDS, subject_of_figure
from rasd.records import replaced
from rasd.text.segment import Token, TokenIndex

_LIST_GLUE = (",", "و", "-", ";")  # what may stand between two figures of one list


@dataclass(slots=True, init=False)  # __init__ written out (rasd.records)
class OpenLists:
    """The subset lists open in a sentence: (parent index, parenthesis depth) per بينهم/منهم, and the depth."""

    stack: list[tuple[int, int]] = field(default_factory=list, init=False)
    depth: int = 0

    def __init__(self, depth: int = 0) -> None:
        self.stack = []
        self.depth = depth

    def paren(self, text: str) -> None:
        """A parenthesis: "(" opens a level; ")" closes it and the lists opened inside it."""
        if text == "(":
            self.depth += 1
            return
        self.depth = max(0, self.depth - 1)
        while self.stack and self.stack[-1][1] > self.depth:
            self.stack.pop()


# ------------------------------------------------------------------ kind
def victims_kind(frame: Frame, c: Candidate, before: Before) -> KindDecision | None:
    """The kind of the displaced or detained killed or wounded: a killing verb right before the figure."""
    # قتل 14 نازحا, مقتل 3 معتقلين: the victims are the displaced (civilians) or the detained (other)
    if c.noun is None or c.noun.kind not in STATUS_KINDS:
        return None
    adjacent = [h for h in frame.at.ending_at(c.i) if h.i >= before.last_break]
    last = frame.at.last_before(c.i, before.last_break, c.i) if not adjacent else None
    if last is not None and past_subject(frame, c, last):
        adjacent = [last]  # أعدم مسلحون 7 أسرى: the verb's subject stands between it and its figure
    if not adjacent:
        return None
    tk = trigger_kinds(frame.toks, adjacent[-1], frame.at)
    if tk and tk[0] in ("killed", "wounded"):
        return KindDecision((tk[0],), KindSource.VICTIMS, "civilians" if c.noun.kind == "displaced" else "other")
    return None


def past_subject(frame: Frame, c: Candidate, last: Hit) -> bool:
    """The trigger's own verb has the figure as its object past its subject (أعدم مسلحون 7 أسرى، قتل مسلحون يشتبه في
    انتمائهم إلى جماعة متشددة 12 مزارعا): the trigger speaks for the figure however far its subject runs."""
    return c.i - last.j <= SUBJECT_WORDS and not frame.toks[last.j].text.startswith("ال") \
        and subject_of_figure(frame.toks, last.j + 1, frame.hi, frozenset({c.i}))


def list_kind(frame: Frame, c: Candidate, before: Before, last: Hit | None,
              restatements: frozenset[str] = frozenset()) -> tuple[Hit | None, str | None]:
    """The last trigger still speaking for a candidate after the previous count (`last`: the last trigger before
    it), and that count's kind if it continues."""
    # قتل 12 مدنيا و4 أطفال: the second figure continues the list of the first (joined by و or a comma, with
    # no trigger between); a singular does not continue a list
    prev = before.prev
    if prev is None or prev.j > c.i or before.prev_match is None:
        return last, None
    between = last is not None and last.i >= prev.j  # (the triggers are in order of their start)
    gap = frame.toks[prev.j:c.i]
    linked = all(t.text in _LIST_GLUE for t in gap) and (bool(gap) or frame.toks[c.i].text.startswith("و"))
    linked = linked or (not c.bare and of_phrase_gap(gap, frame.toks[c.i].text))
    # 900 أسرة، أي ما يعادل 4500 شخص: the same figure told again in other units
    linked = linked or " ".join(t.text for t in gap if t.kind != "punct") in restatements
    kind = before.prev_match.kind if not between and linked and c.cue != CountCue.SINGULAR else None
    return last if between else frame.at.last_before(prev.i, before.last_break, c.i), kind


def of_phrase_gap(gap: Sequence[Token], figure: str) -> bool:
    """Whether the words between two figures are the first one's من-group and و, so the second goes on with its
    list (قتل 16 عنصرا من القوات الحكومية اليمنية و23 من مسلحي الجماعة): من, then at most five words of a definite
    phrase (each word definite, بال/لل too, or in a construct before one: قوات الجيش الوطني، مسلحي جماعة
    الحوثي، الوحدة التابعة للجيش), then و."""
    if figure.startswith("و"):
        words = gap
    elif gap and gap[-1].text == "و":
        words = gap[:-1]
    else:
        return False
    if not 2 <= len(words) <= 6 or words[0].text != "من":
        return False
    phrase = words[1:]
    return all(t.kind == "word" and (t.text.startswith(DEFINITE) or (k + 1 < len(phrase)
                                                                      and phrase[k + 1].text.startswith(DEFINITE)))
               for k, t in enumerate(phrase))


def elided_noun(tables: CountTables, frame: Frame, c: Candidate, before: Before, last: Hit | None) -> bool:
    """Whether a number without a noun, joined with و and followed by في, tells the count before it again for
    another place, its noun left out (قتل أربعة مدنيين في بلدة أ وثلاثة في مدينة ب): that count was followed by في
    too, at most six words stand between them, and no trigger or other figure."""
    prev, toks = before.prev, frame.toks
    if prev is None or not c.bare or prev.bare or c.j >= frame.hi or toks[c.j].text not in tables.places_after:
        return False
    if not toks[c.i].text.startswith("و") and toks[c.i - 1].text != "و":
        return False
    gap = toks[prev.j:c.i]
    return 0 < len(gap) <= 6 and gap[0].text in tables.places_after and (last is None or last.i < prev.i) \
        and not any(t.kind == "number" for t in gap)


def context_kind(g: Grammar, frame: Frame, c: Candidate, before: Before) -> KindDecision | None:
    """The kind from around a figure without a kind noun: its list, a trigger before it, a verb after its noun."""
    # the list it continues; a trigger close before it (مقتل 4 مدنيين) unless a verb follows the noun at once;
    # a verb after the noun (8 أشخاص قتلوا); a trigger farther back last
    last = frame.at.last_before(c.i, before.last_break, c.i)  # a "!" trigger only right before the figure
    last, listed = list_kind(frame, c, before, last, g.tables.restatements)
    if listed is not None:
        return KindDecision((listed,), KindSource.LIST, c.who)
    if before.prev_match is not None and elided_noun(g.tables, frame, c, before, last):
        return KindDecision((before.prev_match.kind,), KindSource.LIST, before.prev_match.who)
    near = last if last is not None and (c.i - last.j <= 6 or past_subject(frame, c, last)) else None
    gap_len = c.i - near.j if near is not None else 99
    after = after_trigger(g.tables, frame.toks, c.nj, frame.hi)
    if c.bare and after is not None and after[1] > 0:
        after = None  # a number without a noun takes a verb only right after it (عشرات الآلاف جرى تشريدهم)
    if near is not None and (gap_len == 0 or (gap_len <= 2 and (after is None or after[1] > 0))):
        return KindDecision(trigger_kinds(frame.toks, near, frame.at, g.tables), KindSource.TRIGGER, c.who)
    if after is not None:
        return KindDecision((after[0],), KindSource.AFTER, c.who)  # a verb right after the noun beats a far trigger
    if near is not None and (not c.bare or gap_len <= 3):
        return KindDecision(trigger_kinds(frame.toks, near, frame.at), KindSource.TRIGGER, c.who)
    subject = toll_subject(g, frame, c, before)
    if subject is not None:
        return KindDecision(trigger_kinds(frame.toks, subject, frame.at), KindSource.TRIGGER, c.who)
    return None


def toll_subject(g: Grammar, frame: Frame, c: Candidate, before: Before) -> Hit | None:
    """The kind trigger of a toll's subject (عدد قتلى, حصيلة القتلى) for a figure after one of its predicates
    (ارتفع عدد قتلى الهجوم على الحافلة إلى 14; بلغ عدد الجرحى في المدينة نحو 70), up to 14 words back in the
    same clause."""
    tables, toks = g.tables, frame.toks
    h = frame.at.last_before(c.i, before.last_break, -1)
    if h is None or c.i - h.j > 14:
        return None
    subjects, predicates = tables.toll_subjects, tables.toll_predicates
    at = next((k for k in (h.i, h.i - 1) if k >= before.last_break
               and any(toks[k].text[len(pre):] in subjects for pre in PREFIXES if toks[k].text.startswith(pre))), None)
    if at is None:
        return None
    # بلغ عدد الجرحى … نحو 70: a predicate before the subject governs the first figure after it only
    ahead = at > before.last_break and toks[at - 1].text.removeprefix("و") in predicates \
        and (before.prev is None or before.prev.i < at)
    return h if toks[c.i - 1].text in predicates or ahead else None


def decide_kind(g: Grammar, frame: Frame, c: Candidate, before: Before, nesting: Nesting) -> KindDecision | None:
    """The kinds of a candidate and what decided them; None when nothing says its kind."""
    # in order: its parent's, a killing of the displaced, its own kind noun, the context, and last a kind noun
    # that says only "affected" (ضحايا)
    if nesting.parent is not None:
        return KindDecision((nesting.kind,), KindSource.PARENT, c.who)
    victims = victims_kind(frame, c, before)
    if victims is not None:
        return victims
    own = c.noun.kind if c.noun is not None else None
    if own is not None and own != "affected":
        return KindDecision((own, *c.extra_kinds), KindSource.NOUN, c.who)
    found = context_kind(g, frame, c, before)
    if found is not None:
        return found
    if own is not None:
        return KindDecision((own, *c.extra_kinds), KindSource.NOUN_ONLY, c.who)
    return None


# ------------------------------------------------------------------ admission
def reject(g: Grammar, frame: Frame, c: Candidate, before: Before, nesting: Nesting,
           source: KindSource) -> Rejection | None:
    """Why a candidate with a kind is still no count (a nounless number that counts something else), or None."""
    toks = frame.toks
    if c.bare and c.qualifier == "vague" and c.value < 12:
        return Rejection.VAGUE_WITHOUT_NOUN  # عدة, بعض, عدد من need a noun (مناطق عدة is not a count)
    if changed_from(g.tables, frame, c, before):
        return Rejection.CHANGED_FROM  # ارتفع عدد القتلى من 10 إلى 15: the toll before the rise
    if carried_out_by(g.tables, frame, c):
        return Rejection.AGENTS  # هجوم نفذه عنصران من التنظيم: the attackers
    if c.bare and c.value <= 2 and toks[c.vi].kind == "word" and nesting.parent is None \
            and c.i not in frame.at.by_end and not (source == KindSource.LIST and toks[c.vi].text.startswith("و")):
        return Rejection.NUMERAL_AFTER_NOUN  # ليلة واحدة: a numeral word after some other noun (not واثنان في …)
    if source == KindSource.AFTER:
        return None  # the verb right after it says what it counts (المئات نزحوا)
    if c.bare and not bare_ok(g.tables, toks, c.j, frame.hi):
        return Rejection.OTHER_NOUN_AFTER  # a nounless number must not be followed by some other noun (48 ساعة)
    if c.cue == CountCue.BARE_NUMBER and nesting.parent is None and source != KindSource.LIST:
        # a bare number needs a trigger at most 3 tokens before it (ارتفعت حصيلة القتلى إلى 75)
        if not any(h.i >= before.last_break for j in range(c.i - 3, c.i + 1) for h in frame.at.ending_at(j)) \
                and toll_subject(g, frame, c, before) is None:
            return Rejection.NO_TRIGGER_NEAR
    return None


# ------------------------------------------------------------------ group
def decide_who(c: Candidate, who: str, before: Before, out: Sequence[CountMatch] = (),
               said: tuple[str, str] | None = None) -> str:
    """The group of a count: what the words after it say (`said`: "whole" or "majority" and a group); else آخرين
    takes the group of the top-level count before it (3 قتلى وإصابة 5 آخرين; 345 شخصا، منهم 22 مدنيا، وأصيب 1652
    آخرين: of the 345, not of the 22) unless a subset of another group follows it; else its own."""
    if said is not None and said[0] == "whole":
        return said[1]
    if said is not None and said[0] == "majority":
        return "total"  # 48 آخرون، معظمهم أطفال: most, so not all, are of one group
    pm = before.prev_match
    if c.noun is None or not c.noun.others or pm is None:
        return who
    while pm.parent is not None and pm.parent < len(out):
        pm = out[pm.parent]
    if said is not None and _other_group(said[1], pm.who):
        return "total"  # مقتل جنديين وجرح 9 آخرين بينهم 4 أطفال: the others are not all soldiers
    return pm.who


_DEMOGRAPHIC = frozenset({"women", "children", "men"})  # groups that may be part of civilians, migrants …
_ARMED = frozenset({"fighters", "police"})


def _other_group(subset: str, group: str) -> bool:
    """Whether a subset's group cannot be part of a count's group (children of soldiers; police of protesters),
    where women or children may be civilians or migrants."""
    if subset in (group, "total"):
        return False
    return subset not in _DEMOGRAPHIC or group in _ARMED


def group_said_after(g: Grammar, frame: Frame, c: Candidate) -> tuple[str, str] | None:
    """What the words right after a count say of its group: ("whole", group) for كلهم/جميعهم + a group (وأن كلهم
    مدنيون, جميعهم من الأطفال), ("majority", group) for معظمهم/غالبيتهم + a group, ("subset", group) for a subset
    marker and the group of the first subset after it; None otherwise."""
    tables, toks, hi = g.tables, frame.toks, frame.hi
    k, skipped = c.j, 0
    while k < hi:  # over punctuation, one short word (وأن) and the verb after the noun (لقوا حتفهم)
        after = tables.after.match(toks, k, ("",), hi) if toks[k].kind == "word" else None
        if after is not None:
            k = after.j
        elif toks[k].kind == "punct" or (skipped == 0 and toks[k].kind == "word" and len(toks[k].text) <= 3):
            skipped += toks[k].kind == "word"
            k += 1
        else:
            break
    if k >= hi:
        return None
    w = toks[k].text
    if w in tables.majority:  # معظمهم من المارة والأطفال; not معظمهم في بلدة واحدة (where, not who)
        found = next((grp for n in range(k + 1, min(hi, k + 4)) if (grp := _group_at(tables, toks, n, hi))), None)
        return None if found is None else ("majority", found)
    if w in tables.whole:
        group = _group_at(tables, toks, k + 1, hi)
        return None if group is None else ("whole", group)
    m = tables.markers.match(toks, k, PREFIXES, hi)
    if m is None:
        return None
    for n in range(m.j, min(hi, m.j + 3)):  # بينهم 6 أطفال, من بينهم أكثر من 10 نساء
        group = _group_at(tables, toks, n, hi)
        if group is not None:
            return "subset", group
    return None


def _group_at(tables: CountTables, toks: Sequence[Token], k: int, hi: int) -> str | None:
    """The group a group noun at token k names (مدنيون, الأطفال, من المدنيين); None for no group or total."""
    og = of_group_at(tables, toks, k, hi)
    if og is not None:
        return og[0]
    found = noun_at(tables, toks, k, hi, definite=True)
    if found is None or found[0].kind is not None or found[0].who == "total" or found[0].others:
        return None
    return found[0].who


def subject_group(g: Grammar, frame: Frame, c: Candidate, before: Before) -> str | None:
    """The group a toll's subject names (عدد القتلى المدنيين … بلغ أكثر من ألف قتيل: civilians)."""
    h = toll_subject(g, frame, c, before)
    if h is None or h.j >= frame.hi or frame.toks[h.j].text.startswith("و"):
        return None  # عدد النازحين واللاجئين: a second group joined to the kind noun is no group of the whole
    found = noun_at(g.tables, frame.toks, h.j, frame.hi, definite=True)
    if found is None or found[0].kind is not None or found[0].who == "total":
        return None
    return found[0].who


def group_of_list(frame: Frame, c: Candidate, who: str, before: Before, parent: int | None) -> bool:
    """Whether a من-group after a list of figures with no group of their own is the whole list's."""
    # 40 قتيلا و35 جريحا من العمال: the workers are the killed and the wounded
    # قتل 28 وأصيب العشرات من طلاب الكلية: and a figure without a noun before a verb of the next figure's
    prev, pm = before.prev, before.prev_match
    if prev is None or pm is None or (c.noun is not None and c.noun.others):
        return False
    gap = frame.toks[prev.j:c.i]
    verb = prev.bare and len(gap) == 1 and gap[0].text.startswith("و") and bool(frame.at.ending_at(c.i)) \
        and frame.at.ending_at(c.i)[-1].i == prev.j
    of_group = c.noun is None or c.noun.who == "total" or any(t.text == "من" for t in frame.toks[c.vi:c.nj])
    return c.cue in (CountCue.NUMBER_NOUN, CountCue.NUMBER_OF_GROUP) and who != "total" and of_group \
        and prev.j <= c.i and pm.who == "total" and pm.parent == parent \
        and (verb or all(t.text in (",", "و") for t in gap))


def siblings_group(g: Grammar, frame: Frame, c: Candidate, before: Before) -> str | None:
    """Children for siblings named with a pronoun right after a count of children (قتل طفل وأصيبت شقيقتاه): a
    child's brothers and sisters are children too."""
    pm = before.prev_match
    if c.noun is None or pm is None or pm.who != "children" or pm.parent is not None:
        return None
    w = frame.toks[c.vi].text.removeprefix("و")
    suffix = next((p for p in g.tables.pronouns if w.endswith(p) and len(w) > len(p) + 2), None)
    return "children" if suffix is not None and w[:-len(suffix)].startswith(g.tables.siblings) else None


def carried_out_by(tables: CountTables, frame: Frame, c: Candidate) -> bool:
    """Whether a figure names who carried the attack out: it stands right after a verb that takes the attack as
    its object (نفذه، شنها) or after على يد, its qualifier (نحو، أكثر من) alone between them."""
    for k in range(max(frame.lo, c.i - 3), c.vi):
        h = tables.agents.match(frame.toks, k, PREFIXES, frame.hi)
        if h is not None and h.j in (c.i, c.vi):
            return True
    return False


def changed_from(tables: CountTables, frame: Frame, c: Candidate, before: Before) -> bool:
    """Whether a figure is the toll a change started from: من before it, إلى and another figure after it, and a
    verb or noun of change at most eight words back in its clause (ارتفعت حصيلة القتلى من 7 إلى 12)."""
    toks, hi = frame.toks, frame.hi
    if c.i == 0 or toks[c.i - 1].text != "من" or c.nj + 1 >= hi or toks[c.nj].text not in ("الي", "إلى") \
            or toks[c.nj + 1].kind != "number":
        return False
    return any(toks[k].text in tables.changes for k in range(max(before.last_break, c.i - 9), c.i - 1))


def of_them_group(g: Grammar, frame: Frame, c: Candidate, before: Before, out: Sequence[CountMatch]) -> str | None:
    """The group of a figure without a noun right before منهم/منهن (وإصابة العشرات منهم): the people of the count
    before it, the pronoun's antecedent (its top-level count's group)."""
    pm = before.prev_match
    if not c.bare or pm is None or c.j >= frame.hi or frame.toks[c.j].text not in g.tables.partitives:
        return None
    while pm.parent is not None and pm.parent < len(out):
        pm = out[pm.parent]
    return pm.who if pm.who != "total" else None


# ------------------------------------------------------------------ emission
def decide_scope(frame: Frame, c: Candidate, nesting: Nesting, next_figure: int) -> str:
    """A figure's scope: a day window after it makes it a day's (incident); else a subset's is its parent's; else
    its clause's (cumulative in a clause with a running-total cue, incident otherwise)."""
    by_clause = figure_scope(frame.cues, c.i, c.j, next_figure)
    if by_clause is Scope.INCIDENT:
        return by_clause._value_
    if nesting.parent is not None:
        return nesting.scope
    if frame.cues is NO_CUES:
        return frame.scope
    return Scope.CUMULATIVE._value_ if by_clause is Scope.CUMULATIVE else Scope.INCIDENT._value_


def emit(g: Grammar, frame: Frame, c: Candidate, lists: OpenLists, before: Before,
         out: list[CountMatch], next_figure: int) -> int | None:
    """Appends the counts of one candidate (one per kind) to `out`; the index of the first, or None."""
    top = lists.stack[-1][0] if lists.stack else None
    nesting = decide_nesting(c, top, out[top] if top is not None else None)
    if nesting.close:
        lists.stack.clear()
    kind = decide_kind(g, frame, c, before, nesting)
    if kind is None or reject(g, frame, c, before, nesting, kind.source) is not None:
        return None
    who = decide_who(c, kind.who, before, out, group_said_after(g, frame, c))
    who = siblings_group(g, frame, c, before) or who
    if who == "total" and nesting.parent is None:
        who = subject_group(g, frame, c, before) or of_them_group(g, frame, c, before, out) or who
    if group_of_list(frame, c, who, before, nesting.parent):
        for k in range(before.prev_idx, len(out)):
            out[k] = replaced(out[k], who=who)
    scope = decide_scope(frame, c, nesting, next_figure)
    rise = scope == Scope.CUMULATIVE._value_ and by_rise_only(frame.cues, c.i)
    if scope == Scope.INCIDENT._value_ and nesting.parent is None and displacement_runs(frame.cues, kind.kinds,
                                                                                      frame.triggers):
        scope = Scope.CUMULATIVE._value_  # نزوح أكثر من 56 ألف شخص: a displacement runs on
    cue = c.cue._value_ + kind.source.suffix  # _value_: the plain attribute, Enum.value is a slower descriptor
    first = len(out)
    for each in kind.kinds:
        out.append(CountMatch(c.start, c.end, each, c.value, c.qualifier, who, scope, nesting.parent,
                              frame.norm[c.start:c.end], cue, high=c.high, by_rise=rise))
        if c.high is not None:  # a range: its upper end too, as FORMAT.md codes it (at_least low, at_most high)
            out.append(CountMatch(c.start, c.end, each, c.high, "at_most", who, scope, nesting.parent,
                                  frame.norm[c.start:c.end], cue, by_rise=rise))
    for s, e, group in c.members:  # امرأة وطفلتها قتلتا: one woman and one child of the two killed
        out.append(CountMatch(s, e, kind.kinds[0], 1, "exact", group, scope, first, frame.norm[s:e], "member"))
    return first


def resolve(g: Grammar, frame: Frame, index: TokenIndex, cands: list[Candidate], out: list[CountMatch]) -> None:
    """Emits a sentence's candidates in token order, opening and closing subset lists on the way."""
    # a break word or a trigger outside a figure ends the open subset lists; بينهم/منهم opens one on the count
    # before it; a closing parenthesis ends the lists opened inside it
    toks, lo, hi = frame.toks, frame.lo, frame.hi
    tables = g.tables
    # events in token order: (position, order, payload); order 0 break, 1 trigger, 2 marker, 3 paren, 4 figure
    events: list[tuple[int, int, Any]] = []
    events.extend((h.i, 0, h) for h in tables.breaks.scan(index, lo, hi, PREFIXES))
    events.extend((h.i, 1, h) for h in frame.triggers)
    events.extend((h.i, 2, h) for h in tables.markers.scan(index, lo, hi, PREFIXES))
    # هم right after a count (ثلاثة قتلى هم عسكريان ومدني) names who they are: a subset list too
    events.extend((k, 2, Hit(k, k + 1, _APPOSITION)) for k in range(lo, hi) if toks[k].text in tables.appositions)
    events.extend((k, 3, toks[k].text) for k in range(lo, hi) if toks[k].text in "()")
    events.extend((c.i, 4, c) for c in cands)
    events.sort(key=lambda ev: (ev[0], ev[1]))
    in_figure = {k for c in cands for k in range(c.i, c.j)}
    next_at = {id(c): (cands[n + 1].i if n + 1 < len(cands) else hi) for n, c in enumerate(cands)}
    shares = distributed(g, toks, cands)
    lists = OpenLists()
    before = Before(None, -1, None, lo)
    for pos, order, item in events:
        if order == 0:
            lists.stack.clear()
            before.last_break = item.j
        elif order == 1:
            if pos not in in_figure:
                lists.stack.clear()  # a new trigger outside any figure: what follows is no subset
        elif order == 2:
            if before.prev is not None and pos not in in_figure \
                    and (item.label != _APPOSITION or before.prev.j == pos):
                lists.stack.append((before.prev_idx, lists.depth))
        elif order == 3:
            lists.paren(item)
        else:
            budget.check("counts")
            if before.prev is not None and (item.partitive or shares.get(id(item)) is before.prev):
                lists.stack.append((before.prev_idx, lists.depth))  # ثلاثة منهم; 15، اثنان في أ و13 في ب
            idx = emit(g, frame, item, lists, before, out, next_at[id(item)])
            if idx is not None:
                before.prev, before.prev_idx, before.prev_match = item, idx, out[idx]


_APPOSITION = "apposition"


def distributed(g: Grammar, toks: Sequence[Token], cands: Sequence[Candidate]) -> dict[int, Candidate]:
    """Figures that share out the count right before them by place (إصابة 15، اثنان في رفح و13 في غزة): two or
    more numbers without a noun, each followed by a place (في …), joined by commas or و, that add up to it. The
    first of them (by id) -> the count they share out."""
    out: dict[int, Candidate] = {}
    for n, whole in enumerate(cands):
        if whole.bare:
            continue
        parts: list[Candidate] = []
        end = whole.j
        for c in cands[n + 1:]:
            glue = toks[end:c.i]
            if not c.bare or c.j >= len(toks) or not all(t.text in _LIST_GLUE for t in glue) \
                    or not (glue or toks[c.i].text.startswith("و")) or toks[c.j].text not in g.tables.places_after:
                break
            parts.append(c)
            end = next((k for k in range(c.j, len(toks)) if toks[k].text in _LIST_GLUE
                        or toks[k].kind == "number"), len(toks))
        if len(parts) >= 2 and sum(c.value for c in parts) == whole.value:
            out[id(parts[0])] = whole
    return out


def ranks_groups(g: Grammar, frame: Frame, index: TokenIndex, out: list[CountMatch], first: int) -> None:
    """Figures with no group before في صفوف + a word naming fighters or civilians (ثلاث وفيات وخمسة جرحى في
    صفوف التحالف) take that group: the sentence's counts from `first` on that end at most ten words before it."""
    toks = frame.toks
    for h in g.tables.ranks.scan(index, frame.lo, frame.hi, PREFIXES):
        named = g.tables.ranks_of.match(toks, h.j, ("",), frame.hi) if h.j < frame.hi else None
        if named is None:
            continue
        at = toks[h.i].start
        reach = toks[max(frame.lo, h.i - 10)].start
        for k in range(first, len(out)):
            c = out[k]
            if c.who == "total" and c.parent is None and reach <= c.start and c.end <= at:
                out[k] = replaced(c, who=named.label)

