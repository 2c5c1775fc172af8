"""What the linkers find: the actors and places named in a text, and the place names before their choice.

Apart from linking (which re-exports them) so that these types, made several times an article, write their
`__init__` out (rasd.records) within the size limits: the generated one runs as Python in the compiled build.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..resources.actors import Actor, ActorName
from ..resources.gazetteer import Place


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class ActorMention:
    """An actor of the dictionary named in the text (normalized and original offsets)."""
    start: int          # original offsets
    end: int
    nstart: int         # normalized offsets
    nend: int
    text: str
    actor: Actor
    framing: str | None
    descriptive: bool
    ambiguous: bool = False  # the name is shared by several actors (مدنيين: one entry per country)
    readings: tuple[ActorName, ...] = ()  # every entry the name can be, to choose again once the country is known

    def __init__(self, start: int, end: int, nstart: int, nend: int, text: str, actor: Actor,
                 framing: str | None, descriptive: bool, ambiguous: bool = False,
                 readings: tuple[ActorName, ...] = ()) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "nstart", nstart)
        object.__setattr__(self, "nend", nend)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "actor", actor)
        object.__setattr__(self, "framing", framing)
        object.__setattr__(self, "descriptive", descriptive)
        object.__setattr__(self, "ambiguous", ambiguous)
        object.__setattr__(self, "readings", readings)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class PlaceMention:
    """A place of the gazetteer named in the text, with the score and reasons of its choice."""
    start: int
    end: int
    nstart: int
    nend: int
    text: str
    place: Place
    score: float
    reasons: tuple[str, ...]
    alternatives: int   # how many other candidates the name had
    cue: int | None = None  # geo precision the cue before it gives (في 1, قرب 2 …), None without one

    def __init__(self, start: int, end: int, nstart: int, nend: int, text: str, place: Place, score: float,
                 reasons: tuple[str, ...], alternatives: int, cue: int | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "nstart", nstart)
        object.__setattr__(self, "nend", nend)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "place", place)
        object.__setattr__(self, "score", score)
        object.__setattr__(self, "reasons", reasons)
        object.__setattr__(self, "alternatives", alternatives)
        object.__setattr__(self, "cue", cue)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records), ~20 an article
class PlaceCandidate:
    """A place name found in the text with every gazetteer place it may be."""
    nstart: int
    nend: int
    prefix: str                 # proclitics before the name (وب in وبطرابلس)
    places: tuple[Place, ...]
    cued: bool = True           # a place cue stands before it (or it needs none)
    cue: int | None = None      # geo precision the cue before it gives (في 1, قرب 2 …), None without one
    toward: bool = False        # the word before it says where something goes (إلى، نحو): no place of a happening
    common: bool = False        # an everyday word the gazetteer stop-lists (جدة، الأبيض): a place only in context
    dateline: bool = False      # it opens a wire report's dateline: where the report was filed, not what it is about

    def __init__(self, nstart: int, nend: int, prefix: str, places: tuple[Place, ...], cued: bool = True,
                 cue: int | None = None, toward: bool = False, common: bool = False, dateline: bool = False) -> None:
        object.__setattr__(self, "nstart", nstart)
        object.__setattr__(self, "nend", nend)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "cued", cued)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "toward", toward)
        object.__setattr__(self, "common", common)
        object.__setattr__(self, "dateline", dateline)
