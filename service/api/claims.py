"""/v1/claims: the facts that state one figure, with its consensus value, how many sources back it, and the
claims that contradict it; /v1/claims/<id>: one claim."""
from __future__ import annotations

from flask import jsonify, request
from peewee import fn

from schemas.choices import canonical_units
from schemas.claims import ClaimQueryArgs

from ..store import db
from ..store.models import Article, Claim, ClaimConflict, ClaimFact, Fact, Source
from . import bp
from .problems import NotFound
from .query import FactQuery, KeysetPager, page_response, parse_args, parse_sort, place_filter

LISTED = 5  # facts and contradicting claims shown with each claim of a page (evidence_url lists every fact)
SINGLE_LISTED = 100  # shown with one claim
# filters that read the claim's own columns; the others select claims holding a fact that matches them
OWN_FILTERS = {"place", "place_code", "year", "year__gte", "year__lte", "indicator", "indicator__in", "dimension",
               "value__gte", "value__lte", "measure__contains", "conflict", "sources__gte"}
CONTROL = {"sort", "limit", "next"}


class ClaimQuery:
    """The claims that match a set of validated filters, a keyset page at a time."""

    SORTABLE = {"id": Claim.id, "value": Claim.value, "year": Claim.year, "place": Claim.place,
                "sources": Claim.sources, "facts": Claim.facts, "conflicts": Claim.conflicts,
                "first_reported": Claim.first_reported, "last_reported": Claim.last_reported}

    def __init__(self, args: dict):
        self.args = args

    def where(self, query):
        a = self.args
        if "place" in a:
            query = query.where(place_filter(a["place"], Claim.place_code))
        for name, field in (("place_code", Claim.place_code), ("year", Claim.year), ("indicator", Claim.indicator),
                            ("dimension", Claim.dimension)):
            if name in a:
                query = query.where(field == a[name])
        if "year__gte" in a:
            query = query.where(Claim.year >= a["year__gte"])
        if "year__lte" in a:
            query = query.where(Claim.year <= a["year__lte"])
        if "indicator__in" in a:
            query = query.where(Claim.indicator.in_(a["indicator__in"]))
        if "value__gte" in a:
            query = query.where(Claim.value >= a["value__gte"])
        if "value__lte" in a:
            query = query.where(Claim.value <= a["value__lte"])
        if "measure__contains" in a:
            query = query.where(Claim.measure.contains(a["measure__contains"]))
        if "conflict" in a:
            query = query.where((Claim.conflicts > 0) if a["conflict"] else (Claim.conflicts == 0))
        if "sources__gte" in a:
            query = query.where(Claim.sources >= a["sources__gte"])
        fact_args = {k: v for k, v in a.items() if k not in OWN_FILTERS | CONTROL}
        if fact_args.get("unit") in canonical_units():
            query = query.where(Claim.unit == fact_args.pop("unit"))
        if fact_args:  # claims holding a fact that matches the rest: the unit as written, q, doc, …
            facts = FactQuery(fact_args)
            matching = facts.where(facts.narrow())
            query = query.where(Claim.id.in_(ClaimFact.select(ClaimFact.claim).where(ClaimFact.fact.in_(matching))))
        return query

    def page(self):
        keys, id_descending = parse_sort(self.args.get("sort"), self.SORTABLE)
        if id_descending is None:
            id_descending = bool(keys) and keys[-1].descending
        pager = KeysetPager(self.where(Claim.select()), keys, Claim.id, self.args, descending_id=id_descending)
        return pager.page(self.args["limit"])


def claim_bodies(claims: list, listed: int) -> list[dict]:
    """Claims as ClaimSchema's shape, with their first `listed` facts and contradicting claims, read for all of
    them at once."""
    ids = [c.id for c in claims]
    evidence, against = _evidence(ids, listed), _conflicting(ids, listed)
    return [{"id": c.id, "url": claim_url(c.id), "place": c.place, "place_code": c.place_code, "year": c.year,
             "unit": c.unit, "dimension": c.dimension, "indicator": c.indicator, "measure": c.measure,
             "value": c.value, "consensus": c.consensus, "low": c.low, "high": c.high, "facts": c.facts,
             "sources": c.sources, "articles": c.articles, "first_reported": c.first_reported,
             "last_reported": c.last_reported, "conflict": c.conflicts > 0, "conflicts": c.conflicts,
             "conflicts_with": against.get(c.id, []),
             "evidence": evidence.get(c.id, []), "evidence_url": evidence_url(c.id)}
            for c in claims]


