"""The relational store: one peewee Database chosen from DATABASE_URL, bound to the models."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from peewee import DatabaseProxy
from playhouse.db_url import connect

db = DatabaseProxy()

SCHEMA_VERSION = 2
DEFAULT_URL = "sqlite:///instance/kaoju.db"
SQLITE_PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10000, "synchronous": "normal"}


class StoreError(RuntimeError):
    """The store cannot be opened; the message says which URL and why."""


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else $DATABASE_URL, else the SQLite file in instance/."""
    return url or os.environ.get("DATABASE_URL") or DEFAULT_URL


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
    try:
        database = connect(url, **options)
    except Exception as exc:  # peewee raises driver-specific errors for bad URLs
        raise StoreError(f"cannot use DATABASE_URL {url!r}: {exc}") from exc
    db.initialize(database)
    return database


def init_db() -> None:
    """Create every table and index that is missing; safe to run again."""
    from .models import MODELS, StoreInfo

    with db.connection_context():
        existing = StoreInfo.get_value("schema_version") if db.table_exists("storeinfo") else None
        db.create_tables(MODELS, safe=True)
        if existing is not None and int(existing) < SCHEMA_VERSION:
            _migrate(int(existing))
        StoreInfo.set("schema_version", str(SCHEMA_VERSION))
        if StoreInfo.get_value("dataset_version") is None:
            StoreInfo.set("dataset_version", "0")


def _migrate(from_version: int) -> None:
    """Bring a store made by an older kaoju up to SCHEMA_VERSION, one step at a time."""
    from playhouse.migrate import SchemaMigrator, migrate

    from .models import Article, Paragraph

    migrator = SchemaMigrator.from_database(db.obj)
    with db.atomic():
        if from_version < 2:
            migrate(migrator.add_column("article", "continued_at", Article.continued_at),
                    migrator.add_column("paragraph", "sentences", Paragraph.sentences))


def is_postgres() -> bool:
    from peewee import PostgresqlDatabase

    return isinstance(db.obj, PostgresqlDatabase)
