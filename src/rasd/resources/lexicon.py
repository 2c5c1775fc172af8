"""The trigger lexicon and the cue lexicon (data/triggers.yaml, data/cues.yaml), loaded and validated."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..recognize.matcher import PhraseMatcher
from ..text.normalize import normalize_name
from ..text.segment import clitic_splits
from .datafiles import ResourceError, load_yaml
from .morphology import Morphology, parse_lemma

ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory", "territory"),
    "Explosions/Remote violence": ("Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Chemical weapon"),
    "Violence against civilians": ("Attack", "Abduction/forced disappearance", "Sexual violence"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "DEMAND", "DISAPPROVE", "INVESTIGATE",
    "OTHER",
})
# what a weapon word (cues.yaml weapons) makes of a violent event: a sub-type of remote violence, or gunfire
WEAPON_KINDS: tuple[str, ...] = (*ACLED_TYPES["Explosions/Remote violence"], "gunfire")
# what a background cue (cues.yaml background, events/background.py) tells a trigger after it is
BACKGROUND_KINDS: tuple[str, ...] = ("pluperfect", "history", "habitual", "fear", "state", "after", "become",
                                     "alleging", "terms", "talks", "generic", "description", "target", "result", "war",
                                     "compound", "crimes", "listing", "projection", "figurative", "period",
                                     "former", "reference", "landmark", "lead_time",
                                     "war_span", "repeated")
COUNT_KIND_NAMES = frozenset({"killed", "wounded", "displaced", "missing", "detained", "abducted", "sick",
                              "affected"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """An entry of the trigger lexicon: the happening a word names, its types, family and counts."""
    id: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str
    weight: float
    priority: int
    family: str
    counts: frozenset[str]
    content: bool  # a speech act whose clause holds what is called for / denied
    subject_is_target: bool = False  # the verb's subject is the side that suffers it (خسرت)
    with_counts: tuple[Retype, ...] = ()  # with a count of such a kind, the event is of another type


@dataclass(frozen=True, slots=True)
class Retype:
    """The type an event takes when it carries a count of `kind` (استقبلت البلدة 300 عائلة نازحة: displacement,
    not a meeting): that of another entry of the lexicon."""

    kind: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str


def _str_list(value: Any, file: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(file, f"{where}: expected a list of non-empty strings")
    return value


@dataclass(frozen=True, slots=True)
class FormSource:
    """Where a form of the trigger lexicon comes from: its entry, the lemma (or listed form) and how it was
    made (a listed form, or a generated one: "past 3fs", "present 3m.mp + ها", "noun", "participle")."""

    trigger: str
    lemma: str
    label: str
    verb: bool = False
    needs: frozenset[str] = frozenset()  # words one of which must follow the form (its object), if any


_OBJECT_WINDOW = 6  # words after a verb where its object may stand (after the subject and its attributes)
_SUFFIXES = ("ها", "هم", "ه", "ا")  # a possessive or the accusative after an object (وحداتها، اتفاقا)
_CLAUSE_END = re.compile(r"[.!?;:\n]")  # (not the comma: it often sets off the subject between verb and object)


_SUBJECT_WINDOW = 3  # words before a verb where its subject may stand (قوات الدعم السريع استهدفت)
_SUBJECT_STOP = re.compile(r"[.!?;:\n،,\"«»()]")  # (the comma too: a subject before its verb is not set off)
_CLAUSE_OPENERS = frozenset({"ان", "إن", "أن", "الذي", "التي", "الذين", "بعد", "قبل", "حيث", "عندما", "بينما"})


def _words_before(text: str, pos: int, n: int) -> list[str]:
    """Up to `n` whole words before the word at `pos` (its proclitics left out), nearest last, not before the
    start of the clause: a punctuation mark or a word that opens a clause (إن، التي)."""
    cut = text.rfind(" ", 0, pos)
    if cut < 0:
        return []
    stop = max((m.end() for m in _SUBJECT_STOP.finditer(text, max(0, cut - 120), cut)), default=max(0, cut - 120))
    words = text[stop:cut].split()[-n:]
    if words[-1:] == ["قد"]:  # (كانت القوات قد استهدفت: a past perfect, told as background or denied)
        return []
    opened = max((k + 1 for k, w in enumerate(words) if w in _CLAUSE_OPENERS), default=0)
    return words[opened:]


# (with the closing mark of a quotation of one word: تعهد بـ"دحر" المتمردين → بدحر)
_QUOTED_AFTER_PREPOSITION = re.compile(r'(?<!\S)([بل])"([^"\s]*)(?:"(?!\S))?')


def _next_words(text: str, pos: int, n: int) -> list[str]:
    """Up to `n` words after `pos`, not past the end of the sentence or a colon; a preposition before a
    quotation is one word with the quoted word (وصفته بـ"جريمة جديدة": بجريمة)."""
    stop = _CLAUSE_END.search(text, pos)
    return _QUOTED_AFTER_PREPOSITION.sub(r"\1\2", text[pos: stop.start() if stop else len(text)]).split()[:n]


# a byline label at the text's start or after a space, a dash, a bar or a slash, then ':' and up to 60 characters;
# each label's own look-behind (`_BYLINE_LABEL`) comes after it, so that the pattern starts with the labels' first
# letters and the engine skips to them in C instead of trying the look-behind at every character
_BYLINE_RE = r"(?:{labels})\s*:[^\n.,;:]{{0,60}}"
_BYLINE_LABEL = r"{label}(?<![^\s\-\|/].{{{n}}})"
_HASHTAG_RE = re.compile(r"#[^\s#]+")


class TriggerLexicon:
    """The trigger lexicon: every entry, the forms its lemmas generate, and the matcher over them."""

    def __init__(self, triggers: tuple[Trigger, ...], forms: list[tuple[str, Trigger]],
                 sources: dict[str, list[FormSource]], source: str, fallbacks: dict[str, Trigger],
                 not_triggers: list[str], byline_labels: list[str]) -> None:
        self.triggers = triggers
        self.forms = frozenset(f for f, _t in forms)
        self.sources = sources  # every form: the entries, lemmas and analyses it comes from
        self.fallbacks = fallbacks
        self.not_triggers: PhraseMatcher[str] = PhraseMatcher((normalize_name(p), p) for p in not_triggers)
        self.source = source
        # forms that are only ever a finite verb, and forms of two letters: no article or preposition before them
        self.verb_only = frozenset(f for f, src in sources.items() if any(s.verb for s in src)
                                   and all(s.verb or s.label.startswith("listed") for s in src))
        self.bare_only = frozenset(f for f in self.forms if " " not in f and len(f) < 3)
        # verbs that are a trigger of an entry only with their object after them (نشرت … وحدات): the objects
        # they accept, by (form, entry)
        needs: dict[tuple[str, str], set[str]] = {}
        for f, src in sources.items():
            for entry in {s.trigger for s in src}:
                of_entry = [s.needs for s in src if s.trigger == entry]
                if all(of_entry):
                    needs[(f, entry)] = set().union(*of_entry)
        self.needs = {k: frozenset(v) for k, v in needs.items()}
        self.matcher: PhraseMatcher[Trigger] = PhraseMatcher(forms, verbs=self.verb_only | self.bare_only)
        names = [normalize_name(b) for b in byline_labels]
        labels = "|".join(_BYLINE_LABEL.format(label=re.escape(label), n=len(label)) for label in names)
        self._byline = re.compile(_BYLINE_RE.format(labels=labels)) if "".join(names) else None

    @classmethod
    def load(cls, path: str | Path = "triggers.yaml", morphology: str | Path | None = None) -> TriggerLexicon:
        """The trigger lexicon of a triggers.yaml (default: the packaged one) with the forms its lemmas
        generate by `morphology` (default: the morphology.yaml beside it, else the packaged one);
        ResourceError when malformed."""
        data, shown = load_yaml(path, schema="triggers")
        if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
            raise ResourceError(shown, "expected a mapping with a 'triggers' list")
        if morphology is None:
            beside = Path(shown).with_name("morphology.yaml")
            morphology = beside if beside.is_file() else "morphology.yaml"
        morph = Morphology.load(morphology)
        suffixes = [normalize_name(s) for s in _str_list(data.get("suffixes", []), shown, "suffixes")]
        seen: set[str] = set()
        triggers: list[Trigger] = []
        forms: list[tuple[str, Trigger]] = []
        sources: dict[str, list[FormSource]] = {}
        for i, raw in enumerate(data["triggers"]):
            triggers.append(_parse_trigger(raw, f"trigger #{i + 1}", shown, seen))
        triggers = _with_counts(data["triggers"], triggers, shown)
        for raw, trig in zip(data["triggers"], triggers, strict=True):
            for form, src in _entry_forms(raw, trig, morph, suffixes, shown):
                forms.append((form, trig))
                sources.setdefault(form, []).append(src)
        fallbacks = _fallbacks(data.get("fallbacks") or {}, {t.id: t for t in triggers}, shown)
        not_triggers = _str_list(data.get("not_triggers", []), shown, "not_triggers")
        bylines = _str_list(data.get("byline_labels", []), shown, "byline_labels")
        return cls(tuple(triggers), forms, sources, shown, fallbacks, not_triggers, bylines)

    def complete(self, text: str, phrase: str, end: int, payloads: tuple[Trigger, ...]) -> tuple[Trigger, ...]:
        """The entries a hit of `phrase` ending at `end` is a trigger of: those that need nothing more, and
        those whose verb needs its object and finds one among the next words of the clause (a subject may
        stand between: دفع الجيش بتعزيزات، نشرت الوزارة وحداتها) or among the words of the subject right before
        it in the clause (قوات الدعم السريع استهدفت)."""
        out = []
        words: list[str] | None = None
        verb = any(src.verb for src in self.sources.get(phrase, ()))  # (a subject stands before a verb alone)
        for trig in payloads:
            needs = self.needs.get((phrase, trig.id))
            if needs is not None:
                if words is None:
                    around = _next_words(text, end, _OBJECT_WINDOW) \
                        + (_words_before(text, end - len(phrase), _SUBJECT_WINDOW) if verb else [])
                    words = [stem for word in around for _p, stem in clitic_splits(word)]
                if not any(w in needs or any(w.endswith(p) and w[: -len(p)] in needs for p in _SUFFIXES)
                           for w in words):
                    continue
            out.append(trig)
        return tuple(out)

    def stats(self) -> str:
        """The lexicon's size: entries, lemmas, listed forms and the forms the lemmas generate."""
        lemmas = {(s.trigger, s.lemma) for src in self.sources.values() for s in src if not s.label.startswith("listed")}
        generated = sum(1 for src in self.sources.values() if any(not s.label.startswith("listed") for s in src))
        return (f"triggers: {len(self.triggers)} entries, {len(lemmas)} lemmas, {len(self.forms)} forms "
                f"({len(self.forms) - generated} listed only, {generated} generated from the lemmas)")

    def blocked(self, text: str) -> list[tuple[int, int]]:
        """Spans of a normalized text where no trigger counts: hashtags (#غارات_غزة) and bylines (تحرير: فلان)."""
        spans = [m.span() for m in _HASHTAG_RE.finditer(text)]
        if self._byline is not None:
            spans += [m.span() for m in self._byline.finditer(text)]
        return spans

    def explain(self, word: str) -> list[str]:
        """What `word` is to the trigger lexicon: for each reading (proclitics, form, suffix) the entries,
        lemmas and generated forms it matches."""
        norm = normalize_name(word)
        out: list[str] = []
        for hit in self.matcher.find(norm):
            for src in self.sources.get(hit.phrase, []):
                pre = f" after proclitics {hit.prefix!r}" if hit.prefix else ""
                out.append(f"trigger {src.trigger}: lemma {src.lemma!r}, form {hit.phrase!r} ({src.label}){pre}")
        return out


