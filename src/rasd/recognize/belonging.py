"""A descriptive phrase that names the entity it belongs to (الطيران الحربي التابع للجيش السوداني، الإدارة المدنية
التابعة لقوات الدعم السريع، قوات موالية لحكومة الوحدة الوطنية): a mention of that entity spanning the phrase.

The phrase is a noun the dictionary does not know, its adjectives, a word of belonging or loyalty (cues.yaml
`roles.belonging`: التابع، التابعة، تابعين، الموالية …) and the owner's name with لـ. The noun phrase agrees with
the belonging word in definiteness, as an Arabic adjective does: before a definite one (التابع) it is the run of
definite words before it (الطيران الحربي), before an indefinite one (تابعة، موالية) a word for forces or a group's
head noun (قوات، مجموعة) and at most one adjective. A known name before the belonging word (قوات الحزام الأمني
التابعة للمجلس) is an actor of its own, which the owner's name only describes: nothing is joined there.

A body named by its leader (حكومة فتحي باشاغا، المجموعات الموالية لباشاغا) is that body, and a part of a
government named with it (وزارة الداخلية بحكومة X) is the government, also when the dictionary knows the part. A
word for forces right before its owner with لـ (رتلا للجيش) names the owner, and a known name a belonging word
and its owner describe (مستنفرين مسلحين تابعين للجيش) gets a mention spanning the description as well. Which body a person leads
is read from the dictionary, not listed: a body's name made of a head word and a person's name (حكومة باشاغا،
قوات حفتر) ties that head word and person to it. After the head word, any name of the person (حكومة فتحي
باشاغا) stands for the body; a phrase belonging to the person (الموالية لباشاغا) belongs to the body the
dictionary names most often after them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..records import is_unlinked, replaced
from ..resources.actors import Actor, ActorDictionary
from ..resources.morphology import proclitic_runs
from ..text.normalize import Normalized, normalize_name
from ..text.words import letter_runs
from .linking import UNIDENTIFIED, ActorMention
from .matcher import PhraseMatcher, SpanSet

ARMED_KINDS = frozenset({"state_forces", "external_forces", "rebel_group", "political_militia",
                         "identity_militia"})  # owners a word for forces before لـ belongs to (رتلا للجيش)
MAX_DEFINITE = 3  # definite words a described noun phrase may have (الطيران الحربي الثقيل)
PROCLITICS = proclitic_runs()  # (before a body's head word: لحكومة، وحكومة)


@dataclass(frozen=True, slots=True)
class LedBodies:
    """The bodies the dictionary names by a head word and a person's name (حكومة باشاغا، قوات حفتر)."""

    by_head: Mapping[tuple[str, str], Actor]  # {(normalized head word, person id): the body}
    by_person: Mapping[str, Actor]  # {person id: the body named most often after them, when one is}
    titles: frozenset[str] = frozenset()  # a person's title (رئيس، زعيم): رئيس حكومة X is X himself

    @classmethod
    def of(cls, actors: ActorDictionary, headed: Mapping[tuple[str, str], Actor] | None = None) -> LedBodies:
        """Reads every body name "head word + a person's name" of the dictionary; `headed`: more such pairs (the
        governments the offices data says a person headed: recognize.headed)."""
        people: dict[str, set[str]] = {}
        titles: set[str] = set()  # (the first words of the people's descriptions: رئيس حكومة الوفاق)
        for a in actors.actors:
            if a.kind == "person":
                for n in a.variants_ar:
                    people.setdefault(normalize_name(n), set()).add(a.id)
                titles |= {d.split()[0] for d in map(normalize_name, a.descriptions_ar) if " " in d}
        by_head: dict[tuple[str, str], Actor] = {}
        counts: dict[str, Counter[str]] = {}
        bodies: dict[str, Actor] = {}
        for a in actors.actors:
            if a.kind == "person":
                continue
            for n in (*a.variants_ar, *a.own_ar, *a.hostile_ar):
                head, _, rest = normalize_name(n).partition(" ")
                pids = people.get(rest, set())
                if len(pids) == 1:
                    pid = next(iter(pids))
                    by_head.setdefault((head, pid), a)
                    counts.setdefault(pid, Counter())[a.id] += 1
                    bodies[a.id] = a
        by_person: dict[str, Actor] = {}
        for pid, c in counts.items():
            top = c.most_common(2)
            if len(top) == 1 or top[0][1] > top[1][1]:
                by_person[pid] = bodies[top[0][0]]
        by_head = {**(headed or {}), **by_head}  # (the dictionary's own name before the offices' reading)
        return cls(by_head=MappingProxyType(by_head), by_person=MappingProxyType(by_person),
                   titles=frozenset(titles))


