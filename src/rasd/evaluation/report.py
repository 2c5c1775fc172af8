"""The evaluation report: P/R/F1 per field, and the misses and false alarms behind them."""

from __future__ import annotations

from dataclasses import dataclass

FIELDS: tuple[str, ...] = ("counts", "counts_who", "acled_types", "plover_types", "places", "actors", "events",
                           "dates")
EXTRA_FIELDS: frozenset[str] = frozenset({"dates"})  # rasd's own, not in FORMAT.md
METRICS: tuple[str, ...] = ("precision", "recall", "f1")


@dataclass(frozen=True, slots=True)
class FieldScore:
    """True positives, predictions and gold items of one field, with P/R/F1."""
    field: str
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        """tp / predicted (0 without predictions)."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """tp / gold (0 without gold items)."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def metric(self, name: str) -> float:
        """precision, recall or f1 by name."""
        if name not in METRICS:
            raise ValueError(f"unknown metric {name!r}; expected one of {', '.join(METRICS)}")
        return float(getattr(self, name))


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One miss or false alarm: the article, the field, the item and its context."""
    article: str
    field: str
    kind: str  # "miss" (gold item not predicted) | "false_alarm" (predicted item not in gold)
    item: str
    context: str


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The scores of every field over a corpus, with the mismatches."""
    fields: tuple[FieldScore, ...]
    articles: int
    failed: tuple[str, ...]
    mismatches: tuple[Mismatch, ...]

    def field(self, name: str) -> FieldScore:
        """The score of one field."""
        for f in self.fields:
            if f.field == name:
                return f
        raise KeyError(name)
