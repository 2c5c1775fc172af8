"""Tests of the actor dictionary and of the analyst functions over both resources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasd.resources.actors import (
    KINDS,
    ActorDictionary,
    explain_find,
    feminine_nisba,
    format_stats,
    validate_all,
)
from rasd.resources.datafiles import ResourceError
from rasd.resources.gazetteer import Gazetteer
from rasd.text.normalize import normalize_name


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _ids(d: ActorDictionary, text: str) -> set[str]:
    return {a.id for a in d.find(normalize_name(text))}


def test_actors_load_enough_entries(actors: ActorDictionary) -> None:
    assert len(actors.actors) >= 150
    assert len([a for a in actors.actors if a.source.split(":")[0] != "generic.yaml"]) >= 150
    assert {a.kind for a in actors.actors} <= set(KINDS)


def test_actors_validate_has_no_errors(actors: ActorDictionary) -> None:
    assert [p for p in actors.validate() if p.startswith("ERROR")] == []


def test_actors_all_names_of_the_lna_map_to_one_entry(actors: ActorDictionary) -> None:
    for name in ("الجيش الوطني الليبي", "الجيش الليبي", "قوات حفتر", "قوات القيادة العامة", "قوات الكرامة",
                 "ميليشيات حفتر", "مليشيات حفتر", "القيادة العامة للقوات المسلحة العربية الليبية"):
        assert "lna" in _ids(actors, name), name
    for name in ("حكومة الوفاق الوطني", "حكومة الوفاق", "الوفاق", "قوات الوفاق", "قوات حكومة الوفاق"):
        assert "gna" in _ids(actors, name), name
    assert "volcano-of-rage" in _ids(actors, "قوات بركان الغضب")
    assert "presidential-council" in _ids(actors, "المجلس الرئاسي")
    assert actors.get("volcano-of-rage").affiliation == "gna"


def test_actors_framing_is_on_the_name_not_the_actor(actors: ActorDictionary) -> None:
    def framing(text: str, actor_id: str) -> str | None:
        infos = [n for n in actors.name_info(normalize_name(text)) if n.actor_id == actor_id]
        assert infos, text
        return infos[0].framing

    assert framing("ميليشيات حفتر", "lna") == "hostile"
    assert framing("قوات حفتر", "lna") is None
    assert framing("جيش الاحتلال", "idf") == "hostile"
    assert framing("قوات الاحتلال", "idf") == "hostile"
    assert framing("الجيش الإسرائيلي", "idf") is None
    assert framing("الجنجويد", "rsf") == "hostile"
    assert framing("مليشيا الدعم السريع", "rsf") == "hostile"
    assert framing("الميليشيات الحوثية", "houthis") == "hostile"
    assert framing("أنصار الله", "houthis") is None
    assert actors.get("lna").kind == "state_forces"


def test_actors_persons_have_roles_and_affiliations(actors: ActorDictionary) -> None:
    haftar = actors.get("haftar")
    assert haftar.affiliation == "lna" and haftar.kind == "person" and haftar.role
    assert {"حفتر", "خليفة حفتر", "المشير خليفة حفتر"} <= set(haftar.variants_ar)
    assert {"المشير", "الرجل القوي في ليبيا"} <= set(haftar.descriptions_ar)
    sarraj = actors.get("sarraj")
    assert sarraj.affiliation == "gna"
    assert "sarraj" in _ids(actors, "فائز السراج") and "sarraj" in _ids(actors, "فايز السراج")
    assert actors.get("merkel").role and "merkel" in _ids(actors, "أنجيلا ميركل")
    assert "conte" in _ids(actors, "جوزيبي كونتي") and "macron" in _ids(actors, "إيمانويل ماكرون")
    assert "le-drian" in _ids(actors, "جان ايف لودريان")
    for a in actors.actors:
        if a.kind == "person":
            assert a.role, a.id


def test_actors_descriptions_are_flagged_descriptive(actors: ActorDictionary) -> None:
    names = [n for n in actors.names() if n.actor_id == "haftar"]
    desc = {n.text for n in names if n.descriptive}
    assert "الرجل القوي في ليبيا" in desc and "المشير" in desc
    assert not any(n.descriptive for n in names if n.text == "خليفة حفتر")


def test_actors_conflict_entries_exist(actors: ActorDictionary) -> None:
    expected = {
        "قوات النظام": "saa", "قسد": "sdf", "هيئة تحرير الشام": "hts", "الجيش الوطني السوري": "sna",
        "داعش": "islamic-state", "تنظيم الدولة": "islamic-state", "المرصد السوري لحقوق الإنسان": "sohr",
        "الحوثيون": "houthis", "جماعة الحوثي": "houthis", "قوات الحكومة الشرعية": "yemen-government-forces",
        "التحالف العربي": "saudi-coalition", "المجلس الانتقالي الجنوبي": "stc",
        "القاعدة في جزيرة العرب": "aqap", "الجيش السوداني": "saf", "قوات الدعم السريع": "rsf",
        "حميدتي": "hemedti", "البرهان": "burhan", "الحشد الشعبي": "pmf", "البيشمركة": "peshmerga",
        "حركة حماس": "hamas", "كتائب القسام": "qassam-brigades", "سرايا القدس": "saraya-al-quds",
        "الجهاد الإسلامي": "pij", "إسماعيل هنية": "haniyeh", "نتنياهو": "netanyahu", "الأمم المتحدة": "un",
        "اللجنة الدولية للصليب الأحمر": "icrc", "أطباء بلا حدود": "msf", "الاتحاد الأفريقي": "au",
        "الاتحاد الأوروبي": "eu", "جامعة الدول العربية": "arab-league", "غسان سلامة": "ghassan-salame",
        "أردوغان": "erdogan", "بوتين": "putin", "مسلحون مجهولون": "unidentified-armed-group-ly",
    }
    for text, aid in expected.items():
        assert aid in _ids(actors, text), text


def test_actors_generic_entries_exist_per_country(actors: ActorDictionary) -> None:
    civ = _ids(actors, "مدنيين")
    assert {"civilians-ly", "civilians-sy", "civilians-ye", "civilians-ps", "civilians-sd"} <= civ
    assert actors.get("civilians-ly").name_en == "Civilians (Libya)"
    assert actors.get("migrants-ly").name_en == "Migrants (Libya)"
    assert "protesters-ly" in _ids(actors, "متظاهرين")


def test_actors_generic_template_makes_every_kind_for_every_country(actors: ActorDictionary) -> None:
    generic = [a for a in actors.actors if a.source.split(":")[0] == "generic.yaml"]
    countries = {a.country for a in generic}
    assert len(countries) == 243  # (every country of the gazetteer)
    officials = {a.country for a in generic if a.id.startswith("officials-")}  # (needs a country's adjective)
    armies = {a.country for a in generic if a.id.startswith("military-")}  # (where no file names the forces)
    assert len(generic) == 9 * 243 + len(officials) + len(armies) and len({a.id for a in generic}) == len(generic)
    assert {"SY", "RU", "CO", "IN"} <= officials and not {"MM", "CF", "KR"} & officials
    sy = actors.get("civilians-sy")
    assert sy.country == "SY" and sy.kind == "civilians" and sy.name_ar == "مدنيين"
    assert sy.variants_en == ("Civilians (Syria)", "Civilians", "Syrian civilians")
    assert {"مدنيين سوريين", "سوريين مدنيين", "المدنيين السوريين"} <= set(sy.variants_ar)
    # a country without a definite adjective gets no variant that needs one
    assert not any(v.startswith("المدنيين ") and v != "المدنيين" for v in actors.get("civilians-ml").variants_ar)
    assert actors.get("unidentified-armed-group-jo").name_en == "Unidentified Armed Group (Jordan)"


_TEMPLATE = """template:
  countries:
    - {code: LY, name_en: Libya, adjective_en: Libyan, adjective_ar: ليبيين, definite_ar: الليبيين}
    - {code: ML, name_en: Mali, adjective_en: Malian, adjective_ar: ماليين}
  kinds:
    - id_prefix: guards
      name_en: Guards
      name_ar: حراس
      kind: civilians
      variants_en: ["{adjective_en} guards"]
      variants_ar: [حراس, "حراس {adjective_ar}", "الحراس {definite_ar}"]
