"""The extraction pipeline (DESIGN.md §1): stages over one document's analysis.

Each stage is a plain object with one job. It declares the fields of `Analysis` it needs and the ones it
adds; `Pipeline` checks when it is built that every need is met by the input or an earlier stage. Resources
(lexicons, gazetteer, actor dictionary) are loaded once into a `Resources` object and shared by all stages;
the same `Pipeline` serves the CLI, the API, the batch job and the evaluator.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Protocol, TypeVar

from . import budget
from .analysis import INPUT_FIELDS, Analysis
from .analysis import added as added
from .events import DocContext, EventAssembler, MentionRef, TriggerHit, mention_ref, numbered
from .recognize.anaphora import Anaphora, AnaphoraTable, CountryActors
from .recognize.belonging import BelongingPhrases, LedBodies
from .recognize.counts import CountRecognizer
from .recognize.dates import DateRecognizer
from .recognize.forces import ForcePhrases
from .recognize.headed import HeadedGovernments
from .recognize.linking import (
    ActorLinker,
    ActorMention,
    PlaceCandidate,
    PlaceLinker,
    PlaceMention,
    capital_mentions,
    document_country,
    named_countries,
    nisba_places,
)
from .recognize.matcher import PhraseScanner, ScannedPhrases, SpanSet
from .recognize.names import NameTagger
from .recognize.numbers import NumberRecognizer
from .recognize.offices import OfficeFinder
from .recognize.parenthesis import glossed
from .recognize.quoted import quoted_names
from .recognize.unlinked import Descriptors, UnlinkedFinder
from .recognize.unlinked_compound import compound_halves
from .recognize.victims import VictimNouns, only_victim_noun, told_sentences
from .records import DocumentInfo, DocumentRecord, Mention, MentionKind, is_unlinked
from .resources.actors import ActorDictionary
from .resources.gazetteer import Gazetteer
from .resources.lexicon import CueLexicon, TriggerLexicon
from .text.clauses import (
    ClauseOpen,
    Opener,
    after_comma,
    aside_openers,
    build_clauses,
    speech_openers,
)
from .text.decode import DecodedText, decode_bytes, language_of, replace_surrogates
from .text.normalize import Normalized, normalize
from .text.segment import Segmented, TokenIndex, segment

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Resources:
    """Every language resource, loaded and validated once."""

    numbers: NumberRecognizer
    counts: CountRecognizer
    dates: DateRecognizer
    gazetteer: Gazetteer
    actors: ActorDictionary
    triggers: TriggerLexicon
    cues: CueLexicon
    actor_linker: ActorLinker
    place_linker: PlaceLinker
    scanner: PhraseScanner  # every lexicon read over the whole text, in one automaton
    names: NameTagger | None = None  # the learned name recognizer (None when no model is packaged)
    unlinked: UnlinkedFinder | None = None  # names after a descriptor or a title that no entry resolves
    victims: VictimNouns | None = None  # the nouns a toll names unarmed victims with (شابا، طفل، نازحا)
    forces: ForcePhrases | None = None  # a word for forces and a nisba (طائرات حربية روسية، قناص حوثي)
    belonging: BelongingPhrases | None = None  # a phrase and its owner (الطيران الحربي التابع للجيش)
    offices: OfficeFinder | None = None  # a person named by an office (رئيس الوزراء القطري): its holder that day
    anaphora: Anaphora | None = None  # a definite head noun taking up an actor named before (المليشيا، المهاجمين)
    country_actors: CountryActors | None = None  # a country's name where an actor stands (قالت إسرائيل)

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> Resources:
        """Loads every resource from `data_dir` (the packaged data when None)."""
        def p(name: str) -> str | None:
            return str(Path(data_dir) / name) if data_dir is not None else None

        numbers = NumberRecognizer.load(p("numbers.yaml"))
        names = NameTagger.load(data_dir) or NameTagger.load()
        gazetteer = Gazetteer.load(p("gazetteer"))
        actors = ActorDictionary.load(p("actors"))
        cues = CueLexicon.load(p("cues.yaml") or "cues.yaml")
        triggers = TriggerLexicon.load(p("triggers.yaml") or "triggers.yaml")
        # (the names of countries, provinces and cities: a word of them says which country a name belongs to)
        place_words = frozenset(n for n, pid in gazetteer.names()
                                if " " not in n and gazetteer.get(pid).feature in ("country", "admin1", "city"))
        actor_linker = ActorLinker(actors, cues.not_names, cues.force_nouns, place_words)
        number_words = frozenset(numbers.words) | frozenset("ال" + w for w in numbers.words)  # (places named so: cue only)
        place_linker = PlaceLinker(gazetteer, cues.place_cues, cues.capital_words, cues.place_blockers,
                                   cues.cue_only_places | number_words, cues.place_idioms, cues.common_word_places)
        descriptors = Descriptors.load(p("descriptors.yaml"))
        scanner = PhraseScanner([actor_linker.matcher, place_linker.matcher, place_linker.capital_words,
                                 descriptors.matcher,
                                 triggers.matcher, triggers.not_triggers, cues.modality, cues.introducers,
                                 cues.speech_verbs, cues.sources, cues.clause_breaks, cues.comma_clauses,
                                 cues.visit_abroad, cues.opinion_openers, cues.relative_openers,
                                 cues.purpose_openers, cues.background, cues.weapons, cues.by_agreement,
                                 cues.perpetrator])
        counts = CountRecognizer.load(p("counts.yaml"), numbers=numbers)
        anaphora = AnaphoraTable.load(p("anaphora.yaml"))
        offices = OfficeFinder.load(p("offices.yaml"), actors, gazetteer)
        return cls(
            numbers=numbers,
            counts=counts,
            dates=DateRecognizer.load(p("dates.yaml")),
            gazetteer=gazetteer,
            actors=actors,
            triggers=triggers,
            cues=cues,
            actor_linker=actor_linker,
            place_linker=place_linker,
            scanner=scanner,
            names=names,
            unlinked=UnlinkedFinder(descriptors, actor_linker, place_linker, names, cues.locating_words),
            victims=VictimNouns.of(actors, counts.tables.noun_list, frozenset(descriptors.places),
                                   names.persons if names is not None else None, descriptors.compound_heads),
            belonging=BelongingPhrases(cues.belonging_words, {w.split()[0] for w in cues.force_nouns}
                                       | actors.anaphora_heads,
                                       LedBodies.of(actors, HeadedGovernments(offices.book, actors).by_head()),
                                       cues.body_part_words, actors, cues.sources),
            forces=ForcePhrases(actors, cues.force_nouns, members=cues.member_nouns, ellipsis=cues.force_ellipsis, acts=(w for n in cues.force_nouns for w in n.split()[:1]
                                                                if any(h.start == 0 and h.end == len(w)
                                                                       for h in triggers.matcher.find(w)))),
            offices=offices,
            anaphora=Anaphora(anaphora, actors),
            country_actors=CountryActors(anaphora, actors, gazetteer),
        )


class Stage(Protocol):
    """A step of the pipeline: reads the fields `needs` of the analysis, adds the fields `adds`."""

    name: str
    needs: frozenset[str]
    adds: frozenset[str]

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        ...


def _req(value: _T | None, what: str) -> _T:
    if value is None:  # the pipeline's build-time check makes this unreachable
        raise RuntimeError(f"stage input {what} missing")
    return value


class NormalizeStage:
    """The normalized text (with its map back to the original offsets)."""

    name = "normalize"
    needs = frozenset({"text"})
    adds = frozenset({"norm"})

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        return added(a, norm=normalize(a.text))


class SegmentStage:
    """Sentences and tokens of the normalized text."""

    name = "segment"
    needs = frozenset({"norm"})
    adds = frozenset({"seg", "tokens"})

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        seg = segment(_req(a.norm, "norm").text)
        return added(a, seg=seg, tokens=TokenIndex(seg.tokens))


class PhraseStage:
    """Names, triggers and cues: one pass of the resources' phrase scanner over the normalized text."""

    name = "phrases"
    needs = frozenset({"norm"})
    adds = frozenset({"phrases"})

    def __init__(self, res: Resources) -> None:
        self.res = res

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        return added(a, phrases=self.res.scanner.scan(_req(a.norm, "norm").text))


