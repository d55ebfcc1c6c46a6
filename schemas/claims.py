"""Query arguments and response bodies of /v1/claims: the facts that state one figure, weighed."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from .facts import MAX_LIMIT, FactFilterArgs, FactSchema
from .fields import SortKeys, Text

CLAIM_SORT_KEYS = ["id", "value", "year", "place", "sources", "facts", "conflicts", "first_reported",
                   "last_reported"]
CONSENSUS_RULES = ["only", "most_sources", "most_precise"]


class ClaimQueryArgs(FactFilterArgs):
    """The filters of /v1/facts select the claims that hold a fact they match (place, year, unit, indicator,
    dimension and measure are the claim's own; value bounds its consensus value), plus conflict and
    sources__gte."""

    conflict = fields.Boolean(truthy={"1", "true"}, falsy={"0", "false"}, metadata={
        "description": "true: only claims another claim of the same place, year and measure contradicts; false: "
                       "only those none does", "example": "false"})
    sources__gte = fields.Integer(validate=validate.Range(1, 2**31 - 1), metadata={
        "description": "only claims stated by at least this many sources (pages)", "example": "2"})
    sort = SortKeys(CLAIM_SORT_KEYS, metadata={
        "description": "keys to sort by, comma-separated, - for descending: " + ", ".join(CLAIM_SORT_KEYS)
                       + "; NULLs last, id the final tie-break", "example": "-sources"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, MAX_LIMIT))
    next = Text(metadata={"description": "the `next` token of the previous page"})


class EvidenceSchema(Schema):
    """One fact of a claim: the figure as one source stated it."""

    id = fields.Integer()
    url = fields.String()
    text = fields.String(metadata={"description": "the mention as written"})
    value = fields.Float()
    qualifier = fields.String()
    sentence = fields.String()
    doc = fields.String(metadata={"description": "the source file"})
    article = fields.Integer()
    reported = fields.String(allow_none=True, metadata={"description": "the article's or page's date"})


class ClaimRefSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    value = fields.Float()
    sources = fields.Integer()


class ClaimSchema(Schema):
    id = fields.Integer(metadata={"description": "the id of its first fact: the same facts keep the same claim"})
    url = fields.String()
    place = fields.String(allow_none=True)
    place_code = fields.String()
    year = fields.Integer()
    unit = fields.String()
    dimension = fields.String()
    indicator = fields.String(allow_none=True)
    measure = fields.String()
    value = fields.Float(metadata={"description": "the consensus figure, in the canonical unit"})
    consensus = fields.String(validate=validate.OneOf(CONSENSUS_RULES), metadata={
        "description": "how `value` was chosen: only (every fact states it), most_sources (more sources state it "
                       "than any other figure of the claim), most_precise (as many sources, more digits)"})
    low = fields.Float(allow_none=True, metadata={"description": "the least value every fact's wording allows; "
                                                                "null: no bound"})
    high = fields.Float(allow_none=True, metadata={"description": "the value every fact's wording allows up to; "
                                                                 "null: no bound"})
    facts = fields.Integer()
    sources = fields.Integer()
    articles = fields.Integer()
    first_reported = fields.String(allow_none=True)
    last_reported = fields.String(allow_none=True)
    conflict = fields.Boolean(metadata={"description": "true when another claim of the same place, year and "
                                                       "measure contradicts it"})
    conflicts = fields.Integer(metadata={"description": "how many claims contradict it"})
    conflicts_with = fields.List(fields.Nested(ClaimRefSchema), metadata={
        "description": "the claims that contradict it, at most 5 in a list and 100 in one claim"})
    evidence = fields.List(fields.Nested(EvidenceSchema), metadata={
        "description": "its facts, first ones first, at most 5 in a list and 100 in one claim; evidence_url "
                       "lists all of them"})
    evidence_url = fields.String()


class ClaimPageSchema(Schema):
    rows = fields.List(fields.Nested(ClaimSchema))
    next = fields.String(allow_none=True)
    next_url = fields.String(allow_none=True)


class FactClaimSchema(Schema):
    """The claim a fact is in, or null: a fact without a place, a year or a measure is weighed against none."""

    id = fields.Integer()
    url = fields.String()
    value = fields.Float()
    consensus = fields.String()
    sources = fields.Integer()
    corroborated_by = fields.Dict(metadata={
        "description": "count: facts of other articles in the same claim; url: all the claim's facts"})
    conflicts_with = fields.Dict(metadata={"description": "count: claims that contradict it; claims: links to them"})


FactDetailSchema = FactSchema.from_dict({"claim": fields.Nested(FactClaimSchema, allow_none=True)},
                                        name="FactDetailSchema")
