"""The date lexicon: dates.yaml read into the word tables the date parser looks things up in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import yaml

from rasd.resources.datafiles import ResourceError
from rasd.text.normalize import normalize_name

_Cal = Literal["gregorian", "hijri"]
_Unit = Literal["hour", "day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Every word table of dates.yaml, normalized (multi-word entries as tuples of words)."""

    months: dict[tuple[str, ...], tuple[_Cal, int]]
    month_risk: dict[tuple[str, ...], str]
    risky_context: frozenset[str]
    month_modifiers: frozenset[str]
    month_word: frozenset[str]
    weekdays: dict[str, int]
    weekday_blockers: frozenset[str]
    today: frozenset[str]
    not_today_after: frozenset[str]
    yesterday: frozenset[str]
    day_before_yesterday: frozenset[tuple[str, ...]]
    tomorrow: frozenset[str]
    tomorrow_after_day_word: frozenset[str]
    day_word: frozenset[str]
    last_night: frozenset[tuple[str, ...]]
    day_parts: frozenset[tuple[str, ...]]
    qualifiers: dict[str, str]
    this: frozenset[str]
    periods: dict[str, _Unit]
    year_words: frozenset[str]
    bare_year_context: frozenset[str]
    suffix_greg: frozenset[str]
    suffix_hijri: frozenset[str]
    since: frozenset[str]
    ago: frozenset[str]
    since_starts: frozenset[str]
    period_starts: frozenset[str]
    just_now: frozenset[str]
    approx: frozenset[tuple[str, ...]]
    units: dict[str, tuple[_Unit, int | None]]
    cardinals: dict[str, int]
    vague: frozenset[str]
    recent_end: frozenset[str]
    ordinals: dict[tuple[str, ...], int]
    month_index: dict[str, tuple[tuple[str, ...], ...]]
    ordinal_index: dict[str, tuple[tuple[str, ...], ...]]