def _with_counts(raws: list[Any], triggers: list[Trigger], shown: str) -> list[Trigger]:
    """The triggers with their `with_counts` resolved: the count kind and the type of the entry it names."""
    by_id = {t.id: t for t in triggers}
    out = []
    for raw, trig in zip(raws, triggers, strict=True):
        spec = raw.get("with_counts") or {}
        retypes = []
        for kind, tid in spec.items():
            if kind not in COUNT_KIND_NAMES or tid not in by_id:
                raise ResourceError(shown, f"trigger {trig.id!r} with_counts: {kind!r} → {tid!r} is no count kind "
                                           "and entry")
            other = by_id[tid]
            retypes.append(Retype(kind, other.acled_event_type, other.acled_sub_event_type, other.plover))
        out.append(replace(trig, with_counts=tuple(retypes)) if retypes else trig)
    return out


def _entry_forms(raw: dict[str, Any], trig: Trigger, morph: Morphology, suffixes: list[str],
                 shown: str) -> list[tuple[str, FormSource]]:
    """The normalized forms of one entry: its listed forms (each also with the file's suffixes, unless it
    is shorter than the morphology's shortest stem) and every form its lemmas generate."""
    where = f"trigger {trig.id!r}"
    listed = _str_list(raw.get("forms", []), shown, f"{where} forms") if raw.get("forms") else []
    lemmas = raw.get("lemmas") or []
    if not listed and not lemmas:
        raise ResourceError(shown, f"{where}: needs forms or lemmas")
    out: list[tuple[str, FormSource]] = []
    for form in listed:
        norm = normalize_name(form)
        out.append((norm, FormSource(trig.id, norm, "listed")))
        if len(norm.split()[-1]) >= morph.min_stem:
            out += [(norm + suf, FormSource(trig.id, norm, f"listed + {suf}")) for suf in suffixes]
    for k, raw_lemma in enumerate(lemmas):
        lemma = parse_lemma(raw_lemma, shown, f"{where} lemma #{k + 1}")
        needs = frozenset(lemma.needs)
        out += [(f.text, FormSource(trig.id, lemma.name, f.label, f.verb, needs)) for f in morph.inflect(lemma)]
    return out


