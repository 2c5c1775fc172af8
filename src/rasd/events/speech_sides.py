"""The grammar of a speech act's sides: who speaks (the verb's subject, a title's organisation, the subject a
clause or a sentence carries on) and whom it calls on or speaks of (the names after it, a link word, a quantified
group, a feminine body after a verb of the masculine), and when an organisation only reports what others did."""

from __future__ import annotations

from collections.abc import Sequence

from ..recognize.linking import ActorMention
from ..resources.lexicon import CueLexicon
from ..text.words import word_spans_after, word_spans_before, words_before
from .context import Draft, word_start

QUANTIFIERS = frozenset({"جميع", "كافة", "كافه", "كل", "مختلف", "سائر"})  # (normalized forms too)
SUBJECT_LINKS = frozenset({"في", "باسم", "من", "عن"})
PARTICIPLE_ENDINGS = ("ا", "ه", "ين", "ات")  # (normalized) a circumstantial participle's: مطالبا، داعيه، مطالبين
FEMININE_ENDINGS = ("ه", "ات")  # (normalized ة → ه) the endings of a feminine noun's first word
# (normalized) first words of bodies' names feminine without those endings: broken plurals of things (الأمم، الدول)
FEMININE_WORDS = frozenset({"الامم", "الدول", "دول"})
ADDRESSEE_LINKS = SUBJECT_LINKS - {"باسم"}  # right after the verb, with no title before: whom it asks (طلب من X)
# (normalized) the head of a title in construct with its organisation (زعيم التيار X، قائد قوات X، أمين عام X): the
# organisation after it is the verb's subject, the speaker, not whom it calls on
SPEAKER_TITLES = frozenset({"زعيم", "رييس", "قايد", "امين", "وزير", "سفير", "مبعوث", "ممثل", "مدير", "نايب", "مسوول",
                            "المتحدث", "متحدث", "الناطق", "ناطق", "منسق", "مفوض", "امير"})
# (normalized) titles a holder's name follows, with the remit between (محافظ البصرة فلان، شيخ عقل الطائفة فلان)
HOLDER_TITLES = SPEAKER_TITLES | frozenset({"محافظ", "والي", "حاكم", "شيخ", "عضو", "مستشار", "القيادي", "قياديه"})
TITLE_HOLDER_WORDS = 6  # the words of a title and its remit before its holder's name
# (normalized) the first word of a title's remit after its organisation (الخاص إلى ليبيا، في اليمن، لدى سوريا،
# لشوون اللاجيين): the person named after the remit and a comma holds the title
TITLE_REMIT = frozenset({"الخاص", "الخاصه", "الي", "لدي", "في", "لشوون", "المعني", "المكلف", "الاممي", "الدولي"})
TITLE_TAIL_WORDS = 4
NAME_OF = frozenset({"باسم"})  # المتحدث باسم …: who speaks in an organisation's name  # a speaker's title, then his organisation

THAT_WORDS = frozenset({"ان", "بان"})  # (normalized إن، أن، بأن) before a said clause; إنه، إنها: of itself
SAID_OF = THAT_WORDS | frozenset({"انه", "انها", "بانه", "بانها"})  # (a said clause, its pronoun's referent aside)
SAYS_FIRST_WORDS = 3  # the verb between a name that opens a sentence and its said clause (تقول، قالت في بيان)
OWN_SUFFIXES = ("ها", "هم")  # (normalized) the pronoun a noun takes for an organisation or a group (فرقها، عناصرهم)
SELF_TOLD_WORDS = 3  # the said clause of itself and at most two more words before the happening's (أنه قد وزع)


def of_itself(text: str, m: ActorMention, d: Draft) -> bool:
    """The organisation tells of its own act: a said clause of its own pronoun (أنه، أنها، إنها) opens right after
    its name, and the happening's word follows within a few words (أعلن البرنامج أنه وزع …، قالت المنظمة إنها
    أجلت …): it acts, it is no mere source."""
    gap = text[m.nend:word_start(text, d.trigger.nstart)].split()
    return bool(gap) and gap[0] in SAID_OF - THAT_WORDS and len(gap) <= SELF_TOLD_WORDS


