"""The dataclasses that write their __init__ out (rasd.records' docstring): each takes exactly its fields."""

from __future__ import annotations

import dataclasses
import importlib
import importlib.machinery
import inspect
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _written_out() -> list[type]:
    """Every dataclass of the compiled modules that has init=False and an __init__ of its own."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        names = tomllib.load(fh)["tool"]["rasd"]["compiled"]
    found = []
    for name in names:
        module = importlib.import_module("rasd." + name.replace("/", "."))
        for obj in vars(module).values():
            if (isinstance(obj, type) and obj.__module__ == module.__name__ and dataclasses.is_dataclass(obj)
                    and not obj.__dataclass_params__.init and "__init__" in vars(obj)):  # type: ignore[attr-defined]
                found.append(obj)
    return found


def test_records_written_out_inits_are_the_hot_types() -> None:
    names = {cls.__qualname__ for cls in _written_out()}
    assert {"Mention", "Event", "Span", "Count", "ActorRef", "LocationRef", "ActorMention", "TriggerHit",
            "Clause", "CountMatch", "NumberMatch", "Candidate", "PlaceCandidate", "Analysis", "Frame", "Before",
            "ScopeCues"} <= names


def test_records_written_out_inits_take_the_fields_in_order_with_their_defaults() -> None:
    for cls in _written_out():
        try:
            params = list(inspect.signature(cls).parameters.values())
        except ValueError:  # compiled, a default that is no literal gives no signature (the Python build checks it)
            assert not inspect.isfunction(cls.__init__), cls
            continue
        fields = [f for f in dataclasses.fields(cls) if f.init]
        assert [p.name for p in params] == [f.name for f in fields], cls
        for p, f in zip(params, fields, strict=True):
            assert f.default_factory is dataclasses.MISSING, (cls, f.name)
            if f.default is dataclasses.MISSING:
                assert p.default is inspect.Parameter.empty, (cls, f.name)
            else:
                assert p.default == f.default, (cls, f.name)


class _Value:
    """A distinct value for a field; iterable (empty), as a field another is derived from may be (Frame.at)."""

    def __iter__(self) -> Iterator[object]:
        return iter(())


def test_records_written_out_inits_set_every_field() -> None:
    for cls in _written_out():
        fields = [f for f in dataclasses.fields(cls) if f.init]
        values = {f.name: _Value() for f in fields}
        try:
            made = cls(**values)
        except TypeError:  # compiled: a native field takes only its type; it is then a compiled __init__
            assert not inspect.isfunction(cls.__init__), cls
            continue
        again = cls(*values.values())  # the same by position (fields that are no argument, as Frame.at, may differ)
        assert all(getattr(made, f.name) is values[f.name] is getattr(again, f.name) for f in fields), cls


def test_records_written_out_inits_run_compiled_in_the_compiled_build() -> None:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for cls in _written_out():
        compiled = str(importlib.import_module(cls.__module__).__file__).endswith(suffixes)
        assert inspect.isfunction(cls.__init__) != compiled, cls


def test_records_replaced_makes_what_dataclasses_replace_makes() -> None:
    from rasd.recognize.count_frame import CountMatch
    from rasd.records import ActorRef, Span, replaced

    ref = ActorRef("a1", "Army", "الجيش", "state_forces", country="SD", mentions=("m1",))
    for changes in ({}, {"mentions": ("m1", "m4")}, {"country": None, "affiliation": "a2"}):
        made = replaced(ref, **changes)
        assert made == dataclasses.replace(ref, **changes) and type(made) is ActorRef
    cm = CountMatch(3, 9, "killed", 5, "exact", "total", "incident", None, "5 قتلى", "number_noun", high=7)
    assert replaced(cm, scope="cumulative", goes_on=True) == dataclasses.replace(cm, scope="cumulative", goes_on=True)
    assert replaced(Span(1, 2), end=5) == Span(1, 5)
    with pytest.raises(TypeError):  # a field the class does not have
        replaced(Span(1, 2), middle=3)
