"""Within-document merging: events that tell the same happening become one (merge_same, _merge_two), and an
event placed only by the sentence before that goes on telling the one before it joins it (_continue)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from .. import budget
from ..records import ActorRef, Event, LocationRef, is_unlinked, replaced
from .context import REPORTER_KINDS
from .kind import TERRITORY_SUBTYPES, territory_subtype
from .rules import DraftRule, MergeRule, PlaceRule, RoleRule


class MergeHint(NamedTuple):
    """What merging needs to know of an event beyond its record: whether it is told as another happening
    (غارة أخرى), which rule placed it, and whether the report's headline tells it."""

    another: bool
    place_rule: PlaceRule | None
    headline: bool = False
    refers_back: bool = False  # a definite generic word (الهجوم) that names the strike told before it
    definite: bool = False  # told by a definite word (القصف، التفجير): the happening told before, maybe by another source
    statement_object: bool = False  # what a statement is about (أدان الغارة): its speaker is no side of it


REMOTE = "Explosions/Remote violence"
WAR_TOLL = DraftRule.FALLBACK._value_ + "war"  # the rule of a war's running toll's draft (drafts.fallback_draft)
# which remote-violence sub-type says more of one strike told twice (قصف جوي … قصفا جويا، هجوم انتحاري … التفجير)
SUBTYPE_RANK = {"Suicide bomb": 5, "Air/drone strike": 4, "Remote explosive/landmine/IED": 3, "Grenade": 3,
                "Shelling/artillery/missile attack": 2}


class _Figures:
    """An event's figures as merging reads them, kept up to date as events merge into it (so a merge costs the
    new figures, not all the figures gathered so far): the set of its counts and of its evidence, its incident
    figures by (kind, group) (the last one given wins, as in a dict built over its counts) and its scopes; and
    the counts, evidence and rules the merges add, which the event record receives once merging is done (a
    tuple grown merge by merge would cost all that was gathered at every merge)."""

    __slots__ = ("counts", "evidence", "incident", "scopes", "more_counts", "more_evidence", "more_rules")

    def __init__(self, ev: Event) -> None:
        self.counts = set(ev.counts)
        self.evidence = set(ev.evidence)
        self.incident: dict[tuple[str, str], Any] = {}
        self.scopes: set[str] = set()
        self.more_counts: list[Any] = []
        self.more_evidence: list[Any] = []
        self.more_rules: list[str] = []
        self.add(ev.counts)

    def add(self, counts: Sequence[Any]) -> None:
        """Takes the figures of an event into the tally."""
        for c in counts:
            if c.scope == "incident" and c.parent is None and c.qualifier != "vague":
                self.incident[(c.kind, c.who)] = c.value
            self.scopes.add(c.scope)

    def take(self, ev: Event, rule: str) -> None:
        """The counts and evidence of `ev` that the event does not have yet join it, by `rule`."""
        counts = [c for c in ev.counts if c not in self.counts]
        evidence = [x for x in ev.evidence if x not in self.evidence]
        self.counts.update(counts)
        self.evidence.update(evidence)
        self.add(counts)
        self.more_counts.extend(counts)
        self.more_evidence.extend(evidence)
        self.more_rules.append(rule)

    def record(self, ev: Event) -> Event:
        """The event record with what the merges added."""
        if not self.more_rules:
            return ev
        return replaced(ev, counts=ev.counts + tuple(self.more_counts),
                       evidence=ev.evidence + tuple(self.more_evidence), rules=ev.rules + tuple(self.more_rules))


def _clash(fa: _Figures, fb: _Figures) -> bool:
    """Both give an incident figure of the same kind and group, with different values, or one gives only
    incident figures and the other only running totals: two happenings (a day's clash, a campaign's toll)."""
    # a vague figure (عشرات القتلى) retells a toll loosely: it never tells two happenings apart
    inc_a, inc_b = fa.incident, fb.incident
    if any(k in inc_b and inc_b[k] != v for k, v in inc_a.items()):
        return True
    return len(fa.scopes) == 1 and len(fb.scopes) == 1 and fa.scopes != fb.scopes


