"""A named person right after a definite victim noun (الطفل أحمد X، الشابة ريم X، المواطن سامر X) is one of the
unarmed people the noun names (the civilians, the protesters): the noun and the name are one mention of them, not an
unknown person.

The victim nouns are the count lexicon's singulars of unarmed people (counts.yaml); a name is a given name the
learned recognizer's training text tags as a person's first word (ner/persons.tsv, B), then at most three words
that are names too (a person's later words there, I, or a family name of the nisba form: الزعبي).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..text.segment import CONJUNCTIONS  # (والطفل: the mention leaves the conjunction out)
from ..text.words import letter_runs

MAX_LATER = 3  # words of a name after the given name (محمد عبد الله الخطيب)


def person_stems(persons: Mapping[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """(given names, later words of names) of a persons table (stem → B or I)."""
    return (frozenset(s for s, tag in persons.items() if tag == "B"),
            frozenset(s for s, tag in persons.items() if tag in ("B", "I")))


def named_victims(ntext: str, nouns: frozenset[str], given: frozenset[str], later: frozenset[str],
                  taken: Sequence[tuple[int, int]], heads: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, the noun without its article) of each victim noun and the name after it, in normalized
    offsets; not where a mention other than one of the noun alone overlaps the name. `heads`: the first words of
    two-word names (عبد الله): the name takes the word after one."""
    if not nouns or not given:
        return []
    # (a name needs a victim noun, bare or after و/ف, and a given name among the text's words: most texts have
    # no such pair, and need no walk over their words)
    toks = letter_runs(ntext)
    words = {ntext[s:e] for s, e in toks}
    if words.isdisjoint(given) or (words.isdisjoint(nouns)
                                   and words.isdisjoint({c + n for c in CONJUNCTIONS for n in nouns})):
        return []
    out: list[tuple[int, int, str]] = []
    for k, (ws, we) in enumerate(toks[:-1]):
        word = ntext[ws:we]
        cut = 0 if word in nouns else 1 if word.startswith(CONJUNCTIONS) and word[1:] in nouns else None
        if cut is None or not _adjacent(ntext, toks, k + 1) or ntext[toks[k + 1][0]:toks[k + 1][1]] not in given:
            continue
        end_k = k + 2
        while end_k < len(toks) and end_k - k - 2 < MAX_LATER and _adjacent(ntext, toks, end_k) \
                and (_later(ntext[toks[end_k][0]:toks[end_k][1]], later)
                     or ntext[toks[end_k - 1][0]:toks[end_k - 1][1]] in heads):
            end_k += 1
        start, end = ws + cut, toks[end_k - 1][1]
        if any(a < end and start < b and not (a == start and b == we) for a, b in taken):
            continue
        out.append((start, end, word[cut:].removeprefix("ال")))
    return out


def _adjacent(ntext: str, toks: Sequence[tuple[int, int]], k: int) -> bool:
    """Token k follows token k-1 across one space (no punctuation between)."""
    return 0 < k < len(toks) and ntext[toks[k - 1][1]:toks[k][0]] == " "


def _later(word: str, later: frozenset[str]) -> bool:
    """A later word of a person's name: one of the table's, or a family name of the nisba form (الزعبي)."""
    return word in later or (word.startswith("ال") and word.endswith("ي") and len(word) >= 5)
