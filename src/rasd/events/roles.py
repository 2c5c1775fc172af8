"""The roles resolver: which actors an event has (actor1, actor2, the others) and by which rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..recognize.linking import UNIDENTIFIED, ActorMention
from ..recognize.matcher import phrase_before
from ..records import ActorRef, Count
from ..resources.actors import ActorDictionary
from ..resources.lexicon import CueLexicon, Trigger
from ..text.words import word_spans_after, words_before
from .attribution import Attributor
from .background import OWN_SUBJECT
from .context import (
    ARMED_KINDS,
    REPORTER_KINDS,
    VIOLENT_FAMILIES,
    DocContext,
    Draft,
    actor_ref,
    mention_ref,
    word_start,
)
from .rules import RoleRule
from .speech_sides import (
    SAID_OF,
    THAT_WORDS,
    of_its_own,
    of_itself,
    relative_source,
    resumes_claim,
    says_first,
    speaks_of,
    spokesman_named,
    subject_gap,
    subjects_after,
    titled_person,
)
from .victim_sides import VICTIM_SIDE_KINDS, unarmed_side, victim_mentions, victims_actor
from .victim_sides import also_hit as also_hit  # (re-exported: the assembler reads them here)
from .victim_sides import protest_sides as protest_sides
from .victim_sides import with_victim_nouns as with_victim_nouns

HIT_FAMILIES = VIOLENT_FAMILIES - {"looting"}  # the happenings whose civilians are hit by them (not a mob's looting)
OTHERS = frozenset({"اخري", "اخرين", "اخرون"})  # (normalized أخرى، آخرين) elided forces: وأخرى داعمة لـX are X's
# the subject a sentence carries on stands among the first words of the sentence before: its verb and a title
CARRIED_LEAD_WORDS = 4
PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "بين", "لدي", "عند", "حول", "ضد"})  # (normalized)
# whom a speech act calls on, accuses or rejects is named within this many words after its verb
SPEECH_OBJECT_WORDS = 7
SPEECH_CLAIM_WORDS = 10  # the words from a sentence's start to the that-word of the claim a reaction answers
# who a later sentence that tells a violent happening again may name as its sides: armed forces, their persons and
# governments (قوات حكومة الوفاق), not the organisations and outlets that report it
RETOLD_KINDS = ARMED_KINDS | {"person", "government"}
# a meeting told again (وضم اللقاء …، وحضر الاجتماع …) names more of those who took part: all are its actors
GATHERING_FAMILIES = frozenset({"consult"})
GATHERING_KINDS = RETOLD_KINDS | {"international_org", "political_party"}
# "all the parties" a call or a truce addresses (جميع الأطراف، الأطراف المتنازعة) names no one: the sides are those
# the text names, so that mention is no actor of the event (the dictionary keeps it, so no other name takes it)
NO_SIDE_PREFIX = "all-parties"
OUTLET_WORDS = 5  # the words of an outlet's description between a speech verb and its name (وكالة الأنباء الرسمية …)


class RolesDecision(NamedTuple):
    """The event's sides and other actors, the rules that chose them, the reporter that named the happening
    (when an organisation only announces it) and the stretch the actors were read from (normalized offsets)."""

    actor1: ActorRef | None
    actor2: ActorRef | None
    others: tuple[ActorRef, ...]
    rules: tuple[RoleRule, ...]
    reporter: str | None
    evidence: tuple[int, int]


@dataclass(slots=True, init=False)  # __init__ written out (rasd.records), ~20 an article
class _Cast:
    """The actors of an event grouped by who they are, in the order first named, with what the cues say."""

    groups: dict[str, list[ActorMention]] = field(default_factory=dict, init=False)
    order: list[str] = field(default_factory=list, init=False)
    targets: set[str] = field(default_factory=set, init=False)
    between: list[str] = field(default_factory=list, init=False)
    allies: set[str] = field(default_factory=set, init=False)  # in a violent event, named right after another side with و

    def __init__(self) -> None:
        self.groups = {}
        self.order = []
        self.targets = set()
        self.between = []
        self.allies = set()


def groups_key(m: ActorMention, violent: bool, actors: ActorDictionary) -> str:
    """The actor a mention stands for in an event: in a violent one, a person stands for the group he is of."""
    if violent and m.actor.kind == "person" and m.actor.affiliation:
        return actors.get(m.actor.affiliation).id
    return m.actor.id


def _after_others(text: str, ws: int) -> bool:
    """The supporting word before the word at `ws` follows "others" (وأخرى داعمة لحكومة X): elided forces, X's own."""
    two = words_before(text, ws, 2)
    return len(two) == 2 and two[0].removeprefix("و") in OTHERS


