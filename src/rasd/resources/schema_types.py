"""The shared types of the resource-file schemas (rasd.resources.schemas): categories taken from the loaders'
constants, validated strings (non-blank names, country codes, ISO dates, actor ids) and the two base models."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
)

from rasd.recognize.numbers import _WORD_TYPES
from rasd.resources.actors import _DATE_RE, _ID_RE
from rasd.resources.actors import KINDS as ACTOR_KINDS
from rasd.resources.gazetteer import FEATURES
from rasd.resources.lexicon import ACLED_TYPES, BACKGROUND_KINDS, COUNT_KIND_NAMES, PLOVER_TYPES, WEAPON_KINDS

# The "who" of a count (../shared/eval/FORMAT.md; the same values as rasd.evaluation.score.GOLD_WHO).
COUNT_WHO: tuple[str, ...] = ("total", "civilians", "children", "women", "men", "fighters", "medics",
                              "journalists", "migrants", "police", "other")
COUNT_KINDS: tuple[str, ...] = tuple(sorted(COUNT_KIND_NAMES))

# Categories: real Literal types for pydantic, plain str for mypy (the values come from the loaders'
# constants, so a schema and its loader cannot disagree on them).
if TYPE_CHECKING:
    AcledType = str
    Plover = str
    CountKind = str
    FallbackKey = str
    Who = str
    WordType = str
    ActorKind = str
    Feature = str
    WeaponKind = str
    BackgroundKind = str
else:
    AcledType = Literal[tuple(ACLED_TYPES)]
    Plover = Literal[tuple(sorted(PLOVER_TYPES))]
    CountKind = Literal[COUNT_KINDS]
    FallbackKey = Literal[(*COUNT_KINDS, "civilians")]
    Who = Literal[COUNT_WHO]
    WordType = Literal[_WORD_TYPES]
    ActorKind = Literal[ACTOR_KINDS]
    Feature = Literal[FEATURES]
    WeaponKind = Literal[WEAPON_KINDS]
    BackgroundKind = Literal[BACKGROUND_KINDS]


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected a non-empty string")
    return value


def _shaped(test: Callable[[str], bool], what: str) -> AfterValidator:
    def check(value: str) -> str:
        if not test(value):
            raise ValueError(f"{value!r} is not {what}")
        return value
    return AfterValidator(check)


def _is_country(v: str) -> bool:
    return len(v) == 2 and v.isascii() and v.isalpha() and v.isupper()


def _is_geonameids(v: str) -> bool:
    return all(p.strip().isascii() and p.strip().isdigit() for p in v.split("|") if p.strip())


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


NonBlank = Annotated[str, AfterValidator(_nonblank)]
Names = list[NonBlank]  # a list of Arabic words or phrases
SomeNames = Annotated[list[NonBlank], Field(min_length=1)]  # … that may not be empty
Country = Annotated[str, _shaped(_is_country, "an ISO alpha-2 country code (two capital letters)")]
IsoDate = Annotated[str, _shaped(lambda v: bool(_DATE_RE.match(v)), "an ISO date (YYYY[-MM[-DD]])")]
ActorId = Annotated[str, _shaped(lambda v: bool(_ID_RE.match(v.strip())), "an actor id (lower-case letters, digits, - _ .)")]


class _Yaml(BaseModel):
    """A mapping in a YAML resource file: no keys but the declared ones, no type conversions."""

    model_config = ConfigDict(extra="forbid", strict=True)


class _Row(BaseModel):
    """A row of a TSV resource file: every cell is text; numeric columns must parse as numbers."""

    model_config = ConfigDict(extra="forbid", strict=False, allow_inf_nan=False)