class CountStage:
    """Counts of people (killed, wounded, displaced …), sentence by sentence."""

    name = "counts"
    needs = frozenset({"norm", "seg", "tokens"})
    adds = frozenset({"counts"})

    def __init__(self, res: Resources) -> None:
        self.res = res

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        norm, seg = _req(a.norm, "norm"), _req(a.seg, "seg")
        sents = [(s.start, s.end) for s in seg.sentences]
        return added(a, counts=tuple(self.res.counts.find(norm.text, sents, _req(a.tokens, "tokens"))))


class DateStage:
    """Date expressions, resolved against the day of publication."""

    name = "dates"
    needs = frozenset({"norm", "tokens", "published"})
    adds = frozenset({"dates"})

    def __init__(self, res: Resources) -> None:
        self.res = res

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        return added(a, dates=tuple(self.res.dates.find(_req(a.norm, "norm").text, a.published,
                                                        _req(a.tokens, "tokens"))))


class LinkStage:
    """Actors and places: recognize, resolve descriptive references, decide the document's country,
    disambiguate places."""

    name = "link"
    needs = frozenset({"norm", "seg", "text", "phrases", "counts"})
    adds = frozenset({"actors", "places", "country"})

    def __init__(self, res: Resources) -> None:
        self.res = res

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        norm, phrases = _req(a.norm, "norm"), _req(a.phrases, "phrases")
        linker = self.res.actor_linker
        scanned = self._capitals_as_places(norm, linker.scan(a.text, norm, a.info.published,
                                                             hits=phrases.of(linker.matcher)))
        if self.res.forces is not None:  # (a word for forces before a longer name: قوات الجيش الوطني الليبي)
            scanned = self.res.forces.longer_names(linker, a.text, norm, scanned, a.info.published)
        scanned = quoted_names(linker, a.text, norm, scanned, a.info.published)  # (تنظيم "الدولة الإسلامية")
        actors = linker.resolve_descriptions(scanned, norm.text)
        blocked = [(m.nstart, m.nend) for m in actors]
        cands = self.res.place_linker.find_candidates(norm, blocked, hits=phrases.of(self.res.place_linker.matcher))
        halves = self._compound_halves(a, cands)  # (بلدة عدن يابال: no vote for Yemen)
        country = document_country([c for c in cands if c not in halves], actors, nisba_places(norm.text, linker.nisbas),
                                   linker.nisbas)  # (a group a nisba qualifies votes last)
        if country is not None:
            actors = linker.resolve_descriptions(linker.drop_foreign_generic(
                linker.with_country(scanned, a.info.published, country, a.text, norm), a.text, norm, country), norm.text)
        actors = linker.in_context(a.text, norm, a.info.published, country, actors, hits=phrases.of(linker.matcher))
        if self.res.anaphora is not None:  # (a head noun alone taking up an actor named before: المليشيا)
            actors = self.res.anaphora.resolve(a.text, norm, actors, country)
            actors = linker.drop_identified_gunmen(actors, norm.text)  # (مسلحون يشتبه في انتمائهم إلى الحركة)
        if self.res.forces is not None:  # (a word for forces and a nisba: طائرات حربية روسية)
            actors = self.res.forces.find(a.text, norm, actors, a.info.published)
        held: list[ActorMention] = []
        if self.res.offices is not None:  # a person named by an office: its holder on the document's date
            held, replaced = self.res.offices.find(a.text, norm, actors, country, a.info.published)
            actors = sorted([m for m in actors if m not in replaced] + held, key=lambda m: m.nstart)
        places = self.res.place_linker.link(a.text, norm, cands, country, named_countries(cands, actors))
        taken = [(p.nstart, p.nend) for p in places] + blocked
        places = sorted(places + capital_mentions(self.res.place_linker, a.text, norm, taken, country,
                                                  hits=phrases.of(self.res.place_linker.capital_words),
                                                  nisbas=linker.nisbas),
                        key=lambda p: p.nstart)
        if self.res.unlinked is not None:  # names no entry resolves, after a descriptor or a title
            unl = self.res.unlinked
            more = unl.find(a.text, norm, _req(a.seg, "seg"), actors, places, country,
                            hits=(phrases.of(linker.matcher), phrases.of(self.res.place_linker.matcher)),
                            descriptor_hits=phrases.of(unl.d.matcher))
            gone = set(more.dropped) | set(self.res.offices.named_after(held, more.actors, norm.text)
                                           if self.res.offices is not None else ())
            # (hashing a mention hashes its actor's names: only when there is one to drop)
            actors = sorted([m for m in actors if not gone or m not in gone] + list(more.actors), key=lambda m: m.nstart)
            if self.res.anaphora is not None and more.actors:  # (الحركة after حركة "X": a group no entry knows)
                actors = sorted(actors + self.res.anaphora.find(a.text, norm, actors, country), key=lambda m: m.nstart)
            places = sorted([p for p in places if p not in more.dropped_places] + list(more.places),
                            key=lambda p: p.nstart)
        made, glossed_gone = glossed(a.text, norm, actors, places, self.res.actors)  # أنصار الله (الحوثيين)
        actors = sorted([m for m in actors if m not in glossed_gone] + made, key=lambda m: m.nstart)
        actors = self._described(a, norm, phrases, actors, places, country)
        actors, places = self._countries_acting(a.text, norm, phrases, actors, places)
        return added(a, actors=tuple(actors), places=tuple(places), country=country,
                     info=replace(a.info, country=country))


    def _described(self, a: Analysis, norm: Normalized, phrases: ScannedPhrases, actors: list[ActorMention],
                   places: Sequence[PlaceMention], country: str | None) -> list[ActorMention]:
        """The actors named by a description: a phrase and the owner it belongs to (الطيران الحربي التابع للجيش,
        the owner's mention spans it), the nouns a toll names unarmed victims with (شابا، طفل، نازحا)."""
        # (a trigger's first word stays one under a name over the words after it or opened by a word for forces)
        forces = self.res.cues.force_nouns
        triggers = [(h.word_start, h.end if " " not in h.phrase else h.start + h.phrase.index(" "))
                    for h in phrases.of(self.res.triggers.matcher) if (h.prefix + h.phrase.split(" ")[0]) not in forces]
        if self.res.belonging is not None:
            actors = self.res.belonging.find(a.text, norm, actors, [(p.nstart, p.nend) for p in places] + triggers)
        if self.res.victims is not None:
            told = told_sentences(_req(a.seg, "seg"), phrases.of(self.res.triggers.matcher))  # (protest, violence)
            actors = sorted([*actors, *self.res.victims.find(a.text, norm, a.counts or (), actors, country, triggers,
                                                             *told)],
                            key=lambda m: m.nstart)
        return actors

    def _countries_acting(self, text: str, norm: Normalized, phrases: ScannedPhrases, actors: list[ActorMention],
                          places: list[PlaceMention]) -> tuple[list[ActorMention], list[PlaceMention]]:
        """A country's name where an actor stands (قالت إسرائيل، قصف إيران) is an actor, no more a place."""
        if self.res.country_actors is None:
            return actors, places
        verbs = [h.word_start for h in phrases.of(self.res.triggers.matcher)]
        verbs += [h.word_start for h in phrases.of(self.res.cues.speech_verbs)]
        made, as_places = self.res.country_actors.find(text, norm, places, actors, verbs)
        return sorted([*actors, *made], key=lambda m: m.nstart), [p for p in places if p not in as_places]

    def _compound_halves(self, a: Analysis, cands: Sequence[PlaceCandidate]) -> list[PlaceCandidate]:
        """The place names that are half of a compound name after a place descriptor (recognize.unlinked_compound)."""
        unl = self.res.unlinked
        if unl is None:
            return []
        return compound_halves(unl.d, unl.tagger.vocab if unl.tagger is not None else {}, _req(a.seg, "seg"),
                               _req(a.phrases, "phrases").of(unl.d.matcher), cands)

    def _capitals_as_places(self, norm: Normalized, actors: list[ActorMention]) -> list[ActorMention]:
        """A capital that names its government (باريس، موسكو) is a place again after a place cue
        (في باريس، إلى موسكو)."""
        out = []
        for m in actors:
            if m.actor.kind == "government" and self.res.place_linker.is_place_here(norm, m.nstart, m.nend):
                continue
            out.append(m)
        return out


