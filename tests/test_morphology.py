"""Verb morphology for trigger lemmas (resources/morphology.py, data/morphology.yaml): the forms a lemma generates."""

from __future__ import annotations

import pytest

from rasd.resources.datafiles import ResourceError
from rasd.resources.morphology import Lemma, Morphology, parse_lemma
from rasd.text.normalize import normalize_name


@pytest.fixture(scope="module")
def morph() -> Morphology:
    return Morphology.load()


def _forms(morph: Morphology, raw: object) -> dict[str, str]:
    return {f.text: f.label for f in morph.inflect(parse_lemma(raw, "test", "lemma"))}


def test_morphology_past_present_and_passive_of_a_form_one_verb(morph: Morphology) -> None:
    forms = _forms(morph, {"verb": "قصف", "nouns": ["قصف"], "participles": True})
    # past and present, every person; the passive (قُصفت، يُقصف) is the same letters once normalized
    for word in ("قصف", "قصفت", "قصفوا", "قصفنا", "تقصف", "يقصفون", "نقصف", normalize_name("قُصفت")):
        assert word in forms, word
    assert forms["يقصفون"].startswith("present")
    # object pronouns, the silent alef of وا dropping before one
    assert "قصفوها" in forms and "قصفوه" in forms and "قصفواه" not in forms
    # verbal noun with its suffixes, and the form I participles
    assert forms["قصفات"].startswith("noun") and forms["قاصفه"].startswith("participle")
    assert "مقصوف" in forms and forms["مقصوفين"].startswith("participle")


def test_morphology_derived_forms_lose_their_alef_in_the_present(morph: Morphology) -> None:
    for past, present, participle in (("انسحب", "ينسحب", "منسحب"), ("اعتقل", "يعتقل", "معتقل"),
                                      ("استهدف", "يستهدف", "مستهدف")):
        forms = _forms(morph, {"verb": past, "participles": True})
        assert present in forms and participle in forms, past
    # a hollow verb names its present stem: زار → يزور، استعاد → يستعيد
    assert "يزورون" in _forms(morph, {"verb": "زار", "present": "زور"})
    assert "يستعيدون" in _forms(morph, {"verb": "استعاد", "present": "ستعيد"})


def test_morphology_intransitive_past_only_and_fixed_words(morph: Morphology) -> None:
    assert not any(f.endswith("ها") for f in _forms(morph, {"verb": "انسحب", "objects": False}))
    past_only = _forms(morph, {"verb": "سيطر", "tenses": "past"})
    assert "سيطرت" in past_only and "تسيطر" not in past_only
    # the first word of a phrase lemma inflects; its last word takes a pronoun (نشرت قواتها)
    phrase = _forms(morph, "حشد قوات")
    assert {"حشدت قوات", "يحشدون قوات", "حشدت قواتها"} <= set(phrase)


def test_morphology_guards_short_stems_the_stoplist_and_feminine_h(morph: Morphology) -> None:
    short = _forms(morph, "حث")  # a two-letter stem: subject forms only, nothing a noun could be
    assert {"حث", "حثت", "يحث"} <= set(short) and "حثها" not in short
    assert "ياسر" not in _forms(morph, "اسر")  # a name, not "he captures"
    # stem + ه is no object pronoun: normalized it is a noun in ة (زارة of وزارة، استعادة)
    assert "زاره" not in _forms(morph, {"verb": "زار", "present": "زور"})
    assert "استعاده" not in _forms(morph, "استعاد")
    assert "استعادته" in _forms(morph, "استعاد")


def test_morphology_lemma_entries_are_checked() -> None:
    with pytest.raises(ResourceError):
        parse_lemma(3, "triggers.yaml", "lemma")
    with pytest.raises(ResourceError):
        parse_lemma({"present": "قصف"}, "triggers.yaml", "lemma")
    lemma = parse_lemma({"verb": "دفع", "with": ["تعزيزات"]}, "t", "l")
    assert lemma == Lemma(verb="دفع", needs=("تعزيزات",)) and lemma.name == "دفع"


def test_morphology_present_persons_take_only_their_suffixes(morph: Morphology) -> None:
    forms = _forms(morph, {"verb": "قصف"})
    # the third person masculine takes the feminine plural (يقصفن), the second person its feminine (تقصفين)
    assert {"يقصفن", "تقصفين", "نقصف", "يقصفان"} <= set(forms)
    # the first person is singular only, and ي takes no second person feminine: these are no words
    assert not {"نقصفون", "اقصفان", "يقصفين"} & set(forms)


def test_morphology_nouns_in_taa_marbuta_take_their_suffixes_after_t(morph: Morphology) -> None:
    forms = _forms(morph, {"verb": "داهم", "nouns": ["مداهمة"]})
    assert {"مداهمه", "مداهمات", "مداهمتها", "مداهماتهم", "مداهمتين"} <= set(forms)
    assert not {"مداهمهات", "مداهمهها"} & set(forms)
    # a noun without ة keeps its plain suffixes, but no bare ه (خلال انسحابه tells a circumstance)
    plain = _forms(morph, {"verb": "انسحب", "nouns": ["انسحاب"], "objects": False})
    assert {"انسحابها", "انسحابات"} <= set(plain) and "انسحابه" not in plain


def test_morphology_proclitic_runs_one_source() -> None:
    # (the recognizers strip proclitics by these runs: a conjunction, a preposition, with the article لل for ل + ال)
    from rasd.resources.morphology import PROCLITIC_LETTERS, proclitic_runs

    plain = proclitic_runs()
    assert set(plain) == {"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}
    definite = proclitic_runs(article=True)
    assert {"ال", "وال", "بال", "لل", "ولل", "وبال"} <= set(definite) and "لال" not in definite
    assert [len(r) for r in definite] == sorted((len(r) for r in definite), reverse=True)  # (longest first)
    assert set(PROCLITIC_LETTERS) == {"و", "ف", "ب", "ل"}


def test_morphology_speaker_present_keeps_only_the_first_person(morph: Morphology) -> None:
    # tenses past+speaker: the past, and the present of the first person only (a speaker's own act: نطالب، أرفض);
    # the third person's present (مظاهرات تطالب بـ…) stays out, as with tenses past
    forms = set(_forms(morph, {"verb": "طالب", "tenses": "past+speaker"}))
    assert {"طالب", "طالبت", "طالبوا", "نطالب", "اطالب", "نطالبها"} <= forms
    assert not {"يطالب", "تطالب", "يطالبون"} & forms
    past_only = set(_forms(morph, {"verb": "طالب", "tenses": "past"}))
    assert "نطالب" not in past_only
