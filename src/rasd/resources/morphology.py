"""Verb morphology for trigger lemmas: the inflected forms of a lemma (past and present, every person, object
pronouns, verbal nouns, participles), generated at load time from the affix tables of data/morphology.yaml; and
the proclitics a word may open with (و، ف، ب، ل and the article), the one list the recognizers strip them by."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..text.normalize import normalize_name
from ..text.segment import ARTICLE, CONJUNCTIONS
from .datafiles import ResourceError, load_yaml

# the tokenizer's proclitic tables (text.segment) are the one source; of its prepositions the recognizers that
# strip proclitics read ب and ل only (بالقصف، لحكومة), not ك
NAME_PREPOSITIONS = ("ب", "ل")
PROCLITIC_LETTERS = "".join(CONJUNCTIONS + NAME_PREPOSITIONS)


def proclitic_runs(article: bool = False) -> tuple[str, ...]:
    """Every run of proclitics a word may open with, longest first: a conjunction, then a preposition (وب، فل),
    and with `article` the article after them (وال، بال، لل for ل + ال, ولل) as well."""
    runs = {c + p for c in ("", *CONJUNCTIONS) for p in ("", *NAME_PREPOSITIONS)} - {""}
    if article:
        runs |= {c + ("لل" if p == "ل" else p + ARTICLE) for c in ("", *CONJUNCTIONS) for p in ("", *NAME_PREPOSITIONS)}
    return tuple(sorted(runs, key=lambda r: (-len(r), r)))


@dataclass(frozen=True, slots=True)
class Lemma:
    """A trigger lemma: a past-tense verb (its first word inflects; fixed words may follow it: نشر قوات), its
    present stem, its verbal nouns and its participles, all normalized."""

    verb: str  # the past stem, 3rd person masculine singular ('' for a lemma of nouns only)
    tail: str = ""  # the fixed words after the inflected one ('' when none)
    present: str = ""  # the present stem without the person prefix ('' → derived from the past stem)
    nouns: tuple[str, ...] = ()
    participles: tuple[str, ...] = ()  # given ones; with `derive_participles` the derived ones as well
    derive_participles: bool = False
    objects: bool = True  # a transitive verb: object pronouns may follow it
    present_tense: bool = True  # false: the past only (a present that mostly tells a state: تسيطر عليها)
    speaker_present: bool = False  # with present_tense false: the first person's present still (نطالب، أرفض)
    needs: tuple[str, ...] = ()  # words one of which must follow the verb within a few words (نشر … قوات)
    circumstantial: str = ""  # its active participle as a circumstantial accusative (مهددا، متوعدا); "-": derived

    @property
    def name(self) -> str:
        """How the lemma is shown: its verb (or first noun) and the words after it."""
        head = self.verb or (self.nouns[0] if self.nouns else "")
        return f"{head} {self.tail}".strip()


@dataclass(frozen=True, slots=True)
class Form:
    """One generated form of a lemma: its normalized text and how it was made."""

    text: str
    label: str  # e.g. "past 3fs", "present 3m.mp + ها", "noun", "participle"
    verb: bool  # a finite verb or a participle: no article, ب or ك before it (with the article a participle
    # describes people — الأسر النازحة، المهاجمين — it tells no happening)


@dataclass(frozen=True, slots=True)
class _Participles:
    """The participle patterns: form I's active and passive, and the derived forms' م + present stem."""

    form1_active: str
    form1_passive: str
    derived: str


class Morphology:
    """The affix tables of a morphology.yaml, and the generator of a lemma's forms."""

    def __init__(self, data: dict[str, Any], shown: str) -> None:
        self.source = shown
        guard, present, objects, nominal, defective = (data.get(k) or {} for k in
                                                       ("guard", "present", "objects", "nominal", "defective"))
        self.weak_ending = str(defective.get("ending", ""))
        self.weak_drop_before = frozenset(defective.get("drop_before", []))
        self.min_stem = int(guard.get("min_stem", 3))
        self.stoplist = frozenset(normalize_name(w) for w in guard.get("stoplist", []))
        self.past: dict[str, str] = dict(data["past"])
        self.present_prefixes: dict[str, str] = dict(present.get("prefixes", {}))
        self.present_suffixes: dict[str, str] = dict(present.get("suffixes", {"sg": ""}))
        self.persons: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in present.get("persons", {}).items()}
        self.speaker = frozenset(present.get("speaker", []))
        self.present_rules: tuple[tuple[str, int], ...] = tuple(
            (normalize_name(k), int(v)) for k, v in present.get("strip", {}).items())
        self.objects: tuple[str, ...] = tuple(objects.get("pronouns", []))
        self.before_object: dict[str, str] = dict(objects.get("before", {}))
        self.not_on_stem = frozenset(objects.get("not_on_stem", []))
        self.noun_suffixes: tuple[str, ...] = tuple(nominal.get("noun_suffixes", [""]))
        self.feminine_suffixes: tuple[str, ...] = tuple(nominal.get("feminine_suffixes", []))
        self.participle_suffixes: tuple[str, ...] = tuple(nominal.get("participle_suffixes", [""]))
        self.circumstantial_suffixes: tuple[str, ...] = tuple(nominal.get("circumstantial_suffixes", []))
        self.guarded_suffixes: tuple[str, ...] = tuple(nominal.get("circumstantial_guarded_suffixes", []))
        self.participle_patterns = _Participles(str(nominal.get("form1_active", "")),
                                                str(nominal.get("form1_passive", "")), str(nominal.get("derived", "")))

    @classmethod
    def load(cls, path: str | Path = "morphology.yaml") -> Morphology:
        """The morphology of a morphology.yaml (default: the packaged one); ResourceError when malformed."""
        data, shown = load_yaml(path, schema="morphology")
        if not isinstance(data, dict):
            raise ResourceError(shown, "expected a mapping")
        return cls(data, shown)

    def present_stem(self, lemma: Lemma) -> str:
        """The lemma's present stem: given, or the past stem less the first prefix a rule strips."""
        if lemma.present:
            return lemma.present
        for strip, min_rest in self.present_rules:
            if lemma.verb.startswith(strip) and len(lemma.verb) - len(strip) >= min_rest:
                return lemma.verb[len(strip):]
        return lemma.verb

    def participles(self, lemma: Lemma) -> tuple[str, ...]:
        """The lemma's participle stems: the given ones, and the derived ones when it asks for them."""
        out = list(lemma.participles)
        if lemma.derive_participles and lemma.verb:
            present = self.present_stem(lemma)
            pat = self.participle_patterns
            if len(lemma.verb) == 3 and present == lemma.verb:
                c = lemma.verb
                out += [p.replace("{1}", c[0]).replace("{2}", c[1]).replace("{3}", c[2])
                        for p in (pat.form1_active, pat.form1_passive) if p]
            elif pat.derived:
                out.append(pat.derived.replace("{present}", present))
        return tuple(dict.fromkeys(out))

    def inflect(self, lemma: Lemma) -> list[Form]:
        """Every form of the lemma (the stoplist's words left out), each once as a verb and once as a noun at most,
        the lemma's own word first."""
        seen: set[tuple[str, bool]] = set()
        out: list[Form] = []
        for form in self._forms(lemma):
            # (a word that is both a verb and a noun, قصف: he shelled and shelling, is given as each: as the noun
            # it may take a noun's proclitics, بقصف، القصف, which the verb may not)
            if (form.text, form.verb) in seen or (form.text in self.stoplist and form.text != lemma.verb):
                continue
            seen.add((form.text, form.verb))
            out.append(form)
        return out

    def _forms(self, lemma: Lemma) -> Iterator[Form]:
        """The lemma's forms before the stoplist: verbs, then nouns, then participles."""
        tails = self._tails(lemma.tail)
        # a short stem (حث) takes no object pronoun, participle or noun suffix: with them it would collide with
        # other words; before fixed words that tell it apart it takes everything (شنوها هجوما is no word, but
        # شنت هجوما is)
        short = len(lemma.verb) < self.min_stem and not lemma.tail
        words: list[tuple[str, str, bool]] = [(lemma.verb, "past 3ms", True)] if lemma.verb else []
        if lemma.verb:
            words += [(word, label, True) for word, label in self._verb_words(lemma, objects=not short)]
        for noun in lemma.nouns:
            words += [(word, label, False) for word, label in self._noun_words(noun, bare=bool(lemma.tail))]
        if not short:
            words += [(part + suf, "participle" + (f" + {suf}" if suf else ""), True)
                      for part in self.participles(lemma)
                      for suf in (("",) if lemma.tail else self.participle_suffixes)]
        if lemma.circumstantial and lemma.verb and not short:
            active = lemma.circumstantial if lemma.circumstantial != "-" else \
                self.participles(replace(lemma, participles=(), derive_participles=True))[0]
            words += [(active + suf, f"participle (circumstantial) + {suf}", True)
                      for suf in self.circumstantial_suffixes + (self.guarded_suffixes if lemma.needs else ())]
        for word, label, verb in words:
            for tail, t_label in tails:
                yield Form(word + tail, label + t_label, verb)

    def _noun_words(self, noun: str, bare: bool) -> Iterator[tuple[str, str]]:
        """A verbal noun and its suffixed words: a noun in ة (normalized ه) puts its suffixes after ت or in
        place of the ه (زيارته، مداهمات); a short noun, or one before fixed words, takes none."""
        yield noun, "noun"
        if bare or len(noun) < self.min_stem:
            return
        if noun.endswith("ه"):
            for suf in self.feminine_suffixes:
                yield noun[:-1] + suf, f"noun (ة) + {suf}"
            return
        for suf in self.noun_suffixes:
            if suf:
                yield noun + suf, f"noun + {suf}"

    def _tails(self, tail: str) -> list[tuple[str, str]]:
        """The fixed words after a lemma's verb, and their last word with a pronoun (نشر قواته، بحث معه)."""
        if not tail:
            return [("", "")]
        return [(f" {tail}", ""), *((f" {tail}{obj}", f" (tail + {obj})") for obj in self.objects)]

    def _suffixed(self, stem: str, suf: str) -> str:
        """The stem with a subject suffix; a defective stem's weak last letter drops before some (استولت، يستولون)."""
        if suf in self.weak_drop_before and self.weak_ending and stem.endswith(self.weak_ending):
            return stem[: -len(self.weak_ending)] + suf
        return stem + suf

    def _verb_words(self, lemma: Lemma, objects: bool) -> Iterator[tuple[str, str]]:
        """The finite verb's words: past and present, each person, with an object pronoun when the lemma
        has no fixed words after it."""
        subjects = [(self._suffixed(lemma.verb, suf), suf, f"past {label}") for label, suf in self.past.items()]
        present = self.present_stem(lemma)
        subjects += [(pre + self._suffixed(present, suf), suf, f"present {p_label}.{s_label}") for p_label, pre in
                     self.present_prefixes.items()
                     if lemma.present_tense or (lemma.speaker_present and p_label in self.speaker)
                     for s_label, suf in self.present_suffixes.items()
                     if s_label in self.persons.get(p_label, self.present_suffixes)]
        for word, suf, label in subjects:
            yield word, label
            if lemma.tail or not lemma.objects or not objects:
                continue
            base = word[: len(word) - len(suf)] + self.before_object.get(suf, suf) if suf else word
            for obj in self.objects:
                if word != lemma.verb or obj not in self.not_on_stem:
                    yield base + obj, f"{label} + {obj}"


