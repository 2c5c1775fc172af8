"""Declarative schemas of the language-resource files in ``src/rasd/resources/data/``: one pydantic model per file kind.

Every key a file may have, the type of its value and, for categories, the values allowed are declared here
(``extra="forbid"``, strict types, ``Literal`` categories taken from the loaders' own constants), so an
unknown key, a misspelled category or a value of the wrong type is an error naming the file, the line and
the key path::

    cues.yaml:92: clause_brakes: unknown key, did you mean 'clause_breaks'? (expected one of …)

The loaders (lexicon, morphology, numbers, counts, dates, actors, gazetteer) call ``check`` through
``rasd.resources.datafiles.load_yaml`` / ``read_tsv`` before they build their typed objects, and keep the checks
that need more than one entry (duplicates, references between entries). This module is not compiled with
mypyc (pydantic models cannot be) and is imported only when a resource file is read, so ``rasd --help`` does
not pay for importing pydantic. The one-line messages: ``rasd.resources.schema_errors``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from rasd.resources.actors import _PLACEHOLDER_RE, TEMPLATE_FIELDS
from rasd.resources.datafiles import ResourceError, UniqueKeyLoader
from rasd.resources.gazetteer import ALIASES_FILE, BBOX_FILE, GENERATED_FILES
from rasd.resources.lexicon import ACLED_TYPES
from rasd.resources.morphology_schema import LemmaEntry, MorphologyFile
from rasd.resources.schema_anaphora import AnaphoraFile
from rasd.resources.schema_attribution import Attribution
from rasd.resources.schema_campaigns import CampaignsFile
from rasd.resources.schema_descriptors import DescriptorsFile
from rasd.resources.schema_errors import Problem, _compose, _expected, _explain, _path, _yaml_line
from rasd.resources.schema_errors import check_dir as check_dir  # the directory check, where it always was
from rasd.resources.schema_gazetteer import ARABIC_NAMES_FILE, ArabicNameRow
from rasd.resources.schema_offices import OfficesFile
from rasd.resources.schema_types import (
    COUNT_WHO,
    AcledType,
    ActorId,
    ActorKind,
    BackgroundKind,
    CountKind,
    Country,
    FallbackKey,
    Feature,
    IsoDate,
    Names,
    NonBlank,
    Plover,
    SomeNames,
    WeaponKind,
    Who,
    WordType,
    _is_geonameids,
    _nonblank,
    _Row,
    _shaped,
    _strip,
    _Yaml,
)
from rasd.resources.schema_units import UnitWords

# (the categories are importable from here too)
__all__ = ["COUNT_WHO", "AcledType", "ActorKind", "CountKind", "Feature", "Plover", "Who"]


# ------------------------------------------------------------------------------------ triggers.yaml

class TriggerEntry(_Yaml):
    """An entry of triggers.yaml."""
    id: NonBlank
    acled: Annotated[tuple[AcledType, NonBlank], Field(strict=False)] | None  # [type, sub-type] or null
    plover: Plover
    weight: Annotated[float, Field(gt=0, le=1)] = 0.7
    priority: int = 5
    family: NonBlank = ""  # not given: the id (the default is not validated)
    counts: list[CountKind] = []
    content: bool = False
    subject_is_target: bool = False
    with_counts: dict[CountKind, NonBlank] = {}  # with a count of this kind the event is of that entry's type
    forms: Names = []
    lemmas: list[NonBlank | LemmaEntry] = []

    @field_validator("acled")
    @classmethod
    def _acled_pair(cls, value: tuple[str, str] | None) -> tuple[str, str] | None:
        if value is not None and value[1] not in ACLED_TYPES[value[0]]:
            raise ValueError(f"{value[1]!r} is not a sub-event type of {value[0]!r} (expected one of "
                             f"{', '.join(ACLED_TYPES[value[0]])})")
        return value


class TriggersFile(_Yaml):
    """triggers.yaml."""
    suffixes: Names = []
    triggers: list[TriggerEntry]
    not_triggers: Names = []
    byline_labels: Names = []
    fallbacks: dict[FallbackKey, NonBlank]


# ---------------------------------------------------------------------------------------- cues.yaml

class ModalityCues(_Yaml):
    """The forms of one modality in cues.yaml."""
    window: Annotated[int, Field(ge=0)] = 4
    forms: SomeNames
    except_: Names = Field(default=[], alias="except")


class Modalities(_Yaml):
    # checked in the order the file gives
    """cues.yaml's modality section."""
    denied: ModalityCues
    negated: ModalityCues
    called_for: ModalityCues
    planned: ModalityCues
    reported: ModalityCues


