"""The building blocks of the resource-file schemas (rasd.resources.schemas): non-empty text, lists of names, the
strict YAML mapping and the TSV row."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected a non-empty string")
    return value


NonBlank = Annotated[str, AfterValidator(_nonblank)]
Names = list[NonBlank]  # a list of Arabic words or phrases
SomeNames = Annotated[list[NonBlank], Field(min_length=1)]  # … that may not be empty


class _Yaml(BaseModel):
    """A mapping in a YAML resource file: no keys but the declared ones, no type conversions."""

    model_config = ConfigDict(extra="forbid", strict=True)


class _Row(BaseModel):
    """A row of a TSV resource file: every cell is text; numeric columns must parse as numbers."""

    model_config = ConfigDict(extra="forbid", strict=False, allow_inf_nan=False)
