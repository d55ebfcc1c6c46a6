"""Response bodies of /v1/articles."""
from marshmallow import RAISE, Schema, fields, validate


class ArticleListArgs(Schema):
    class Meta:
        unknown = RAISE

    doc = fields.String()
    q = fields.String(validate=validate.Length(min=1, max=100))
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 1000))
    next = fields.String()


class SpanFactSchema(Schema):
    id = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    value = fields.Float()
    unit = fields.String()
    url = fields.String()


class SentenceSchema(Schema):
    index = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class ParagraphSchema(Schema):
    id = fields.Integer()
    index = fields.Integer()
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    mojibake = fields.Boolean()
    sentences = fields.List(fields.Nested(SentenceSchema))
    facts = fields.List(fields.Nested(SpanFactSchema))


class ArticleSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    doc = fields.String()
    title = fields.String(allow_none=True)
    subtitle = fields.String(allow_none=True)
    kicker = fields.String(allow_none=True)
    byline = fields.String(allow_none=True)
    date = fields.String(allow_none=True)
    source_name = fields.String(allow_none=True)
    start = fields.Integer()
    body_start = fields.Integer()
    end = fields.Integer()
    fragment = fields.Boolean()
    continued_at = fields.List(fields.Integer(), metadata={"description": "raw offsets where the story goes on"})
    fact_count = fields.Integer()
    paragraphs = fields.List(fields.Nested(ParagraphSchema))