class Roles(_Yaml):
    """cues.yaml's roles section."""
    target: Names
    between: Names
    support: Names = []
    supporting: Names = []
    belonging: Names = []
    body_parts: Names = []
    seat: Names = []
    referred: Names = []  # a name after these is only referred to (قرار مجلس الأمن): no actor
    protected: Names = []
    agent_verbs: Names = []
    perpetrator: Names = []
    claim: Names = []


class LocationCues(_Yaml):
    """A place cue of cues.yaml and the geo precision it gives."""
    precision: Annotated[int, Field(ge=1, le=3)] = 1  # ACLED's geo_precision
    forms: Names


class CuesFile(_Yaml):
    """cues.yaml."""
    modality: Modalities
    planned_trigger_forms: Names = []
    attribution: Attribution
    roles: Roles
    location: dict[NonBlank, LocationCues] = {}
    place_blockers: Names = []
    distance_units: Names = []  # place roles (events/place.py): a distance's reference point, an office's seat
    office_nouns: Names = []
    venue_nouns: Names = []
    admin_units: Names = []  # مديرية، قضاء، ناحية: an admin2, coarser than a town, whatever its descriptor says
    locating_words: Names = []  # between two places: the second tells where the first lies (في، بـ، شمالي)
    reference_words: Names = []  # between two places: the second is only the first one's reference point (قرب)
    launch_words: Names = []  # before من + a place: where a rocket was fired from (أطلقت من)
    place_idioms: Names = []
    cue_only_places: Names = []
    common_word_places: Names = []  # stop-listed everyday words that are places in context (جدة after في)
    not_names: Names = []
    happened_before: Names = []
    clause_breaks: Names = []
    another_after: Names = []
    another_before: Names = []
    place_anaphors: Names = []
    comma_clauses: Names = []
    relative_openers: Names = []
    resumptive_heads: Names = []
    purpose_openers: Names = []
    visit_abroad: Names = []
    force_nouns: Names = []
    force_ellipsis: Names = []
    member_nouns: Names = []
    opinion_openers: Names = []
    capital_words: Names = []
    suppress_before: Names = []
    by_agreement: Names = []
    incident_objects: Names = []  # events/reactions.py: a noun that holds the incident a statement is about
    incident_anaphors: Names = []  # events/reactions.py: words that point an incident word back (الغارات ذاتها)
    weapons: dict[WeaponKind, Names] = {}  # keys: lexicon.WEAPON_KINDS
    background: dict[BackgroundKind, Names] = {}  # keys: lexicon.BACKGROUND_KINDS


# ------------------------------------------------------------------------------------- numbers.yaml

class NumberWordEntry(_Yaml):
    """A number word of numbers.yaml."""
    w: NonBlank
    v: Annotated[int, Field(gt=0)]
    type: WordType
    teen_only: bool = False


class QualifierPhrases(_Yaml):
    """numbers.yaml's qualifier phrases (more than, about, at least …)."""
    approx: Names = []
    at_least: Names = []
    at_most: Names = []


class VagueEntry(_Yaml):
    """A vague quantity of numbers.yaml (dozens, hundreds …)."""
    w: NonBlank
    v: Annotated[int, Field(gt=0)]
    definite: bool = False


