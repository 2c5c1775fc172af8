"""The plural subject of an active verb whose object is a figure: قتل مسلحون 12 مدنيا, خطف عناصر من تنظيم … 5 رعاة.

A bare plural right after a kill word is read as the people it is about (قتل مدنيون: vague 3). When a figure that
counts a noun follows the plural (past its group, من + a name), the verb is active: the plural is who did it, not
a count, and the figure is the victims."""

from __future__ import annotations

from collections.abc import Sequence

from rasd.text.segment import Token

# words of a من-phrase naming the subject's group (مسلحون من قوات الدعم السريع) between it and the figure
GROUP_WORDS = 5
OF = "من"
ADJECTIVES = 2  # indefinite adjectives of the plural (مجهولون، ملثمون)
SUBJECT_WORDS = 1 + ADJECTIVES + 1 + GROUP_WORDS  # the most words a subject before its figure spans


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
    if toks[k].text != OF:
        return False
    for at in range(k + 2, min(hi, k + 2 + GROUP_WORDS)):
        if toks[at - 1].kind == "punct":
            return False
        if at in figures:
            return True
    return False
