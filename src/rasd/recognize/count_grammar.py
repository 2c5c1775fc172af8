"""The count grammar's decisions over tokens: value, kind, group, nesting, scope and qualifier, one function each."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

# (the working records live in count_frame, where they write their __init__ out: re-exported here)
from rasd.recognize.count_frame import NO_CUES as NO_CUES
from rasd.recognize.count_frame import Before as Before
from rasd.recognize.count_frame import Candidate, CountCue, TriggerIndex
from rasd.recognize.count_frame import CountMatch as CountMatch
from rasd.recognize.count_frame import Frame as Frame
from rasd.recognize.count_frame import ScopeCues as ScopeCues
from rasd.recognize.count_phrases import DEFINITE, PREFIXES, CountTables, Hit, Noun
from rasd.recognize.count_subjects import subject_of_figure
from rasd.recognize.numbers import NumberMatch, NumberRecognizer
from rasd.text.normalize import QUOTE_MARKS
from rasd.text.segment import Token

# kinds that name people by their status (displaced, detained): they can also be the victims of a killing
STATUS_KINDS = frozenset({"displaced", "detained", "missing"})


class KindSource(Enum):
    """What decided a count's kind; a value starting with "+" is the suffix recorded on the cue."""

    PARENT = "parent"  # the count it is a subset of
    NOUN = "noun"  # its own kind noun
    VICTIMS = "+victims"  # a killing right before the displaced or detained it counts
    LIST = "+list"  # the count before it in the same list
    TRIGGER = "trigger"  # a trigger before it
    AFTER = "+after"  # a verb after its noun
    NOUN_ONLY = "noun_only"  # its noun, when nothing else says (ضحايا: affected)

    @property
    def suffix(self) -> str:
        """The cue suffix this source records ("" for most)."""
        v: str = self._value_  # the plain attribute: Enum.value is a slower descriptor
        return v if v[0] == "+" else ""


class Rejection(Enum):
    """Why a candidate with a kind is still not a count."""

    VAGUE_WITHOUT_NOUN = "vague_without_noun"
    NUMERAL_AFTER_NOUN = "numeral_after_noun"
    OTHER_NOUN_AFTER = "other_noun_after"
    NO_TRIGGER_NEAR = "no_trigger_near"
    CHANGED_FROM = "changed_from"
    AGENTS = "agents"


class Scope(Enum):
    """Whether a figure is of one incident or a running total; the value is what a count records."""

    INCIDENT = "incident"
    CUMULATIVE = "cumulative"


@dataclass(frozen=True, slots=True)
class Grammar:
    """What the decisions read besides the tokens: the count tables and the number recognizer."""

    tables: CountTables
    numbers: NumberRecognizer


@dataclass(frozen=True, slots=True)
class Qualified:
    """A qualifier phrase after a counted noun (على الأقل) and the token after it."""

    qualifier: str
    j: int


@dataclass(frozen=True, slots=True)
class NounValue:
    """The value a count noun says without a number: a dual, a singular or a bare plural."""

    value: int
    qualifier: str
    cue: CountCue


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Nesting:
    """Whether a candidate is a subset of the count opened by the last بينهم/منهم, and of which."""

    parent: int | None
    kind: str  # the parent's kind ("" without a parent)
    scope: str  # the parent's scope ("" without a parent)
    close: bool  # the candidate does not fit: the open subset lists end

    def __init__(self, parent: int | None, kind: str, scope: str, close: bool) -> None:
        object.__setattr__(self, "parent", parent)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "scope", scope)
        object.__setattr__(self, "close", close)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class KindDecision:
    """The kinds of a count, what decided them, and its group as that rule leaves it."""

    kinds: tuple[str, ...]
    source: KindSource
    who: str

    def __init__(self, kinds: tuple[str, ...], source: KindSource, who: str) -> None:
        object.__setattr__(self, "kinds", kinds)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "who", who)