class NumbersFile(_Yaml):
    """numbers.yaml."""
    words: list[NumberWordEntry]
    proclitics: Names
    qualifiers_before: QualifierPhrases
    qualifiers_after: QualifierPhrases
    vague: list[VagueEntry]
    year_words: Names
    year_range: Annotated[list[int], Field(min_length=2, max_length=2)] = [1900, 2100]
    months: Names


# -------------------------------------------------------------------------------------- counts.yaml

class GroupNoun(_Yaml):
    """A noun of counts.yaml that names a group of people (civilians, children …)."""
    who: Who
    unit: bool = False  # counts households, not people
    others: bool = False  # "others" of the group counted before
    lone: bool = False  # its singular counts one with no trigger beside it
    victim_only: bool = False  # civilians by what they do or where (متسوقين): outside a toll only as victims
    toll_only: bool = False  # a trade's plural (مهندسين): a victim only in a toll, not where violence is told
    sg: Names | None = None
    pl: Names | None = None
    dual: Names | None = None


class KindNoun(GroupNoun):
    """A noun of counts.yaml that names a kind of count (killed, wounded …)."""
    kind: CountKind


class CountsLabelled(_Yaml):
    """counts.yaml's labelled cue lists: dual verbs by kind, rank words by group."""
    dual_verbs: dict[CountKind, Names] = {}
    ranks_of: dict[Who, Names] = {}


class CountsFile(_Yaml):
    """counts.yaml."""
    kinds: list[CountKind]
    who: list[Who]
    kind_nouns: list[KindNoun]
    groups: list[GroupNoun]
    of_groups: dict[Who, Names]
    triggers_before: dict[CountKind, Names]
    triggers_adjacent: dict[CountKind, Names] = {}
    triggers_after: dict[CountKind, Names]
    bare_followers: Names
    nisba_suffixes: Names | None = None
    nest_markers: Names
    breaks: Names
    cumulative: Names
    continuations: Names = []
    phrases: dict[Literal["not_nisba", "toll_rises", "incident_heads", "result_openers", "day_windows", "toll_subjects",
                          "toll_predicates", "one_of", "pronoun_suffixes", "ranks", "since_words", "since_days",
                          "majority", "whole", "appositions", "partitives", "places_after", "day_times",
                          "day_words", "wars", "causes", "restatements", "fighting", "carry_clitics",
                          "carry_openers", "weekdays", "ordinals", "siblings", "members", "changes", "agents"], Names] = {}  # named cue lists
    labelled: CountsLabelled = CountsLabelled()


# --------------------------------------------------------------------------------------- dates.yaml

# numbered lists: {1: [يناير, …], …}
Months = dict[Annotated[int, Field(ge=1, le=12)], SomeNames]
Weekdays = dict[Annotated[int, Field(ge=0, le=6)], SomeNames]  # Python's numbering: Monday = 0
Cardinals = dict[Annotated[int, Field(ge=1, le=100)], SomeNames]
Units9 = dict[Annotated[int, Field(ge=1, le=9)], SomeNames]
Tens = dict[Annotated[int, Field(ge=20, le=30)], SomeNames]


class RiskyMonths(_Yaml):
    """Month names of dates.yaml that are also common words."""
    strict: SomeNames
    context: SomeNames


class DateQualifiers(_Yaml):
    """dates.yaml's qualifiers (early, mid, late …)."""
    before: SomeNames
    current: SomeNames
    next: SomeNames
    recent: SomeNames


class Periods(_Yaml):
    """dates.yaml's parts of a day or a week."""
    week: SomeNames
    month: SomeNames
    year: SomeNames


class UnitForms(_Yaml):
    """The forms of one unit of time in dates.yaml."""
    one: SomeNames
    two: SomeNames
    many: SomeNames


class DurationUnits(_Yaml):
    """dates.yaml's units of duration."""
    hour: UnitForms
    day: UnitForms
    week: UnitForms
    month: UnitForms
    year: UnitForms


