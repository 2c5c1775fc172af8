"""Reprint detection: a document whose MinHash signature mostly matches a stored one is a reprint of it.

Each document gets a MinHash signature of its normalized word 5-shingles: SIGNATURE_SIZE values by one-
permutation hashing (one 64-bit hash per shingle; the hash picks the bin, the bin keeps its smallest value;
an empty bin borrows from the filled bin its fixed random probe sequence reaches first, "optimal densification"), so the fraction of equal positions
of two signatures estimates the Jaccard similarity of the two shingle sets. The signature is cut into BANDS
bands of ROWS values and each band hashed to one key, stored in `doc_bands` (indexed by key): a new document
looks up its own band keys, which finds the stored documents that share a whole band — the candidates — in
time that does not grow with the store; the candidates' signatures (`doc_minhash`) then give the similarity.
The stored document most similar, at least REPRINT_THRESHOLD, is the one it reprints (or, when that one is
itself a reprint, the first document of the chain). With 32 bands of 4, a pair at similarity 0.5 shares a band
with probability 0.87, at 0.6 with 0.99, at 0.2 with 0.05.
"""

from __future__ import annotations

import hashlib
import random
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, TextClause, delete, insert, select, text

from rasd.store.schema import Tables
from rasd.text.normalize import normalize

SHINGLE_SIZE = 5
SIGNATURE_SIZE = 128  # a power of two: the low bits of a shingle's hash pick its bin
BANDS = 32
ROWS = SIGNATURE_SIZE // BANDS
REPRINT_THRESHOLD = 0.5
MIN_SHINGLES = 4  # texts with fewer distinct shingles (very short texts) are never matched
CANDIDATES = 8  # the stored documents sharing the most bands whose signatures are compared
_EMPTY = 1 << 32
_PACK = struct.Struct(f"<{SIGNATURE_SIZE}I")


@dataclass(frozen=True, slots=True)
class Sketch:
    """A document's MinHash signature and the keys of its bands."""

    signature: tuple[int, ...]
    bands: tuple[int, ...]

    def similarity(self, other: tuple[int, ...]) -> float:
        """The estimated Jaccard similarity with another signature (the fraction of equal positions)."""
        return sum(a == b for a, b in zip(self.signature, other, strict=True)) / SIGNATURE_SIZE


def shingles(text_: str) -> set[str]:
    """The word 5-shingles of the normalized text (a shorter text: the whole text as one shingle)."""
    words = normalize(text_).text.split()
    if len(words) < SHINGLE_SIZE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)}


