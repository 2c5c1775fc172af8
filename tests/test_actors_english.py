"""The English names the template gives each country's generic actors: ACLED's own names for them ("Government of
X" for its officials and authorities, "Police Forces of X" for its police), filled from the country's {name_en}."""

from __future__ import annotations

import pytest

from rasd.resources.actors import ActorDictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(("actor", "english"), [
    ("officials-sa", "Government of Saudi Arabia"),
    ("officials-iq", "Government of Iraq"),
    ("police-sd", "Police Forces of Sudan"),
    ("authorities-ly", "Government of Libya"),
])
def test_actors_english_template_names_the_country(actors: ActorDictionary, actor: str, english: str) -> None:
    assert english in actors.get(actor).variants_en


def test_actors_english_saudi_officials_answer_to_acled_s_name(actors: ActorDictionary) -> None:
    assert "officials-sa" in {a.id for a in actors.lookup("مسؤولين سعوديين")[1]}
    assert "officials-sa" in {a.id for a in actors.find("government of saudi arabia")}


def test_actors_english_no_country_name_without_a_country(actors: ActorDictionary) -> None:
    # every filled English name has its country's name in it: nothing is left as a placeholder
    assert not [v for a in actors.actors for v in a.variants_en if "{" in v or "}" in v]