class OrdinalDays(_Yaml):
    """dates.yaml's ordinal day words."""
    units: Units9
    ten: SomeNames
    compound_units: Units9
    teen: SomeNames
    tens: Tens


class DatesFile(_Yaml):
    """dates.yaml."""
    gregorian_months: Months
    hijri_months: Months
    risky_months: RiskyMonths
    risky_month_context: SomeNames
    month_modifiers: SomeNames
    month_word: SomeNames
    weekdays: Weekdays
    weekday_blockers: SomeNames
    today: SomeNames
    not_today_after: SomeNames
    yesterday: SomeNames
    day_before_yesterday: SomeNames
    tomorrow: SomeNames
    tomorrow_after_day_word: SomeNames
    day_word: SomeNames
    last_night: SomeNames
    day_parts: SomeNames
    qualifiers: DateQualifiers
    this: SomeNames
    periods: Periods
    year_words: SomeNames
    bare_year_context: SomeNames
    year_suffix_gregorian: SomeNames
    year_suffix_hijri: SomeNames
    since: SomeNames
    ago: SomeNames
    since_starts: SomeNames
    period_starts: SomeNames
    just_now: SomeNames
    approx: SomeNames
    duration_units: DurationUnits
    cardinals: Cardinals
    vague_cardinals: SomeNames
    recent_period_end: SomeNames
    ordinal_days: OrdinalDays


# ------------------------------------------------------------------------------------- actors/*.yaml

class ActorEntry(_Yaml):
    """An entry of an actors/*.yaml file."""
    id: ActorId
    name_en: NonBlank
    name_ar: NonBlank
    kind: ActorKind
    country: Country | None = None  # default: the file's country; null: none
    affiliation: NonBlank | None = None
    role: str | None = None
    valid_from: IsoDate | None = None
    valid_to: IsoDate | None = None
    variants_ar: Names | None = None
    variants_en: Names | None = None
    hostile_ar: Names | None = None
    own_ar: Names | None = None
    descriptions_ar: Names | None = None
    hostile_descriptions_ar: Names | None = None
    national: list[NonBlank] | None = None  # roles it plays for its country (a key of the file's `national`)
    note: str | None = None


def _known_placeholders(v: str) -> bool:  # a template kind's names: {adjective_en}, {adjective_ar}, {definite_ar}
    return all(name in TEMPLATE_FIELDS for name in _PLACEHOLDER_RE.findall(v))


Pattern = Annotated[str, AfterValidator(_nonblank), _shaped(
    _known_placeholders, "a pattern whose placeholders are " + ", ".join(f"{{{f}}}" for f in TEMPLATE_FIELDS))]


class TemplateCountry(_Yaml):
    """A country of the per-country template: its code, English name and adjectives."""

    code: Country
    name_en: NonBlank
    name_ar: NonBlank | None = None  # the name Arabic news gives it (جيش {name_ar}: جيش ميانمار)
    # (each optional: a pattern naming one a country lacks is left out, a kind whose Arabic name needs it too)
    adjective_en: NonBlank | None = None
    adjective_ar: NonBlank | None = None  # masculine plural (مدنيين سوريين)
    definite_ar: NonBlank | None = None  # with the article (المدنيين السوريين)
    feminine_ar: NonBlank | None = None  # the definite feminine singular where no sound plural gives it (الروسية)


class TemplateKind(_Yaml):
    """A kind of the per-country template: one entry per country, named after it."""

    id_prefix: ActorId
    name_en: NonBlank
    name_ar: NonBlank
    kind: ActorKind
    variants_ar: list[Pattern] | None = None
    variants_en: list[Pattern] | None = None
    descriptions_ar: list[Pattern] | None = None
    national: list[NonBlank] | None = None  # roles each country's entry plays, unless one written by hand does