def of_its_own(text: str, m: ActorMention, d: Draft, named: Sequence[ActorMention]) -> bool:
    """The organisation tells of what its own people did: the said clause opens with a noun of its pronoun
    (أعلنت المنظمة أن فرقها وزعت …، قالت الحكومة إن قواتها قتلت …) or with another mention of the same actor
    (قال الجيش إن طائراته قصفت …, `named`: the mentions of the clause). It acts through them."""
    gap = [(a, b) for a, b in word_spans_after(text, m.nend, SAYS_FIRST_WORDS + 1)
           if b <= word_start(text, d.trigger.nstart)]  # (the said clause may follow a word or two: في بيان أن)
    that = next((k for k, (a, b) in enumerate(gap) if text[a:b] in THAT_WORDS), None)
    if that is None or that + 1 >= len(gap):
        return False
    start, end = gap[that + 1]
    return text[start:end].endswith(OWN_SUFFIXES) or any(
        o.actor.id == m.actor.id and start <= o.nstart < end for o in named if o is not m)


def says_first(text: str, m: ActorMention, d: Draft) -> bool:
    """The organisation opens its sentence and a said clause of another subject (إن، أن، بأن) opens within a few
    words after its name, before the happening's word: منظمة الصحة العالمية تقول إن 30 شخصا قتلوا …، الأمم
    المتحدة: … (a headline's order, subject first). It tells the happening, it is no party to it."""
    lead = text[d.sentence.start:word_start(text, m.nstart)].split()
    if len(lead) > 1 or (lead and lead[0] not in ("و", "ف")):
        return False
    gap = text[m.nend:word_start(text, d.trigger.nstart)].split()
    that = next((k for k, w in enumerate(gap) if w in THAT_WORDS), None)
    return that is not None and 1 <= that <= SAYS_FIRST_WORDS


def relative_source(text: str, m: ActorMention, cues: CueLexicon) -> bool:
    """The actor speaks in a relative clause on the happening told before it, with a said clause whose pronoun
    is the happening (الهجوم الذي قالت الحكومة إنه أسفر عن …، والتي ذكرت الشرطة أنها أوقعت …): the source of
    its toll, not a party."""
    before = words_before(text, m.nstart, 2)
    if len(before) < 2 or before[0].lstrip("و") not in cues.relative_words or not cues.speech_verbs.find(before[1]):
        return False
    words = [text[a:b] for a, b in word_spans_after(text, m.nend, 4)]
    return any(w in SAID_OF for w in words)


def titled_person(text: str, pool: Sequence[ActorMention], m: ActorMention) -> ActorMention:
    """The person an organisation's name only titles (وزير الداخلية بحكومة X، فلان): the person named right after
    it, with a comma at most between; else the mention itself. A spokesman speaks in its name (المتحدث باسم
    الجيش، العميد فلان): there the organisation stays the actor."""
    before = words_before(text, m.nstart, 1)
    if m.actor.kind == "person" or (before and before[-1] in NAME_OF):
        return m
    nxt = next((x for x in pool if x.nstart >= m.nend and x.actor.kind == "person"
                and title_tail(text[m.nend:x.nstart])), None)
    return nxt or m


def spokesman_named(text: str, m: ActorMention, prev: ActorMention | None) -> bool:
    """The person is the spokesman of the organisation named before him (المتحدث باسم التحالف، العقيد فلان؛ الناطق
    باسم الجيش اللواء فلان): the organisation speaks, and he is none of the other parties. His name stands in
    apposition: after the organisation, its remit and a comma at most, then a rank or two (definite words)."""
    if m.actor.kind != "person" or prev is None or prev.actor.kind == "person":
        return False
    before = words_before(text, prev.nstart, 1)
    if not before or before[-1] not in NAME_OF:
        return False
    gap = text[prev.nend:m.nstart]
    cut = max(gap.rfind(","), gap.rfind("،"))
    ranks = gap[cut + 1:].split()
    return len(ranks) <= 2 and all(w.startswith("ال") for w in ranks) and (cut < 0 or title_tail(gap[:cut + 1]))


