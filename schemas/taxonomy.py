"""Response bodies of /v1/indicators and /v1/units."""
from marshmallow import Schema, fields


class IndicatorSchema(Schema):
    code = fields.String(metadata={"example": "investment"})
    label = fields.String(metadata={"example": "投资"})
    description = fields.String()
    dimensions = fields.List(fields.String())
    keywords = fields.List(fields.String())
    fact_count = fields.Integer()
    facts_url = fields.String()


class UnitSchema(Schema):
    unit = fields.String(metadata={"description": "canonical unit", "example": "元"})
    dimension = fields.String(metadata={"example": "currency"})
    written = fields.List(fields.String(), metadata={"description": "units as the articles wrote them"})
    fact_count = fields.Integer()
    facts_url = fields.String()
