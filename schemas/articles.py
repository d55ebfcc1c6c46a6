"""Response bodies of /v1/articles."""
from marshmallow import RAISE, Schema, fields, validate

from .facts import SourceRefSchema
from .fields import SimplifiedText, Text


class ArticleListArgs(Schema):
    class Meta:
        unknown = RAISE

    doc = Text(metadata={"description": "source file name", "example": "000_dbe7da7130fec1f1.txt"})
    q = Text(validate=validate.Length(max=100),
                      metadata={"description": "text the title or a paragraph contains", "example": "光伏"})
    place = SimplifiedText(metadata={"description": "a place's name, short name or code: articles about it or any "
                                                    "place under it", "example": "吕梁市"})
    date__gte = fields.Date(metadata={"description": "printed on or after this day", "example": "2017-01-01"})
    date__lte = fields.Date(metadata={"description": "printed on or before this day", "example": "2017-12-31"})
    outlet = Text(validate=validate.Length(max=200),
                  metadata={"description": "the paper or site the page came from (given, or read from the page)"})
    published__gte = fields.Date(metadata={"description": "pages published on or after this day (a page dated by "
                                                          "month or year only matches any day of it)"})
    published__lte = fields.Date(metadata={"description": "pages published on or before this day"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 1000))
    next = Text()


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
    kind = fields.String(metadata={"description": "body; heading: a title, subtitle or kicker; caption: a photo "
                                                  "caption (the figures of each are facts)"})
    sentences = fields.List(fields.Nested(SentenceSchema))
    facts = fields.List(fields.Nested(SpanFactSchema))


class ArticleSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    doc = fields.String()
    source = fields.Nested(SourceRefSchema)
    title = fields.String(allow_none=True)
    subtitle = fields.String(allow_none=True)
    kicker = fields.String(allow_none=True)
    byline = fields.String(allow_none=True)
    date = fields.String(allow_none=True)
    source_name = fields.String(allow_none=True)
    place = fields.String(allow_none=True)
    place_code = fields.String(allow_none=True)
    year = fields.Integer(allow_none=True)
    start = fields.Integer()
    body_start = fields.Integer()
    end = fields.Integer()
    fragment = fields.Boolean()
    continued_at = fields.List(fields.Integer(), metadata={"description": "raw offsets where the story goes on"})
    fact_count = fields.Integer()
    paragraphs = fields.List(fields.Nested(ParagraphSchema))
