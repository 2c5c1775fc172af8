"""Counts a text gives without a figure of its own: one of a group (أحد مسعفيه), two by a dual verb (قتلتا), a
numeral after its noun (مدنيين اثنين), and a third or fourth person after a count (وشخص ثالث، وأصيب ثالث)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from rasd.recognize.count_grammar import Candidate, CountCue, Grammar, noun_at
from rasd.recognize.count_phrases import DEFINITE, CountTables, Hit, Noun
from rasd.text.segment import Token, TokenIndex

_PLURAL_ENDINGS = ("ين", "ون", "ات")  # an unlisted sound plural (مستوطنين) before a numeral


def group_after_one_of(tables: CountTables, toks: Sequence[Token], k: int, hi: int) -> tuple[Noun, int] | None:
    """The plural after أحد/إحدى at token k: listed (المسعفين), or with a pronoun suffix (مسعفيه → مسعفين,
    عناصرها → عناصر)."""
    found = noun_at(tables, toks, k, hi, definite=True)
    if found is not None:
        return found if found[0].form == "pl" else None
    w = toks[k].text
    for suffix in tables.pronouns:
        stem = w[:-len(suffix)]
        if not w.endswith(suffix) or len(stem) < 3:
            continue
        for form in (stem, stem + "ن"):  # مسعفي+ه is the construct of مسعفين
            n = noun_at(tables, [Token(form, 0, 0, "word")], 0, 1, definite=False)
            if n is not None and n[0].form == "pl":
                return n[0], k + 1
    return None


def one_of_candidates(g: Grammar, index: TokenIndex, lo: int, hi: int, covered: set[int],
                      next_to: frozenset[int]) -> list[Candidate]:
    """أحد/إحدى + a plural of people right after a trigger or a subset marker (`next_to`: the tokens where one
    ends) or right before a verb that gives the kind: one of that group (أصيب أحد مسعفيه, بينهم إحدى النساء)."""
    tables, toks = g.tables, index.toks
    out: list[Candidate] = []
    at = index.words_in(tables.one_of)
    for i in at[bisect_left(at, lo):bisect_left(at, hi - 1)]:
        if i in covered or i + 1 in covered:
            continue
        found = group_after_one_of(tables, toks, i + 1, hi)
        if found is None or found[0].unit:
            continue
        noun, j = found
        if i not in next_to and (j >= hi or tables.after.match(toks, j, ("",), hi) is None):
            continue
        out.append(Candidate(i, i, j, j, toks[i].start, toks[j - 1].end, 1, "exact", noun, noun.who,
                             CountCue.SINGULAR))
        covered.update(range(i, j))
    return out


_CIVILIAN_GROUPS = frozenset({"civilians", "women", "children", "men"})
_MEMBER_REACH = 10  # how far back a dual verb's subject may start (امرأة حاملا وطفلتها، وعمرها سنة، قتلتا)


def member_at(tables: CountTables, toks: Sequence[Token], k: int) -> tuple[str, int] | None:
    """(group, 1 when a و before it is left out else 0) of a singular person noun at token k (وطفلتها, امرأة);
    None for none, a plural or a noun of no group."""
    w = toks[k].text
    for skip, word in enumerate((w, w[1:]) if w.startswith("و") and len(w) > 3 else (w,)):
        for form in (word, *_without_pronoun(tables, word)):
            found = noun_at(tables, [Token(form, 0, 0, "word")], 0, 1, definite=True)
            if found is not None and found[0].kind is None and found[0].form == "sg" and not found[0].others \
                    and not found[0].unit:
                return found[0].who, skip
    return None


def _without_pronoun(tables: CountTables, word: str) -> list[str]:
    """A noun's forms without a pronoun suffix (طفلتها → طفله, ابنه → ابن); the ت of a feminine before the
    suffix is its ة again (normalized ه)."""
    out = []
    for suffix in tables.pronouns:
        stem = word[:-len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            out.append(stem[:-1] + "ه" if stem.endswith("ت") else stem)
    return out


def dual_members(tables: CountTables, toks: Sequence[Token], a: int, b: int) -> tuple[tuple[int, int, str], ...]:
    """The two people a dual verb at token b speaks of, when tokens [a, b) name exactly two by singular nouns,
    the second joined with و (امرأة وطفلتها, طفلة رضيعة ووالدتها): (start, end, group) of each; () otherwise."""
    found: list[tuple[int, tuple[str, int]]] = []
    for k in range(a, b):
        m = member_at(tables, toks, k) if toks[k].kind == "word" else None
        if m is not None and not (found and found[-1][0] == k - 1 and m[1] == 0):  # طفلة رضيعة: one person
            found.append((k, m))
    if len(found) != 2 or found[1][1][1] != 1:
        return ()
    return tuple((toks[k].start + skip, toks[k].end, who) for k, (who, skip) in found)


def subject_group(whos: set[str]) -> str:
    """The group of the people a dual verb speaks of, from their groups: civilians when they are women, children
    or civilians (امرأة وطفلتها قتلتا), fighters when fighters (عضوان من مسلحي الحركة قتلا), else total."""
    if whos and whos <= _CIVILIAN_GROUPS:
        return "civilians"
    return "fighters" if whos == {"fighters"} else "total"


def nearby_groups(tables: CountTables, toks: Sequence[Token], a: int, b: int) -> set[str]:
    """The groups the group nouns in tokens [a, b) name (of any number), total left out."""
    whos = set()
    for k in range(a, b):
        w = toks[k].text
        for word in (w, w[1:]) if w.startswith("و") else (w,):
            found = noun_at(tables, [Token(word, 0, 0, "word")], 0, 1, definite=True)
            if found is not None and found[0].kind is None and found[0].who != "total":
                whos.add(found[0].who)
                break
    return whos


def dual_verb_candidates(g: Grammar, index: TokenIndex, lo: int, hi: int, covered: set[int]) -> list[Candidate]:
    """A verb of two people with no figure in the four words before it (امرأة وطفلتها قتلتا): two of its kind,
    and, when the words before it name the two (a woman and her child), one of each's group as its members."""
    tables, toks = g.tables, index.toks
    out: list[Candidate] = []
    for h in tables.dual_verbs.scan(index, lo, hi, ("", "و", "ف")):
        if any(k in covered for k in range(max(lo, h.i - 4), h.j)):
            continue
        members = dual_members(tables, toks, max(lo, h.i - _MEMBER_REACH), h.i)
        whos = {who for _, _, who in members} or nearby_groups(tables, toks, max(lo, h.i - 6), h.i)
        who = subject_group(whos)
        noun = Noun(tuple(t.text for t in toks[h.i:h.j]), h.label, who, "dual")
        out.append(Candidate(h.i, h.i, h.j, h.j, toks[h.i].start, toks[h.j - 1].end, 2, "exact", noun, who,
                             CountCue.DUAL, members=members))
        covered.update(range(h.i, h.j))
    return out


