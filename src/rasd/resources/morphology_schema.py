"""The schema of data/morphology.yaml and of a trigger lemma in data/triggers.yaml (rasd.resources.morphology reads
both), used by rasd.resources.schemas."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from rasd.resources.schema_base import Names, NonBlank, _Yaml


class LemmaEntry(_Yaml):
    """A verb whose forms data/morphology.yaml generates (resources/morphology.py)."""

    verb: str = ""  # past tense, 3rd person masculine singular; fixed words may follow it (نشر قوات)
    present: str = ""  # the present stem, when the morphology's rules do not derive it
    nouns: Names = []
    participles: bool | Names = False
    objects: bool = True
    tenses: Literal["all", "past"] = "all"
    with_: Names = Field(default=[], alias="with")  # one of these must follow the verb (its object)
    circumstantial: bool | NonBlank = False  # its active participle (true: derived) as a circumstantial accusative


class MorphologyGuard(_Yaml):
    min_stem: Annotated[int, Field(ge=1)] = 3
    stoplist: Names = []


class PresentTense(_Yaml):
    prefixes: dict[str, NonBlank]
    suffixes: dict[str, str]
    strip: dict[NonBlank, Annotated[int, Field(ge=1)]] = {}


class ObjectPronouns(_Yaml):
    pronouns: Names
    before: dict[str, str] = {}
    not_on_stem: Names = []


class Nominal(_Yaml):
    noun_suffixes: list[str] = [""]
    participle_suffixes: list[str] = [""]
    circumstantial_suffixes: list[str] = []
    form1_active: NonBlank
    form1_passive: NonBlank
    derived: NonBlank


class MorphologyFile(_Yaml):
    guard: MorphologyGuard = MorphologyGuard()
    past: dict[str, str]
    present: PresentTense
    objects: ObjectPronouns
    nominal: Nominal