def _index(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


class _Node:
    """A YAML node with its line, read with yaml.compose so errors can name the line."""

    def __init__(self, node: yaml.Node, file: str) -> None:
        self.node = node
        self.file = file
        self.line = node.start_mark.line + 1

    def error(self, problem: str) -> ResourceError:
        """A ResourceError at this node's line."""
        return ResourceError(self.file, problem, line=self.line)

    def mapping(self) -> list[tuple[_Node, _Node]]:
        """The (key, value) node pairs of a mapping node."""
        if not isinstance(self.node, yaml.MappingNode):
            raise self.error("expected a mapping")
        return [(_Node(k, self.file), _Node(v, self.file)) for k, v in self.node.value]

    def get(self, key: str) -> _Node:
        """The value node of `key` in a mapping node."""
        for k, v in self.mapping():
            if k.scalar() == key:
                return v
        raise self.error(f"missing key {key!r}")

    def scalar(self) -> str:
        """The text of a single-value node."""
        if not isinstance(self.node, yaml.ScalarNode):
            raise self.error("expected a single value")
        return str(self.node.value)

    def integer(self) -> int:
        """The whole number of a single-value node."""
        try:
            return int(self.scalar())
        except ValueError:
            raise self.error(f"expected a whole number, got {self.scalar()!r}") from None

    def names(self) -> list[tuple[str, ...]]:
        """A list of Arabic entries, each normalized and split into words."""
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.error("expected a list")
        out: list[tuple[str, ...]] = []
        for item in self.node.value:
            sub = _Node(item, self.file)
            words = tuple(normalize_name(sub.scalar()).split())
            if not words:
                raise sub.error("empty entry")
            out.append(words)
        if not out:
            raise self.error("empty list")
        return out

    def words(self) -> frozenset[str]:
        """A list of single Arabic words, normalized."""
        out = set()
        for words in self.names():
            if len(words) != 1:
                raise self.error(f"expected single words, got {' '.join(words)!r}")
            out.add(words[0])
        return frozenset(out)


def _numbered(node: _Node, lo: int, hi: int) -> list[tuple[int, list[tuple[str, ...]], _Node]]:
    out = []
    for k, v in node.mapping():
        n = k.integer()
        if not lo <= n <= hi:
            raise k.error(f"{n} is outside {lo}..{hi}")
        out.append((n, v.names(), v))
    return out


def _months(root: _Node) -> dict[tuple[str, ...], tuple[_Cal, int]]:
    """Month names of both calendars → (calendar, month number); each calendar must list 1..12."""
    months: dict[tuple[str, ...], tuple[_Cal, int]] = {}
    cal: _Cal
    for cal, key in (("gregorian", "gregorian_months"), ("hijri", "hijri_months")):
        seen = set()
        for n, names, v in _numbered(root.get(key), 1, 12):
            seen.add(n)
            for name in names:
                if name in months and months[name] != (cal, n):
                    raise v.error(f"month name {' '.join(name)!r} given twice")
                months[name] = (cal, n)
        if seen != set(range(1, 13)):
            raise root.get(key).error(f"{key} must list months 1..12")
    return months


def _month_risk(root: _Node, months: dict[tuple[str, ...], tuple[_Cal, int]]) -> dict[tuple[str, ...], str]:
    """Risky month names → "strict" or "context" (how much evidence they need to be read as a month)."""
    risk: dict[tuple[str, ...], str] = {}
    risky = root.get("risky_months")
    for level in ("strict", "context"):
        for name in risky.get(level).names():
            if name not in months:
                raise risky.get(level).error(f"risky month {' '.join(name)!r} is not a month name")
            risk[name] = level
    return risk


def _single_words(root: _Node, key: str, lo: int, hi: int, what: str) -> dict[str, int]:
    """A numbered section whose names are single words (weekdays, cardinals) → word: number."""
    out: dict[str, int] = {}
    for n, names, v in _numbered(root.get(key), lo, hi):
        for name in names:
            if len(name) != 1:
                raise v.error(f"{what} are single words")
            out[name[0]] = n
    return out


def _weekdays(root: _Node) -> dict[str, int]:
    """Weekday names → Python weekday number (Monday 0); all seven days must be named."""
    weekdays = _single_words(root, "weekdays", 0, 6, "weekday names")
    if sorted(set(weekdays.values())) != list(range(7)):
        raise root.get("weekdays").error("weekdays must list days 0..6")
    return weekdays


def _qualifiers(root: _Node) -> dict[str, str]:
    """Qualifier words (الماضي، الجاري، المقبل …) → before, current, next or recent."""
    qualifiers: dict[str, str] = {}
    qnode = root.get("qualifiers")
    for label in ("before", "current", "next", "recent"):
        for w in qnode.get(label).words():
            qualifiers[w] = label
    return qualifiers


def _periods(root: _Node) -> dict[str, _Unit]:
    """Period nouns (الأسبوع، الشهر، العام …) → their unit."""
    periods: dict[str, _Unit] = {}
    pnode = root.get("periods")
    punit: _Unit
    for punit in ("week", "month", "year"):
        for w in pnode.get(punit).words():
            periods[w] = punit
    return periods


def _units(root: _Node) -> dict[str, tuple[_Unit, int | None]]:
    """Duration unit words → (unit, the count the form itself says: 1, 2 for a dual, None for a plural)."""
    units: dict[str, tuple[_Unit, int | None]] = {}
    unode = root.get("duration_units")
    unit: _Unit
    for unit in ("hour", "day", "week", "month", "year"):
        sub = unode.get(unit)
        for form, count in (("one", 1), ("two", 2), ("many", None)):
            for w in sub.get(form).words():
                units[w] = (unit, count)
    return units


def _ordinals(root: _Node) -> dict[tuple[str, ...], int]:
    """Ordinal day phrases (الأول، الحادي عشر، الخامس والعشرين …) → day number 1..31."""
    ordinals: dict[tuple[str, ...], int] = {}
    onode = root.get("ordinal_days")
    for n, names, _ in _numbered(onode.get("units"), 1, 9):
        for name in names:
            ordinals[name] = n
    for name in onode.get("ten").names():
        ordinals[name] = 10
    teen = onode.get("teen").words()
    tens = _numbered(onode.get("tens"), 20, 30)
    _add_compound_ordinals(ordinals, _numbered(onode.get("compound_units"), 1, 9), teen, tens)
    for tn, tnames, _ in tens:
        for tname in tnames:
            ordinals[tname] = tn
    return ordinals


def _add_compound_ordinals(ordinals: dict[tuple[str, ...], int],
                           units: list[tuple[int, list[tuple[str, ...]], _Node]], teen: frozenset[str],
                           tens: list[tuple[int, list[tuple[str, ...]], _Node]]) -> None:
    """The compound ordinals: unit + عشر (الحادي عشر) and unit + و + tens, written with و joined to the tens
    word or apart (الخامس والعشرين، الخامس و العشرين), up to 31."""
    for n, names, _ in units:
        for name in names:
            for t in teen:
                ordinals[(*name, t)] = 10 + n
            for tn, tnames, _ in tens:
                if tn + n > 31:
                    continue
                for tname in tnames:
                    ordinals[(*name, "و" + tname[0], *tname[1:])] = tn + n
                    ordinals[(*name, "و", *tname)] = tn + n


def _build_lexicon(root: _Node) -> _Lexicon:
    """The lexicon from the root node of dates.yaml; a ResourceError names the line of any malformed entry."""
    # built in the file's order, so that of several errors the first one is reported
    months = _months(root)
    risk = _month_risk(root, months)
    weekdays = _weekdays(root)
    qualifiers = _qualifiers(root)
    periods = _periods(root)
    units = _units(root)
    cardinals = _single_words(root, "cardinals", 1, 100, "cardinals")
    ordinals = _ordinals(root)
    return _Lexicon(
        months=months, month_risk=risk,
        risky_context=root.get("risky_month_context").words(),
        month_modifiers=root.get("month_modifiers").words(),
        month_word=root.get("month_word").words(),
        weekdays=weekdays, weekday_blockers=root.get("weekday_blockers").words(),
        today=root.get("today").words(), not_today_after=root.get("not_today_after").words(), yesterday=root.get("yesterday").words(),
        day_before_yesterday=frozenset(root.get("day_before_yesterday").names()),
        tomorrow=root.get("tomorrow").words(),
        tomorrow_after_day_word=root.get("tomorrow_after_day_word").words(),
        day_word=root.get("day_word").words(),
        last_night=frozenset(root.get("last_night").names()),
        day_parts=frozenset(root.get("day_parts").names()),
        qualifiers=qualifiers, this=root.get("this").words(), periods=periods,
        year_words=root.get("year_words").words(),
        bare_year_context=root.get("bare_year_context").words(),
        suffix_greg=root.get("year_suffix_gregorian").words(),
        suffix_hijri=root.get("year_suffix_hijri").words(),
        since=root.get("since").words(), ago=root.get("ago").words(),
        since_starts=root.get("since_starts").words(),
        period_starts=root.get("period_starts").words(),
        just_now=root.get("just_now").words(),
        approx=frozenset(root.get("approx").names()),
        units=units, cardinals=cardinals, vague=root.get("vague_cardinals").words(),
        recent_end=root.get("recent_period_end").words(),
        ordinals=ordinals, month_index=_index(months), ordinal_index=_index(ordinals),
    )
