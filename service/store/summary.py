"""The summary of the facts that /v1/stats reads, kept by the writer in the same transaction as the facts.

Kinds (scopes) of FactSummary rows, each with the count, sum, minimum and maximum of its facts:

- `own`: the facts of one place (exactly), indicator, year, unit and dimension;
- `subtree`: the facts of a place and every place under it, and under place '' those of the whole store,
  so that `place=山西省` or no place filter at all reads a handful of rows instead of every county's;
- `place`, `pl_year`, `pl_indic`: the facts of one place (exactly) in one unit (and so one dimension),
  whatever their indicator and year, of one year, or of one indicator: the groups of
  /v1/stats?group_by=place themselves, alone or for one year or one indicator, read largest first from
  an index instead of summed from every place's `own` rows.

A source's facts are added with one upsert; when a source is removed the keys its facts were counted under
are summed again from the facts that remain (a removal cannot undo a minimum or a maximum). The summary
therefore equals a GROUP BY over the facts, sums up to the order floating point additions are made in.
"""
from __future__ import annotations

from peewee import SQL, fn

from .connection import insert_rows, is_postgres
from .models import Fact, FactSummary, Place

KEY = ("scope", "place_code", "indicator", "year", "unit", "dimension")
OWN, SUBTREE, PLACE, PLACE_YEAR, PLACE_INDICATOR = "own", "subtree", "place", "pl_year", "pl_indic"
PLACE_SCOPES = (PLACE, PLACE_YEAR, PLACE_INDICATOR)  # one place and unit each, summed over what they leave out
SCOPE_LITERALS = {scope: SQL(f"'{scope}'") for scope in (OWN, SUBTREE, *PLACE_SCOPES)}
NO_PLACE, NO_INDICATOR, NO_YEAR = "", "", -1  # what a fact without them is kept under; SUBTREE '' is every fact
COLUMNS = (*KEY, "place", "count", "total", "low", "high")


def scope_is(scope: str):
    """The condition that rows are of this scope, written as a literal: a partial index on the places'
    rows (models.py) is used only by a query whose condition reads as the index's own."""
    return FactSummary.scope == SCOPE_LITERALS[scope]


def fact_keys(place_code, indicator, year, unit, dimension, chain_codes) -> list[tuple]:
    """The summary keys one fact is counted under: its own place's (alone, and by year and by indicator),
    the subtree of each place from its province down to its own, and the whole store's."""
    indicator = indicator if indicator is not None else NO_INDICATOR
    year = year if year is not None else NO_YEAR
    rest = (indicator, year, unit, dimension)
    codes = list(chain_codes) or ([place_code] if place_code is not None else [])
    own = place_code if place_code is not None else NO_PLACE
    return [(OWN, own, *rest), (PLACE, own, NO_INDICATOR, NO_YEAR, unit, dimension),
            (PLACE_YEAR, own, NO_INDICATOR, year, unit, dimension),
            (PLACE_INDICATOR, own, indicator, NO_YEAR, unit, dimension),
            (SUBTREE, NO_PLACE, *rest), *((SUBTREE, code, *rest) for code in codes)]


class Counts:
    """Facts to count into the summary, gathered over a batch of sources and written with one upsert."""

    def __init__(self):
        self.groups: dict = {}

    def add(self, facts) -> None:
        """Count these facts (FactRecords: the key fields, value, place and place_chain)."""
        count_facts(facts, self.groups)

    def flush(self) -> None:
        """Write what was counted, before the transaction ends or anything is summed again from the facts."""
        _upsert(self.groups)
        self.groups = {}


def count_facts(facts, groups: dict | None = None) -> dict:
    """The summary groups of these facts (FactRecords), added into `groups` when given: a bulk load
    (bench/scale.py) counts all its facts before writing rows(groups) in one go."""
    groups = {} if groups is None else groups
    for f in facts:
        for key in fact_keys(f.place_code, f.indicator, f.year, f.unit, f.dimension,
                             [link[0] for link in f.place_chain]):
            _count_in(groups, key, f.place if key[0] != SUBTREE else None, f.value)
    return groups


def rows(groups: dict) -> list[tuple]:
    """Groups as COLUMNS rows, in key order."""
    return [(*key, *group) for key, group in sorted(groups.items())]


