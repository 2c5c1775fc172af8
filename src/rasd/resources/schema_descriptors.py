"""The schema of data/descriptors.yaml (rasd.recognize.unlinked), registered in rasd.resources.schemas.

Like the other file schemas: no keys but the declared ones, strict types, categories (a place's feature, a
group's actor kind) taken from the loaders' own constants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from rasd.resources.actors import KINDS
from rasd.resources.gazetteer import FEATURES

if TYPE_CHECKING:
    Feature = str
    ActorKind = str
else:
    Feature = Literal[FEATURES]
    ActorKind = Literal[KINDS]

Word = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Yaml(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PlaceDescriptor(_Yaml):
    word: Word
    feature: Feature  # the feature the unlinked place gets
    strong: bool  # the next word is the name unless it is a common word (else the CRF must tag a name)


class GroupDescriptor(_Yaml):
    word: Word
    kind: ActorKind
    strong: bool


class DescriptorsFile(_Yaml):
    places: list[PlaceDescriptor]
    groups: list[GroupDescriptor]
    titles: list[Word]
    stop_words: list[Word]
    compound_heads: list[Word]
