"""The claims the writer keeps equal those made from scratch from the facts, however the store got there
(pages added, re-extracted, replaced by other bytes), on SQLite and PostgreSQL; a store made before
claims existed gets them at init-db."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from service.job import run_extraction
from service.reference import reference_data
from service.store import init_db
from service.store.models import Claim, ClaimConflict, ClaimFact, Fact, StoreInfo

from ..conftest import SEEDS
from ..store.test_summary import page, play
from .checks import assert_claims_as_made_from_scratch, snapshot


STEP = st.tuples(st.sampled_from(["write", "replace", "force"]), st.integers(0, 3), st.integers(0, 2))


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(STEP, min_size=1, max_size=4))
def test_kept_claims_equal_claims_made_from_scratch(empty_store, tmp_path_factory, steps):
    play(steps, tmp_path_factory.mktemp("pages"), assert_claims_as_made_from_scratch)


def test_the_same_page_twice_makes_every_weighable_fact_corroborated(empty_store, tmp_path):
    (tmp_path / "a.txt").write_text(page(1, 0, 1), encoding="utf-8")
    (tmp_path / "b.txt").write_text(page(1, 0, 2), encoding="utf-8")
    run_extraction([str(tmp_path)])
    assert Claim.select().where(Claim.sources == 1).count() == 0
    assert Claim.select().where(Claim.conflicts > 0).count() == 0
    assert ClaimFact.select().count() == Fact.select().where(Fact.place_code.is_null(False), Fact.year.is_null(False),
                                                             Fact.measure.is_null(False)).count()


def test_a_store_made_before_claims_gets_them_at_init_db(empty_store):
    run_extraction([str(SEEDS)])
    kept = snapshot()
    for model in (ClaimConflict, ClaimFact, Claim):
        model.delete().execute()
    StoreInfo.set("schema_version", "18")
    init_db(reference_data())
    assert snapshot() == kept and kept[0]
