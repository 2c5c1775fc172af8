"""A spokesman named after the organisation he speaks for (المتحدث باسم X، العقيد فلان) is none of the other parties:
the organisation speaks, and whom it accuses or rejects is the second side (roles.spokesman_named). All sentences
are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _sides(pipeline: Any, text: str) -> list[tuple[str | None, str | None]]:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    return [((ev["actor1"] or {}).get("id"), (ev["actor2"] or {}).get("id")) for ev in rec["events"]]


@pytest.mark.parametrize(("text", "speaker", "person", "other"), [
    # remit, comma and two ranks before the name
    ("ونفى المتحدث باسم التحالف العربي، العقيد الركن تركي المالكي، استهداف أي مواقع مدنية في مدينة صعدة.",
     "saudi-coalition", "turki-maliki", None),
    # no comma, the name right after the organisation; the accused after him
    ("واتهم المتحدث باسم الحوثيين يحيى سريع التحالف العربي بقصف سوق شعبي في صعدة.",
     "houthis", "yahya-saree", "saudi-coalition"),
    # another verb and a rank
    ("ورفض الناطق باسم الحوثيين العميد يحيى سريع الاتهامات التي وجهها التحالف العربي إلى الجماعة.",
     "houthis", "yahya-saree", None),
])
def test_roles_spokesman_is_no_other_party(pipeline: Any, text: str, speaker: str, person: str,
                                            other: str | None) -> None:
    sides = _sides(pipeline, text)
    assert any(a1 == speaker for a1, _ in sides), sides
    assert not any(a2 == person for _, a2 in sides), sides
    if other is not None:
        assert any(a1 == speaker and a2 == other for a1, a2 in sides), sides


def test_roles_person_after_a_title_of_office_still_acts(pipeline: Any) -> None:
    # (a minister's title, not a spokesman's: the person holds it and is the actor — roles.titled_person)
    sides = _sides(pipeline, "وأكد ممثل الأمم المتحدة الخاص في ليبيا، غسان سلامة، أن وقف القتال ما زال قائما حول طرابلس.")
    assert not any(a2 == "ghassan-salame" and a1 == "un" for a1, a2 in sides), sides
