"""Compound names of small places that hold a known place's name (بلدة عدن يابال، بلدة دير قانون رأس العين): after a
place descriptor the whole compound is the name of one unknown place, not the known place inside it.

Two readings, one rule — a descriptor's name runs on over the words that follow it without a break:
- the known place comes first and a rare word continues it (بلدة عدن يابال): the word after the known name is
  no common word (its stem is unseen in the learned recognizer's training text), no stop word, no adjective and
  no descriptor, so it is a second name word, and the known place (Aden) is only the first half of a name;
- an unknown name comes first and a known place follows it right away (بلدة دير قانون رأس العين): no preposition,
  comma or direction word stands between them, so the known name (Ras al-Ain) is the name's second half.
Either way the known place's mention is dropped and the whole compound becomes one unlinked place, placed by the
places around it as any other (`UnlinkedFinder._container`). Split out of recognize.unlinked.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..records import is_unlinked
from ..text.segment import Segmented, Token
from .linked import PlaceCandidate
from .linking import PlaceMention
from .matcher import Hit, SpanSet
from .names import _stem
from .unlinked_groups import Found

if TYPE_CHECKING:
    from .unlinked import Descriptors as _Words

RARE = "0"  # the frequency band of a stem seen fewer than twice in the training text (names.frequency_band)
MAX_COMPOUND_WORDS = 5  # words of a compound name in all
WHOLE_FEATURES = frozenset({"country", "admin1", "region"})  # a country or a province is no half of a village's name
# (normalized) descriptors of a settlement or a ward, never of a city (not مدينة; not مخيم: a camp bears its city's name,
# مخيم جنين; not مديرية، قضاء، محافظة: a district or a province bears its seat's)
SETTLEMENTS = frozenset({"قريه", "بلده", "خربه", "عزبه", "حي", "محله", "حاره"})  # (not ضاحية: a city's suburb)
PHRASES = ("بال", "لل", "وال", "فال", "كال", "و")  # (normalized) a word of a phrase, no name word (بالعاصمة)
BIG_CITY = 100_000  # people: a city this large is no village or ward, so such a name after one is a homonym
HAMLETS = SETTLEMENTS - {"بلده"}  # (a town's word is no village's: news call a city of 150,000 بلدة ملكال، بلدة تلعفر)


def _token_start(t: Token) -> int:
    return t.start


def descriptor_word(d: _Words, w: str) -> bool:
    """A stop word, a descriptor, a title, a rank or a direction word: never a word of a name no entry knows."""
    return w in d.stop_words or w in d.places or w in d.groups or w in d.titles or w in d.directions \
        or w in d.rank_words


def _rare_name_word(d: _Words, vocab: Mapping[str, str], tok: Token, taken: SpanSet, descriptor: str) -> bool:
    """A word that continues a place's name: an indefinite word of three letters or more, free, no stop word,
    descriptor, title, rank or direction word, no nisba adjective that agrees with the descriptor (ساحلية; after
    a feminine descriptor a word ending ي is a name: بلدة عدن غوبلي), whose stem is rare in the recognizer's
    training text (a common noun or a time word — مساء، عاصمة، مسقط — is seen there often)."""
    w = tok.text
    if tok.kind != "word" or len(w) < 3 or w.startswith("ال") or taken.overlaps(tok.start, tok.end):
        return False
    if descriptor_word(d, w) or w.endswith(("يه", "ا")) or (w.endswith("ي") and not descriptor.endswith("ه")) \
            or (w.startswith("و") and w not in d.compound_heads):
        return False  # (an accusative حاجزا, a conjunction والشقيلة: the name has ended)
    return vocab.get(_stem(w)[1], "0") == RARE and vocab.get(w, "0") == RARE


def name_ends(d: _Words, vocab: Mapping[str, str], toks: Sequence[Token], i: int, free: SpanSet) -> bool:
    """Token i may follow a name's last word: the sentence's end, a mark, a stop or direction word, a known name,
    or a word with a proclitic whose stem the training text knows, not the word (بولاية، لغارة; not فصائل). A bare
    content word there makes the word before it a construct's head (مدينة دوما معقل فصيل: "a faction's stronghold")."""
    if i >= len(toks) or toks[i].kind != "word":
        return True
    t = toks[i].text
    prefix, stem = _stem(t)
    return t in d.stop_words or t in d.directions or free.overlaps(toks[i].start, toks[i].end) \
        or (prefix != "" and t not in vocab and (stem in vocab or stem in d.places or stem in d.stop_words))


def _free_gap(ntext: str, end: int, start: int) -> bool:
    """Only a space between two names: no preposition, comma or conjunction."""
    return start == end + 1 and ntext[end] == " "


def compounds_after(d: _Words, vocab: Mapping[str, str], seg: Segmented, descs: Sequence[Hit[str]],
                    places: Sequence[PlaceMention]) -> list[tuple[Found, PlaceMention]]:
    """Known place first: a settlement's descriptor (SETTLEMENTS), a one-word known place, and a rare name word right
    after it that ends the name (بلدة عدن يابال). (the compound, the known place's mention it replaces)."""
    out: list[tuple[Found, PlaceMention]] = []
    by_start = {p.nstart: p for p in places if not is_unlinked(p.place.id)}
    for h in descs:
        word = d.word_of(h.phrase)
        if h.payloads[0] != "place" or word not in SETTLEMENTS:
            continue
        p = by_start.get(h.end + 1)
        if p is None or " " in seg.text[p.nstart:p.nend] or p.place.feature in WHOLE_FEATURES:
            continue
        toks = seg.sentence_tokens(seg.sentence_at(h.start))
        k = bisect_left(toks, p.nend, key=_token_start)
        if k >= len(toks) or toks[k].start != p.nend + 1:
            continue
        rest = SpanSet([(q.nstart, q.nend) for q in places if q is not p])
        if not _rare_name_word(d, vocab, toks[k], rest, word) or not name_ends(d, vocab, toks, k + 1, rest):
            continue
        start = h.end - len(word)
        out.append((Found("place", d.places[word][0], (start, toks[k].end), (p.nstart, toks[k].end)), p))
    return out


