"""Full-text search of fact sentences that works for two-character Chinese words (临县).

SQLite: an FTS5 table indexes each sentence as overlapping character bigrams ("临县县委" → 临县 县县
县委), so a query's bigrams searched as a phrase find exactly the sentences that contain it as a
substring, with no segmentation mismatch. PostgreSQL: a pg_trgm GIN index serves the same
`sentence LIKE '%…%'` the query keeps as its exact check.
"""
from __future__ import annotations

import logging
import re

from .connection import db, is_postgres

log = logging.getLogger(__name__)

TABLE = "fact_search"
HAN_ONLY = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9A-Za-z]+")


def bigrams(text: str) -> str:
    """Index form of a text: bigrams of each run of Han characters, whole Latin words and numbers.

    >>> bigrams("临县县委投资3000万元")
    '临县 县县 县委 委投 投资 3000 万元'
    """
    tokens = []
    for run in WORD.findall(text.lower()):
        if run[0].isascii():
            tokens.append(run)
        elif len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
    return " ".join(tokens)


def match_expression(query: str) -> str | None:
    """An FTS5 phrase of the query's bigrams when it is two or more Han characters; None otherwise
    (one character, Latin, digits, punctuation), and the caller relies on LIKE alone.

    >>> match_expression("光伏扶贫"), match_expression("kw")
    ('"光伏 伏扶 扶贫"', None)
    """
    if len(query) < 2 or not HAN_ONLY.fullmatch(query):
        return None
    return '"' + bigrams(query) + '"'


def create_index() -> None:
    """Create the search structures of this backend; fill the SQLite index from existing facts."""
    if is_postgres():
        try:
            with db.atomic():
                db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                db.execute_sql("CREATE INDEX IF NOT EXISTS fact_sentence_trgm ON fact USING gin (sentence gin_trgm_ops)")
        except Exception as exc:  # without the extension LIKE still answers, only slower
            log.warning("pg_trgm is not available, q= will scan: %s", exc)
        return
    db.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(tokens, tokenize='unicode61')")
    # whether each holds any row, not how many: counting a million index rows kept `serve` waiting 20 s
    indexed = db.execute_sql(f"SELECT rowid FROM {TABLE} LIMIT 1").fetchone() is not None
    facts = db.execute_sql("SELECT id FROM fact LIMIT 1").fetchone() is not None
    if facts and not indexed:
        rows = db.execute_sql("SELECT id, sentence FROM fact").fetchall()
        index_facts(rows)


def index_facts(rows: list[tuple[int, str]]) -> None:
    """Add (fact id, sentence) rows to the SQLite index (PostgreSQL indexes by itself)."""
    if is_postgres() or not rows:
        return
    tokens: dict[str, str] = {}  # the facts of one sentence share its tokens
    db.connection().executemany(f"INSERT INTO {TABLE}(rowid, tokens) VALUES (?, ?)",
                                [(fact_id, tokens.get(sentence) or tokens.setdefault(sentence, bigrams(sentence)))
                                 for fact_id, sentence in rows])


def forget_facts(fact_ids) -> None:
    """Drop facts from the SQLite index before they are deleted."""
    if is_postgres():
        return
    ids = list(fact_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        db.execute_sql(f"DELETE FROM {TABLE} WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)


def sentence_filter(field_id, field_sentence, query: str):
    """The condition for `q`: the index narrows (SQLite), LIKE decides."""
    from peewee import SQL

    condition = field_sentence.contains(query)
    expression = None if is_postgres() else match_expression(query)
    if expression is not None:
        condition = condition & field_id.in_(SQL(f"(SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)", [expression]))
    return condition
