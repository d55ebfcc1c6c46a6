"""Claims scored pair by pair on the seeds and on the seeds restated by other imagined papers (corpus.py):
"same claim" must be right at least 95 % of the times it is said, "conflict" at least 90 %."""
from __future__ import annotations

import pytest

from service import store
from service.job import run_extraction
from service.reference import reference_data

from ..conftest import BACKENDS, _empty_store_url
from .corpus import judged_pairs, scores, seed_labels, stored_conflicts, stored_facts, write_corpus


@pytest.fixture(scope="module", params=BACKENDS)
def judged(request, tmp_path_factory, pg_databases):
    root = tmp_path_factory.mktemp("claims-corpus")
    origins = write_corpus(root)
    store.open_database(_empty_store_url(request.param, tmp_path_factory.mktemp("claims-store"), pg_databases))
    store.init_db(reference_data())
    with store.db.connection_context():
        summary = run_extraction([str(root)])
        assert summary.failed == 0
        facts = stored_facts()
        conflicting = stored_conflicts()
    return judged_pairs(facts, origins, seed_labels(), conflicting)


def test_every_seed_pair_in_one_bucket_is_labelled(judged):
    """A new pair in a bucket means the extractor changed: label it in seed_pairs.json by reading both
    sentences, rather than let it count as different."""
    labels = seed_labels()
    unlabelled = sorted({(u.doc, u.start, v.start) for u, v, *_ in judged
                         if u.doc == v.doc and "." not in u.doc[:-4] and u.bucket == v.bucket
                         and (u.doc, *sorted((u.start, v.start))) not in labels})
    assert unlabelled == []


def _report(judged, label: str) -> tuple[float, float, int, int]:
    """Scores over the pairs that can be in claims (both facts have a place, a year and a measure), with
    those over every pair printed beside them: a fact without a bucket is in no claim by design."""
    precision, recall, said, true = scores(judged, label)
    print(f"\n{label}: all pairs P {precision:.3f} R {recall:.3f} ({said} said, {true} true)")
    precision, recall, said, true = scores(judged, label, weighable=True)
    print(f"{label}: weighable pairs P {precision:.3f} R {recall:.3f} ({said} said, {true} true)")
    return precision, recall, said, true


def test_same_claim_is_said_with_precision(judged):
    precision, recall, _, true = _report(judged, "same")
    assert true > 300 and precision >= 0.95 and recall >= 0.9


def test_conflict_is_said_with_precision(judged):
    """Recall is lower by design: a quarter of the contradictions multiply by 2.5, beyond MAX_RATIO, and a
    contradiction inside one article (one of three statements changed) is not judged."""
    precision, recall, _, true = _report(judged, "conflict")
    assert true > 100 and precision >= 0.9 and recall >= 0.6


def test_rounded_and_updated_figures_are_never_called_conflicts(judged):
    wrong = [(u.doc, u.start, v.doc, v.start) for u, v, truth, said in judged
             if said == "conflict" and truth != "conflict"]
    assert wrong == []
