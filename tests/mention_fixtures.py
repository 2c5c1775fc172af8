"""Shared helper of the recognizer tests that read the actor mentions of one sentence of our own."""

from __future__ import annotations

from typing import Any


def actor_mentions(pipeline: Any, text: str, published: str = "2024-05-02") -> list[tuple[str, str | None]]:
    """(text, dictionary id) of every actor mention the pipeline finds in `text`."""
    rec = pipeline.extract_text(text, published=published)
    return [(m.text, m.ref) for m in rec.mentions if m.kind == "actor"]