class ClauseStage:
    """The clause layer: every sentence cut into typed clauses at the openers the cue lexicon, the punctuation
    and the recognized names give (rasd.text.clauses)."""

    name = "clauses"
    needs = frozenset({"norm", "seg", "tokens", "phrases", "actors", "places"})
    adds = frozenset({"clauses"})

    def __init__(self, res: Resources) -> None:
        self.cues = res.cues
        # منذ and its forms with و or ف before it (ومنذ)
        self.since_forms = frozenset(p + w for w in res.cues.happened_before for p in ("", "و", "ف"))

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        norm, seg, phrases = _req(a.norm, "norm"), _req(a.seg, "seg"), _req(a.phrases, "phrases")
        return added(a, clauses=build_clauses(seg, self.openers(norm.text, seg, phrases, a)))

    def openers(self, text: str, seg: Segmented, phrases: ScannedPhrases, a: Analysis) -> list[Opener]:
        """Where clauses open in the document, and what kind each is."""
        cues = self.cues
        ops = [Opener(h.word_start, ClauseOpen.CONTINUES) for h in phrases.of(cues.clause_breaks)]
        # right after a comma: a comma-clause word, or a known name written with ف (، فميناء طرابلس)
        starts = [m.nstart for m in a.actors or ()] + [p.nstart for p in a.places or ()]
        names = [pos - 1 for pos in starts if pos > 0 and text[pos - 1] == "ف"]
        for pos in {*(h.word_start for h in phrases.of(cues.comma_clauses)), *names}:
            if after_comma(text, pos):
                ops.append(Opener(pos, ClauseOpen.COMMA))
        ops += [Opener(h.word_start, ClauseOpen.RELATIVE) for h in phrases.of(cues.relative_openers)]
        ops += [Opener(h.word_start, ClauseOpen.PURPOSE) for h in phrases.of(cues.purpose_openers)]
        ops += speech_openers(seg.tokens, (h.end for h in phrases.of(cues.speech_verbs)))
        toks = _req(a.tokens, "tokens")
        ops += [Opener(toks.toks[k].start, ClauseOpen.BACKGROUND) for k in toks.words_in(self.since_forms)]
        return ops + aside_openers(text, seg.sentences)