def _running_apart(fa: _Figures, fb: _Figures) -> bool:
    """One gives only a running total and the other no figure at all: a campaign's toll and a happening of one day
    told without its toll (بلغت الحصيلة منذ بدء العدوان 2100 قتيل. وشنت الطائرات غارة على بلدة X) are two."""
    return (fa.scopes == RUNNING and not fb.scopes) or (fb.scopes == RUNNING and not fa.scopes)


RUNNING = frozenset({"cumulative"})
# the place rules of an event that no place of its own sentence places: the report's, or the one told before it's
# (or none at all: a statement's venue is no place of what it tells)
UNPLACED = (PlaceRule.DOCUMENT, PlaceRule.TOLD)


def _same_scopes(fa: _Figures, fb: _Figures) -> bool:
    """Both give figures of one scope (a day's toll and a running total are never one happening's)."""
    return fa.scopes == fb.scopes


def _subtypes_fit(prev: Event, ev: Event, head: bool) -> bool:
    """Two events of one type and modality tell one happening only with one sub-type, except a strike told
    once by its weapon and once by a generic word (قصف جوي … القصف), or a headline told again in the body."""
    if prev.acled_sub_event_type == ev.acled_sub_event_type or head:
        return True
    # (a running total is a campaign's, never one strike's told again)
    running = any(c.scope == "cumulative" for c in (*prev.counts, *ev.counts))
    return prev.acled_event_type == REMOTE and not running


def _headline_place_fits(head: LocationRef | None, body: LocationRef | None) -> bool:
    """A headline's place that the body may tell more precisely: one of the same region, one named only
    near (غربي طرابلس), or a place the gazetteer does not know (منطقة هاولواداغ), in the same country."""
    if head is None or body is None or head.country != body.country:
        return False
    return (head.admin1 is not None and head.admin1 == body.admin1) or head.geo_precision >= 2 \
        or is_unlinked(body.id)


def _site_of(site: LocationRef, town: LocationRef) -> bool:
    """An unlinked place (a site, a street, a ward) that stands at the known town (its id names the town)."""
    return is_unlinked(site.id) and site.id.split(":", 3)[2:3] == [town.id] and town.feature in ("city", "town")


def _wide(place: LocationRef, other: LocationRef) -> bool:
    """`place` is a province, a region or a country and `other` another place: the same happening told there and
    at a place inside it is at that place (قتل ستة جنود في أبين … في مديرية مودية بمحافظة أبين)."""
    return place.feature in ("admin1", "region", "country") and place.id != other.id


def _unknown_district(told: LocationRef | None, retold: LocationRef | None) -> bool:
    """A place the gazetteer does not know, in the country of a known town told before: where a definite word
    that tells the same strike again with its figures may place it (التفجير الذي وقع في منطقة X); the event
    keeps the known town, which the rest of the report names."""
    return told is not None and retold is not None and is_unlinked(retold.id) and not is_unlinked(told.id) \
        and told.country == retold.country and retold.geo_precision >= 3


def _country_and_town(a: LocationRef, b: LocationRef) -> bool:
    """One is placed only in a country, the other at a settlement in it: a country-wide report (غارات … أسفرت عن 14
    شهيدا في لبنان) and a strike on one town (شن الطيران غارة على بلدة X) are two happenings."""
    features = {a.feature, b.feature}
    return "country" in features and len(features) == 2 and not features & {"admin1", "region"}


def _better_subtype(prev: Event, ev: Event) -> str | None:
    """The sub-type the merged strike keeps: the weapon's over a generic word's."""
    a, b = prev.acled_sub_event_type, ev.acled_sub_event_type
    if prev.acled_event_type == REMOTE and SUBTYPE_RANK.get(b or "", 0) > SUBTYPE_RANK.get(a or "", 0):
        return b
    return a


# actors that are no party to a violent happening: its victims, or an organisation or outlet that reports it
# (a strike told once with the attacker and once with the ministry that counts its dead is one strike)
NON_PARTY_KINDS = frozenset({"civilians", "international_org", "media"})
Family = Callable[[str], frozenset[str]]


