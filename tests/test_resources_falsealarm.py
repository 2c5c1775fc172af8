"""False alarms of the real linkers on plain Arabic prose that names no place and no actor (issue 3).

``tests/resources/prose/*.txt``: about 10,400 words of everyday Modern Standard Arabic written for rasd
(see its README). Every place or actor mention the pipeline finds there is a false alarm; the issue's target
is none on 10,000 words.

Measured with the resources before the issue-3 work: 22 mentions (16 place, 6 actor): كوبا (Cuba), البقاع
×2 (Beqaa), مشهد ×3 (Mashhad), تلمسان (Tlemcen), الخبر (Khobar), أقصر (Luxor), جده ×2 (Jeddah), الزرقاء
(Zarqa), صبيا (Sabya), الزاوية ×2 (Zawiya); القاعدة ×5 (al-Qaeda), بحماس (Hamas). Fixed in the data: the
bare everyday words are gazetteer stopwords and the places answer to longer forms (aliases.tsv), أقصر is no
longer a spelling of Luxor, and bare القاعدة is a description of al-Qaeda (it counts only when the document
names al-Qaeda or an affiliate otherwise).

Then 3 were left, names too important to stop: الزاوية ×2 ("the corner"; Zawiya, a major Libyan city that
reports name bare) and بحماس ("with enthusiasm"; Hamas). The linkers now hold الزاوية to a place cue or a
document about Libya (cues.yaml `cue_only_places`) and skip whole words listed in `not_names`: 0 left.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from rasd.pipeline import Pipeline

PROSE_DIR = Path(__file__).parent / "resources" / "prose"
@pytest.fixture(scope="module")
def found() -> tuple[int, Counter[tuple[str, str, str]]]:
    p = Pipeline.load()
    words = 0
    hits: Counter[tuple[str, str, str]] = Counter()
    files = sorted(PROSE_DIR.glob("*.txt"))
    assert files, f"no prose in {PROSE_DIR}"
    for path in files:
        text = path.read_text(encoding="utf-8")
        words += len(re.findall(r"[\u0621-\u064a]+", text))
        rec = p.extract_text(text, source="prose")
        for m in rec.mentions:
            if m.kind in ("place", "actor"):
                hits[(m.kind, m.text, str(m.ref))] += 1
    return words, hits


def test_prose_is_at_least_ten_thousand_words(found: tuple[int, Counter[tuple[str, str, str]]]) -> None:
    words, _ = found
    assert words >= 10_000


def test_no_false_alarms_at_all(found: tuple[int, Counter[tuple[str, str, str]]]) -> None:
    words, hits = found
    assert not hits, f"false place/actor mentions on {words} words of plain prose: " + ", ".join(
        f"{kind} {text!r} → {ref} ×{n}" for (kind, text, ref), n in sorted(hits.items()))