class TriggerStage:
    """Trigger words as whole words, except those inside a recognized name (وزارة is no visit, عين زارة no
    trigger), a hashtag or a byline."""

    name = "triggers"
    needs = frozenset({"norm", "phrases", "actors", "places"})
    adds = frozenset({"triggers"})

    def __init__(self, res: Resources) -> None:
        self.res = res

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        norm, phrases = _req(a.norm, "norm"), _req(a.phrases, "phrases")
        hits: list[TriggerHit] = []
        # (a victim noun of a toll, no name, leaves a trigger under it one: مقتل متظاهر)
        names = SpanSet([(m.nstart, m.nend) for m in a.actors or () if not only_victim_noun(self.res.actors, m)]
                        + [(p.nstart, p.nend) for p in a.places or ()]
                        + [(h.word_start, h.end) for h in phrases.of(self.res.triggers.not_triggers)]
                        + self.res.triggers.blocked(norm.text))  # hashtags and bylines
        # a name opened by a word for strikes or forces (غارة إسرائيلية، القصف التركي) leaves that word a trigger
        forces = self.res.cues.force_nouns
        named_by_act = {m.nstart for m in a.actors or ()}
        for h in phrases.of(self.res.triggers.matcher):
            payloads = self.res.triggers.complete(norm.text, h.phrase, h.end, h.payloads)
            if not payloads:
                continue  # a verb that is a trigger only with its object (نشرت … وحدات), without it
            # a trigger word inside a name is none (وزارة); one whose later words begin a name is (احتجت الحكومة)
            first_end = h.phrase.find(" ")
            if names.overlaps(h.word_start, h.end if first_end < 0 else h.start + first_end) \
                    and not (h.word_start in named_by_act and (h.prefix + h.phrase.split(" ")[0]) in forces):
                continue
            s, e = norm.to_original(h.start, h.end)
            best = max(payloads, key=lambda t: t.priority)
            hits.append(TriggerHit(nstart=h.start, nend=h.end, prefix=h.prefix, phrase=h.phrase,
                                   trigger=best, start=s, end=e))
        return added(a, triggers=tuple(hits))


