"""The store's schema: SQLAlchemy 2 Core tables and the migrations that build them.

Every table lives in one `MetaData` built by `build_metadata()` (no module-level mutable state: each
`Store` builds its own). The schema is versioned: `schema_migrations` records each migration applied, and
`migrate(conn, metadata)` applies the missing ones in order, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ColumnElement,
    Computed,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.schema import CreateIndex

from rasd.store import changes, doccounts, facetcounts, pagejson, pgschema

SCHEMA_VERSION = 18
CANONICAL = "uid = merged_id"  # the partial indexes' predicate: one row per happening (filters' merged=True)
# PostgreSQL (schema version 8): the same test as a stored generated column, `events.canonical`. The planner
# estimates `uid = merged_id` (two columns compared) at 0.5 % of the rows whatever the data (100,000 canonical
# events were planned as 500), so it sorted every match of a filter instead of walking the sort order's index
# and stopping at the page; a boolean column has statistics. The partial indexes' predicate is then `canonical`.
PG_CANONICAL = "canonical"


@dataclass(frozen=True, slots=True)
class Tables:
    """The store's tables, built together in one `MetaData`."""

    metadata: MetaData
    migrations: Table
    documents: Table
    doc_bands: Table
    doc_minhash: Table
    mentions: Table
    events: Table
    event_actors: Table
    counts: Table
    event_sources: Table
    tolls: Table
    campaigns: Table
    state: Table


def _migrations_table(md: MetaData) -> Table:
    """The migrations applied to the store, one row per schema version."""
    return Table(
        "schema_migrations", md,
        Column("version", Integer, primary_key=True, autoincrement=False),
        Column("description", String(200), nullable=False),
        Column("applied_at", String(40), nullable=False),
    )


def _documents_table(md: MetaData) -> Table:
    """One row per stored document: its text, metadata, the record as extracted and its reprint link."""
    return Table(
        "documents", md,
        Column("id", String(80), primary_key=True),            # sha256:<hex of the original text>
        Column("external_id", String(200)),                    # the id an input gave (JSON Lines "id")
        Column("source", Text, nullable=False),
        Column("published", String(10)),
        Column("language", String(8), nullable=False),
        Column("length", Integer, nullable=False),
        Column("title", Text),
        Column("encoding", String(40)),
        Column("content_type", String(80)),
        Column("country", String(4)),
        Column("text", Text, nullable=False),
        Column("record_schema", String(40), nullable=False),
        Column("record_json", Text, nullable=False),           # the full document record as extracted
        Column("n_events", Integer, nullable=False),
        Column("n_mentions", Integer, nullable=False), Column("n_counts", Integer, nullable=False),
        Column("reprint_of", String(80)),                      # earlier document with (nearly) the same text
        Column("reprint_similarity", Float),
        Column("ingested_at", String(40), nullable=False),
        Index("ix_documents_published", "published"),
        Index("ix_documents_reprint_of", "reprint_of"), pgschema.documents_order_index(),
    )


def _doc_bands_table(md: MetaData) -> Table:
    """The MinHash band keys of each document (reprint detection looks its candidates up by key)."""
    return Table(
        "doc_bands", md,
        Column("band", BigInteger, nullable=False),
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        PrimaryKeyConstraint("band", "document_id", name="pk_doc_bands"),
        Index("ix_doc_bands_document", "document_id"),
    )


def _doc_minhash_table(md: MetaData) -> Table:
    """The MinHash signature of each document (the similarity of reprint candidates)."""
    return Table(
        "doc_minhash", md,
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        Column("signature", LargeBinary, nullable=False),      # SIGNATURE_SIZE little-endian uint32
    )