def title_tail(gap: str) -> bool:
    """The words between a title's organisation and a person's name still belong to the title, so the name is
    in apposition to it: none, a comma at most (رئيس المجلس الرئاسي فلان), or the title's remit and then a comma
    (مبعوث الأمم المتحدة الخاص إلى ليبيا، فلان؛ ممثل المنظمة في اليمن، فلان)."""
    if not gap.strip(" ,،"):
        return True
    body = gap.rstrip(" ")
    words = body.rstrip(",،").split()
    return body.endswith((",", "،")) and len(words) <= TITLE_TAIL_WORDS and words[0] in TITLE_REMIT \
        and not any(c in body[:-1] for c in ",،")


def quantified(text: str, m: ActorMention) -> bool:
    """The mention is a quantified group (جميع الأطراف، كافة الفصائل): whom a call or a charge addresses, never
    who makes it."""
    words = words_before(text, m.nstart, 1)
    first = text[m.nstart:m.nend].split(maxsplit=1)
    return bool(words and words[-1].lstrip("و") in QUANTIFIERS) or bool(first and first[0] in QUANTIFIERS)


def circumstantial(text: str, tpos: int, tend: int) -> bool:
    """The speech act is a circumstance of the clause before, told by an active participle right after its comma
    (رفضت الحكومة الخطوة، داعية المجتمع الدولي إلى …; مطالبا، مناشدة، مطالبين): its subject is that clause's, and
    the names after it are whom it calls on. A participle: م before the stem (forms II–X) or ا after its first
    letter (form I: داعيا), with the ending of the accusative, the feminine or the plural."""
    words = text[tpos:tend].split()
    before = text[:tpos].rstrip()
    if not words or not before.endswith(("،", ",")):
        return False
    w = words[0]
    return w.endswith(PARTICIPLE_ENDINGS) and (w.startswith("م") or (len(w) >= 5 and w[1] == "ا"))


def masculine_verb(phrase: str) -> bool:
    """The verb a speech act's phrase opens with agrees with a masculine subject: no ت at its end (a past tense's
    feminine: دعت، طالبت) nor at its start (a present tense's: تدعو; a verb of form V or VI, تعهد، is left open too)."""
    words = phrase.split()
    return bool(words) and not words[0].endswith("ت") and not words[0].startswith("ت")


def feminine_name(text: str, m: ActorMention) -> bool:
    """The mention names a body whose first word is feminine by its ending (ة: الحكومة، وزارة، منظمة; ات: قوات،
    السلطات، الولايات المتحدة), not a person's name (أسامة): a verb of the masculine cannot have it as its subject,
    so it is the verb's object (ودعا قوات الدعم السريع إلى …، وناشد الحكومة …)."""
    words = text[m.nstart:m.nend].split()
    return m.actor.kind != "person" and bool(words) and (words[0].endswith(FEMININE_ENDINGS)
                                                         or words[0] in FEMININE_WORDS)


def subject_gap(gap: str) -> bool:
    """The words between a speech verb and a name keep the name in the verb's subject: none (دعت الأمم المتحدة),
    or a title the name's organisation follows (المتحدث باسم …، مسؤول في …، الأمين العام لـ…، زعيم …). A link
    word alone governs no title: the name after it is whom the verb asks or speaks of (طلب من روما، تحدث عن …)."""
    words = gap.split()
    if not words:
        return True
    if len(words) == 1 and words[0] in ADDRESSEE_LINKS:
        return False
    return len(words) <= 3 and (words[-1] in SUBJECT_LINKS or words[-1] in SPEAKER_TITLES or gap.endswith(("ل", "لل")))


def subjects_after(text: str, mentions: Sequence[ActorMention], tpos: int, tend: int) -> list[ActorMention]:
    """The names that may be a speech act's subject after its verb at [tpos, tend): those its own phrase holds
    (احتجت الحكومة), and those right after it or after a title (subject_gap), not a quantified group, nor a feminine
    body after a verb of the masculine; none after a circumstantial participle."""
    if circumstantial(text, tpos, tend):
        return []
    masculine = masculine_verb(text[tpos:tend])
    return [m for m in mentions if tpos < m.nstart < tend or (
        tend <= m.nstart and not quantified(text, m) and (subject_gap(text[tend:m.nstart]) or titled_holder(
            text, m, tend, mentions)) and not (masculine and not text[tend:m.nstart].strip() and feminine_name(text, m)))]


