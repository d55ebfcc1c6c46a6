"""The summary of the facts that /v1/stats reads: one FactSummary row per place × indicator × year × unit ×
dimension, with the count, sum, minimum and maximum of its facts.

The writer adds a source's facts to it and takes a removed source's out in the same transaction as the
facts themselves, so the summary always equals a GROUP BY over the facts (sums up to the order floating
point additions are made in). A removal cannot undo a minimum or a maximum: the keys it touches are
summed again from the facts that remain.
"""
from __future__ import annotations

from peewee import SQL, fn

from .connection import insert_rows, is_postgres
from .models import Fact, FactSummary

KEY = ("place_code", "indicator", "year", "unit", "dimension")
NO_PLACE, NO_INDICATOR, NO_YEAR = "", "", -1  # what a fact without them is kept under
COLUMNS = (*KEY, "place", "count", "total", "low", "high")


def summary_key(place_code, indicator, year, unit, dimension) -> tuple:
    """A fact's key in the summary, absent values by their stand-ins."""
    return (place_code if place_code is not None else NO_PLACE, indicator if indicator is not None else NO_INDICATOR,
            year if year is not None else NO_YEAR, unit, dimension)


def add_facts(facts) -> None:
    """Count these facts (records with the key fields, value and place) into the summary."""
    groups: dict[tuple, list] = {}
    for f in facts:
        key = summary_key(f.place_code, f.indicator, f.year, f.unit, f.dimension)
        group = groups.get(key)
        if group is None:
            groups[key] = [f.place, 1, f.value, f.value, f.value]
        else:
            if f.place is not None and (group[0] is None or f.place > group[0]):
                group[0] = f.place
            group[1] += 1
            group[2] += f.value
            group[3] = min(group[3], f.value)
            group[4] = max(group[4], f.value)
    if not groups:
        return
    smaller, greater = ("LEAST", "GREATEST") if is_postgres() else ("MIN", "MAX")
    table = FactSummary._meta.table_name
    update = (f'"count" = {table}."count" + excluded."count", total = {table}.total + excluded.total, '
              f"low = {smaller}({table}.low, excluded.low), high = {greater}({table}.high, excluded.high), "
              f"place = CASE WHEN excluded.place IS NULL THEN {table}.place "
              f"WHEN {table}.place IS NULL OR excluded.place > {table}.place THEN excluded.place "
              f"ELSE {table}.place END")
    insert_rows(FactSummary, COLUMNS, [(*key, *group) for key, group in sorted(groups.items())],
                on_conflict=f"({', '.join(KEY)}) DO UPDATE SET {update}")


def keys_of_sources(source_ids: list[int]) -> list[tuple]:
    """The summary keys the facts of these sources are counted under (read before they are deleted)."""
    if not source_ids:
        return []
    rows = (Fact.select(Fact.place_code, Fact.indicator, Fact.year, Fact.unit, Fact.dimension).distinct()
            .where(Fact.source.in_(source_ids)).tuples())
    return sorted({summary_key(*row) for row in rows})


def recount(keys: list[tuple]) -> None:
    """Sum these keys again from the facts that remain (after a removal)."""
    for key in keys:
        place_code, indicator, year, unit, dimension = key
        FactSummary.delete().where(_key_matches(FactSummary, key)).execute()
        row = (Fact.select(fn.MAX(Fact.place), fn.COUNT(Fact.id), fn.SUM(Fact.value), fn.MIN(Fact.value),
                           fn.MAX(Fact.value))
               .where(_fact_key_matches(key)).tuples().first())
        if row and row[1]:
            insert_rows(FactSummary, COLUMNS, [(*key, *row)])


def rebuild() -> None:
    """The whole summary summed again from the facts (a store made before it existed)."""
    FactSummary.delete().execute()
    keys = [fn.COALESCE(Fact.place_code, NO_PLACE), fn.COALESCE(Fact.indicator, NO_INDICATOR),
            fn.COALESCE(Fact.year, NO_YEAR), Fact.unit, Fact.dimension]
    query = Fact.select(*keys, fn.MAX(Fact.place), fn.COUNT(Fact.id), fn.SUM(Fact.value), fn.MIN(Fact.value),
                        fn.MAX(Fact.value)).group_by(*(SQL(str(i)) for i in range(1, len(keys) + 1)))  # by position:
    # PostgreSQL would not match a COALESCE with a bound '' in the select list to the same in GROUP BY
    FactSummary.insert_from(query, [getattr(FactSummary, name) for name in COLUMNS]).execute()


def _key_matches(model, key: tuple):
    return ((model.place_code == key[0]) & (model.indicator == key[1]) & (model.year == key[2])
            & (model.unit == key[3]) & (model.dimension == key[4]))


def _fact_key_matches(key: tuple):
    place_code, indicator, year, unit, dimension = key
    return ((Fact.place_code.is_null() if place_code == NO_PLACE else Fact.place_code == place_code)
            & (Fact.indicator.is_null() if indicator == NO_INDICATOR else Fact.indicator == indicator)
            & (Fact.year.is_null() if year == NO_YEAR else Fact.year == year)
            & (Fact.unit == unit) & (Fact.dimension == dimension))

