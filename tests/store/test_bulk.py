"""A bulk load (COPY, indexes made after) leaves a PostgreSQL store as the writer would, or as it was."""
import dataclasses

import pytest

from service import store
from service.job import JobSummary, extract_file, store_extraction
from service.pipeline import EXTRACTOR_VERSION
from service.reference import reference_data
from service.store.bulk import BulkLoad
from service.store.export import fact_rows
from service.store.models import Article, Claim, ClaimConflict, Fact, Paragraph, Source
from service.store.summary import COLUMNS

from ..conftest import SEEDS


@pytest.fixture(scope="module")
def extractions():
    return [extract_file(str(path)) for path in sorted(SEEDS.glob("*.txt"))]


def fresh(pg_databases) -> str:
    url = pg_databases.create()
    store.open_database(url)
    store.init_db(reference_data())
    return url


def snapshot() -> dict:
    """Everything a store answers with, ids aside, and the indexes and constraints it has."""
    columns = ", ".join(f'"{c}"' for c in COLUMNS)
    return {
        "facts": list(fact_rows(portable=True)),
        "summary": sorted(map(repr, store.db.execute_sql(f"SELECT {columns} FROM fact_summary").fetchall())),
        "articles": sorted(map(repr, Article.select(Article.source.path, Article.start, Article.title, Article.place_code)
                                       .join(Source).tuples())),
        "paragraphs": sorted(Paragraph.select(Paragraph.start, Paragraph.end, Paragraph.text).tuples()),
        "sources": sorted(Source.select(Source.path, Source.sha256, Source.raw, Source.status).tuples()),
        "claims": sorted(map(repr, Claim.select(*(f for f in Claim._meta.sorted_fields if f.name != "id")).tuples())),
        "conflicts": ClaimConflict.select().count(),
        "indexes": sorted(store.db.execute_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()").fetchall()),
        "constraints": sorted(store.db.execute_sql(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = "
            "current_schema()::regnamespace").fetchall()),
    }


def test_a_bulk_load_stores_what_the_writer_stores(pg_databases, extractions):
    fresh(pg_databases)
    for result in extractions:
        store_extraction(result, JobSummary())
    expected = snapshot()
    fresh(pg_databases)
    with BulkLoad(EXTRACTOR_VERSION) as load:
        counted = sum(load.add(result, result.path) for result in extractions)
    assert counted == len(expected["facts"]) > 300
    assert snapshot() == expected
    assert store.db.execute_sql("SELECT value FROM storeinfo WHERE key = 'dataset_version'").fetchone() == ("1",)
    changed = dataclasses.replace(extractions[0], path="/elsewhere/page.txt", sha="0" * 64)
    store_extraction(changed, JobSummary())  # the writer carries on from the ids the load gave
    assert Fact.select().count() == counted + len(list(f for a in changed.articles for p in a.paragraphs
                                                      for f in p.facts))


def test_a_failed_bulk_load_leaves_the_store_as_it_was(pg_databases, extractions):
    fresh(pg_databases)
    before = snapshot()
    with pytest.raises(ValueError, match="in the load already"):
        with BulkLoad(EXTRACTOR_VERSION) as load:
            load.add(extractions[0], "/a/page.txt")
            load.add(extractions[0], "/b/page.txt")
    assert snapshot() == before


def test_a_bulk_load_is_refused_on_a_store_with_sources(pg_databases, extractions):
    fresh(pg_databases)
    store_extraction(extractions[0], JobSummary())
    before = snapshot()
    with pytest.raises(store.StoreError, match="without sources"):
        with BulkLoad(EXTRACTOR_VERSION):
            pass
    assert snapshot() == before


def test_a_bulk_load_is_refused_on_sqlite(tmp_path):
    store.open_database(f"sqlite:///{tmp_path / 'kaoju.db'}")
    store.init_db()
    with pytest.raises(store.StoreError, match="PostgreSQL"):
        with BulkLoad(EXTRACTOR_VERSION):
            pass
