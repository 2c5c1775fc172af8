"""Tests of rasd.events.figures: which of a document's figures say an event's victims are civilians."""

from __future__ import annotations

from rasd.events.figures import victims_civilian
from rasd.records import Count


def _count(kind: str, value: int, who: str, scope: str, parent: int | None = None) -> Count:
    return Count(kind=kind, value=value, qualifier="exact", who=who, scope=scope, start=0, end=1, text="x",
                 parent=parent)


def test_figures_civilian_victims_by_incident_figures() -> None:
    assert victims_civilian([_count("killed", 12, "civilians", "incident")])
    assert victims_civilian([_count("wounded", 4, "children", "incident")])
    assert not victims_civilian([_count("killed", 5, "fighters", "incident"), _count("killed", 2, "civilians",
                                                                                    "incident")])


def test_figures_running_total_names_no_victims_of_the_event() -> None:
    # "more than 3,000 civilians are still missing since the war began": a campaign's toll, not this event's
    assert not victims_civilian([_count("missing", 3000, "civilians", "cumulative")])
    assert not victims_civilian([_count("killed", 900, "civilians", "cumulative"),
                                 _count("killed", 300, "children", "cumulative", parent=0)])
    # an incident's own civilian figure still says so beside a running total
    assert victims_civilian([_count("killed", 900, "total", "cumulative"), _count("killed", 6, "civilians",
                                                                                 "incident")])


def _at(kind: str, value: int, who: str, start: int, parent: int | None = None) -> Count:
    return Count(kind=kind, value=value, qualifier="exact", who=who, scope="incident", start=start, end=start + 1,
                 text="x", parent=parent)


def test_figures_total_told_with_women_and_children_after_it_is_of_civilians() -> None:
    # 18 قتيلا، بينهم 7 أطفال و4 نساء: the subsets after the total are women and children, both
    assert victims_civilian([_at("killed", 18, "total", 0), _at("killed", 7, "children", 5, 0),
                             _at("killed", 4, "women", 9, 0)])
    # children alone, or subsets before the total, or of another kind, do not say so
    assert not victims_civilian([_at("killed", 18, "total", 0), _at("killed", 7, "children", 5, 0)])
    assert not victims_civilian([_at("killed", 7, "children", 0, 2), _at("killed", 4, "women", 4, 2),
                                 _at("killed", 18, "total", 9)])
    assert not victims_civilian([_at("killed", 18, "total", 0), _at("wounded", 7, "children", 5, 0),
                                 _at("wounded", 4, "women", 9, 0)])
    # two totals: the later one's subsets are the later figures only
    assert not victims_civilian([_at("killed", 18, "total", 0), _at("killed", 7, "children", 5, 0),
                                 _at("killed", 4, "women", 9, 0), _at("killed", 3, "total", 20)])