def _run_on(d: _Words, vocab: Mapping[str, str], toks: Sequence[Token], k: int, free: SpanSet, descriptor: str) -> int:
    """How many tokens from k go on with a place's name: a rare name word (`_rare_name_word`), or a compound's
    head and its word (رأس العين، عين X), and again, up to MAX_COMPOUND_WORDS."""
    n = 0
    while k + n < len(toks) and n < MAX_COMPOUND_WORDS:
        t = toks[k + n]
        if _rare_name_word(d, vocab, t, free, descriptor) and name_ends(d, vocab, toks, k + n + 1, free):
            n += 1
        elif t.text in d.compound_heads and k + n + 1 < len(toks) and toks[k + n + 1].kind == "word" \
                and toks[k + n + 1].text not in d.stop_words and not free.overlaps(t.start, toks[k + n + 1].end):
            n += 2
        else:
            break
    return n


def compounds_before(d: _Words, vocab: Mapping[str, str], seg: Segmented, found: Sequence[Found],
                     places: Sequence[PlaceMention]) -> list[tuple[Found, Found, list[PlaceMention]]]:
    """A descriptor's place name that the next words go on (بلدة دير قانون رأس العين، بلدة عدن يابال where Aden was
    read a homonym): the name found, the whole compound, and the known places' mentions inside it."""
    out: list[tuple[Found, Found, list[PlaceMention]]] = []
    for f in found:
        if f.what != "place" or f.site:
            continue
        toks = seg.sentence_tokens(seg.sentence_at(f.name[0]))
        k = bisect_left(toks, f.name[1] + 1, key=_token_start)
        if k >= len(toks) or not _free_gap(seg.text, f.name[1], toks[k].start):
            continue
        inside = [q for q in places if q.nstart >= toks[k].start and q.place.feature not in WHOLE_FEATURES]
        free = SpanSet([(q.nstart, q.nend) for q in places if q not in inside])
        n = _run_on(d, vocab, toks, k, free, seg.text[f.span[0]:f.name[0]].strip())
        if n == 0 or len(seg.text[f.name[0]:toks[k + n - 1].end].split()) > MAX_COMPOUND_WORDS:
            continue
        end = toks[k + n - 1].end
        out.append((f, Found("place", f.kind, (f.span[0], end), (f.name[0], end)),
                    [q for q in inside if q.nend <= end]))
    return out


def with_compounds(d: _Words, vocab: Mapping[str, str], seg: Segmented, descs: Sequence[Hit[str]],
                   found: Sequence[Found], places: Sequence[PlaceMention]
                   ) -> tuple[list[Found], list[PlaceMention], list[PlaceMention]]:
    """The names found with the compounds read in (`compounds_after`, `compounds_before`), the known places'
    mentions left, and those the compounds replace (بلدة عدن يابال: Aden is only half of the name)."""
    out = list(found)
    gone: list[PlaceMention] = []
    for f, g, inside in compounds_before(d, vocab, seg, out, places):
        out[out.index(f)] = g
        gone += inside
    for g, p in compounds_after(d, vocab, seg, descs, places):
        if p not in gone and not any(f.span[0] < g.span[1] and g.span[0] < f.span[1] for f in out):
            out.append(g)
            gone.append(p)
    return out, [p for p in places if p not in gone], gone


def compound_halves(d: _Words, vocab: Mapping[str, str], seg: Segmented, descs: Sequence[Hit[str]],
                    candidates: Sequence[PlaceCandidate]) -> list[PlaceCandidate]:
    """The place names that are only half of a compound a place descriptor introduces (بلدة عدن يابال، بلدة دير
    قانون رأس العين), or a big city's name after a village's or a ward's descriptor (حي بغداد، قرية حلب: a homonym):
    they cast no vote for the document's country (a Yemeni Aden in a Somali town's name)."""
    spans = SpanSet([(c.nstart, c.nend) for c in candidates])
    ends = {h.end: d.word_of(h.phrase) for h in descs if h.payloads[0] == "place"}
    out: list[PlaceCandidate] = []
    for c in candidates:
        toks = seg.sentence_tokens(seg.sentence_at(c.nstart))
        i = bisect_left(toks, c.nstart, key=_token_start)
        if i >= len(toks) or toks[i].start != c.nstart or c.prefix:
            continue
        if ends.get(c.nstart - 1) in HAMLETS and all(p.feature == "city" and p.population >= BIG_CITY
                                                          for p in c.places):
            out.append(c)
            continue
        k = bisect_left(toks, c.nend, key=_token_start)
        after = ends.get(c.nstart - 1) in SETTLEMENTS and " " not in seg.text[c.nstart:c.nend] and k < len(toks) \
            and toks[k].start == c.nend + 1 and _run_on(d, vocab, toks, k, spans, ends[c.nstart - 1]) > 0
        j = i - 1  # (before: the descriptor, one or two unknown name words, then the known name)
        while j >= 0 and i - j <= 2 and toks[j].kind == "word" and toks[j].text not in d.stop_words \
                and not toks[j].text.startswith(PHRASES) and not spans.overlaps(toks[j].start, toks[j].end) \
                and toks[j].end + 1 == toks[j + 1].start:
            j -= 1
        before = j < i - 1 and toks[j + 1].start - 1 in ends and ends[toks[j + 1].start - 1] not in d.site_heads
        if after or before:
            out.append(c)
    return out
