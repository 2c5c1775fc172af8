"""The event type resolver: the trigger's ACLED type, changed where the parties, the victims or the weapon the
clause names say otherwise."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from ..records import ActorRef, Count
from ..resources.lexicon import CueLexicon, Trigger
from ..text.words import word_spans_after
from .context import ARMED_KINDS, DocContext, Draft, TriggerHit
from .figures import victims_civilian
from .rules import DraftRule, TypeRule

TERRITORY_SUBTYPES = ("Government regains territory", "Non-state actor overtakes territory")
REMOTE = "Explosions/Remote violence"
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
GUNFIRE = "gunfire"
# triggers that tell an attack without saying how (هجوم، العدوان، اقتحام): the weapon the clause names decides
GENERIC_ATTACKS = frozenset({"offensive", "armed_clash"})
# triggers of violence that name no weapon (a generic attack, a massacre, an attack on civilians): a remote weapon
# of their clause makes them remote violence (ارتكب مجزرة بغارات جوية)
WEAPONLESS = frozenset({"offensive", "attack_civilians"})
# how many words after a word of fleeing its armed subject may start (one word of its members before the name)
_SUBJECT_WORDS = 2
# how many sentences before or after a toll of people shot a protest may be told for the victims to be its protesters
_PROTEST_NEAR = 4
# the kinds of the side that can kill civilians or protesters in a one-sided attack (an unnamed one too)
ATTACKER_KINDS = ARMED_KINDS | {"government"}


class TypeDecision(NamedTuple):
    """The event's ACLED type and sub-type and the rules that changed them from the trigger's."""

    acled_type: str | None
    acled_sub: str | None
    rules: tuple[TypeRule, ...]
    plover: str | None = None  # the PLOVER type when the new type makes it another than the trigger's


def territory_subtype(actor1: ActorRef | None) -> str:
    """Who takes ground: the government regains it, anyone else overtakes it."""
    if actor1 is not None and actor1.kind in ("state_forces", "government"):
        return TERRITORY_SUBTYPES[0]
    return TERRITORY_SUBTYPES[1]


def event_type(trig: Trigger, actor1: ActorRef | None, actor2: ActorRef | None,
               count_kinds: frozenset[str] = frozenset()) -> TypeDecision:
    """The trigger's type, unless its counts (the trigger's `with_counts`) or its parties make it another one."""
    acled_type, acled_sub, plover = trig.acled_event_type, trig.acled_sub_event_type, trig.plover
    rules: list[TypeRule] = []
    retype = next((r for r in trig.with_counts if r.kind in count_kinds), None)
    if retype is not None:  # استقبلت البلدة 300 عائلة نازحة: displacement, not a meeting
        acled_type, acled_sub, plover = retype.acled_event_type, retype.acled_sub_event_type, retype.plover
        rules.append(TypeRule.COUNT_KIND)
    if acled_type == "Battles" and acled_sub == "Armed clash" and actor1 is not None \
            and actor1.kind in ("protesters", "rioters"):
        # demonstrators fighting the police: a riot, not a battle
        acled_type, acled_sub = "Riots", "Violent demonstration"
        rules.append(TypeRule.DEMONSTRATORS_CLASH)
    if trig.id == "offensive" and actor2 is not None and actor2.kind == "civilians":
        acled_type, acled_sub = "Violence against civilians", "Attack"
        rules.append(TypeRule.CIVILIAN_TARGET)
    if acled_sub == "territory":
        acled_sub = territory_subtype(actor1)
    return tuple.__new__(TypeDecision, (acled_type, acled_sub, tuple(rules), plover))  # (tuple.__new__: see mention_ref)


def _violent_triggers(ctx: DocContext) -> tuple[list[int], list[TriggerHit]]:
    """The document's triggers of violence in text order, and where they start (found once per document)."""
    hits = [th for th in ctx.triggers_starting_in(0, len(ctx.norm.text)) if th.trigger.family == "violence"]
    return [th.nstart for th in hits], hits


