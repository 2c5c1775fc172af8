"""Bodies named by a head noun and what qualifies it (اللجنة العسكرية المشتركة، المفوضية العليا لحقوق الإنسان،
مجلس محافظة X، مديرية أمن X): a committee, council, commission, court or organisation no dictionary entry knows
becomes an unlinked actor whose name is the whole phrase, not the names inside it.

Arabic names such a body by a head noun (data/descriptors.yaml `organisations`) followed by
- when the head is indefinite, its genitive (مجلس الأمن، مديرية أمن الزاوية، لجنة التحقيق): a name word, and a
  known place may end the chain (the place names the body's seat; the longer name wins);
- definite adjectives that agree with it (العسكرية، المشتركة، العليا، البلدي): nisba forms or a few others;
- a prepositional complement (لحقوق الإنسان، للانتخابات، لشؤون اللاجئين).
A definite head needs at least one adjective or complement: اللجنة alone, or followed by a noun (اتهمت اللجنة
الحكومة: the object), names nothing. The body's seat after it (في العراق، لمدينة دوما) joins the mention but not
the name, so both forms stand in the record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..records import UNLINKED, replaced
from ..resources.actors import Actor
from ..text.normalize import Normalized, normalize_name
from ..text.segment import Segmented, Token
from .linking import ActorMention, PlaceMention
from .matcher import SpanSet

CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")  # prefixes a head may carry (واتهمت اللجنة، بالمجلس)
# (normalized) definite adjectives of bodies that are not of the nisba form
ADJECTIVES = frozenset({"العليا", "الاعلي", "المشتركه", "المشترك", "المستقله", "المستقل", "الدايمه", "الدايم",
                        "الخاصه", "الخاص", "العامه", "العام", "الموحده", "الموحد", "المختصه", "المختص",
                        "المركزيه", "المركزي", "الفرعيه", "الفرعي", "الانتقالي", "الانتقاليه"})
# (normalized) common nouns of places that end no body's name (مديرية أمن المدينة)
GENERIC = frozenset({"المدينه", "البلده", "المنطقه", "المحافظه", "البلاد", "الولايه", "القضاء", "الناحيه", "العاصمه"})
LOCAL_HEADS = frozenset({"حكومه", "سلطات"})  # (normalized) a state's or a province's government by its common noun …
LOCAL_UNITS = frozenset({"الولايه", "المحافظه"})  # … of these (حكومة الولاية، سلطات المحافظة)
SEAT_WORDS = frozenset({"مدينه", "محافظه", "ولايه", "بلده", "منطقه", "قضاء"})  # لمدينة دوما: the seat's descriptor
MAX_WORDS = 7
GOVERNMENT = "حكومه"  # (normalized) حكومة فلان: the government a person heads
MAX_QUOTED = 5  # words of a name in quotation marks
# (normalized) words before a body that make it no actor: a member's or a head's title (عضو المجلس البلدي X: the
# person acts), a building or a target (مبنى الهيئة، استهدف المفوضية، هجوم على المجلس), its teams or offices
HOLDERS = frozenset({"عضو", "اعضاء", "رييس", "مبني", "مقر", "مقار", "مباني", "مكتب", "فرق", "فريق",
                     "استهدف", "استهدفت", "يستهدف", "تستهدف", "علي"})
SECURITY = frozenset({"امن", "الامن", "شرطه", "الشرطه", "عمليات", "العمليات"})  # a body of these is a force
PHRASE_PREFIXES = ("لل", "بال", "كال", "فال", "وال")  # a genitive with these is a phrase (لجنة للتحقيق), no name
# (normalized) domain nouns that are stop words after a place descriptor but a body's genitive (مديرية أمن X،
# مديرية الصحة، مجلس الأمن): they may follow an indefinite head
DOMAINS = frozenset({"امن", "الامن", "شرطه", "الشرطه", "صحه", "الصحه", "تربيه", "التربيه", "زراعه", "الزراعه",
                     "اعلام", "الاعلام", "عمليات", "العمليات"})


def _strip(word: str) -> tuple[str, int]:
    """A word without its clitic prefix, and the prefix's length (للجنه → اللجنه, 1)."""
    for c in CLITICS:
        rest = word[len(c):]
        if word.startswith(c) and len(rest) >= 3:
            if c.endswith("ل") and rest.startswith("ل") and not rest.startswith("ال"):
                return "ا" + rest, len(c)  # (ل + ال → لل: للجنه is ل + اللجنه)
            return rest, len(c)
    return word, 0


