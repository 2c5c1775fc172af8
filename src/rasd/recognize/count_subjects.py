"""The plural subject of an active verb whose object is a figure: قتل مسلحون 12 مدنيا, خطف عناصر من تنظيم … 5 رعاة.

A bare plural right after a kill word is read as the people it is about (قتل مدنيون: vague 3). When a figure that
counts a noun follows the plural (past its group, من + a name, or a clause that describes it and refers back to it:
يشتبه في انتمائهم إلى …), the verb is active: the plural is who did it, not a count, and the figure is the
victims."""

from __future__ import annotations

from collections.abc import Sequence

from rasd.text.segment import Token

# words of a من-phrase naming the subject's group (مسلحون من قوات الدعم السريع) between it and the figure
GROUP_WORDS = 5
OF = "من"
ADJECTIVES = 2  # indefinite adjectives of the plural (مجهولون، ملثمون)
CLAUSE_WORDS = 8  # words of a clause describing the subject (يشتبه في انتمائهم إلى جماعة X) before the figure
THEIR = "هم"  # (the pronoun suffix by which such a clause refers back to the plural: انتمائهم، أنهم، عناصرهم)
SUBJECT_WORDS = 1 + ADJECTIVES + 1 + CLAUSE_WORDS  # the most words a subject before its figure spans


def subject_of_figure(toks: Sequence[Token], j: int, hi: int, figures: frozenset[int]) -> bool:
    """Whether the plural ending at token j is the subject of a verb whose object is a figure starting in
    `figures` (where a number counting a noun starts): the figure follows it, past at most two indefinite
    adjectives of it (مسلحون مجهولون), when it is a nominative sound plural (مسلحون), or past a من-phrase naming
    its group (عناصر من تنظيم داعش 5 رعاة) with no punctuation in between. A genitive plural right before a
    figure is not a subject (مقتل مدنيين 3 …)."""
    k = j
    while k < min(hi, j + ADJECTIVES) and toks[k].kind == "word" and not toks[k].text.startswith("ال") \
            and toks[k].text.endswith(("ون", "ين")):
        k += 1
    if k >= hi:
        return False
    if k in figures:
        return toks[k - 1].text.endswith("ون")
    if toks[k].text == OF:
        for at in range(k + 2, min(hi, k + 2 + GROUP_WORDS)):
            if toks[at - 1].kind == "punct":
                return False
            if at in figures:
                return True
        return False
    return j > 0 and toks[j - 1].text.endswith("ون") and _described(toks, j, hi, figures)


def _described(toks: Sequence[Token], k: int, hi: int, figures: frozenset[int]) -> bool:
    """A clause describing the nominative plural before token k runs on to the figure, with no punctuation, and
    refers back to it by the pronoun هم or a verb of its person (قتل مسلحون يشتبه في انتمائهم إلى جماعة
    متشددة 12 مزارعا، اختطف مسلحون يعتقد أنهم من عناصر الحركة 5 رعاة، قتل مسلحون ينتمون إلى الجماعة 7 قرويين):
    the plural is the active verb's subject."""
    their = False
    for at in range(k, min(hi, k + CLAUSE_WORDS + 1)):
        if at in figures:
            return their
        if toks[at].kind == "punct":
            return False
        w = toks[at].text  # (هم, or an imperfect verb of the masculine plural: ينتمون إلى …، يستقلون سيارة)
        their = their or (toks[at].kind == "word" and len(w) >= 5 and (
            w.endswith(THEIR) or (w.startswith("ي") and w.endswith("ون"))))
    return False