def _conflicting(claim_ids: list[int], limit: int) -> dict[int, list[dict]]:
    """The first `limit` claims that contradict each of these, in one query."""
    if not claim_ids:
        return {}
    ranked = (ClaimConflict.select(ClaimConflict.claim, ClaimConflict.other,
                                   fn.ROW_NUMBER().over(partition_by=[ClaimConflict.claim],
                                                        order_by=[ClaimConflict.other]).alias("rank"))
              .where(ClaimConflict.claim.in_(claim_ids)).alias("ranked"))
    query = (Claim.select(ranked.c.claim_id, Claim.id, Claim.value, Claim.sources)
             .join(ranked, on=(Claim.id == ranked.c.other_id))
             .where(ranked.c.rank <= limit).order_by(ranked.c.claim_id, Claim.id))
    against: dict[int, list[dict]] = {}
    for claim_id, other_id, value, sources in db.execute(query).fetchall():
        against.setdefault(claim_id, []).append({"id": other_id, "url": claim_url(other_id), "value": value,
                                                 "sources": sources})
    return against


def evidence_url(claim_id: int) -> str:
    return f"{request.script_root}/v1/facts?claim={claim_id}"


def claim_url(claim_id: int) -> str:
    return f"{request.script_root}/v1/claims/{claim_id}"


def _evidence(claim_ids: list[int], limit: int) -> dict[int, list[dict]]:
    """The first `limit` facts of each claim, in one query: a claim of many thousands of facts is not read."""
    if not claim_ids:
        return {}
    ranked = (ClaimFact.select(ClaimFact.claim, ClaimFact.fact,
                               fn.ROW_NUMBER().over(partition_by=[ClaimFact.claim], order_by=[ClaimFact.fact])
                               .alias("rank"))
              .where(ClaimFact.claim.in_(claim_ids)).alias("ranked"))
    rows = (Fact.select(ranked.c.claim_id, Fact.id, Fact.text, Fact.value, Fact.qualifier, Fact.sentence, Source.name,
                        Fact.article, fn.COALESCE(Article.date, Source.published))
            .join(ranked, on=(Fact.id == ranked.c.fact_id))
            .switch(Fact).join(Article, on=(Fact.article == Article.id))
            .switch(Fact).join(Source, on=(Fact.source == Source.id))
            .where(ranked.c.rank <= limit).order_by(ranked.c.claim_id, Fact.id))
    found: dict[int, list[dict]] = {}
    for claim_id, fact_id, text, value, qualifier, sentence, doc, article, reported in db.execute(rows).fetchall():
        found.setdefault(claim_id, []).append({
            "id": fact_id, "url": f"{request.script_root}/v1/facts/{fact_id}", "text": text, "value": value,
            "qualifier": qualifier, "sentence": sentence, "doc": doc, "article": article, "reported": reported})
    return found


def fact_claim(fact_id: int) -> dict | None:
    """The `claim` of a fact's body: its claim, how many facts of other articles state it too, and the
    claims that contradict it (its facts' sentences are not read: the claim's own address lists them)."""
    member = ClaimFact.select(ClaimFact.claim, ClaimFact.article).where(ClaimFact.fact == fact_id).tuples().first()
    if member is None:
        return None
    claim = Claim.get_by_id(member[0])
    corroborating = ClaimFact.select().where(ClaimFact.claim == claim.id, ClaimFact.article != member[1]).count()
    return {"id": claim.id, "url": claim_url(claim.id), "value": claim.value, "consensus": claim.consensus,
            "sources": claim.sources,
            "corroborated_by": {"count": corroborating, "url": evidence_url(claim.id)},
            "conflicts_with": {"count": claim.conflicts,
                               "claims": _conflicting([claim.id], SINGLE_LISTED).get(claim.id, [])}}


@bp.get("/claims")
def list_claims():
    """Claims matching the query-string filters, a page at a time; follow `next_url` for more."""
    args = parse_args(ClaimQueryArgs)
    rows, token = ClaimQuery(args).page()
    return page_response("api.list_claims", claim_bodies(rows, LISTED), token)


@bp.get("/claims/<int(max=9223372036854775807):claim_id>")
def get_claim(claim_id: int):
    claim = Claim.get_or_none(Claim.id == claim_id) if claim_id < 2**31 else None
    if claim is None:
        raise NotFound(f"there is no claim {claim_id}")
    return jsonify(claim_bodies([claim], SINGLE_LISTED)[0])