def _unnamed(m: ActorMention) -> bool:
    """Unnamed gunmen, whom the owner's name after a belonging word identifies (مجموعات مسلحة تابعة لحكومة X)."""
    return m.actor.id.startswith(UNIDENTIFIED)


def names_a_side(m: ActorMention) -> bool:
    """Not "all the parties" (جميع الأطراف في ليبيا): a name of no one in particular, never an event's actor."""
    return not m.actor.id.startswith(NO_SIDE_PREFIX)


def named_aside(text: str, m: ActorMention, cues: CueLexicon, violent: bool) -> bool:
    """The name stands aside from the event: whom the act means to protect (حفاظا على أرواح المدنيين), a name only
    referred to (قرار مجلس الأمن), in an event not violent the owner of a building (في مقر الأمم المتحدة)."""
    ws = word_start(text, m.nstart)
    return phrase_before(text, ws, cues.protected_words, 4) or phrase_before(text, ws, cues.referred_words, 1) \
        or (not violent and phrase_before(text, ws, cues.seat_words, 1))


def is_victim(text: str, m: ActorMention, count_spans: Sequence[tuple[int, int]]) -> bool:
    """A name inside a toll (سبعة متظاهرين) or right after one (أربعة عناصر من قوات …) names the victims."""
    for cs, ce in count_spans:
        if cs <= m.nstart < ce:
            return True
        if ce <= m.nstart <= ce + 4 and text[ce:m.nstart].strip() in ("من", ""):
            return True
    return False


