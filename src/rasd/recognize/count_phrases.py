"""The count vocabulary of counts.yaml: count nouns and cue phrases, matched over tokens with proclitics."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rasd.resources.datafiles import ResourceError, data_path, load_yaml
from rasd.text.normalize import normalize_name
from rasd.text.segment import Token, TokenIndex

# Proclitic runs allowed on the first word of a trigger, marker, cue or break phrase.
MAX_PREFIX = 4
PREFIXES = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "فلل")
DEFINITE = ("ال", "وال", "فال", "بال", "وبال", "لل", "ولل", "فلل")
_REQUIRED = ("kinds", "who", "kind_nouns", "groups", "of_groups", "triggers_before", "triggers_after",
             "bare_followers", "nest_markers", "breaks", "cumulative")


@dataclass(frozen=True, slots=True)
class Noun:
    """A count noun: a kind noun (قتلى, نازحين) or a group noun (مدنيين, أطفال) whose kind comes from elsewhere."""

    words: tuple[str, ...]
    kind: str | None  # None for group nouns
    who: str
    form: str  # sg | pl | dual
    unit: bool = False  # counts households (عائلة), not people
    others: bool = False  # آخرين: of the group counted before
    lone: bool = False  # a singular that counts one even with no trigger beside it (سقطت شهيدة)
    victim_only: bool = False  # people by an activity or a place (متسوقين، طالبي المساعدات): outside a toll, a
    # group only where a violent event hits them
    toll_only: bool = False  # a trade's plural (مهندسين، شبان): a group only in a toll (4 مهندسين، اعتقال ناشطين),
    # not as the people a violent sentence names outside one (victims.struck_forms): it speaks or acts as often


@dataclass(frozen=True, slots=True)
class Phrase:
    """A cue phrase and its label (a kind, a group, nest, break, cumulative…)."""

    words: tuple[str, ...]
    label: str


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Hit:
    """A phrase found in the tokens: [i, j) token indices."""

    i: int
    j: int
    label: str

    def __init__(self, i: int, j: int, label: str) -> None:
        object.__setattr__(self, "i", i)
        object.__setattr__(self, "j", j)
        object.__setattr__(self, "label", label)


class PhraseTable:
    """Phrases indexed by their first word; matched with optional proclitics on the first token."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        by_first: dict[str, list[Phrase]] = {}
        for p in phrases:
            by_first.setdefault(p.words[0], []).append(p)
        self._by_first = {k: sorted(v, key=lambda p: -len(p.words)) for k, v in by_first.items()}
        # the first words with every proclitic run (callers pass subsets of PREFIXES): one set lookup
        # rejects the other words of a text
        self.starters = frozenset(pre + w for w in self._by_first for pre in PREFIXES)  # PREFIXES holds ""
        # each starter's readings as (proclitic run, phrases of the stem after it), shortest run first: a run
        # of up to MAX_PREFIX letters, leaving a stem of two letters or more
        self._splits: dict[str, tuple[tuple[str, tuple[Phrase, ...]], ...]] = {
            form: tuple((form[:n], tuple(self._by_first[form[n:]]))
                        for n in range(min(len(form) - 2, MAX_PREFIX) + 1) if form[n:] in self._by_first)
            for form in self.starters}

    def run_of(self, word: str) -> str:
        """The shortest proclitic run before a phrase's first word in `word` ("" none or no phrase starts here)."""
        splits = self._splits.get(word)
        return splits[0][0] if splits else ""

    def may_start(self, word: str) -> bool:
        """False when no phrase can start at this word, whatever proclitics it carries."""
        return word in self.starters

    def match(self, toks: Sequence[Token], i: int, prefixes: Sequence[str] = ("",),
              limit: int | None = None) -> Hit | None:
        """The longest phrase starting at token i (ending before token `limit`)."""
        splits = self._splits.get(toks[i].text)
        if splits is None:
            return None
        end = len(toks) if limit is None else limit
        best: Hit | None = None
        for pre, phrases in splits:
            if pre not in prefixes:
                continue
            for p in phrases:  # longest first: the first that matches is the longest with this run
                j = i + len(p.words)
                # (the second word tested first: most phrases of several words fail there, with no generator made)
                if j <= end and (j == i + 1 or toks[i + 1].text == p.words[1] and (
                        j == i + 2 or all(toks[i + k].text == w for k, w in enumerate(p.words[2:], start=2)))):
                    if best is None or j > best.j:
                        best = Hit(i, j, p.label)
                    break
        return best

    def scan(self, index: TokenIndex, lo: int, hi: int, prefixes: Sequence[str] = ("",)) -> list[Hit]:
        """The phrases in tokens [lo, hi), left to right, longest first, not overlapping."""
        out: list[Hit] = []
        toks = index.toks
        at = index.words_in(self.starters)
        i = lo
        for k in at[bisect_left(at, lo):bisect_left(at, hi)]:
            if k < i:
                continue
            h = self.match(toks, k, prefixes, hi)
            if h is not None:
                out.append(h)
                i = h.j
        return out