def _alone(actor_id: str) -> frozenset[str]:
    return frozenset({actor_id})


def _is_party(ev: Event, x: ActorRef | None) -> bool:
    """`x` is an actor of the event, and one of its sides where it is a violent happening."""
    return x is not None and not (ev.acled_event_type is not None and x.kind in NON_PARTY_KINDS)


def _parties(ev: Event, family: Family) -> set[str]:
    """The ids an event's actors answer to, each with the actors it belongs to (an envoy, his mission, the UN);
    of a violent happening, only its parties."""
    out: set[str] = set()
    for x in (ev.actor1, ev.actor2):
        if x is not None and _is_party(ev, x):
            out |= family(x.id)
    return out


# happenings with two sides, each telling of which may name only one of them (جرح في اشتباك مع كتيبة الزنتان …
# قتل شخص في اشتباك … أحدهما نجل حفتر)
TWO_SIDED = frozenset({"Battles"})


def _one_side(ev: Event) -> bool:
    return sum(_is_party(ev, x) for x in (ev.actor1, ev.actor2)) <= 1


def _actors_agree(a: Event, b: Event, family: Family = _alone) -> bool:
    """The two events name no parties that exclude each other: one names none, they share one, or, of a
    two-sided happening, one names a single side (the other's may be the side it leaves out)."""
    ids_a, ids_b = _parties(a, family), _parties(b, family)
    if not ids_a or not ids_b or ids_a & ids_b:
        return True
    return a.acled_event_type in TWO_SIDED and (_one_side(a) or _one_side(b))


def _dates_agree(a: Event, b: Event) -> bool:
    return a.date.start is None or b.date.start is None or a.date.start == b.date.start


def _merge_two(prev: Event, ev: Event, location: LocationRef | None, fig: _Figures, sides: bool = True) -> Event:
    """`prev` with what `ev` adds (its counts, evidence and rule go to `fig`; its actors unless not `sides`)."""
    fig.take(ev, MergeRule.MERGED._value_)
    if not sides:
        ev = replaced(ev, actor1=_after_trigger(ev, ev.actor1), actor2=_after_trigger(ev, ev.actor2))
    actor1 = prev.actor1
    if not _is_party(prev, actor1) and _is_party(ev, ev.actor1):
        actor1 = ev.actor1  # (the side that struck, over the agency that counted the dead)
    actor2 = prev.actor2
    if actor2 is None and ev.actor2 is not None and (actor1 is None or ev.actor2.id != actor1.id):
        actor2 = ev.actor2
    if actor2 is None and actor1 is not None and ev.actor1 is not None and ev.actor1.id != actor1.id:
        actor2 = ev.actor1
    actor1 = actor1 or ev.actor1
    if actor1 is not None and actor2 is not None and actor2.id == actor1.id:
        # (the side one telling took for the target is the other's attacker: the other telling's target instead)
        actor2 = ev.actor2 if ev.actor2 is not None and ev.actor2.id != actor1.id else None
    told = [x for x in (ev.actor1, ev.actor2, *ev.other_actors, prev.actor1, prev.actor2, *prev.other_actors)
            if x is not None]
    return replaced(
        prev,
        acled_sub_event_type=_better_subtype(prev, ev),
        actor1=_named_again(actor1, told),
        actor2=_named_again(actor2, told),
        other_actors=_others(prev, ev, actor1, actor2),
        location=location,
        date=prev.date if prev.date.start else ev.date,
        source_attribution=prev.source_attribution or ev.source_attribution,
        confidence=min(0.99, max(prev.confidence, ev.confidence) + 0.02),
    )


def _number(mention_id: str) -> int:
    """The position of a mention in text order (its id, m1, m2 …, numbers the mentions so); -1 when unnumbered."""
    return int(mention_id[1:]) if mention_id[1:].isdigit() else -1