class BelongingPhrases:
    """Joins a described noun phrase to the mention of the entity it belongs to."""

    def __init__(self, belonging: Iterable[str], heads: Iterable[str], led: LedBodies | None = None,
                 parts: Iterable[str] = (), actors: ActorDictionary | None = None,
                 sources: PhraseMatcher[str] | None = None) -> None:
        """`actors`: the dictionary, for the governments its parts belong to (affiliation); `sources`: the
        phrases that are sources by themselves (وزارة الصحة): a part they name stays itself, the source of a toll."""
        self.belonging = frozenset(belonging)
        self.sources = sources
        govs = [a for a in (actors.actors if actors is not None else ()) if a.kind == "government"
                or "government" in a.national]
        self.owners: Mapping[str, Actor] = MappingProxyType({a.id: a for a in govs})
        self.owners_names: Mapping[str, tuple[str, ...]] = MappingProxyType(
            {a.id: tuple(normalize_name(n) for n in (a.name_ar, *a.variants_ar)) for a in govs})
        self.parts = frozenset(normalize_name(w) for w in parts)  # a government's parts (وزارة، هيئة)
        self.heads = frozenset(heads)  # nouns an indefinite described phrase may begin with (قوات، مجموعة)
        self.led = led if led is not None else LedBodies(MappingProxyType({}), MappingProxyType({}))

    def find(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
             taken: Sequence[tuple[int, int]] = ()) -> list[ActorMention]:
        """The mentions, each owner's name after a described phrase widened to begin with the phrase; not over
        a place or a trigger (`taken`, normalized spans)."""
        ntext = norm.text
        mentions = [self._spelled_part(ntext, self._by_leader(text, norm, m)) for m in mentions]
        spans = SpanSet([*((m.nstart, m.nend) for m in mentions), *taken])
        # (a part of a government may hold a name the dictionary does not know, وزارة الإعلام, or one it knows
        # apart from the government, وزارة الداخلية: the part is the government's all the same)
        known = SpanSet([*((m.nstart, m.nend) for m in mentions
                           if not is_unlinked(m.actor.id) and m.actor.kind != "government"), *taken])
        out: list[ActorMention] = []
        widened: list[tuple[int, int]] = []  # (the phrases before the owners' names)
        for m in mentions:
            start = self._phrase_start(ntext, m, spans, known)
            if start is None:
                out.append(m)
                continue
            widened.append((start, m.nstart))
            s, _ = norm.to_original(start, m.nend)
            body = self.led.by_person.get(m.actor.id) if m.actor.kind == "person" else None
            out.append(ActorMention(start=s, end=m.end, nstart=start, nend=m.nend, text=text[s:m.end],
                                    actor=body or m.actor, framing=m.framing, descriptive=m.descriptive))
        phrases = SpanSet(widened)
        made = {id(m) for m in out} - {id(m) for m in mentions}
        out = [m for m in out if id(m) in made or not ((is_unlinked(m.actor.id) or m.actor.kind == "government")
                                                       and phrases.overlaps(m.nstart, m.nend))]
        return described_names(text, norm, out, self.belonging)

    def _source(self, name: str) -> bool:
        """The name (normalized) begins with a phrase that is a source by itself (وزارة الصحة)."""
        return self.sources is not None and any(h.start == 0 for h in self.sources.find(name))

    def _spelled_part(self, ntext: str, m: ActorMention) -> ActorMention:
        """A part of a government whose name the dictionary knows with its government spelled out after بـ، لـ or
        في (وزارة الداخلية بحكومة X): the government, as the part the dictionary does not know is (_part_start)."""
        owner = self.owners.get(m.actor.affiliation or "") if m.actor.kind == "government" else None
        name = ntext[m.nstart:m.nend]
        if owner is None or self._source(name):
            return m
        for n in self.owners_names.get(owner.id, ()):
            if name.endswith((" ب" + n, " ل" + n, " في " + n, " ب" + n.removeprefix("ال"))):
                return replaced(m, actor=owner)
        return m

    def _by_leader(self, text: str, norm: Normalized, m: ActorMention) -> ActorMention:
        """A person's mention after the head word of a body the person leads (حكومة فتحي باشاغا): that body, named
        by the head word and the person's name (the mention spans both, after the head word's proclitics: a
        phrase before it, داعمة لحكومة X, reads the owner's لـ as before a name); any other mention as it is."""
        if m.actor.kind != "person":
            return m
        ntext = norm.text
        we = m.nstart - 1
        if we <= 0 or ntext[we] != " ":
            return m
        ws = ntext.rfind(" ", 0, we) + 1
        word = ntext[ws:we]
        before = ntext[ntext.rfind(" ", 0, max(ws - 1, 0)) + 1:max(ws - 1, 0)]
        if any(before[len(c):] in self.led.titles for c in ("", *PROCLITICS) if before.startswith(c)):
            return m  # (the head of the body: رئيس حكومة فايز السراج is the person)
        for clitic in ("", *PROCLITICS):
            if word.startswith(clitic) and (body := self.led.by_head.get((word[len(clitic):], m.actor.id))):
                s, _ = norm.to_original(ws + len(clitic), m.nend)  # (the head word is the body's name too)
                return replaced(m, actor=body, start=s, nstart=ws + len(clitic), text=text[s:m.end])
        return m

    def _phrase_start(self, ntext: str, m: ActorMention, spans: SpanSet, known: SpanSet) -> int | None:
        """Where the described phrase before the owner's name `m` begins; None when there is none."""
        ws = ntext.rfind(" ", 0, m.nstart) + 1
        if "ل" not in ntext[ws:m.nstart] and m.actor.kind != "government" and "government" not in m.actor.national:
            return None  # (neither a part of a government nor an owner named with لـ: the words before are not read)
        words = letter_runs(ntext, max(0, ws - 80), ws)
        part = self._part_start(ntext, m, ws, words)
        if part is not None:
            return None if known.overlaps(part, ws - 1) or self._source(ntext[part:ws]) else part
        if "ل" not in ntext[ws:m.nstart]:
            return None  # (the owner is named with لـ: التابع للجيش)
        if not words or ntext[words[-1][1]:ws].strip():
            return None
        link = ntext[words[-1][0]:words[-1][1]]
        if link not in self.belonging:  # (a word for forces right before the owner: رتلا للجيش، مقاتلين للحركة)
            head = not link.startswith("ال") and (link in self.heads or link.endswith("ا") and link[:-1] in self.heads)
            armed = m.actor.kind in ARMED_KINDS and ntext[ws:m.nstart] == "ل"
            return words[-1][0] if head and armed and not spans.overlaps(*words[-1]) else None
        before = self._described(ntext, words[:-1], definite=link.startswith("ال"))
        if before is None or spans.overlaps(before, words[-1][0]):
            return None  # (a known name, a place or a trigger there)
        return before

    def _part_start(self, ntext: str, m: ActorMention, ws: int, words: Sequence[tuple[int, int]]) -> int | None:
        """Where a part of the government `m` names begins (وزارة الداخلية بحكومة X، وزارة الإعلام في الحكومة):
        a word for a part and at most two definite words, then بـ، لـ or في and the government; else None."""
        if m.actor.kind != "government" and "government" not in m.actor.national:
            return None
        if ntext[ws:m.nstart] not in ("ب", "ل"):
            if ntext[ws:m.nstart] or not words or ntext[words[-1][0]:words[-1][1]] != "في":
                return None
            words = words[:-1]
        for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
            if k < len(words) - 1 and ntext[words[k][1]:words[k + 1][0]].strip():
                return None  # (a comma or a bracket ends the phrase)
            word = ntext[words[k][0]:words[k][1]]
            if word in self.parts and k < len(words) - 1:
                return words[k][0]
            if not word.startswith("ال"):
                return None
        return None

    def _described(self, ntext: str, words: Sequence[tuple[int, int]], definite: bool) -> int | None:
        """The start of the noun phrase ending right before the belonging word, agreeing with it in
        definiteness; None when there is none."""
        run: list[int] = []
        for k in range(len(words) - 1, -1, -1):
            ws, we = words[k]
            if k < len(words) - 1 and ntext[we:words[k + 1][0]].strip():
                break  # (a comma or a bracket ends the phrase)
            word = ntext[ws:we]
            if word.startswith("ال") != definite or len(run) == (MAX_DEFINITE if definite else 2):
                break
            run.append(ws)
        if not run:
            return None
        if definite:
            return run[-1]
        # indefinite: a word for forces or a group's head, and at most one adjective after it
        for ws in reversed(run):
            word = ntext[ws:ntext.find(" ", ws) if " " in ntext[ws:] else len(ntext)]
            if word in self.heads or (word.endswith("ا") and word[:-1] in self.heads):  # (رتلا: accusative)
                return ws
        return None