def _mentions_table(md: MetaData) -> Table:
    """The mentions of each document (actors, places, dates …) as spans into its text."""
    return Table(
        "mentions", md,
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        Column("id", String(40), primary_key=True),
        Column("kind", String(20), nullable=False),
        Column("text", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("ref", String(200)),
        Column("framing", String(40)),
        Index("ix_mentions_ref", "kind", "ref"),
    )


def _events_table(md: MetaData, postgres: bool = False) -> Table:
    """One row per extracted event, with the canonical event of its happening (`merged_id`); on PostgreSQL also
    `canonical`, generated from `uid = merged_id` (PG_CANONICAL)."""
    pg_only = [Column(PG_CANONICAL, Boolean, Computed(CANONICAL, persisted=True))] if postgres else []
    return Table(
        "events", md,
        Column("uid", String(130), primary_key=True),          # <document id>/<event id>
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        Column("event_id", String(40), nullable=False),
        Column("merged_id", String(130), nullable=False),      # uid of the canonical event of its happening
        Column("acled_event_type", String(60)),
        Column("acled_sub_event_type", String(80)),
        Column("plover", String(40), nullable=False),
        Column("actor1_id", String(120)),
        Column("actor1_name_en", Text),
        Column("actor1_name_ar", Text),
        Column("actor1_kind", String(40)),
        Column("actor2_id", String(120)),
        Column("actor2_name_en", Text),
        Column("actor2_name_ar", Text),
        Column("actor2_kind", String(40)),
        Column("location_id", String(120)),
        Column("location_name_en", Text),
        Column("location_name_ar", Text),
        Column("country", String(4)),
        Column("admin1", Text),
        Column("lat", Float),
        Column("lon", Float),
        Column("geo_precision", Integer),
        Column("date_start", String(10)),
        Column("date_end", String(10)),
        Column("date_precision", String(10), nullable=False),
        Column("date_anchor", String(10), nullable=False),
        Column("modality", String(20), nullable=False),
        Column("merge_span", SmallInteger),                    # span class of a mergeable event (merging; version 5)
        Column("source_attribution", Text),
        Column("confidence", Float, nullable=False),
        Column("fatalities", Integer),                         # incident-scope killed in this document; null: none said
        Column("cumulative_killed", Integer),                  # largest cumulative killed toll the event carries
        Column("evidence_text", Text, nullable=False),         # the evidence spans' text, joined by " … "
        Column("search_text", Text, nullable=False),           # normalized evidence + names, for text search
        Column("event_json", Text, nullable=False),
        *pg_only,
        Index("ix_events_document", "document_id"),
        Index("ix_events_happening", "merged_id", "fatalities"),  # a happening's reports and its figure (v6)
        Index("ix_events_date", "date_start"),
        *_hot_event_indexes(postgres),
        _merge_index(),
    )


def is_canonical(events: Table) -> ColumnElement[bool]:
    """The condition "the event is its happening's canonical one" that the partial indexes' predicate implies:
    `events.canonical` where the table has it (PostgreSQL, version 8), else `uid = merged_id`."""
    if PG_CANONICAL in events.c:
        return events.c[PG_CANONICAL]  # the bare column: the indexes' predicate, matched as written
    return events.c.uid == events.c.merged_id


def _canonical_index(name: str, *cols: Any, postgres: bool = False) -> Index:
    """An index over the canonical events only: `uid = merged_id` on SQLite, and on PostgreSQL `canonical` from
    schema version 8 (`postgres`; the metadata of a PostgreSQL store) or `uid = merged_id` before."""
    return Index(name, *cols, postgresql_include=pgschema.include(name, cols), sqlite_where=text(CANONICAL),
                 postgresql_where=text(PG_CANONICAL if postgres else CANONICAL))


def _hot_event_indexes(postgres: bool = False) -> list[Index]:
    """Indexes of /api/events' and the dashboard's filters and sorts (schema version 6; see `_covering`)."""
    pg = {"postgres": postgres}
    return [
        _covering("ix_events_cov_date", "date_start", "uid", "date_end", **pg),
        _covering("ix_events_cov_search", "search_text", **pg),  # text search scans this, not the rows
        _canonical_index("ix_events_canon_fatalities", "fatalities", "uid", **pg),
        _canonical_index("ix_events_canon_confidence", "confidence", "uid", **pg),
        _covering("ix_events_cov_country", "country", "date_start", "date_end", "plover", "modality", **pg),
        _covering("ix_events_cov_plover", "plover", "country", "date_start", **pg),
        _covering("ix_events_cov_place", "location_id", "date_start", **pg),
        _covering("ix_events_cov_place_en", func.lower(text("location_name_en")), "date_start", **pg),
        _covering("ix_events_cov_place_ar", "location_name_ar", "date_start", **pg),
        _covering("ix_events_cov_acled", "acled_event_type", "confidence", "date_start", **pg),
        _covering("ix_events_cov_subtype", "acled_sub_event_type", "confidence", "date_start", **pg),
        Index("ix_events_uid_merged", "uid", "merged_id"),  # "is it canonical?" without reading the row
        Index("ix_events_fatalities", "fatalities"),  # the sorts of every document's events (merged=false)
        Index("ix_events_confidence", "confidence"),
        *(pgschema.desc_index(f"ix_events_{canon}{col}_desc", col, (PG_CANONICAL if postgres else CANONICAL)
                              if canon else None) for canon in ("", "canon_") for col in pgschema.DESC_SORTS),
        *([_canonical_index(PG_CANONICAL_UID, "uid", postgres=True)] if postgres else []),
        *pgschema.event_indexes(postgres),
    ]


# PostgreSQL (version 8): "is it canonical?" for a list of uids (an actor's events) from the index alone
PG_CANONICAL_UID = "ix_events_canon_uid"


def _covering(name: str, *cols: Any, postgres: bool = False) -> Index:
    """A canonical-events index that also holds `uid` and `merged_id`: a query whose filter columns are all in it
    (counts above all) is answered from the index alone. SQLite counts an index as covering only when it holds
    every column the query names, the canonical test's `uid = merged_id` included; without them it reads each
    matching row (a country's count over 100,000 events: 106 ms of CPU, 7 ms with them)."""
    have = {c for c in cols if isinstance(c, str)}
    return _canonical_index(name, *cols, *(c for c in ("uid", "merged_id") if c not in have), postgres=postgres)


# indexes of versions 1-5 that version 6 replaces with `_covering` ones or drops (their filters on every
# document's events, merged=false, are rare; a canonical index serves the API's default)
REPLACED_INDEXES = ("ix_events_canon_date", "ix_events_canon_search", "ix_events_canon_country",
                    "ix_events_canon_location", "ix_events_canon_acled", "ix_events_country", "ix_events_location",
                    "ix_events_acled", "ix_events_subtype", "ix_events_plover", "ix_events_location_en",
                    "ix_events_location_ar", "ix_events_merged")


def _merge_index() -> Index:
    """The cross-document merge look-up (schema version 5): canonical events by type, place, span class and start
    date, covering the columns `merging.merge_candidates` reads (SQLite: in the key; PostgreSQL: INCLUDE)."""
    keys = ("plover", "acled_event_type", "location_id", "merge_span", "date_start")
    covered = ("date_end", "uid", "document_id", "actor1_id", "actor2_id")
    return _canonical_index("ix_events_merge", *keys, *covered)


def _event_actors_table(md: MetaData, postgres: bool = False) -> Table:
    """Every actor of every event, by role and position; on PostgreSQL also whether the event is canonical (its
    flag kept by triggers, and the indexes of an actor's canonical events: `pgschema`, version 9)."""
    return Table(
        "event_actors", md,
        Column("event_uid", String(130), ForeignKey("events.uid", ondelete="CASCADE"), primary_key=True),
        Column("position", Integer, primary_key=True, autoincrement=False),
        Column("role", String(10), nullable=False),            # actor1 | actor2 | other
        Column("actor_id", String(120), nullable=False),
        Column("name_en", Text),
        Column("name_ar", Text),
        Column("kind", String(40)),
        Index("ix_event_actors_actor", "actor_id"),
        # the actor filter's look-ups, covering (each gives the event uid without reading the row)
        Index("ix_event_actors_actor_uid", "actor_id", "event_uid"),
        Index("ix_event_actors_name_en", func.lower(text("name_en")), "event_uid"),
        Index("ix_event_actors_name_ar", "name_ar", "event_uid"),
        *pgschema.actor_columns(postgres),
        *pgschema.actor_indexes(postgres),
    )


def _counts_table(md: MetaData) -> Table:
    """The counts of each document (`event_uid` null) and of each of its events."""
    return Table(
        "counts", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        Column("event_uid", String(130), ForeignKey("events.uid", ondelete="CASCADE")),  # null: document-level
        Column("idx", Integer),                                # position in the document's count list
        Column("kind", String(20), nullable=False),
        Column("value", Integer, nullable=False),
        Column("qualifier", String(12), nullable=False),
        Column("who", String(40), nullable=False),
        Column("scope", String(12), nullable=False),
        Column("parent", Integer),                             # idx of the count this one is a subset of
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("source_attribution", Text),
        Index("ix_counts_document", "document_id"),
        Index("ix_counts_event", "event_uid"),
    )


def _event_sources_table(md: MetaData) -> Table:
    """The reports of each happening: its member events, keyed by its canonical event."""
    return Table(
        "event_sources", md,
        Column("merged_id", String(130), nullable=False),
        Column("event_uid", String(130), ForeignKey("events.uid", ondelete="CASCADE"), nullable=False),
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        Column("source", Text, nullable=False),
        Column("published", String(10)),
        Column("reprint_of", String(80)),
        UniqueConstraint("merged_id", "event_uid", name="uq_event_sources"),
        Index("ix_event_sources_merged", "merged_id"),
    )


def _tolls_table(md: MetaData) -> Table:
    """Cumulative toll points, one per cumulative count of an event; `series` groups them."""
    return Table(
        "tolls", md,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("series", String(700), nullable=False),         # campaign|kind|who|source_key
        Column("campaign", String(250), nullable=False),       # campaigns.id
        Column("place_id", String(120), nullable=False),       # location id, else the country, else ''
        Column("place_name_en", Text),
        Column("place_name_ar", Text),
        Column("country", String(4)),
        Column("kind", String(20), nullable=False),
        Column("who", String(40), nullable=False),
        Column("value", Integer, nullable=False),
        Column("qualifier", String(12), nullable=False),
        Column("date", String(10)),
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        Column("event_uid", String(130), ForeignKey("events.uid", ondelete="CASCADE"), nullable=False),
        Column("source", Text, nullable=False),
        Column("source_attribution", Text),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("source_key", String(250)),                     # whose figure: an actor id, else outlet:<source>
        Column("source_label", Text),                          # the source's English name (else its words)
        Column("source_label_ar", Text),
        Column("belligerent", Boolean),                        # the figure is a party's own claim
        Index("ix_tolls_series", "series", "date"),
        Index("ix_tolls_campaign", "campaign", "kind", "date"),
    )


def _campaigns_table(md: MetaData) -> Table:
    """The campaigns tolls are assigned to: known ones (campaigns.yaml) and provisional ones an analyst may name."""
    return Table(
        "campaigns", md,
        Column("id", String(250), primary_key=True),
        Column("name_en", Text, nullable=False),
        Column("name_ar", Text, nullable=False),
        Column("country", String(4)),
        Column("theatre", Text, nullable=False),               # gazetteer ids, '|'-separated
        Column("start_date", String(10)),
        Column("end_date", String(10)),
        Column("parties", Text, nullable=False),               # actor ids, '|'-separated
        Column("provisional", Boolean, nullable=False),
        Column("created_at", String(40), nullable=False),
    )


def _state_table(md: MetaData) -> Table:
    """One row: the store's generation, raised by every write transaction (read caches compare it; version 5), the
    documents counted by the writes (`doccounts`, version 16) and the canonical set's generation (`changes`, 18)."""
    return Table("store_state", md, Column("id", Integer, primary_key=True, autoincrement=False),
                 Column("generation", BigInteger, nullable=False), *doccounts.state_columns(),
                 *changes.state_columns())


def build_metadata(dialect: str = "sqlite") -> Tables:
    """A fresh `MetaData` holding every table of the store (each `Store` builds its own) for `dialect`: a
    PostgreSQL store's events have the `canonical` column and the partial indexes over it (version 8)."""
    md = MetaData()
    pg = dialect == "postgresql"
    return Tables(md, *(build(md) for build in (
        _migrations_table, _documents_table, _doc_bands_table, _doc_minhash_table, _mentions_table,
        lambda m: _events_table(m, pg), lambda m: _event_actors_table(m, pg), _counts_table, _event_sources_table, _tolls_table,
        _campaigns_table, _state_table)))


def _migration_1(conn: Connection, t: Tables) -> None:
    """Create every table of the initial schema."""
    t.metadata.create_all(conn, tables=[x for x in t.metadata.sorted_tables if x is not t.migrations])


def _migration_2(conn: Connection, t: Tables) -> None:
    """Create the indexes of the hot read queries (a store made at version 1 lacks them)."""
    _create_indexes(conn, t.events, t.event_actors)


def _create_indexes(conn: Connection, *tables: Table) -> None:
    """Create every index of `tables` the store lacks (the PostgreSQL-only ones only there)."""
    if conn.dialect.name == "postgresql":
        _pg_canonical_column(conn)  # the canonical indexes' predicate names it (a store older than version 8)
        if any(table.name == "event_actors" for table in tables):
            pgschema.add_actor_flag(conn)  # likewise event_actors' (older than version 9)
    for table in tables:
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if str(index.name).endswith("_desc") and conn.dialect.name != "postgresql":
                continue  # PostgreSQL-only (`pgschema.desc_index`)
            conn.execute(CreateIndex(index, if_not_exists=True))


def _migration_3(conn: Connection, t: Tables) -> None:
    """Reprint detection through MinHash bands: create their tables, sketch the stored documents, drop the
    bottom-k sketches of versions 1-2 (`doc_shingles`), whose look-up grew with the store."""
    from rasd.store import reprints

    t.doc_bands.create(conn, checkfirst=True)
    t.doc_minhash.create(conn, checkfirst=True)
    reprints.backfill(conn, t)
    conn.execute(text("DROP TABLE IF EXISTS doc_shingles"))


def _migration_4(conn: Connection, t: Tables) -> None:
    """Campaigns: the campaigns table, and each toll point's source key, label and belligerent mark."""
    t.campaigns.create(conn, checkfirst=True)
    have = {c["name"] for c in inspect(conn).get_columns(t.tolls.name)}
    for name in ("source_key", "source_label", "source_label_ar", "belligerent"):
        if name not in have:  # a store made before version 4 (version 1 builds today's tables)
            kind = t.tolls.c[name].type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE tolls ADD COLUMN {name} {kind}"))
    conn.execute(update(t.tolls).where(t.tolls.c.source_key.is_(None)).values(
        source_key="outlet:" + t.tolls.c.source, source_label=t.tolls.c.source, source_label_ar=t.tolls.c.source,
        belligerent=False))
    conn.execute(CreateIndex(next(i for i in t.tolls.indexes if i.name == "ix_tolls_campaign"), if_not_exists=True))


def _migration_5(conn: Connection, t: Tables) -> None:
    """Merging through an index whose ranges are bounded: each mergeable event's span class (`merge_span`, set
    from its stored dates) and `ix_events_merge`; `ix_events_match` (open-ended date ranges) goes. And the
    store's generation (`store_state`), which every write raises."""
    from rasd.store import merging

    t.state.create(conn, checkfirst=True)
    if conn.execute(select(t.state.c.id)).first() is None:
        conn.execute(insert(t.state).values(id=1, generation=0))
    have = {c["name"] for c in inspect(conn).get_columns(t.events.name)}
    if "merge_span" not in have:  # a store made before version 5 (version 1 builds today's tables)
        conn.execute(text("ALTER TABLE events ADD COLUMN merge_span SMALLINT"))
    merging.backfill_spans(conn, t)
    conn.execute(CreateIndex(next(i for i in t.events.indexes if i.name == "ix_events_merge"), if_not_exists=True))
    conn.execute(text("DROP INDEX IF EXISTS ix_events_match"))


def _migration_6(conn: Connection, t: Tables) -> None:
    """Covering indexes of the hot counts and pages (`_covering`), in place of the indexes they replace."""
    for name in REPLACED_INDEXES:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    _create_indexes(conn, t.events)


def _migration_7(conn: Connection, t: Tables) -> None:
    """Text search through an index (`search`): SQLite's FTS5 trigram table of the canonical events' search texts,
    kept by triggers; PostgreSQL's pg_trgm GIN index."""
    from rasd.store import search

    search.create_index(conn)


def _pg_canonical_column(conn: Connection) -> None:
    """PostgreSQL: add `events.canonical` where it is missing (a table rewrite: ~19 s over 100,000 events)."""
    if PG_CANONICAL not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text(f"ALTER TABLE events ADD COLUMN {PG_CANONICAL} boolean "
                          f"GENERATED ALWAYS AS ({CANONICAL}) STORED"))


