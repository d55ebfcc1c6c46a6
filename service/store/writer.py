"""The writer: a batch of extractions stored in one transaction, each in its own savepoint holding its
source's lock.

A source is whole or absent: its articles, paragraphs, facts, search rows, summary counts, claims and
learned villages go in with it, and whatever it supersedes (the same bytes stored before, a path that now holds other bytes)
goes out in the same transaction. The extractor's version is handed in, never imported.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from peewee import Cast

from ..fact_shape import FACT_FIELDS
from .connection import insert_rows, locked, write_transaction
from .models import Article, Fact, Paragraph, Place, Source, SourcePath, StoreInfo
from .claims import Pending, buckets_of_records, buckets_of_sources
from .search import forget_facts, index_facts
from .summary import Counts, keys_of_sources, recount


def already_stored(sha: str, meta_json: str | None, extractor_version: str) -> bool:
    """True when these exact bytes were stored by this extractor version with this metadata (the two
    columns only: a source's text is not read to answer)."""
    existing = Source.select(Source.extractor_version, Source.meta).where(Source.sha256 == sha).tuples().first()
    return existing is not None and existing == (extractor_version, meta_json)


def store_extractions(items: list[tuple], extractor_version: str, force: bool = False) -> list[int | None]:
    """Store extractions (service.job.Extraction, the paths found holding its bytes, the hash they had)
    in one transaction, each source whole or absent in it: returns the facts stored for each, or None for
    one another job stored meanwhile. One commit for many sources is what makes the writer keep up with
    the workers.

    `paths` are every file found holding the bytes whose hash was `sha` (the one read among them); all
    are recorded as the source's paths. Jobs running at once on one store take turns per source, a batch
    taking all its sources' locks first and in one order, so that two batches never wait on each other;
    one that finds a source stored by another meanwhile leaves it (unless `force`). When storing one source fails, those
    before it are committed and the error is raised.
    """
    counts: list[int | None] = [None] * len(items)
    failure = None
    pending = Batch()
    with write_transaction([CLAIMS_LOCK_KEY, *(_lock_key(result.sha) for result, _, _ in items)]):
        for index, (result, paths, sha) in enumerate(items):
            try:
                counts[index] = _store_one(result, extractor_version, paths, sha, force, pending)
            except Exception as exc:  # its savepoint is rolled back; the sources before it are kept
                failure = exc
                break
        pending.finish()  # the summary counts and the claims of every bucket the batch touched, once
        if any(n is not None for n in counts):
            _bump_dataset_version()
    if failure is not None:
        raise failure
    return counts


class Batch:
    """What a batch's sources leave to the end of its transaction, done once for all of them: the facts to
    count into the summary (keys shared by many sources become one upsert) and the claims to make again."""

    def __init__(self):
        self.counts = Counts()
        self.claims = Pending()

    def finish(self) -> None:
        self.counts.flush()
        self.claims.refresh()


def _store_one(result, extractor_version: str, paths: list[str] | None, sha: str | None, force: bool,
               pending: Batch) -> int | None:
    if paths is None or result.sha != sha:
        paths = [result.path]  # the file changed after it was fingerprinted: only the one read is known
    with _source_lock(result.sha):
        if not force and already_stored(result.sha, result.meta.as_json(), extractor_version):
            record_paths(result.sha, paths, pending)
            return None
        known = _delete_previous(result.sha, paths, pending)
        resolved = sorted(set(known) | {_source_path(p) for p in paths})
        source_id = Source.insert(dict(zip(SOURCE_COLUMNS, source_row(result, resolved[0], extractor_version)))) \
            .execute()
        insert_rows(SourcePath, ("source", "path"), [(source_id, p) for p in resolved])
        facts = _store_articles(source_id, result.raw, result.articles, extractor_version, pending.claims)
    pending.counts.add(facts)  # once its savepoint is released: a source rolled back is not counted
    return len(facts)


SOURCE_COLUMNS = ("name", "path", "sha256", "size", "encoding", "raw", "status", "error", "warning", "url", "title",
                  "published", "published_source", "outlet", "meta", "format", "original", "extractor_version")


def source_row(result, path: str, extractor_version: str) -> tuple:
    """An extraction (service.job.Extraction) as the SOURCE_COLUMNS row of the source found at `path`."""
    known_meta = result.meta.completed_by(result.found)
    return (os.path.basename(path), path, result.sha, result.size, result.encoding, result.raw,
            "failed" if result.error else "ok", result.error, result.warning, known_meta.url, known_meta.title,
            known_meta.published, result.dated_by, known_meta.outlet, result.meta.as_json(), result.format,
            result.original, extractor_version)


CLAIMS_LOCK_KEY = 1  # held first by every write that may remake claims, so one transaction at a time remakes them


def _source_lock(sha: str):
    """A transaction holding this source's lock: two jobs never store the same bytes at once."""
    return locked(_lock_key(sha))


def _writing(sha: str):
    """A transaction of its own that may remake claims: the claims lock, then this source's (in that order,
    as a batch takes them, so that no two writers wait on each other)."""
    return write_transaction([CLAIMS_LOCK_KEY, _lock_key(sha)])


def _lock_key(sha: str) -> int:
    return int(sha[:15], 16)


def record_paths(sha: str, paths: list[str], pending: Batch | None = None) -> None:
    """Add the paths where stored bytes were found again; the source takes the first path's name. The
    claims of a source that loses its last path to these are made again in `pending`, else at once."""
    resolved = {_source_path(p) for p in paths}
    source = Source.get(Source.sha256 == sha)
    known = {p.path for p in source.paths}
    if resolved <= known:
        return
    with _writing(sha):
        _release_paths(resolved - known, keep=source.id, pending=pending)
        insert_rows(SourcePath, ("source", "path"), [(source.id, p) for p in sorted(resolved - known)],
                    ignore_conflicts=True)
        first = min(known | resolved)
        if first != source.path:
            Source.update(path=first, name=os.path.basename(first)).where(Source.id == source.id).execute()
            _bump_dataset_version()


def _source_path(path: str) -> str:
    """The absolute path a source is known by: symlinks resolved, unless they loop."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


def record_failure(path: str, reason: str, extractor_version: str) -> None:
    """Record a file that could not even be read, so the failure is visible in the store too."""
    marker = hashlib.sha256(f"unreadable:{os.path.abspath(path)}".encode()).hexdigest()
    with _writing(marker):
        pending = Batch()
        _delete_previous(marker, [path], pending)
        pending.finish()
        source = Source.create(name=os.path.basename(path), path=os.path.abspath(path), sha256=marker, size=0,
                               status="failed", error=reason, extractor_version=extractor_version)
        insert_rows(SourcePath, ("source", "path"), [(source.id, os.path.abspath(path))])


def _delete_previous(sha: str, paths: list[str], pending: Batch) -> list[str]:
    """Remove an earlier extraction of these bytes, and take these paths from the sources that held them
    before (a file that changed); a source left with no path is removed. Returns the paths the earlier
    extraction of these bytes was known by, so a re-extraction keeps them."""
    resolved = {_source_path(p) for p in paths}
    same = [s.id for s in Source.select(Source.id).where(Source.sha256 == sha)]
    known = [p.path for p in SourcePath.select(SourcePath.path).where(SourcePath.source.in_(same))] if same else []
    _delete_sources(same, pending)
    _release_paths(resolved, pending=pending)
    return known


def _release_paths(paths: set[str], keep: int | None = None, pending: Batch | None = None) -> None:
    """These paths now hold other bytes: take them from their sources, and remove a source left with none
    (its claims made again in `pending`, else at once)."""
    if not paths:
        return
    if pending is None:
        pending = Batch()
        _release_paths(paths, keep, pending)
        pending.finish()
        return
    holders = {p.source_id for p in SourcePath.select(SourcePath.source).where(SourcePath.path.in_(sorted(paths)))}
    holders |= {s.id for s in Source.select(Source.id).where(Source.path.in_(sorted(paths)))}
    holders.discard(keep)
    if not holders:
        return
    SourcePath.delete().where(SourcePath.path.in_(sorted(paths)) & SourcePath.source.in_(sorted(holders))).execute()
    left = {p.source_id for p in SourcePath.select(SourcePath.source).where(SourcePath.source.in_(sorted(holders)))}
    _delete_sources(sorted(holders - left), pending)
    for source_id in sorted(left):
        first = min(p.path for p in SourcePath.select(SourcePath.path).where(SourcePath.source == source_id))
        Source.update(path=first, name=os.path.basename(first)).where(Source.id == source_id).execute()


def _delete_sources(ids: list[int], pending: Batch) -> None:
    """Remove these sources with everything extracted from them; their claims are left to `pending`. The
    counts it holds go in first: the keys of the removed facts are summed again from the facts stored."""
    if not ids:
        return
    pending.counts.flush()
    forget_facts(f.id for f in Fact.select(Fact.id).where(Fact.source.in_(ids)))
    counted = keys_of_sources(ids)
    pending.claims.buckets |= buckets_of_sources(ids)
    Fact.delete().where(Fact.source.in_(ids)).execute()
    recount(counted)
    articles = Article.select(Article.id).where(Article.source.in_(ids))
    Paragraph.delete().where(Paragraph.article.in_(articles)).execute()
    Article.delete().where(Article.source.in_(ids)).execute()
    SourcePath.delete().where(SourcePath.source.in_(ids)).execute()
    Source.delete().where(Source.id.in_(ids)).execute()


ARTICLE_COLUMNS = ("source", "index", "title", "subtitle", "kicker", "byline", "date", "source_name", "start",
                   "body_start", "end", "fragment", "continued_at", "place", "place_code", "year")
FACT_COLUMNS = ("paragraph", "article", "source", *(f.name for f in FACT_FIELDS), "extractor_version")
PLACE_COLUMNS = ("code", "name", "level", "parent_code", "path")
PARAGRAPH_COLUMNS = ("article", "index", "start", "end", "text", "mojibake", "sentences", "kind")


def _store_articles(source_id: int, raw: str | None, articles, extractor_version: str, pending: Pending) -> list:
    """Insert a source's articles, then its paragraphs and facts in bulk (one statement each); returns the
    facts (FactRecords) stored."""
    insert_rows(Article, ARTICLE_COLUMNS, article_rows(source_id, articles))
    article_ids = [a.id for a in Article.select(Article.id).where(Article.source == source_id).order_by(Article.index)]
    store_learned_places(articles)
    insert_rows(Paragraph, PARAGRAPH_COLUMNS, paragraph_rows(article_ids, raw, articles))
    paragraph_ids = {
        (p.article_id, p.index): p.id
        for p in Paragraph.select(Paragraph.id, Paragraph.article, Paragraph.index)
        .where(Paragraph.article.in_(article_ids))
    } if article_ids else {}
    rows = fact_rows(source_id, article_ids, paragraph_ids, articles, extractor_version)
    insert_rows(Fact, FACT_COLUMNS, rows)
    facts = [f for record in articles for para in record.paragraphs for f in para.facts]
    pending.buckets |= buckets_of_records(facts)
    pending.sources.add(source_id)
    index_facts([(f.id, f.sentence) for f in Fact.select(Fact.id, Fact.sentence).where(Fact.source == source_id)])
    return facts


def article_rows(source_id: int, articles) -> list[tuple]:
    """A source's ArticleRecords as ARTICLE_COLUMNS rows (here and in a bulk load, bench/scale.py)."""
    return [(source_id, a_index, record.title, record.subtitle, record.kicker, record.byline, record.date,
             record.source_name, record.start, record.body_start, record.end, record.fragment,
             json.dumps(record.continued_at) if record.continued_at else None,
             record.place.name if record.place else None, record.place.code if record.place else None, record.year)
            for a_index, record in enumerate(articles)]


def paragraph_rows(article_ids: list[int], raw: str | None, articles) -> list[tuple]:
    """The articles' paragraphs as PARAGRAPH_COLUMNS rows, given the articles' ids in order."""
    return [(article_id, para.index, para.start, para.end, raw[para.start:para.end], para.mojibake,
             json.dumps(para.sentences), para.kind)
            for article_id, record in zip(article_ids, articles) for para in record.paragraphs]


def fact_rows(source_id: int, article_ids: list[int], paragraph_ids: dict, articles, extractor_version: str) -> list[tuple]:
    """The paragraphs' facts as FACT_COLUMNS rows, given the ids of the articles and of the paragraphs by
    (article id, paragraph index)."""
    return [(paragraph_ids[(article_id, para.index)], article_id, source_id,
             *(getattr(f, field.name) for field in FACT_FIELDS), extractor_version)
            for article_id, record in zip(article_ids, articles) for para in record.paragraphs for f in para.facts]


def store_learned_places(articles) -> None:
    """Places the gazetteer lacks (villages, and towns merged since): add those the text placed in it."""
    learned = {}
    for record in articles:
        chains = [record.place.chain if record.place else ()] + [f.place_chain for p in record.paragraphs
                                                                  for f in p.facts]
        for chain in chains:
            for depth, (code, name, level, parent) in enumerate(chain):
                if "-" in code:
                    path = "/" + "/".join(link[0] for link in chain[:depth + 1]) + "/"
                    learned[code] = (code, name, level, parent, path)
    insert_rows(Place, PLACE_COLUMNS, sorted(learned.values()), ignore_conflicts=True)


def _bump_dataset_version() -> None:
    """Every committed change to the facts changes the dataset version (the API's ETag), in one
    statement, so two jobs committing at once cannot both write the same next version."""
    StoreInfo.update(value=Cast(Cast(StoreInfo.value, "INTEGER") + 1, "TEXT")) \
        .where(StoreInfo.key == "dataset_version").execute()