class KindResolver:
    """Decides an event's type from its trigger, its parties, its victims and the weapon words of its clause."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def weapons(self, ctx: DocContext, lo: int, hi: int, near: int) -> list[str]:
        """The weapon kinds named in [lo, hi) (normalized offsets), the one nearest to `near` first."""
        hits = ctx.hits_in(self.cues.weapons, lo, hi)
        return [h.payloads[0] for h in sorted(hits, key=lambda h: min(abs(h.start - near), abs(h.end - near)))]

    def resolve(self, ctx: DocContext, d: Draft, actor1: ActorRef | None, actor2: ActorRef | None,
                counts: Sequence[Count]) -> TypeDecision:
        """The trigger's type (event_type), then: a toll or a generic attack told with a remote weapon is remote
        violence of that weapon (قتل خمسة بغارة جوية، العدوان … بالغارات); protesters killed or wounded by force
        are excessive force against protesters; civilians killed in a one-sided attack (an execution, a fake
        checkpoint, shots at a crowd) are violence against civilians."""
        base = event_type(d.trigger.trigger, actor1, actor2, frozenset(c.kind for c in counts))
        if base.acled_type is None and base.plover == "RETREAT" and d.trigger.trigger.family == "territory" \
                and ctx.hits_in(self.cues.by_agreement, d.sentence.start, d.sentence.end):
            # انسحبت الفصائل من البلدة بموجب اتفاق: ground handed over, not a retreat under fire
            return TypeDecision(*TRANSFER, (*base.rules, TypeRule.BY_AGREEMENT), "RETREAT")
        if d.trigger.trigger.id == "displacement" and self._fighters_fled(ctx, d):
            # فر مسلحو الحركة من البلدة: fighters fleeing give ground up, they are no displaced people
            return TypeDecision(None, None, (*base.rules, TypeRule.FIGHTERS_FLED), "RETREAT")
        if base.acled_type not in ("Battles", "Protests", "Violence against civilians"):
            return base
        trig = d.trigger.trigger
        lo, hi = (d.sentence.start, d.sentence.end) if d.fallback else d.window
        weapons = self.weapons(ctx, lo, hi, d.trigger.nstart)
        rules = list(base.rules)
        victims = [c for c in counts if c.kind in ("killed", "wounded") and c.parent is None]
        # a protest's toll told in the next sentence (تظاهر المئات … وقتل اثنان منهم برصاص الشرطة): its shots too
        shots = weapons if trig.family != "protest" else self.weapons(ctx, lo, max(s.end for s in d.sentences), lo)
        if victims and self._protesters_hit(ctx, d, shots, (actor1, actor2), victims):
            return TypeDecision("Protests", "Excessive force against protesters",
                                (*rules, TypeRule.PROTESTERS_HIT), "ASSAULT")
        # the weapon told nearest the act is its means (أطلقوا النار على مهاجرين … أثناء القصف: shots, not a strike)
        remote = weapons[0] if weapons and weapons[0] != GUNFIRE else None
        # a toll that borrows the violence told in an earlier sentence stays part of it; one with no violence
        # told anywhere in the report, or a generic attack of its own clause, goes by its victims
        generic = trig.id in GENERIC_ATTACKS and (not d.fallback or d.rules[0] == DraftRule.FALLBACK._value_ + "killed")
        if remote is not None and (d.fallback or trig.id in WEAPONLESS) and base.acled_type != "Protests":
            return TypeDecision(REMOTE, remote, (*rules, TypeRule.WEAPON))  # (civilians killed by a strike too)
        told = self._strike_told_before(ctx, d) if remote is None and trig.id == "offensive" else None
        if told is not None:
            return TypeDecision(REMOTE, told, (*rules, TypeRule.STRIKE_TOLD_BEFORE))
        one_sided = self._one_sided(ctx, d, counts, actor2) if base.acled_type == "Battles" \
            and base.acled_sub == "Armed clash" and trig.id in GENERIC_ATTACKS and remote is None else None
        # civilians killed: by a toll or a generic attack of its own (or one with no violence told before); a toll
        # told at the hands of a side (على يد) is one-sided whatever it borrows its trigger from
        if (one_sided is TypeRule.ONE_SIDED_KILLING or (one_sided is not None and generic and (
                actor1 is None or actor1.kind in ATTACKER_KINDS))) and not self._clash_in(ctx, d):
            return TypeDecision("Violence against civilians", "Attack", (*rules, one_sided))
        return base

    def _one_sided(self, ctx: DocContext, d: Draft, counts: Sequence[Count],
                   actor2: ActorRef | None) -> TypeRule | None:
        """Why a toll with no fight and no remote weapon is violence against civilians: its victims are civilians,
        or people who are no fighters killed at the hands of a side (مقتل ألفي شخص على يد مسلحين); else None."""
        if victims_civilian(counts) or (actor2 is not None and actor2.kind == "civilians"):
            return TypeRule.CIVILIANS_KILLED
        killed = [c for c in counts if c.kind == "killed" and c.parent is None]
        if not killed or any(c.who in ("fighters", "police") for c in counts):
            return None
        first = min(c.start for c in killed)
        hits = ctx.hits_in(self.cues.perpetrator, d.sentence.start, d.sentence.end)
        return TypeRule.ONE_SIDED_KILLING if any(ctx.norm.to_original(h.start, h.end)[0] >= first
                                                 for h in hits) else None

    def _strike_told_before(self, ctx: DocContext, d: Draft) -> str | None:
        """The sub-type of the last strike told before a definite generic attack word (الهجوم، العدوان), which
        refers back to it (… غارة على حافلة. وقال الصليب الأحمر إن 29 طفلا قتلوا في الهجوم)."""
        th = d.trigger
        if not (th.prefix.endswith(("ال", "لل")) or th.phrase.startswith("ال")):  # (للهجوم: ل + الهجوم)
            return None
        violent = ctx.memo("violent trigger starts", lambda: _violent_triggers(ctx))
        k = bisect_left(violent[0], th.nstart)
        last = violent[1][k - 1].trigger if k else None
        return last.acled_sub_event_type if last is not None and last.acled_event_type == REMOTE else None

    def _clash_in(self, ctx: DocContext, d: Draft) -> bool:
        """A two-sided fight (اشتباكات، معارك) is named in the draft's sentence."""
        return any(th.trigger.id == "armed_clash"
                   for th in ctx.triggers_starting_in(d.sentence.start, d.sentence.end))

    def _protesters_hit(self, ctx: DocContext, d: Draft, weapons: list[str],
                        parties: tuple[ActorRef | None, ActorRef | None], victims: Sequence[Count]) -> bool:
        """The victims are protesters hit by force: a protest told with shots or with the forces that fired,
        or a toll whose victims are named protesters."""
        trig = d.trigger.trigger
        actor1, actor2 = parties
        if any(c.who in ("fighters", "police") for c in victims):
            return False  # soldiers or policemen killed are no protesters
        if trig.family == "protest":
            return GUNFIRE in weapons or any(a is not None and a.kind in ATTACKER_KINDS for a in parties)
        if trig.family != "violence":
            return False
        if actor2 is not None and actor2.kind == "protesters" and (actor1 is None or actor1.kind in ATTACKER_KINDS):
            return True  # أطلقت قوات الأمن الرصاص على المتظاهرين فقتلت اثنين: the protesters are the target
        if self._shot_at_a_protest(ctx, d, weapons, actor1):
            return True
        lo, hi = d.sentence.start, d.sentence.end
        return any(m.actor.kind == "protesters" and any(c.start <= m.nstart < c.end for c in ctx.counts_in(lo, hi))
                   for m in ctx.actors_in(lo, hi))

    def _shot_at_a_protest(self, ctx: DocContext, d: Draft, weapons: list[str], actor1: ActorRef | None) -> bool:
        """A toll of people shot (برصاص) by the state's forces, in a fight word or none, with a protest told within
        a few sentences of it: the victims are the protesters (قتل 25 شخصا برصاص الجيش خلال المواجهات … وكان
        الآلاف قد تظاهروا قرب الحدود)."""
        if GUNFIRE not in weapons or d.trigger.trigger.id not in GENERIC_ATTACKS \
                or (actor1 is not None and actor1.kind not in ("state_forces", "government")):
            return False
        sentences = ctx.seg.sentences
        k = d.sentence.index
        lo = sentences[max(0, k - _PROTEST_NEAR)].start
        hi = sentences[min(len(sentences) - 1, k + _PROTEST_NEAR)].end
        return any(th.trigger.family == "protest" for th in ctx.triggers_starting_in(lo, hi))

    def _fighters_fled(self, ctx: DocContext, d: Draft) -> bool:
        """An armed side is the subject right after a word of fleeing (فر مسلحو حركة الشباب، فرت عناصر التنظيم):
        its first words name the side, one word of its members (مسلحو، عناصر) at most before it."""
        spans = word_spans_after(ctx.norm.text, d.trigger.nend, _SUBJECT_WORDS, d.sentence.end)
        if not spans:
            return False
        return any(m.actor.kind in ARMED_KINDS for m in ctx.actors_in(spans[0][0], spans[-1][1]))