def _migration_8(conn: Connection, t: Tables) -> None:
    """PostgreSQL: `events.canonical` (generated from `uid = merged_id`) and the canonical partial indexes
    rebuilt over it, so the planner knows how many events are canonical (`PG_CANONICAL`); statistics of the
    lowered names the filters compare and of the (start, end) date pairs. SQLite: nothing."""
    from rasd.store import search

    if conn.dialect.name != "postgresql":
        return
    _pg_canonical_column(conn)
    where = f"WHERE {PG_CANONICAL}"
    have: dict[str, str] = {str(name): str(ddl) for name, ddl in conn.execute(
        text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'")).all()}
    for index in sorted(t.events.indexes, key=lambda i: str(i.name)):
        if str(index.dialect_options["postgresql"]["where"]) == PG_CANONICAL and \
                not have.get(str(index.name), where).endswith(where):
            conn.execute(text(f"DROP INDEX {index.name}"))  # built over `uid = merged_id` (versions 2-7)
    _create_indexes(conn, t.events)
    search.create_index(conn, rebuild=True)
    if int(conn.execute(text("SHOW server_version_num")).scalar_one()) >= 140000:  # statistics of expressions
        conn.execute(text("CREATE STATISTICS IF NOT EXISTS st_events_place_en ON (lower(location_name_en)) "
                          "FROM events"))
        conn.execute(text("CREATE STATISTICS IF NOT EXISTS st_event_actors_name_en ON (lower(name_en)) "
                          "FROM event_actors"))
        # the date-overlap test (date_end >= from AND date_start <= to) of two correlated columns: estimated as
        # independent, one day's 296 events of 100,000 were planned as 25,000, and a deep page walked the date index
        # testing each row (350 ms); a list of the common (start, end) pairs gives 295 (a sort of them, 6 ms)
        conn.execute(text("CREATE STATISTICS IF NOT EXISTS st_events_dates (mcv) ON date_start, date_end FROM events"))
        conn.execute(text("ALTER STATISTICS st_events_dates SET STATISTICS 1000"))
    conn.execute(text("ANALYZE events"))
    conn.execute(text("ANALYZE event_actors"))


def _migration_9(conn: Connection, t: Tables) -> None:
    """PostgreSQL: `event_actors.canonical`, kept by triggers, and the partial indexes of an actor's canonical events
    (`pgschema`), so an actor's count reads `event_actors` alone, and `ix_events_canon_place_en`; the canonical
    events' search texts in `events_search` with the trigram index (`search.create_table`). SQLite: nothing."""
    if conn.dialect.name != "postgresql":
        return
    from rasd.store import search

    pgschema.add_actor_flag(conn)
    _create_indexes(conn, t.events, t.event_actors)
    search.create_table(conn)
    conn.execute(text("ANALYZE event_actors"))


# SQLite (version 10): the canonical events newest first with ties by uid, the API's default order (`-date`). The
# ascending `ix_events_cov_date` serves `date_start DESC, uid ASC` only with a sort of each date's events, for
# which SQLite walked every earlier event of the window's range: a day's page 6.9 ms of CPU, 0.03 ms with this one.
SQLITE_DATE_DESC = ("CREATE INDEX IF NOT EXISTS ix_events_cov_date_desc ON events "
                    f"(date_start DESC, uid, date_end, merged_id) WHERE {CANONICAL}")


def _migration_10(conn: Connection, t: Tables) -> None:
    """SQLite: `event_day_counts`, the canonical events counted by country and dates, kept by triggers on `events`
    (`daycounts`), so a count filtered by country and dates alone is a sum over a few hundred rows; and the
    canonical events' index newest first (SQLITE_DATE_DESC). PostgreSQL: nothing."""
    from rasd.store import daycounts

    daycounts.create(conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(SQLITE_DATE_DESC)


MIGRATIONS: tuple[tuple[int, str, Callable[[Connection, Tables], None]], ...] = (
    (1, "initial schema: documents, mentions, events, actors, counts, sources, tolls", _migration_1),
    (2, "indexes of the hot read queries (canonical events by date, country, place, type; actor names)",
     _migration_2),
    (3, "reprint detection through MinHash LSH bands (doc_bands, doc_minhash) instead of doc_shingles",
     _migration_3),
    (4, "campaigns: tolls assigned to campaigns, each point with its source key and belligerent mark", _migration_4),
    (5, "merging through bounded index ranges (events.merge_span, ix_events_merge); the store's generation",
     _migration_5),
    (6, "covering indexes of the hot counts and pages (canonical events with uid and merged_id); 12 fewer "
        "single-purpose indexes", _migration_6),
    (7, "text search through an index: FTS5 trigram table kept by triggers (SQLite), pg_trgm GIN (PostgreSQL)",
     _migration_7),
    (8, "PostgreSQL: events.canonical generated from uid = merged_id, the canonical partial indexes over it, "
        "statistics of lowered names (SQLite: nothing)", _migration_8),
    (9, "PostgreSQL: event_actors.canonical and events_search (canonical search texts, trigram index) kept by "
        "triggers, ix_events_canon_place_en (SQLite: nothing)", _migration_9),
    (10, "SQLite: event_day_counts (canonical events by country and dates) kept by triggers, the canonical "
         "events newest first (ix_events_cov_date_desc) (PostgreSQL: nothing)", _migration_10),
    (11, "PostgreSQL: event_day_counts (canonical events by country and dates) kept by a trigger, "
         "ix_event_actors_canon_name_en INCLUDE (name_en) (SQLite: nothing)", pgschema.version_11),
    (12, "event_json stored compact (no spaces): a page of events is assembled around it, unparsed (pagejson)",
     pagejson.migration_12),
    (13, "PostgreSQL: canonical sort indexes INCLUDE the filtered columns; confidence descending", pgschema.version_13),
    (14, "event_day_counts by place, actor, ACLED type (+ confidence), PLOVER too", facetcounts.migration_14),
    (15, "PostgreSQL: the documents newest first (ix_documents_published_desc) (SQLite: nothing)", pgschema.version_15),
    (16, "the documents, reprints and undated documents counted by the writes (store_state)", doccounts.migration_16),
    (17, "SQLite: the documents' ingested_at beside their id (ix_documents_ingested)", pagejson.migration_17),
    (18, "what each write changed: the canonical set's generation, the happenings given a report", changes.migration_18),
)


def current_version(conn: Connection, t: Tables) -> int:
    """The schema version the store has reached (0: no schema yet)."""
    if not inspect(conn).has_table(t.migrations.name):
        return 0
    versions = conn.execute(select(t.migrations.c.version)).scalars().all()
    return max(versions, default=0)


def migrate(conn: Connection, t: Tables) -> int:
    """Apply every migration newer than the store's version; return the version reached."""
    t.migrations.create(conn, checkfirst=True)
    have = current_version(conn, t)
    if have > SCHEMA_VERSION:
        raise RuntimeError(f"store schema version {have} is newer than this rasd ({SCHEMA_VERSION})")
    for version, description, step in MIGRATIONS:
        if version <= have:
            continue
        step(conn, t)
        conn.execute(insert(t.migrations).values(
            version=version, description=description, applied_at=datetime.now(UTC).isoformat()))
        have = version
    return have