@dataclass(frozen=True, slots=True)
class CountTables:
    """Every phrase table the count grammar reads, built once from counts.yaml."""

    nouns: PhraseTable  # labels are indices into noun_list
    noun_list: tuple[Noun, ...]
    of_groups: PhraseTable  # من + a group phrase (من المدنيين): labels are groups
    before: PhraseTable  # triggers before a figure; a label ending in "!" must stand right before it
    before_definite: PhraseTable  # definite kind nouns (القتلى, الجرحى) announce the kind of a number after them
    after: PhraseTable  # verbs after a counted noun (نزحوا)
    followers: frozenset[str]  # words a nounless number may stand before
    markers: PhraseTable  # بينهم, منهم: what follows is a subset
    breaks: PhraseTable  # words that end a list of subsets
    cumulative: PhraseTable  # cues of a running total whatever it counts (منذ بدء, الإجمالية, حتى الآن)
    rises: PhraseTable  # a toll that rose (ارتفعت حصيلة): a running total unless an incident heads it
    incident_heads: PhraseTable  # what makes a toll one incident's (حصيلة الغارة, عدد قتلى التفجير)
    openers: PhraseTable  # words that open a result clause of their own (ليرتفع, ما يرفع)
    day_windows: PhraseTable  # a figure of one day (خلال ال 24 ساعة الماضية): incident scope
    continuations: PhraseTable  # a sentence that goes on with the toll before it (إضافة إلى)
    nisba: tuple[str, ...]  # suffixes of nisba nouns after a number (عراقيين, فلسطينيا, سوداني)
    not_nisba: frozenset[str] = frozenset()  # words with those endings that name no people (سوريا, يوميا)
    toll_subjects: frozenset[str] = frozenset()  # عدد, حصيلة: a toll's subject, its figure after a predicate
    toll_predicates: frozenset[str] = frozenset()  # إلى, تجاوز, بلغ: what stands right before a toll's figure
    one_of: frozenset[str] = frozenset()  # أحد, إحدى: one of the group named after it (أحد مسعفيه)
    pronouns: tuple[str, ...] = ()  # pronoun suffixes a noun may carry after أحد (مسعفيه, عناصرها)
    dual_verbs: PhraseTable = PhraseTable(())  # verbs of two people (قتلتا, أصيبا, لقيا مصرعهما): labels are kinds
    ranks: PhraseTable = PhraseTable(())  # في صفوف: the figures before it are of the ranks named after it
    ranks_of: PhraseTable = PhraseTable(())  # the words after في صفوف that name a group: labels are groups
    since: frozenset[str] = frozenset()  # منذ (with و or ف before it too)
    since_days: frozenset[str] = frozenset()  # after منذ, a day of the month or a month: a running total since then
    majority: frozenset[str] = frozenset()  # معظمهم, غالبيتهم: most of the count are of a group, so not all
    whole: frozenset[str] = frozenset()  # كلهم, جميعهم: all of the count are of the group named after it
    appositions: frozenset[str] = frozenset()  # هم right after a count: who they are (3 قتلى هم عسكريان ومدني)
    partitives: frozenset[str] = frozenset()  # منهم after a number: a part of the count before (ثلاثة منهم مدنيون)
    places_after: frozenset[str] = frozenset()  # في after a number without a noun: its share of a count by place
    day_times: PhraseTable = PhraseTable(())  # after منذ, a time of day, not a date (منذ منتصف الليل)
    day_words: PhraseTable = PhraseTable(())  # words that date what a sentence tells to one day (اليوم, أمس)
    wars: PhraseTable = PhraseTable(())  # a war or a campaign (الحرب, النزاع, حملة) as the cause of a toll
    causes: PhraseTable = PhraseTable(())  # verbs of causing a toll (خلفت, أسفرت, تسببت في)
    restatements: frozenset[str] = frozenset()  # أي ما يعادل: the figure after it tells the one before in other units
    fighting: PhraseTable = PhraseTable(())  # المعارك, القتال: a war when told running since a start just before
    carry_clitics: tuple[str, ...] = ()  # و, ف: a sentence opening with one may go on with the running total before
    carry_openers: PhraseTable = PhraseTable(())  # كما, فيما, بلغت الحصيلة: so may one opening with these
    weekdays: PhraseTable = PhraseTable(())  # a sentence naming a weekday tells one day's happening
    ordinals: tuple[str, ...] = ()  # ثالث … عاشر: the ordinals from third on, in order (a third person: 3 in all)
    ordinal_forms: frozenset[str] = frozenset()  # those and their accusative and feminine forms (ثالثا، ثالثة)
    changes: frozenset[str] = frozenset()  # ارتفع, زاد: a figure after من in their clause is the toll before them
    members: frozenset[str] = frozenset()  # أفراد, كوادر: من + one of them + a group phrase is of that group
    siblings: tuple[str, ...] = ()  # شقيق, أشقاء: stems of siblings' nouns (with a pronoun: a child's are children)
    agents: PhraseTable = PhraseTable(())  # نفذه, على يد: the figure right after them counts the attackers


