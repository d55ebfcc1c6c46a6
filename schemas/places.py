"""Query arguments and response bodies of /v1/places."""
from marshmallow import RAISE, Schema, fields, validate

from .fields import SimplifiedText, Text

LEVELS = ["province", "prefecture", "county", "town", "village"]


class PlaceListArgs(Schema):
    class Meta:
        unknown = RAISE

    q = SimplifiedText(validate=validate.Length(max=50),
                       metadata={"description": "part of the name, in either script", "example": "乡宁"})
    level = Text(validate=validate.OneOf(LEVELS))
    parent = Text(metadata={"description": "code of the parent place", "example": "1411"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 1000))
    next = Text()


class PlaceRefSchema(Schema):
    code = fields.String()
    name = fields.String()
    level = fields.String()
    url = fields.String()


class PlaceSchema(Schema):
    id = fields.Integer()
    code = fields.String(metadata={"description": "统计用区划代码; a village's is its parent's code + its name"})
    name = fields.String()
    short_name = fields.String(allow_none=True)
    level = fields.String()
    parent_code = fields.String(allow_none=True)
    url = fields.String()
    fact_count = fields.Integer(metadata={"description": "facts attributed to this place itself"})
    fact_count_total = fields.Integer(metadata={"description": "facts of this place and every place under it"})
    ancestors = fields.List(fields.Nested(PlaceRefSchema))
    children = fields.List(fields.Nested(PlaceRefSchema))