def _parse_trigger(raw: Any, where: str, shown: str, seen: set[str]) -> Trigger:
    """One entry of the triggers list, checked (a unique id, known ACLED and PLOVER types, count kinds)."""
    if not isinstance(raw, dict):
        raise ResourceError(shown, f"{where}: expected a mapping")
    tid = raw.get("id")
    if not isinstance(tid, str) or not tid:
        raise ResourceError(shown, f"{where}: missing id")
    where = f"trigger {tid!r}"
    if tid in seen:
        raise ResourceError(shown, f"{where}: duplicate id")
    seen.add(tid)
    acled = _acled(raw.get("acled"), shown, where)
    plover = raw.get("plover")
    if plover not in PLOVER_TYPES:
        raise ResourceError(shown, f"{where}: unknown PLOVER type {plover!r}")
    weight = raw.get("weight", 0.7)
    if not isinstance(weight, int | float) or not 0 < float(weight) <= 1:
        raise ResourceError(shown, f"{where}: weight must be in (0, 1]")
    kinds = frozenset(_str_list(raw.get("counts", []), shown, f"{where} counts")) if raw.get("counts") else frozenset()
    bad = kinds - COUNT_KIND_NAMES
    if bad:
        raise ResourceError(shown, f"{where}: unknown count kinds {sorted(bad)}")
    return Trigger(id=tid, acled_event_type=acled.type, acled_sub_event_type=acled.sub_type, plover=str(plover),
                   weight=float(weight), priority=int(raw.get("priority", 5)),
                   family=str(raw.get("family", tid)), counts=kinds, content=bool(raw.get("content", False)),
                   subject_is_target=bool(raw.get("subject_is_target", False)))