def _band_key(band: int, values: tuple[int, ...]) -> int:
    """A band's key: a signed 64-bit hash of its position and values."""
    digest = hashlib.blake2b(struct.pack(f"<I{ROWS}I", band, *values), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def minhash(grams: set[str]) -> tuple[int, ...]:
    """The one-permutation MinHash signature of a shingle set (unsigned 32-bit values)."""
    bins = [_EMPTY] * SIGNATURE_SIZE
    mask = SIGNATURE_SIZE - 1
    for g in grams:
        h = int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big")
        b, v = h & mask, (h >> 16) & 0xFFFFFFFF
        if v < bins[b]:
            bins[b] = v
    return _densified(bins)


def _probe_table() -> tuple[tuple[int, ...], ...]:
    """For each bin, the fixed pseudo-random sequence of bins an empty bin borrows from (the same for every
    document, so that equal sets densify equally)."""
    rng = random.Random(0x5EED)
    return tuple(tuple(rng.randrange(SIGNATURE_SIZE) for _ in range(PROBES)) for _ in range(SIGNATURE_SIZE))


PROBES = 256
_PROBE = _probe_table()


def _densified(bins: list[int]) -> tuple[int, ...]:
    """Densification (Shrivastava 2017): an empty bin takes the value of the first filled bin of its own fixed
    random probe sequence (else of the next filled bin), so a band of empty bins still draws on several
    shingles; bins all empty stay so."""
    filled = [v != _EMPTY for v in bins]
    if not any(filled):
        return tuple(bins)
    out = list(bins)
    n = len(bins)
    for i in range(n):
        if filled[i]:
            continue
        j = next((p for p in _PROBE[i] if filled[p]), -1)
        if j < 0:
            j = next((i + k) % n for k in range(1, n) if filled[(i + k) % n])
        out[i] = bins[j]
    return tuple(out)


def sketch_of(text_: str) -> Sketch | None:
    """The sketch of a text, None when it has fewer than MIN_SHINGLES shingles (never matched)."""
    grams = shingles(text_)
    if len(grams) < MIN_SHINGLES:
        return None
    sig = minhash(grams)
    return Sketch(sig, tuple(_band_key(b, sig[b * ROWS:(b + 1) * ROWS]) for b in range(BANDS)))


def find_reprint(conn: Connection, t: Tables, sketch: Sketch | None) -> tuple[str | None, float | None]:
    """The first document of the reprint chain a sketch matches, with the similarity; (None, None) if none.
    Ingest asks together with its other look-ups (`lookup_statement`, through `writes.look_up`)."""
    if sketch is None:
        return None, None
    rows = conn.execute(_CANDIDATES, candidate_params(sketch)).all()
    return best_reprint(sketch, [(r[0], r[1], r[2]) for r in rows])


def lookup_statement(document_id: str, sketch: Sketch | None) -> tuple[TextClause, dict[str, Any]]:
    """Ingest's first look-up, one statement: a row ('d', id, NULL, NULL) when the document is stored already,
    then a row ('c', document_id, signature, reprint_of) per reprint candidate (`candidates_sql`), for
    `best_reprint`."""
    if sketch is None:
        return _DUPLICATE, {"doc_id": document_id}
    return _DUPLICATE_OR_CANDIDATES, {"doc_id": document_id, **candidate_params(sketch)}


def candidates_sql() -> str:
    """The SQL of the reprint candidates (document_id, signature, reprint_of): the CANDIDATES stored documents
    sharing the most band keys with a sketch (ties by id), with their signatures and their own originals; the
    keys are bound as :b0 … (`candidate_params`)."""
    keys = ", ".join(f":b{k}" for k in range(BANDS))
    return ("SELECT s.document_id, m.signature, d.reprint_of FROM (SELECT document_id, count(*) AS shared "
            f"FROM doc_bands WHERE band IN ({keys}) GROUP BY document_id ORDER BY shared DESC, document_id "
            f"LIMIT {CANDIDATES}) AS s JOIN doc_minhash m ON m.document_id = s.document_id "
            "JOIN documents d ON d.id = s.document_id")


def candidate_params(sketch: Sketch) -> dict[str, int]:
    """The bound values of `candidates_sql`: the sketch's band keys."""
    return {f"b{k}": key for k, key in enumerate(sketch.bands)}


_CANDIDATES = text(candidates_sql())
_DUPLICATE_SQL = "SELECT 'd' AS kind, id AS k, NULL AS sig, NULL AS v FROM documents WHERE id = :doc_id"
_DUPLICATE = text(_DUPLICATE_SQL)
_DUPLICATE_OR_CANDIDATES = text(f"{_DUPLICATE_SQL} UNION ALL SELECT 'c', * FROM ({candidates_sql()}) AS c")


def best_reprint(sketch: Sketch, rows: Sequence[tuple[str, bytes, str | None]]) -> tuple[str | None, float | None]:
    """Of the candidates (document_id, signature, reprint_of), the most similar one's chain start (itself, or the
    document it reprints) and the similarity, when at least REPRINT_THRESHOLD; ties by id."""
    scored = sorted((-sketch.similarity(_PACK.unpack(bytes(sig))), doc, first) for doc, sig, first in rows)
    if not scored or -scored[0][0] < REPRINT_THRESHOLD:
        return None, None
    similarity, best, first = -scored[0][0], scored[0][1], scored[0][2]
    return (first or best), round(similarity, 3)


def store_sketch(conn: Connection, t: Tables, document_id: str, sketch: Sketch | None) -> None:
    """Record a document's signature and band keys so later documents can be matched against it."""
    if sketch is None:
        return
    conn.execute(insert(t.doc_minhash), {"document_id": document_id, "signature": _PACK.pack(*sketch.signature)})
    conn.execute(insert(t.doc_bands), [{"band": k, "document_id": document_id} for k in sorted(set(sketch.bands))])


def forget_sketch(conn: Connection, t: Tables, document_id: str) -> None:
    """Delete a document's signature and band keys."""
    for table in (t.doc_bands, t.doc_minhash):
        conn.execute(delete(table).where(table.c.document_id == document_id))


def backfill(conn: Connection, t: Tables, batch: int = 500) -> int:
    """Sketch every stored document that has no signature yet (a store made before schema version 3)."""
    done = 0
    for chunk in _unsketched(conn, t, batch):
        for doc_id, text_ in chunk:
            store_sketch(conn, t, doc_id, sketch_of(text_))
            done += 1
    return done


def _unsketched(conn: Connection, t: Tables, batch: int) -> Iterator[list[tuple[str, str]]]:
    """Stored documents without a signature, `batch` at a time, by id."""
    d, m = t.documents, t.doc_minhash
    after = ""
    while True:
        rows = conn.execute(select(d.c.id, d.c.text).where(d.c.id > after)
                            .where(~select(m.c.document_id).where(m.c.document_id == d.c.id).exists())
                            .order_by(d.c.id).limit(batch)).all()
        if not rows:
            return
        after = rows[-1][0]
        yield [(r[0], r[1]) for r in rows]


def forget_reprints_of(conn: Connection, t: Tables, document_id: str) -> None:
    """Unlink the reprints of a document being deleted (they stay stored, as originals)."""
    conn.execute(t.documents.update().where(t.documents.c.reprint_of == document_id).values(reprint_of=None))