class RoleResolver:
    """Decides an event's actors from the mentions of its clause and the cues around them."""

    def __init__(self, cues: CueLexicon, actors: ActorDictionary, attributor: Attributor) -> None:
        self.cues = cues
        self.actors = actors
        self.attributor = attributor
        self.civilians, self.protesters = ({a.country: a for a in actors.actors if a.kind == k and a.country
                                            and a.id.startswith(k + "-")} for k in ("civilians", "protesters"))

    def civilian_victims(self, ctx: DocContext, roles: RolesDecision, acled_type: str | None,
                         counts: Sequence[Count]) -> ActorRef | None:
        """The second side of a violent event that has none, when its victims are civilians: the civilians of
        the document's country (unless they are its first side), or the protesters its toll names (قتل متظاهر)."""
        named = victims_actor(ctx, counts)
        if roles.actor2 is not None or not unarmed_side(named is not None, counts, acled_type) \
                or (named is not None and acled_type == "Protests" and roles.actor1 is None):
            return None  # (a protest's own people, with no force named that hit them: no second side)
        civ = named or self.civilians.get(ctx.country or "")
        if civ is None or (roles.actor1 is not None and roles.actor1.id == civ.id):
            return None
        return actor_ref(civ, victim_mentions(ctx, civ.id, counts))

    def resolve(self, ctx: DocContext, d: Draft, attribution_span: tuple[int, int] | None,
                count_spans: list[tuple[int, int]], has_attribution: bool) -> RolesDecision:
        """The event's actors: those of its clause (less the victims inside a toll and the reporters), else
        those of the sentence before; a clause that goes on with the sentence's subject takes it."""
        text, trig = ctx.norm.text, d.trigger.trigger
        rules: list[RoleRule] = []
        in_clause = [m for m in ctx.actors_in(d.window[0], d.window[1]) if names_a_side(m)
                     and not (attribution_span and attribution_span[0] <= m.nstart < attribution_span[1])
                     and not (m.actor.kind in VICTIM_SIDE_KINDS and any(cs <= m.nstart < ce for cs, ce in count_spans))]
        # (a name a supporting phrase describes: طيران أجنبي داعم لقوات حفتر is none of Haftar's forces)
        in_clause = [m for k, m in enumerate(in_clause) if not self._supported(text, m, in_clause[k - 1] if k else None)
                     and not spokesman_named(text, m, in_clause[k - 1] if k else None)
                     and not named_aside(text, m, self.cues, trig.family in VIOLENT_FAMILIES)]
        reporter = None
        if trig.content:
            # civilians named in a call or an accusation (حماية المدنيين) are what it is about, not a party to it
            in_clause = [m for m in in_clause if m.actor.kind != "civilians"]
        else:
            # an organisation that only announces the figure or the happening is its source, not a party
            reporters = [m for m in in_clause if (m.nstart < d.trigger.nstart and (
                (self._reporter_kind(m) and (self._reports(ctx, d, m) or says_first(text, m, d))
                 and not of_itself(text, m, d)) or tells_of_others(self.attributor, ctx, d, m))
                and not of_its_own(text, m, d, in_clause))
                or speaks_of(text, m, self.cues) or relative_source(text, m, self.cues)]
            # (who accuses another of the happening is none of its sides: اتهم الجيش الجماعة بخطف 15 صيادا)
            in_clause = [m for m in in_clause if not accuses(ctx, d, m)]
            if reporters:
                in_clause = [m for m in in_clause if m not in reporters]
                reporter = None if has_attribution else reporters[0].text
        if not in_clause and trig.family in VIOLENT_FAMILIES and not d.fallback:
            # the actors of a battle are often named in the sentence before the one that gives its toll
            prev = previous_sentence_actors(ctx, d)
            if prev:
                in_clause = prev
                rules.append(RoleRule.PREVIOUS_SENTENCE)
        if (trig.family in VIOLENT_FAMILIES and len({m.actor.id for m in in_clause}) < 2) \
                or trig.family in GATHERING_FAMILIES:
            retold = self._retold_actors(ctx, d, in_clause)
            if retold:
                in_clause = [*in_clause, *retold]
                rules.append(RoleRule.RETOLD)
        sentence_mentions = [m for m in ctx.actors_in(d.sentence.start, d.trigger.nstart)
                             if not is_victim(text, m, count_spans) and names_a_side(m)]
        if d.opens_clause and d.takes_subject and sentence_mentions and sentence_mentions[0] not in in_clause:
            # "… قبل أن يتوجه إلى بريطانيا": the clause goes on with the sentence's subject
            in_clause = [sentence_mentions[0], *in_clause]
            rules.append(RoleRule.SUBJECT_OF_SENTENCE)
        if trig.content:
            sentence_mentions = speakers_of_sentence(ctx, d, self.cues, sentence_mentions, rules)
        actor1, actor2, others = self._roles(ctx, in_clause, d, trig, count_spans, sentence_mentions, rules)
        if trig.family in HIT_FAMILIES and actor1 is not None and actor1.kind == "civilians":
            # civilians are whom a violent happening hits, never who does it: the side beside them does it
            actor1, actor2 = (None, actor1) if actor2 is None or actor2.id == actor1.id else (actor2, actor1)
            rules.append(RoleRule.CIVILIANS_HIT)
        return tuple.__new__(RolesDecision, (actor1, actor2, others, tuple(rules), reporter, d.window))  # (tuple.__new__: see mention_ref)

    def _retold_actors(self, ctx: DocContext, d: Draft, known: list[ActorMention]) -> list[ActorMention]:
        """The armed actors and persons of a later sentence the event took in, that tells its happening again by
        a word of its family (ونشبت الاشتباكات بين …، واستهدفت الغارات مواقع …): the sides it leaves unnamed. Not
        the victims inside its tolls, not who reports it."""
        text, family = ctx.norm.text, d.trigger.trigger.family
        seen = {m.actor.id for m in known}
        out: list[ActorMention] = []
        for s in d.sentences:
            again = [th.nend for th in ctx.triggers_starting_in(s.start, s.end) if th.trigger.family == family]
            if s.index <= d.sentence.index or not again:
                continue
            spans = [(c.start, c.end) for c in ctx.counts_in(s.start, s.end)]
            who = claimant(ctx, self.cues, s.start, again[0], seen)
            if who is not None:  # (who claims it comes first)
                seen.add(who.actor.id)
                out.insert(0, who)
            named = ctx.actors_in(again[0], s.end)  # (named after the word that tells it again)
            for k, m in enumerate(named):
                if m.actor.id in seen or is_victim(text, m, spans) or not names_a_side(m) \
                        or m.actor.kind not in (RETOLD_KINDS if family in VIOLENT_FAMILIES else GATHERING_KINDS) \
                        or self._describes(text, m, named[k - 1] if k else None,
                                           named[k + 1] if k + 1 < len(named) else None):
                    continue
                seen.add(m.actor.id)
                out.append(m)
        return out

    def _describes(self, text: str, m: ActorMention, prev: ActorMention | None, nxt: ActorMention | None) -> bool:
        """The mention is no party of its own: a force only supporting or tied to one (بالتنسيق مع …، على صلة
        بـ…), who speaks or reports, or the organisation of a person's title (عضو المجلس الرئاسي فلان)."""
        title = nxt is not None and nxt.actor.kind == "person" and m.actor.kind != "person" \
            and not text[m.nend:nxt.nstart].strip()
        return title or self._supported(text, m, prev) or phrase_before(text, m.nstart, self.cues.support_words, 3) \
            or self._speaker(text, m) or speaks_of(text, m, self.cues)

    def _speaker(self, text: str, m: ActorMention) -> bool:
        """The mention is who speaks right after a speech verb (قال الجيش); not a side after بين, which reads as
        a speech verb (بيّن) once its marks are gone."""
        before = words_before(text, m.nstart, 1)
        return not (before and before[-1] in self.cues.between_words) and self.attributor.after_speech_verb(text, m.nstart)

    def _reporter_kind(self, m: ActorMention) -> bool:
        """An organisation that may only report (a ministry, an agency, a monitor), or a person of one (its
        director, its spokesman)."""
        if m.actor.kind == "person" and m.actor.affiliation:
            return self.actors.get(m.actor.affiliation).kind in REPORTER_KINDS
        return m.actor.kind in REPORTER_KINDS

    def _reports(self, ctx: DocContext, d: Draft, m: ActorMention) -> bool:
        """The mention is who speaks after a speech verb, or the organisation of the speaker's title (وقال مدير
        المرصد، أكد المتحدث باسم النقابة، قال فلان، المتحدث باسم الصليب الأحمر)."""
        text = ctx.norm.text
        if self.attributor.after_speech_verb(text, m.nstart):
            return True
        ws = word_start(text, m.nstart)
        verbs = ctx.hits_in(self.cues.speech_verbs, d.sentence.start, ws)
        if not verbs:
            return False
        gap = text[verbs[-1].end:ws]
        words = gap.replace("،", ",").split(",")[-1].split()  # (قال فلان، المتحدث باسم …: after the name)
        # (the verb's subject: a title and the organisation, or a name and his title after a comma)
        # (an outlet's name may follow its description: ذكرت وكالة الأنباء الحكومية في البلاد X)
        return gap.count(",") + gap.count("،") <= 1 and len(words) <= (OUTLET_WORDS if m.actor.kind == "media" else 3)

    def _supported(self, text: str, m: ActorMention, prev: ActorMention | None) -> bool:
        """The mention follows a supporting word with لـ or بـ (داعم لقوات …، المرتبطة بالحزب), or a belonging
        word right after another name (قوات الحزام الأمني التابعة للمجلس): it describes the force before it."""
        ws = word_start(text, m.nstart)
        clitics = set(text[ws:m.nstart])
        if not {"ل", "ب"} & clitics:
            return False
        if phrase_before(text, ws, self.cues.supporting_words, 1):
            return not _after_others(text, ws)
        if prev is None or _unnamed(prev) or not phrase_before(text, ws, self.cues.belonging_words, 1):
            return False
        return len(text[prev.nend:ws].split()) <= 1

    def _cast(self, mentions: list[ActorMention], d: Draft, text: str, violent: bool,
              count_spans: Sequence[tuple[int, int]]) -> _Cast:
        """Groups the mentions by actor and reads the cues before each: target, between, ally."""
        cast = _Cast()
        last_named: ActorMention | None = None
        first_key = groups_key(mentions[0], violent, self.actors) if mentions else ""
        for m in mentions:
            key = groups_key(m, violent, self.actors)
            actor = m.actor if key == m.actor.id else self.actors.get(key)  # (an unlinked actor is no entry)
            if actor.id not in cast.groups:
                cast.groups[actor.id] = []
                cast.order.append(actor.id)
            cast.groups[actor.id].append(m)
            # (not "بين X وY", the two sides of a clash, even when the name of X begins after a word: بين قوات التحالف)
            coordinated = violent and last_named is not None and "".join(text[last_named.nend:m.nstart].split()) \
                in ("", "و", "،و", ",و") and not set(words_before(text, last_named.nstart, 2)) & self.cues.between_words
            last_named = m
            if violent and is_victim(text, m, count_spans):
                cast.targets.add(actor.id)
                continue
            if violent and (coordinated or phrase_before(text, m.nstart, self.cues.support_words, 3)) \
                    and first_key != actor.id:
                cast.allies.add(actor.id)  # مقاتلات أمريكية وبريطانية: the British are no target of the Americans
            self._read_cue(cast, actor.id, m, d, text)
        return cast

    def _read_cue(self, cast: _Cast, actor_id: str, m: ActorMention, d: Draft, text: str) -> None:
        """The word before a mention: a target cue (على، ب…) makes a target of it, بين one of two sides."""
        ws = word_start(text, m.nstart)
        # (مواقع لقوات …: the word before the proclitic)
        prev = words_before(text, ws if ws < m.nstart and text[m.nstart - 1] == "ل" else m.nstart, 1)
        if not prev:
            return
        if prev[-1] in self.cues.target_words or (m.nstart > 0 and text[m.nstart - 1] == "ب"):
            if prev[-1] in self.cues.between_words:
                if 0 <= len(text[d.trigger.nend:m.nstart].split()) <= 5:
                    cast.between.append(actor_id)
            elif m.nstart > d.trigger.nstart and not (d.trigger.phrase in self.cues.target_words  # (not the subject
                                                      and text[d.trigger.nend:m.nstart].isspace()):  # of استهدف)
                cast.targets.add(actor_id)
        elif prev[-1] in self.cues.between_words and 0 <= len(text[d.trigger.nend:m.nstart].split()) <= 5:
            cast.between.append(actor_id)

    def _roles(self, ctx: DocContext, mentions: list[ActorMention], d: Draft, trig: Trigger,
               count_spans: Sequence[tuple[int, int]], sentence_mentions: Sequence[ActorMention],
               rules: list[RoleRule]) -> tuple[ActorRef | None, ActorRef | None, tuple[ActorRef, ...]]:
        """actor1, actor2 and the others, from the cast; appends the rules that decided them."""
        text = ctx.norm.text
        violent = trig.family in VIOLENT_FAMILIES
        cast = self._cast(mentions, d, text, violent, count_spans)
        if not cast.order and not (trig.content and sentence_mentions):
            return None, None, ()
        if trig.content and self._speaker_first(cast, mentions, d, text, violent, sentence_mentions):
            rules.append(RoleRule.SPEAKER)
        elif trig.content and cast.order:
            # a speaker the dictionary does not know (اتهمت وزارة الإعلام في الحكومة … جماعة الحوثي، دعا الأمين
            # العام جميع الأطراف): those named after it are whom it calls on or accuses, the second side
            rules.append(RoleRule.ADDRESSEE)
            refs = self._refs(ctx, cast, cast.order)
            return None, refs[0], tuple(refs[1:])
        if not cast.order:
            return None, None, ()  # (a speech act whose speaker is unknown and names nobody: …، وهو ما نفته الوزارة)
        if cast.between and len(cast.order) >= 2:
            first = cast.between[0]
            cast.order = [first] + [a for a in cast.order if a != first]
            rules.append(RoleRule.BETWEEN)
        elif cast.targets:
            non_targets = [a for a in cast.order if a not in cast.targets]
            tgt = [a for a in cast.order if a in cast.targets]
            cast.order = non_targets[:1] + tgt + non_targets[1:]
            if not non_targets:
                rules.append(RoleRule.TARGET_ONLY)
                refs = self._refs(ctx, cast, tgt)
                return None, refs[0], tuple(refs[1:])
            rules.append(RoleRule.TARGET_CUE)
            if cast.allies & set(non_targets[1:]):
                rules.append(RoleRule.ALLIES)  # (allies of the first side go with the others, not the targets)
        elif trig.subject_is_target:
            rules.append(RoleRule.SUBJECT_IS_TARGET)
            refs = self._refs(ctx, cast, cast.order)
            return (refs[1] if len(refs) > 1 else None), refs[0], tuple(refs[2:])
        else:
            rules.append(RoleRule.ORDER)
        order = cast.order
        if not cast.between and len(order) > 1 and order[1] in cast.allies:
            # an ally of the first side is none of its targets: the second side is the first actor that is not one
            # (or none), the allies go with the others
            rest = [a for a in order[1:] if a not in cast.allies] + [a for a in order[1:] if a in cast.allies]
            order = [order[0]] + rest
            rules.append(RoleRule.ALLIES)
            if rest[0] in cast.allies:
                refs = self._refs(ctx, cast, order)
                return refs[0], None, tuple(refs[1:])
        refs = self._refs(ctx, cast, order)
        return refs[0], (refs[1] if len(refs) > 1 else None), tuple(refs[2:])

    def _speaker_first(self, cast: _Cast, mentions: list[ActorMention], d: Draft, text: str, violent: bool,
                       sentence_mentions: Sequence[ActorMention]) -> bool:
        """Puts a speech act's speaker first: right after the verb (VSO), else the nearest name before it; the
        rest of its actors are those after it (whom it calls on, accuses, rejects). False when there is none."""
        tpos, tend = d.trigger.nstart, d.trigger.nend
        after = subjects_after(text, mentions, tpos, tend)
        before = [m for m in mentions if m.nend <= tpos]
        speaker = after[0] if after else None
        resumed = resumes_claim(text, tpos, d.sentence.start, self.cues)
        if speaker is None and resumed:
            return False  # (…، وهو ما نفته الوزارة: the claim's speaker is whom it answers, never who answers)
        if speaker is None and sentence_mentions:
            last = before[-1] if before else sentence_mentions[-1]
            gap_words = {w.lstrip("و") for w in text[last.nend:tpos].split()}
            if gap_words & self.cues.relative_words or self.attributor.speech_between(text[last.nend:tpos]):
                # الوزيرة التي قالت إن حكومتها تعمل على …: the name the relative clause or the report hangs on
                speaker = last
            else:
                # the verb's subject is dropped: the sentence's subject goes on (السراج … التقى … وطلب)
                speaker = sentence_mentions[0]
        elif speaker is None and before:
            speaker = before[-1]
        if speaker is None:
            return False
        titled = speaker
        if not violent:  # (in a violent happening a person stands for his force anyway)
            speaker = titled_person(text, [*sentence_mentions, *mentions], speaker)
        sid = groups_key(speaker, violent, self.actors)
        if sid not in cast.groups:
            cast.groups[sid] = [speaker]
        # whom it calls on, accuses, rejects: named close after it
        # (after a speaker named after the verb, from his name on)
        reach = word_spans_after(text, max(tend, speaker.nend), SPEECH_OBJECT_WORDS)
        horizon = reach[-1][1] if reach else tend
        later = {groups_key(m, violent, self.actors) for m in mentions if tend <= m.nstart < horizon
                 and (titled is speaker or m.nstart >= titled.nend or m.nend <= titled.nstart)}  # (not his title's)
        cast.order = [sid] + [a for a in cast.order if a != sid and a in later]
        cast.targets.discard(sid)
        if resumed:
            answer_claim(cast, sid, text, d, sentence_mentions, violent, self.actors)
        return True

    def _refs(self, ctx: DocContext, cast: _Cast, ids: list[str]) -> list[ActorRef]:
        return [actor_ref(self.actors.get(a) if a in self.actors else cast.groups[a][0].actor,
                          ctx.ids_of([mention_ref("actor", m.start, m.end) for m in cast.groups[a]])) for a in ids]