actors:
  - id: x
    name_en: X
    name_ar: جماعة التجربة
    kind: rebel_group
"""


def test_actors_template_expands_in_order_beside_hand_entries(tmp_path: Path) -> None:
    _write(tmp_path, _TEMPLATE)
    d = ActorDictionary.load(str(tmp_path))
    assert [a.id for a in d.actors] == ["x", "guards-ly", "guards-ml"]  # (the template's after the hand-written)
    ly, ml = d.get("guards-ly"), d.get("guards-ml")
    assert ly.name_en == "Guards (Libya)" and ly.variants_en == ("Guards (Libya)", "Libyan guards")
    assert ly.variants_ar == ("حراس", "حراس ليبيين", "الحراس الليبيين")
    assert ml.variants_ar == ("حراس", "حراس ماليين") and ml.country == "ML"
    assert ly.source == "test.yaml:6" and d.get("x").source == "test.yaml:13"


def test_actors_template_rejects_an_unknown_placeholder(tmp_path: Path) -> None:
    _write(tmp_path, _TEMPLATE.replace("{adjective_ar}", "{adjective_fr}"))
    with pytest.raises(ResourceError, match="adjective_fr"):
        ActorDictionary.load(str(tmp_path))
    _write(tmp_path, _TEMPLATE.replace("adjective_en: Libyan,", "adjective_en: Libyan, capital: Tripoli,"))
    with pytest.raises(ResourceError, match="capital"):
        ActorDictionary.load(str(tmp_path))


def test_actors_lookup_strips_clitics(actors: ActorDictionary) -> None:
    form, found = actors.lookup("لقوات حفتر")
    assert form == normalize_name("قوات حفتر") and [a.id for a in found] == ["lna"]
    form, found = actors.lookup("وللأمم المتحدة")
    assert "un" in {a.id for a in found}


def _write(tmp: Path, text: str) -> None:
    (tmp / "test.yaml").write_text(text, encoding="utf-8")


def test_actors_validation_flags_common_one_word_names(tmp_path: Path) -> None:
    (tmp_path / "stopwords.txt").write_text("الجيش\n", encoding="utf-8")
    _write(tmp_path, "actors:\n  - id: x\n    name_en: X\n    name_ar: جيش التجربة\n    kind: state_forces\n"
                     "    variants_ar: [الجيش]\n")
    with pytest.raises(ResourceError, match="common word"):
        ActorDictionary.load(str(tmp_path))
    _write(tmp_path, "actors:\n  - id: x\n    name_en: X\n    name_ar: جيش التجربة\n    kind: state_forces\n"
                     "    descriptions_ar: [الجيش]\n")
    d = ActorDictionary.load(str(tmp_path))
    assert [n.descriptive for n in d.names() if n.text == "الجيش"] == [True]


def test_actors_validation_checks_affiliations_and_kinds(tmp_path: Path) -> None:
    _write(tmp_path, "actors:\n  - id: x\n    name_en: X\n    name_ar: شخص ما\n    kind: person\n"
                     "    role: tester\n    affiliation: nobody\n")
    with pytest.raises(ResourceError, match="affiliation nobody does not exist"):
        ActorDictionary.load(str(tmp_path))
    _write(tmp_path, "# c\nactors:\n  - id: x\n    name_en: X\n    name_ar: شخص ما\n    kind: wizard\n")
    with pytest.raises(ResourceError) as err:
        ActorDictionary.load(str(tmp_path))
    assert "test.yaml:6" in str(err.value) and "wizard" in str(err.value)  # the line of the bad kind


def test_actors_validation_rejects_duplicate_ids(tmp_path: Path) -> None:
    _write(tmp_path, "actors:\n  - id: x\n    name_en: X\n    name_ar: شخص ما\n    kind: civilians\n"
                     "  - id: x\n    name_en: Y\n    name_ar: شخص آخر\n    kind: civilians\n")
    with pytest.raises(ResourceError, match="duplicate actor id x"):
        ActorDictionary.load(str(tmp_path))


def test_actors_stats_and_analyst_functions(actors: ActorDictionary, gaz: Gazetteer) -> None:
    st = actors.stats()
    assert st.actors == len(actors.actors) and dict(st.by_kind)["person"] > 30
    text = format_stats(gaz, actors)
    assert "gazetteer:" in text and "actors:" in text and "LY" in text
    explained = explain_find(gaz, actors, "وطرابلس", doc_country="LY")
    assert "→ place ly-tripoli" in explained and "lb-tripoli" in explained
    assert "actor lna" in explain_find(gaz, actors, "ميليشيات حفتر")
    assert "hostile" in explain_find(gaz, actors, "ميليشيات حفتر")
    assert "nothing found" in explain_find(gaz, actors, "كلمة لا معنى لها")
    assert [p for p in validate_all(gaz, actors) if "ERROR" in p] == []


# ---------------------------------------------------------------------- full scale (issue 3)
def test_actors_full_scale_count_and_conflicts(actors: ActorDictionary) -> None:
    assert len(actors.actors) >= 430
    by_country: dict[str, int] = {}
    for a in actors.actors:
        by_country[a.country or "-"] = by_country.get(a.country or "-", 0) + 1
    for country, least in {"LY": 80, "SY": 50, "IQ": 30, "YE": 35, "SD": 35, "PS": 35, "IL": 20, "LB": 15,
                           "SO": 15, "SS": 10, "ML": 8}.items():
        assert by_country.get(country, 0) >= least, country


@pytest.mark.parametrize(("name", "actor_id"), [
    ("لواء فاطميون", "fatemiyoun"), ("لواء زينبيون", "zainabiyoun"), ("فيلق الشام", "faylaq-al-sham"),
    ("الأسايش", "asayish"), ("فيلق القدس", "quds-force"), ("الفيلق الأفريقي", "africa-corps"),
    ("منظمة بدر", "badr-organization"), ("حركة النجباء", "nujaba"), ("كتائب سيد الشهداء", "kataib-sayyid-al-shuhada"),
    ("الجيش اللبناني", "laf"), ("حركة أمل", "amal"), ("قوات اليونيفيل", "unifil"), ("قوة الرضوان", "radwan-force"),
    ("التجمع اليمني للإصلاح", "islah"), ("طارق صالح", "tareq-saleh"), ("قوات النخبة الحضرمية", "hadrami-elite"),
    ("عبد العزيز الحلو", "abdelaziz-hilu"), ("المقاومة الشعبية المسلحة", "popular-resistance-sudan"),
    ("الحركة الشعبية لتحرير السودان في المعارضة", "spla-io"), ("سلفا كير", "salva-kiir"),
    ("حركة الشباب المجاهدين", "al-shabaab"), ("الجيش الصومالي", "somali-national-army"), ("أتميس", "atmis"),
    ("جماعة نصرة الإسلام والمسلمين", "jnim"), ("الجيش المالي", "fama"), ("اللواء 444 قتال", "brigade-444"),
    ("غنيوة", "abdulghani-kikli"), ("عرين الأسود", "lions-den"), ("كتيبة جنين", "jenin-brigade"),
    ("حرس الحدود الإسرائيلي", "israel-border-police"), ("إيتمار بن غفير", "itamar-ben-gvir"),
    ("نعيم قاسم", "naim-qassem"), ("محمد شياع السوداني", "mohammed-shia-sudani"),
])
def test_actors_full_scale_names_resolve(actors: ActorDictionary, name: str, actor_id: str) -> None:
    assert actor_id in {a.id for a in actors.lookup(name)[1]}, name


def test_actors_everyday_words_are_only_descriptions(actors: ActorDictionary) -> None:
    """Bare الشباب (young people), القاعدة (the rule), الجيش الأبيض (medical staff), الحرس الجمهوري (any
    country's) name an actor only when the document supports it."""
    for text, actor_id in [("الشباب", "al-shabaab"), ("القاعدة", "al-qaeda"), ("الجيش الأبيض", "white-army"),
                           ("الحرس الجمهوري", "syria-republican-guard"), ("المقاومة الشعبية", "popular-resistance-sudan")]:
        infos = [n for n in actors.name_info(normalize_name(text)) if n.actor_id == actor_id]
        assert infos and all(n.descriptive for n in infos), text
    for bare in ("الحلو", "المالكي"):
        assert not [n for n in actors.name_info(normalize_name(bare)) if not n.descriptive
                    and n.actor_id in ("abdelaziz-hilu", "nouri-maliki")], bare


def test_actors_persons_carry_dates_and_affiliations(actors: ActorDictionary) -> None:
    for a in actors.actors:
        if a.valid_from and a.valid_to:
            assert a.valid_from <= a.valid_to, a.id
    assert actors.get("tareq-saleh").affiliation == "national-resistance-yemen"
    assert actors.get("naim-qassem").affiliation == "hezbollah"
    assert actors.get("herzi-halevi").valid_to == "2025-03-05" == actors.get("eyal-zamir").valid_from
    assert actors.get("quds-force").affiliation == "irgc"
    # a unit and its parent never share a name the validator cannot resolve
    assert not [p for p in actors.validate() if p.startswith("WARN") and "needs context" in p]


def test_actors_template_feminine_nisba_from_the_definite_plural(tmp_path: Path) -> None:
    _write(tmp_path, _TEMPLATE.replace('"الحراس {definite_ar}"', '"الحراسة {feminine_ar}"'))
    d = ActorDictionary.load(str(tmp_path))
    assert "الحراسة الليبية" in d.get("guards-ly").variants_ar
    assert not any(v.startswith("الحراسة") for v in d.get("guards-ml").variants_ar)  # (Mali: no definite form)
    assert feminine_nisba("السوريين") == "السورية" and feminine_nisba(None) is None and feminine_nisba("الكرد") is None


def test_actors_template_country_without_adjectives(tmp_path: Path) -> None:
    """A country with no Arabic adjective gets the shared nouns only: no variant and no kind whose name needs one."""
    _write(tmp_path, _TEMPLATE.replace("    - {code: ML", "    - {code: MM, name_en: Myanmar}\n    - {code: ML"))
    d = ActorDictionary.load(str(tmp_path))
    mm = d.get("guards-mm")
    assert mm.name_en == "Guards (Myanmar)" and all("{" not in v for v in (*mm.variants_ar, *mm.variants_en))


def test_actors_template_broken_plural_takes_its_own_feminine(actors: ActorDictionary) -> None:
    """الروس، الألمان، المغاربة are no sound plurals: the country's own feminine makes الشرطة الروسية and its
    nisba (وزارة الخارجية الروسية)."""
    assert "الشرطة الروسية" in actors.get("police-ru").variants_ar
    assert "السلطات المغربية" in actors.get("authorities-ma").variants_ar
    assert "مدنيين ألمان" in actors.get("civilians-de").variants_ar
    assert {normalize_name("الروسية"), normalize_name("الروسي")} <= {n for n, c in actors.nisbas if c == "RU"}


def test_actors_template_army_only_where_no_file_names_the_forces(actors: ActorDictionary) -> None:
    """Who "the army" is in Libya, Yemen or Israel is their files' to say: no template army there."""
    assert actors.get("military-co").national == ("army", "government_forces")
    for code in ("ly", "ye", "il", "sy", "us"):
        with pytest.raises(KeyError):
            actors.get(f"military-{code}")
    assert not any(a.id == "military-gf" for a in actors.actors)  # (a dependent territory has no army)


def test_actors_hand_written_entry_wins_over_the_template(tmp_path: Path) -> None:
    _write(tmp_path, _TEMPLATE.replace("name_ar: جماعة التجربة", "name_ar: حراس ليبيين\n    country: LY"))
    d = ActorDictionary.load(str(tmp_path))
    assert [a.id for a in d.find(normalize_name("حراس ليبيين"))][0] == "x"


def test_actors_generic_security_forces_and_unnamed_groups(actors: ActorDictionary) -> None:
    # own phrases: a country's security forces, police and authorities without its name; unnamed gunmen
    assert "security-forces-iq" in _ids(actors, "القوات الأمنية")
    assert "police-sd" in _ids(actors, "رجال الشرطة")
    assert "authorities-ly" in _ids(actors, "السلطات الليبية")
    assert "authorities-ml" not in _ids(actors, "السلطات الليبية")
    for phrase in ("مجموعة مسلحة", "مسلحون ملثمون", "مجهولين", "عصابات مسلحة"):
        assert "unidentified-armed-group-ye" in _ids(actors, phrase), phrase


# unnamed groups and a country's security forces without its name are the document's country's (own sentences)
@pytest.mark.parametrize(("text", "actor"), [
    ("هاجمت مجموعة مسلحة نقطة تفتيش في مدينة الزاوية الليبية وقتلت جنديين.", "unidentified-armed-group-ly"),
    ("اختطف مجهولون موظفا في مدينة تعز اليمنية.", "unidentified-armed-group-ye"),
    ("أطلق مسلحون ملثمون النار على سيارة في مدينة درعا السورية مما أدى إلى مقتل سائقها.",
     "unidentified-armed-group-sy"),
    ("اعتقلت قوات الأمن خمسة متظاهرين في مدينة البصرة العراقية.", "security-forces-iq"),
    ("اشتبكت عناصر الأمن مع متظاهرين غاضبين في مدينة صنعاء.", "security-forces-ye"),
    ("وفرق رجال الشرطة تجمعا للمحتجين أمام مقر الحكومة في الخرطوم.", "police-sd"),
    ("ودعا المبعوث الأممي الأطراف المتحاربة في اليمن إلى هدنة في مدينة الحديدة.", "all-parties-ye"),
    ("وطالب رئيس الوزراء العراقي أطراف النزاع في مدينة كركوك بضبط النفس.", "all-parties-iq"),
    ("وحثت المنظمة جميع الأطراف السورية على حماية المدنيين في مدينة إدلب.", "all-parties-sy"),
    ("ونقلت الصحيفة عن مسؤولين سعوديين أن المحادثات مع الحوثيين ستستأنف في مسقط.", "officials-sa"),
    ("واتهمت الحكومة السودانية قوات الدعم السريع بقصف مدينة الأبيض، بحسب مسؤولين أمريكيين.", "officials-us"),
    ("والتقى وفد حركة حماس المسؤولين المصريين في القاهرة لبحث الهدنة في قطاع غزة.", "officials-eg"),
    # (wars the dictionary has no file for: every country of the gazetteer has the template's entries)
    ("قتل مسلحون مجهولون ستة مزارعين في إقليم كاوكا جنوب غرب كولومبيا.", "unidentified-armed-group-co"),
    ("وفرقت الشرطة الهايتية مسيرة للمحتجين في العاصمة بورت أو برنس.", "police-ht"),
    ("أصيب عشرة مدنيين في انفجار لغم أرضي في ولاية شان بميانمار.", "civilians-mm"),
    ("واعتقلت قوات الأمن عشرين متظاهرا في مدينة داكا عاصمة بنغلاديش.", "security-forces-bd"),
    # (a country's army, where no file of ours names its forces: by name, by nisba, by the bare noun)
    ("قصف الجيش الكولومبي معسكرا للمتمردين في إقليم كاوكا.", "military-co"),
    ("واشتبك جيش الفلبين مع مقاتلي جماعة مسلحة في جزيرة مينداناو.", "military-ph"),
    ("وقالت السلطات في كينيا إن الجيش قتل خمسة مسلحين قرب الحدود الصومالية.", "military-ke"),
    ("وانسحبت القوات الحكومية من بلدة في شمال موزمبيق بعد هجوم للمتمردين.", "military-mz"),
])
def test_actors_generic_groups_take_the_documents_country(pipeline: Any, text: str, actor: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    assert actor in [m["ref"] for m in rec["mentions"] if m["kind"] == "actor"], rec["mentions"]


def test_actors_valid_on_bounds() -> None:
    # (one validity check for every recognizer: bounds compare as strings, or hold their whole month or year)
    from dataclasses import replace

    from rasd.resources.actors import ActorDictionary, valid_on

    base = ActorDictionary.load().get("gna")
    a = replace(base, valid_from="2016-03", valid_to="2021-03")
    assert valid_on(a, None) and valid_on(a, "2019-05-08")
    assert not valid_on(a, "2021-03-15") and valid_on(a, "2021-03-15", whole_bounds=True)
    assert not valid_on(a, "2016-02-28", whole_bounds=True) and not valid_on(a, "2021-04-01", whole_bounds=True)
    assert valid_on(replace(base, valid_from=None, valid_to=None), "1990-01-01")


@pytest.mark.parametrize(("text", "published", "actor"), [
    # a ministry's name that commands the army of either era: the publication date says which entry it is
    ("قالت وزارة الدفاع السورية إن وحداتها قصفت مواقع للمسلحين في ريف حماة.", "2019-05-02", "saa"),
    ("أعلنت وزارة الدفاع السورية أن طائراتها استهدفت تجمعات للمسلحين قرب مدينة إدلب.", "2023-10-05", "saa"),
    ("قالت وزارة الدفاع السورية إن قواتها اشتبكت مع مسلحين في ريف اللاذقية.", "2025-03-07", "syria-new-army"),
])
def test_actors_shared_name_chosen_by_publication_date(pipeline: Any, text: str, published: str,
                                                       actor: str) -> None:
    events = pipeline.extract_text(text, source="test", published=published).events
    assert events and events[0].actor1 is not None and events[0].actor1.id == actor