# ------------------------------------------------------------------ nouns and phrases at a token
def noun_at(tables: CountTables, toks: Sequence[Token], i: int, hi: int, definite: bool) -> tuple[Noun, int] | None:
    """The count noun at token i and the token after it (with ال when `definite`)."""
    if i >= hi or toks[i].kind != "word":
        return None
    if not tables.nouns.may_start(toks[i].text):
        return None
    prefixes: tuple[str, ...] = ("", *DEFINITE) if definite else ("",)
    h = tables.nouns.match(toks, i, prefixes, hi)
    if h is None:
        return None
    return tables.noun_list[int(h.label)], h.j


def of_group_at(tables: CountTables, toks: Sequence[Token], i: int, hi: int) -> tuple[str, int] | None:
    """(who, token after) for "من" + a group phrase at token i."""
    if i + 1 >= hi or toks[i].text != "من":
        return None
    h = tables.of_groups.match(toks, i + 1, ("",), hi)
    if h is None and i + 2 < hi and toks[i + 1].text in tables.members:  # من أفراد الدفاع المدني، من رجال الإطفاء
        h = tables.of_groups.match(toks, i + 2, ("",), hi)
    if h is not None:
        return h.label, h.j
    n = noun_at(tables, toks, i + 1, hi, definite=True)
    if n is not None and n[0].kind is None and n[0].who != "total":
        return n[0].who, n[1]
    return None


def after_trigger(tables: CountTables, toks: Sequence[Token], j: int, hi: int) -> tuple[str, int] | None:
    """(kind, distance in words) of a verb or phrase after a counted noun (نزحوا, قتلوا); a quotation mark closing
    the quoted figure between them is no word (قالت إن "14 مدنيا" قتلوا)."""
    words = 0
    for k in range(j, hi):
        t = toks[k]
        if t.kind != "word":
            if t.text in QUOTE_MARKS:
                continue
            return None
        h = tables.after.match(toks, k, ("",), hi)
        if h is not None:
            return h.label, words
        if tables.before.match(toks, k, PREFIXES, hi) is not None:
            return None  # another trigger comes first: the verb is of another figure
        words += 1
        if words == 5:
            return None
    return None


def trigger_kinds(toks: Sequence[Token], near: Hit, triggers: TriggerIndex,
                  tables: CountTables | None = None) -> tuple[str, ...]:
    """The kind of a trigger, and of a trigger joined to it before with و (مقتل وإصابة); with `tables`, also
    after a word that is no count noun (معارك عنيفة قتل وجرح خلالها العشرات; not طفلا قتل وأصيب أربعة, where the
    first verb is the child's)."""
    kinds = [near.label.rstrip("!")]
    for h in triggers.ending_at(near.i):
        if toks[near.i].text.startswith("و") and h.label.rstrip("!") not in kinds \
                and (h.i == 0 or toks[h.i - 1].kind != "word" or toks[h.i - 1].text in ("عن", "الي", "في")
                     or (tables is not None and not_counted_before(tables, toks, h.i))):
            kinds.insert(0, h.label.rstrip("!"))
    return tuple(kinds)


def not_counted_before(tables: CountTables, toks: Sequence[Token], i: int) -> bool:
    """Whether the word before token i is neither a count noun nor a nisba nor a word with the accusative ending
    of a counted noun (a verb after it would be that noun's: طفلا قتل، 5 فلسطينيين قتلوا)."""
    w = toks[i - 1]
    return w.kind == "word" and noun_at(tables, toks, i - 1, i, definite=True) is None \
        and not is_nisba(tables, w) and not w.text.endswith(("ا", "ون", "ين"))


def bare_ok(tables: CountTables, toks: Sequence[Token], j: int, hi: int) -> bool:
    """Whether a number without a noun may end before token j (what follows is not another noun)."""
    if j >= hi:
        return True
    t = toks[j]
    if t.kind in ("punct", "latin"):  # a sign or a word in Latin letters
        return t.text not in ("%",)
    if t.kind == "number":
        return False
    if t.text in tables.followers:
        return True
    if tables.markers.match(toks, j, PREFIXES, hi) is not None:
        return True
    if tables.before.match(toks, j, PREFIXES, hi) is not None:
        return True
    return t.text[0] == "و" and len(t.text) > 2  # وأصيب, والباقون: the clause goes on with و