@dataclass(frozen=True, slots=True)
class _Acled:
    """A trigger's ACLED event type and sub-type (both None: the trigger has no ACLED event)."""

    type: str | None
    sub_type: str | None


def _acled(acled: Any, shown: str, where: str) -> _Acled:
    """The [type, sub-type] pair of a trigger, checked against ACLED_TYPES."""
    if acled is None:
        return _Acled(None, None)
    if not (isinstance(acled, list) and len(acled) == 2):
        raise ResourceError(shown, f"{where}: acled must be [type, sub-type] or null")
    a_type, a_sub = str(acled[0]), str(acled[1])
    if a_type not in ACLED_TYPES or a_sub not in ACLED_TYPES[a_type]:
        raise ResourceError(shown, f"{where}: unknown ACLED type {a_type!r} / {a_sub!r}")
    return _Acled(a_type, a_sub)


def _fallbacks(raw_fb: Any, by_id: dict[str, Trigger], shown: str) -> dict[str, Trigger]:
    """The trigger each count kind (and civilians) falls back to when a count has no trigger of its own."""
    if not isinstance(raw_fb, dict):
        raise ResourceError(shown, "fallbacks: expected a mapping")
    fallbacks: dict[str, Trigger] = {}
    for key, tid in raw_fb.items():
        if key not in COUNT_KIND_NAMES and key != "civilians":
            raise ResourceError(shown, f"fallbacks: {key!r} is not a count kind")
        if tid not in by_id:
            raise ResourceError(shown, f"fallbacks: {key!r} names unknown trigger {tid!r}")
        fallbacks[key] = by_id[tid]
    missing = (COUNT_KIND_NAMES | {"civilians"}) - set(fallbacks)
    if missing:
        raise ResourceError(shown, f"fallbacks: no entry for {sorted(missing)}")
    return fallbacks