def _holder_title(word: str) -> bool:
    """A title a holder's name follows, also with the article or the feminine ending (الرئيس، وزيرة، المحافظة)."""
    bare = word.removeprefix("ال")
    return word in HOLDER_TITLES or bare in HOLDER_TITLES or bare.removesuffix("ه") in HOLDER_TITLES


def titled_holder(text: str, m: ActorMention, tend: int, mentions: Sequence[ActorMention]) -> bool:
    """A person named after a title that opens right after the verb, with its remit and a comma at most between
    and no other name (طالب محافظ البصرة فلان، ودعا وزير الخارجية، فلان، الحكومة، ندد الرئيس النيجيري فلان، وزيرة الدفاع فلانة):
    the title's holder speaks."""
    words = text[tend:m.nstart].replace("،", " ، ").replace(",", " , ").split()
    return m.actor.kind == "person" and 0 < len(words) <= TITLE_HOLDER_WORDS \
        and _holder_title(words[0]) \
        and sum(w in ("،", ",") for w in words) <= 1 and not any(tend <= o.nstart < m.nstart for o in mentions)


def speaks_of(text: str, m: ActorMention, cues: CueLexicon) -> bool:
    """The actor is the subject of a speech verb right after it, with a said clause of its own (لكن الشرطة ذكرت أن
    عدد القتلى 13، والوزارة قالت إن …): the source of what it says, not a party (not قالت إنها …)."""
    words = [text[a:b] for a, b in word_spans_after(text, m.nend, 3)]
    return len(words) >= 2 and words[1] in THAT_WORDS and bool(cues.speech_verbs.find(words[0]))



RESUMPTIVE_WORDS = 4  # the words of a head that resumes a claim (وهو الأمر الذي، وهي اتهامات)


def resumes_claim(text: str, verb: int, lo: int, cues: CueLexicon) -> bool:
    """The speech act whose verb starts at `verb` (its sentence from `lo`) reacts to the claim told before it: a
    head that resumes that claim stands right before the verb (…، وهو ما نفته الحركة؛ …، الأمر الذي تنفيه
    الحكومة؛ …، وهي اتهامات ترفضها الجماعة). Its speaker is named after the verb, never the claim's; its incident
    is the happening the claim tells."""
    return claim_head(text, verb, lo, cues) is not None


def claim_head(text: str, verb: int, lo: int, cues: CueLexicon) -> int | None:
    """Where the head that resumes a claim right before the verb at `verb` starts (see `resumes_claim`), else None."""
    pos = word_start(text, verb)
    spans = word_spans_before(text, pos, RESUMPTIVE_WORDS, lo)
    for k in range(len(spans) - 1, -1, -1):
        if text[spans[k][0]:spans[-1][1]] in cues.resumptive_heads:
            return spans[k][0]
    return None


CALL_OBJECT_WORDS = 8  # the words after a call's verb (its speaker's name, a day) to the إلى of what it calls for
CALL_OBJECT_LINKS = frozenset({"الي", "والي"})  # (normalized إلى)


def call_object(text: str, d: Draft) -> int:
    """Where what a call calls for begins (دعت الأمم المتحدة إلى هدنة إنسانية بمناسبة شهر رمضان: at إلى), else the
    end of its window: a time told after it is the time of what is called for, not of the call."""
    if d.trigger.trigger.family != "request":
        return d.window[1]
    if d.trigger.phrase.endswith(tuple(" " + w for w in CALL_OBJECT_LINKS)):
        return min(d.trigger.nend, d.window[1])
    for a, b in word_spans_after(text, d.trigger.nend, CALL_OBJECT_WORDS, d.window[1]):
        if text[a:b] in CALL_OBJECT_LINKS:
            return a
    return d.window[1]
