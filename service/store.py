"""The relational store: one peewee Database chosen from DATABASE_URL, bound to the models."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from peewee import DatabaseProxy
from playhouse.db_url import connect

db = DatabaseProxy()

SCHEMA_VERSION = 11
DEFAULT_URL = "sqlite:///instance/kaoju.db"
SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10000, "synchronous": "normal"}


class StoreError(RuntimeError):
    """The store cannot be opened; the message says which URL and why."""


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $DATABASE_URL, else the SQLite file in instance/."""
    return url or os.environ.get("DATABASE_URL") or DEFAULT_URL


def limit_query_time(milliseconds: int) -> None:
    """Bound every statement on the current connection: PostgreSQL's statement_timeout, or a
    progress handler that interrupts SQLite once the time is up."""
    import time

    if is_postgres():
        db.execute_sql(f"SET statement_timeout = {int(milliseconds)}")
        return
    deadline = time.monotonic() + milliseconds / 1000
    db.connection().set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 1000)


def open_database(url: str | None = None):
    """Create the Database for `url` and bind the models to it."""
    url = database_url(url)
    scheme = urlparse(url).scheme.split("+")[0]
    options = {}
    if scheme == "sqlite":
        path = url.split("sqlite:///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        options["pragmas"] = SQLITE_PRAGMAS
    elif scheme not in ("postgres", "postgresql", "psycopg3"):
        raise StoreError(f"DATABASE_URL {url!r}: only sqlite:/// and postgresql:// are supported")
    elif "+" not in urlparse(url).scheme:
        # a pool per process: a new PostgreSQL connection costs several ms, more than most queries
        url = url.replace(f"{scheme}://", f"{scheme}+pool://", 1)
        options.update(max_connections=8, stale_timeout=300)
    try:
        database = connect(url, **options)
    except Exception as exc:  # peewee raises driver-specific errors for bad URLs
        raise StoreError(f"cannot use DATABASE_URL {url!r}: {exc}") from exc
    db.initialize(database)
    return database


def init_db() -> None:
    """Create every table and index that is missing and load the reference data; safe to run again,
    and safe to run from several processes at once (`kaoju extract` on N machines, `kaoju serve`
    started twice): one at a time holds the store's set-up lock, the others then find the work done.
    Serving never calls this; a store that was never set up answers /readyz with 503."""
    from .models import MODELS, StoreInfo

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
        if StoreInfo.get_value("token_key") is None:
            from .api.tokens import STORE_KEY, new_store_key

            StoreInfo.set(STORE_KEY, new_store_key())
        _load_gazetteer()
        _load_indicators()
        if is_postgres():
            # prefix LIKE on the place path (roll-up) can use this index whatever the database's collation
            db.execute_sql("CREATE INDEX IF NOT EXISTS place_path_pattern ON place (path text_pattern_ops)")
        from .search import create_index

        create_index()


SETUP_LOCK_KEY = 0x6B616F6A75  # "kaoju": the lock held while a store is set up


@contextmanager
def locked(key: int):
    """One transaction that holds the lock named by `key` (a 63-bit number) until it ends, so that
    processes writing the same thing at once queue instead of colliding: PostgreSQL's advisory
    transaction lock on the key, or SQLite's write lock taken up front (BEGIN IMMEDIATE), which
    serialises every writer."""
    if is_postgres():
        with db.atomic():
            db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (key,))
            yield
    else:
        with db.atomic("IMMEDIATE"):
            yield


def _migrate(from_version: int) -> None:
    """Bring a store made by an older kaoju up to SCHEMA_VERSION: add the columns each later version
    added, those that are missing (a store may hold some already, as a test's store of version 8 does)."""
    from .models import Article, Fact, Paragraph, Source

    steps = [
        (2, [Article.continued_at, Paragraph.sentences]),
        (3, [Article.place, Article.place_code, Article.year, Fact.place_code]),
        (4, [Fact.indicator]),
        (9, [Source.warning]),
        (10, [Fact.place_rule, Fact.year_rule]),
        (11, [Source.url, Source.title, Source.published, Source.meta]),
    ]
    from playhouse.migrate import SchemaMigrator, migrate

    migrator = SchemaMigrator.from_database(db.obj)
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
    from .models import Source, SourcePath

    if from_version < 9:
        SourcePath.insert_from(Source.select(Source.id, Source.path), [SourcePath.source, SourcePath.path]) \
            .on_conflict_ignore().execute()


def _load_gazetteer() -> None:
    """Fill the Place table from the packaged gazetteer once per gazetteer version."""
    from .models import Place, StoreInfo
    from .pipeline.places import GAZETTEER_VERSION, load_gazetteer, short_names

    if StoreInfo.get_value("gazetteer_version") == GAZETTEER_VERSION:
        return
    gazetteer = load_gazetteer()
    rows = [(d.code, d.name, (short_names(d.name, d.level) or [None])[0], d.level, d.parent or None,
             gazetteer.path(d.code)) for d in gazetteer.divisions.values()]
    with db.atomic():
        stored = {p.code: p.short_name for p in Place.select(Place.code, Place.short_name)}
        for code, _, short_name, *_ in rows:
            if code in stored and stored[code] != short_name:  # names derived anew: 新疆维吾尔 → 新疆
                Place.update(short_name=short_name).where(Place.code == code).execute()
        insert_rows(Place, ("code", "name", "short_name", "level", "parent_code", "path"), rows, ignore_conflicts=True)
        StoreInfo.set("gazetteer_version", GAZETTEER_VERSION)


def _load_indicators() -> None:
    """Bring the store's copy of the indicator taxonomy in line with the package's: rows that differ
    are updated, new ones added, dropped ones removed; an up-to-date copy is not written at all."""
    import json

    from .models import Indicator
    from .pipeline.indicators import load_indicators

    wanted = {i.code: (i.code, i.label, i.description, json.dumps(i.dimensions),
                       json.dumps(i.keywords, ensure_ascii=False)) for i in load_indicators().values()}
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


def insert_rows(model, fields: tuple[str, ...], rows: list[tuple], ignore_conflicts: bool = False,
                batch: int = 1000) -> None:
    """One parameterised INSERT run over many rows (executemany): peewee's per-row SQL building is
    the job's hot spot. With `ignore_conflicts`, rows whose unique key exists are skipped."""
    if not rows:
        return
    database = db.obj
    open_quote, close_quote = database.quote

    def quoted(name: str) -> str:
        return f"{open_quote}{name}{close_quote}"

    columns = ", ".join(quoted(model._meta.fields[name].column_name) for name in fields)
    placeholders = ", ".join([database.param] * len(fields))
    sql = f"INSERT INTO {quoted(model._meta.table_name)} ({columns}) VALUES ({placeholders})"
    if ignore_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    cursor = database.cursor()
    for start in range(0, len(rows), batch):
        cursor.executemany(sql, rows[start:start + batch])


def is_postgres() -> bool:
    from peewee import PostgresqlDatabase

    return isinstance(db.obj, PostgresqlDatabase)
