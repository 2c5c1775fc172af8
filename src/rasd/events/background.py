"""The background resolver: a trigger told as history, a state, a habit, a fear or the description of what a
strike hit (cues.yaml background), in a relative, purpose or منذ clause (text/clauses.py), or listed as a crime
inside an accusation makes no event of its own."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..recognize.counts import CountMatch
from ..recognize.matcher import phrase_before
from ..resources.lexicon import CueLexicon
from ..text.clauses import ClauseOpen
from ..text.segment import Sentence
from ..text.words import word_spans_after, word_spans_before
from .context import PLACE_FALLBACK_FAMILIES, VIOLENT_FAMILIES, DocContext, TriggerHit
from .rules import BackgroundRule
from .speech_sides import resumes_claim

# how many words before a trigger a habit, a fear or a history cue may stand (in the trigger's clause)
CUE_WORDS = 10
# the longest background cue, in words (سبق لهم أن، بين فترة وأخرى)
CUE_SPAN = 4
# a date that ends this many days or more before the publication is history, not the news of the day
HISTORY_DAYS = 60
RECENT_DAYS = 10  # a past perfect dated this close to the publication tells news (قد هاجموا … الأسبوع الماضي)
RECENT_PRECISIONS = frozenset({"day", "week"})
_QAD = frozenset({"قد"})
# how many words after the opener of a relative or منذ clause its predicate stands (التي سيطرت عليها، الذين
# شاركوا في معارك، منذ أن شنت القوات هجومها)
PREDICATE_WORDS = 4
# clauses with a subject of their own, or what a speaker goes on to say (مشيرة إلى أن …): an accusation's list of
# crimes ends where one starts
OWN_SUBJECT = (ClauseOpen.COMMA, ClauseOpen.SPEECH)  # a tuple: text/clauses
# the proclitic ل before a verbal noun of taking ground: what an action aims at (للسيطرة على، لاستعادة)
PURPOSE_PREFIXES = frozenset({"ل", "لل", "ول", "ولل"})
# the proclitic ل (no article) on the verbal noun of an act: what an action aims at or why (لزيارة، لرفضهن، لدعوة);
# not for the families whose ل-form is itself told as a happening (اضطروا للنزوح، خرجوا للتظاهر، تعرض لهجوم،
# توصلا لاتفاق، قافلة لإغاثة …). (A verbal noun after another one with ل, تستعد لاستضافة محادثات, is a plan: an
# event with modality planned.)
AIM_PREFIXES = frozenset({"ل", "ول", "فل"})
NOT_AIMED = PLACE_FALLBACK_FAMILIES | {"aid", "agreement"}
# how many words after a trigger a منذ that says how long it has lasted may stand (تحاصر القوات المدينة منذ أشهر)
LASTING_WORDS = 6
# how many words after a trigger a word that makes it a figure of speech may start (فقدت العائلة كل شيء)
FIGURE_WORDS = 2
REPEATED_WORDS = 4  # a speech act's verb, its subject of up to three words, then مرارا
# the families an agreement or talks referred to (ضمن اتفاق، بموجب محادثات) belong to
REFERRED_FAMILIES = frozenset({"agreement", "consult"})
# the families whose participle after a place's name describes it (البلدة المحاصرة)
STATE_FAMILIES = frozenset({"siege", "territory"})
# what someone says: never what a strike hit (أثار القصف انتقادات: the criticism is its own event)
SPEECH_FAMILIES = frozenset({"accuse", "reject", "request", "support", "threaten", "sanction"})
# how far back (characters) the name before a word may start
NAME_REACH = 80
# the words that put a stretch of time before a happening (قبل ثلاثة أيام من لقاء), and how many words (a number)
# may stand between one of them and the stretch
BEFORE_WORDS = frozenset({"قبل", "قبيل"})
LEAD_WORDS = 2
# the longest line, in words, that is a crosshead (a title inside the body) rather than a paragraph
CROSSHEAD_WORDS = 5


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause of the word at `pos` starts: after the last comma before it in its sentence."""
    return max(lo, text.rfind(",", lo, pos) + 1, text.rfind("،", lo, pos) + 1)


