"""How many gold place and actor names resolve to the *right* gazetteer / actor-dictionary entry.

For every ``*.gold.json`` under a directory (default ``../shared/dev`` relative to the repository), each
event's ``location`` list and each of its ``actors`` lists is a set of acceptable names for one place or
actor: the Arabic ones (any Arabic letter) are looked up with ``Gazetteer.lookup`` /
``ActorDictionary.lookup``; a name counts as resolved when one of the entries it finds has, among its
English names (name_en, variants_en; for places also the id), one of the gold list's English names —
finding *some* entry is not enough. Each distinct (document, name, list) is counted once.

A name no entry resolves may still be kept right as an unlinked name: rasd is run on the document, and the
name counts as *kept unlinked* when an unlinked place or actor of its events (id null) has one of the gold
name's forms (FORMAT.md name normalization) as its Arabic name or the text of one of its mentions. Both
shares are printed: resolved, and resolved or kept unlinked (``--no-unlinked`` skips running rasd).

Prints per-country and overall shares, the misses (``--misses``), and the load time and peak memory of
loading both resources (tracemalloc; also the process's max RSS).

    python scripts/resource_coverage.py [DIR] [--misses] [--no-unlinked]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
import tracemalloc
import unicodedata
from collections import defaultdict
from pathlib import Path

from rasd.evaluation.score import name_forms
from rasd.resources.actors import ActorDictionary
from rasd.resources.gazetteer import Gazetteer
from rasd.text.normalize import normalize_name

_ARABIC = re.compile(r"[\u0621-\u064a]")
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "dev"


def _english_key(s: str) -> str:
    """Lower case, without accents (GeoNames writes Mūdīyah, gold Mudiyah), apostrophes or other marks."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", plain.lower().replace("'", "").replace("\u2018", "")
                           .replace("\u2019", "")).split())


def _split(names: list[str]) -> tuple[list[str], set[str]]:
    arabic = [n for n in names if isinstance(n, str) and _ARABIC.search(n)]
    english = {_english_key(n) for n in names if isinstance(n, str) and not _ARABIC.search(n)}
    return arabic, english - {""}


def _entry_english(entry: object) -> set[str]:
    names = {_english_key(getattr(entry, "name_en", "")), _english_key(getattr(entry, "id", ""))}
    names |= {_english_key(v) for v in getattr(entry, "variants_en", ())}
    return names - {""}


def load_resources() -> tuple[Gazetteer, ActorDictionary, float, float]:
    """Both resources, the seconds loading them takes and the tracemalloc peak (MiB) of a second load
    (tracing slows loading several times, so time and memory are measured separately)."""
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    actors = ActorDictionary.load()
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    Gazetteer.load()
    ActorDictionary.load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return gaz, actors, seconds, peak / 2**20


def unlinked_forms(directory: Path, gaz: Gazetteer | None = None,
                   actors: ActorDictionary | None = None) -> dict[str, dict[str, set[str]]]:
    """{document: {"place"|"actor": name forms of the unlinked entities of rasd's events on it; "actor in
    context" / "place in context": "<form>|<English key>" for each linked actor's or place's mention forms and
    English names (a place's from the gazetteer too, when `gaz` is given; an actor's from the dictionary, as
    the strict measure reads them, when `actors` is)}}."""
    from rasd.cli.evaluate import extract_article, find_articles
    from rasd.pipeline import Pipeline

    pipe = Pipeline.load()
    out: dict[str, dict[str, set[str]]] = {}
    for art in find_articles(directory):
        record = extract_article(art, pipe)[0] or {}
        texts = {m["id"]: m["text"] for m in record.get("mentions", [])}
        forms: dict[str, set[str]] = {"place": set(), "actor": set(), "actor in context": set(),
                                      "place in context": set()}
        for ev in record.get("events", []):
            ents = [("place", ev.get("location")), ("actor", ev.get("actor1")), ("actor", ev.get("actor2"))]
            for what, ent in ents + [("actor", a) for a in ev.get("actors", [])]:
                if ent and ent.get("id") is None:
                    for name in [ent.get("name_ar") or ""] + [texts.get(m, "") for m in ent.get("mentions", [])]:
                        forms[what] |= name_forms(name)
                elif ent:  # (a bare noun, a description, a common word: resolved by the document)
                    english = {_english_key(ent.get("name_en") or ""), _english_key(ent["id"])} - {""}
                    if what == "place" and gaz is not None and ent["id"] in gaz:
                        english |= _entry_english(gaz.get(ent["id"]))
                    elif what == "actor" and actors is not None and ent["id"] in actors:
                        english |= _entry_english(actors.get(ent["id"]))
                    for m in ent.get("mentions", []):
                        words = texts.get(m, "").split()  # (and the name after a descriptor: مدينة الأبيض)
                        tails = [" ".join(words[k:]) for k in range(len(words) if what == "place" else 1)]
                        forms[f"{what} in context"] |= {f"{f}|{e}" for t in tails for f in name_forms(t)
                                                        for e in english}
        out[art.id] = forms
    return out