def tells_of_others(attributor: Attributor, ctx: DocContext, d: Draft, m: ActorMention) -> bool:
    """Any actor is only the source when it speaks right after a speech verb and the happening is told in
    what it says, with a subject of its own: قالت الشرطة إن سيارة مفخخة انفجرت (not قالت الشرطة إنها
    اعتقلت، أعلن الجيش أنه قصف: there it tells of itself)."""
    text = ctx.norm.text
    if not attributor.after_speech_verb(text, m.nstart):
        return False
    gap = text[m.nend:word_start(text, d.trigger.nstart)].split()
    that = next((k for k, w in enumerate(gap) if w in THAT_WORDS), None)
    return that is not None and that <= 4


def accuses(ctx: DocContext, d: Draft, m: ActorMention) -> bool:
    """The mention is the subject of an accusation's verb before the happening in its sentence (اتهم الجيش التشادي
    بوكو حرام بخطف 15 صيادا، حملت الحكومة المتمردين مسؤولية …): the accuser, not a side of what it alleges —
    unless the happening is told in a clause of its own after the accusation."""
    if m.nstart >= d.trigger.nstart:
        return False
    text = ctx.norm.text
    return any(th.trigger.family == "accuse" and th.trigger.content and th.nend <= m.nstart
               and subject_gap(text[th.nend:m.nstart])
               and not ctx.clauses.starts_within(m.nend, d.trigger.nstart, OWN_SUBJECT)
               for th in ctx.triggers_starting_in(d.sentence.start, m.nstart))