# ------------------------------------------------------------------ value: a number and what it counts
def post_qualifier(numbers: NumberRecognizer, toks: Sequence[Token], j: int, hi: int,
                   own: str) -> Qualified | None:
    """A qualifier after the counted noun (8 جرحى على الأقل), inside the sentence; a vague figure keeps its own."""
    if own == "vague":
        return None
    qa = numbers.qualifier_after(toks, j)
    if qa is None or qa[1] > hi:
        return None
    return Qualified(qa[0], qa[1])


def is_nisba(tables: CountTables, t: Token) -> bool:
    """Whether a word is a nisba noun naming people (سودانيين, فلسطينيا, يمني), not a place or an adverb."""
    w = t.text
    return t.kind == "word" and len(w) > 3 and w.endswith(tables.nisba) and not w.startswith("ال") \
        and w not in tables.not_nisba


def noun_after_number(tables: CountTables, toks: Sequence[Token], k: int, hi: int,
                      vague: bool) -> tuple[Noun, int] | None:
    """The noun a number at token k counts: a count noun, من + one after a vague number, or a nisba plural."""
    # عشرات من الجرحى: a vague number may count a definite noun after من; ستة سودانيين: a nisba plural
    found = noun_at(tables, toks, k, hi, definite=vague)
    if found is None and vague and k < hi and toks[k].text == "من":
        found = noun_at(tables, toks, k + 1, hi, definite=True)
    if found is None and k < hi and is_nisba(tables, toks[k]) and tables.before.match(toks, k, PREFIXES, hi) is None:
        # 8 عراقيين (مدنيين): a nisba plural, maybe followed by the group noun it describes; the singular of
        # the counted noun after 11-99 (18 فلسطينيا) and after hundreds and thousands (300 سوداني)
        found = noun_at(tables, toks, k + 1, hi, definite=False)
        if found is None or found[0].kind is not None:
            found = (Noun((toks[k].text,), None, "total", "pl"), k + 1)
    return found


def second_kind(tables: CountTables, toks: Sequence[Token], j: int, hi: int, noun: Noun) -> str | None:
    """The kind of a second kind noun joined with و right after the first (قتلى وجرحى)."""
    if noun.kind is None or j >= hi or not toks[j].text.startswith("و"):
        return None
    w = toks[j].text[1:]
    for pre in ("", "ال"):
        second = tables.nouns.match([Token(w[len(pre):], 0, 0, "word")], 0) if w.startswith(pre) else None
        if second is not None:
            n2 = tables.noun_list[int(second.label)]
            # قتلى وجرحى, 30 قتيلا وجريحا; a dual (11 قتيلا وجريحين) or a trigger (18 قتيلا وإصابة 600) counts a
            # figure of its own
            if n2.kind is not None and n2.kind != noun.kind and second.j == 1 and n2.form != "dual" \
                    and tables.before.match(toks, j, PREFIXES) is None:
                return n2.kind
    return None


_DEMOGRAPHIC = frozenset({"women", "children", "men"})  # groups by sex and age, parts of civilians, migrants …


