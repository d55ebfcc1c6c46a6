"""A first load of many extractions into an empty PostgreSQL store, for building stores of 10^7 facts and more
(bench/scale.py); jobs store through the writer (writer.py).

The rows are the writer's own (writer.source_row, article_rows, paragraph_rows, fact_rows), with ids given
here, and go in by COPY. The secondary indexes and foreign keys of the tables it fills are dropped for the
load and made again after it, once, instead of kept up to date row by row; the summary is counted in memory
and copied at the end; the claims are made from the loaded facts once their indexes are back. All of it is
one transaction: a load that fails or is killed leaves the store as it was.
"""
from __future__ import annotations

import datetime

from .claims import rebuild as rebuild_claims
from .connection import StoreError, db, is_postgres
from .models import (Article, Claim, ClaimConflict, ClaimFact, Fact, FactSummary, Paragraph, Source, SourcePath,
                     StoreInfo)
from .summary import COLUMNS as SUMMARY_COLUMNS
from .summary import count_facts
from .summary import rows as summary_rows
from .writer import (
    ARTICLE_COLUMNS,
    FACT_COLUMNS,
    PARAGRAPH_COLUMNS,
    SOURCE_COLUMNS,
    article_rows,
    fact_rows,
    paragraph_rows,
    source_row,
    store_learned_places,
)

TABLES = (Source, SourcePath, Article, Paragraph, Fact, FactSummary)
FLUSH_ROWS = 50_000  # facts held before they are copied: a few tens of MB


class BulkLoad:
    """`with BulkLoad(version) as load: load.add(extraction, path)` for each extraction, each with other
    bytes (sha256) and another path; committed when the block ends without an error."""

    def __init__(self, extractor_version: str, maintenance_memory: str = "1GB"):
        self.extractor_version = extractor_version
        self.maintenance_memory = maintenance_memory
        self.groups: dict = {}
        self.shas: set[str] = set()
        self.buffers: dict = {}
        self.next_id: dict = {}
        self.sources = self.facts = 0
        self._transaction = None
        self._dropped: list[tuple[str, str]] = []

    def __enter__(self) -> BulkLoad:
        if not is_postgres():
            raise StoreError("a bulk load is for PostgreSQL; SQLite stores are filled by the writer")
        self._transaction = db.atomic()
        self._transaction.__enter__()
        try:
            self._begin()
        except BaseException as exc:
            self._transaction.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def _begin(self) -> None:
        names = [model._meta.table_name for model in TABLES]
        db.execute_sql(f"LOCK TABLE {', '.join(names)} IN ACCESS EXCLUSIVE MODE")
        if Source.select().exists() or FactSummary.select().exists():
            raise StoreError("a bulk load needs a store without sources; this one has some")
        db.execute_sql(f"SET LOCAL maintenance_work_mem = '{self.maintenance_memory}'")
        self._dropped = self._drop_secondary(names)
        for model in TABLES:
            self.next_id[model] = 1 + (db.execute_sql(f"SELECT COALESCE(MAX(id), 0) FROM {model._meta.table_name}")
                                       .fetchone()[0])
            self.buffers[model] = []

    def add(self, result, path: str) -> int:
        """Queue one extraction (service.job.Extraction) found at `path`; returns its facts."""
        if result.sha in self.shas:
            raise ValueError(f"{path}: these bytes (sha256 {result.sha}) are in the load already")
        self.shas.add(result.sha)
        source_id = self._ids(Source, 1)[0]
        self.buffers[Source].append((source_id, *source_row(result, path, self.extractor_version),
                                     datetime.datetime.now()))
        self.buffers[SourcePath].append((self._ids(SourcePath, 1)[0], source_id, path))
        article_ids = self._ids(Article, len(result.articles))
        store_learned_places(result.articles)
        self.buffers[Article].extend((i, *row) for i, row in zip(article_ids, article_rows(source_id, result.articles)))
        paragraphs = paragraph_rows(article_ids, result.raw, result.articles)
        paragraph_ids = self._ids(Paragraph, len(paragraphs))
        self.buffers[Paragraph].extend((i, *row) for i, row in zip(paragraph_ids, paragraphs))
        facts = fact_rows(source_id, article_ids, {(row[0], row[1]): i for i, row in zip(paragraph_ids, paragraphs)},
                          result.articles, self.extractor_version)
        self.buffers[Fact].extend((i, *row) for i, row in zip(self._ids(Fact, len(facts)), facts))
        count_facts((f for article in result.articles for p in article.paragraphs for f in p.facts),
                            self.groups)
        self.sources += 1
        self.facts += len(facts)
        if len(self.buffers[Fact]) >= FLUSH_ROWS:
            self._flush()
        return len(facts)

    def _ids(self, model, n: int) -> range:
        first = self.next_id[model]
        self.next_id[model] = first + n
        return range(first, first + n)

    def _flush(self) -> None:
        columns = {Source: (*SOURCE_COLUMNS, "extracted_at"), SourcePath: ("source", "path"),
                   Article: ARTICLE_COLUMNS, Paragraph: PARAGRAPH_COLUMNS, Fact: FACT_COLUMNS}
        for model, names in columns.items():
            self._copy(model, ("id", *(model._meta.fields[n].column_name for n in names)), self.buffers[model])
            self.buffers[model] = []

    def _copy(self, model, columns: tuple[str, ...], rows) -> None:
        quoted = ", ".join(f'"{name}"' for name in columns)
        with db.connection().cursor() as cursor, \
                cursor.copy(f'COPY "{model._meta.table_name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)

    def __exit__(self, kind, exc, traceback) -> bool:
        if kind is None:
            try:
                self._finish()
            except BaseException as failure:
                self._transaction.__exit__(type(failure), failure, failure.__traceback__)
                raise
        return self._transaction.__exit__(kind, exc, traceback)

    def _finish(self) -> None:
        self._flush()
        self._copy(FactSummary, ("id", *SUMMARY_COLUMNS),
                   ((i, *row) for i, row in enumerate(summary_rows(self.groups), start=self.next_id[FactSummary])))
        self.next_id[FactSummary] += len(self.groups)
        for _, definition in self._dropped:
            db.execute_sql(definition)
        for model in TABLES:
            table = model._meta.table_name
            db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s, false)",
                           (self.next_id[model],))
        rebuild_claims()
        StoreInfo.update(value=str(int(StoreInfo.get_value("dataset_version") or 0) + 1)) \
            .where(StoreInfo.key == "dataset_version").execute()
        for model in (*TABLES, Claim, ClaimFact, ClaimConflict):
            db.execute_sql(f"ANALYZE {model._meta.table_name}")

    @staticmethod
    def _drop_secondary(tables: list[str]) -> list[tuple[str, str]]:
        """Drop the foreign keys and every index but the primary keys of these tables; returns the statements
        that make them again, indexes first (a foreign key is checked faster with its index in place)."""
        constraints = db.execute_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)", (tables,)).fetchall()
        indexes = db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ANY(%s) AND i.indexname NOT IN "
            "(SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u', 'x'))", (tables,)).fetchall()
        for table, name, _ in constraints:
            db.execute_sql(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        for name, _ in indexes:
            db.execute_sql(f'DROP INDEX "{name}"')
        return ([(name, definition) for name, definition in indexes]
                + [(name, f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
                   for table, name, definition in constraints])
