"""Declarative schemas of the language-resource files in ``src/rasd/resources/data/``: one pydantic model per file kind.

Every key a file may have, the type of its value and, for categories, the values allowed are declared here
(``extra="forbid"``, strict types, ``Literal`` categories taken from the loaders' own constants), so an
unknown key, a misspelled category or a value of the wrong type is an error naming the file, the line and
the key path::

    cues.yaml:92: clause_brakes: unknown key, did you mean 'clause_breaks'? (expected one of …)

The loaders (lexicon, numbers, counts, dates, actors, gazetteer) call ``check`` through
``rasd.resources.datafiles.load_yaml`` / ``read_tsv`` before they build their typed objects, and keep the checks
that need more than one entry (duplicates, references between entries). This module is not compiled with
mypyc (pydantic models cannot be) and is imported only when a resource file is read, so ``rasd --help``
does not pay for importing pydantic. The one-line messages are made by ``rasd.resources.schema_errors``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
)

from rasd.recognize.numbers import _WORD_TYPES
from rasd.resources.actors import _DATE_RE, _ID_RE, _PLACEHOLDER_RE, TEMPLATE_FIELDS
from rasd.resources.actors import KINDS as ACTOR_KINDS
from rasd.resources.datafiles import ResourceError, UniqueKeyLoader
from rasd.resources.gazetteer import ALIASES_FILE, BBOX_FILE, FEATURES, GENERATED_FILES
from rasd.resources.lexicon import ACLED_TYPES, COUNT_KIND_NAMES, PLOVER_TYPES
from rasd.resources.schema_descriptors import DescriptorsFile
from rasd.resources.schema_errors import Problem, _compose, _expected, _explain, _path, _yaml_line

# The "who" of a count (../shared/eval/FORMAT.md; the same values as rasd.evaluation.score.GOLD_WHO).
COUNT_WHO: tuple[str, ...] = ("total", "civilians", "children", "women", "men", "fighters", "medics",
                              "journalists", "migrants", "police", "other")
COUNT_KINDS: tuple[str, ...] = tuple(sorted(COUNT_KIND_NAMES))

# Categories: real Literal types for pydantic, plain str for mypy (the values come from the loaders'
# constants, so a schema and its loader cannot disagree on them).
if TYPE_CHECKING:
    AcledType = str
    Plover = str
    CountKind = str
    FallbackKey = str
    Who = str
    WordType = str
    ActorKind = str
    Feature = str
else:
    AcledType = Literal[tuple(ACLED_TYPES)]
    Plover = Literal[tuple(sorted(PLOVER_TYPES))]
    CountKind = Literal[COUNT_KINDS]
    FallbackKey = Literal[(*COUNT_KINDS, "civilians")]
    Who = Literal[COUNT_WHO]
    WordType = Literal[_WORD_TYPES]
    ActorKind = Literal[ACTOR_KINDS]
    Feature = Literal[FEATURES]


def _nonblank(value: str) -> str:
    if not value.strip():
        raise ValueError("expected a non-empty string")
    return value


def _shaped(test: Callable[[str], bool], what: str) -> AfterValidator:
    def check(value: str) -> str:
        if not test(value):
            raise ValueError(f"{value!r} is not {what}")
        return value
    return AfterValidator(check)


def _is_country(v: str) -> bool:
    return len(v) == 2 and v.isascii() and v.isalpha() and v.isupper()


def _is_geonameids(v: str) -> bool:
    return all(p.strip().isascii() and p.strip().isdigit() for p in v.split("|") if p.strip())


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


NonBlank = Annotated[str, AfterValidator(_nonblank)]
Names = list[NonBlank]  # a list of Arabic words or phrases
SomeNames = Annotated[list[NonBlank], Field(min_length=1)]  # … that may not be empty
Country = Annotated[str, _shaped(_is_country, "an ISO alpha-2 country code (two capital letters)")]
IsoDate = Annotated[str, _shaped(lambda v: bool(_DATE_RE.match(v)), "an ISO date (YYYY[-MM[-DD]])")]
ActorId = Annotated[str, _shaped(lambda v: bool(_ID_RE.match(v.strip())), "an actor id (lower-case letters, digits, - _ .)")]


class _Yaml(BaseModel):
    """A mapping in a YAML resource file: no keys but the declared ones, no type conversions."""

    model_config = ConfigDict(extra="forbid", strict=True)


class _Row(BaseModel):
    """A row of a TSV resource file: every cell is text; numeric columns must parse as numbers."""

    model_config = ConfigDict(extra="forbid", strict=False, allow_inf_nan=False)


# ------------------------------------------------------------------------------------ triggers.yaml

class TriggerEntry(_Yaml):
    id: NonBlank
    acled: Annotated[tuple[AcledType, NonBlank], Field(strict=False)] | None  # [type, sub-type] or null
    plover: Plover
    weight: Annotated[float, Field(gt=0, le=1)] = 0.7
    priority: int = 5
    family: NonBlank = ""  # not given: the id (the default is not validated)
    counts: list[CountKind] = []
    content: bool = False
    subject_is_target: bool = False
    forms: SomeNames

    @field_validator("acled")
    @classmethod
    def _acled_pair(cls, value: tuple[str, str] | None) -> tuple[str, str] | None:
        if value is not None and value[1] not in ACLED_TYPES[value[0]]:
            raise ValueError(f"{value[1]!r} is not a sub-event type of {value[0]!r} (expected one of "
                             f"{', '.join(ACLED_TYPES[value[0]])})")
        return value


class TriggersFile(_Yaml):
    suffixes: Names = []
    triggers: list[TriggerEntry]
    not_triggers: Names = []
    fallbacks: dict[FallbackKey, NonBlank]


# ---------------------------------------------------------------------------------------- cues.yaml

class ModalityCues(_Yaml):
    window: Annotated[int, Field(ge=0)] = 4
    forms: SomeNames
    except_: Names = Field(default=[], alias="except")


class Modalities(_Yaml):
    # checked in the order the file gives
    denied: ModalityCues
    negated: ModalityCues
    called_for: ModalityCues
    planned: ModalityCues
    reported: ModalityCues


class Attribution(_Yaml):
    introducers: Names
    stop_words: Names = []
    speech_verbs: Names
    sources: Names
    max_words: Annotated[int, Field(ge=1)] = 6


class Roles(_Yaml):
    target: Names
    between: Names
    support: Names = []


class LocationCues(_Yaml):
    precision: Annotated[int, Field(ge=1, le=3)] = 1  # ACLED's geo_precision
    forms: Names


class CuesFile(_Yaml):
    modality: Modalities
    planned_trigger_forms: Names = []
    attribution: Attribution
    roles: Roles
    location: dict[NonBlank, LocationCues] = {}
    place_blockers: Names = []
    cue_only_places: Names = []
    not_names: Names = []
    happened_before: Names = []
    clause_breaks: Names = []
    another_after: Names = []
    comma_clauses: Names = []
    visit_abroad: Names = []
    force_nouns: Names = []
    opinion_openers: Names = []
    capital_words: Names = []
    suppress_before: Names = []


# ------------------------------------------------------------------------------------- numbers.yaml

class NumberWordEntry(_Yaml):
    w: NonBlank
    v: Annotated[int, Field(gt=0)]
    type: WordType
    teen_only: bool = False


class QualifierPhrases(_Yaml):
    approx: Names = []
    at_least: Names = []
    at_most: Names = []


class VagueEntry(_Yaml):
    w: NonBlank
    v: Annotated[int, Field(gt=0)]
    definite: bool = False


class NumbersFile(_Yaml):
    words: list[NumberWordEntry]
    proclitics: Names
    qualifiers_before: QualifierPhrases
    qualifiers_after: QualifierPhrases
    vague: list[VagueEntry]
    year_words: Names
    year_range: Annotated[list[int], Field(min_length=2, max_length=2)] = [1900, 2100]
    months: Names


# -------------------------------------------------------------------------------------- counts.yaml

class KindNoun(_Yaml):
    kind: CountKind
    who: Who
    unit: bool = False  # counts households, not people
    others: bool = False  # "others" of the group counted before
    sg: Names | None = None
    pl: Names | None = None
    dual: Names | None = None


class GroupNoun(_Yaml):
    who: Who
    unit: bool = False
    others: bool = False
    sg: Names | None = None
    pl: Names | None = None
    dual: Names | None = None


class CountsFile(_Yaml):
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


# --------------------------------------------------------------------------------------- dates.yaml

# numbered lists: {1: [يناير, …], …}
Months = dict[Annotated[int, Field(ge=1, le=12)], SomeNames]
Weekdays = dict[Annotated[int, Field(ge=0, le=6)], SomeNames]  # Python's numbering: Monday = 0
Cardinals = dict[Annotated[int, Field(ge=1, le=100)], SomeNames]
Units9 = dict[Annotated[int, Field(ge=1, le=9)], SomeNames]
Tens = dict[Annotated[int, Field(ge=20, le=30)], SomeNames]


class RiskyMonths(_Yaml):
    strict: SomeNames
    context: SomeNames


class DateQualifiers(_Yaml):
    before: SomeNames
    current: SomeNames
    next: SomeNames
    recent: SomeNames


class Periods(_Yaml):
    week: SomeNames
    month: SomeNames
    year: SomeNames


class UnitForms(_Yaml):
    one: SomeNames
    two: SomeNames
    many: SomeNames


class DurationUnits(_Yaml):
    hour: UnitForms
    day: UnitForms
    week: UnitForms
    month: UnitForms
    year: UnitForms


class OrdinalDays(_Yaml):
    units: Units9
    ten: SomeNames
    compound_units: Units9
    teen: SomeNames
    tens: Tens


class DatesFile(_Yaml):
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
    note: str | None = None


def _known_placeholders(v: str) -> bool:  # a template kind's names: {adjective_en}, {adjective_ar}, {definite_ar}
    return all(name in TEMPLATE_FIELDS for name in _PLACEHOLDER_RE.findall(v))


Pattern = Annotated[str, AfterValidator(_nonblank), _shaped(
    _known_placeholders, "a pattern whose placeholders are " + ", ".join(f"{{{f}}}" for f in TEMPLATE_FIELDS))]


class TemplateCountry(_Yaml):
    """A country of the per-country template: its code, English name and adjectives."""

    code: Country
    name_en: NonBlank
    adjective_en: NonBlank
    adjective_ar: NonBlank  # masculine plural (مدنيين سوريين)
    definite_ar: NonBlank | None = None  # with the article (المدنيين السوريين); patterns naming it are left out


class TemplateKind(_Yaml):
    """A kind of the per-country template: one entry per country, named after it."""

    id_prefix: ActorId
    name_en: NonBlank
    name_ar: NonBlank
    kind: ActorKind
    variants_ar: list[Pattern] | None = None
    variants_en: list[Pattern] | None = None
    descriptions_ar: list[Pattern] | None = None


class ActorTemplate(_Yaml):
    """Entries that are the same for every country (actors/generic.yaml): every kind for every country."""

    countries: Annotated[list[TemplateCountry], Field(min_length=1)]
    kinds: Annotated[list[TemplateKind], Field(min_length=1)]


class ActorsFile(_Yaml):
    country: Country | None = None
    template: ActorTemplate | None = None
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
    "triggers": TriggersFile, "cues": CuesFile, "numbers": NumbersFile, "counts": CountsFile,
    "dates": DatesFile, "actors": ActorsFile, "descriptors": DescriptorsFile,
    "gazetteer_places": PlaceRow, "gazetteer_aliases": AliasRow, "gazetteer_bbox": BBoxRow,
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
    names = ("triggers", "cues", "numbers", "counts", "dates", "descriptors")
    found: list[tuple[str, Path]] = [(n, base / f"{n}.yaml") for n in names if (base / f"{n}.yaml").is_file()]
    found += [("actors", p) for p in sorted((base / "actors").glob("*.yaml"))]
    gaz = base / "gazetteer"
    found += [("gazetteer_places", gaz / f) for f in GENERATED_FILES if (gaz / f).is_file()]
    found += [("gazetteer_places", p) for p in sorted(gaz.glob("curated_*.tsv"))]
    found += [(kind, gaz / f) for kind, f in (("gazetteer_aliases", ALIASES_FILE), ("gazetteer_bbox", BBOX_FILE))
              if (gaz / f).is_file()]
    read = {p for _, p in found} | {base / "actors" / "stopwords.txt", gaz / "stopwords.txt", gaz / "README.md"}
    unread = sorted(p for p in base.rglob("*") if p.is_file() and p not in read and not {"__pycache__", "ner"} & set(p.relative_to(base).parts))
    return found, unread


def check_dir(directory: str | Path | None = None, per_file: int = 10) -> list[ResourceError]:
    """Every schema violation of every resource file of a data directory (at most `per_file` a file)."""
    from rasd.resources.datafiles import read_text, read_tsv_table

    out: list[ResourceError] = []
    files, _ = resource_files(directory)
    for kind, path in files:
        try:
            if kind.startswith("gazetteer_"):
                header, header_line, rows, shown = read_tsv_table(path)
                found = table_problems(kind, header, header_line, rows)
            else:
                text, shown = read_text(path)
                try:  # libyaml when there is one: the loaders, which read the files again after this, use PyYAML
                    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
                except yaml.YAMLError as exc:
                    mark = getattr(exc, "problem_mark", None)
                    raise ResourceError(shown, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                                        line=mark.line + 1 if mark is not None else None) from exc
                data = _construct(node, shown) if node is not None else None
                found = problems(kind, data, shown, node=node)
        except ResourceError as exc:
            out.append(exc)
            continue
        out += [p.error(shown) for p in sorted(found[:per_file], key=lambda p: p.line or 0)]
        if len(found) > per_file:  # the problems of a file no schema can make sense of
            out.append(ResourceError(shown, f"… and {len(found) - per_file} more problems"))
    return out
