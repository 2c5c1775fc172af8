"""The unarmed sides of an event: the civilians or protesters its figures name as its victims (قتل 5 مدنيين،
بينهم 6 أطفال), a protest's people, and the victim nouns that are mentions of them. Split out of events.roles."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import ActorRef, Count, replaced
from ..resources.actors import Actor
from .context import DocContext, actor_ref, mention_ref
from .figures import victims_civilian

VICTIM_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
UNARMED_WHO = frozenset({"men", "civilians", "children", "women"})  # people an arrest or a shooting takes, not fighters
UNARMED_KINDS = frozenset({"civilians", "protesters", "rioters"})
# the actors a toll's victim nouns name (مدنيين، طفل، متظاهر): the victims, never a side by their place in the clause
VICTIM_SIDE_KINDS = frozenset({"civilians", "protesters"})
CIVILIAN_SIDE_WHO = ("civilians", "children", "women")  # figures whose people make civilians a side of a violent event


def civilians_also_hit(civ: Actor | None, actor1: ActorRef | None, actor2: ActorRef | None, acled_type: str | None,
                       counts: Sequence[Count]) -> ActorRef | None:
    """The civilians of the document's country as a further side of a violent event whose two sides are armed when
    its figures name civilians, children or women among those it killed or wounded (3 جنود وإصابة 14 آخرين بينهم
    6 أطفال): they were hit too. None when they, or the protesters they are, are a side already."""
    if civ is None or actor2 is None or acled_type not in VICTIM_TYPES or civ.id in (
            actor2.id, actor1.id if actor1 else None) or actor2.kind in UNARMED_KINDS:
        return None  # (protesters or civilians hit are the side already)
    hit = any(c.who in CIVILIAN_SIDE_WHO and c.kind in ("killed", "wounded")
              and c.scope == "incident" for c in counts)
    return actor_ref(civ, ()) if hit else None


def protest_sides(protesters: Actor | None, civilians: Actor | None, sides: tuple[ActorRef | None, ActorRef | None],
                  others: tuple[ActorRef, ...], kind: tuple[str | None, str | None, str | None],
                  ) -> tuple[ActorRef | None, ActorRef | None, tuple[ActorRef, ...]] | None:
    """A protest's people are its protesters (ACLED codes every demonstration so): the civilians of the document's
    country among its sides (آلاف الطلبة، عشرات من أهالي المدينة، مئات المعلمين) stand for the protesters of that
    country, with their mentions; a protest with no first side and no protesters has them as its first side.
    `kind`: the event's ACLED type, sub-type and PLOVER type. None when nothing changes."""
    acled_type, acled_sub, plover = kind
    if protesters is None or not (acled_type == "Protests" or (acled_type is None and plover == "PROTEST")):
        return None
    actor1, actor2 = sides
    civ = civilians.id if civilians is not None else None

    def swap(ref: ActorRef | None) -> ActorRef | None:
        return actor_ref(protesters, ref.mentions) if ref is not None and ref.id == civ else ref

    new1, new2 = swap(actor1), swap(actor2)
    rest = tuple(r for r in map(swap, others) if r is not None)
    if new1 is None and not any(r is not None and r.kind in ("protesters", "rioters") for r in (new2, *rest)) \
            and acled_sub != "Excessive force against protesters":
        new1 = actor_ref(protesters, ())  # (a side it names is whom it protests against, or the force that broke it up)
    if (new1, new2, rest) == (actor1, actor2, others):
        return None
    return new1, new2, rest


def unarmed_side(protesters: bool, counts: Sequence[Count], acled_type: str | None) -> bool:
    """The event's victims make an unarmed side: protesters its toll names killed or wounded, or victims told as
    civilians, children or women — a toll or its subsets —, not journalists, medics or migrants alone."""
    return (protesters and any(c.kind in ("killed", "wounded") for c in counts)) \
        or unarmed_victims(counts, acled_type) or (acled_type in VICTIM_TYPES and victims_civilian(counts)
                                                   and any(c.who in CIVILIAN_SIDE_WHO for c in counts))


def also_hit(ctx: DocContext, civ: Actor | None, actor1: ActorRef | None, actor2: ActorRef | None,
             acled_type: str | None, counts: Sequence[Count]) -> ActorRef | None:
    """`civilians_also_hit`, named by the victim nouns of the event's figures (طفل، امرأة)."""
    ref = civilians_also_hit(civ, actor1, actor2, acled_type, counts)
    return None if ref is None or civ is None else actor_ref(civ, victim_mentions(ctx, civ.id, counts))


def victims_actor(ctx: DocContext, counts: Sequence[Count]) -> Actor | None:
    """The unarmed actor the first victim noun of the event's figures names (قتل متظاهر: the protesters; قتل
    المهاجر: the migrants), when it is not the civilians of a country; None otherwise."""
    first = next((m for m in ctx.actors if m.actor.kind in VICTIM_SIDE_KINDS
                  and any(c.start <= m.start and m.end <= c.end for c in counts)), None)
    return first.actor if first is not None and not first.actor.id.startswith("civilians-") else None


def with_victim_nouns(ctx: DocContext, ref: ActorRef | None, counts: Sequence[Count]) -> ActorRef | None:
    """An unarmed side the roles chose, with the victim nouns of the event's figures that name it too (لقي مهاجر
    مصرعه … تجمعا للمهاجرين: the toll's مهاجر is a mention of the migrants beside المهاجرين)."""
    if ref is None or ref.kind not in VICTIM_SIDE_KINDS:
        return ref
    more = [i for i in victim_mentions(ctx, ref.id, counts) if i not in ref.mentions]
    if not more:
        return ref
    return replaced(ref, mentions=tuple(sorted((*ref.mentions, *more), key=lambda i: int(i[1:]) if i[1:].isdigit() else 0)))


def victim_mentions(ctx: DocContext, actor_id: str, counts: Sequence[Count]) -> tuple[str, ...]:
    """The ids of the mentions of an actor inside the event's figures (the words a toll names its victims with:
    شابا، طفل، مدنيين), in text order."""
    refs = [mention_ref("actor", m.start, m.end) for m in ctx.actors if m.actor.id == actor_id
            and any(c.start <= m.start and m.end <= c.end for c in counts)]
    return tuple(dict.fromkeys(ctx.ids_of(sorted(refs, key=lambda r: r.start))))


def unarmed_victims(counts: Sequence[Count], acled_type: str | None) -> bool:
    """The event's people are unarmed men of the street (شاب، رجلان، شبان) or civilians it detains: every
    top-level figure of people killed, wounded, abducted or detained counts men, civilians, children or women,
    none fighters or police — young men shot or rounded up are civilians, the victims of a violent event or
    those of an arrest campaign (اعتقلت 25 شابا)."""
    kinds = ("killed", "wounded", "abducted", "missing") if acled_type in VICTIM_TYPES \
        else ("detained",) if acled_type == "Strategic developments" else ()
    top = [c for c in counts if c.parent is None and c.kind in kinds and c.scope == "incident"]
    if not top or not all(c.who in UNARMED_WHO for c in top):
        return False
    return acled_type not in VICTIM_TYPES or any(c.who == "men" for c in top)  # (a violent event: men among them)
