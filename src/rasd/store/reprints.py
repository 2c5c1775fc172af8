"""Reprint detection: a document whose shingle sketch mostly matches a stored one is a reprint of it.

Each document keeps a bottom-k sketch (k = SKETCH_SIZE) of the hashes of its normalized word 5-shingles;
the stored document sharing the most hashes, at least REPRINT_THRESHOLD of the new sketch, is the one it
reprints (or, when that one is itself a reprint, the first document of the chain).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, func, insert, select

from rasd.store.schema import Tables
from rasd.text.normalize import normalize

SHINGLE_SIZE = 5
SKETCH_SIZE = 32
REPRINT_THRESHOLD = 0.5
MIN_SKETCH = 4  # shorter sketches (very short texts) are never matched


def shingle_sketch(text_: str) -> list[int]:
    """Bottom-k sketch (k = SKETCH_SIZE) of the word 5-shingles of the normalized text, as signed int32."""
    words = normalize(text_).text.split()
    if len(words) < SHINGLE_SIZE:
        grams = {" ".join(words)} if words else set()
    else:
        grams = {" ".join(words[i:i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)}
    hashes = set()
    for g in grams:
        h = int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "big")
        hashes.add(h - (1 << 31))
    return sorted(hashes)[:SKETCH_SIZE]


def find_reprint(conn: Connection, t: Tables, sketch: list[int]) -> tuple[str | None, float | None]:
    """The first document of the reprint chain a sketch matches, with the similarity; (None, None) if none."""
    if len(sketch) < MIN_SKETCH:
        return None, None
    s = t.doc_shingles
    shared = func.count().label("shared")
    row = conn.execute(
        select(s.c.document_id, shared).where(s.c.hash.in_(sketch)).group_by(s.c.document_id)
        .order_by(shared.desc(), s.c.document_id).limit(1)).first()
    if row is None:
        return None, None
    similarity = row.shared / len(sketch)
    if similarity < REPRINT_THRESHOLD:
        return None, None
    d = t.documents
    first = conn.execute(select(d.c.reprint_of).where(d.c.id == row.document_id)).scalar_one_or_none()
    return (first or row.document_id), round(similarity, 3)


def store_sketch(conn: Connection, t: Tables, document_id: str, sketch: list[int]) -> None:
    """Record a document's sketch so later documents can be matched against it."""
    if sketch:
        conn.execute(insert(t.doc_shingles), [{"document_id": document_id, "hash": h} for h in sketch])


def forget_reprints_of(conn: Connection, t: Tables, document_id: str) -> None:
    """Unlink the reprints of a document being deleted (they stay stored, as originals)."""
    conn.execute(t.documents.update().where(t.documents.c.reprint_of == document_id).values(reprint_of=None))
