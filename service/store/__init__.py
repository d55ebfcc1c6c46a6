"""The relational store, one package that imports neither the pipeline nor Flask.

    connection   DATABASE_URL → the peewee Database; the set-up and per-source locks; bulk inserts
    models       the tables (a fact's columns come from service/fact_shape.py)
    search       the full-text index of fact sentences
    summary      count, sum, min and max per place × indicator × year × unit × dimension, for /v1/stats
    claims       the facts that state one figure, and those that contradict it (service/corroboration.py)
    schema       init-db: tables, migrations, and the reference data it is handed (Reference)
    writer       extractions stored a batch per transaction, each source whole or absent, replacing what
                 it supersedes
    runs         who ran the job and what it did; the sources distributed workers have started on
    bulk         a first load of many extractions into an empty PostgreSQL store, by COPY (bench/scale.py)
    export       flat rows of facts and articles (kaoju export, the API's CSV)

Each imports only those above it.
"""
from .connection import (DEFAULT_URL, SQLITE_PRAGMAS, StoreError, database_url, db, insert_rows, is_postgres,
                         limit_query_time, locked, open_database)
from .schema import SCHEMA_VERSION, SETUP_LOCK_KEY, TOKEN_KEY, Reference, init_db

__all__ = ["DEFAULT_URL", "SCHEMA_VERSION", "SETUP_LOCK_KEY", "SQLITE_PRAGMAS", "TOKEN_KEY", "Reference", "StoreError",
           "database_url", "db", "init_db", "insert_rows", "is_postgres", "limit_query_time", "locked",
           "open_database"]