NAMED_BY_EVENTS = frozenset({"actor", "place", "trigger"})  # the kinds of mention an event refers to


class MentionStage:
    """Numbers the document's mentions (actors, places, counts, dates, triggers) in text order."""

    name = "mentions"
    needs = frozenset({"text", "norm", "counts", "dates", "actors", "places", "triggers"})
    adds = frozenset({"mentions"})

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        return added(a, mentions=number_mentions(a))


class EventStage:
    """The document's events and count records, from the event assembler."""

    name = "events"
    needs = frozenset({"norm", "seg", "phrases", "counts", "dates", "actors", "places", "triggers", "country",
                       "mentions", "clauses"})
    adds = frozenset({"events", "doc_counts"})

    def __init__(self, res: Resources) -> None:
        self.res = res
        self.assembler = EventAssembler(res.cues, res.actors, res.gazetteer, res.triggers.forms,
                                        frozenset(res.numbers.words), res.unlinked)

    def run(self, a: Analysis) -> Analysis:
        """The analysis with this stage's fields added."""
        ids: dict[MentionRef, str] = {}
        for m in a.mentions or ():
            if m.kind in NAMED_BY_EVENTS:
                ids.setdefault(mention_ref(m.kind, m.start, m.end), m.id)
        ctx = DocContext(text=a.text, norm=_req(a.norm, "norm"), seg=_req(a.seg, "seg"),
                         triggers=_req(a.triggers, "triggers"), counts=_req(a.counts, "counts"),
                         dates=_req(a.dates, "dates"), actors=_req(a.actors, "actors"),
                         places=_req(a.places, "places"), country=a.country, published=a.info.published,
                         phrases=a.phrases, mention_ids=ids, clauses=_req(a.clauses, "clauses"))
        events, counts = self.assembler.assemble(ctx, self.res.triggers.fallbacks)
        return added(a, events=events, doc_counts=counts)


