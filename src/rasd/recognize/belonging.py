"""A descriptive phrase that names the entity it belongs to (الطيران الحربي التابع للجيش السوداني، الإدارة المدنية
التابعة لقوات الدعم السريع، قوات موالية لحكومة الوحدة الوطنية): a mention of that entity spanning the phrase.

The phrase is a noun the dictionary does not know, its adjectives, a word of belonging or loyalty (cues.yaml
`roles.belonging`: التابع، التابعة، تابعين، الموالية …) and the owner's name with لـ. The noun phrase agrees with
the belonging word in definiteness, as an Arabic adjective does: before a definite one (التابع) it is the run of
definite words before it (الطيران الحربي), before an indefinite one (تابعة، موالية) a word for forces or a group's
head noun (قوات، مجموعة) and at most one adjective. A known name before the belonging word (قوات الحزام الأمني
التابعة للمجلس) is an actor of its own, which the owner's name only describes: nothing is joined there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..text.normalize import Normalized
from .linking import ActorMention
from .matcher import SpanSet

MAX_DEFINITE = 3  # definite words a described noun phrase may have (الطيران الحربي الثقيل)
_WORD = re.compile(r"[\u0621-\u064a]+")


class BelongingPhrases:
    """Joins a described noun phrase to the mention of the entity it belongs to."""

    def __init__(self, belonging: Iterable[str], heads: Iterable[str]) -> None:
        self.belonging = frozenset(belonging)
        self.heads = frozenset(heads)  # nouns an indefinite described phrase may begin with (قوات، مجموعة)

    def find(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
             taken: Sequence[tuple[int, int]] = ()) -> list[ActorMention]:
        """The mentions, each owner's name after a described phrase widened to begin with the phrase; not over
        a place or a trigger (`taken`, normalized spans)."""
        ntext = norm.text
        spans = SpanSet([*((m.nstart, m.nend) for m in mentions), *taken])
        out: list[ActorMention] = []
        for m in mentions:
            start = self._phrase_start(ntext, m, spans)
            if start is None:
                out.append(m)
                continue
            s, _ = norm.to_original(start, m.nend)
            out.append(ActorMention(start=s, end=m.end, nstart=start, nend=m.nend, text=text[s:m.end],
                                    actor=m.actor, framing=m.framing, descriptive=m.descriptive))
        return out

    def _phrase_start(self, ntext: str, m: ActorMention, spans: SpanSet) -> int | None:
        """Where the described phrase before the owner's name `m` begins; None when there is none."""
        ws = ntext.rfind(" ", 0, m.nstart) + 1
        if "ل" not in ntext[ws:m.nstart]:
            return None  # (the owner is named with لـ: التابع للجيش)
        words = [(w.start(), w.end()) for w in _WORD.finditer(ntext, max(0, ws - 80), ws)]
        if not words or ntext[words[-1][1]:ws].strip():
            return None
        link = ntext[words[-1][0]:words[-1][1]]
        if link not in self.belonging:
            return None
        before = self._described(ntext, words[:-1], definite=link.startswith("ال"))
        if before is None or spans.overlaps(before, words[-1][0]):
            return None  # (a known name, a place or a trigger there)
        return before

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
            if word in self.heads:
                return ws
        return None
