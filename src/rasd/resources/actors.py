"""The actor dictionary: one neutral entry per actor with all its Arabic names (DESIGN.md §3, §5).

Data: ``src/rasd/resources/data/actors/*.yaml``, one file per conflict or kind. Each file::

    # provenance comment
    country: LY            # default for the file's entries (optional)
    actors:
      - id: lna
        name_en: Libyan National Army
        name_ar: الجيش الوطني الليبي
        kind: state_forces
        variants_ar: [قوات حفتر, ...]        # neutral names
        hostile_ar: [ميليشيات حفتر]           # names its enemies use (framing "hostile")
        own_ar: [القوات المسلحة العربية الليبية] # its own self-designation (framing "own")
        descriptions_ar: [الرجل القوي في ليبيا] # descriptive references (resolve when the document supports it)
        hostile_descriptions_ar: [الميليشيات]   # descriptive and hostile
        variants_en: [LNA]
        affiliation: null   # id of the actor it belongs to
        role: null          # persons: "commander of the LNA"
        valid_from: null    # ISO dates
        valid_to: null
        national: [army]    # roles it plays for its country: the role's bare nouns (الجيش) name it there

``generic.yaml`` also holds the word lists of reading in context: ``national`` (role → bare nouns: الجيش،
الشرطة، الحكومة name the entry of the document's country that plays the role, or of the country a nisba after
them names), ``national_not_after``, ``identified_by`` (recognize.linking.ActorLinker.in_context) and ``anaphora_heads``
(recognize.anaphora: the heads of group names, التنظيم after تنظيم داعش).

A file may also have a ``template`` (before its ``actors``) for entries that are the same for every country:
a list of countries with their adjectives and a list of kinds whose names hold {adjective_en},
{adjective_ar} or {definite_ar}; every kind is made for every country (``generic.yaml`` documents it).

``stopwords.txt`` beside them lists common words that must never be a one-word neutral name.
The framing of a name is a property of the mention, never of the actor.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rasd.resources.actor_names import ActorName, name_index
from rasd.resources.datafiles import ResourceError, data_path, load_yaml
from rasd.resources.gazetteer import Gazetteer, read_stopwords, strip_clitics
from rasd.resources.spelling import gloss_parts, unquoted_name
from rasd.text.normalize import normalize_name

KINDS: tuple[str, ...] = (
    "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters", "protesters",
    "civilians", "external_forces", "person", "government", "international_org", "media")
FRAMINGS: tuple[str | None, ...] = (None, "hostile", "own")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the actor dictionary: id, names, kind, country and period."""
    id: str
    name_en: str
    name_ar: str
    kind: str
    country: str | None
    affiliation: str | None
    role: str | None
    valid_from: str | None
    valid_to: str | None
    variants_ar: tuple[str, ...]
    variants_en: tuple[str, ...]
    descriptions_ar: tuple[str, ...]
    hostile_ar: tuple[str, ...] = ()
    own_ar: tuple[str, ...] = ()
    hostile_descriptions_ar: tuple[str, ...] = ()  # e.g. "الميليشيات" for the GNA's forces, in LNA media
    source: str = ""
    national: tuple[str, ...] = ()  # roles (army, police, government …) it plays for its country
    national_ar: tuple[str, ...] = ()  # the bare nouns of those roles (الجيش، الشرطة): its names in its country


def valid_on(actor: Actor, day: str | None, *, whole_bounds: bool = False) -> bool:
    """Whether the entry's period (valid_from … valid_to) holds `day`, an ISO date (None: any day holds).
    `whole_bounds`: a bound given to the month or the year holds all of it (valid_to "2021-03" holds 2021-03-31);
    without, bounds and day compare as strings (a day of that month is past a bare "2021-03")."""
    if day is None:
        return True
    lo = day[:len(actor.valid_from)] if whole_bounds and actor.valid_from else day
    hi = day[:len(actor.valid_to)] if whole_bounds and actor.valid_to else day
    return (actor.valid_from is None or actor.valid_from <= lo) and (actor.valid_to is None or hi <= actor.valid_to)


@dataclass(frozen=True, slots=True)
class ActorStats:
    """How many actors and names the dictionary holds, by kind and country."""
    actors: int
    names: int
    ambiguous_names: int
    by_kind: tuple[tuple[str, int], ...]
    by_country: tuple[tuple[str, int], ...]
    by_file: tuple[tuple[str, int], ...]