def paired_group(tables: CountTables, toks: Sequence[Token], j: int, hi: int, first: Noun | None,
                 who: str) -> tuple[str, int] | None:
    """(group, token after) when the group noun ending before token j is joined with و to a second one that the
    same number counts (4000 طفل وامرأة، 30 من الأطفال والنساء، 20 من الرعاة والمزارعين): both of one form (a
    singular with a singular, a plural with a plural; never after a dual, طفلان وامرأة is three)."""
    if j >= hi or toks[j].kind != "word" or not toks[j].text.startswith("و"):
        return None
    h = tables.nouns.match(toks, j, ("و", "وال"), hi)
    if h is None:
        return None
    second = tables.noun_list[int(h.label)]
    if second.kind is not None or second.others or second.unit or second.form == "dual" \
            or (first is not None and (first.form == "dual" or (first.form == "pl") != (second.form == "pl"))):
        return None
    if first is not None and first.form == "sg" and toks[j - 1].text.endswith("ا") \
            and not toks[h.j - 1].text.endswith("ا"):
        return None  # 12 طفلا وامرأة: the accusative after 11-99 counts one group, a second not in it is one more
    return joined_group(who, second.who), h.j


def joined_group(a: str, b: str) -> str:
    """The group of a count of two groups: their own when the same; civilians for civilians with women, children
    or men; other for two of women, children and men (FORMAT.md has no group for both); total otherwise."""
    if a == b:
        return a
    if {a, b} <= _DEMOGRAPHIC:
        return "other"
    if "civilians" in (a, b) and (a in _DEMOGRAPHIC or b in _DEMOGRAPHIC):
        return "civilians"
    return "total"


def number_candidate(g: Grammar, toks: Sequence[Token], starts: Sequence[int], m: NumberMatch,
                     hi: int) -> Candidate:
    """The candidate a number makes: the number, the noun or من-group it counts and a qualifier after them."""
    tables = g.tables
    i = token_containing(starts, m.start)
    vi = token_containing(starts, m.value_start)
    vj = token_containing(starts, m.value_end - 1) + 1
    j = token_containing(starts, m.end - 1) + 1
    who = "total"
    end = m.end
    extra: tuple[str, ...] = ()
    # post-number qualifier consumed: the noun cannot follow it; a quote may stand between (5 "جنود")
    k = j if j == vj else hi
    if k < hi - 1 and toks[k].text in QUOTE_MARKS:  # (a one-character punctuation token)
        k += 1
    found = noun_after_number(tables, toks, k, hi, m.qualifier == "vague")
    if found is None:
        og = of_group_at(tables, toks, k, hi) if k < hi else None  # 12 من المسعفين
        if og is not None:
            who, j = og
            end = toks[j - 1].end
    partitive = False
    if found is None and k < hi - 1 and toks[k].text in tables.partitives:  # ثلاثة منهم مدنيون
        found = noun_at(tables, toks, k + 1, hi, definite=False)
        partitive = found is not None and found[0].kind is None and found[0].who != "total" and not found[0].others
        found = found if partitive else None
    noun: Noun | None = None
    if found is not None:
        noun, j = found
        who = noun.who
        end = toks[j - 1].end
        kind2 = second_kind(tables, toks, j, hi, noun)
        if kind2 is not None:
            extra = (kind2,)
            end = toks[j].end
            j += 1
    pair = paired_group(tables, toks, j, hi, noun, who) if who != "total" and not extra else None
    if pair is not None:
        who, j = pair
        end = toks[j - 1].end
    nj = j
    qualifier = m.qualifier
    if noun is not None or who != "total":
        og = of_group_at(tables, toks, j, hi)
        if og is not None and (who == "total" or noun is None):
            who, j = og  # 30 قتيلا من المدنيين
            end = toks[j - 1].end
        q = post_qualifier(g.numbers, toks, j, hi, qualifier)
        if q is not None:
            qualifier, j = q.qualifier, q.j
            end = toks[j - 1].end
    cue = CountCue.NUMBER_NOUN if noun is not None else (
        CountCue.NUMBER_OF_GROUP if who != "total" else CountCue.BARE_NUMBER)
    return Candidate(i, vi, j, nj, m.start, end, m.value, qualifier, noun, who, cue,
                     bare=noun is None and who == "total", extra_kinds=extra, date_like=m.date_like, high=m.high,
                     partitive=partitive)