def _after_trigger(ev: Event, x: ActorRef | None) -> ActorRef | None:
    """A side of what a statement is about, when it is named after the word that tells the happening (أدانت
    الحكومة الغارة التي شنتها القوات الأمريكية على مسلحين: the attacker, the target); None when named before
    it, where the statement's speaker stands (its speaker is no side of it)."""
    trig = _number(ev.trigger.id) if ev.trigger is not None else -1
    if x is None or trig < 0 or not x.mentions or any(_number(i) <= trig for i in x.mentions):
        return None
    return x


def _named_again(x: ActorRef | None, told: Sequence[ActorRef]) -> ActorRef | None:
    """A side of the merged event with the mentions the other telling names it by too (غارات روسية … طائرات
    حربية روسية: both)."""
    if x is None:
        return None
    more = tuple(dict.fromkeys(m for t in told if t.id == x.id for m in t.mentions if m not in x.mentions))
    return replaced(x, mentions=(*x.mentions, *more)) if more else x


def _allies(ev: Event) -> tuple[ActorRef, ...]:
    """The further actors of a telling that fought beside one of its sides (قطعات الجيش وجهاز مكافحة الإرهاب
    والحشد الشعبي، غارة أمريكية بريطانية): parties of the happening, kept when that telling merges into another;
    its other further actors (a victim group its figures name, a name in a describing phrase) are not."""
    if RoleRule.ALLIES._value_ not in ev.rules:
        return ()
    return tuple(x for x in ev.other_actors if _is_party(ev, x))


def _others(a: Event, b: Event, actor1: ActorRef | None, actor2: ActorRef | None) -> tuple[ActorRef, ...]:
    """The actors of two events told as one that are neither of its sides, each once, in the order named: a
    side one telling names and the other leaves out, the agency the strike's side replaced, or the allies of a
    side the other telling names (_allies), stays an actor."""
    sides = {x.id for x in (actor1, actor2) if x is not None}
    out: list[ActorRef] = []
    for x in (a.actor1, a.actor2, *a.other_actors, b.actor1, b.actor2, *_allies(b)):
        if x is not None and x.id not in sides and (a.acled_event_type is None or x.kind not in REPORTER_KINDS):
            sides.add(x.id)
            out.append(x)
    return tuple(out)


def _continues(prev: Event, ev: Event, fig: _Figures) -> bool:
    """`ev`, placed only by the sentence before, goes on telling `prev` (انسحبت القوات الحكومية … من غريان. وتفيد
    أنباء بأن البلدة باتت في قبضة خصومها): same kind of happening, actors that do not contradict."""
    if (prev.acled_event_type, prev.plover) != (ev.acled_event_type, ev.plover) or prev.acled_event_type is None:
        return False
    if prev.location is None or ev.location is None or prev.location.id != ev.location.id:
        return False
    told = _Figures(ev)
    if _clash(fig, told) or (WAR_TOLL in ev.rules and _running_apart(fig, told)):
        return False
    a_prev = [x.id for x in (prev.actor1, prev.actor2) if x]
    return not (ev.actor1 and ev.actor1.id in a_prev[1:] and prev.actor1 and prev.actor1.id != ev.actor1.id)


MODALITY_STRENGTH = {"asserted": 0, "reported": 1, "planned": 2, "called_for": 2, "negated": 3, "denied": 3}


def _continue(prev: Event, ev: Event, fig: _Figures) -> Event:
    """`prev` going on with `ev` (its counts, evidence and rule go to `fig`)."""
    fig.take(ev, MergeRule.CONTINUED._value_)
    actor1 = prev.actor1 or ev.actor1
    actor2 = prev.actor2
    if prev.actor1 is None and prev.actor2 is None:
        actor2 = ev.actor2  # (a happening told first with no side: the sides of the clause that goes on telling it)
    elif prev.actor1 is None and ev.actor1 is not None and prev.actor2 is not None:
        actor1, actor2 = ev.actor1, prev.actor2
    elif actor2 is None and ev.actor1 is not None and (actor1 is None or ev.actor1.id != actor1.id):
        actor2 = ev.actor1
    sub = prev.acled_sub_event_type
    if sub in TERRITORY_SUBTYPES and actor1 is not None:
        sub = territory_subtype(actor1)
    modality = max(prev.modality, ev.modality, key=lambda m: MODALITY_STRENGTH.get(m, 0))
    return replaced(prev, actor1=actor1, actor2=actor2, acled_sub_event_type=sub, modality=modality,
                   other_actors=_others(prev, ev, actor1, actor2),
                   source_attribution=prev.source_attribution or ev.source_attribution)