def definite_nisba(word: str) -> bool:
    """A definite nisba adjective (العسكريه، البلدي، الجمهوري، الرياسيه), normalized."""
    return word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) >= 5


def _adjective(word: str) -> bool:
    """A definite adjective that can qualify a body (العسكريه، البلدي، العليا)."""
    return word in ADJECTIVES or definite_nisba(word)


@dataclass(frozen=True, slots=True)
class _Body:
    first: int  # token indices: the head, the end of the name, the end of the mention (with the seat)
    name_end: int
    end: int
    head_at: int  # normalized offset of the head (after its clitic)


class OrganisationFinder:
    """Finds bodies named by a head noun and its qualifiers in one document."""

    def __init__(self, heads: Mapping[str, str], stop_words: frozenset[str], display: Callable[[str], str],
                 place_heads: frozenset[str] = frozenset(), quoted: Mapping[str, str] | None = None) -> None:
        self.heads = heads  # (normalized, no article) head noun → the actor kind of its bodies
        self._ends = tuple(heads)  # a head is the end of its token, whatever clitics stand before it
        self.quoted = {**heads, **(quoted or {})}  # heads of names in quotation marks: bodies, groups, fronts
        self.place_heads = place_heads  # heads that are place descriptors too (مديرية)
        self.stop_words = stop_words
        self.display = display  # a name as the text writes it, for the record

    def find(self, text: str, norm: Normalized, seg: Segmented, actors: Sequence[ActorMention],
             places: Sequence[PlaceMention]) -> list[ActorMention]:
        """The unlinked bodies of the document (none where a known actor covers the head)."""
        known = SpanSet([(m.nstart, m.nend) for m in actors])
        seats = {p.nstart: p.nend for p in places}
        taken = SpanSet([(p.nstart, p.nend) for p in places])
        out: list[ActorMention] = []
        for sent in seg.sentences:
            toks = seg.sentence_tokens(sent)
            k = 0
            while k < len(toks):
                body = self._quoted(toks, k, known) if toks[k].text == '"' else (
                    k + 1 < len(toks) and toks[k + 1].text == '"' and self._named_in_quotes(toks, k, known)) \
                    or _local_government(toks, k, known) or self._at(toks, k, known, taken, seats)
                if body is None:
                    k += 1
                    continue
                out.append(self._mention(text, norm, toks, body))
                k = body.end
        return out

    def _head(self, tok: Token) -> tuple[str, bool, int] | None:
        """The head noun a token is (without article), whether it is definite, and its clitic's length."""
        if tok.kind != "word" or not tok.text.endswith(self._ends):  # (most tokens: no head)
            return None
        base, pre = _strip(tok.text)
        for word, p in ((tok.text, 0), (base, pre)):
            definite = word.startswith("ال")
            head = word[2:] if definite else word
            if head in self.heads:
                return head, definite, p
        return None

    def _free(self, tok: Token, known: SpanSet, taken: SpanSet) -> bool:
        return tok.kind == "word" and tok.text not in self.stop_words and not known.overlaps(tok.start, tok.end) \
            and not taken.overlaps(tok.start, tok.end)

    def _quoted(self, toks: Sequence[Token], k: int, known: SpanSet) -> _Body | None:
        """A group's or body's own name in quotation marks (فصيل "عصبة الثائرين"، أبرزها "جبهة تحرير سوريا"): an
        indefinite head in construct with the words up to the closing mark, which delimits the name; none when a
        known actor stands inside (the dictionary names it) or the head is followed by an adjective (a phrase in
        quotes: "جماعة إرهابية")."""
        end = next((m for m in range(k + 3, min(len(toks), k + 2 + MAX_QUOTED)) if toks[m].text == '"'), None)
        if end is None or any(t.kind != "word" or known.overlaps(t.start, t.end) for t in toks[k + 1:end]):
            return None
        first, second = toks[k + 1].text, toks[k + 2].text
        if first.startswith("ال") or first not in self.quoted or (
                not second.startswith("ال") and second.endswith(("يه", "ي"))):
            return None
        return _Body(k + 1, end, end, toks[k + 1].start)

    def _named_in_quotes(self, toks: Sequence[Token], k: int, known: SpanSet) -> _Body | None:
        """A group's head noun right before its own name in quotation marks (حركة "الفجر الجديد"، جماعة "إم 23"،
        وفصيل "كتيبة الشهداء"): the head and the quoted words, digits and Latin letters too, are its name;
        none when a known actor stands inside or the head is definite (الحركة "الجديدة" describes one named)."""
        if k + 2 >= len(toks) or toks[k + 1].text != '"' or toks[k].kind != "word":
            return None
        base, pre = _strip(toks[k].text)
        head = toks[k].text if toks[k].text in self.quoted else base if base in self.quoted else None
        close = next((m for m in range(k + 3, min(len(toks), k + 3 + MAX_QUOTED)) if toks[m].text == '"'), None)
        if head is None or close is None or any(t.kind == "punct" or known.overlaps(t.start, t.end)
                                                 for t in toks[k + 2:close]):
            return None
        return _Body(k, close + 1, close + 1, toks[k].start + (0 if head == toks[k].text else pre))

    def _genitive(self, tok: Token, head: str, known: SpanSet, taken: SpanSet) -> bool:
        """Whether a word can be the genitive of an indefinite head: a domain noun (مديرية أمن), or a name word
        that is neither an indefinite adjective (منظمة إرهابية) nor a phrase (لجنة للتحقيق); after a head that is
        a place descriptor too (مديرية منبه: a district), only a domain noun."""
        if tok.text in DOMAINS:
            return not known.overlaps(tok.start, tok.end)
        return head not in self.place_heads and self._free(tok, known, taken) \
            and not tok.text.startswith(PHRASE_PREFIXES) \
            and not (not tok.text.startswith("ال") and tok.text.endswith(("يه", "ي")))

    def _at(self, toks: Sequence[Token], k: int, known: SpanSet, taken: SpanSet,
            seats: Mapping[int, int]) -> _Body | None:
        """The body whose head is token k, if its qualifiers name one."""
        head = self._head(toks[k])
        if head is None or known.overlaps(toks[k].start, toks[k].end) or _held(toks, k):
            return None
        word, definite, pre = head
        if not definite and k > 0 and toks[k - 1].kind == "word" and toks[k - 1].text.endswith("ه") \
                and not toks[k - 1].text.startswith("ال"):
            return None  # a participle agreeing with the feminine noun before it (أوعية محكمة الإغلاق، جريمة منظمة)
        j = k + 1
        if not definite:  # the construct: its genitive, and a known place may close it (مديرية أمن الزاوية)
            if j >= len(toks) or not self._genitive(toks[j], word, known, taken):
                return None
            j += 1
            if toks[j - 1].text in DOMAINS and not toks[j - 1].text.startswith("ال"):  # مديرية أمن X: X is needed
                if j < len(toks) and toks[j].start in seats:
                    j = _token_after(toks, j, seats[toks[j].start])
                    return _Body(k, j, j, toks[k].start + pre)
                if j >= len(toks) or not self._free(toks[j], known, taken) or toks[j].text in GENERIC \
                        or not toks[j].text.startswith("ال"):
                    return None  # (مديرية أمن المدينة: a common noun, no name)
                j += 1
            elif j < len(toks) and not toks[j - 1].text.startswith("ال") and toks[j].start in seats:
                j = _token_after(toks, j, seats[toks[j].start])
                return _Body(k, j, j, toks[k].start + pre)
        named = not definite
        while j < len(toks) and j - k < MAX_WORDS and self._free(toks[j], known, taken):
            if _adjective(toks[j].text):
                j += 1
            elif toks[j].text.startswith("لل") and len(toks[j].text) >= 5:
                j += 1  # للانتخابات
            elif toks[j].text.startswith("ل") and not toks[j].text.startswith("ال") and j + 1 < len(toks) \
                    and toks[j + 1].text.startswith("ال") and self._free(toks[j + 1], known, taken):
                j += 2  # لحقوق الإنسان، لشؤون اللاجئين
            else:
                break
            named = True
        if not named or j == k + 1:
            return None
        return _Body(k, j, self._seat(toks, j, seats), toks[k].start + pre)

    def _seat(self, toks: Sequence[Token], j: int, seats: Mapping[int, int]) -> int:
        """The end of the body's seat after its name (في العراق، بمدينة X، لمدينة X), else the name's end."""
        if j >= len(toks) or toks[j].kind != "word":
            return j
        word = toks[j].text
        at = j + 1 if word == "في" else j
        if at >= len(toks):
            return j
        w = toks[at].text
        offset = toks[at].start
        if at == j:  # a clitic ب or ل on the place, or on its descriptor (بمدينة X)
            if not w.startswith(("ب", "ل")) or w.startswith(("ال", "لل")):
                return j
            offset += 1
            w = w[1:]
        if offset not in seats and w in SEAT_WORDS and at + 1 < len(toks):
            at, offset = at + 1, toks[at + 1].start  # (a place mention without its descriptor)
        return _token_after(toks, at, seats[offset]) if offset in seats else j

    def _mention(self, text: str, norm: Normalized, toks: Sequence[Token], body: _Body) -> ActorMention:
        s, e = norm.to_original(body.head_at, toks[body.end - 1].end)
        ns, ne = norm.to_original(body.head_at, toks[body.name_end - 1].end)
        name = self.display(text[ns:ne])
        head = toks[body.first].text
        head = head if head in self.quoted else _strip(head)[0]  # (وحركة "X": the head without its clitic)
        found = self._head(toks[body.first])
        kind = "state_forces" if toks[body.first + 1].text in SECURITY else self.quoted[head] \
            if head in self.quoted else self.heads[found[0]] if found is not None else "government"
        actor = Actor(id=UNLINKED + "actor:" + normalize_name(name), name_en="", name_ar=name, kind=kind,
                      country=None, affiliation=None, role=None, valid_from=None, valid_to=None, variants_ar=(),
                      variants_en=(), descriptions_ar=(), source="unlinked")
        return ActorMention(start=s, end=e, nstart=body.head_at, nend=toks[body.end - 1].end, text=text[s:e],
                            actor=actor, framing=None, descriptive=False)


