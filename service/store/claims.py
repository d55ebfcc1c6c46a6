"""The claims of the stored facts (service/corroboration.py says what agrees and what conflicts), kept by the
writer in the same transaction as the facts: when facts come or go, the claims of every bucket they are in
(place, year, unit, dimension, indicator, measure) are made again, so the claims always equal what
`rebuild()` makes from scratch. A claim's facts are read from its own rows (ClaimFact keeps what the claims
weigh of each fact), only new facts from the facts, and only what changed is written."""
from __future__ import annotations

import math

from peewee import fn

from ..corroboration import Evidence, conflicts, group
from .connection import db, insert_rows
from .models import Article, Claim, ClaimConflict, ClaimFact, Fact, Source

BUCKET = ("place_code", "year", "unit", "dimension", "indicator", "measure")
CLAIM_COLUMNS = ("id", *BUCKET, "place", "value", "consensus", "low", "high", "facts", "sources", "articles",
                 "first_reported", "last_reported", "conflicts")
MEMBER_COLUMNS = ("fact", "claim", "source", "article", "value", "qualifier", "low", "high", "reported", "place")
BATCH = 500  # buckets or ids per statement


class Pending:
    """What a batch of writes leaves for the claims: the buckets to make again, and the sources whose facts
    are in no claim yet. Made again once, at the end of the batch's transaction (refresh_pending)."""

    def __init__(self):
        self.buckets: set[tuple] = set()
        self.sources: set[int] = set()

    def refresh(self) -> None:
        refresh(self.buckets, self.sources)
        self.buckets, self.sources = set(), set()


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


def refresh(buckets: set[tuple], new_sources: set[int] = frozenset()) -> None:
    """Make the claims of these buckets again: from the facts their claims hold now (a removed fact has
    left its claim with it) and the facts of `new_sources`, which are in no claim yet."""
    for listed in _batches(sorted(buckets, key=_sortable)):
        chunk = set(listed)
        codes, years = sorted({b[0] for b in chunk}), sorted({b[1] for b in chunk})
        stored = {row[0]: row for row in _rows(Claim.select(*(getattr(Claim, c) for c in CLAIM_COLUMNS))
                                               .where(Claim.place_code.in_(codes), Claim.year.in_(years)))
                  if tuple(row[1:7]) in chunk}
        members: dict[tuple, list] = {}
        held: dict[int, int] = {}
        for ids in _batches(sorted(stored)):
            for row in _rows(ClaimFact.select(*(getattr(ClaimFact, c) for c in MEMBER_COLUMNS))
                             .where(ClaimFact.claim.in_(ids))):
                members.setdefault(tuple(stored[row[1]][1:7]), []).append(_member(row))
                held[row[0]] = row[1]
        fresh: list[tuple] = []
        if new_sources:
            query = _new_facts().where(Fact.source.in_(sorted(new_sources)), Fact.place_code.in_(codes),
                                       Fact.year.in_(years))
            for row in _rows(query):
                key = bucket_of(*row[:6])
                if key in chunk and row[6] not in held:
                    fresh.append(_new_member(row))
                    members.setdefault(key, []).append(fresh[-1][1])
        _write(chunk, members, stored, held, fresh)


def rebuild() -> None:
    """Every claim made again from every fact, a bucket at a time (a store made before claims existed, a
    bulk load)."""
    for model in (ClaimConflict, ClaimFact, Claim):
        model.delete().execute()
    members: dict[tuple, list] = {}
    fresh: list[tuple] = []
    query = _new_facts().where(Fact.place_code.is_null(False), Fact.year.is_null(False), Fact.measure.is_null(False))
    for row in _rows(query.order_by(*(getattr(Fact, name) for name in BUCKET), Fact.id)):
        key = bucket_of(*row[:6])
        if key is None:
            continue
        if key not in members and len(members) >= BATCH:
            _write(set(members), members, {}, {}, fresh)
            members, fresh = {}, []
        fresh.append(_new_member(row))
        members.setdefault(key, []).append(fresh[-1][1])
    _write(set(members), members, {}, {}, fresh)


def _sortable(bucket: tuple) -> tuple:
    return tuple("" if part is None else str(part) for part in bucket)