def build_tables(nouns: Sequence[Noun], sections: dict[str, list[Phrase]], followers: Iterable[str],
                 nisba: Sequence[str], not_nisba: Iterable[str] = ()) -> CountTables:
    """The tables from the nouns and the phrase sections of counts.yaml (keyed as in the file)."""
    definite = [Phrase(n.words, n.kind) for n in nouns if n.kind is not None and n.form != "dual"]
    adjacent = (Phrase(p.words, p.label + "!") for p in sections.get("triggers_adjacent", []))
    subjects = [p.words[0] for p in sections.get("toll_subjects", [])]
    # عدد قتلى, حصيلة ضحايا: a toll's subject and a kind noun in construct say the kind of the toll's figure
    construct = (Phrase((s, *n.words), n.kind) for s in subjects for n in nouns if n.kind is not None and n.form == "pl")
    return CountTables(
        nouns=PhraseTable(Phrase(n.words, str(k)) for k, n in enumerate(nouns)),
        noun_list=tuple(nouns),
        of_groups=PhraseTable(sections["of_groups"]),
        before=PhraseTable([*sections["triggers_before"], *adjacent, *construct]),
        before_definite=PhraseTable(definite),
        after=PhraseTable(sections["triggers_after"]),
        followers=frozenset(followers),
        markers=PhraseTable(sections["nest_markers"]),
        breaks=PhraseTable(sections["breaks"]),
        cumulative=PhraseTable(sections["cumulative"]),
        rises=PhraseTable(sections.get("toll_rises", [])),
        incident_heads=PhraseTable(sections.get("incident_heads", [])),
        openers=PhraseTable(sections.get("result_openers", [])),
        day_windows=PhraseTable(sections.get("day_windows", [])),
        continuations=PhraseTable(sections.get("continuations", [])),
        nisba=tuple(nisba),
        not_nisba=frozenset(not_nisba),
        toll_subjects=frozenset(subjects),
        toll_predicates=frozenset(p.words[0] for p in sections.get("toll_predicates", [])),
        one_of=frozenset(p.words[0] for p in sections.get("one_of", [])),
        pronouns=tuple(sorted((p.words[0] for p in sections.get("pronoun_suffixes", [])), key=len, reverse=True)),
        dual_verbs=PhraseTable(sections.get("dual_verbs", [])),
        ranks=PhraseTable(sections.get("ranks", [])),
        ranks_of=PhraseTable(sections.get("ranks_of", [])),
        since=frozenset(c + p.words[0] for p in sections.get("since_words", []) for c in ("", "و", "ف")),
        since_days=frozenset(p.words[0] for p in sections.get("since_days", [])),
        majority=frozenset(c + p.words[0] for p in sections.get("majority", []) for c in ("", "و")),
        whole=frozenset(c + p.words[0] for p in sections.get("whole", []) for c in ("", "و")),
        appositions=frozenset(c + p.words[0] for p in sections.get("appositions", []) for c in ("", "و")),
        partitives=frozenset(p.words[0] for p in sections.get("partitives", [])),
        places_after=frozenset(p.words[0] for p in sections.get("places_after", [])),
        day_times=PhraseTable(sections.get("day_times", [])),
        day_words=PhraseTable(sections.get("day_words", [])),
        wars=PhraseTable(sections.get("wars", [])),
        causes=PhraseTable(sections.get("causes", [])),
        restatements=frozenset(" ".join(p.words) for p in sections.get("restatements", [])),
        fighting=PhraseTable(sections.get("fighting", [])),
        carry_clitics=tuple(p.words[0] for p in sections.get("carry_clitics", [])),
        carry_openers=PhraseTable(sections.get("carry_openers", [])),
        weekdays=PhraseTable(sections.get("weekdays", [])),
        ordinals=tuple(p.words[0] for p in sections.get("ordinals", [])),
        ordinal_forms=frozenset(p.words[0] + end for p in sections.get("ordinals", []) for end in ("", "ا", "ه")),
        siblings=tuple(p.words[0] for p in sections.get("siblings", [])),
        agents=PhraseTable(sections.get("agents", [])),
        members=frozenset(p.words[0] for p in sections.get("members", [])),
        changes=frozenset(c + p.words[0] for p in sections.get("changes", []) for c in ("", "و", "ف")),
    )