@dataclass(frozen=True, slots=True)
class ModalityCue:
    """A modality cue: the modality, how many words on it reaches, and its exceptions."""
    modality: str
    window: int
    exceptions: tuple[str, ...] = ()  # normalized phrases that start like a form but do not carry the modality


class CueLexicon:
    """Modality, attribution, role and location cues."""

    def __init__(self, data: dict[str, Any], shown: str) -> None:
        self.source = shown
        modality = _modality_cues(data.get("modality"), shown)
        self.modality_order: tuple[str, ...] = modality.order
        self.modality: PhraseMatcher[ModalityCue] = modality.matcher
        self.planned_triggers = _phrases(data.get("planned_trigger_forms", []), shown, "planned_trigger_forms")
        self._read_attribution(data.get("attribution") or {}, shown)
        self._read_roles(data.get("roles") or {}, shown)
        self._place_words(data, shown)
        self.not_names = _phrases(data.get("not_names", []), shown, "not_names")
        self.capital_words = tuple(_str_list(data.get("capital_words", []), shown, "capital_words"))
        self.suppress_before = _phrases(data.get("suppress_before", []), shown, "suppress_before")
        self.by_agreement = _labelled(data.get("by_agreement", []), shown, "by_agreement", "agreement")
        self.incident_objects = _phrases(data.get("incident_objects", []), shown, "incident_objects")
        self.incident_anaphors = _phrases(data.get("incident_anaphors", []), shown, "incident_anaphors")
        self.happened_before = _phrases(data.get("happened_before", []), shown, "happened_before")
        self.force_nouns = _phrases(data.get("force_nouns", []), shown, "force_nouns")
        self.member_nouns = _phrases(data.get("member_nouns", []), shown, "member_nouns")
        self.force_ellipsis = _phrases(data.get("force_ellipsis", []), shown, "force_ellipsis")
        self.another_after = _phrases(data.get("another_after", []), shown, "another_after")
        self.place_anaphors = _phrases(data.get("place_anaphors", []), shown, "place_anaphors")
        self.another_before = _phrases(data.get("another_before", []), shown, "another_before")
        self.clause_breaks = _labelled(data.get("clause_breaks", []), shown, "clause_breaks", "break")
        self.opinion_openers = _labelled(data.get("opinion_openers", []), shown, "opinion_openers", "opinion")
        self.visit_abroad = _labelled(data.get("visit_abroad", []), shown, "visit_abroad", "visit")
        self.comma_clauses = _labelled(data.get("comma_clauses", []), shown, "comma_clauses", "comma_clause")
        self.weapons = _sections(data.get("weapons") or {}, shown, "weapons", WEAPON_KINDS)
        self.background = _sections(data.get("background") or {}, shown, "background", BACKGROUND_KINDS)
        self.relative_openers = _labelled(data.get("relative_openers", []), shown, "relative_openers", "relative")
        self.relative_words = _phrases(data.get("relative_openers", []), shown, "relative_openers")
        self.resumptive_heads = _phrases(data.get("resumptive_heads", []), shown, "resumptive_heads")
        self.purpose_openers = _labelled(data.get("purpose_openers", []), shown, "purpose_openers", "purpose")

    def _place_words(self, data: dict[str, Any], shown: str) -> None:
        """The cues of places and of their roles (events/place.py, events/place_located.py)."""
        self.place_cues: PhraseMatcher[int] = _place_cues(data.get("location") or {}, shown)
        self.place_blockers = _phrases(data.get("place_blockers", []), shown, "place_blockers")
        self.cue_only_places = _phrases(data.get("cue_only_places", []), shown, "cue_only_places")
        self.common_word_places = _phrases(data.get("common_word_places", []), shown, "common_word_places")
        self.distance_units = _phrases(data.get("distance_units", []), shown, "distance_units")
        self.office_nouns = _phrases(data.get("office_nouns", []), shown, "office_nouns")
        self.venue_nouns = _phrases(data.get("venue_nouns", []), shown, "venue_nouns")
        self.admin_units = _phrases(data.get("admin_units", []), shown, "admin_units")
        self.locating_words = _phrases(data.get("locating_words", []), shown, "locating_words")
        self.reference_words = _phrases(data.get("reference_words", []), shown, "reference_words")
        self.launch_words = _phrases(data.get("launch_words", []), shown, "launch_words")
        self.place_idioms = _phrases(data.get("place_idioms", []), shown, "place_idioms")

    def _read_attribution(self, att: dict[str, Any], shown: str) -> None:
        """The attribution section: introducers, speech verbs, source words."""
        self.introducers = _labelled(att.get("introducers"), shown, "introducers", "introducer")
        self.speech_verbs = _labelled(att.get("speech_verbs"), shown, "speech_verbs", "speech")
        self.told_introducers = _labelled(att.get("told_introducers", []), shown, "told_introducers", "introducer")
        self.lam_introducers = _labelled(att.get("lam_introducers", []), shown, "lam_introducers", "introducer")
        self.told_that = _phrases(att.get("told_that", []), shown, "attribution.told_that")
        self.told_objects = _phrases(att.get("told_objects", []), shown, "attribution.told_objects")
        self.told_suffixes = tuple(_phrases(att.get("told_suffixes", []), shown, "attribution.told_suffixes"))
        self.speech_words = _phrases([*att.get("speech_verbs", []), *att.get("told_verbs", [])], shown,
                                     "attribution.speech_verbs")
        self.sources = _labelled(att.get("sources"), shown, "sources", "source")
        self.attribution_max_words = int(att.get("max_words", 6))
        self.attribution_stop = _phrases(att.get("stop_words", []), shown, "attribution.stop_words")
        self.that_words = _phrases(att.get("that_words", []), shown, "attribution.that_words")

    def _read_roles(self, roles: dict[str, Any], shown: str) -> None:
        """The roles section: the words that tell an event's sides."""
        self.target_words = _phrases(roles.get("target"), shown, "roles.target")
        self.between_words = _phrases(roles.get("between"), shown, "roles.between")
        self.support_words = _phrases(roles.get("support", []), shown, "roles.support")
        self.supporting_words = _phrases(roles.get("supporting", []), shown, "roles.supporting")
        self.belonging_words = _phrases(roles.get("belonging", []), shown, "roles.belonging")
        self.body_part_words = _phrases(roles.get("body_parts", []), shown, "roles.body_parts")
        self.seat_words = _phrases(roles.get("seat", []), shown, "roles.seat")
        self.referred_words = _phrases(roles.get("referred", []), shown, "roles.referred")
        self.protected_words = _phrases(roles.get("protected", []), shown, "roles.protected")
        self.agent_verbs = _phrases(roles.get("agent_verbs", []), shown, "roles.agent_verbs")
        self.perpetrator = _labelled(roles.get("perpetrator", []), shown, "roles.perpetrator", "perpetrator")
        self.claim_words = _labelled(roles.get("claim", []), shown, "roles.claim", "claim")

    @classmethod
    def load(cls, path: str | Path = "cues.yaml") -> CueLexicon:
        """The cue lexicon of a cues.yaml (default: the packaged one); ResourceError when malformed."""
        data, shown = load_yaml(path, schema="cues")
        if not isinstance(data, dict):
            raise ResourceError(shown, "expected a mapping")
        return cls(data, shown)


