"""Query arguments and response bodies of /v1/facts."""
from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from .fields import CommaList, HumanNumber, SimplifiedText

QUALIFIERS = ["exact", "approx", "over", "under", "range"]
MAX_LIMIT = 1000


class FactQueryArgs(Schema):
    """Filters of /v1/facts; unknown parameters are refused, not ignored."""

    class Meta:
        unknown = RAISE

    unit = fields.String(metadata={"description": "canonical unit (元, 人, 户, 亩 …) or the unit as written (万元)",
                                   "example": "元"})
    dimension = fields.String(metadata={"description": "currency, people, households, area, power, …"})
    place = SimplifiedText(metadata={"description": "a place's name, short name or code: its facts and those of every "
                                                    "place under it", "example": "吕梁市"})
    year = fields.Integer(validate=validate.Range(0, 9999))
    year__gte = fields.Integer(validate=validate.Range(0, 9999))
    year__lte = fields.Integer(validate=validate.Range(0, 9999))
    value__gte = HumanNumber(metadata={"description": "lower bound in the canonical unit; 1e7 or 1000万",
                                       "example": "1000万"})
    value__lte = HumanNumber()
    qualifier = fields.String(validate=validate.OneOf(QUALIFIERS))
    indicator = fields.String(metadata={"description": "an indicator code from /v1/indicators", "example": "investment"})
    indicator__in = CommaList(metadata={"description": "several indicator codes, comma-separated",
                                        "example": "investment,donation"})
    article = fields.Integer(validate=validate.Range(min=1))
    doc = fields.String(metadata={"description": "source file name", "example": "000_dbe7da7130fec1f1.txt"})
    q = fields.String(validate=validate.Length(min=1, max=100),
                      metadata={"description": "text the fact's sentence contains", "example": "捐赠"})
    measure__contains = fields.String(validate=validate.Length(min=1, max=100))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, MAX_LIMIT))
    next = fields.String(metadata={"description": "the `next` token of the previous page"})


class ArticleRefSchema(Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    date = fields.String(allow_none=True)
    byline = fields.String(allow_none=True)
    url = fields.String()


class ParagraphRefSchema(Schema):
    id = fields.Integer()
    index = fields.Integer()
    url = fields.String()


class ProvenanceSchema(Schema):
    """Where a fact was read: raw[start:end] of the source file is exactly `text`."""

    doc = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    sentence = fields.String()
    sentence_start = fields.Integer()
    sentence_end = fields.Integer()
    normalised = fields.String()
    article = fields.Nested(ArticleRefSchema)
    paragraph = fields.Nested(ParagraphRefSchema)


class FactSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    text = fields.String()
    value = fields.Float()
    high = fields.Float(allow_none=True)
    qualifier = fields.String()
    unit = fields.String()
    unit_written = fields.String()
    dimension = fields.String()
    numeral = fields.String()
    iso = fields.String(allow_none=True)
    measure = fields.String(allow_none=True)
    indicator = fields.String(allow_none=True)
    place = fields.String(allow_none=True)
    place_code = fields.String(allow_none=True)
    year = fields.Integer(allow_none=True)
    extractor_version = fields.String()
    provenance = fields.Nested(ProvenanceSchema)