# how many earlier events of the same kind an event is compared with (the latest ones): far more than any real
# report tells, so that only a runaway document (thousands of events of one kind) is cut short
MERGE_LOOK_BACK = 200

_Key = tuple[Any, ...]


# a happening asserted and the same one told on a source's word (نقلت الوكالة عن مسؤول قوله إن …) are one
MERGED_MODALITY = {"reported": "asserted"}


def _kind_key(ev: Event) -> _Key:
    """The events one may merge into: those of its type, PLOVER type and modality (_subtypes_fit decides on
    the sub-type)."""
    return (ev.acled_event_type, ev.plover, MERGED_MODALITY.get(ev.modality, ev.modality))


class _Merged:
    """The events merged so far, with their figures, and their positions by kind of happening (_same_kind)."""

    def __init__(self) -> None:
        self.out: list[Event] = []
        self.figs: list[_Figures] = []
        self.heads: list[bool] = []  # the event is the headline's, not yet told again in the body
        self.by_kind: dict[_Key, list[int]] = {}

    def append(self, ev: Event, head: bool = False) -> int:
        """Adds an event at the end (`head`: the headline's); returns its index."""
        self.out.append(ev)
        self.figs.append(_Figures(ev))
        self.heads.append(head)
        self.by_kind.setdefault(_kind_key(ev), []).append(len(self.out) - 1)
        return len(self.out) - 1

    def set(self, i: int, new: Event) -> None:
        """Replaces the event at index `i` (keeping the index by kind right)."""
        old = self.out[i]
        self.out[i] = new
        if _kind_key(old) != _kind_key(new):  # (only the last event changes its kind, by _continue)
            self.by_kind[_kind_key(old)].pop()  # (i, the last event, is the last of its kind)
            self.by_kind.setdefault(_kind_key(new), []).append(i)


def merge_same(events: list[Event], hints: Sequence[MergeHint], related: Callable[[str, str], bool],
               merged_into: list[int] | None = None, family: Family = _alone) -> list[Event]:
    """Merge events that tell the same happening: same type and modality, agreeing actors and dates, places
    that are the same or one inside the other (a district and its city; `related` decides), and counts that
    do not give two different incident figures of the same kind. A report names its battle many times. An
    event told as another one (غارة أخرى) merges into none before it. `merged_into`, when given, receives for
    each input event the index of the output event it became part of; `family` gives the ids an actor answers
to (itself and the actors it belongs to)."""
    m = _Merged()
    where = merged_into if merged_into is not None else []
    for ev, hint in zip(events, hints, strict=True):
        budget.check("event merging")
        last = len(m.out) - 1
        if hint.another:
            where.append(m.append(ev, hint.headline))
            continue
        if m.out and hint.place_rule is PlaceRule.PREVIOUS_SENTENCE and _continues(m.out[-1], ev, m.figs[-1]):
            m.set(last, _continue(m.out[-1], ev, m.figs[-1]))
            where.append(last)
            continue
        target, loc = _same_happening(m, ev, hint, related, family)
        if target is None:
            where.append(m.append(ev, hint.headline))
        else:
            m.set(target, _merge_two(m.out[target], ev, loc, m.figs[target], not hint.statement_object))
            m.heads[target] = m.heads[target] and hint.headline
            where.append(target)
    return [f.record(ev) for ev, f in zip(m.out, m.figs, strict=True)]