def _sections(value: dict[str, Any], file: str, where: str, kinds: tuple[str, ...]) -> PhraseMatcher[str]:
    """A section of lists keyed by one of `kinds` (weapons, background): each form labelled with its key."""
    entries: list[tuple[str, str]] = []
    for kind, forms in value.items():
        if kind not in kinds:
            raise ResourceError(file, f"{where}: {kind!r} is none of {', '.join(kinds)}")
        entries += [(normalize_name(f), kind) for f in _str_list(forms, file, f"{where} {kind}")]
    return PhraseMatcher(entries)


def _phrases(value: Any, file: str, where: str) -> frozenset[str]:
    """A list of phrases of the file, normalized."""
    return frozenset(normalize_name(f) for f in _str_list(value, file, where))


def _labelled(value: Any, file: str, where: str, label: str) -> PhraseMatcher[str]:
    """A matcher of a list of phrases of the file, every phrase labelled `label`."""
    return PhraseMatcher((normalize_name(f), label) for f in _str_list(value, file, where))


@dataclass(frozen=True, slots=True)
class _ModalityCues:
    """The modality section: the modalities in the file's order and a matcher of their forms."""

    order: tuple[str, ...]
    matcher: PhraseMatcher[ModalityCue]


def _modality_cues(mod: Any, shown: str) -> _ModalityCues:
    """The modality section: each modality of the contract with its forms, window and exceptions."""
    if not isinstance(mod, dict):
        raise ResourceError(shown, "missing 'modality' mapping")
    entries: list[tuple[str, ModalityCue]] = []
    for name, spec in mod.items():
        if name not in ("denied", "negated", "called_for", "planned", "reported"):
            raise ResourceError(shown, f"modality {name!r}: not a modality of the contract")
        if not isinstance(spec, dict):
            raise ResourceError(shown, f"modality {name!r}: expected a mapping")
        cue = ModalityCue(modality=name, window=int(spec.get("window", 4)),
                          exceptions=tuple(normalize_name(f) for f in _str_list(
                              spec.get("except", []), shown, f"modality {name} except")))
        entries += [(normalize_name(f), cue) for f in _str_list(spec.get("forms"), shown, f"modality {name}")]
    return _ModalityCues(tuple(mod), PhraseMatcher(entries))


def _place_cues(loc: Any, shown: str) -> PhraseMatcher[int]:
    """The location section: cue phrases before a place name, each with the precision it implies."""
    place_cues: list[tuple[str, int]] = []
    for name, spec in loc.items():
        if not isinstance(spec, dict):
            raise ResourceError(shown, f"location {name!r}: expected a mapping")
        prec = int(spec.get("precision", 1))
        place_cues += [(normalize_name(f), prec) for f in _str_list(spec.get("forms"), shown, f"location {name}")]
    return PhraseMatcher(place_cues)
