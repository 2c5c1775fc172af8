"""The first form of "condemn" (دان، دانت) and reinforcements struck, on sentences written for these tests: دان
condemns only with a word of an attack after it in its clause, its speaker between (ودان is also a town's name);
reinforcements after على are what a strike hit, no deployment."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline

_PUBLISHED = "2024-03-10"


def _plovers(pipeline: Pipeline, text: str) -> list[str]:
    return [e.plover for e in pipeline.extract_text(text, source="test", published=_PUBLISHED).events]


@pytest.mark.parametrize("text", [
    "ودان رئيس الوزراء الهجوم الذي استهدف السوق الشعبية في المدينة.",
    "ودانت وزارة الخارجية التفجير الذي وقع قرب مقر الشرطة.",
    "ودان رئيس الوزراء الصومالي الهجوم على الفندق.",
    "ودانت البعثة الأممية القصف العشوائي على الأحياء السكنية.",
])
def test_lexicon_first_form_of_condemn_with_an_attack_after_it_accuses(pipeline: Pipeline, text: str) -> None:
    assert "ACCUSE" in _plovers(pipeline, text)


@pytest.mark.parametrize("text", [
    "وصل الوفد الحكومي إلى ودان بعد ظهر اليوم.",
    "وقال سكان في ودان إن الكهرباء عادت إلى المدينة.",
    "ودان له الحكم سنوات طويلة قبل أن يرحل.",
])
def test_lexicon_first_form_of_condemn_without_an_attack_is_no_accusation(pipeline: Pipeline, text: str) -> None:
    assert "ACCUSE" not in _plovers(pipeline, text)


@pytest.mark.parametrize("text", [
    "ونفذ التحالف 14 غارة على تعزيزات للمتمردين في مديرية صرواح.",
    "وشنت الطائرات المسيرة غارات على حشود عسكرية للمتمردين قرب البلدة.",
    "وأغار الطيران على رتل للمسلحين على الطريق الدولي.",
])
def test_lexicon_reinforcements_struck_are_no_deployment(pipeline: Pipeline, text: str) -> None:
    plovers = _plovers(pipeline, text)
    assert "ASSAULT" in plovers and "MOBILIZE" not in plovers


@pytest.mark.parametrize("text", [
    "ودفع الجيش بتعزيزات عسكرية إلى محيط المدينة.",
    "ووصلت تعزيزات كبيرة إلى خطوط التماس جنوبي البلدة.",
])
def test_lexicon_reinforcements_sent_are_a_deployment(pipeline: Pipeline, text: str) -> None:
    assert "MOBILIZE" in _plovers(pipeline, text)
