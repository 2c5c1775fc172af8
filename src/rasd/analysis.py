"""One document's analysis as the pipeline's stages see it (rasd.pipeline): the input and what each stage adds.

Apart from the pipeline (which re-exports it) so that `Analysis`, made a dozen times an article, writes its
`__init__` out (rasd.records) within the size limits: the generated one runs as Python in the compiled build.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from .events import TriggerHit
from .recognize.counts import CountMatch
from .recognize.dates import DateMatch
from .recognize.linking import ActorMention, PlaceMention
from .recognize.matcher import ScannedPhrases
from .records import Count, DocumentInfo, Event, Mention
from .text.clauses import Clauses
from .text.normalize import Normalized
from .text.segment import Segmented, TokenIndex


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records), ~12 an article
class Analysis:
    """One document as the stages see it; each stage fills in some of the optional fields."""

    info: DocumentInfo
    text: str
    published: datetime.date | None
    norm: Normalized | None = None
    seg: Segmented | None = None
    tokens: TokenIndex | None = None  # the tokens of seg, indexed by word for the recognizers
    phrases: ScannedPhrases | None = None  # the hits of every lexicon's phrases over the normalized text
    counts: tuple[CountMatch, ...] | None = None
    dates: tuple[DateMatch, ...] | None = None
    actors: tuple[ActorMention, ...] | None = None
    places: tuple[PlaceMention, ...] | None = None
    country: str | None = None
    clauses: Clauses | None = None  # every sentence cut into typed clauses
    triggers: tuple[TriggerHit, ...] | None = None
    mentions: tuple[Mention, ...] | None = None  # every mention, numbered m1, m2 … in text order
    events: tuple[Event, ...] | None = None  # in document order, naming mentions by id; to_record numbers them
    doc_counts: tuple[Count, ...] | None = None

    def __init__(self, info: DocumentInfo, text: str, published: datetime.date | None, norm: Normalized | None = None,
                 seg: Segmented | None = None, tokens: TokenIndex | None = None, phrases: ScannedPhrases | None = None,
                 counts: tuple[CountMatch, ...] | None = None, dates: tuple[DateMatch, ...] | None = None,
                 actors: tuple[ActorMention, ...] | None = None, places: tuple[PlaceMention, ...] | None = None,
                 country: str | None = None, clauses: Clauses | None = None,
                 triggers: tuple[TriggerHit, ...] | None = None, mentions: tuple[Mention, ...] | None = None,
                 events: tuple[Event, ...] | None = None, doc_counts: tuple[Count, ...] | None = None) -> None:
        object.__setattr__(self, "info", info)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "norm", norm)
        object.__setattr__(self, "seg", seg)
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "counts", counts)
        object.__setattr__(self, "dates", dates)
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "clauses", clauses)
        object.__setattr__(self, "triggers", triggers)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "events", events)
        object.__setattr__(self, "doc_counts", doc_counts)


INPUT_FIELDS = frozenset({"info", "text", "published"})


def added(a: Analysis, **new: Any) -> Analysis:
    """The analysis with the fields given replaced: dataclasses.replace without its generic walk over the fields
    (a stage adds fields ~12 times per text; compiled, this is a direct call of the constructor)."""
    get = new.get
    return Analysis(info=get("info", a.info), text=get("text", a.text), published=get("published", a.published),
                    norm=get("norm", a.norm), seg=get("seg", a.seg), tokens=get("tokens", a.tokens),
                    phrases=get("phrases", a.phrases), counts=get("counts", a.counts), dates=get("dates", a.dates),
                    actors=get("actors", a.actors), places=get("places", a.places), country=get("country", a.country),
                    clauses=get("clauses", a.clauses), triggers=get("triggers", a.triggers),
                    mentions=get("mentions", a.mentions), events=get("events", a.events),
                    doc_counts=get("doc_counts", a.doc_counts))