def described_names(text: str, norm: Normalized, mentions: Sequence[ActorMention],
                    belonging: frozenset[str]) -> list[ActorMention]:
    """The mentions, a known name that a belonging word and its owner describe (مستنفرين مسلحين تابعين للجيش،
    قوات الحزام الأمني التابعة للمجلس): a mention of the name's actor spanning the phrase too, beside the name's and
    its owner's mentions. Between the name and the belonging word at most one adjective, which agrees
    with the belonging word in definiteness as the name's last word does."""
    ntext = norm.text
    ends = {m.nend: m for m in mentions if not is_unlinked(m.actor.id) and m.actor.kind != "person"
            and not m.actor.id.startswith(UNIDENTIFIED)}  # (unnamed gunmen: the owner identifies them)
    out = list(mentions)
    for m in mentions:
        ws = ntext.rfind(" ", 0, m.nstart) + 1
        if ntext[ws:m.nstart] != "ل":
            continue
        words = letter_runs(ntext, max(0, ws - 60), ws)[-3:]
        if len(words) < 2 or ntext[words[-1][0]:words[-1][1]] not in belonging:
            continue
        definite = ntext[words[-1][0]:words[-1][1]].startswith("ال")
        for k in (len(words) - 2, len(words) - 3):
            gap = ntext[words[k][1]:ws]
            name = ends.get(words[k][1])
            if k < 0 or any(ch in gap for ch in ".,،؛:\"«»()") or (
                    k < len(words) - 2 and ntext[words[k + 1][0]:words[k + 1][1]].startswith("ال") != definite):
                break
            if name is not None and name is not m and ntext[words[k][0]:words[k][1]].startswith("ال") == definite:
                s, e = norm.to_original(name.nstart, m.nend)
                out.append(replaced(name, start=s, end=e, nend=m.nend, text=text[s:e]))
                break
    return sorted(out, key=lambda x: x.nstart)