def answer_claim(cast: _Cast, sid: str, text: str, d: Draft, sentence_mentions: Sequence[ActorMention],
                 violent: bool, actors: ActorDictionary) -> None:
    """A reaction to a claim told before it (اتهم الجيش الجماعة بالهجوم، وهو ما تنفيه الجماعة؛ أعلن الجيش أنه قتل
    …، وهو ما نفته الجماعة) answers the claim's speaker, its second side: the sentence's first name other than
    the speaker `sid`, before what the claim says (its that-word)."""
    tpos = d.trigger.nstart
    said = next((a for a, b in word_spans_after(text, d.sentence.start, SPEECH_CLAIM_WORDS, tpos)
                 if text[a:b] in SAID_OF), tpos)
    claim = next((m for m in sentence_mentions if m.nend <= said and groups_key(m, violent, actors) != sid), None)
    if claim is None:
        return
    cid = groups_key(claim, violent, actors)
    cast.groups.setdefault(cid, [claim])
    cast.order = [sid, cid] + [a for a in cast.order[1:] if a != cid]


def claimant(ctx: DocContext, cues: CueLexicon, lo: int, hi: int, seen: set[str]) -> ActorMention | None:
    """The armed side in [lo, hi) that claims the happening a later word tells again (أعلنت حركة X مسؤوليتها عن
    الهجوم، تبنى تنظيم X الهجوم): named before a claim word, or right after one."""
    text = ctx.norm.text
    claims = ctx.hits_in(cues.claim_words, lo, hi)
    return next((m for m in ctx.actors_in(lo, hi) if m.actor.kind in ARMED_KINDS and m.actor.id not in seen
                 and any(h.word_start >= m.nend or (h.end <= m.nstart
                                                    and not text[h.end:word_start(text, m.nstart)].strip())
                         for h in claims)), None)


