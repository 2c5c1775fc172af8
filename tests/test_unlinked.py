"""Unlinked names (recognize/unlinked.py): a place or group after a descriptor, a person after a title, kept in the
record with id null when no gazetteer place or dictionary actor resolves them. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.recognize.names import TaggedName, decode_bio, marks_from_hits, person_stems, token_features
from rasd.records import is_unlinked, public_id
from rasd.resources.suggest import format_suggestions, suggestions


def _unlinked(pipeline: Any, text: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """The unlinked entities of the record's events by Arabic name, and the record."""
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    out: dict[str, dict[str, Any]] = {}
    for ev in rec["events"]:
        for ent in [ev["location"], ev["actor1"], ev["actor2"], *ev["actors"]]:
            if ent and ent["id"] is None:
                out[ent["name_ar"]] = ent
    return out, rec


def _unlinked_place(pipeline: Any, text: str, name: str, feature: str) -> tuple[Any, Any]:
    """The analysis and the unlinked place named `name`, checked to be of `feature` in the document's country."""
    a = pipeline.analyse(text, published="2024-05-02")
    found = {p.place.name_ar: p for p in a.places if is_unlinked(p.place.id)}
    assert name in found, [p.text for p in a.places]
    assert found[name].place.feature == feature and found[name].place.country == a.country
    return a, found[name]


# descriptor kinds: places (village, town, neighbourhood, camp, with clitics and word orders varied)
@pytest.mark.parametrize(("text", "name", "feature"), [
    ("قُتل مدنيان في قصف مدفعي استهدف قرية الزعرورة شمال مدينة حماة.", "الزعرورة", "village"),
    ("وتعرضت بلدة كفر زيتون لغارات جوية قرب مدينة حمص، بحسب ناشطين.", "كفر زيتون", "town"),
    ("أصيب ثلاثة أطفال بقذيفة سقطت على حي النخيلات بمدينة الحديدة مساء الأحد.", "النخيلات", "district"),
    ("داهمت قوة إسرائيلية مخيم السنابل قرب مدينة جنين واعتقلت خمسة شبان.", "السنابل", "camp"),
])
def test_unlinked_place_after_a_descriptor(pipeline: Any, text: str, name: str, feature: str) -> None:
    a, pm = _unlinked_place(pipeline, text, name, feature)
    assert text[pm.start:pm.end] == pm.text and pm.text.endswith(name)
    known = [p.place for p in a.places if not is_unlinked(p.place.id)]
    assert (pm.place.lat, pm.place.lon) in [(p.lat, p.lon) for p in known]  # the city around it


@pytest.mark.parametrize(("text", "name", "feature"), [
    ("قتل أربعة مدنيين في هجوم على سوق في إقليم قرقوش شمال إثيوبيا.", "قرقوش", "admin1"),
    ("وسقطت قذائف على محافظة الزنبقة شرق العراق دون وقوع إصابات.", "الزنبقة", "admin1"),
    ("واقتحم مسلحون مقر بلدية الحميرة جنوب ليبيا وأحرقوه.", "الحميرة", "town"),
])
def test_unlinked_place_after_an_administrative_unit(pipeline: Any, text: str, name: str, feature: str) -> None:
    """A province, a governorate or a municipality (إقليم، محافظة، بلدية) introduces its name like a village's."""
    _unlinked_place(pipeline, text, name, feature)


def test_unlinked_place_is_the_events_place(pipeline: Any) -> None:
    found, rec = _unlinked(pipeline, "قُتل مدنيان في قصف مدفعي استهدف قرية الزعرورة شمال مدينة حماة.")
    place = found["الزعرورة"]
    assert place["geo_precision"] == 2 and place["name_en"] is None and place["country"] == "SY"
    mention = next(m for m in rec["mentions"] if m["id"] == place["mentions"][0])
    assert mention["ref"] is None and rec["text"][mention["start"]:mention["end"]] == mention["text"]


# descriptor kinds: groups (a unit's name after كتيبة، لواء، فيلق)
@pytest.mark.parametrize(("text", "name"), [
    ("تبنت كتيبة أنصار الفجر الهجوم على حاجز للجيش قرب مدينة درعا.", "كتيبة أنصار الفجر"),
    ("اشتبك مقاتلو لواء الصقور مع قوات النظام في ريف حلب الجنوبي أمس.", "لواء الصقور"),
    ("وأعلن فيلق الساحل مسؤوليته عن تفجير عبوة ناسفة استهدفت دورية في مدينة اللاذقية.", "فيلق الساحل"),
])
def test_unlinked_group_after_a_descriptor(pipeline: Any, text: str, name: str) -> None:
    found, _ = _unlinked(pipeline, text)
    assert name in found, found
    assert found[name]["kind"] == "rebel_group"


