"""What every store's claims must satisfy, asserted by the claims tests and by the crash and concurrency tests."""
from __future__ import annotations

from service.store.claims import rebuild
from service.store.models import Claim, ClaimConflict, ClaimFact


def snapshot() -> tuple:
    claims = sorted(Claim.select().tuples())
    return claims, sorted(ClaimFact.select().tuples()), sorted(ClaimConflict.select(ClaimConflict.claim,
                                                                                   ClaimConflict.other).tuples())


def assert_claims_as_made_from_scratch():
    kept = snapshot()
    rebuild()
    assert snapshot() == kept
    members = dict(ClaimFact.select(ClaimFact.fact, ClaimFact.claim).tuples())
    for claim in Claim.select():
        ids = [f for f, c in members.items() if c == claim.id]
        assert claim.facts == len(ids) and claim.id == min(ids)