class PipelineError(ValueError):
    """A pipeline whose stages do not fit together."""


class Pipeline:
    """The stages that turn a text into a document record, over resources loaded once."""

    def __init__(self, resources: Resources, stages: Sequence[Stage] | None = None) -> None:
        self.resources = resources
        default: list[Stage] = [NormalizeStage(), SegmentStage(), PhraseStage(resources), CountStage(resources),
                                DateStage(resources), LinkStage(resources), ClauseStage(resources),
                                TriggerStage(resources), MentionStage(), EventStage(resources)]
        self.stages: tuple[Stage, ...] = tuple(stages if stages is not None else default)
        have = set(INPUT_FIELDS)
        known = {f.name for f in fields(Analysis)}
        for st in self.stages:
            missing = st.needs - have
            if missing:
                raise PipelineError(f"stage {st.name!r} needs {sorted(missing)}, which no earlier stage adds")
            unknown = st.adds - known
            if unknown:
                raise PipelineError(f"stage {st.name!r} adds unknown fields {sorted(unknown)}")
            have |= st.adds
        if not {"events", "doc_counts"} <= have:
            raise PipelineError("the pipeline must end with events")

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> Pipeline:
        """The default pipeline over `data_dir`'s resources (packaged when None); no gc.freeze (load_for_process)."""
        return cls(Resources.load(data_dir))

    def analyse(self, text: str, *, source: str = "-", published: str | None = None,
                encoding: str | None = None, content_type: str = "text/plain", title: str | None = None,
                max_seconds: float | None = None) -> Analysis:
        """Runs the stages over one text (a text that is not Arabic gets no events). With `max_seconds`, a text
        whose extraction takes longer raises budget.TimeBudgetExceeded (checked between the stages and inside
        the loops that grow with the text). Lone surrogates become U+FFFD first (same length: offsets hold)."""
        text = replace_surrogates(text)
        pub = datetime.date.fromisoformat(published) if published else None
        info = DocumentInfo(id="sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest(), source=source,
                            published=pub.isoformat() if pub else None, language=language_of(text),
                            length=len(text), encoding=encoding, content_type=content_type, title=title)
        a = Analysis(info=info, text=text, published=pub)
        if info.language != "ar":
            return added(a, events=(), doc_counts=())
        with budget.time_budget(max_seconds):
            for st in self.stages:
                a = st.run(a)
                budget.check(f"stage {st.name}")
        return a

    def extract_text(self, text: str, *, source: str = "-", published: str | None = None,
                     encoding: str | None = None, content_type: str = "text/plain",
                     title: str | None = None, max_seconds: float | None = None) -> DocumentRecord:
        """The document record of one text (`max_seconds`: the time budget, as in analyse)."""
        return to_record(self.analyse(text, source=source, published=published, encoding=encoding,
                                      content_type=content_type, title=title, max_seconds=max_seconds))

    def extract_decoded(self, decoded: DecodedText, *, source: str, published: str | None = None,
                        max_seconds: float | None = None) -> DocumentRecord:
        """The document record of a decoded file."""
        return self.extract_text(decoded.text, source=source, published=published, encoding=decoded.encoding,
                                 content_type=decoded.content_type, title=decoded.title, max_seconds=max_seconds)

    def extract_bytes(self, data: bytes, *, source: str, published: str | None = None,
                      max_seconds: float | None = None) -> DocumentRecord:
        """The document record of raw bytes (decoded first)."""
        return self.extract_decoded(decode_bytes(data, source), source=source, published=published,
                                    max_seconds=max_seconds)


