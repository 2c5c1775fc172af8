"""Record types of the `rasd.document/1` contract (DESIGN.md §2).

Every record is a frozen dataclass; `to_json()` gives the JSON shape the contract fixes.
All `start`/`end` offsets index the *original* text of the document.

The records made for every mention and event (and the hottest internal types of the recognizers and the
event assembly, which say so beside their decorator) write their `__init__` out, `init=False`: the one
dataclasses generates runs as Python even in the compiled build (one interpreted `object.__setattr__` call
per field, ~0.4-1 µs an object, ~800 objects an article), while mypyc compiles this one's
`object.__setattr__(self, "field", value)` to a direct store. Repr, `replace` and `fields` stay the
dataclass's, and its equality and hashing except for `Span` and `Count` (put in sets), which write out the
same comparison and hash of their fields; tests/test_records.py checks that each such `__init__` takes exactly the
fields, in order, with their defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

SCHEMA = "rasd.document/1"

MentionKind = Literal["actor", "place", "count", "date", "trigger", "number", "source"]
CountKind = Literal["killed", "wounded", "displaced", "missing", "detained", "abducted", "sick", "affected"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "vague"]
Scope = Literal["incident", "cumulative"]
Modality = Literal["asserted", "reported", "planned", "called_for", "negated", "denied"]
Precision = Literal["day", "week", "month", "year", "unknown"]
Anchor = Literal["published", "explicit", "unknown"]

COUNT_KINDS: tuple[str, ...] = ("killed", "wounded", "displaced", "missing", "detained", "abducted", "sick", "affected")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "vague")
MODALITIES: tuple[str, ...] = ("asserted", "reported", "planned", "called_for", "negated", "denied")


_D = TypeVar("_D", bound="DataclassInstance")


def replaced(obj: _D, **changes: Any) -> _D:
    """`dataclasses.replace(obj, **changes)` for a dataclass without ClassVar or InitVar pseudo-fields: a new
    object made by the class's own __init__, each of its arguments from `changes` or else from `obj`. Compiled, it
    makes no Python frame, while replace is Python even in the compiled build (its walk over `fields`: ~15x the
    cost of the constructor; ~20 an article in the event assembly and the linkers)."""
    cls = type(obj)
    kept = {name: getattr(obj, name) for name, f in cls.__dataclass_fields__.items()
            if f.init and name not in changes}
    return cls(**kept, **changes)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class Span:
    """A span of the original text."""
    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    # equality and hash written out (the generated ones run as Python; spans go in sets): the same values
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Span:
            return NotImplemented
        assert isinstance(other, Span)
        return self.start == other.start and self.end == other.end

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def to_json(self) -> dict[str, int]:
        """The record as the JSON of the contract (docs/contract.md)."""
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class Mention:
    """A recognized stretch of the original text."""

    id: str
    kind: MentionKind
    text: str
    start: int
    end: int
    ref: str | None = None
    framing: str | None = None  # e.g. "hostile" for ميليشيات حفتر; a property of the mention, not the actor

    def __init__(self, id: str, kind: MentionKind, text: str, start: int, end: int, ref: str | None = None,
                 framing: str | None = None) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "ref", ref)
        object.__setattr__(self, "framing", framing)

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        d: dict[str, Any] = {"id": self.id, "kind": self.kind, "text": self.text,
                             "start": self.start, "end": self.end, "ref": self.ref}
        if self.framing:
            d["framing"] = self.framing
        return d


UNLINKED = "unlinked:"  # the id prefix of an unlinked entity (no gazetteer place, no dictionary actor)


def is_unlinked(entity_id: str | None) -> bool:
    """True for the id of an unlinked entity: the contract shows its id (and name_en) as null."""
    return entity_id is not None and entity_id.startswith(UNLINKED)


def public_id(entity_id: str) -> str | None:
    """The id as the contract shows it: null for an unlinked entity."""
    return None if is_unlinked(entity_id) else entity_id


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class ActorRef:
    """An actor of an event: its id, name and kind."""
    id: str  # "unlinked:…" for an actor no dictionary entry resolves (null in JSON; named by name_ar)
    name_en: str
    name_ar: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    mentions: tuple[str, ...] = ()  # ids of the mentions that name this actor in the event

    def __init__(self, id: str, name_en: str, name_ar: str, kind: str, country: str | None = None,
                 affiliation: str | None = None, mentions: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "name_en", name_en)
        object.__setattr__(self, "name_ar", name_ar)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "affiliation", affiliation)
        object.__setattr__(self, "mentions", mentions)

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        return {"id": public_id(self.id), "name_en": None if is_unlinked(self.id) else self.name_en,
                "name_ar": self.name_ar, "kind": self.kind, "country": self.country, "affiliation": self.affiliation,
                "mentions": list(self.mentions)}


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class LocationRef:
    """The place of an event: gazetteer id, names, coordinates and geo precision."""
    id: str  # "unlinked:…" for a place no gazetteer entry resolves (null in JSON; at the known place around it)
    name_en: str
    name_ar: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geo_precision: int
    feature: str
    mentions: tuple[str, ...] = ()
    within: tuple[str, str, str] | None = None  # an unlinked place's known place: (id, name_en, name_ar)

    def __init__(self, id: str, name_en: str, name_ar: str, country: str, admin1: str | None, lat: float,
                 lon: float, geo_precision: int, feature: str, mentions: tuple[str, ...] = (),
                 within: tuple[str, str, str] | None = None) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "name_en", name_en)
        object.__setattr__(self, "name_ar", name_ar)
        object.__setattr__(self, "country", country)
        object.__setattr__(self, "admin1", admin1)
        object.__setattr__(self, "lat", lat)
        object.__setattr__(self, "lon", lon)
        object.__setattr__(self, "geo_precision", geo_precision)
        object.__setattr__(self, "feature", feature)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "within", within)

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        d: dict[str, Any] = {"id": public_id(self.id), "name_en": None if is_unlinked(self.id) else self.name_en,
                "name_ar": self.name_ar, "country": self.country,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon, "geo_precision": self.geo_precision,
                "feature": self.feature, "mentions": list(self.mentions)}
        if self.within is not None:  # an unlinked place: the known place it stands at
            d["within"] = {"id": self.within[0], "name_en": self.within[1], "name_ar": self.within[2]}
        return d


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class EventDate:
    """The date of an event: a day or a range, and how precise it is."""
    start: str | None
    end: str | None
    precision: Precision
    anchor: Anchor
    text: str | None = None
    span: Span | None = None

    def __init__(self, start: str | None, end: str | None, precision: Precision, anchor: Anchor,
                 text: str | None = None, span: Span | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "anchor", anchor)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "span", span)

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        d: dict[str, Any] = {"start": self.start, "end": self.end, "precision": self.precision,
                             "anchor": self.anchor}
        if self.span is not None:
            d["text"] = self.text
            d["span"] = self.span.to_json()
        return d


UNKNOWN_DATE = EventDate(start=None, end=None, precision="unknown", anchor="unknown")


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class Count:
    """A figure of people killed, wounded, displaced …: value, qualifier, who, scope, source and span."""
    kind: str
    value: int
    qualifier: str
    who: str
    scope: str
    start: int
    end: int
    text: str
    parent: int | None = None  # index (in the document's count list) of the count this is a subset of
    source_attribution: str | None = None
    high: int | None = None  # on a range's lower end, its upper end (ما بين 5 و8: 5 at_least, high 8; 8 at_most)

    def __init__(self, kind: str, value: int, qualifier: str, who: str, scope: str, start: int, end: int,
                 text: str, parent: int | None = None, source_attribution: str | None = None,
                 high: int | None = None) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "who", who)
        object.__setattr__(self, "scope", scope)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "parent", parent)
        object.__setattr__(self, "source_attribution", source_attribution)
        object.__setattr__(self, "high", high)

    def _key(self) -> tuple[str, int, str, str, str, int, int, str, int | None, str | None, int | None]:
        return (self.kind, self.value, self.qualifier, self.who, self.scope, self.start, self.end, self.text,
                self.parent, self.source_attribution, self.high)

    # equality and hash written out (the generated ones run as Python; counts go in sets): the same values
    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Count:
            return NotImplemented
        assert isinstance(other, Count)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        d: dict[str, Any] = {"kind": self.kind, "value": self.value, "qualifier": self.qualifier, "who": self.who,
                             "scope": self.scope, "start": self.start, "end": self.end, "text": self.text,
                             "parent": self.parent, "source_attribution": self.source_attribution}
        if self.high is not None:
            d["high"] = self.high
        return d


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out: see the module docstring
class Event:
    """One event: types, actors, place, date, counts, modality, evidence, confidence and the rules that made it."""
    id: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: LocationRef | None
    date: EventDate
    counts: tuple[Count, ...]
    modality: str
    source_attribution: str | None
    evidence: tuple[Span, ...]
    confidence: float
    trigger: Mention | None = None
    other_actors: tuple[ActorRef, ...] = ()
    rules: tuple[str, ...] = ()  # names of the rules that produced the fields: the confidence's evidence

    def __init__(self, id: str, acled_event_type: str | None, acled_sub_event_type: str | None, plover: str,
                 actor1: ActorRef | None, actor2: ActorRef | None, location: LocationRef | None,
                 date: EventDate, counts: tuple[Count, ...], modality: str, source_attribution: str | None,
                 evidence: tuple[Span, ...], confidence: float, trigger: Mention | None = None,
                 other_actors: tuple[ActorRef, ...] = (), rules: tuple[str, ...] = ()) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "acled_event_type", acled_event_type)
        object.__setattr__(self, "acled_sub_event_type", acled_sub_event_type)
        object.__setattr__(self, "plover", plover)
        object.__setattr__(self, "actor1", actor1)
        object.__setattr__(self, "actor2", actor2)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "counts", counts)
        object.__setattr__(self, "modality", modality)
        object.__setattr__(self, "source_attribution", source_attribution)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "other_actors", other_actors)
        object.__setattr__(self, "rules", rules)

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        acled = None
        if self.acled_event_type is not None:
            acled = {"event_type": self.acled_event_type, "sub_event_type": self.acled_sub_event_type}
        return {
            "id": self.id,
            "acled": acled,
            "plover": self.plover,
            "actor1": self.actor1.to_json() if self.actor1 else None,
            "actor2": self.actor2.to_json() if self.actor2 else None,
            "actors": [a.to_json() for a in self.other_actors],
            "location": self.location.to_json() if self.location else None,
            "date": self.date.to_json(),
            "counts": [c.to_json() for c in self.counts],
            "modality": self.modality,
            "source_attribution": self.source_attribution,
            "evidence": [s.to_json() for s in self.evidence],
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_json() if self.trigger else None,
            "rules": list(self.rules),
        }


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What is known of the document itself: id, source, publication date, language, length."""
    id: str
    source: str
    published: str | None
    language: str
    length: int
    encoding: str | None = None
    content_type: str = "text/plain"
    title: str | None = None
    country: str | None = None  # the document's main country, as the place resolver decided it
    decode_errors: int = 0  # invalid UTF-8 sequences of the input, each replaced by one U+FFFD in the text

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        out: dict[str, Any] = {"id": self.id, "source": self.source, "published": self.published, "language": self.language,
               "length": self.length, "encoding": self.encoding, "content_type": self.content_type,
               "title": self.title, "country": self.country}
        if self.decode_errors:  # only when the input had invalid bytes: clean records keep their shape
            out["decode_errors"] = self.decode_errors
        return out


def with_decode_errors(rec: DocumentRecord, decode_errors: int) -> DocumentRecord:
    """`rec` noting how many invalid byte sequences its input had (the record unchanged when none)."""
    if not decode_errors:
        return rec
    return replace(rec, document=replace(rec.document, decode_errors=decode_errors))


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """The record of one document: its info, mentions, events and counts."""
    document: DocumentInfo
    text: str
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    counts: tuple[Count, ...] = field(default=())
    schema: str = SCHEMA

    def to_json(self) -> dict[str, Any]:
        """The record as the JSON of the contract (docs/contract.md)."""
        return {
            "schema": self.schema,
            "document": self.document.to_json(),
            "text": self.text,
            "mentions": [m.to_json() for m in self.mentions],
            "events": [e.to_json() for e in self.events],
            "counts": [c.to_json() for c in self.counts],
        }