def nounless_value(noun: Noun, joined: bool, trigger_before: bool, trigger_after: bool) -> NounValue | None:
    """The value a count noun says without a number: a dual, a singular by a trigger, a bare plural after one."""
    # a dual is 2 (جنديان); a singular beside a kill or wound word is 1 (مقتل صياد); a group plural right
    # after a trigger is some, vague 3 (إصابة مزارعين)
    if noun.form == "dual":
        return _DUAL
    if joined:
        return None  # وصياد: a singular or plural joined with و is not counted alone
    if noun.form == "sg" and (trigger_before or trigger_after):
        return _SINGULAR
    if noun.form == "pl" and trigger_before and noun.kind is None:
        return _BARE_PLURAL
    return None


_DUAL = NounValue(2, "exact", CountCue.DUAL)
# (normalized) a clause describing an unnamed plural subject before the verb's object: كانوا, then an imperfect
# verb of the masculine plural (prefix, suffix: يستقلون، يرتدون) with at most this many words of its object
WERE = frozenset({"كانوا"})
IMPERFECT_PLURAL = ("ي", "ون")
DESCRIPTION_WORDS = 3  # (after the verb's first object word)
_SINGULAR = NounValue(1, "exact", CountCue.SINGULAR)
_BARE_PLURAL = NounValue(3, "vague", CountCue.BARE_PLURAL)


def counted_noun_at(tables: CountTables, toks: Sequence[Token], i: int, hi: int,
                    definite: bool = False) -> tuple[Noun, int, int] | None:
    """(noun, token after, 1 when joined with و else 0) for a count noun at token i that counts people; with
    `definite`, also a definite singular group noun (اغتيال القيادي, اختطاف الطفل)."""
    found = noun_at(tables, toks, i, hi, definite=False)
    if found is None and definite:
        d = noun_at(tables, toks, i, hi, definite=True)
        found = d if d is not None and d[0].form == "sg" and d[0].kind is None and not d[0].others else None
    skip = 0
    if found is None and toks[i].text.startswith("و"):
        h = tables.nouns.match(toks, i, ("و",), hi)
        if h is not None:
            found, skip = (tables.noun_list[int(h.label)], h.j), 1
    if found is None or found[0].unit:
        return None  # عائلة counts households, not people
    return found[0], found[1], skip


def nounless_candidates(g: Grammar, toks: Sequence[Token], lo: int, hi: int, nouns_here: Sequence[int],
                        covered: set[int], trig_end: dict[int, Hit], markers: frozenset[int] = frozenset(),
                        figures: frozenset[int] = frozenset()) -> list[Candidate]:
    """Duals, singulars and bare plurals: count nouns in tokens [lo, hi) that no number counts; a singular also
    counts one right after a subset marker (`markers`: where one ends; بينهم امرأة), a definite one right after
    a trigger (مقتل القيادي) and a lone kind noun alone (سقطت شهيدة); `figures`: where a number counting a noun
    starts (a plural before one is its verb's subject)."""
    out: list[Candidate] = []
    next_i = lo
    # definite objects after a verb's plural subject: counted as if right after it
    objects: set[int] = unnamed_subjects_objects(g.tables, toks, trig_end, hi)
    for i in nouns_here:
        if i < next_i or i in covered:
            continue
        next_i = i + 1
        found = counted_noun_at(g.tables, toks, i, hi, definite=i in trig_end or i in objects)
        if found is None:
            continue
        noun, j, skip = found
        if any(k in covered for k in range(i, j)):
            continue
        after = g.tables.after.match(toks, j, ("",), hi) if j < hi else None
        by = i in trig_end or i in objects or (noun.lone and noun.form == "sg" and toks[i].text == noun.words[0])
        obj = object_follows(g.tables, toks, j, hi) if by and noun.form == "pl" else None
        if obj is not None or (by and noun.form == "pl" and subject_of_figure(toks, j, hi, figures)):
            objects.update(() if obj is None else (obj,))
            next_i = j
            continue  # اختطف مسلحون مجهولون الطفل / 12 مدنيا: the verb's subject, who did it; its object the victim
        # بينهم طفلان وامرأة: a singular joined to a figure of an open subset list is one more of the list
        in_list = skip == 1 and i - 1 in covered and joins_list(g.tables, toks, (lo, i, hi), noun, markers)
        # a subset marker counts a singular (بينهم امرأة) but a bare plural after it is no figure (بينهم أطفال)
        marked = i in markers and noun.form != "pl"
        nv = nounless_value(noun, skip == 1 and not in_list, by or marked or in_list, after is not None)
        if nv is not None:
            qualifier, cj, end = nv.qualifier, j, toks[j - 1].end
            q = post_qualifier(g.numbers, toks, j, hi, qualifier)
            if q is not None:
                qualifier, cj, end = q.qualifier, q.j, toks[q.j - 1].end
            out.append(Candidate(i, i, cj, j, toks[i].start + skip, end, nv.value, qualifier, noun, noun.who,
                                 nv.cue))
            covered.update(range(i, cj))
        next_i = j
    return out


