"""Source attribution: who tells an event or gives a figure (حسب/وفق/نقلا عن …, source words, the speaker
of a report)."""

from __future__ import annotations

from typing import NamedTuple

from ..resources.lexicon import CueLexicon
from ..text.words import words_before
from .context import DocContext, words_from
from .rules import AttributionRule
from .speech_sides import NAME_OF


class AttributionDecision(NamedTuple):
    """Who an event is told on the authority of, the rule that found it and its span (normalized offsets)."""

    value: str | None
    rule: AttributionRule | None
    evidence: tuple[int, int] | None


NO_ATTRIBUTION = AttributionDecision(None, None, None)


def _past_lam(ntext: str, pos: int, hi: int) -> tuple[int, int] | None:
    """Where the source starts after an introducer that takes ل (وفقا للجنة …، طبقا لوزارة …): after that ل; at the word
    itself after لل (وفقا للمرصد: ل + المرصد, its alef dropped). None when the next word has no ل in front."""
    words = words_from(ntext, pos, hi, 1)
    if not words or not ntext.startswith("ل", words[0][0]) or words[0][1] - words[0][0] < 3:
        return None
    start = words[0][0]
    return (start if ntext.startswith("لل", start) else start + 1), 0


class Attributor:
    """Finds attribution phrases and speakers in a stretch of a document."""

    def __init__(self, cues: CueLexicon, trigger_forms: frozenset[str]) -> None:
        self.cues = cues
        self.trigger_forms = trigger_forms

    def phrase(self, ctx: DocContext, s_start: int, s_end: int,
               introducers_only: bool = False) -> AttributionDecision:
        """The first attribution in [s_start, s_end): the words after an introducer (حسب مصادر طبية), else
        (unless `introducers_only`) a source word."""
        ntext, text, norm = ctx.norm.text, ctx.text, ctx.norm
        told = ctx.hits_in(self.cues.told_introducers, s_start, s_end)
        lam = ctx.hits_in(self.cues.lam_introducers, s_start, s_end)
        hits = sorted([*told, *lam, *ctx.hits_in(self.cues.introducers, s_start, s_end)], key=lambda h: h.word_start)
        for hit in hits:
            past = _past_lam(ntext, hit.end, s_end) if hit in lam else self._past_told(ntext, hit.end, s_end,
                                                                                        hit in told)
            if past is None:
                continue  # على ما يبدو: no speech verb, no source
            start, told_words = past
            stop = start
            # (the words of what was told count in the phrase's length: حسب ما أفاد المرصد …)
            for w_s, w_e in words_from(ntext, start, s_end, self.cues.attribution_max_words - told_words):
                if ntext[w_s:w_e] in self.cues.attribution_stop:
                    break
                stop = w_e
                if w_e < s_end and ntext[w_e] in ",.;:\"()\n":
                    break
            if stop > start:
                s, e = norm.to_original(start, stop)
                return tuple.__new__(AttributionDecision, (text[s:e], AttributionRule.PHRASE,
                                                           (hit.word_start, self._title_after(ntext, stop, s_end))))
        if introducers_only:
            return NO_ATTRIBUTION
        for hit in ctx.hits_in(self.cues.sources, s_start, s_end):
            s, e = norm.to_original(hit.word_start, hit.end)
            return tuple.__new__(AttributionDecision, (text[s:e], AttributionRule.PHRASE, (hit.word_start, hit.end)))
        return NO_ATTRIBUTION

    def _title_after(self, ntext: str, stop: int, hi: int) -> int:
        """Where the span of a source ending at `stop` ends: past a title in apposition to it that names the body
        it speaks for (حسبما أفاد فلان، المتحدث باسم وزارة الصحة): that body only tells the event too."""
        if stop >= hi or ntext[stop] not in ",،":
            return stop
        words = words_from(ntext, stop + 1, hi, self.cues.attribution_max_words)
        if len(words) < 3 or ntext[words[1][0]:words[1][1]] not in NAME_OF:
            return stop
        return words[-1][1]

    def _past_told(self, ntext: str, pos: int, hi: int, told: bool) -> tuple[int, int] | None:
        """Where the source starts after an introducer ending at `pos`, and how many words it skipped: past ما and
        a speech verb with its object (حسب ما أفادت به الشرطة → الشرطة), else right after it; None after an
        introducer of what was told (`told`: حسبما، وفقا لما) with no speech verb after it."""
        words = words_from(ntext, pos, hi, 3)
        n = 1 if words and ntext[words[0][0]:words[0][1]] in self.cues.told_that else 0
        if n < len(words) and self._speech_word(ntext[words[n][0]:words[n][1]]):
            n += 1
            n += 1 if n < len(words) and ntext[words[n][0]:words[n][1]] in self.cues.told_objects else 0
        elif told:
            return None
        start = words[n - 1][1] if n else pos
        while start < hi and ntext[start] == " ":
            start += 1
        return start, n

    def _speech_word(self, word: str) -> bool:
        """A speech verb or a verb of what was told, maybe with an object pronoun (أفادت، أعلنته، أوردته)."""
        speech = self.cues.speech_words
        return word in speech or any(word.endswith(x) and word[:-len(x)] in speech for x in self.cues.told_suffixes)

    def speaker(self, ctx: DocContext, lo: int, hi: int) -> str | None:
        """The words after the last speech verb in [lo, hi), up to إن/أن (وقالت وزارة الصحة إن → وزارة الصحة)."""
        ntext = ctx.norm.text
        hits = [h for h in ctx.hits_in(self.cues.speech_verbs, lo, hi) if self._speaks(ntext, h.phrase, h.end, hi)]
        if not hits:
            return self.phrase(ctx, lo, hi).value
        start = hits[-1].end
        named = next((m for m in ctx.actors_in(start, start + 3) if m.nend <= hi), None)
        if named is not None:
            return named.text  # the speaker is a name the dictionary knows: exactly that name
        words = words_from(ntext, start, hi, self.cues.attribution_max_words)
        stop = None
        for n, (w_s, w_e) in enumerate(words):
            word = ntext[w_s:w_e]
            if n >= self.cues.attribution_max_words or word in self.cues.attribution_stop \
                    or word in self.trigger_forms or word.lstrip("و") in self.trigger_forms:
                break
            stop = (words[0][0], w_e)
        if stop is None:
            return None
        s, e = ctx.norm.to_original(*stop)
        return ctx.text[s:e]

    def _speaks(self, ntext: str, verb: str, end: int, hi: int) -> bool:
        """Whether a speech verb (normalized, ending at `end`) speaks: a word that is also a preposition of roles.between
        (بين) does only with أن or إن right after its subject, before `hi` (وبين المصدر أن …, not اشتباكات بين
        فصائل)."""
        return verb not in self.cues.between_words or any(
            w in self.cues.that_words for w in ntext[end:hi].split()[:self.cues.attribution_max_words + 1])

    def after_speech_verb(self, text: str, pos: int) -> bool:
        """A speech verb (قالت، أعلن) ends right before `pos`."""
        before = " ".join(words_before(text, pos, 2))
        return bool(self.cues.speech_verbs.find_ending(before))

    def speech_between(self, span: str) -> bool:
        """The stretch of text holds a speech verb."""
        return bool(self.cues.speech_verbs.find(span))