def _local_government(toks: Sequence[Token], k: int, known: SpanSet) -> _Body | None:
    """The government of a state or a province the text names, by its common noun (واتهمت حكومة الولاية، سلطات
    المحافظة): a body of its own, named by the phrase; not a region's (حكومة الإقليم: the dictionary's)."""
    if k + 1 >= len(toks) or toks[k + 1].text not in LOCAL_UNITS or toks[k].kind != "word":
        return None
    base, pre = _strip(toks[k].text)
    if (toks[k].text if toks[k].text in LOCAL_HEADS else base) not in LOCAL_HEADS \
            or known.overlaps(toks[k].start, toks[k + 1].end):
        return None
    return _Body(k, k + 2, k + 2, toks[k].start + (0 if toks[k].text in LOCAL_HEADS else pre))


def headed_governments(norm: Normalized,
                       actors: Sequence[ActorMention]) -> list[tuple[ActorMention, ActorMention]]:
    """A government named after the person who heads it (حكومة فتحي باشاغا، لحكومة فلان): the person stands for
    that government himself, not for the group his entry is affiliated with (a minister of one government may
    head another later). Pairs (the mention, the same mention without the affiliation)."""
    out = []
    ntext = norm.text
    for m in actors:
        if m.actor.kind != "person" or m.nstart < 2 or ntext[m.nstart - 1] != " ":
            continue
        ws = ntext.rfind(" ", 0, m.nstart - 1) + 1
        base, pre = _strip(ntext[ws:m.nstart - 1])
        if base != GOVERNMENT:
            continue
        out.append((m, replaced(m, actor=replaced(m.actor, affiliation=None))))
    return out


def _held(toks: Sequence[Token], k: int) -> bool:
    """Whether the word before token k (past quotation marks) is a holder's title or a building (HOLDERS)."""
    j = k - 1
    while j >= 0 and toks[j].kind == "punct" and toks[j].text in "\"«“”'":
        j -= 1
    return j >= 0 and toks[j].kind == "word" and (
        toks[j].text in HOLDERS or _strip(toks[j].text)[0] in HOLDERS)


def _token_after(toks: Sequence[Token], j: int, end: int) -> int:
    """The index of the first token at or after j that starts at or after `end`."""
    while j < len(toks) and toks[j].start < end:
        j += 1
    return j