def parse_lemma(raw: Any, shown: str, where: str) -> Lemma:
    """One entry of a trigger's `lemmas`: a verb (its first word inflects: "نشر قوات") or a mapping with
    verb, present, nouns, participles (a list, or true to derive them), objects (false: intransitive), tenses ("past": no present;
    "past+speaker": the past and the first person's present),
    with (words one of which must follow the verb: its object, after a subject in between — نشرت الوزارة وحدات),
    circumstantial (its active participle in the accusative: مهددا ب…; true to derive it, or the participle)."""
    if isinstance(raw, str):
        raw = {"verb": raw}
    if not isinstance(raw, dict):
        raise ResourceError(shown, f"{where}: a lemma is a verb or a mapping")
    words = normalize_name(str(raw.get("verb", ""))).split()
    nouns = tuple(normalize_name(n) for n in raw.get("nouns", []))
    if not words and not nouns:
        raise ResourceError(shown, f"{where}: a lemma needs a verb or a noun")
    parts = raw.get("participles", False)
    return Lemma(verb=words[0] if words else "", tail=" ".join(words[1:]),
                 present=normalize_name(str(raw.get("present", ""))), nouns=nouns,
                 participles=tuple(normalize_name(p) for p in parts) if isinstance(parts, list) else (),
                 derive_participles=parts is True, objects=bool(raw.get("objects", True)),
                 present_tense=raw.get("tenses", "all") == "all",
                 speaker_present=raw.get("tenses") == "past+speaker",
                 needs=tuple(normalize_name(w) for w in raw.get("with", [])),
                 circumstantial=_circumstantial(raw.get("circumstantial", False)))


def _circumstantial(value: Any) -> str:
    """A lemma's `circumstantial`: its participle written out (normalized), "-" to derive it, "" for none."""
    if value is True:
        return "-"
    return normalize_name(value) if isinstance(value, str) else ""