def _same_happening(m: _Merged, ev: Event, hint: MergeHint, related: Callable[[str, str], bool],
                    family: Family = _alone) -> tuple[int | None, LocationRef | None]:
    """The first event merged so far (of the last MERGE_LOOK_BACK of its kind) that tells the same happening
    as `ev`, and the place the two keep; one that refers back to a strike told before may give other figures
    and name the other side (تبنى تنظيم داعش الهجوم، زاعما أنه أسفر عن مقتل خمسة جنود). One place of a toll
    broken down by place (اثنان في رفح و13 في غزة) is an incident of its own: it joins only one at that place."""
    # a definite word that only the report's place places (وتبنت الحركة الهجوم، زاعمة أنه أسفر عن مقتل ثمانية؛ ردت
    # القوات على الهجوم وقتلت ستة من المهاجمين) tells the happening told before it, where that one took place
    # (of one day: a running toll, منذ بدأت الاحتجاجات، refers to no one strike)
    unplaced = hint.definite and (hint.place_rule in UNPLACED or ev.location is None) and ev.acled_event_type is not None \
        and all(c.scope != "cumulative" for c in ev.counts)
    refers_back = hint.refers_back or unplaced
    if unplaced:
        ev = replaced(ev, location=None)
    exact = hint.place_rule is PlaceRule.BREAKDOWN
    # another source's toll of the happening told before (قتل 20 … وقالت الأمم المتحدة إن القصف أسفر عن مقتل 25),
    # told by a definite word in a clause that places it
    retold = hint.definite and hint.place_rule in (PlaceRule.CLAUSE, PlaceRule.PREVIOUS_SENTENCE)
    fig = _Figures(ev)
    war = WAR_TOLL in ev.rules  # (a war's running toll, خلّفت الحرب 15 ألف قتيل: never a headline's happening)
    earlier = m.by_kind.get(_kind_key(ev), [])[-MERGE_LOOK_BACK:]
    for i in reversed(earlier) if refers_back else earlier:  # (a word that refers back names the last one)
        prev, head = m.out[i], m.heads[i]
        # the same toll at the same place is one happening whoever the sides are said to be
        same_toll = bool(fig.incident) and fig.incident == m.figs[i].incident
        if not _subtypes_fit(prev, ev, head) or not (refers_back or same_toll or _actors_agree(prev, ev, family)) \
                or not _dates_agree(prev, ev):
            continue
        if unplaced and RUNNING <= m.figs[i].scopes:
            continue  # (nor is a campaign's running toll the strike a definite word names again)
        if _clash(m.figs[i], fig) and not refers_back and not (retold and _same_scopes(m.figs[i], fig)):
            continue  # (a word that refers back tells the same strike, another source's toll: one event)
        if (war or WAR_TOLL in prev.rules) and _running_apart(m.figs[i], fig):
            continue  # (the war's running toll is no happening told without a figure, not even the headline's)
        if head and (prev.location is None or _headline_place_fits(prev.location, ev.location)):
            # the headline's place told more precisely in the body (غربي طرابلس … جنزور), or placed only there
            return i, ev.location or prev.location
        if retold and not m.figs[i].incident and _unknown_district(prev.location, ev.location):
            return i, prev.location  # (… مفخخة في مقديشو. وقال مسؤول إن التفجير الذي وقع في منطقة X قتل 3)
        if prev.location is None or ev.location is None:
            if prev.acled_event_type is None and (prev.location or ev.location):
                continue  # two meetings, one placed and one not, are not evidently one
            return i, prev.location or ev.location
        if prev.location.id == ev.location.id or (related(ev.location.id, prev.location.id) and not exact
                                                  and not _country_and_town(prev.location, ev.location)):
            # (a site the town around it holds, القصر الجمهوري … الخرطوم: the site, which answers to the town too)
            return i, ev.location if _site_of(ev.location, prev.location) or _wide(prev.location, ev.location) \
                else prev.location
        if related(prev.location.id, ev.location.id) and not exact \
                and not _country_and_town(prev.location, ev.location):
            # (the town, or the site; the town inside a province or region, not the province)
            return i, prev.location if _site_of(prev.location, ev.location) or _wide(ev.location, prev.location) \
                else ev.location
    return None, None