# ------------------------------------------------------------------ loading counts.yaml
def load_tables(path: str | Path | None = None) -> CountTables:
    """The count tables from counts.yaml (the packaged one by default); a bad file is a ResourceError."""
    data, shown = load_yaml(path or data_path("counts.yaml"), schema="counts")
    if not isinstance(data, dict):
        raise ResourceError(shown, "top level must be a mapping")
    for key in _REQUIRED:
        if key not in data:
            raise ResourceError(shown, f"missing key {key!r}")
    src = _Source(shown, frozenset(_strs(data["kinds"], shown, "kinds")), frozenset(_strs(data["who"], shown, "who")))
    nouns = _nouns(data, src)
    # read in the order of the file's sections, so the first error reported is the same as before
    sections = {
        "of_groups": _labelled(data, shown, "of_groups", src.whos),
        "triggers_before": _labelled(data, shown, "triggers_before", src.kinds),
        "triggers_after": _labelled(data, shown, "triggers_after", src.kinds),
    }
    followers = [normalize_name(w) for w in _strs(data["bare_followers"], shown, "bare_followers")]
    sections["nest_markers"] = _plain(data, shown, "nest_markers", "nest")
    sections["breaks"] = _plain(data, shown, "breaks", "break")
    sections["cumulative"] = _plain(data, shown, "cumulative", "cumulative")
    nisba = [normalize_name(w) for w in _strs(data.get("nisba_suffixes"), shown, "nisba_suffixes")]
    if "triggers_adjacent" in data:
        sections["triggers_adjacent"] = _labelled(data, shown, "triggers_adjacent", src.kinds)
    if "continuations" in data:
        sections["continuations"] = _plain(data, shown, "continuations", "continuation")
    phrases, labelled = data.get("phrases") or {}, data.get("labelled") or {}  # the grammar's named cue lists
    for key in phrases:
        sections[key] = _plain(phrases, shown, key, key)
    for key, allowed in (("dual_verbs", src.kinds), ("ranks_of", src.whos)):
        if key in labelled:
            sections[key] = _labelled(labelled, shown, key, allowed)
    not_nisba = [p.words[0] for p in sections.get("not_nisba", [])]
    return build_tables(nouns, sections, followers, nisba, not_nisba)


@dataclass(frozen=True, slots=True)
class _Source:
    """The file being read and its declared kinds and groups."""

    shown: str
    kinds: frozenset[str]
    whos: frozenset[str]