def numeral_after_noun(g: Grammar, toks: Sequence[Token], c: Candidate, lo: int,
                       trig_end: dict[int, Hit]) -> Candidate | None:
    """A numeral word after the plural it counts (مدنيين اثنين, أطفال ثلاثة, a plural of two words too: مشتبها
    بهم اثنين), or after an unlisted sound plural right after a trigger (اعتقال مستوطنين اثنين): one candidate over
    both, valued by the numeral."""
    p = c.i - 1
    if not (c.bare and c.i == c.vi and p >= lo and toks[c.i].kind == "word" and toks[p].kind == "word"
            and c.value >= 2 and c.qualifier == "exact"):
        return None
    found = noun_at(g.tables, toks, p, c.i, definite=True)
    if found is None and p - 1 >= lo and toks[p - 1].kind == "word":
        two = noun_at(g.tables, toks, p - 1, c.i, definite=True)
        if two is not None and two[1] == c.i and len(two[0].words) == 2:
            found, p = two, p - 1
    if found is not None and found[1] == c.i and found[0].form in ("pl", "dual") and not found[0].unit:
        noun = found[0]
    elif found is None and p in trig_end and toks[p].text.endswith(_PLURAL_ENDINGS) \
            and not toks[p].text.startswith(DEFINITE[0]):
        noun = Noun((toks[p].text,), None, "total", "pl")
    else:
        return None
    return Candidate(p, p, c.j, c.j, toks[p].start, c.end, c.value, c.qualifier, noun, noun.who,
                     CountCue.NUMBER_NOUN)


_DEFINITE_NUMERALS = ("unit", "ten")  # الثلاثة … العشرة: a number word agreeing with a definite plural before it


