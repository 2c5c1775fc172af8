"""Build the general-corpus word frequencies the name recognizer reads (`rasd.recognize.names.read_wordfreq`):
src/rasd/resources/data/ner/wordfreq.tsv.gz, every Arabic word of wordfreq 3.1.1's "large" Arabic list
(Wikipedia, subtitles, news, web text, Twitter, Reddit; data CC BY-SA 4.0, code Apache-2.0; Robyn Speer,
https://github.com/rspeer/wordfreq), normalized as rasd normalizes text, with its frequency in centibels.

    PYTHONPATH=/path/to/msgpack python scripts/build_wordfreq.py WHEEL_OR_MSGPACK_GZ [--out PATH]

Build time only: it reads the wheel (`wordfreq-3.1.1-py3-none-any.whl`, or its `large_ar.msgpack.gz`) with
msgpack; rasd reads the TSV it writes and depends on neither. The list is wordfreq's "cBpack": a gzipped msgpack
list, a header then buckets, bucket i (counted from 0 after the header) holding the words of frequency
10^(-i/100). Words that normalize to the same form have their frequencies added; words with anything but
Arabic letters after normalization are left out. Deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
import zipfile
from pathlib import Path

from rasd.recognize.names import WORDFREQ_HEADER, WORDFREQ_NAME
from rasd.text.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[1]
MEMBER = "wordfreq/data/large_ar.msgpack.gz"
_ARABIC = re.compile(r"[\u0621-\u064a]+")


def buckets(path: Path) -> list[list[str]]:
    """The word buckets of wordfreq's Arabic large list (from the wheel or the .msgpack.gz itself)."""
    import msgpack

    raw = zipfile.ZipFile(path).read(MEMBER) if path.suffix == ".whl" else path.read_bytes()
    data = msgpack.unpackb(gzip.decompress(raw), raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a cBpack v1 list: {header!r}")
    return list(data[1:])


def frequencies(lists: list[list[str]]) -> dict[str, int]:
    """normalized Arabic word → its frequency in centibels (-100 log10 of the summed frequencies)."""
    total: dict[str, float] = {}
    for i, bucket in enumerate(lists):
        for word in bucket:
            w = normalize_name(word)
            if _ARABIC.fullmatch(w):
                total[w] = total.get(w, 0.0) + 10 ** (-i / 100)
    return {w: round(-100 * math.log10(f)) for w, f in total.items()}


def write(path: Path, freq: dict[str, int]) -> None:
    """The gzipped TSV: the versioned header, then `word<TAB>centibels` sorted by word (no time stamp)."""
    text = io.StringIO()
    text.write(f"{WORDFREQ_HEADER} source wordfreq 3.1.1 large_ar, CC BY-SA 4.0 (see README.md)\n")
    for w, cb in sorted(freq.items()):
        text.write(f"{w}\t{cb}\n")
    path.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    """Build and write the file."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="wordfreq-3.1.1-py3-none-any.whl or large_ar.msgpack.gz")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "rasd" / "resources" / "data" / "ner" / WORDFREQ_NAME)
    args = ap.parse_args(argv)
    freq = frequencies(buckets(args.source))
    write(args.out, freq)
    print(f"{len(freq)} words -> {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
