"""The hit of a phrase in a text, in a module of its own: the matcher around it is compiled (pyproject.toml
[tool.rasd] compiled), and a generic class is kept out of the compiled modules."""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Hit(NamedTuple, Generic[T]):
    """One match of a phrase in the text, with its proclitics and payloads. (Immutable; a named tuple rather
    than a frozen dataclass: the phrase scan makes ~200 per 4 KB article, and tuple.__new__ makes one for a
    fraction of a dataclass's six field assignments.)"""
    start: int          # normalized offset of the match itself (after any proclitics)
    end: int
    word_start: int     # start of the word, proclitics included
    prefix: str         # the proclitics before the match ('' when none)
    phrase: str
    payloads: tuple[T, ...]