def _str_list(value: Any, shown: str, what: str, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(shown, f"{what} must be a list of non-empty strings", line=line)
    seen: dict[str, None] = {}
    for v in value:
        seen.setdefault(" ".join(v.split()), None)
    return tuple(seen)


def _opt_str(value: Any, shown: str, what: str, line: int | None) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str | int):
        raise ResourceError(shown, f"{what} must be a string", line=line)
    return str(value)


def _entry_lines(text: str, key: str = "id") -> list[int]:
    """Line numbers (1-based) of each '- <key>:' entry, in order, for error messages."""
    rx = re.compile(rf"^\s*-\s+{key}\s*:")
    return [i + 1 for i, ln in enumerate(text.splitlines()) if rx.match(ln)]


def _parse_file(path: Path) -> tuple[list[Actor], list[Actor], dict[str, tuple[str, ...]]]:
    """The actors of one file: those written by hand, those its template makes, and its national roles' nouns."""
    data, shown = load_yaml(path, schema="actors")
    text = path.read_text(encoding="utf-8")
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ResourceError(shown, "expected a mapping with an 'actors' list")
    lines = _entry_lines(text)
    made = _template_entries(data.get("template"), _entry_lines(text, "id_prefix"))
    hand = [(entry, lines[i] if i < len(lines) else None) for i, entry in enumerate(data["actors"])]
    default_country = data.get("country")
    roles = {role: _str_list(words, shown, "national", None) for role, words in (data.get("national") or {}).items()}
    for country in (data.get("template") or {}).get("countries", []):  # (السورية، السوري، السوريين: Syria's)
        forms = [f for p in (country.get("definite_ar"), country.get("adjective_ar")) if p and p.endswith("يين")
                 and " " not in p for f in (p[:-2], p[:-3] + "ية", p)]  # (and ماليين، مالي for Mali)
        if country.get("feminine_ar"):  # (a broken plural's singulars: الروسية، الروسي)
            forms += [f for f in (country_feminine(country), country_masculine(country)) if f]
        if forms:
            roles[NISBA + country["code"]] = tuple(forms)
    if data.get("anaphora_heads"):
        roles[ANAPHORA_HEADS] = _str_list(data["anaphora_heads"], shown, "anaphora_heads", None)
    if data.get("identified_by"):
        roles[IDENTIFIED_BY] = _str_list(data["identified_by"], shown, "identified_by", None)
    if data.get("national_not_after"):
        roles[NOT_AFTER] = _str_list(data["national_not_after"], shown, "national_not_after", None)
    for part, words in (data.get("units") or {}).items():  # (an army's numbered units: recognize.units)
        roles[UNITS + part] = _str_list(words, shown, "units", None)
    return ([_parse_entry(entry, default_country, shown, line, path.name) for entry, line in hand],
            [_parse_entry(entry, default_country, shown, line, path.name) for entry, line in made], roles)


NOT_AFTER = "not after"  # (the key of `national_not_after` among the national roles' nouns: no role has a space)
IDENTIFIED_BY = "identified by"  # (the key of `identified_by` there)
ANAPHORA_HEADS = "anaphora heads"  # (and of `anaphora_heads`)
UNITS = "units "  # (+ a part of `units`: nouns, ordinals, arms, belonging)
NISBA = "nisba "  # (+ a country code: the key of that country's singular nisba adjectives, masculine and feminine)


def _with_national(actors: Sequence[Actor], roles: dict[str, tuple[str, ...]], base: Path) -> list[Actor]:
    """The actors, each playing a national role (army, police, government) given that role's bare nouns
    (generic.yaml's `national`); ResourceError for a role no file defines or an entry without a country."""
    out = []
    for a in actors:
        if not a.national:
            out.append(a)
            continue
        unknown = [r for r in a.national if r not in roles]
        if unknown or a.country is None:
            raise ResourceError(str(base / a.source.partition(":")[0]),
                                f"{a.id}: national role {unknown or a.national} "
                                + ("is not defined" if unknown else "needs a country"))
        out.append(replace(a, national_ar=tuple(w for r in a.national for w in roles[r])))
    return out


