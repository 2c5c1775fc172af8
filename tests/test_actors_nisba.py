"""A country's nisba in every form a noun takes it (السوري، السورية، السوريين، ماليين، مالي) says whose national role a
bare noun names (resources.actors: the template countries' nisbas, read by the linker's `national`). All sentences
are our own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.resources.actors import ActorDictionary


def test_actors_nisba_forms_of_a_country() -> None:
    nisbas = dict(ActorDictionary.load().nisbas)
    assert {nisbas.get(w) for w in ("السوري", "السوريه", "السوريين", "سوريين")} == {"SY"}
    assert nisbas.get("ماليين") == "ML"  # (Mali has no definite form in the template: its indefinite one counts)


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("قتل سبعة جنود ماليين في كمين نصبه مسلحون قرب مدينة تمبكتو.", "جنود ماليين", "fama"),
    ("أصيب ثلاثة من الجنود السوريين في قصف على ريف حلب الشمالي.", "الجنود السوريين", "saa"),
    ("وقالت الحكومة العراقية إن الهجوم لن يمر دون عقاب.", "الحكومة العراقية", "iraq-government"),
])
def test_actors_nisba_after_a_national_noun_names_that_country(pipeline: Any, text: str, phrase: str,
                                                               actor: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02")
    found = [(m.text, m.ref) for m in rec.mentions if m.kind == "actor"]
    assert (phrase, actor) in found, found
