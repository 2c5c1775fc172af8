"""The cursors of the random mix's deep pages (not a test): `bench_api.py --mix cursor` asks them by cursor.

    python scripts/bench_cursors.py --db URL --out cursors.json      # once per store (its data, not its copy)
    python scripts/bench_api.py --db COPY --mix cursor --cursors cursors.json …

The random mix (`bench_api.random_query`) asks one page in seven at offset 500 and one at 2,000. A client paging
by cursor reaches those rows through the `next_cursor` of the page before; this script finds, for every deep query
the mix can draw (sampled until no new one comes), the token of the row before its offset — the position is a sort
value and a uid, so it stays valid on any copy of the same data, rows stored since included — and writes them as
JSON (`{query string without offset: token}`). `--mix cursor` then sends such a query as `cursor=TOKEN` instead of
`offset=N`: the same rows, so the same mix but for how its deep pages are found.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import random_query  # noqa: E402

ENV = "RASD_BENCH_CURSORS"  # the table's file, set by `bench_api.py --cursors`


def key(q: dict[str, str]) -> str:
    """A query's key in the table: its parameters but the offset, sorted, then the offset."""
    rest = sorted((k, v) for k, v in q.items() if k != "offset")
    return urlencode(rest) + "#" + q.get("offset", "0")


def deep_queries(seed: int = 1, draws: int = 400_000) -> list[dict[str, str]]:
    """Every distinct query of the random mix with an offset (sampled: `draws` draws)."""
    rng = random.Random(seed)
    found: dict[str, dict[str, str]] = {}
    for _ in range(draws):
        q = random_query(rng)
        if q.get("offset", "0") != "0":
            found.setdefault(key(q), q)
    return list(found.values())


def make(url: str) -> dict[str, str]:
    """The token of the row before each deep query's offset (none when the filter has no such row)."""
    from bench_kinds import cursor_of

    from rasd.store import Store, keyset

    table: dict[str, str] = {}
    with Store.open(url) as store:
        for q in deep_queries():
            after = cursor_of(store, q)
            if after is not None:
                sort = q.get("sort", "-date")
                table[key(q)] = keyset.encode("events", sort, after.value, after.key)
    return table


@functools.lru_cache(maxsize=1)
def _table(path: str) -> dict[str, str]:
    return dict(json.loads(Path(path).read_text(encoding="utf-8")))


def cursor_query(q: dict[str, str]) -> dict[str, str]:
    """`q` with its offset replaced by the cursor of the row before it, when the table ($RASD_BENCH_CURSORS) has
    one (a page past the filter's last match keeps its offset: it is empty either way)."""
    token = _table(os.environ[ENV]).get(key(q)) if q.get("offset", "0") != "0" else None
    if token is None:
        return q
    return {**{k: v for k, v in q.items() if k != "offset"}, "cursor": token}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    t0 = time.perf_counter()
    table = make(args.db)
    Path(args.out).write_text(json.dumps(table, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(table)} cursors in {time.perf_counter() - t0:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