def _first_after_comma(text: str, lo: int, th: TriggerHit) -> bool:
    """The trigger is the first word after a comma within its clause (from `lo`)."""
    start = _clause_start(text, lo, th.nstart)
    return start != lo and not text[start:th.nstart - len(th.prefix)].strip()


def _since_before(ctx: DocContext, text: str, pos: int, trigger: int) -> bool:
    """The date at `pos` says since when (منذ حرب العام 2014) in a منذ clause that a comma ends before the trigger:
    the start of a span, not the date of what follows the comma (…، مهددا بالرد)."""
    clause = ctx.clauses.at(pos)
    return pos < trigger and clause is not None and clause.opens is ClauseOpen.BACKGROUND \
        and _clause_start(text, pos, trigger) != pos


def _recent_date(ctx: DocContext, sent: Sentence, th: TriggerHit, clause: int) -> bool:
    """A date of the trigger's clause, before the sentence's next trigger, fixes it to a day or a week that ends
    within RECENT_DAYS of the publication (وكان مسلحون قد هاجموا القرية أمس، يوم الخميس، الأسبوع الماضي): a past
    perfect of a recent happening is news with its own date, not background."""
    published = _iso(ctx.published)
    if published is None:
        return False
    nxt = next(iter(ctx.triggers_starting_in(th.nend, sent.end)), None)
    hi = sent.end if nxt is None else nxt.nstart
    for dm in ctx.dates_in(clause, hi):
        end = _iso(dm.date_end)
        if end is not None and dm.precision in RECENT_PRECISIONS and 0 <= (published - end).days <= RECENT_DAYS:
            return True
    return False