class ActorTemplate(_Yaml):
    """Entries that are the same for every country (actors/generic.yaml): every kind for every country."""

    countries: Annotated[list[TemplateCountry], Field(min_length=1)]
    kinds: Annotated[list[TemplateKind], Field(min_length=1)]


class ActorsFile(_Yaml):
    """An actors/*.yaml file."""
    country: Country | None = None
    template: ActorTemplate | None = None
    national: dict[str, Names] | None = None  # role → the bare nouns (الجيش) that name its player in its country
    anaphora_heads: Names | None = None  # head nouns whose definite form alone takes up a group (التنظيم)
    identified_by: Names | None = None  # words after unidentified gunmen that name whose they are (مسلحون من X)
    national_not_after: Names | None = None  # words after which a bare noun is no actor (قائد الجيش، سيطرة الحكومة)
    units: UnitWords | None = None  # an army's units named by number or ordinal (اللواء السابع)
    actors: list[ActorEntry]


# ---------------------------------------------------------------------------------- gazetteer/*.tsv

Latitude = Annotated[float, BeforeValidator(_strip), Field(ge=-90, le=90)]
Longitude = Annotated[float, BeforeValidator(_strip), Field(ge=-180, le=180)]


class PlaceRow(_Row):
    """countries.tsv, geonames.tsv, curated_*.tsv"""

    id: NonBlank
    name_en: NonBlank
    name_ar: NonBlank
    variants_ar: str  # '|'-separated
    variants_en: str
    country: Annotated[Country, BeforeValidator(_strip)]
    admin1: str
    lat: Latitude
    lon: Longitude
    feature: Annotated[Feature, BeforeValidator(_strip)]
    population: Annotated[int, BeforeValidator(lambda v: _strip(v) or "0"), Field(ge=0)]
    parent: str
    metonym: Annotated[Literal["", "0", "1", "true", "false", "yes", "no"],
                       BeforeValidator(lambda v: _strip(v).lower() if isinstance(v, str) else v)]
    geonameid: Annotated[str, _shaped(_is_geonameids, "a GeoNames id ('|'-separated digits)")] = ""
    seat_geonameid: Annotated[str, _shaped(_is_geonameids, "a GeoNames id (digits)")] = ""


class AliasRow(_Row):
    """aliases.tsv"""

    id: NonBlank
    add_ar: str
    add_en: str
    drop_ar: str


class BBoxRow(_Row):
    """bbox.tsv"""

    country: Annotated[Country, BeforeValidator(_strip)]
    min_lat: Latitude
    max_lat: Latitude
    min_lon: Longitude
    max_lon: Longitude


SCHEMAS: dict[str, type[BaseModel]] = {
    "triggers": TriggersFile, "morphology": MorphologyFile, "cues": CuesFile, "numbers": NumbersFile,
    "counts": CountsFile, "dates": DatesFile, "actors": ActorsFile, "campaigns": CampaignsFile,
    "descriptors": DescriptorsFile, "offices": OfficesFile, "anaphora": AnaphoraFile,
    "gazetteer_places": PlaceRow, "gazetteer_aliases": AliasRow, "gazetteer_bbox": BBoxRow,
    "gazetteer_arabic_names": ArabicNameRow,
}
_TABLES: dict[str, TypeAdapter[Any]] = {}


# ------------------------------------------------------------------------------------------ checking

def check(kind: str, data: Any, shown: str, *, text: str | None = None, node: yaml.Node | None = None) -> None:
    """Raise ResourceError (file, line, key path, problem) unless `data` (a file of kind `kind`, as
    yaml.safe_load gives it) matches its schema. `node` (yaml.compose) or `text` give the lines; without
    them the file `shown` is read again, only when there is an error."""
    found = problems(kind, data, shown, text=text, node=node)
    if found:
        raise found[0].error(shown, len(found) - 1)


def check_node(kind: str, node: yaml.Node, shown: str) -> None:
    """`check` for a file read with yaml.compose (whose nodes keep their lines)."""
    check(kind, _construct(node, shown), shown, node=node)