def _batches(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _rows(query) -> list[tuple]:
    """A query's rows as plain tuples straight from the cursor (no per-value conversion)."""
    return db.execute(query).fetchall()


def _new_facts():
    """The bucket, then what a ClaimFact row keeps, of facts."""
    return (Fact.select(*(getattr(Fact, name) for name in BUCKET), Fact.id, Fact.source, Fact.article, Fact.value,
                        Fact.high, Fact.qualifier, Fact.text, fn.COALESCE(Article.date, Source.published), Fact.place)
            .join(Article, on=(Fact.article == Article.id))
            .switch(Fact).join(Source, on=(Fact.source == Source.id)))


class Member:
    """A fact in a bucket: its evidence, and the name it gives its place."""

    __slots__ = ("evidence", "place")

    def __init__(self, evidence: Evidence, place: str | None):
        self.evidence, self.place = evidence, place


def _member(row: tuple) -> Member:
    """A Member from a ClaimFact row (MEMBER_COLUMNS)."""
    fact, _, source, article, value, qualifier, low, high, reported, place = row
    return Member(Evidence(fact, source, article, value, qualifier, -math.inf if low is None else low,
                           math.inf if high is None else high, reported), place)


def _new_member(row: tuple) -> tuple[int, Member]:
    """(fact id, Member) from a row of _new_facts()."""
    fact, source, article, value, high, qualifier, text, reported, place = row[6:]
    return fact, Member(Evidence.of(fact, source, article, value, high, qualifier, text, reported), place)


def _write(buckets: set, members: dict[tuple, list], stored: dict[int, tuple], held: dict[int, int],
           fresh: list[tuple]) -> None:
    """Group each bucket's members into claims and write what differs from what is stored: new and changed
    claims, facts that move to another claim, new facts, claims that are gone, conflicts."""
    claims: dict[int, tuple] = {}
    placed: dict[int, int] = {}
    pairs: set[tuple[int, int]] = set()
    for key in buckets:
        listed = members.get(key, [])
        if not listed:
            continue
        places = {m.evidence.id: m.place for m in listed}
        drafts = group([m.evidence for m in listed])
        against = conflicts(drafts)
        for draft in drafts:
            value, rule = draft.consensus()
            reported = sorted(e.reported for e in draft.facts if e.reported)
            named = sorted({places[e.id] for e in draft.facts if places[e.id]})
            claims[draft.id] = (draft.id, *key, named[-1] if named else None, value, rule, _finite(draft.low),
                                _finite(draft.high), len(draft.facts), draft.sources,
                                len({e.article for e in draft.facts}),
                                reported[0] if reported else None, reported[-1] if reported else None,
                                len(against[draft.id]))
            placed.update((e.id, draft.id) for e in draft.facts)
            pairs.update((draft.id, other) for other in against[draft.id])
    old_pairs = set()
    for ids in _batches(sorted(stored)):
        old_pairs.update(_rows(ClaimConflict.select(ClaimConflict.claim, ClaimConflict.other)
                               .where(ClaimConflict.claim.in_(ids))))
    for claim, other in sorted(old_pairs - pairs):
        ClaimConflict.delete().where(ClaimConflict.claim == claim, ClaimConflict.other == other).execute()
    insert_rows(Claim, CLAIM_COLUMNS, [row for i, row in sorted(claims.items()) if i not in stored])
    changed = [row for i, row in sorted(claims.items()) if i in stored and tuple(stored[i]) != row]
    if changed:
        _update_claims(changed)
    moved = [(claim, fact) for fact, claim in sorted(placed.items()) if fact in held and held[fact] != claim]
    if moved:
        db.obj.cursor().executemany(f'UPDATE "claim_fact" SET "claim_id" = {db.obj.param} '
                                    f'WHERE "fact_id" = {db.obj.param}', moved)
    insert_rows(ClaimFact, MEMBER_COLUMNS, [_member_row(fact, placed[fact], m.evidence, m.place)
                                             for fact, m in fresh if fact in placed])
    for ids in _batches(sorted(set(stored) - set(claims))):
        Claim.delete().where(Claim.id.in_(ids)).execute()
    insert_rows(ClaimConflict, ("claim", "other"), sorted(pairs - old_pairs))


def _update_claims(rows: list[tuple]) -> None:
    """Claims whose figures changed, rewritten in place (their facts and conflicts keep pointing at them)."""
    param = db.obj.param
    columns = ", ".join(f'"{Claim._meta.fields[c].column_name}" = {param}' for c in CLAIM_COLUMNS[1:])
    db.obj.cursor().executemany(f'UPDATE "claim" SET {columns} WHERE "id" = {param}',
                                [(*row[1:], row[0]) for row in rows])


def _member_row(fact: int, claim: int, e: Evidence, place: str | None) -> tuple:
    return (fact, claim, e.source, e.article, e.value, e.qualifier, _finite(e.low), _finite(e.high), e.reported, place)


def _finite(bound: float) -> float | None:
    return bound if math.isfinite(bound) else None