def definite_numeral_candidates(g: Grammar, toks: Sequence[Token], lo: int, hi: int, nouns_here: Sequence[int],
                                covered: set[int]) -> list[Candidate]:
    """A definite plural of people and a definite number word from three to ten agreeing with it (المدنيين
    الثلاثة, الجنود الأربعة): that many of the group, as a figure before its noun would say; the number
    recognizer reads no number word with ال (the three days of السنوات الثلاث are not its business)."""
    out: list[Candidate] = []
    for i in nouns_here:
        if i in covered or i >= hi - 1:
            continue
        found = noun_at(g.tables, toks, i, hi, definite=True)
        if found is None or found[0].form != "pl" or found[0].unit or found[0].others \
                or not toks[i].text.startswith(DEFINITE) or toks[i].text == found[0].words[0]:
            continue
        noun, j = found
        w = toks[j].text if j < hi and toks[j].kind == "word" else ""
        num = g.numbers.word_value(w[2:], clitics=False) if w.startswith(DEFINITE[0]) else None
        if num is None or num[1].type not in _DEFINITE_NUMERALS or not 3 <= num[1].value <= 10 \
                or any(k in covered for k in range(i, j + 1)):
            continue
        out.append(Candidate(i, i, j + 1, j + 1, toks[i].start, toks[j].end, num[1].value, "exact", noun, noun.who,
                             CountCue.NUMBER_NOUN))
        covered.update(range(i, j + 1))
    return out


def ordinal_value(tables: CountTables, word: str) -> int | None:
    """The number an ordinal from third to tenth says (ثالث، ثالثا، ثالثة → 3), None for another word."""
    for stem in (word, word[:-1] if word.endswith(("ا", "ه")) else word):
        if stem in tables.ordinals:
            return tables.ordinals.index(stem) + 3
    return None


def ordinal_candidates(g: Grammar, index: TokenIndex, lo: int, hi: int, covered: set[int],
                       trig_end: dict[int, Hit]) -> list[Candidate]:
    """A person told by an ordinal after a count: right after a trigger, one more of the group before (قتل
    جنديان وأصيب ثالث: one wounded, of the others' group); a singular noun joined with و right after a figure and
    an ordinal after it, the whole the two make (أصيب طفلان وشخص ثالث: three wounded, the list's kind)."""
    tables, toks = g.tables, index.toks
    out: list[Candidate] = []
    at = index.words_in(tables.ordinal_forms)
    for k in at[bisect_left(at, max(lo, 1)):bisect_left(at, hi)]:
        value = ordinal_value(tables, toks[k].text) if k not in covered else None
        others = next((n for n in tables.noun_list if n.others and n.form == "sg"), None)
        if value is None or others is None:
            continue
        if k in trig_end:
            out.append(Candidate(k, k, k + 1, k + 1, toks[k].start, toks[k].end, 1, "exact", others, others.who,
                                 CountCue.SINGULAR))
            covered.add(k)
            continue
        p = k - 1
        w = toks[p].text
        found = noun_at(tables, [Token(w[1:], 0, 0, "word")], 0, 1, definite=False) if w.startswith("و") else None
        before = noun_at(tables, toks, p - 1, p, definite=False) if p > lo else None
        counted = p - 1 in covered or (before is not None and before[0].form == "dual")  # طفلان وشخص ثالث
        if found is None or found[0].kind is not None or found[0].form != "sg" or found[0].unit or not counted \
                or p in covered:
            continue
        who = found[0].who if before is not None and before[0].who == found[0].who else "total"  # a mix: all
        out.append(Candidate(p, p, k + 1, k + 1, toks[p].start + 1, toks[k].end, value, "exact", found[0], who,
                             CountCue.NUMBER_NOUN))
        covered.update((p, k))
    return out


def possessed_candidates(g: Grammar, index: TokenIndex, lo: int, hi: int, covered: set[int],
                         trig_end: dict[int, Hit]) -> list[Candidate]:
    """A singular person noun with a possessive pronoun right after a trigger (مقتل قائدها، إصابة مرافقه، اختطاف
    سائقهم): one of that noun's group."""
    tables, toks = g.tables, index.toks
    out: list[Candidate] = []
    for k in trig_end:
        if not lo <= k < hi or k in covered or toks[k].kind != "word" or noun_at(tables, toks, k, hi, True) is not None:
            continue
        for form in _without_pronoun(tables, toks[k].text):
            found = noun_at(tables, [Token(form, 0, 0, "word")], 0, 1, definite=False)
            if found is not None and found[0].kind is None and found[0].form == "sg" and not found[0].others \
                    and not found[0].unit:
                out.append(Candidate(k, k, k + 1, k + 1, toks[k].start, toks[k].end, 1, "exact", found[0],
                                     found[0].who, CountCue.SINGULAR))
                covered.add(k)
                break
    return out
