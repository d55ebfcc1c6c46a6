"""The claims of the stored facts (service/corroboration.py says what agrees and what conflicts), kept by the
writer in the same transaction as the facts: when a source's facts come or go, the claims of every bucket
they were in (place, year, unit, dimension, indicator, measure) are made again from the facts of those
buckets, so the claims always equal what `rebuild()` would make from scratch."""
from __future__ import annotations

import math

from peewee import fn

from ..corroboration import Evidence, conflicts, group
from .connection import insert_rows
from .models import Article, Claim, ClaimConflict, ClaimFact, Fact, Source

BUCKET = ("place_code", "year", "unit", "dimension", "indicator", "measure")
CLAIM_COLUMNS = ("id", *BUCKET, "place", "value", "consensus", "low", "high", "facts", "sources", "articles",
                 "first_reported", "last_reported", "conflicts")
BATCH = 500  # bucket keys per statement when reading or removing many


def bucket_of(place_code, year, unit, dimension, indicator, measure) -> tuple | None:
    """A fact's bucket, or None for a fact that cannot be weighed against others: one without a place,
    a year or a measure says too little to be the same figure as another."""
    if place_code is None or year is None or not measure:
        return None
    return place_code, year, unit, dimension, indicator, measure


def buckets_of_records(facts) -> set[tuple]:
    """The buckets of FactRecords about to be stored or just stored."""
    keys = (bucket_of(f.place_code, f.year, f.unit, f.dimension, f.indicator, f.measure) for f in facts)
    return {key for key in keys if key is not None}


def buckets_of_sources(source_ids: list[int]) -> set[tuple]:
    """The buckets of these sources' stored facts (read before they are removed)."""
    if not source_ids:
        return set()
    rows = (Fact.select(*(getattr(Fact, name) for name in BUCKET)).distinct()
            .where(Fact.source.in_(source_ids)).tuples())
    return {key for key in (bucket_of(*row) for row in rows) if key is not None}


def refresh(buckets: set[tuple]) -> None:
    """Make the claims of these buckets again from their facts as they now stand."""
    if not buckets:
        return
    ordered = sorted(buckets, key=_sortable)
    for start in range(0, len(ordered), BATCH):
        chunk = set(ordered[start:start + BATCH])
        codes, years = sorted({b[0] for b in chunk}), sorted({b[1] for b in chunk})
        stored = (Claim.select(Claim.id, *(getattr(Claim, name) for name in BUCKET))
                  .where(Claim.place_code.in_(codes), Claim.year.in_(years)).tuples())
        _remove([row[0] for row in stored if tuple(row[1:]) in chunk])
        evidence: dict[tuple, list] = {}
        for row in _evidence_query().where(Fact.place_code.in_(codes), Fact.year.in_(years)).tuples():
            key = bucket_of(*row[:6])
            if key in chunk:
                evidence.setdefault(key, []).append(row)
        _store(evidence)


def rebuild() -> None:
    """Every claim made again from every fact, a bucket at a time (a store made before claims existed, a
    bulk load)."""
    _remove(None)
    evidence: dict[tuple, list] = {}
    query = _evidence_query().where(Fact.place_code.is_null(False), Fact.year.is_null(False),
                                    Fact.measure.is_null(False))
    for row in query.order_by(*(getattr(Fact, name) for name in BUCKET), Fact.id).tuples().iterator():
        key = bucket_of(*row[:6])
        if key is None:
            continue
        if key not in evidence and len(evidence) >= BATCH:
            _store(evidence)
            evidence = {}
        evidence.setdefault(key, []).append(row)
    _store(evidence)


def _sortable(bucket: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in bucket)


def _evidence_query():
    """The bucket, then the Evidence fields, then the place name, of facts."""
    return (Fact.select(*(getattr(Fact, name) for name in BUCKET), Fact.id, Fact.source, Fact.article, Fact.value,
                        Fact.high, Fact.qualifier, Fact.text, fn.COALESCE(Article.date, Source.published), Fact.place)
            .join(Article, on=(Fact.article == Article.id))
            .switch(Fact).join(Source, on=(Fact.source == Source.id)))


def _remove(claim_ids: list[int] | None) -> None:
    """Remove these claims (None: all of them) with their members and conflicts."""
    if claim_ids is None:
        for model in (ClaimConflict, ClaimFact, Claim):
            model.delete().execute()
        return
    for start in range(0, len(claim_ids), BATCH):
        ids = claim_ids[start:start + BATCH]
        ClaimConflict.delete().where(ClaimConflict.claim.in_(ids) | ClaimConflict.other.in_(ids)).execute()
        ClaimFact.delete().where(ClaimFact.claim.in_(ids)).execute()
        Claim.delete().where(Claim.id.in_(ids)).execute()


def _store(evidence: dict[tuple, list]) -> None:
    """Group each bucket's facts (rows of _evidence_query) into claims and insert them."""
    claims, members, conflicting = [], [], []
    for key, rows in evidence.items():
        places = {row[6]: row[-1] for row in rows}
        drafts = group([Evidence(*row[6:14]) for row in rows])
        against = conflicts(drafts)
        for draft in drafts:
            value, rule = draft.consensus()
            reported = sorted(e.reported for e in draft.facts if e.reported)
            named = sorted({places[e.id] for e in draft.facts if places[e.id]})
            claims.append((draft.id, *key, named[-1] if named else None, value, rule, _finite(draft.low),
                           _finite(draft.high), len(draft.facts), draft.sources, draft.articles,
                           reported[0] if reported else None, reported[-1] if reported else None,
                           len(against[draft.id])))
            members.extend((e.id, draft.id) for e in draft.facts)
            conflicting.extend((draft.id, other) for other in sorted(against[draft.id]))
    insert_rows(Claim, CLAIM_COLUMNS, claims)
    insert_rows(ClaimFact, ("fact", "claim"), members)
    insert_rows(ClaimConflict, ("claim", "other"), conflicting)


def _finite(bound: float) -> float | None:
    return bound if math.isfinite(bound) else None