def _construct(node: yaml.Node, shown: str) -> Any:
    """The data of a composed YAML document, as yaml.safe_load gives it (a key given twice is an error)."""
    try:
        return UniqueKeyLoader("").construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ResourceError(shown, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                            line=mark.line + 1 if mark is not None else None) from exc


def problems(kind: str, data: Any, shown: str, *, text: str | None = None,
             node: yaml.Node | None = None) -> list[Problem]:
    """Every schema violation of a YAML file, the one to report first first."""
    model = SCHEMAS[kind]
    try:
        model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
    else:
        return []
    if node is None:
        node = _compose(shown if text is None else None, text)
    return _explain(model, errors, lambda loc: _yaml_line(node, loc), lambda loc: _path(data, loc))


def table_problems(kind: str, header: Sequence[str], header_line: int,
                   rows: Sequence[tuple[int, dict[str, str]]]) -> list[Problem]:
    """Every schema violation of a TSV file: its header (unknown or missing columns), then its rows."""
    model = SCHEMAS[kind]
    out: list[Problem] = []
    known = list(model.model_fields)
    for col in header:
        if col not in model.model_fields:
            out.append(Problem(header_line, col, "unknown column" + _expected(col, known), rank=0))
    for name, f in model.model_fields.items():
        if f.is_required() and name not in header:
            out.append(Problem(header_line, name, "missing column", rank=0))
    if out:
        return out
    adapter = _TABLES.get(kind)
    if adapter is None:
        adapter = _TABLES[kind] = TypeAdapter(list[model])  # type: ignore[valid-type]
    try:
        adapter.validate_python([row for _, row in rows])
    except ValidationError as exc:
        return _explain(list[model], exc.errors(),  # type: ignore[valid-type]
                        lambda loc: rows[loc[0]][0] if loc and isinstance(loc[0], int) else None,
                        lambda loc: ".".join(str(p) for p in loc[1:]))
    return []


def check_table(kind: str, header: Sequence[str], header_line: int, rows: Sequence[tuple[int, dict[str, str]]],
                shown: str) -> None:
    """Raise ResourceError unless a TSV file's header and rows match its schema."""
    found = table_problems(kind, header, header_line, rows)
    if found:
        raise found[0].error(shown, len(found) - 1)


def resource_files(directory: str | Path | None = None) -> tuple[list[tuple[str, Path]], list[Path]]:
    """(file kind, path) of every resource file of a data directory (the packaged one by default) that
    has a schema, and the files rasd does not read at all."""
    from rasd.resources.datafiles import data_path

    base = Path(directory) if directory is not None else data_path("")
    names = ("triggers", "morphology", "cues", "numbers", "counts", "dates", "campaigns", "descriptors",
             "offices", "anaphora")
    found: list[tuple[str, Path]] = [(n, base / f"{n}.yaml") for n in names if (base / f"{n}.yaml").is_file()]
    found += [("actors", p) for p in sorted((base / "actors").glob("*.yaml"))]
    gaz = base / "gazetteer"
    found += [("gazetteer_places", gaz / f) for f in GENERATED_FILES if (gaz / f).is_file()]
    found += [("gazetteer_places", p) for p in sorted(gaz.glob("curated_*.tsv"))]
    found += [(kind, gaz / f) for kind, f in (("gazetteer_aliases", ALIASES_FILE), ("gazetteer_bbox", BBOX_FILE),
                                              ("gazetteer_arabic_names", ARABIC_NAMES_FILE)) if (gaz / f).is_file()]
    read = {p for _, p in found} | {base / "actors" / "stopwords.txt", gaz / "stopwords.txt", gaz / "README.md"}
    unread = sorted(p for p in base.rglob("*") if p.is_file() and p not in read and not {"__pycache__", "ner"} & set(p.relative_to(base).parts))
    return found, unread
