"""The schemas of the resource files (rasd.resources.schemas): an unknown key, a misspelled category or a value of the
wrong type in any YAML/TSV file under src/rasd/resources/data/ is an error of its loader and of `rasd resources
validate DIR`, one line naming the file, the line and the key."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rasd.cli.commands import app
from rasd.evaluation.score import GOLD_WHO
from rasd.recognize.counts import CountRecognizer
from rasd.recognize.dates import DateRecognizer
from rasd.recognize.numbers import NumberRecognizer
from rasd.resources import schemas
from rasd.resources.actors import KINDS, ActorDictionary
from rasd.resources.datafiles import ResourceError, data_path, load_yaml, read_tsv_table
from rasd.resources.gazetteer import FEATURES, Gazetteer
from rasd.resources.lexicon import ACLED_TYPES, COUNT_KIND_NAMES, PLOVER_TYPES, CueLexicon, TriggerLexicon

runner = CliRunner()


def _load_file(name: str) -> Callable[[Path], Any]:
    def load(data: Path) -> Any:
        path = str(data / name)
        if name == "triggers.yaml":
            return TriggerLexicon.load(path)
        if name == "cues.yaml":
            return CueLexicon.load(path)
        if name == "numbers.yaml":
            return NumberRecognizer.load(path)
        if name == "counts.yaml":
            return CountRecognizer.load(path, numbers=NumberRecognizer.load())
        return DateRecognizer.load(path)
    return load


def _load_actors(data: Path) -> Any:
    return ActorDictionary.load(str(data / "actors"))


def _load_gazetteer(data: Path) -> Any:
    return Gazetteer.load(str(data / "gazetteer"))


def _add_column_rows(text: str) -> str:
    """The TSV `text` with one more column, `note`, empty in every row."""
    out: list[str] = []
    header_done = False
    for ln in text.splitlines():
        if ln.startswith("#") or not ln.strip():
            out.append(ln)
        elif not header_done:
            out.append(ln + "\tnote")
            header_done = True
        else:
            out.append(ln + "\t")
    return "\n".join(out) + "\n"


# (file under data/, its loader, the text to replace, the replacement or a function of the whole text, what the
# error must name)
CASES: dict[str, tuple[str, Callable[[Path], Any], str, str | Callable[[str], str], str]] = {
    # triggers.yaml
    "triggers-unknown-key": ("triggers.yaml", _load_file("triggers.yaml"), "    weight: 0.85", "    wieght: 0.85",
                             "triggers[0].wieght: unknown key, did you mean 'weight'?"),
    "triggers-category": ("triggers.yaml", _load_file("triggers.yaml"), "    plover: ASSAULT", "    plover: ASSUALT",
                          "triggers[0].plover: unknown value 'ASSUALT', did you mean 'ASSAULT'?"),
    "triggers-acled-pair": ("triggers.yaml", _load_file("triggers.yaml"), "acled: [Battles, Armed clash]",
                            "acled: [Battles, Suicide bomb]", "triggers[0].acled: 'Suicide bomb' is not a sub-event"),
    "triggers-type": ("triggers.yaml", _load_file("triggers.yaml"), "    weight: 0.85", "    weight: high",
                      "triggers[0].weight: expected a number, got 'high'"),
    # cues.yaml
    "cues-unknown-key": ("cues.yaml", _load_file("cues.yaml"), "clause_breaks:", "clause_brakes:",
                         "clause_brakes: unknown key, did you mean 'clause_breaks'? (expected one of modality,"),
    "cues-category": ("cues.yaml", _load_file("cues.yaml"), "  planned:\n", "  planed:\n",
                      "modality.planed: unknown key, did you mean 'planned'?"),
    "cues-type": ("cues.yaml", _load_file("cues.yaml"), "    window: 8", "    window: eight",
                  "modality.denied.window: expected a whole number, got 'eight'"),
    # numbers.yaml
    "numbers-unknown-key": ("numbers.yaml", _load_file("numbers.yaml"), "year_range:", "year_rang:",
                            "year_rang: unknown key, did you mean 'year_range'?"),
    "numbers-category": ("numbers.yaml", _load_file("numbers.yaml"), "{w: واحد, v: 1, type: unit}",
                         "{w: واحد, v: 1, type: units}", "words[0].type: unknown value 'units', did you mean 'unit'?"),
    "numbers-type": ("numbers.yaml", _load_file("numbers.yaml"), "{w: واحد, v: 1, type: unit}",
                     "{w: واحد, v: one, type: unit}", "words[0].v: expected a whole number, got 'one'"),
    # counts.yaml
    "counts-unknown-key": ("counts.yaml", _load_file("counts.yaml"), "nisba_suffixes:", "nisba_sufixes:",
                           "nisba_sufixes: unknown key, did you mean 'nisba_suffixes'?"),
    "counts-category": ("counts.yaml", _load_file("counts.yaml"), "{kind: killed, who: total, sg: [قتيل",
                        "{kind: kiled, who: total, sg: [قتيل",
                        "kind_nouns[0].kind: unknown value 'kiled', did you mean 'killed'?"),
    "counts-category-key": ("counts.yaml", _load_file("counts.yaml"), "  children: [الأطفال]",
                            "  childs: [الأطفال]", "of_groups.childs: unknown key, did you mean 'children'?"),
    "counts-type": ("counts.yaml", _load_file("counts.yaml"), "others: true,", "others: 'yes',",
                    "groups[2].others: expected true or false, got 'yes'"),
    # dates.yaml
    "dates-unknown-key": ("dates.yaml", _load_file("dates.yaml"), "today: [اليوم]", "today: [اليوم]\ntodays: [اليوم]",
                          "todays: unknown key, did you mean 'today'?"),
    "dates-category": ("dates.yaml", _load_file("dates.yaml"), "  current: [", "  curent: [",
                       "qualifiers.curent: unknown key, did you mean 'current'?"),
    "dates-type": ("dates.yaml", _load_file("dates.yaml"), "today: [اليوم]", "today: اليوم",
                   "today: expected a list, got 'اليوم'"),
    "dates-range": ("dates.yaml", _load_file("dates.yaml"), "  12: [ديسمبر", "  13: [ديسمبر",
                    "gregorian_months.13: key must be at most 12, got 13"),
    # actors/*.yaml
    "actors-unknown-key": ("actors/libya.yaml", _load_actors, "    variants_en: [LNA,", "    varients_en: [LNA,",
                           "actors[0].varients_en: unknown key, did you mean 'variants_en'?"),
    "actors-category": ("actors/libya.yaml", _load_actors, "    kind: state_forces\n    variants_en: [LNA,",
                        "    kind: state_force\n    variants_en: [LNA,",
                        "actors[0].kind: unknown value 'state_force', did you mean 'state_forces'?"),
    "actors-type": ("actors/libya.yaml", _load_actors, "country: LY", "country: 7", "country: expected text, got 7"),
    "actors-shape": ("actors/libya.yaml", _load_actors, "country: LY", "country: Libya",
                     "country: 'Libya' is not an ISO alpha-2 country code"),
    # gazetteer/*.tsv
    "places-unknown-column": ("gazetteer/curated_places.tsv", _load_gazetteer, "\tmetonym\tgeonameid",
                              "\tmetonym\tgeoname_id", "geoname_id: unknown column, did you mean 'geonameid'?"),
    "places-category": ("gazetteer/curated_places.tsv", _load_gazetteer, "\tcity\t1302947\t", "\tcitty\t1302947\t",
                        "feature: unknown value 'citty', did you mean 'city'?"),
    "places-type": ("gazetteer/curated_places.tsv", _load_gazetteer, "\tcity\t1302947\t", "\tcity\tmany\t",
                    "population: expected a whole number, got 'many'"),
    "places-range": ("gazetteer/curated_places.tsv", _load_gazetteer, "\t32.8874\t13.1873\tcity\t", "\t132.8874\t13.1873\tcity\t",
                     "lat: must be at most 90, got '132.8874'"),
    "places-geonameid": ("gazetteer/curated_places.tsv", _load_gazetteer, "\t1302947\tly-adm-tripoli\t0\t2210247",
                         "\t1302947\tly-adm-tripoli\t0\tn2210247", "geonameid: 'n2210247' is not a GeoNames id"),
    "bbox-unknown-column": ("gazetteer/bbox.tsv", _load_gazetteer, "", _add_column_rows,
                            "note: unknown column (expected one of country, min_lat, max_lat, min_lon, max_lon)"),
    "bbox-shape": ("gazetteer/bbox.tsv", _load_gazetteer, "AD\t41.962", "Andorra\t41.962",
                   "country: 'Andorra' is not an ISO alpha-2 country code"),
    "bbox-type": ("gazetteer/bbox.tsv", _load_gazetteer, "AD\t41.962", "AD\tnorth",
                  "min_lat: expected a number, got 'north'"),
    "aliases-unknown-column": ("gazetteer/aliases.tsv", _load_gazetteer, "", _add_column_rows,
                               "note: unknown column (expected one of id, add_ar, add_en, drop_ar)"),
}


@pytest.fixture
def data(tmp_path: Path) -> Iterator[Path]:
    """A copy of the packaged data directory."""
    out = tmp_path / "data"
    shutil.copytree(data_path(""), out, ignore=shutil.ignore_patterns("__pycache__"))
    yield out


def _break(data: Path, case: str) -> tuple[Path, Callable[[Path], Any], str]:
    name, load, old, new, expected = CASES[case]
    path = data / name
    text = path.read_text(encoding="utf-8")
    if callable(new):
        changed = new(text)
    else:
        assert old in text, f"{case}: {old!r} is no longer in {name}"
        changed = text.replace(old, new, 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return path, load, expected


def _changed_line(original: str, changed: str) -> int:
    for i, (a, b) in enumerate(zip(original.splitlines(), changed.splitlines(), strict=False), start=1):
        if a != b:
            return i
    return min(len(original.splitlines()), len(changed.splitlines())) + 1


@pytest.mark.parametrize("case", sorted(CASES))
def test_schemas_loader_and_validate_name_file_line_and_key(data: Path, case: str) -> None:
    original = (data / CASES[case][0]).read_text(encoding="utf-8")
    path, load, expected = _break(data, case)
    with pytest.raises(ResourceError) as err:
        load(data)
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}:{err.value.line}: "), msg
    assert expected in msg, msg
    # the line is the changed one (the header, for a new column; for a key of a mapping, the line it is on)
    assert err.value.line == _changed_line(original, path.read_text(encoding="utf-8")), msg
    # `rasd resources validate DIR` fails with the same line
    res = runner.invoke(app, ["resources", "validate", str(data)])
    assert res.exit_code == 1, res.output
    assert f"rasd: error: {msg}" in res.output.splitlines(), res.output
    assert "ok:" not in res.output


def test_schemas_packaged_files_validate() -> None:
    files, unread = schemas.resource_files()
    assert {kind for kind, _ in files} == set(schemas.SCHEMAS)
    assert len([p for kind, p in files if kind == "actors"]) == len(list(data_path("actors").glob("*.yaml")))
    assert schemas.check_dir() == []
    assert unread == []


def test_schemas_validate_command_lists_every_problem(data: Path) -> None:
    expected = []
    for case in ("cues-unknown-key", "numbers-type", "places-category"):
        _, load, _ = _break(data, case)
        with pytest.raises(ResourceError) as err:
            load(data)
        expected.append(f"rasd: error: {err.value}")
    res = runner.invoke(app, ["resources", "validate", str(data)])
    assert res.exit_code == 1
    errors = [ln for ln in res.output.splitlines() if ln.startswith("rasd: error: ")]
    assert errors == [*expected, "rasd: error: 3 errors"], res.output


def test_schemas_validate_command_warns_of_files_rasd_does_not_read(data: Path) -> None:
    (data / "gazetteer" / "curated-extra.tsv").write_text("id\n", encoding="utf-8")
    res = runner.invoke(app, ["resources", "validate", str(data)])
    assert res.exit_code == 0, res.output
    assert any("WARN" in ln and "curated-extra.tsv" in ln for ln in res.output.splitlines()), res.output


def test_schemas_categories_are_the_loaders() -> None:
    assert set(get_args(schemas.Plover)) == PLOVER_TYPES
    assert get_args(schemas.AcledType) == tuple(ACLED_TYPES)
    assert set(get_args(schemas.CountKind)) == COUNT_KIND_NAMES
    assert get_args(schemas.Who) == GOLD_WHO
    assert get_args(schemas.ActorKind) == KINDS
    assert get_args(schemas.Feature) == FEATURES
    counts, _ = load_yaml(data_path("counts.yaml"))
    assert set(counts["kinds"]) == COUNT_KIND_NAMES and tuple(counts["who"]) == GOLD_WHO


def test_schemas_messages_are_one_line_for_any_bad_file(data: Path) -> None:
    """Whatever the damage, one line with the file: a list where a mapping belongs, an empty file, text."""
    for name, text in (("cues.yaml", "- a\n- b\n"), ("numbers.yaml", ""), ("counts.yaml", "just text\n"),
                       ("triggers.yaml", "triggers: {}\n")):
        (data / name).write_text(text, encoding="utf-8")
        with pytest.raises(ResourceError) as err:
            _load_file(name)(data)
        assert "\n" not in str(err.value) and str(err.value).startswith(str(data / name)), str(err.value)


def test_schemas_misspelled_key_is_one_problem_not_also_a_missing_one(data: Path) -> None:
    _break(data, "dates-category")
    with pytest.raises(ResourceError) as err:
        DateRecognizer.load(str(data / "dates.yaml"))
    assert "more)" not in str(err.value) and "missing" not in str(err.value)
    (data / "dates.yaml").write_text((data / "dates.yaml").read_text(encoding="utf-8").replace("  curent: [", "  zzz: ["),
                                     encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        DateRecognizer.load(str(data / "dates.yaml"))
    assert "qualifiers.zzz: unknown key (expected one of before, current, next, recent) (+1 more)" in str(err.value)
    found = schemas.problems("dates", yaml.safe_load((data / "dates.yaml").read_text(encoding="utf-8")), "dates.yaml",
                             text=(data / "dates.yaml").read_text(encoding="utf-8"))
    assert [p.problem for p in found][1] == "missing key" and found[1].path == "qualifiers.current"


@pytest.mark.parametrize(("name", "load", "old", "new", "key"), [
    ("cues.yaml", _load_file("cues.yaml"), "capital_words: [العاصمة]", "capital_words: [العاصمة]\nclause_breaks: []",
     "clause_breaks"),
    ("dates.yaml", _load_file("dates.yaml"), "today: [اليوم]", "today: [اليوم]\ntoday: [الآن]", "today"),
    ("actors/libya.yaml", _load_actors, "    kind: state_forces\n", "    kind: state_forces\n    kind: person\n", "kind"),
])
def test_schemas_a_key_given_twice_is_an_error(data: Path, name: str, load: Callable[[Path], Any], old: str,
                                              new: str, key: str) -> None:
    """YAML keeps the last of two equal keys without a word; a resource file may not have them."""
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load(data)
    assert f"key {key!r} given twice (first on line" in str(err.value), str(err.value)
    assert err.value.line == _changed_line(text, path.read_text(encoding="utf-8"))
    res = runner.invoke(app, ["resources", "validate", str(data)])
    assert res.exit_code == 1 and f"rasd: error: {err.value}" in res.output.splitlines(), res.output


def test_schemas_help_does_not_import_pydantic_models() -> None:
    code = ("import sys; sys.argv = ['rasd', '--help']\nfrom rasd.cli.commands import main\ntry:\n    main()\n"
            "except SystemExit:\n    pass\nassert 'rasd.resources.schemas' not in sys.modules")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr


# ---------------------------------------------------------------------------------------------- properties

_YAML_KINDS = ("triggers", "cues", "numbers", "counts", "dates")
_PACKAGED: dict[str, Any] = {}


def _packaged(kind: str) -> Any:
    if kind not in _PACKAGED:
        name = "actors/libya.yaml" if kind == "actors" else f"{kind}.yaml"
        _PACKAGED[kind] = yaml.safe_load(data_path(name).read_text(encoding="utf-8"))
    return _PACKAGED[kind]


def _mappings(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        yield path
        for k, v in data.items():
            yield from _mappings(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _mappings(v, (*path, i))


def _declared() -> set[str]:
    """Every key any schema declares, and every category value: a random key must be none of them."""
    out: set[str] = set()
    for model in schemas.SCHEMAS.values():
        stack: list[Any] = [model]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and hasattr(tp, "model_fields"):
                for name, f in tp.model_fields.items():
                    out.add(f.alias or name)
                    stack.append(f.annotation)
            for arg in get_args(tp):
                if isinstance(arg, str):
                    out.add(arg)
                else:
                    stack.append(arg)
    return out


_DECLARED = _declared()
_KEYS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_ABCXYZ-. ابتث", min_size=1, max_size=16).filter(
    lambda k: k not in _DECLARED and k.strip() != "")
_VALUES = st.one_of(st.integers(-5, 5), st.booleans(), st.text(max_size=5), st.none(), st.lists(st.integers(), max_size=2))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from((*_YAML_KINDS, "actors")), where=st.integers(0, 10_000), key=_KEYS, value=_VALUES)
def test_schemas_any_unknown_key_anywhere_is_rejected(kind: str, where: int, key: str, value: Any) -> None:
    """A key no schema declares, put into any mapping of a packaged file, is always an error naming it."""
    import copy

    data = copy.deepcopy(_packaged(kind))
    paths = list(_mappings(data))
    path = paths[where % len(paths)]
    target = data
    for part in path:
        target = target[part]
    target[key] = value
    with pytest.raises(ResourceError) as err:
        schemas.check(kind, data, f"{kind}.yaml")
    msg = str(err.value)
    assert msg.startswith(f"{kind}.yaml") and "\n" not in msg
    assert key in msg, msg


@settings(max_examples=60, deadline=None)
@given(column=_KEYS, which=st.sampled_from(("curated_places.tsv", "aliases.tsv", "bbox.tsv")))
def test_schemas_any_unknown_column_is_rejected(column: str, which: str) -> None:
    kind = {"curated_places.tsv": "gazetteer_places", "aliases.tsv": "gazetteer_aliases",
            "bbox.tsv": "gazetteer_bbox"}[which]
    header, header_line, rows, shown = read_tsv_table(data_path("gazetteer") / which)
    rows = [(ln, {**row, column: ""}) for ln, row in rows]
    with pytest.raises(ResourceError) as err:
        schemas.check_table(kind, [*header, column], header_line, rows, shown)
    assert err.value.line == header_line and f"{column}: unknown column" in str(err.value)


@settings(max_examples=100, deadline=None)
@given(kind=st.sampled_from(_YAML_KINDS), where=st.integers(0, 10_000),
       value=st.one_of(st.integers(-3, 3), st.booleans(), st.dictionaries(st.sampled_from("xyz"), st.integers(),
                                                                          min_size=1, max_size=1)))
def test_schemas_a_word_list_entry_of_the_wrong_type_is_rejected(kind: str, where: int, value: Any) -> None:
    """Every list of Arabic words holds text only: a number, true/false or a mapping in any of them is an error."""
    import copy

    data = copy.deepcopy(_packaged(kind))
    lists: list[list[Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            if node and all(isinstance(x, str) for x in node):
                lists.append(node)
            for v in node:
                walk(v)

    walk(data)
    target = lists[where % len(lists)]
    target.insert(where % (len(target) + 1), value)
    with pytest.raises(ResourceError) as err:
        schemas.check(kind, data, f"{kind}.yaml")
    assert str(err.value).startswith(f"{kind}.yaml: ") and "\n" not in str(err.value)
    assert "missing key" not in str(err.value)