def measure(directory: Path, gaz: Gazetteer, actors: ActorDictionary) -> dict[str, dict[str, list[tuple]]]:
    """{"place"|"actor": {country: [(doc, arabic name, resolved?, found ids, gold English names)]}}."""
    out: dict[str, dict[str, list[tuple]]] = {"place": defaultdict(list), "actor": defaultdict(list)}
    for path in sorted(directory.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = path.name.removesuffix(".gold.json")
        seen: set[tuple[str, str, str]] = set()
        for ev in gold.get("events", []):
            country = ev.get("country") or "-"
            lists: list[tuple[str, list[str]]] = []
            if ev.get("location"):
                lists.append(("place", ev["location"]))
            lists += [("actor", names) for names in ev.get("actors") or [] if names]
            for what, names in lists:
                arabic, english = _split(names)
                for name in arabic:
                    key = (what, normalize_name(name), "|".join(sorted(english)))
                    if key in seen:
                        continue
                    seen.add(key)
                    found = gaz.lookup(name)[1] if what == "place" else actors.lookup(name)[1]
                    ok = any(_entry_english(e) & english for e in found)
                    out[what][country].append((doc, name, ok, [e.id for e in found][:4], sorted(english)))
    return out


def _in_context(name: str, english: list[str], linked: set[str]) -> bool:
    """rasd linked a mention with one of the name's forms to an actor one of whose English names is gold's."""
    return any(f"{f}|{e}" in linked for f in name_forms(name) for e in english)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--misses", action="store_true", help="list the names that do not resolve to the right entry")
    ap.add_argument("--no-unlinked", action="store_true", help="do not run rasd to count names kept unlinked")
    args = ap.parse_args(argv)
    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"no such directory: {directory}", file=sys.stderr)
        return 2
    gaz, actors, seconds, peak_mib = load_resources()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    results = measure(directory, gaz, actors)
    kept = {} if args.no_unlinked else unlinked_forms(directory, gaz, actors)
    for what, target in (("place", 0.90), ("actor", 0.85)):
        per = results[what]
        total = sum(len(v) for v in per.values())
        good = sum(ok for v in per.values() for _, _, ok, _, _ in v)
        print(f"{what}s: {good}/{total} = {good / max(total, 1):.1%} resolve to the right entry "
              f"(target {target:.0%})")
        if kept:
            unl = sum(1 for v in per.values() for doc, name, ok, _, _ in v
                      if not ok and name_forms(name) & kept.get(doc, {}).get(what, set()))
            print(f"  + {unl} kept as the right unlinked name: {good + unl}/{total} = "
                  f"{(good + unl) / max(total, 1):.1%} resolved or kept")
            ctx = sum(1 for v in per.values() for doc, name, ok, _, english in v
                      if not ok and not name_forms(name) & kept.get(doc, {}).get(what, set())
                      and _in_context(name, english, kept.get(doc, {}).get(f"{what} in context", set())))
            print(f"  + {ctx} resolved to the right entry only in context (the document's country, a "
                  f"description, a locative cue): {good + unl + ctx}/{total} = "
                  f"{(good + unl + ctx) / max(total, 1):.1%} resolved in context or kept")
        for country in sorted(per):
            rows = per[country]
            n_ok = sum(ok for _, _, ok, _, _ in rows)
            print(f"  {country}: {n_ok}/{len(rows)} = {n_ok / len(rows):.1%}")
        if args.misses:
            for country in sorted(per):
                for doc, name, ok, ids, english in per[country]:
                    if not ok:
                        label = "kept" if name_forms(name) & kept.get(doc, {}).get(what, set()) else \
                            "context" if _in_context(name, english, kept.get(doc, {}).get(f"{what} in context", set())) \
                            else "miss"
                        print(f"    {label} {country} {doc}: {name!r} → {ids or 'nothing'} (gold: {english[:3]})")
    print(f"load: gazetteer {len(gaz.places)} places + {len(actors.actors)} actors in {seconds:.2f} s, "
          f"peak traced memory {peak_mib:.1f} MiB, process max RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
