"""The schema of gazetteer/geonames_ar.tsv: Arabic names for GeoNames places that have none (scripts/build_gazetteer.py)."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator

from rasd.resources.schema_types import NonBlank, _nonblank, _Row, _shaped

ARABIC_NAMES_FILE = "geonames_ar.tsv"  # in data/gazetteer/; read by scripts/build_gazetteer.py, merged into geonames.tsv
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*$")


def is_arabic_names(value: str) -> bool:
    """'|'-separated names of Arabic letters (no diacritics, no tatweel) and single spaces."""
    return all(_ARABIC_NAME_RE.match(p.strip()) for p in value.split("|") if p.strip())


ArabicNames = Annotated[str, _shaped(is_arabic_names, "Arabic letters and single spaces ('|'-separated)")]


class ArabicNameRow(_Row):
    """geonames_ar.tsv: an Arabic name for a GeoNames place that has none, and where its spelling comes from."""

    geonameid: Annotated[str, _shaped(lambda v: v.isascii() and v.isdigit(), "a GeoNames id (digits)")]
    name_en: NonBlank  # GeoNames' name, for the reader (the build checks it against GeoNames)
    name_ar: Annotated[str, AfterValidator(_nonblank), _shaped(is_arabic_names, "Arabic letters and single spaces")]
    variants_ar: ArabicNames
    source: Literal["arwiki", "arwiki checked", "news", "news checked"]
