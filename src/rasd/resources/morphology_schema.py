"""The schema of data/morphology.yaml and of a trigger lemma in data/triggers.yaml (rasd.resources.morphology reads
both), used by rasd.resources.schemas."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from rasd.resources.schema_types import Names, NonBlank, _Yaml


class LemmaEntry(_Yaml):
    """A verb whose forms data/morphology.yaml generates (resources/morphology.py)."""

    verb: str = ""  # past tense, 3rd person masculine singular; fixed words may follow it (نشر قوات)
    present: str = ""  # the present stem, when the morphology's rules do not derive it
    nouns: Names = []
    participles: bool | Names = False
    objects: bool = True
    # past: no present; past+speaker: the past, and the present of the first person only (a speaker's own act)
    tenses: Literal["all", "past", "past+speaker"] = "all"
    with_: Names = Field(default=[], alias="with")  # one of these must follow the verb (its object)
    circumstantial: bool | NonBlank = False  # its active participle (true: derived) as a circumstantial accusative


class MorphologyGuard(_Yaml):
    """The precision guards: the shortest stem that inflects, and words never generated."""

    min_stem: Annotated[int, Field(ge=1)] = 3
    stoplist: Names = []


class PresentTense(_Yaml):
    """The present tense: person prefixes, subject suffixes, and how its stem follows from the past."""

    prefixes: dict[str, NonBlank]
    suffixes: dict[str, str]
    persons: dict[NonBlank, Names] = {}  # prefix label → the suffix labels it takes (default: all)
    speaker: Names = []  # the prefix labels of the first person (a lemma of tenses past+speaker keeps them)
    strip: dict[NonBlank, Annotated[int, Field(ge=1)]] = {}


class ObjectPronouns(_Yaml):
    """Object pronouns after a verb, and how a subject suffix changes before one."""

    pronouns: Names
    before: dict[str, str] = {}
    not_on_stem: Names = []


class Nominal(_Yaml):
    """Suffixes of verbal nouns and participles, and the participle patterns."""

    noun_suffixes: list[str] = [""]
    feminine_suffixes: list[str] = []  # on a noun in ة (normalized ه), after its ه is dropped
    participle_suffixes: list[str] = [""]
    circumstantial_suffixes: list[str] = []
    circumstantial_guarded_suffixes: list[str] = []
    form1_active: NonBlank
    form1_passive: NonBlank
    derived: NonBlank


class Defective(_Yaml):
    """Verbs whose stem ends in a weak letter (استولى، القى، تلقى): the subject suffixes before which it drops."""

    ending: str = ""
    drop_before: list[str] = []


class MorphologyFile(_Yaml):
    """morphology.yaml"""

    guard: MorphologyGuard = MorphologyGuard()
    defective: Defective = Defective()
    past: dict[str, str]
    present: PresentTense
    objects: ObjectPronouns
    nominal: Nominal
