"""The connection: one peewee Database chosen from DATABASE_URL, bound to the models, and the few
statements every writer shares (the set-up lock, bulk inserts)."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from peewee import DatabaseProxy
from playhouse.db_url import connect

db = DatabaseProxy()

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


@contextmanager
def write_transaction(keys: list[int] = ()):
    """One transaction for a batch of writes, holding the locks named by `keys` (as `locked` does for
    one): SQLite's write lock taken up front (BEGIN IMMEDIATE), or PostgreSQL's advisory locks taken in
    ascending order, so that two batches holding some of the same keys never wait on each other."""
    if is_postgres():
        with db.atomic():
            for key in sorted(set(keys)):
                db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (key,))
            yield
    else:
        with db.atomic("IMMEDIATE"):
            yield


def insert_rows(model, fields: tuple[str, ...], rows: list[tuple], ignore_conflicts: bool = False,
                batch: int = 1000, on_conflict: str | None = None) -> None:
    """One parameterised INSERT run over many rows (executemany): peewee's per-row SQL building is
    the job's hot spot. With `ignore_conflicts`, rows whose unique key exists are skipped; `on_conflict`
    is the rest of an ON CONFLICT clause ("(key) DO UPDATE SET …", the same in SQLite and PostgreSQL)."""
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
    elif on_conflict:
        sql += " ON CONFLICT " + on_conflict
    cursor = database.cursor()
    for start in range(0, len(rows), batch):
        cursor.executemany(sql, rows[start:start + batch])


def is_postgres() -> bool:
    from peewee import PostgresqlDatabase

    return isinstance(db.obj, PostgresqlDatabase)