def speakers_of_sentence(ctx: DocContext, d: Draft, cues: CueLexicon, mentions: list[ActorMention],
                         rules: list[RoleRule]) -> list[ActorMention]:
    """Who may speak a speech act among the sentence's names before it: not the civilians it names (what a call
    is about: خلفت 100 ألف مدني …، مناشدا …); with none and none in the verb's own words, the subject carried on
    from the sentence before (…، وطلب من …)."""
    mentions = [m for m in mentions if m.actor.kind != "civilians"]
    if mentions or ctx.actors_in(d.trigger.nstart, d.trigger.nend):
        return mentions
    carried = carried_subject(ctx, d, cues)
    if carried is None:
        return mentions
    rules.append(RoleRule.SUBJECT_OF_PREVIOUS)
    return [carried]


def carried_subject(ctx: DocContext, d: Draft, cues: CueLexicon) -> ActorMention | None:
    """The subject a sentence that opens with its verb carries on from the sentence before, in the same paragraph
    (وصل السراج إلى روما. وطلب من الحكومة …): that sentence's first actor, named among its first words and not
    after a preposition. The verb opens the sentence, or a speech verb does whose subject is dropped too (وأشار
    إلى أن …، مناشدا …). None when neither does or no such actor stands there."""
    text, sent = ctx.norm.text, d.sentence
    lead = text[sent.start:d.trigger.nstart].split()
    opener = bool(lead) and bool(cues.speech_verbs.find(lead[0].removeprefix("و").removeprefix("ف")))
    if (lead not in ([], ["و"], ["ف"], ["ثم"], ["كما"]) and not opener) or sent.index == 0:
        return None
    prev = ctx.seg.sentences[sent.index - 1]
    if ctx.paragraph(prev) != ctx.paragraph(sent):
        return None
    first = next(iter(ctx.actors_in(prev.start, prev.end)), None)
    if first is None or first.actor.kind in VICTIM_SIDE_KINDS:
        return None
    lead = text[prev.start:word_start(text, first.nstart)].split()
    if not 1 <= len(lead) <= CARRIED_LEAD_WORDS or lead[-1] in PREPOSITIONS or first.nstart != word_start(
            text, first.nstart):
        return None  # (a name after a preposition or a clitic is no subject: وصل إلى …، التقى بـ…)
    return first


def previous_sentence_actors(ctx: DocContext, d: Draft) -> list[ActorMention]:
    """The armed actors and persons of the sentence before, in the same paragraph, when it tells no other kind
    of happening (not those inside its tolls)."""
    idx = d.sentence.index - 1
    if idx < 0:
        return []
    prev = ctx.seg.sentences[idx]
    if ctx.paragraph(prev) != ctx.paragraph(d.sentence):
        return []
    if any(th.trigger.family not in VIOLENT_FAMILIES and th.trigger.family != "displacement"
           for th in ctx.triggers_starting_in(prev.start, prev.end)):
        return []  # the sentence before tells another kind of happening
    prev_counts = [(c.start, c.end) for c in ctx.counts_in(prev.start, prev.end)]
    return [m for m in ctx.actors_in(prev.start, prev.end) if m.actor.kind in ARMED_KINDS | {"person"} and names_a_side(m)
            and not any(cs <= m.nstart < ce for cs, ce in prev_counts)]