def _nouns(data: dict[str, Any], src: _Source) -> list[Noun]:
    shown = src.shown
    nouns: list[Noun] = []
    seen: dict[tuple[str, ...], str] = {}
    for section, has_kind in (("kind_nouns", True), ("groups", False)):
        entries = data[section]
        if not isinstance(entries, list):
            raise ResourceError(shown, f"{section} must be a list", line=_line_of(shown, section))
        for e in entries:
            if not isinstance(e, dict):
                raise ResourceError(shown, f"{section}: bad entry {e!r}", line=_line_of(shown, section))
            nouns.extend(_noun_entry(e, section, has_kind, src, seen))
    return nouns + generated_duals(nouns, seen)


def _noun_entry(e: dict[str, Any], section: str, has_kind: bool, src: _Source,
                seen: dict[tuple[str, ...], str]) -> list[Noun]:
    shown, kinds, whos = src.shown, src.kinds, src.whos
    kind = e.get("kind") if has_kind else None
    who = e.get("who")
    forms = [f for f in ("sg", "pl", "dual") for _ in _strs(e.get(f), shown, f"{section}")]
    where = _line_of(shown, str((e.get("sg") or e.get("pl") or [section])[0]))
    if has_kind and kind not in kinds:
        raise ResourceError(shown, f"{section}: unknown kind {kind!r}", line=where)
    if who not in whos:
        raise ResourceError(shown, f"{section}: unknown who {who!r}", line=where)
    if not forms:
        raise ResourceError(shown, f"{section}: entry without forms", line=where)
    out: list[Noun] = []
    flags = (bool(e.get("unit", False)), bool(e.get("others", False)), bool(e.get("lone", False)),
             bool(e.get("victim_only", False)), bool(e.get("toll_only", False)))
    for form in ("sg", "pl", "dual"):
        for w in _strs(e.get(form), shown, section):
            words = _words(w)
            if words in seen:
                raise ResourceError(shown, f"{section}: {w!r} listed twice", line=_line_of(shown, w))
            seen[words] = form
            out.append(Noun(words, kind, str(who), form, *flags))
    return out


def generated_duals(nouns: Sequence[Noun], seen: dict[tuple[str, ...], str]) -> list[Noun]:
    """The duals of the one-word singulars that counts.yaml does not list (مسعف → مسعفان, ممرضة → ممرضتان,
    ممرضتين); a masculine dual in -ين is not made, it is often the plural too (عاملين)."""
    out: list[Noun] = []
    for n in nouns:
        if n.form != "sg" or len(n.words) > 1 or n.words[0].endswith("ا"):
            continue
        for words in dual_forms(n.words[0]):
            if words not in seen:
                seen[words] = "dual"
                out.append(replace(n, words=words, form="dual"))
    return out


def dual_forms(sg: str) -> list[tuple[str, ...]]:
    """The duals of a normalized singular: -ان, and for a feminine in ة (normalized ه) -تان and -تين."""
    if sg.endswith("ه"):
        return [(sg[:-1] + "تان",), (sg[:-1] + "تين",)]
    return [(sg + "ان",)]


def _labelled(data: dict[str, Any], shown: str, section: str, allowed: frozenset[str]) -> list[Phrase]:
    sec = data[section]
    if not isinstance(sec, dict):
        raise ResourceError(shown, f"{section} must map a label to a list", line=_line_of(shown, section))
    out: list[Phrase] = []
    for label, phrases in sec.items():
        if label not in allowed:
            raise ResourceError(shown, f"{section}: unknown label {label!r}", line=_line_of(shown, str(label)))
        out.extend(Phrase(_words(p), str(label)) for p in _strs(phrases, shown, section))
    return out


def _plain(data: dict[str, Any], shown: str, section: str, label: str) -> list[Phrase]:
    return [Phrase(_words(p), label) for p in _strs(data[section], shown, section)]


def _strs(value: Any, shown: str, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(shown, f"{what} must be a list of non-empty strings", line=_line_of(shown, what))
    return [str(v) for v in value]


def _line_of(shown: str, needle: str) -> int | None:
    try:
        for k, ln in enumerate(Path(shown).read_text(encoding="utf-8").splitlines(), start=1):
            if needle.split(".")[0] in ln:
                return k
    except OSError:
        return None
    return None


def _words(s: str) -> tuple[str, ...]:
    return tuple(normalize_name(s).split())
