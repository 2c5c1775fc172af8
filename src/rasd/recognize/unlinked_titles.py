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

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..text.segment import Token
from .matcher import SpanSet
from .names import TaggedName, _stem
from .unlinked_compound import RARE, descriptor_word, name_ends

if TYPE_CHECKING:
    from .unlinked import Descriptors as _Words

APPOSITION_MARKS = frozenset({",", "،"})  # the one mark that may stand between a title and its holder's name
TITLE_REACH = 6  # a person's name starts at most this many words after a title
APPOSITIVE_REACH = 10  # … or this many, between two commas (the remit before the first comma is longer)
MAX_RARE_WORDS = 3  # words of a person's name read from their rarity alone (بولا أحمد تينوبو)


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


def remit_end(d: _Words, toks: Sequence[Token], j: int, sites: SpanSet) -> int | None:
    """The token after the remit of the title at token j (its definite complements الخارجية الإيطالي, its ranks,
    باسم and known places: محافظ البصرة، رئيس موزمبيق; one comma at most): where its holder's name would begin;
    None past TITLE_REACH words or at any other mark."""
    commas = 0
    for k in range(j + 1, min(len(toks), j + 1 + TITLE_REACH)):
        t = toks[k]
        if t.kind != "word":
            commas += 1
            if t.text in APPOSITION_MARKS and commas == 1:
                continue
            return None
        if not (t.text.startswith("ال") or t.text in d.titles or t.text in d.rank_words or t.text == "باسم"
                or sites.overlaps(t.start, t.end)):
            return k
    return None


def rare_word(d: _Words, vocab: Mapping[str, str], tok: Token, taken: SpanSet) -> bool:
    """A word of a foreign or unfamiliar person's name: indefinite, two letters or more, free, no stop word,
    descriptor, title, rank or direction word, no word joined by و, not seen twice in the recognizer's training
    text (common words all are: مجددا، نظيره، صباح، أمس); its stem may be (بولا reads as ب + ولا), see rare_person."""
    w = tok.text
    if tok.kind != "word" or len(w) < 2 or w.startswith(("ال", "و")) or taken.overlaps(tok.start, tok.end):
        return False
    return not descriptor_word(d, w) and vocab.get(w, RARE) == RARE


def rare_person(d: _Words, vocab: Mapping[str, str], toks: Sequence[Token], j: int, taken: SpanSet,
                sites: SpanSet) -> list[TaggedName]:
    """A person the learned recognizer misses after a title and its remit because no word of the name is in its
    training text (الرئيس النيجيري بولا تينوبو، وزير الدفاع الكيني أدن دوالي): two or three words right after the
    remit, each rare, one at least with a rare stem too (not بشدة بالهجوم: ب + a common word each), ending where a
    name may end (a mark, a stop word, a word with a proclitic, or a definite word: the verb's object, ودعا رئيس
    موزمبيق دانيال تشابو السكان). One rare word alone is no name here (it may be a misspelt common word)."""
    k = remit_end(d, toks, j, sites)
    if k is None or not vocab:
        return []
    n = 0
    while n < MAX_RARE_WORDS and k + n < len(toks) and rare_word(d, vocab, toks[k + n], taken):
        n += 1
    definite_after = k + n < len(toks) and toks[k + n].kind == "word" and toks[k + n].text.startswith("ال")
    if n < 2 or not (name_ends(d, vocab, toks, k + n, taken) or definite_after) \
            or all(vocab.get(_stem(t.text)[1], RARE) != RARE for t in toks[k:k + n]):
        return []
    return [TaggedName(k, k + n, "PERS")]


def rare_run(d: _Words, vocab: Mapping[str, str], toks: Sequence[Token], k: int, end: int, taken: SpanSet,
             most: int) -> int:
    """The end of a foreign place's name of several words after a strong descriptor (بلدة موسيمبوا دا برايا، قرية
    كاسا ناوا): its first word at token k and the words after `end` while each is rare in the recognizer's
    training text (rare_word; a common word, a time or a verb is not), up to `most` words in all; a word of two
    letters (دا، دي) only inside the name, and the first word with a rare stem too. A particle of foreign names
    (`name_links`: دا، دي، دو, and an article after it: دي لا) takes the word after it into the name whatever that
    word looks like (a common word, a clitic and a word, another place: برايا، ريو), and the rare run goes on."""
    n = end
    if vocab and rare_word(d, vocab, toks[k], taken) and vocab.get(_stem(toks[k].text)[1], RARE) == RARE:
        n = _rare_words(d, vocab, toks, n, min(len(toks), k + most), taken)
    n = linked_end(d, vocab, toks, k, n, taken, most)
    while n > end and len(toks[n - 1].text) < 3:
        n -= 1
    return n


def linked_end(d: _Words, vocab: Mapping[str, str], toks: Sequence[Token], k: int, n: int, taken: SpanSet,
               most: int) -> int:
    """The end of a place's name from token k that ends at n so far, past each particle of foreign names
    (`name_links`, and its articles: دا، دي لا) with the word after it and the rare words after that; the
    particles do not count among the `most` words of a name."""
    limit = min(len(toks), k + most)
    while n > k + 1 and toks[n - 1].text in d.name_links | d.name_link_articles:
        n -= 1  # (a particle the rare run took in: the loop reads the word after it)
    while n < limit and toks[n].kind == "word" and toks[n].text in d.name_links:
        m = n + 1
        while m < len(toks) and toks[m].kind == "word" and toks[m].text in d.name_link_articles:
            m += 1  # (دي لا كروز)
        limit = min(len(toks), limit + m - n)
        if m >= limit or not _linked_word(d, toks[m]):
            break
        n = _rare_words(d, vocab, toks, m + 1, limit, taken) if vocab else m + 1
        while n > m + 1 and toks[n - 1].text in d.name_links | d.name_link_articles:
            n -= 1
    return n


def _rare_words(d: _Words, vocab: Mapping[str, str], toks: Sequence[Token], n: int, limit: int,
                taken: SpanSet) -> int:
    """The end of the run of rare words from token n (a proclitic on a known word ends it: بإقليم)."""
    while n < limit and rare_word(d, vocab, toks[n], taken) and not name_ends(d, vocab, toks, n, taken):
        n += 1
    return n


def _linked_word(d: _Words, tok: Token) -> bool:
    """A word a particle of a foreign name joins to it: a word, no stop word, no definite word (the text goes on)."""
    return tok.kind == "word" and len(tok.text) >= 2 and tok.text not in d.stop_words and not tok.text.startswith("ال")
