"""A person named only by an office: "رئيس الوزراء القطري", "قائد الجيش", "المبعوث الأممي إلى اليمن" is the actor
who held that office (data/offices.yaml, rasd.resources.offices) on the document's date.

The office is read from a title; its country from a nisba after the title (القطري، الليبية), from في/إلى/لدى or a
proclitic ل/ب + a country's name (إلى اليمن، لليمن), from the office itself when it serves one country (رئيس
حكومة الوحدة الوطنية), else — for a bare title only (قائد الجيش، رئيس الوزراء) — from the document's country. Not
the holder: a title after a word that makes it someone else's (نائب رئيس الوزراء، مستشار الرئيس), before a
word that makes it a former one (السابق، الراحل), or followed by another person's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..resources.actors import ActorDictionary
from ..resources.datafiles import ResourceError
from ..resources.gazetteer import Gazetteer
from ..resources.offices import OFFICES_FILE, Office, OfficeBook
from ..text.normalize import Normalized
from ..text.words import word_spans_after, words_before
from .linking import ActorMention
from .matcher import Hit, PhraseMatcher

PREPOSITIONS = frozenset({"في", "الي", "لدي", "بشان"})  # (normalized) المبعوث الأممي إلى اليمن، في ليبيا
NAME_REACH = 4  # another person's name this many words after a title says who holds it
_TRAIL = ".,،؛:!?\"»)(«'"


@dataclass(frozen=True, slots=True)
class _Title:
    office: Office
    bare: bool  # may take the document's country
    construct: bool = False  # the title in construct: a country's name must follow (رئيس موزمبيق)


def _spans(text: str, pos: int, k: int) -> list[tuple[int, int]]:
    """The first `k` words after `pos`, each without the punctuation glued to its end; none past a sentence mark
    or a comma that ends a word."""
    out = []
    for s, e in word_spans_after(text, pos, k):
        trimmed = e
        while trimmed > s and text[trimmed - 1] in _TRAIL:
            trimmed -= 1
        if trimmed > s:
            out.append((s, trimmed))
        if trimmed < e:
            break
    return out


def _construct(title: str) -> str | None:
    """The title in construct before a country's name: its last word without the article (الرئيس → رئيس، رئيس
    الوزراء → رئيس وزراء، وزير الخارجية → وزير خارجية); None for a title whose last word has none."""
    *head, last = title.split()
    return " ".join([*head, last[2:]]) if last.startswith("ال") and len(last) > 4 else None


class OfficeFinder:
    """Finds office titles in a text and resolves each to the holder on the document's date."""

    def __init__(self, book: OfficeBook, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.book = book
        self.actors = actors
        self.gazetteer = gazetteer
        self.nisbas: Mapping[str, str] = {**dict(actors.nisbas), **dict(book.nisbas)}
        entries = [(t, _Title(o, False)) for o in book.offices for t in o.titles]
        entries += [(t, _Title(o, True)) for o in book.offices for t in o.bare_titles]
        entries += [(c, _Title(o, False, True)) for o in book.offices if o.country is None
                    for t in (*o.titles, *o.bare_titles) for c in [_construct(t)] if c]
        self.matcher: PhraseMatcher[_Title] = PhraseMatcher(entries, names=True)

    @classmethod
    def load(cls, path: str | None, actors: ActorDictionary, gazetteer: Gazetteer) -> OfficeFinder:
        """The finder over data/offices.yaml (or `path`); ResourceError when a holder is no actor of the dictionary."""
        book = OfficeBook.load(path)
        bad = book.problems({a.id for a in actors.actors})
        if bad:
            raise ResourceError(path or OFFICES_FILE, "; ".join(bad[:5]))
        return cls(book, actors, gazetteer)

    def find(self, text: str, norm: Normalized, mentions: Sequence[ActorMention], country: str | None,
             published: str | None) -> tuple[list[ActorMention], list[ActorMention]]:
        """(the office holders named by their title, the mentions those titles replace: a description of a person
        (قائد الجيش السوداني) or a body's name inside the title (حكومة الوحدة الوطنية، الجيش) — a longer name wins)."""
        if not published:
            return [], []
        ntext = norm.text
        found: list[ActorMention] = []
        for hit, said, end in self._titles(ntext):
            if any(m.nstart < end and hit.start < m.nend and not self._yields(m, hit.start, end) for m in mentions):
                continue
            holder = self._holder(hit.payloads[0], said, country, published)
            if holder is None or self._named_other(ntext, end, mentions, holder):
                continue
            s, e = norm.to_original(hit.start, end)
            found.append(ActorMention(start=s, end=e, nstart=hit.start, nend=end, text=text[s:e],
                                      actor=self.actors.get(holder), framing=None, descriptive=False))
        replaced = [m for m in mentions if any(f.nstart < m.nend and m.nstart < f.nend for f in found)]
        return found, replaced

    def _titles(self, ntext: str) -> list[tuple[Hit[_Title], str | None, int]]:
        """(title, the country said after it, the end of the mention) for each title of a present holder. Titles in
        apposition share the country said after the last (رئيس مجلس الوزراء وزير الخارجية القطري: both Qatar's)."""
        out: list[tuple[Hit[_Title], str | None, int]] = []
        for hit in self.matcher.find(ntext):
            read = None if self._someone_elses(ntext, hit.word_start) else \
                self._genitive(ntext, hit.end) if hit.payloads[0].construct else self._country(ntext, hit.end)
            if read is not None:
                out.append((hit, *read))
        for k in range(len(out) - 2, -1, -1):
            hit, said, end = out[k]
            after, said_after, _ = out[k + 1]
            if said is None and ntext[end:after.word_start] == " ":
                out[k] = (hit, said_after, end)
        return out

    @staticmethod
    def _yields(m: ActorMention, start: int, end: int) -> bool:
        """A mention a title replaces: a person's description, or a body's name inside the title."""
        if m.actor.kind == "person":
            return m.descriptive and start <= m.nstart and m.nend <= end
        return start <= m.nstart and m.nend <= end

    def _someone_elses(self, ntext: str, word_start: int) -> bool:
        """A word before the title makes it another's: نائب رئيس الوزراء، مستشار الرئيس، المتحدث باسم الرئيس."""
        before = [w.strip(_TRAIL) for w in words_before(ntext, word_start, 2)]
        return bool(before) and (before[-1] in self.book.not_after or " ".join(before) in self.book.not_after
                                 or before[-1].removeprefix("و") in self.book.not_after)

    def _country(self, ntext: str, end: int) -> tuple[str | None, int] | None:
        """(the country said right after a title — None when none is —, the end of the mention); None when a word
        after it makes it a former holder (السابق)."""
        spans = _spans(ntext, end, 3)
        words = [ntext[s:e] for s, e in spans]
        said: str | None = None
        if words and words[0] in self.nisbas:
            said, end = self.nisbas[words[0]], spans[0][1]
            words, spans = words[1:], spans[1:]
        elif words:
            at = self._country_after(words, spans)
            if at is not None:
                said, end = at
                return said, end
        if words and (words[0] in self.book.not_before or " ".join(words[:2]) in self.book.not_before):
            return None
        return said, end

    def _genitive(self, ntext: str, end: int) -> tuple[str, int] | None:
        """(the country whose name follows a title in construct — رئيس موزمبيق، رئيس وزراء الصومال —, its end); None
        when no country's name does."""
        spans = _spans(ntext, end, 2)
        for k in (2, 1):
            code = self._country_code(" ".join(ntext[s:e] for s, e in spans[:k])) if len(spans) >= k else None
            if code is not None:
                return code, spans[k - 1][1]
        return None

    def _country_after(self, words: Sequence[str], spans: Sequence[tuple[int, int]]) -> tuple[str, int] | None:
        """A country named after a preposition (إلى اليمن) or a proclitic ل/ب (لليمن، بليبيا): its code and end."""
        if words[0] in PREPOSITIONS and len(words) > 1:
            for k in (2, 1):
                code = self._country_code(" ".join(words[1:1 + k]))
                if code is not None and len(words) >= 1 + k:
                    return code, spans[k][1]
        if words[0][:1] in ("ل", "ب"):
            code = self._country_code(words[0])
            if code is not None:
                return code, spans[0][1]
        return None

    def _country_code(self, name: str) -> str | None:
        places = self.gazetteer.lookup(name)[1]
        countries = [p for p in places if p.feature == "country"]
        return countries[0].country if countries else None

    def _holder(self, title: _Title, said: str | None, country: str | None, day: str) -> str | None:
        """The holder's actor id: for the country said, else the office's own, else (a bare title) the document's."""
        office = title.office
        if said is not None and office.country not in (None, said):
            return None
        where = said or office.country or (country if title.bare else None)
        if where is None and not office.seated():
            return None if not (title.bare and office.organisation and not office.holders) else office.organisation
        holder = office.holder(where, day)
        return holder if holder is not None and holder in self.actors else None

    @staticmethod
    def _named_other(ntext: str, end: int, mentions: Sequence[ActorMention], holder: str) -> bool:
        """Another person's name follows the title within a few words (ranks between): the text says who holds it."""
        reach = word_spans_after(ntext, end, NAME_REACH)
        limit = reach[-1][1] if reach else end
        return any(m.actor.kind == "person" and end <= m.nstart < limit and m.actor.id != holder
                   and not m.descriptive for m in mentions)

    def named_after(self, held: Sequence[ActorMention], people: Sequence[ActorMention], ntext: str) -> list[ActorMention]:
        """The office mentions of `held` right before a name of `people` (the unlinked persons after a title:
        وزير الخارجية القطري X): the text names the holder, so the dated one goes."""
        return [m for m in held if self._named_other(ntext, m.nend, people, m.actor.id)]