def number_mentions(a: Analysis) -> tuple[Mention, ...]:
    """The document's mentions, numbered m1, m2 … in text order (by span, then kind, then arrival)."""
    # (start, end, kind order, arrival, kind, text, ref, framing): sorted by span, then kind, then arrival
    raw: list[tuple[int, int, int, int, MentionKind, str, str | None, str | None]] = []
    for am in a.actors or ():
        ref = None if is_unlinked(am.actor.id) else am.actor.id
        raw.append((am.start, am.end, 0, len(raw), "actor", am.text, ref, am.framing))
    for pm in a.places or ():
        ref = None if is_unlinked(pm.place.id) else pm.place.id
        raw.append((pm.start, pm.end, 1, len(raw), "place", pm.text, ref, None))
    norm = a.norm
    if norm is not None:
        for cm in a.counts or ():  # (the document's count records, one per count, have these spans)
            s, e = norm.to_original(cm.start, cm.end)
            raw.append((s, e, 2, len(raw), "count", a.text[s:e], f"{cm.kind}:{cm.value}", None))
        for dm in a.dates or ():
            s, e = norm.to_original(dm.start, dm.end)
            raw.append((s, e, 3, len(raw), "date", a.text[s:e], dm.date_start, None))
    for th in a.triggers or ():
        raw.append((th.start, th.end, 4, len(raw), "trigger", a.text[th.start:th.end], th.trigger.id, None))
    raw.sort()
    return tuple(Mention(id=f"m{i}", kind=kind, text=text, start=s, end=e, ref=ref, framing=framing)
                 for i, (s, e, _o, _n, kind, text, ref, framing) in enumerate(raw, start=1))


def to_record(a: Analysis) -> DocumentRecord:
    """The document record: its mentions (numbered by MentionStage) and its events, numbered e1, e2 …"""
    mentions = a.mentions if a.mentions is not None else number_mentions(a)
    events = tuple(numbered(ev, f"e{n}") for n, ev in enumerate(a.events or (), start=1))
    return DocumentRecord(document=a.info, text=a.text, mentions=mentions, events=events,
                          counts=a.doc_counts or ())


def load_for_process(data_dir: str | Path | None = None) -> Pipeline:
    """`Pipeline.load` for a program that keeps it to the end (CLI, batch worker, server, benchmark): then gc.freeze,
    so full collections no longer walk the ~370,000 resource objects (~80 ms each). Libraries call Pipeline.load."""
    pipeline = Pipeline.load(data_dir)
    gc.freeze()
    return pipeline
