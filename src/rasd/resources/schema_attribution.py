"""The schema of cues.yaml's attribution section (rasd.resources.schemas): who tells an event, the words before
the source and the speech verbs."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from rasd.resources.schema_types import Names, _Yaml


class Attribution(_Yaml):
    """cues.yaml's attribution section."""
    introducers: Names
    told_introducers: Names = []
    lam_introducers: Names = []  # the source follows glued to ل (وفقا لتنسيقية …)
    told_that: Names = []
    told_verbs: Names = []
    told_objects: Names = []
    told_suffixes: Names = []
    stop_words: Names = []
    speech_verbs: Names
    that_words: Names = []
    sources: Names
    max_words: Annotated[int, Field(ge=1)] = 6
