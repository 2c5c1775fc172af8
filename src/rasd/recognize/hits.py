"""The hit of a phrase in a text, in a module of its own: mypyc cannot compile a generic dataclass, and with
it apart the matcher around it is compiled (pyproject.toml [tool.rasd] compiled)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """One match of a phrase in the text, with its proclitics and payloads."""
    start: int          # normalized offset of the match itself (after any proclitics)
    end: int
    word_start: int     # start of the word, proclitics included
    prefix: str         # the proclitics before the match ('' when none)
    phrase: str
    payloads: tuple[T, ...]