def object_follows(tables: CountTables, toks: Sequence[Token], j: int, hi: int) -> int | None:
    """The token of a definite count noun (الطفل، المواطن) or of a title before a name (المهندس فلان) after the
    plural ending at token j, past at most two indefinite adjectives of it (مجهولون، ملثمون) and a clause that
    describes it (يستقلون دراجة نارية), None when none follows: the verb before the plural has an object, so the
    plural is its subject (اختطف مسلحون الطفل), not the people a passive verb or a verbal noun is about (قتل
    مدنيون في …)."""
    k = j
    while k < min(hi, j + 2) and toks[k].kind == "word" and not toks[k].text.startswith("ال") \
            and toks[k].text.endswith(("ون", "ين")) and not describes(toks, k, hi):
        k += 1
    if k == j and genitive_at(tables, toks, k, hi):
        k += 1  # جنود الاحتلال الشاب فلان: the plural's genitive, then the object
    # (after a describing clause, the first definite word past the first word of its verb's own object)
    verb = k + 1 if k < hi and toks[k].text in WERE else k
    spots = range(verb + 2, min(hi, verb + 3 + DESCRIPTION_WORDS)) if describes(toks, k, hi) else (k,)
    for at in spots:
        if at < hi and toks[at].kind == "word" and toks[at].text.startswith("ال") \
                and (noun_at(tables, toks, at, hi, definite=True) is not None or titled_object(tables, toks, at, hi)):
            return at
    return k if person_object_at(tables, toks, k, hi) else None


def genitive_at(tables: CountTables, toks: Sequence[Token], k: int, hi: int) -> bool:
    """A definite word at token k that counts no one and is no title before a name, with a definite word after
    it (الاحتلال in جنود الاحتلال الشاب): the genitive of the subject before it, not the verb's object."""
    return k + 1 < hi and toks[k].kind == "word" and toks[k].text.startswith("ال") \
        and toks[k + 1].kind == "word" and toks[k + 1].text.startswith("ال") \
        and noun_at(tables, toks, k, hi, definite=True) is None


def person_object_at(tables: CountTables, toks: Sequence[Token], k: int, hi: int) -> bool:
    """An indefinite singular noun of one person at token k (طبيبا، مواطنا، رجل الأعمال): a verb's object."""
    found = noun_at(tables, toks, k, hi, definite=False) if k < hi and not toks[k].text.startswith("ال") else None
    return found is not None and found[0].kind is None and found[0].form == "sg" and not found[0].others \
        and not found[0].unit


def describes(toks: Sequence[Token], k: int, hi: int) -> bool:
    """A clause that describes a plural subject opens at token k: an imperfect verb of the masculine plural
    (ي…ون: يستقلون، يرتدون), after كانوا at most (مجهولون كانوا يستقلون سيارة)."""
    i = k + 1 if k < hi and toks[k].text in WERE else k
    return i < hi and toks[i].kind == "word" and toks[i].text.startswith(IMPERFECT_PLURAL[0]) \
        and toks[i].text.endswith(IMPERFECT_PLURAL[1]) and len(toks[i].text) >= 5


