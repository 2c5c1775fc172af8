"""The person a title introduces (وزير الخارجية الإيطالي X، المتحدث باسم الجيش، X،): which of the learned recognizer's
person names after a title is its holder. Split out of recognize.unlinked.

Two readings:
- right after the title and its remit (at most TITLE_REACH words, one comma, no known actor: a person named
  after a body's name would speak for it, محافظ البصرة X but not رئيس حركة X where the movement is the actor);
- in apposition, between two commas, after a remit of words alone (المتحدث باسم الجيش، X، ; مدير مكتب المفوضية في
  محافظة ص، X،): the commas delimit the holder's name, so the remit may be longer and may name the body the
  person speaks for, which stays an actor of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.segment import Token
from .matcher import SpanSet
from .names import TaggedName

APPOSITION_MARKS = frozenset({",", "،"})  # the one mark that may stand between a title and its holder's name
TITLE_REACH = 6  # a person's name starts at most this many words after a title
APPOSITIVE_REACH = 10  # … or this many, between two commas (the remit before the first comma is longer)


def title_remit(between: Sequence[Token], taken: SpanSet, sites: SpanSet) -> bool:
    """The words between a title and the person it introduces are its remit: no known actor (the person would
    speak for it), known places allowed (محافظ البصرة فلان), one comma at most (وزير الدفاع، فلان)."""
    marks = [t for t in between if t.kind != "word"]
    return len(marks) <= 1 and all(t.text in APPOSITION_MARKS for t in marks) and not any(
        t.kind == "word" and taken.overlaps(t.start, t.end) and not sites.overlaps(t.start, t.end) for t in between)


def _comma_after(toks: Sequence[Token], j: int) -> int | None:
    """The first comma after the title at token j when only words stand before it (the remit), within reach."""
    for k in range(j + 2, min(len(toks), j + APPOSITIVE_REACH + 1)):
        if toks[k].kind != "word":
            return k if toks[k].text in APPOSITION_MARKS else None
    return None


def appositive_may_follow(toks: Sequence[Token], j: int) -> bool:
    """A cheap test before the learned recognizer: a comma closes the title's remit, and a word without the article
    (a given name) follows it."""
    k = _comma_after(toks, j)
    return k is not None and k + 1 < len(toks) and toks[k + 1].kind == "word" and not toks[k + 1].text.startswith("ال")


def _appositive(toks: Sequence[Token], j: int, tags: Sequence[TaggedName]) -> TaggedName | None:
    """A person name between two commas after the title at token j and its remit; a given name the recognizer
    left out right after the first comma goes with it (، عمر [فرج الورفلي]،)."""
    k = _comma_after(toks, j)
    if k is None:
        return None
    for n in tags:
        if n.type != "PERS" or not k < n.first <= k + 2 or n.last >= len(toks) \
                or toks[n.last].text not in APPOSITION_MARKS:
            continue
        if n.first == k + 2 and (toks[k + 1].kind != "word" or toks[k + 1].text.startswith("ال")):
            continue
        return TaggedName(k + 1, n.last, "PERS")
    return None


def title_person(toks: Sequence[Token], j: int, tags: Sequence[TaggedName], taken: SpanSet,
                 sites: SpanSet) -> TaggedName | None:
    """The recognizer's person name the title at token j introduces, if any (the module's two readings)."""
    person = next((n for n in tags if n.type == "PERS" and j < n.first <= j + TITLE_REACH), None)
    if person is not None and title_remit(toks[j + 1:person.first], taken, sites):
        return person
    return _appositive(toks, j, tags)
