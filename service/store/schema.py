"""The store's tables, their migrations and their reference data: what `kaoju init-db` sets up.

The reference data (the gazetteer's divisions, the indicator taxonomy) is handed in as `Reference`
by whoever sets the store up (service/reference.py builds it from the pipeline's tables), so the
store never imports the pipeline.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Callable

from .connection import db, insert_rows, is_postgres, locked
from .models import MODELS, Article, Fact, FactSummary, Indicator, Paragraph, Place, Source, SourcePath, StoreInfo
from .search import create_index
from .claims import rebuild as rebuild_claims
from .summary import rebuild as rebuild_summary

SCHEMA_VERSION = 19
SETUP_LOCK_KEY = 0x6B616F6A75  # "kaoju": the lock held while a store is set up
TOKEN_KEY = "token_key"  # StoreInfo key of the random key that signs `next` tokens


@dataclass(frozen=True)
class Reference:
    """The reference tables a store is filled with; the rows are made only when the store lacks them.

    `places()`: (code, name, short_name, level, parent_code, path) rows; `indicators()`: (code, label,
    description, dimensions JSON, keywords JSON) rows.
    """

    gazetteer_version: str
    places: Callable[[], list[tuple]]
    indicators: Callable[[], list[tuple]]


def init_db(reference: Reference | None = None) -> None:
    """Create every table and index that is missing and load the reference data; safe to run again,
    and safe to run from several processes at once (`kaoju extract` on N machines, `kaoju serve`
    started twice): one at a time holds the store's set-up lock, the others then find the work done.
    Serving never calls this; a store that was never set up answers /readyz with 503. Without
    `reference` the tables are made and the reference data left as it is."""
    with db.connection_context(), locked(SETUP_LOCK_KEY):
        existing = StoreInfo.get_value("schema_version") if db.table_exists("storeinfo") else None
        if existing is not None and int(existing) < SCHEMA_VERSION:
            _migrate(int(existing))
        db.create_tables(MODELS, safe=True)
        if existing is not None and int(existing) < SCHEMA_VERSION:
            _backfill(int(existing))
        StoreInfo.set("schema_version", str(SCHEMA_VERSION))
        if StoreInfo.get_value("dataset_version") is None:
            StoreInfo.set("dataset_version", "0")
        if StoreInfo.get_value(TOKEN_KEY) is None:
            StoreInfo.set(TOKEN_KEY, secrets.token_hex(32))
        if reference is not None:
            _load_places(reference)
            _load_indicators(reference)
        if is_postgres():
            # prefix LIKE on the place path (roll-up) can use this index whatever the database's collation
            db.execute_sql("CREATE INDEX IF NOT EXISTS place_path_pattern ON place (path text_pattern_ops)")
        create_index()


def _migrate(from_version: int) -> None:
    """Bring a store made by an older kaoju up to SCHEMA_VERSION: add the columns each later version
    added, those that are missing (a store may hold some already, as a test's store of version 8 does)."""
    steps = [
        (2, [Article.continued_at, Paragraph.sentences]),
        (3, [Article.place, Article.place_code, Article.year, Fact.place_code]),
        (4, [Fact.indicator]),
        (9, [Source.warning]),
        (10, [Fact.place_rule, Fact.year_rule]),
        (11, [Source.url, Source.title, Source.published, Source.meta]),
        (12, [Paragraph.kind]),
        (13, [Source.published_source, Source.outlet, Source.format, Source.original]),
        (14, [Fact.in_title]),
    ]
    from playhouse.migrate import SchemaMigrator, migrate

    migrator = SchemaMigrator.from_database(db.obj)
    if from_version == 15:  # the summary of version 15 had no subtree rows: made again (_backfill)
        db.drop_tables([FactSummary], safe=True)
    if from_version == 16:  # its index over every row of the summary gave way to partial ones (models.py)
        db.execute_sql("DROP INDEX IF EXISTS fact_summary_largest")
    with db.atomic():
        for version, fields in steps:
            if from_version >= version:
                continue
            for f in fields:
                table = f.model._meta.table_name
                if f.column_name not in {c.name for c in db.get_columns(table)}:
                    migrate(migrator.add_column(table, f.column_name, f))


def _backfill(from_version: int) -> None:
    """Fill what a new table of SCHEMA_VERSION holds for the rows an older kaoju stored."""
    if from_version < 9:
        SourcePath.insert_from(Source.select(Source.id, Source.path), [SourcePath.source, SourcePath.path]) \
            .on_conflict_ignore().execute()
    if from_version < 14:  # a figure of a heading paragraph is in a title
        headings = Paragraph.select(Paragraph.id).where(Paragraph.kind == "heading")
        Fact.update(in_title=True).where(Fact.paragraph.in_(headings)).execute()
    if from_version < 17:  # version 16 had no rows by year and by indicator for each place
        rebuild_summary()
    if from_version < 19:  # claims came in version 19
        rebuild_claims()


def _load_places(reference: Reference) -> None:
    """Fill the Place table from the gazetteer once per gazetteer version."""
    if StoreInfo.get_value("gazetteer_version") == reference.gazetteer_version:
        return
    rows = reference.places()
    with db.atomic():
        stored = {p.code: p.short_name for p in Place.select(Place.code, Place.short_name)}
        for code, _, short_name, *_ in rows:
            if code in stored and stored[code] != short_name:  # names derived anew: 新疆维吾尔 → 新疆
                Place.update(short_name=short_name).where(Place.code == code).execute()
        insert_rows(Place, ("code", "name", "short_name", "level", "parent_code", "path"), rows, ignore_conflicts=True)
        StoreInfo.set("gazetteer_version", reference.gazetteer_version)


def _load_indicators(reference: Reference) -> None:
    """Bring the store's copy of the indicator taxonomy in line with the reference: rows that differ
    are updated, new ones added, dropped ones removed; an up-to-date copy is not written at all."""
    wanted = {row[0]: tuple(row) for row in reference.indicators()}
    columns = (Indicator.code, Indicator.label, Indicator.description, Indicator.dimensions, Indicator.keywords)
    stored = {row[0]: row for row in Indicator.select(*columns).tuples()}
    if stored == wanted:
        return
    with db.atomic():
        gone = [code for code in stored if code not in wanted]
        if gone:
            Indicator.delete().where(Indicator.code.in_(gone)).execute()
        for code, row in wanted.items():
            if stored.get(code) != row:
                Indicator.insert(dict(zip(columns, row))).on_conflict(
                    conflict_target=[Indicator.code],
                    update={field: value for field, value in zip(columns[1:], row[1:])}).execute()