def titled_object(tables: CountTables, toks: Sequence[Token], k: int, hi: int) -> bool:
    """A definite word the lexicon does not count, right before a word without the article that is no follower
    of a figure (المهندس سامي، الناشط فلان): a title and the name of the person the verb takes, not a time
    (الجمعة، الليلة الماضية، اليوم في …)."""
    if k + 1 >= hi or toks[k + 1].kind != "word" or toks[k + 1].text.startswith("ال") \
            or toks[k + 1].text in tables.followers:
        return False
    return tables.weekdays.match(toks, k, ("",), hi) is None and tables.day_words.match(toks, k, ("",), hi) is None


def unnamed_subjects_objects(tables: CountTables, toks: Sequence[Token], trig_end: dict[int, Hit],
                             hi: int) -> set[int]:
    """The count nouns that are a verb's object past its subject (اغتال مجهولون الصحفي، اختطف ملثمون الطبيب، قتلت
    الغارة طفلا، اعتقلت قوات الأمن الناشط فلان): counted as if right after the verb."""
    out: set[int] = set()
    for t in trig_end:
        if t + 1 < hi and toks[t].kind == "word" and subject_word(tables, toks, t, hi):
            k = object_follows(tables, toks, t + 1, hi)
            if k is not None:
                out.add(k)
    return out


def subject_word(tables: CountTables, toks: Sequence[Token], t: int, hi: int) -> bool:
    """Whether the word at token t, right after a verb, may be its subject standing before its object: a nominative
    plural no count noun reads (مجهولون), a definite word that counts no one or a definite plural (الغارة، الشرطة),
    or an indefinite word that counts no one before its definite genitive (قوات الأمن)."""
    w = toks[t].text
    if w.startswith("ال"):
        found = noun_at(tables, toks, t, hi, definite=True)
        return found is None or found[0].form == "pl"
    if noun_at(tables, toks, t, hi, definite=False) is not None:
        return False
    return w.endswith("ون") or genitive_at(tables, toks, t + 1, hi)


def joins_list(tables: CountTables, toks: Sequence[Token], at: tuple[int, int, int], noun: Noun,
               markers: frozenset[int]) -> bool:
    """Whether a group noun at token i (of `at` = (lo, i, hi)), joined with و right after a figure, is one more
    of an open subset list (بينهم طفلان وامرأة، بينهم مسعف وصحفية، بينهم سيدة وطفلها): a subset marker ends at most
    six words before it and a count noun stands right before it (4000 طفل وامرأة, one number counting both, is
    paired before: paired_group; وإصابة العشرات is a trigger)."""
    lo, i, hi = at
    if noun.kind is not None or not any(m in markers for m in range(max(lo, i - 6), i)):
        return False
    return noun_at(tables, toks, i - 1, hi, definite=False) is not None


def token_containing(starts: Sequence[int], pos: int) -> int:
    """The index of the token containing character `pos` (the token starting last at or before it)."""
    k = bisect_left(starts, pos + 1) - 1
    return max(0, k)


# ------------------------------------------------------------------ nesting
def decide_nesting(c: Candidate, parent_idx: int | None, parent: CountMatch | None) -> Nesting:
    """A candidate after بينهم/منهم is a subset of the open count when it has no other kind and is no larger."""
    if parent_idx is None or parent is None:
        return NOT_NESTED
    own = c.noun.kind if c.noun is not None else None
    if (own is None or own == parent.kind) and c.value <= parent.value:
        return Nesting(parent_idx, parent.kind, parent.scope, False)
    return LIST_CLOSED  # 50 قتيلا بينهم 80 جريحا: not a subset; the list is over


NOT_NESTED = Nesting(None, "", "", False)
LIST_CLOSED = Nesting(None, "", "", True)