# a title and a person's name: the learned recognizer delimits the name
@pytest.mark.parametrize(("text", "name"), [
    ("قال وزير الخارجية الإيطالي أنطونيو تاياني إن بلاده تدين القصف الذي استهدف مدينة غزة.", "أنطونيو تاياني"),
    ("وندد رئيس الوزراء الهولندي مارك روته بالهجوم على مدينة خاركيف.", "مارك روته"),
    ("أعلن الناطق باسم لجان الحماية الأهلية خالد الزبيدي اعتقال ثلاثة مطلوبين في مدينة الموصل.", "خالد الزبيدي"),
])
def test_unlinked_person_after_a_title(pipeline: Any, text: str, name: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    people = [m["text"] for m in rec["mentions"] if m["kind"] == "actor" and m["ref"] is None]
    assert name in people, rec["mentions"]


def test_unlinked_person_who_speaks_for_a_known_actor_is_not_kept(pipeline: Any) -> None:
    rec = pipeline.extract_text("وقال رئيس النيجر سالم أبو بكر إن الهجوم لن يمر دون عقاب.").to_json()
    assert not [m for m in rec["mentions"] if m["kind"] == "actor" and m["ref"] is None], rec["mentions"]


# precision: a descriptor followed by a common word names nothing
@pytest.mark.parametrize("text", [
    "تعرضت منطقة سكنية لقصف عنيف صباح اليوم.",
    "وصل وفد من الهلال الأحمر إلى مخيم للنازحين في المنطقة.",
    "هاجمت مجموعة مسلحة حاجزا أمنيا على الطريق الدولي.",
    "قالت مديرية أمن المدينة إن قوة أمنية اعتقلت مشتبها به في حي قريب.",
])
def test_unlinked_nothing_after_a_common_word(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    assert not [m for m in rec["mentions"] if m["kind"] in ("actor", "place") and m["ref"] is None], rec["mentions"]


def test_unlinked_ids_are_null_in_json() -> None:
    assert is_unlinked("unlinked:place:x") and not is_unlinked("sy-homs") and not is_unlinked(None)
    assert public_id("unlinked:actor:x") is None and public_id("sy-homs") == "sy-homs"


def test_unlinked_names_decode_bio_and_marks() -> None:
    assert decode_bio(["O", "B-PERS", "I-PERS", "I-LOC", "O"]) == [TaggedName(1, 3, "PERS"), TaggedName(3, 4, "LOC")]
    assert marks_from_hits([(0, 3), (4, 8), (9, 12)], [(4, 12, "LOC")]) == ["", "LOC-B", "LOC-I"]


def test_unlinked_suggest_counts_names_by_frequency() -> None:
    place = {"id": None, "name_ar": "الزعرورة", "feature": "village", "country": "SY", "mentions": ["m1"]}
    known = {"id": "sy-homs", "name_ar": "حمص", "feature": "city", "country": "SY", "mentions": ["m2"]}
    group = {"id": None, "name_ar": "لواء الصقور", "kind": "rebel_group", "mentions": ["m3"]}
    recs = [{"document": {"source": "a.txt"}, "events": [{"location": place, "actor1": group, "actors": []}]},
            {"document": {"source": "b.txt"}, "events": [{"location": place, "actor1": None, "actors": []},
                                                          {"location": known, "actors": []}]}]
    found = suggestions(recs)
    assert [(s.what, s.name_ar, s.documents) for s in found] == [("place", "الزعرورة", 2), ("actor", "لواء الصقور", 1)]
    assert "الزعرورة" in format_suggestions(found)


# a ward or village that shares a foreign city's name is a place of the document's country (own sentences)
@pytest.mark.parametrize(("text", "name", "country"), [
    ("شهدت مدينة سبها في جنوب ليبيا توترا أمنيا. وقتل شخصان في حي المنامة وسط المدينة إثر اشتباكات.",
     "المنامة", "LY"),
    ("داهمت قوة أمنية منزلا في حي القاهرة بمدينة تعز واعتقلت شابين. وقالت مصادر محلية في تعز إن الحملة"
     " شملت أحياء أخرى.", "القاهرة", "YE"),
    ("تعرضت مدينة أم درمان لقصف مدفعي. وسقطت قذيفة على حارة بغداد في المدينة وأصابت أربعة أشخاص، حسب مصادر"
     " طبية في الخرطوم.", "بغداد", "SD"),
])
def test_unlinked_foreign_homonym_after_a_descriptor_stays_in_the_country(pipeline: Any, text: str, name: str,
                                                                        country: str) -> None:
    a = pipeline.analyse(text, published="2024-05-02")
    assert a.country == country
    named = [p for p in a.places if p.place.name_ar == name or p.text.endswith(name)]
    assert named and all(is_unlinked(p.place.id) and p.place.country == country for p in named), \
        [(p.text, p.place.id) for p in a.places]


def test_unlinked_foreign_city_named_as_such_stays_abroad(pipeline: Any) -> None:
    a = pipeline.analyse("وصل وزير الخارجية الليبي إلى القاهرة أمس لبحث الأوضاع في طرابلس مع نظيره المصري.",
                         published="2024-05-02")
    assert "eg-cairo" in [p.place.id for p in a.places]


# a direction word before a country, province or city makes the mention a region of it (own sentences)
@pytest.mark.parametrize(("text", "mention", "place"), [
    ("قتل خمسة مدنيين في غارات جوية على بلدات في جنوبي سوريا أمس.", "جنوبي سوريا", "sy"),
    ("وقتل جنديان في هجوم على موقع عسكري بجنوب اليمن.", "جنوب اليمن", "ye"),
    ("أصيب ثلاثة فلسطينيين برصاص الاحتلال شرقي مدينة غزة.", "شرقي مدينة غزة", "ps-gaza-city"),
])
def test_unlinked_region_of_a_place_keeps_its_words(pipeline: Any, text: str, mention: str, place: str) -> None:
    a = pipeline.analyse(text, published="2024-05-02")
    found = {p.text: p for p in a.places}
    assert mention in found, list(found)
    pm = found[mention]
    assert pm.place.id == place and text[pm.start:pm.end] == mention and pm.cue is not None


# a rank or an honorific before a person's name is no part of it (own sentences)
@pytest.mark.parametrize(("text", "name"), [
    ("قال المتحدث باسم جهاز الحرس البلدي العقيد خالد المنصوري إن قوات الأمن اعتقلت خمسة مسلحين في مدينة الزاوية.",
     "خالد المنصوري"),
    ("وقال وزير الدفاع الليبي الفريق أول يوسف المنقوش إن قواته سيطرت على مطار سبها.", "يوسف المنقوش"),
    ("وأكد قائد اللواء الثالث العميد سالم بن رجب أن قواته صدت هجوما على مدينة غريان.", "سالم بن رجب"),
])
def test_unlinked_person_without_rank(pipeline: Any, text: str, name: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    people = [m["text"] for m in rec["mentions"] if m["kind"] == "actor" and m["ref"] is None]
    assert people == [name], rec["mentions"]


# a city the gazetteer does not know, after مدينة (own sentences)
@pytest.mark.parametrize(("text", "name"), [
    ("قتل ثلاثة أشخاص في غارة على مدينة ضحيان في محافظة صعدة اليمنية.", "ضحيان"),
    ("سقط صاروخ على مدينة ليهافيم جنوب إسرائيل دون وقوع إصابات.", "ليهافيم"),
    ("وفرت مئات الأسر من مدينة كرنوي في شمال دارفور بعد الهجوم.", "كرنوي"),  # (ي after a feminine noun: a name)
])
def test_unlinked_city_after_its_descriptor(pipeline: Any, text: str, name: str) -> None:
    a = pipeline.analyse(text, published="2024-05-02")
    found = {p.place.name_ar: p for p in a.places if is_unlinked(p.place.id)}
    assert name in found, [p.text for p in a.places]


# a small place's name that the next word continues is the head of a longer name (own sentences)
@pytest.mark.parametrize(("text", "name"), [
    ("شن الطيران الإسرائيلي غارة على بلدة راشيا الفخار في جنوب لبنان.", "راشيا الفخار"),
    ("وقصفت المدفعية أطراف بلدة راشيا الفخار الجنوبية صباح اليوم، وفق الوكالة الوطنية اللبنانية.", "راشيا الفخار"),
    ("سقطت قذائف على قرية مجز العليا في محافظة صعدة اليمنية.", "مجز العليا"),
])
def test_unlinked_longer_name_wins_over_a_small_place_inside_it(pipeline: Any, text: str, name: str) -> None:
    a = pipeline.analyse(text, published="2024-05-02")
    assert name in {p.place.name_ar for p in a.places if is_unlinked(p.place.id)}, [p.text for p in a.places]
    assert not [p for p in a.places if not is_unlinked(p.place.id) and p.text in name]


def test_unlinked_known_city_keeps_its_epithet_out(pipeline: Any) -> None:
    a = pipeline.analyse("دخلت القوات مدينة حلب الشهباء بعد معارك عنيفة.", published="2024-05-02")
    assert [p.place.id for p in a.places] == ["sy-aleppo"]


def test_unlinked_names_person_stems_and_context_features() -> None:
    tagged = [("حسن", "B-PERS"), ("حسن", "B-PERS"), ("حسن", "O"), ("البنا", "I-PERS"), ("البنا", "I-PERS"),
              ("وزير", "O"), ("وزير", "O"), ("سالم", "B-PERS")]
    assert person_stems(tagged) == {"حسن": "B", "البنا": "I"}  # (seen once: no stem; mostly O: none)
    feats = token_features(["قال", "وزير", "الخارجيه", "حسن", "البنا"], [""] * 5, cues=frozenset({"وزير"}),
                           persons={"حسن": "B", "بنا": "I"})  # (stems: البنا without its article)
    assert "cue[-2]" in feats[3] and "cue[-1]" in feats[2] and "cue[0]" in feats[1]
    assert "pn[0]=B" in feats[3] and "pn[1]=I" in feats[3] and not any(f.startswith("pn") for f in feats[0])


@pytest.mark.parametrize(("text", "name"), [
    ('أعلنت حركة "الفجر الجديد" مسؤوليتها عن الهجوم على حاجز للشرطة قرب مدينة كيدال.', 'حركة "الفجر الجديد"'),
    ('وقال حاكم الإقليم إن حركة "إم 27" المتمردة أطلقت القذائف على مخيم للنازحين قرب مدينة غوما.', 'حركة "إم 27"'),
    ('واشتبك الجيش مع مقاتلي جماعة "أنصار الحق" في ريف مدينة تلعفر.', 'جماعة "أنصار الحق"'),
])
def test_unlinked_group_head_before_its_quoted_name(pipeline: Any, text: str, name: str) -> None:
    """A group's head noun before its own name in quotation marks (digits too: "إم 27"; M23 itself is an entry of actors/great_lakes.yaml) names an unlinked group."""
    found, _ = _unlinked(pipeline, text)
    assert name in found, found


def test_unlinked_group_taken_up_by_its_head_noun(pipeline: Any) -> None:
    """The definite head alone (الحركة) after a group no entry knows (حركة "X") is that group."""
    text = ('أعلنت حركة "الفجر الجديد" مسؤوليتها عن الهجوم على بلدة في شمال مالي. '
            'وقال الجيش إن اشتباكات عنيفة اندلعت مع مقاتلي الحركة قرب مدينة كيدال.')
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    named = [m for m in rec["mentions"] if m["kind"] == "actor" and m["text"] == "الحركة"]
    assert named and named[0]["ref"] is None, rec["mentions"]
    clash = [e for e in rec["events"] if (e["acled"] or {}).get("event_type") == "Battles"]
    assert clash and 'حركة "الفجر الجديد"' in [(e["actor1"] or {}).get("name_ar") for e in clash] + \
        [(e["actor2"] or {}).get("name_ar") for e in clash], clash


@pytest.mark.parametrize("text", [
    "وصل الوفد للقصر الجمهوري في مدينة عدن صباح اليوم.",
    "وانضم المقاتلون للمجمع الرئاسي في العاصمة.",
    "وتوجه المتظاهرون للقصر الرئاسي في الخرطوم.",
])
def test_unlinked_definite_site_after_lam_is_read(pipeline: Any, text: str) -> None:
    """ل before a definite site head drops the article's alif (للقصر = ل + القصر): the descriptor is still the
    site's (a KeyError stopped the whole article before; found by scripts/fuzz.py)."""
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    for m in rec["mentions"]:
        assert rec["text"][m["start"]:m["end"]] == m["text"]


@pytest.mark.parametrize(("text", "name", "container"), [
    ("جوبا - قتل عشرة أشخاص في هجوم على قرية في مقاطعة كاجو بولاية أعالي النيل.", "كاجو", "ss-adm-upper-nile"),
    ("اندلعت اشتباكات في بلدة الحميرة جنوبي محافظة مأرب منذ فجر اليوم.", "الحميرة", "ye-adm-marib"),
    ("سقطت قذائف على حي الزيتونة في مدينة حماة مساء أمس.", "الزيتونة", "sy-hama"),
])
def test_unlinked_place_stands_in_the_place_that_locates_it(pipeline: Any, text: str, name: str,
                                                             container: str) -> None:
    """An unknown place stands in the known place right after it (بولاية ص، جنوبي محافظة ع، في مدينة ح), not
    in the city a wire report was filed from."""
    a = pipeline.analyse(text, published="2024-05-02")
    found = {p.place.name_ar: p for p in a.places if is_unlinked(p.place.id)}
    assert name in found, [p.text for p in a.places]
    assert found[name].place.parent == container, found[name].place