def _count_in(groups: dict, key: tuple, place, value: float) -> None:
    group = groups.get(key)
    if group is None:
        groups[key] = [place, 1, value, value, value]
        return
    if place is not None and (group[0] is None or place > group[0]):
        group[0] = place
    group[1] += 1
    group[2] += value
    group[3] = min(group[3], value)
    group[4] = max(group[4], value)


def _upsert(groups: dict) -> None:
    if not groups:
        return
    smaller, greater = ("LEAST", "GREATEST") if is_postgres() else ("MIN", "MAX")
    table = FactSummary._meta.table_name
    update = (f'"count" = {table}."count" + excluded."count", total = {table}.total + excluded.total, '
              f"low = {smaller}({table}.low, excluded.low), high = {greater}({table}.high, excluded.high), "
              f"place = CASE WHEN excluded.place IS NULL THEN {table}.place "
              f"WHEN {table}.place IS NULL OR excluded.place > {table}.place THEN excluded.place "
              f"ELSE {table}.place END")
    insert_rows(FactSummary, COLUMNS, rows(groups), on_conflict=f"({', '.join(KEY)}) DO UPDATE SET {update}")


def keys_of_sources(source_ids: list[int]) -> list[tuple]:
    """The summary keys the facts of these sources are counted under (read before they are deleted)."""
    if not source_ids:
        return []
    rows = list(Fact.select(Fact.place_code, Fact.indicator, Fact.year, Fact.unit, Fact.dimension).distinct()
                .where(Fact.source.in_(source_ids)).tuples())
    chains = _chains({row[0] for row in rows if row[0] is not None})
    return sorted({key for row in rows for key in fact_keys(*row, chains.get(row[0], []))})


def recount(keys: list[tuple]) -> None:
    """Sum these keys again from the facts that remain (after a removal)."""
    for key in keys:
        FactSummary.delete().where(*(getattr(FactSummary, name) == value for name, value in zip(KEY, key))).execute()
        row = (Fact.select(fn.MAX(Fact.place) if key[0] != SUBTREE else SQL("NULL"), fn.COUNT(Fact.id), fn.SUM(Fact.value),
                           fn.MIN(Fact.value), fn.MAX(Fact.value))
               .where(*_facts_under(key)).tuples().first())
        if row and row[1]:
            insert_rows(FactSummary, COLUMNS, [(*key, *row)])


def rebuild() -> None:
    """The whole summary summed again from the facts (a store made before it existed), a batch of facts at
    a time."""
    FactSummary.delete().execute()
    chains = _chains(None)
    groups: dict[tuple, list] = {}
    query = Fact.select(Fact.place_code, Fact.indicator, Fact.year, Fact.unit, Fact.dimension, Fact.place,
                        Fact.value).order_by(Fact.id).tuples()
    for place_code, indicator, year, unit, dimension, place, value in query.iterator():
        for key in fact_keys(place_code, indicator, year, unit, dimension, chains.get(place_code, [])):
            _count_in(groups, key, place if key[0] != SUBTREE else None, value)
    _upsert(groups)


def _chains(codes: set[str] | None) -> dict[str, list[str]]:
    """Place code → the codes from its province down to it, from the places' paths (all of them for None)."""
    query = Place.select(Place.code, Place.path)
    if codes is not None:
        query = query.where(Place.code.in_(sorted(codes)))
    return {code: [part for part in path.split("/") if part] for code, path in query.tuples().iterator()}


def _facts_under(key: tuple) -> list:
    """The conditions selecting the facts counted under a key."""
    scope, place_code, indicator, year, unit, dimension = key
    conditions = [Fact.unit == unit, Fact.dimension == dimension]
    if scope in (OWN, SUBTREE, PLACE_INDICATOR):
        conditions.append(Fact.indicator.is_null() if indicator == NO_INDICATOR else Fact.indicator == indicator)
    if scope in (OWN, SUBTREE, PLACE_YEAR):
        conditions.append(Fact.year.is_null() if year == NO_YEAR else Fact.year == year)
    if scope != SUBTREE:
        conditions.append(Fact.place_code.is_null() if place_code == NO_PLACE else Fact.place_code == place_code)
    elif place_code != NO_PLACE:
        path = Place.select(Place.path).where(Place.code == place_code).scalar()
        conditions.append(Fact.place_code.in_(Place.select(Place.code).where(Place.path.startswith(path or "-"))))
    return conditions
