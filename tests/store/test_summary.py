"""The summary /v1/stats reads equals a GROUP BY over the facts, on random stores built and rebuilt by the
job (pages added, re-extracted, and replaced by other bytes at the same path), on SQLite and PostgreSQL."""
import math
import re

from hypothesis import HealthCheck, given, settings, strategies as st

from schemas.facts import GROUPS
from service.api.stats import grouped_from_facts, grouped_from_summary, summary_answers
from service.job import run_extraction
from service.store import db, init_db, is_postgres
from service.store.models import (Article, Claim, ClaimConflict, ClaimFact, Fact, FactSummary, Paragraph, Source,
                                  SourcePath, StoreInfo)
from service.reference import reference_data

from ..conftest import SEEDS

SEED_PAGES = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
FILTERS = [{}, {"unit": "户"}, {"place": "山西省"}, {"place": "吕梁市", "dimension": "currency"}, {"place": "城关镇"},
           {"place": "临县", "place_code": "141124"}, {"year__lte": 2018},
           {"year__gte": 2017, "indicator": "investment"}, {"unit": "元"}, {"indicator__in": ["donation", "other"]},
           {"place_code": "141124", "year": 2019}, {"year": 2017}, {"indicator": "investment"},
           {"dimension": "people"}, {"year": 2018, "unit": "元"}, {"place": "吕梁市", "indicator": "investment"},
           {"year__gte": 2016, "year__lte": 2019}, {"indicator__in": ["investment", "loan"], "dimension": "currency"},
           {"year": 2017, "indicator": "investment"}, {"year": 2018, "indicator": "other", "place": "山西省"}]


def page(seed: int, shift: int, number: int) -> str:
    """A seed page with every digit moved on by `shift`: other values, other years, the same layout."""
    text = re.sub(r"[0-9]", lambda m: str((int(m.group()) + shift) % 10), SEED_PAGES[seed % len(SEED_PAGES)])
    return f"{text}\n\n第{number}版\n"


def rows(found) -> list[tuple]:
    return [(r.key if r.key is None else str(r.key), r.group_unit, int(r.n), r.low, r.high_, getattr(r, "label", None))
            for r in found]


def assert_summary_equals_group_by():
    facts = Fact.select().count()
    assert sum(s.count for s in FactSummary.select().where(FactSummary.scope == "own")) == facts
    for scope in ("place", "pl_year", "pl_indic"):
        assert sum(s.count for s in FactSummary.select().where(FactSummary.scope == scope)) == facts, scope
    assert sum(s.count for s in FactSummary.select().where(FactSummary.scope == "subtree",
                                                           FactSummary.place_code == "")) == facts
    for group_by in GROUPS:
        for filters in FILTERS:
            args = {"group_by": group_by, "limit": 1000, **filters}
            assert summary_answers(args)
            summed, counted = list(grouped_from_summary(args)), list(grouped_from_facts(args))
            assert rows(summed) == rows(counted), (group_by, filters)
            for a, b in zip(summed, counted):
                assert math.isclose(a.total, b.total, rel_tol=1e-9, abs_tol=1e-9), (group_by, filters, a.key)


def empty_the_store():
    """Every extracted row gone (hypothesis runs its examples on one store)."""
    if not is_postgres():
        db.execute_sql("DELETE FROM fact_search")
    for model in (ClaimConflict, ClaimFact, Claim, FactSummary, Fact, Paragraph, Article, SourcePath, Source):
        model.delete().execute()


STEP = st.tuples(st.sampled_from(["write", "replace", "force"]), st.integers(0, 3), st.integers(0, 9))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=4))
def test_the_summary_equals_a_group_by_over_the_facts(empty_store, tmp_path_factory, steps):
    play(steps, tmp_path_factory.mktemp("pages"), assert_summary_equals_group_by, seed_of=lambda slot, n: slot + n)


def play(steps, folder, check, seed_of=lambda slot, number: slot) -> None:
    """Run the job after each step on an emptied store, then `check` it: write a page into a slot unless
    one is there, replace the slot's page with other bytes, or force a re-extraction of every page."""
    empty_the_store()
    for number, (action, slot, shift) in enumerate(steps):
        path = folder / f"page{slot}.txt"
        if action == "force":
            run_extraction([str(folder)], force=True)
        else:
            if action == "write" and path.exists():
                continue
            path.write_text(page(seed_of(slot, number), shift, number), encoding="utf-8")
            run_extraction([str(folder)])
        check()


def test_a_store_made_before_the_summary_gets_it_summed_from_its_facts(empty_store, tmp_path):
    run_extraction([str(SEEDS)])
    FactSummary.delete().execute()
    StoreInfo.set("schema_version", "15")
    init_db(reference_data())
    assert_summary_equals_group_by()


def test_filters_the_summary_cannot_answer_read_the_facts():
    for extra in ({"q": "光伏"}, {"value__gte": 10.0}, {"measure__contains": "资金"}, {"unit": "万元"},
                  {"doc": "a.txt"}, {"in_title": False}, {"qualifier": "exact"}, {"article": 3}):
        assert not summary_answers({"group_by": "year", "limit": 100, **extra}), extra


def test_groups_other_than_places_read_the_rows_of_a_whole_subtree(empty_store):
    from service.api.stats import _subtrees

    assert _subtrees({"group_by": "year", "limit": 10, "place": "山西省"}) == ["14"]
    assert _subtrees({"group_by": "unit", "limit": 10}) == [""]
    assert _subtrees({"group_by": "year", "limit": 10, "place_code": "141124"}) is None


def test_groups_of_places_read_rows_that_are_groups_where_the_filters_allow():
    from service.api.stats import _place_scope

    assert _place_scope({"group_by": "place", "limit": 10, "unit": "元", "dimension": "currency"}) == ("place", True)
    assert _place_scope({"group_by": "place", "limit": 10, "year": 2017, "place": "吕梁市"}) == ("pl_year", True)
    assert _place_scope({"group_by": "place", "limit": 10, "year__gte": 2017}) == ("pl_year", False)
    assert _place_scope({"group_by": "place", "limit": 10, "indicator": "loan"}) == ("pl_indic", True)
    assert _place_scope({"group_by": "place", "limit": 10, "indicator__in": ["loan"]}) == ("pl_indic", False)
    assert _place_scope({"group_by": "place", "limit": 10, "indicator": "loan", "year": 2017}) == ("own", True)
    assert _place_scope({"group_by": "place", "limit": 10, "indicator": "loan", "year__gte": 2017}) == ("own", False)


def test_places_over_a_range_of_years_stop_summing_once_no_other_place_can_rank(seeded_store, monkeypatch):
    """The threshold algorithm of stats._places_over_years, two places a round, against a GROUP BY over the
    facts: the same groups in the same order for every page size, ties included."""
    from service import store
    from service.api import stats

    monkeypatch.setattr(stats, "PLACES_PER_ROUND", 2)
    store.open_database(seeded_store)
    with store.db.connection_context():
        for years in ({"year__gte": 2017}, {"year__lte": 2018}, {"year__gte": 2016, "year__lte": 2019},
                      {"year__gte": 2018, "unit": "元"}, {"year__lte": 2019, "dimension": "people"}):
            for limit in (1, 2, 3, 5, 8, 13, 1000):
                args = {"group_by": "place", "limit": limit, **years}
                assert rows(stats.grouped_from_summary(args)) == rows(stats.grouped_from_facts(args)), args
