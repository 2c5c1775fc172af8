"""Reprint detection through MinHash LSH bands: matches, non-matches, the index look-up, the migration."""

from __future__ import annotations

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, text
from store_fixtures import TEXT_A, TEXT_B, TEXT_C, TEXT_D, doc_id, sample_records, synthetic_record

from rasd.records import DocumentInfo, DocumentRecord
from rasd.store import Store
from rasd.store import reprints as rp
from rasd.store.schema import SCHEMA_VERSION

# a report and two rewrites of it by other outlets (own text): a sentence added, a sentence dropped
REPORT = ("أفادت مصادر محلية بأن طائرة مسيرة قصفت سيارة على الطريق الساحلي غرب المدينة مساء الأربعاء، "
          "ما أسفر عن مقتل ثلاثة ركاب وإصابة سائقها بجروح خطيرة. وأضافت المصادر أن فرق الإسعاف نقلت "
          "المصاب إلى مستشفى قريب، فيما لم تعلن أي جهة مسؤوليتها عن الضربة حتى الآن. ويأتي القصف بعد "
          "أسبوع من هدوء حذر ساد المنطقة عقب اتفاق محلي على وقف الاشتباكات بين الفصائل المتنازعة.")
REWRITE_ADDED = REPORT + " وطالب أعيان المنطقة بفتح تحقيق مستقل في الحادثة."
REWRITE_DROPPED = REPORT.split(". ", 1)[1]
OTHER = ("نظم مئات الطلاب وقفة احتجاجية أمام مبنى الجامعة صباح الاثنين للمطالبة بتحسين ظروف السكن الجامعي "
         "وخفض رسوم التسجيل، ورفعوا لافتات تدعو الإدارة إلى الحوار، وانتهت الوقفة دون تسجيل أي حوادث.")


def test_reprints_similarity_separates_rewrites_from_other_reports() -> None:
    a = rp.sketch_of(REPORT)
    assert a is not None
    for rewrite in (REWRITE_ADDED, REWRITE_DROPPED):
        b = rp.sketch_of(rewrite)
        assert b is not None and a.similarity(b.signature) >= rp.REPRINT_THRESHOLD
        assert set(a.bands) & set(b.bands)  # they share at least one band: the index finds them
    c = rp.sketch_of(OTHER)
    assert c is not None and a.similarity(c.signature) < 0.1 and not set(a.bands) & set(c.bands)
    assert rp.sketch_of("قتل ثلاثة") is None  # too short to match anything


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(REPORT.split()), min_size=0, max_size=60).map(" ".join))
def test_reprints_sketch_is_deterministic_and_self_similar(words: str) -> None:
    a, b = rp.sketch_of(words), rp.sketch_of(words)
    assert a == b
    if a is not None:
        assert len(a.signature) == rp.SIGNATURE_SIZE and len(a.bands) == rp.BANDS
        assert all(0 <= v < 1 << 32 for v in a.signature) and a.similarity(a.signature) == 1.0


def test_reprints_found_through_the_band_index(store_url: str) -> None:
    with Store.open(store_url) as s:
        for i in range(300):
            s.ingest(synthetic_record(i, events=2, seed=3))
        assert s.ingest(_plain(REPORT)).reprint_of is None
        for rewrite in (REWRITE_ADDED, REWRITE_DROPPED):
            assert s.ingest(_plain(rewrite)).reprint_of == doc_id(REPORT)
        with s.engine.connect() as conn:
            sk = rp.sketch_of(OTHER)
            assert sk is not None
            b = s.t.doc_bands
            hits = conn.execute(select(func.count()).where(b.c.band.in_(sk.bands))).scalar_one()
            assert hits == 0  # an unrelated report finds no candidate at all among 300 stored documents
            if not s.is_postgres:
                plan = " ".join(str(r[-1]) for r in conn.execute(text(
                    "EXPLAIN QUERY PLAN SELECT document_id FROM doc_bands WHERE band IN (1, 2, 3)")))
                assert "USING" in plan and "INDEX" in plan, plan


def _plain(text_: str) -> DocumentRecord:
    """A record of a text without mentions or events."""
    info = DocumentInfo(doc_id(text_), f"own/{len(text_)}", "2021-03-03", "ar", len(text_), "utf-8", "text/plain")
    return DocumentRecord(info, text_, (), (), ())


def test_reprints_migration_sketches_a_version_2_store(store_url: str) -> None:
    with Store.open(store_url) as s:
        for rec in sample_records():
            if rec.document.id != doc_id(TEXT_C):
                s.ingest(rec)
        with s.engine.begin() as conn:  # back to version 2: no bands nor signatures, the old sketch table
            conn.execute(delete(s.t.doc_bands))
            conn.execute(delete(s.t.doc_minhash))
            conn.execute(delete(s.t.migrations).where(s.t.migrations.c.version >= 3))
            conn.execute(text("CREATE TABLE doc_shingles (document_id VARCHAR(80), hash INTEGER)"))
    with Store.open(store_url) as s:
        assert s.schema_version() == SCHEMA_VERSION
        with s.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(s.t.doc_minhash)).scalar_one()
            assert n == sum(1 for r in sample_records() if r.document.id != doc_id(TEXT_C))
            assert "doc_shingles" not in s.engine.dialect.get_table_names(conn)
        reprint = next(r for r in sample_records() if r.document.id == doc_id(TEXT_C))
        assert s.ingest(reprint).reprint_of == doc_id(TEXT_A)
        for t_ in (TEXT_B, TEXT_D):
            assert s.get_document(doc_id(t_))["reprint_of"] is None  # type: ignore[index]