def _parse_entry(entry: Any, default_country: Any, shown: str, line: int | None, file_name: str) -> Actor:
    """One actor entry of a file (written by hand or made from the template), checked."""
    if not isinstance(entry, dict):
        raise ResourceError(shown, "each actor must be a mapping", line=line)
    for key in ("id", "name_en", "name_ar", "kind"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ResourceError(shown, f"missing {key}", line=line)
    aid = entry["id"].strip()
    if not _ID_RE.match(aid):
        raise ResourceError(shown, f"bad id {aid!r} (lower-case letters, digits, - _ .)", line=line)
    kind = entry["kind"].strip()
    if kind not in KINDS:
        raise ResourceError(shown, f"unknown kind {kind!r} for {aid}", line=line)
    country = _opt_str(entry.get("country", default_country), shown, "country", line)
    if country is not None and (len(country) != 2 or not country.isupper()):
        raise ResourceError(shown, f"country {country!r} of {aid} is not ISO alpha-2", line=line)
    vf = _opt_str(entry.get("valid_from"), shown, "valid_from", line)
    vt = _opt_str(entry.get("valid_to"), shown, "valid_to", line)
    for d in (vf, vt):
        if d is not None and not _DATE_RE.match(d):
            raise ResourceError(shown, f"date {d!r} of {aid} is not ISO (YYYY[-MM[-DD]])", line=line)
    name_ar = " ".join(entry["name_ar"].split())
    name_en = " ".join(entry["name_en"].split())
    return Actor(
        id=aid, name_en=name_en, name_ar=name_ar, kind=kind, country=country,
        affiliation=_opt_str(entry.get("affiliation"), shown, "affiliation", line),
        role=_opt_str(entry.get("role"), shown, "role", line),
        valid_from=vf, valid_to=vt,
        variants_ar=tuple(dict.fromkeys((name_ar, *_str_list(entry.get("variants_ar"), shown,
                                                              "variants_ar", line)))),
        variants_en=tuple(dict.fromkeys((name_en, *_str_list(entry.get("variants_en"), shown,
                                                              "variants_en", line)))),
        descriptions_ar=_str_list(entry.get("descriptions_ar"), shown, "descriptions_ar", line),
        hostile_ar=_str_list(entry.get("hostile_ar"), shown, "hostile_ar", line),
        own_ar=_str_list(entry.get("own_ar"), shown, "own_ar", line),
        hostile_descriptions_ar=_str_list(entry.get("hostile_descriptions_ar"), shown,
                                          "hostile_descriptions_ar", line),
        source=f"{file_name}:{line}" if line else file_name,
        national=_str_list(entry.get("national"), shown, "national", line))


# ------------------------------------------------------------------------------- the per-country template
# A file's `template` makes one entry per country and kind (countries outer, kinds inner); the file's header
# (generic.yaml) documents it and rasd.resources.schemas.ActorTemplate checks it before it gets here.

ARMY_KINDS = frozenset({"state_forces", "external_forces"})  # (a country with such an entry by hand: no template army)
TEMPLATE_FIELDS: tuple[str, ...] = ("adjective_en", "adjective_ar", "definite_ar", "feminine_ar", "masculine_ar",
                                    "name_en", "name_ar")  # {placeholders}
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_TEMPLATE_LISTS: tuple[str, ...] = ("variants_en", "variants_ar", "descriptions_ar")


def _template_entries(template: Any, kind_lines: list[int]) -> list[tuple[Any, int | None]]:
    """The entries a template makes, each with the line of the kind it comes from."""
    if not isinstance(template, dict):
        return []
    out: list[tuple[Any, int | None]] = []
    for country in template["countries"]:
        for i, kind in enumerate(template["kinds"]):
            entry = _expand(kind, country)
            if entry is not None:
                out.append((entry, kind_lines[i] if i < len(kind_lines) else None))
    return out


def _expand(kind: dict[str, Any], country: dict[str, Any]) -> dict[str, Any] | None:
    """One kind for one country: `<id_prefix>-<code>`, `<name_en> (<country>)`, the lists filled in; None when
    the kind's Arabic name needs an adjective the country has none of (مسؤولين {adjective_ar})."""
    name_ar = _fill(str(kind["name_ar"]), country)
    if name_ar is None:
        return None
    entry: dict[str, Any] = {
        "id": f"{kind['id_prefix']}-{str(country['code']).lower()}",
        "name_en": f"{kind['name_en']} ({country['name_en']})",
        "name_ar": name_ar, "kind": kind["kind"], "country": country["code"]}
    if kind.get("national"):
        entry["national"] = list(kind["national"])
    for key in _TEMPLATE_LISTS:
        if kind.get(key) is not None:
            filled = (_fill(str(v), country) for v in kind[key])
            entry[key] = [v for v in filled if v is not None]
    return entry


def _fill(pattern: str, country: dict[str, Any]) -> str | None:
    """`pattern` with each {placeholder} replaced by the country's value; None when the country has none
    (المدنيين {definite_ar} for a country without a definite form)."""
    out = pattern
    for name in _PLACEHOLDER_RE.findall(pattern):
        value = country_feminine(country) if name == "feminine_ar" else country_masculine(country) \
            if name == "masculine_ar" else country.get(name)
        if value is None:
            return None
        out = out.replace("{" + name + "}", str(value))
    return out


def _without_hand_names(made: Sequence[Actor], hand: Sequence[Actor]) -> list[Actor]:
    """The template's entries less the Arabic names an entry written by hand for the same country has (الشرطة
    العراقية is Iraq's own entry's name, not the generic police's), and less the army entry of a country whose
    forces entries written by hand name (Libya's, Yemen's, Israel's: who "the army" is there is theirs to say)."""
    taken = {(a.country, normalize_name(v)) for a in hand
             for v in (*a.variants_ar, *a.hostile_ar, *a.own_ar, *a.descriptions_ar, *a.hostile_descriptions_ar)}
    armies = {a.country for a in hand if a.kind in ARMY_KINDS}
    out = []
    for a in made:
        if "army" in a.national and (a.country in armies or (a.country, normalize_name(a.name_ar)) in taken):
            continue
        keep = tuple(v for v in a.variants_ar if v == a.name_ar or (a.country, normalize_name(v)) not in taken)
        out.append(a if keep == a.variants_ar else replace(a, variants_ar=keep))
    return out


def country_feminine(country: dict[str, Any]) -> str | None:
    """A template country's definite feminine singular nisba: its own `feminine_ar` (الروسية، التركية, where the
    plural is broken: الروس، الأتراك), else the one made from its sound plural (الليبيين → الليبية)."""
    return country.get("feminine_ar") or feminine_nisba(country.get("definite_ar"))


def country_masculine(country: dict[str, Any]) -> str | None:
    """A template country's definite masculine singular nisba (الروسي، الليبي: الجيش الروسي), from its feminine."""
    feminine = country_feminine(country)
    return feminine[:-1] if feminine and feminine.endswith("ة") else None


def feminine_nisba(plural: str | None) -> str | None:
    """The definite feminine singular of a nisba from its definite masculine plural (الليبيين → الليبية, as in
    السلطات الليبية، القوات الأمنية الليبية); None for a form that is no sound nisba plural."""
    if not plural or not plural.endswith("يين") or len(plural) < 6:
        return None
    return plural[:-3] + "ية"


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """The actor dictionary: every entry, its names and the matcher over them."""
    actors: tuple[Actor, ...]
    stopwords: frozenset[str] = frozenset()
    national_not_after: frozenset[str] = frozenset()  # (normalized) words after which a bare noun is no actor
    identified_by: frozenset[str] = frozenset()  # (normalized) words after unidentified gunmen that say whose
    anaphora_heads: frozenset[str] = frozenset()  # (normalized) head nouns whose definite form takes up a group
    nisbas: tuple[tuple[str, str], ...] = ()  # (normalized definite singular nisba, country): السوريه → SY
    units: tuple[tuple[str, frozenset[str]], ...] = ()  # (part of `units`, its normalized words): recognize.units
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False, compare=False)
    _by_name: dict[str, tuple[Actor, ...]] = field(default_factory=dict, repr=False, compare=False)
    _names: list[ActorName] = field(default_factory=list, repr=False, compare=False)
    _info: dict[str, tuple[ActorName, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for a in self.actors:
            self._by_id.setdefault(a.id, a)
        by_name, names, info = name_index(self.actors)
        self._by_name.update(by_name)
        self._names.extend(names)
        self._info.update(info)

    @classmethod
    def load(cls, directory: str | None = None) -> ActorDictionary:
        """The actor dictionary of a directory (default: the packaged one); ResourceError on a broken file or reference."""
        base = Path(directory) if directory is not None else data_path("actors")
        if not base.is_dir():
            raise ResourceError(str(base), "actor directory not found")
        hand: list[Actor] = []
        made: list[Actor] = []  # (after every hand-written entry: one wins where a template's shares its name)
        roles: dict[str, tuple[str, ...]] = {}
        for path in sorted(base.glob("*.yaml")):
            file_hand, file_made, file_roles = _parse_file(path)
            hand += file_hand
            made += file_made
            roles.update(file_roles)
        actors: list[Actor] = []
        seen: dict[str, str] = {}
        for a in _with_national(hand + _without_hand_names(made, hand), roles, base):
            if a.id in seen:
                file_name, _, line = a.source.partition(":")
                raise ResourceError(str(base / file_name), f"duplicate actor id {a.id} (first in {seen[a.id]})",
                                    line=int(line) if line else None)
            seen[a.id] = a.source
            actors.append(a)
        stop = read_stopwords(base / "stopwords.txt") if (base / "stopwords.txt").exists() else frozenset()
        d = cls(actors=tuple(actors), stopwords=stop,
                national_not_after=frozenset(normalize_name(w) for w in roles.get(NOT_AFTER, ())),
                identified_by=frozenset(normalize_name(w) for w in roles.get(IDENTIFIED_BY, ())),
                anaphora_heads=frozenset(normalize_name(w) for w in roles.get(ANAPHORA_HEADS, ())),
                nisbas=tuple((normalize_name(w), k.removeprefix(NISBA)) for k, ws in roles.items()
                             if k.startswith(NISBA) for w in ws),
                units=tuple((k.removeprefix(UNITS), frozenset(normalize_name(w) for w in ws))
                            for k, ws in roles.items() if k.startswith(UNITS)))
        hard = [p for p in d.validate() if p.startswith("ERROR")]
        if hard:
            raise ResourceError(str(base), "; ".join(hard[:5]) + (f" (+{len(hard) - 5} more)" if len(hard) > 5
                                                                     else ""))
        return d

    def get(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError when unknown)."""
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"unknown actor id {actor_id!r}") from None

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id

    def names(self) -> Iterator[ActorName]:
        """Every Arabic surface form, descriptions flagged ``descriptive=True``; one per (actor, form)."""
        return iter(self._names)

    def normalized_names(self) -> Iterator[tuple[str, ActorName]]:
        """Every Arabic surface form with its normalized text (normalized once when the dictionary was indexed),
        grouped by that text, each group in the order of `names`."""
        return ((k, n) for k, group in self._info.items() for n in group)

    def find(self, normalized_name: str) -> tuple[Actor, ...]:
        """Actors one of whose names (Arabic, English, or id) normalizes to ``normalized_name``."""
        return self._by_name.get(normalized_name, ())

    def name_info(self, normalized_name: str) -> tuple[ActorName, ...]:
        """The ActorName entries (with framing) whose text normalizes to ``normalized_name``."""
        return self._info.get(normalized_name, ())

    def lookup(self, text: str) -> tuple[str, tuple[Actor, ...]]:
        """Normalize ``text`` (its quotation marks out) and try it and its clitic-stripped forms, then those of the
        name before a gloss in brackets and of the gloss; (matched form, actors)."""
        for form in (f for part in gloss_parts(unquoted_name(text)) for f in strip_clitics(normalize_name(part))):
            found = self.find(form)
            if found:
                return form, found
        return normalize_name(text), ()

    def affiliates(self, actor_id: str) -> tuple[Actor, ...]:
        """The actors affiliated with `actor_id`."""
        return tuple(a for a in self.actors if a.affiliation == actor_id)

    def stats(self) -> ActorStats:
        """Counts of actors and names by kind, country and file."""
        per_name: dict[str, set[str]] = defaultdict(set)
        for n in self._names:
            per_name[n.normalized].add(n.actor_id)
        return ActorStats(
            actors=len(self.actors), names=len(self._names),
            ambiguous_names=sum(1 for ids in per_name.values() if len(ids) > 1),
            by_kind=tuple(sorted(Counter(a.kind for a in self.actors).items(), key=lambda t: (-t[1], t[0]))),
            by_country=tuple(sorted(Counter(a.country or "-" for a in self.actors).items(),
                                    key=lambda t: (-t[1], t[0]))),
            by_file=tuple(sorted(Counter(a.source.split(":")[0] for a in self.actors).items())),
        )

    def validate(self) -> list[str]:
        """'ERROR …' broken references; 'WARN …' doubtful names; 'INFO …' shared names."""
        out: list[str] = []
        for aid, n in Counter(a.id for a in self.actors).items():
            if n > 1:
                out.append(f"ERROR duplicate actor id {aid}")
        for a in self.actors:
            out += self._entry_problems(a)
        for a in self.actors:
            cycle = self._affiliation_cycle(a)
            if cycle is not None:
                out.append(f"ERROR {a.id}: affiliation cycle through {cycle}")
        per_name: dict[str, set[str]] = defaultdict(set)
        for nm in self._names:
            if not nm.descriptive and not nm.national:  # (a bare noun: the document's country says whose)
                per_name[nm.normalized].add(nm.actor_id)
        out += self._national_overlaps()
        for k, ids in sorted(per_name.items()):
            if len(ids) > 1:
                out.append(self._shared_name_note(k, ids))
        return out

    def _entry_problems(self, a: Actor) -> list[str]:
        """One entry's broken affiliation, dates, Arabic name, missing role, and one-word common-word names."""
        out: list[str] = []
        if a.affiliation is not None:
            if a.affiliation not in self._by_id:
                out.append(f"ERROR {a.id} ({a.source}): affiliation {a.affiliation} does not exist")
            elif a.affiliation == a.id:
                out.append(f"ERROR {a.id} ({a.source}): affiliated with itself")
        if a.valid_from and a.valid_to and a.valid_from > a.valid_to:
            out.append(f"ERROR {a.id} ({a.source}): valid_from after valid_to")
        if not any(0x0621 <= ord(c) <= 0x064A for c in a.name_ar):
            out.append(f"ERROR {a.id} ({a.source}): name_ar has no Arabic letters")
        if a.kind == "person" and not a.role:
            out.append(f"WARN {a.id} ({a.source}): person without a role")
        for v in (*a.variants_ar, *a.hostile_ar, *a.own_ar):
            k = normalize_name(v)
            if " " not in k and k in self.stopwords:
                out.append(f"ERROR {a.id} ({a.source}): one-word name {v!r} is a common word; make it a "
                           "description (descriptions_ar) or drop it")
        return out

    def _national_overlaps(self) -> list[str]:
        """'WARN …' for two entries written by hand that play one national role for one country at once (the
        template's entries yield to them)."""
        out = []
        players: dict[tuple[str | None, str], list[Actor]] = defaultdict(list)
        for a in self.actors:
            if not a.source.startswith("generic.yaml"):
                for role in a.national:
                    players[(a.country, role)].append(a)
        for (country, role), acts in sorted(players.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
            for i, a in enumerate(acts):
                for b in acts[i + 1:]:
                    if (a.valid_to is None or b.valid_from is None or b.valid_from < a.valid_to) \
                            and (b.valid_to is None or a.valid_from is None or a.valid_from < b.valid_to):
                        out.append(f"WARN {a.id} and {b.id} both play {role} for {country} at once")
        return out

    def _affiliation_cycle(self, a: Actor) -> str | None:
        """The id at which following `a`'s affiliations comes back to one already passed, else None."""
        seen = {a.id}
        cur = a
        while cur.affiliation and cur.affiliation in self._by_id:
            if cur.affiliation in seen:
                return cur.affiliation
            seen.add(cur.affiliation)
            cur = self._by_id[cur.affiliation]
        return None

    def _shared_name_note(self, k: str, ids: set[str]) -> str:
        """How a name several actors share is resolved: by country, by the parent organisation, or not."""
        acts = [self._by_id[i] for i in sorted(ids)]
        countries = {x.country for x in acts}
        related = any(x.affiliation in ids for x in acts)
        if len(countries) == len(acts):
            how = "by the document's country"
        elif _disjoint_periods(acts):
            how = "by the publication date"
        elif related:
            how = "to the parent organisation unless the text names the unit"
        else:
            how = "needs context"
        level = "INFO" if how != "needs context" else "WARN"
        return f"{level} name '{k}' shared by {', '.join(sorted(ids))}: resolved {how}"


def _disjoint_periods(acts: Sequence[Actor]) -> bool:
    """No two of the actors are valid at once (a force and its successor: the publication date says which)."""
    spans = sorted((a.valid_from or "", a.valid_to or "9999") for a in acts)
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


# ---------------------------------------------------------------------- analyst commands (rasd resources)
def format_stats(gaz: Gazetteer, actors: ActorDictionary) -> str:
    """A plain-text summary of both resources: counts by country, feature and kind."""
    g = gaz.stats()
    a = actors.stats()
    core = ("LY", "SY", "YE", "IQ", "SD", "SS", "SO", "LB", "PS", "EG", "IL", "JO", "TN", "DZ", "ML", "NE", "TD")
    by_c = dict(g.by_country)
    lines = [
        f"gazetteer: {g.places} places ({g.curated} curated, {g.generated} generated), "
        f"{g.arabic_names} Arabic names, {g.ambiguous_names} shared by several places, "
        f"{len(gaz.stopwords)} stopwords",
        "  by feature: " + ", ".join(f"{k} {v}" for k, v in g.by_feature),
        "  conflict countries: " + ", ".join(f"{c} {by_c.get(c, 0)}" for c in core),
        f"  other countries: {sum(v for k, v in g.by_country if k not in core)} places in "
        f"{sum(1 for k, _ in g.by_country if k not in core)} countries",
        f"actors: {a.actors} entries, {a.names} Arabic names, {a.ambiguous_names} shared by several actors",
        "  by kind: " + ", ".join(f"{k} {v}" for k, v in a.by_kind),
        "  by country: " + ", ".join(f"{k} {v}" for k, v in a.by_country),
        "  by file: " + ", ".join(f"{k} {v}" for k, v in a.by_file),
    ]
    return "\n".join(lines)


def explain_find(gaz: Gazetteer, actors: ActorDictionary, name: str, *, doc_country: str | None = None,
                 context_words: tuple[str, ...] = ()) -> str:
    """What ``name`` can mean: its normalized and clitic-stripped forms, the places it may be (ranked, with
    the reasons one would win) and the actors it may name (with framing)."""
    norm = normalize_name(name)
    out = [f"{name!r} → normalized {norm!r}"]
    for form in strip_clitics(norm):
        places = gaz.candidates(form)
        found = actors.find(form)
        if not places and not found and not gaz.is_stopword(form):
            continue
        out.append(f"form {form!r}:")
        if gaz.is_stopword(form):
            out.append("  stopword: never read alone as a place")
        if places:
            ranked = gaz.rank(places, doc_country=doc_country,
                              context_words=[normalize_name(w) for w in context_words], nearby=())
            for i, (p, score, why) in enumerate(ranked):
                mark = "→" if i == 0 else " "
                out.append(f" {mark} place {p.id} {p.name_en} / {p.name_ar} ({p.feature}, {p.country}"
                           f"{', ' + p.admin1 if p.admin1 else ''}) score {score}: {'; '.join(why)}")
            if len(ranked) > 1 and doc_country is None:
                out.append("   (no document country given: with one, places in it gain +2.0)")
        for a in found:
            infos = [n for n in actors.name_info(form) if n.actor_id == a.id]
            tags = sorted({(n.framing or "neutral") + (", descriptive" if n.descriptive else "") for n in infos})
            aff = f", part of {a.affiliation}" if a.affiliation else ""
            out.append(f"   actor {a.id} {a.name_en} / {a.name_ar} ({a.kind}, {a.country or '-'}{aff})"
                       f"{' [' + '; '.join(tags) + ']' if tags else ''}")
        if len(found) > 1:
            out.append("   (several actors: the linker prefers the document's country, then the parent organisation)")
    if len(out) == 1:
        out.append("  nothing found")
    return "\n".join(out)


def validate_all(gaz: Gazetteer, actors: ActorDictionary) -> list[str]:
    """Problems of both resources and between them (an actor's country must be a known country)."""
    out = [f"gazetteer: {p}" for p in gaz.validate()]
    out += [f"actors: {p}" for p in actors.validate()]
    for a in actors.actors:
        if a.country is not None and gaz.country_place(a.country) is None:
            out.append(f"actors: ERROR {a.id} ({a.source}): country {a.country} is not in the gazetteer")
    return out