def _iso(day: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(day[:10]) if day else None
    except ValueError:
        return None


def _aim_goes_on(ctx: DocContext, th: TriggerHit) -> bool:
    """A verbal noun with و right after one with لل: coordinated in the same aim (عملية للاستطلاع والسيطرة على)."""
    if not th.prefix.startswith("و"):
        return False
    spans = word_spans_before(ctx.norm.text, th.nstart - len(th.prefix), 1)
    word = ctx.norm.text[spans[0][0]:spans[0][1]] if spans else ""
    return word.startswith("لل") and word.isalpha()


def _qualifies_place(ctx: DocContext, th: TriggerHit) -> bool:
    """A participle with the article right after a place's name qualifies it: a state (الغوطة الشرقية المحاصرة،
    المدينة الخاضعة …), not a happening."""
    if th.trigger.family not in STATE_FAMILIES or not (th.prefix.endswith("ال") or th.phrase.startswith("ال")):
        return False
    word = th.nstart - len(th.prefix)
    return any(not ctx.norm.text[p.nend:word].strip() for p in ctx.places_in(word - NAME_REACH, word))


def _crosshead(text: str, sent: Sentence) -> bool:
    """A line of its own of at most CROSSHEAD_WORDS words, after the headline: a title inside the body."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    if line_start == 0 or any(ch.isalnum() for ch in text[line_start:sent.start]):
        return False
    line_end = text.find("\n", sent.start)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    # (a line that ends as a sentence does, وأدان رئيس الوزراء الهجوم., is a short paragraph, not a title)
    return len(line.split()) <= CROSSHEAD_WORDS and bool(text[:line_start].strip()) \
        and not line.rstrip().endswith((".", "!", "؟"))


def _protest_demand(ctx: DocContext, sent: Sentence, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
    """A speech act in the clause of a protest told before it is what the protest demands or denounces (مظاهرات
    تطالب بمكافحة الفساد، خرجت مظاهرات رفضا للإجراءات): the protest is the event."""
    if th.trigger.family not in SPEECH_FAMILIES:
        return False
    lo = _clause_start(ctx.norm.text, sent.start, th.nstart)
    return any(b.trigger.family == "protest" and b.nstart >= lo for b in before)


def counted(ctx: DocContext, sent: Sentence, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
    """The sentence gives a figure of a kind the trigger takes, after the last trigger of its family before it
    (… 300 ألف شخص فروا من الجزيرة، كثير منهم كانوا قد نزحوا إليها: the figure is of the first)."""
    lo = next((b.nend for b in reversed(before) if b.trigger.family == th.trigger.family), sent.start)
    return any(c.kind in th.trigger.counts for c in ctx.counts_in(lo, sent.end))


class CuesBefore:
    """The background cues in [lo, trigger) of one trigger, each with how many words stand between it and the
    trigger's word: read once per trigger, then asked for windows of up to CUE_WORDS words (the resolver asks
    up to ten times per trigger)."""

    __slots__ = ("_hits",)

    def __init__(self, ctx: DocContext, cues: CueLexicon, lo: int, th: TriggerHit) -> None:
        text = ctx.norm.text
        word = th.nstart - len(th.prefix)  # (counted to the trigger's word: its proclitics are no word between)
        # each cue with the words from its word's start to the trigger (a cue within the last n words of
        # text[lo:trigger] has at most n) and the words between its end and the trigger's word
        self._hits = [(reach, len(text[h.end:word].split()), h.payloads)
                      for h in ctx.hits_in(cues.background, lo, th.nstart)
                      if (reach := len(text[h.word_start:th.nstart].split())) <= CUE_WORDS + CUE_SPAN]

    def labels(self, words: int) -> set[str]:
        """The labels of the cues that stand at most `words` (<= CUE_WORDS) words before the trigger: a cue of up
        to CUE_SPAN words that ends fewer than `words` words before it."""
        reach = min(words, CUE_WORDS) + CUE_SPAN
        return {label for within, gap, payloads in self._hits if within <= reach and gap < words
                for label in payloads}


class BackgroundResolver:
    """Tells whether a trigger is background (the rule that says so) or a happening (None)."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def told(self, ctx: DocContext, sent: Sentence, th: TriggerHit,
             before: Sequence[TriggerHit]) -> BackgroundRule | None:
        """The rule that makes the trigger no event of its own, or None; `before` are the sentence's triggers
        before it. A trigger with a figure is a happening, unless it is a crime an accusation lists; a reaction to
        a claim told all as background (وفي عام 2019 سيطرت الحركة على البلدة، وهو ما نفته الحكومة) is too."""
        if th.trigger.content and before and resumes_claim(ctx.norm.text, th.nstart, sent.start, self.cues):
            rules = [self.told(ctx, sent, b, before[:k]) for k, b in enumerate(before)]
            if None not in rules:
                return rules[-1]  # (every happening the claim tells is background: so is what answers it)
        if not th.trigger.content and self._alleged(ctx, th, before):
            return BackgroundRule.ALLEGED  # اتهمت … القوات بارتكاب عمليات قتل ونهب: the accusation is the event
        if not th.trigger.content and self._listed(ctx, sent, th):
            return BackgroundRule.LISTED  # وثق التقرير انتهاكات منها القتل والنهب: the report is the event
        if self._compound(ctx, sent, th):
            return BackgroundRule.COMPOUND  # منظمة الإغاثة، مخيم للنازحين: a body or a place, not a happening
        near = CuesBefore(ctx, self.cues, _clause_start(ctx.norm.text, sent.start, th.nstart), th)
        if th.trigger.family != "agreement" and "terms" in near.labels(CUE_WORDS):
            return BackgroundRule.TERMS  # وينص الاتفاق على إدخال 600 شاحنة مساعدات: the agreement is the event
        if self._aim(ctx, th) or _protest_demand(ctx, sent, th, before):
            return BackgroundRule.PURPOSE  # للسيطرة على، لزيارة: a verbal noun with ل is an aim, figures or not
        # (a relative, purpose or منذ clause with no figure of its own: the sentence's toll is of the happening it
        # qualifies, قتل ثلاثة في قصف على البلدة التي سيطرت عليها الفصائل)
        clause = ctx.clauses.at(th.nstart)
        subordinate = self._subordinate(ctx, th, before)
        # (a toll before منذ is the running toll of what منذ names, قتل 60 منذ بدء الاحتجاجات, unless a trigger
        # before takes it: قتل أربعة في قصف على المدينة منذ أن سيطرت عليها القوات)
        if subordinate is not None and clause is not None \
                and not any(c.kind in th.trigger.counts for c in ctx.counts_in(clause.start, clause.end)) \
                and (subordinate is not BackgroundRule.SINCE or any(b.trigger.counts & th.trigger.counts
                                                                     for b in before)):
            return subordinate
        if counted(ctx, sent, th, before):
            return None
        if _crosshead(ctx.norm.text, sent):
            return BackgroundRule.CROSSHEAD  # a short line between paragraphs titles what the body tells
        return subordinate or self._background(ctx, sent, th, before, near)

    def _compound(self, ctx: DocContext, sent: Sentence, th: TriggerHit) -> bool:
        """A head noun of a body's or a place's name stands right before it, or with one word with ل between
        (منظمة الإغاثة، مخيم للنازحين، مركز لإيواء النازحين)."""
        text = ctx.norm.text
        spans = word_spans_before(text, th.nstart - len(th.prefix), 2, _clause_start(text, sent.start, th.nstart))
        heads = {h.start for h in ctx.hits_in(self.cues.background, spans[0][0], th.nstart)
                 if "compound" in h.payloads} if spans else set()
        if not heads:
            return False
        (s1, e1), (s2, _e2) = spans[-1], spans[0]
        return any(s1 <= h < e1 for h in heads) or (len(spans) == 2 and any(s2 <= h < spans[0][1] for h in heads)
                                                     and text[s1:e1].lstrip("وف").startswith("ل"))

    def _listed(self, ctx: DocContext, sent: Sentence, th: TriggerHit) -> bool:
        """A list of crimes holds it: a crimes noun, then a listing word (منها، شملت، من بينها), then it, in its
        sentence, with no clause of another subject between the list and it."""
        hits = ctx.hits_in(self.cues.background, sent.start, th.nstart)
        crimes = next((h.end for h in hits if "crimes" in h.payloads), None)
        if crimes is None:
            return False
        listing = [h for h in hits if "listing" in h.payloads and h.start >= crimes]
        return bool(listing) and len(ctx.norm.text[listing[-1].end:th.nstart].split()) < CUE_WORDS \
            and not ctx.clauses.starts_within(listing[-1].end, th.nstart, OWN_SUBJECT)

    def _aim(self, ctx: DocContext, th: TriggerHit) -> bool:
        """What an action aims at or why: a verbal noun with ل (للسيطرة على، لاستعادة; لزيارة شقيقه، لرفضهن، لدعوة
        السكان: not for displacement, protests, aid or agreements), or one with و right after such a one (للاستطلاع
        والسيطرة على); never the first word of its clause."""
        clause = ctx.clauses.at(th.nstart)
        if clause is None or th.nstart - len(th.prefix) <= clause.start:
            return False
        if th.trigger.family == "territory":
            return th.prefix in PURPOSE_PREFIXES or _aim_goes_on(ctx, th)
        return th.trigger.family not in NOT_AIMED and th.prefix in AIM_PREFIXES

    def _alleged(self, ctx: DocContext, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
        """An accusation before it in its sentence lists it, with no clause of another subject between."""
        accusation = next((b for b in reversed(before) if b.trigger.family == "accuse"), None)
        return accusation is not None and not ctx.clauses.starts_within(accusation.nend, th.nstart, OWN_SUBJECT) \
            and any("alleging" in h.payloads and h.start == accusation.nstart
                    for h in ctx.hits_in(self.cues.background, accusation.nstart - len(accusation.prefix),
                                         accusation.nend + 1))

    def _subordinate(self, ctx: DocContext, th: TriggerHit, before: Sequence[TriggerHit]) -> BackgroundRule | None:
        """A relative clause after a happening told (المدينة التي سيطرت عليها …), a purpose (بهدف السيطرة على،
        للسيطرة على) or a background clause (منذ …) tells no happening of its own."""
        clause = ctx.clauses.at(th.nstart)
        if clause is None:
            return None
        # (the clause's own predicate: a clause runs on to the next opener, past commas that open none)
        words = len(ctx.norm.text[clause.start:th.nstart].split())
        if clause.opens is ClauseOpen.RELATIVE and before and words <= PREDICATE_WORDS and not (
                th.trigger.family in SPEECH_FAMILIES and (resumes_claim(ctx.norm.text, th.nstart, 0, self.cues)
                                                         or _first_after_comma(ctx.norm.text, clause.start, th))):
            # (not a reaction to the claim told: …، الأمر الذي نفته الحكومة; nor the speaker's next act right
            # after a comma: أدان القصف الذي استهدف السوق، داعيا الأطراف إلى …)
            return BackgroundRule.RELATIVE
        # (an aim runs to the first comma: … تهدف إلى رفع الجاهزية، محذرا من أن قواته ستستأنف …)
        aim = clause.opens is ClauseOpen.PURPOSE and _clause_start(ctx.norm.text, clause.start, th.nstart) == clause.start
        if aim:
            return BackgroundRule.PURPOSE
        # (the word right after منذ is a past happening of its own: منذ سقوطها في أيدي …, drafts.told_as_past; a
        # speech act after a comma is the speaker's, not part of what منذ names: … منذ حرب العام الماضي، مهددا
        # بالرد — unlike a happening, منذ عام 2014، عندما سيطر …)
        if clause.opens is ClauseOpen.BACKGROUND and 1 < words <= PREDICATE_WORDS and not (
                th.trigger.content and _clause_start(ctx.norm.text, clause.start, th.nstart) != clause.start):
            return BackgroundRule.SINCE
        return None

    def _background(self, ctx: DocContext, sent: Sentence, th: TriggerHit, before: Sequence[TriggerHit],
                    cues: CuesBefore) -> BackgroundRule | None:
        """History, a habit, a fear, a state of control, what a strike hit, by the cues before the trigger (`cues`:
        those of its clause)."""
        text = ctx.norm.text
        clause = _clause_start(text, sent.start, th.nstart)
        near = cues.labels(CUE_WORDS)
        if th.trigger.family in PLACE_FALLBACK_FAMILIES and phrase_before(text, th.nstart, _QAD, 1, lo=sent.start) \
                and "pluperfect" in CuesBefore(ctx, self.cues, sent.start, th).labels(CUE_WORDS) \
                and not _recent_date(ctx, sent, th, clause):
            return BackgroundRule.PLUPERFECT  # وكانت القوات قد سيطرت على المدينة (a call made before is news)
        for label, rule in (("history", BackgroundRule.HISTORY), ("habitual", BackgroundRule.HABITUAL),
                            ("fear", BackgroundRule.FEAR), ("projection", BackgroundRule.PROJECTION)):
            if label in near:
                return rule
        after, said = self._after(ctx, sent, th)
        if said is not None:
            return said
        if th.trigger.family in REFERRED_FAMILIES and "reference" in cues.labels(2):
            return BackgroundRule.REFERENCE  # ضمن اتفاق خفض التصعيد: an agreement made before
        if self._lasting(ctx, sent, th) or "war_span" in after:
            return BackgroundRule.LASTING  # تحاصر القوات المدينة منذ أشهر، قتلى الغارات خلال الحرب
        if self._landmark(ctx, clause, th, cues):
            return BackgroundRule.LANDMARK  # غداة احتجاجات الجمعة، قبل ثلاثة أيام من لقاء …: a time, not a happening
        if (th.trigger.family == "territory" and self._state(ctx, th, cues)) or _qualifies_place(ctx, th):
            return BackgroundRule.STATE
        struck = any(b.trigger.family in VIOLENT_FAMILIES for b in before)
        if struck and th.trigger.family not in PLACE_FALLBACK_FAMILIES | SPEECH_FAMILIES \
                and ("description" in cues.labels(3) or "target" in near):
            return BackgroundRule.DESCRIPTION  # قصفت مقرا كان يعقد فيه اجتماع: the meeting is what was hit
        if struck and th.trigger.family == "looting" and "result" in near:
            return BackgroundRule.DESCRIPTION  # أدى الانفجار إلى هدم منازل: the damage the blast did
        if "generic" in cues.labels(1):
            return BackgroundRule.GENERIC  # لم تسجل أي مواجهات، الرد على أي هجوم: no happening at all
        if th.trigger.family == "consult" and any(b.trigger.family == "agreement" for b in before) \
                and "talks" in cues.labels(2):
            return BackgroundRule.TALKS  # توصل الطرفان إلى اتفاق في ختام جولة مفاوضات: the talks made the agreement
        if self._old_date(ctx, sent, th, before):
            return BackgroundRule.HISTORY_DATE
        return None

    def _after(self, ctx: DocContext, sent: Sentence, th: TriggerHit) -> tuple[set[str], BackgroundRule | None]:
        """The background cue labels of the words right after the trigger, and the rule they make: a speech act
        said again and again, a figure of speech, others of its kind told as history."""
        after, next_word, spoken = self._cues_after(ctx, th.nend, sent.end, FIGURE_WORDS, 1, REPEATED_WORDS)
        if th.trigger.content and "repeated" in spoken:
            return after, BackgroundRule.HABITUAL  # اتهمت إسلام آباد مرارا …: said again and again, not today
        if "figurative" in after:
            return after, BackgroundRule.FIGURATIVE  # حرب كلامية، هجوما لاذعا، تفجر الأوضاع
        if "former" in next_word:
            return after, BackgroundRule.HISTORY  # سلسلة هجمات مماثلة شهدتها المنطقة
        return after, None

    def _cues_after(self, ctx: DocContext, pos: int, hi: int, *words: int) -> list[set[str]]:
        """For each count of `words`, the background cue labels of the cues that start within the first that
        many words of [pos, hi) (one word walk and one look-up for all of them)."""
        spans = word_spans_after(ctx.norm.text, pos, max(words), hi)
        if not spans:
            return [set() for _ in words]
        hits = ctx.hits_in(self.cues.background, spans[0][0], hi)
        return [{label for h in hits if h.start < spans[min(n, len(spans)) - 1][1] for label in h.payloads}
                for n in words]

    def _landmark(self, ctx: DocContext, clause: int, th: TriggerHit, cues: CuesBefore) -> bool:
        """The trigger tells when another happening took place: right after غداة، عشية، قبيل, or after قبل and a
        stretch of time with من (قبل ثلاثة أيام من لقاء القادة)."""
        if "landmark" in cues.labels(1):
            return True
        text = ctx.norm.text
        word = th.nstart - len(th.prefix)
        lead = [h for h in ctx.hits_in(self.cues.background, clause, word)
                if "lead_time" in h.payloads and not text[h.end:word].strip()]
        if not lead:
            return False
        return any(text[s:e] in BEFORE_WORDS for s, e in word_spans_before(text, lead[-1].start, LEAD_WORDS, clause))

    def _lasting(self, ctx: DocContext, sent: Sentence, th: TriggerHit) -> bool:
        """A منذ after it, in its sentence, says it has lasted months or years (تحاصر القوات المدينة منذ أشهر):
        a state, not the news of the day."""
        since = ctx.clauses.starts_within(th.nend, sent.end, (ClauseOpen.BACKGROUND,))
        if not since or len(ctx.norm.text[th.nend:since[0].start].split()) > LASTING_WORDS:
            return False
        # (the منذ word itself, then what follows it)
        return "period" in self._cues_after(ctx, since[0].start, since[0].end, 4)[0]

    def _state(self, ctx: DocContext, th: TriggerHit, cues: CuesBefore) -> bool:
        """Ground held, not taken: under someone's control (تحت سيطرة، الخاضعة لسيطرة), or the taking told of a
        place already named (بعد استعادتها)."""
        text = ctx.norm.text
        near = cues.labels(2)
        if "state" in near or (th.phrase.startswith("تحت") and "become" not in near):
            return True  # (أصبحت تحت سيطرة: ground taken)
        # (a pronoun suffix the matched form leaves off, or one a generated form carries: استعادتها; a bare ه
        # may be a normalized ة)
        suffixed = (th.nend < len(text) and text[th.nend].isalpha()) or th.phrase.endswith(("ها", "هم", "هما", "هن"))
        return suffixed and "after" in cues.labels(1)

    def history_toll(self, ctx: DocContext, sent: Sentence, th: TriggerHit, others: Sequence[TriggerHit],
                     figures: Sequence[CountMatch]) -> bool:
        """A happening told with its own toll of one day (`figures`, all of incident scope) and a month or year
        long before the report (وأسفر تفجير شاحنة مفخخة في أكتوبر الماضي عن مقتل 512 شخصا، الهجوم على الجامعة عام
        2015 الذي قتل فيه 148): history that the report recalls, not news."""
        published = _iso(ctx.published)
        if published is None or not figures or any(c.scope != "incident" for c in figures):
            return False
        old = []
        for dm in ctx.dates_in(sent.start, sent.end):
            end = _iso(dm.date_end)
            if end is None or dm.kind != "point":
                continue  # (a span that runs to now, منذ أن …, says since when, not when)
            if (published - end).days < HISTORY_DAYS:
                return False  # (a sentence that tells a day of the news: قتل خمسة أمس … بعد هجوم مماثل في 2022)
            if dm.precision != "day" and not _since_before(ctx, ctx.norm.text, dm.start, th.nstart):
                old.append(dm.start)  # (recalled by its month or year; a day and hour retell it as the story)
        # (nearer to it, or to a word of its family that it takes, than to the sentence's other happenings)
        own = [th.nstart] + [x.nstart for x in ctx.triggers_starting_in(sent.start, sent.end)
                             if x.trigger.family == th.trigger.family]
        return any(all(min(abs(pos - x) for x in own) < abs(pos - o.nstart) for o in others) for pos in old)

    def _old_date(self, ctx: DocContext, sent: Sentence, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
        """A date of its clause, nearer to it than to any other trigger of the sentence, ends long before the
        publication (سيطرت على المدينة عام 2018)."""
        published = _iso(ctx.published)
        if published is None:
            return False
        # (a trigger of its family before it in its clause that the date makes history: التوقيع في 2015 على اتفاق)
        k = next((i for i in range(len(before) - 1, -1, -1) if before[i].trigger.family == th.trigger.family), None)
        if k is not None and before[k].nstart >= _clause_start(ctx.norm.text, sent.start, th.nstart) \
                and self._old_date(ctx, sent, before[k], before[:k]):
            return True
        others = [b.nstart for b in before] + [t.nstart for t in ctx.triggers_starting_in(th.nend, sent.end)]
        text = ctx.norm.text
        for dm in ctx.dates_in(sent.start, sent.end):
            end = _iso(dm.date_end)
            if end is None or dm.anchor != "explicit" or (published - end).days < HISTORY_DAYS \
                    or _since_before(ctx, text, dm.start, th.nstart):
                continue
            gap = abs(dm.start - th.nstart)
            if all(gap < abs(dm.start - o) for o in others):
                return True
        return False
