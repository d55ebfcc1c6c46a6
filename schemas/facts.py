"""Query arguments and response bodies of /v1/facts."""
from __future__ import annotations

from marshmallow import RAISE, Schema, fields, validate

from .choices import dimensions, indicator_codes, list_pattern, unit_pattern
from service.fact_shape import API_FIELDS

from .fields import CommaList, HumanNumber, SimplifiedText, SortKeys, Text

QUALIFIERS = ["exact", "approx", "over", "under", "range"]
MAX_LIMIT = 1000
SORT_KEYS = ["id", "value", "year", "place", "unit", "indicator", "dimension", "qualifier", "article", "start"]


class FactFilterArgs(Schema):
    """Filters shared by /v1/facts and /v1/stats; unknown parameters are refused, not ignored."""

    class Meta:
        unknown = RAISE

    unit = Text(pattern=unit_pattern(), pattern_error="not a unit of /v1/units: give a canonical unit (元, 人, 户, 亩 …) "
                                                      "or a unit as written (万元)",
                metadata={"description": "canonical unit (元, 人, 户, 亩 …) or the unit as written (万元)",
                          "example": "元"})
    dimension = Text(validate=validate.OneOf(dimensions()),
                     metadata={"description": "currency, people, households, area, power, …"})
    place = SimplifiedText(metadata={"description": "a place's name, short name or code: its facts and those of every "
                                                    "place under it", "example": "吕梁市"})
    place_code = Text(validate=validate.Length(max=100),
                               metadata={"description": "facts attributed to exactly this place (no roll-up)",
                                         "example": "141124"})
    year = fields.Integer(validate=validate.Range(0, 9999))
    year__gte = fields.Integer(validate=validate.Range(0, 9999))
    year__lte = fields.Integer(validate=validate.Range(0, 9999))
    value__gte = HumanNumber(metadata={"description": "lower bound in the canonical unit; 1e7 or 1000万",
                                       "example": "1000万"})
    value__lte = HumanNumber()
    qualifier = Text(validate=validate.OneOf(QUALIFIERS))
    indicator = Text(validate=validate.OneOf(indicator_codes()),
                     metadata={"description": "an indicator code from /v1/indicators", "example": "investment"})
    indicator__in = CommaList(choices=indicator_codes(),
                              metadata={"description": "several indicator codes, comma-separated",
                                        "pattern": list_pattern(indicator_codes()),
                                        "example": "investment,donation"})
    article = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))
    doc = Text(metadata={"description": "source file name", "example": "000_dbe7da7130fec1f1.txt"})
    outlet = Text(validate=validate.Length(max=200),
                  metadata={"description": "the paper or site the page came from (given, or read from the page)"})
    published__gte = fields.Date(metadata={"description": "pages published on or after this day (a page dated by "
                                                          "month or year only matches any day of it)",
                                           "example": "2019-01-01"})
    published__lte = fields.Date(metadata={"description": "pages published on or before this day"})
    in_title = fields.Boolean(truthy={"1", "true"}, falsy={"0", "false"}, metadata={
        "description": "true: only figures in titles, subtitles and kickers; false: only the body's (a headline "
                       "figure its body states again is then counted once)", "example": "false"})
    q = Text(validate=validate.Length(max=100),
                      metadata={"description": "text the fact's sentence contains", "example": "捐赠"})
    measure__contains = Text(validate=validate.Length(max=100))
    conflict = fields.Boolean(truthy={"1", "true"}, falsy={"0", "false"}, metadata={
        "description": "true: only figures another report of the same place, year and measure contradicts (see "
                       "/v1/claims); false: only the others", "example": "true"})
    claim = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1),
                           metadata={"description": "the facts of one claim (/v1/claims): the figure as each source "
                                                    "stated it"})


class FactQueryArgs(FactFilterArgs):
    """Filters of /v1/facts, and how to sort, page, count and format them."""

    sort = SortKeys(SORT_KEYS, metadata={
        "description": "keys to sort by, comma-separated, each once, - for descending: id, value, year, place, unit, "
                       "indicator, dimension, qualifier, article, start; NULLs last, id the final tie-break in the "
                       "direction of the last key", "example": "-value,year"})
    limit = fields.Integer(load_default=50, validate=validate.Range(1, MAX_LIMIT))
    next = Text(metadata={"description": "the `next` token of the previous page"})
    count = Text(data_key="_count", validate=validate.OneOf(["exact", "estimated"]),
                          metadata={"description": "add `count` to the body: exact, or a planner estimate"})
    format = Text(load_default="json", validate=validate.OneOf(["json", "ndjson", "csv"]),
                           metadata={"description": "json pages, or the whole result streamed as ndjson or csv"})
    bom = fields.Boolean(load_default=False, truthy={"1", "true"}, falsy={"0", "false"},
                         metadata={"description": "with format=csv, start the file with a UTF-8 byte order mark so "
                                                  "spreadsheet programs read the Chinese text right (ignored otherwise)"})


class ArticleRefSchema(Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    date = fields.String(allow_none=True)
    byline = fields.String(allow_none=True)
    url = fields.String()


class SourceRefSchema(Schema):
    """The page a fact or article was read from, with what --meta or a sidecar said of it."""

    name = fields.String(metadata={"description": "the source file's name (the `doc` filter)"})
    url = fields.String(allow_none=True, metadata={"description": "where the page was published"})
    title = fields.String(allow_none=True)
    published = fields.String(allow_none=True, metadata={"description": "the page's date: YYYY, YYYY-MM or "
                                                                        "YYYY-MM-DD", "example": "2020-10-17"})
    published_source = fields.String(allow_none=True, metadata={
        "description": "where the date came from, in this order of trust: meta (--meta or a sidecar), page (an HTML "
                       "page's own metadata, or the date line the page prints), dateline (新华社成都9月15日电 with the "
                       "year of what else is known), url (the date in the page's address), crawl (the day a WARC "
                       "crawler fetched it)"})
    outlet = fields.String(allow_none=True, metadata={"description": "the paper or site, given or read from the page"})


class ParagraphRefSchema(Schema):
    id = fields.Integer()
    index = fields.Integer()
    url = fields.String()


class WhySchema(Schema):
    place = fields.String(allow_none=True, metadata={"description": "the place rule that gave `place` (README)",
                                                     "example": "help_receiver"})
    year = fields.String(allow_none=True, metadata={"description": "the year rule that gave `year` (README: Years)",
                                                    "example": "relative_year"})


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
    why = fields.Nested(WhySchema, metadata={"description": "the named rules that decided the fact's context"})
    source = fields.Nested(SourceRefSchema)
    article = fields.Nested(ArticleRefSchema)
    paragraph = fields.Nested(ParagraphRefSchema)


FIELD_TYPES = {bool: fields.Boolean, int: fields.Integer, float: fields.Float, str: fields.String}

# A fact's body: its id and address, the declared fields the API shows at the top (service/fact_shape.py),
# the extractor that made it, and where it was read
FactSchema = Schema.from_dict({
    "id": fields.Integer(),
    "url": fields.String(),
    **{f.name: FIELD_TYPES[f.type](allow_none=f.null, metadata={"description": f.help}) for f in API_FIELDS},
    "extractor_version": fields.String(),
    "provenance": fields.Nested(ProvenanceSchema),
}, name="FactSchema")


class FactPageSchema(Schema):
    rows = fields.List(fields.Nested(FactSchema))
    next = fields.String(allow_none=True)
    next_url = fields.String(allow_none=True)
    count = fields.Integer(allow_none=True)


GROUPS = ["place", "indicator", "year", "unit", "dimension"]


class StatsArgs(FactFilterArgs):
    """The filters of /v1/facts, and what to group by."""

    group_by = Text(required=True, validate=validate.OneOf(GROUPS),
                             metadata={"description": "place, indicator, year, unit or dimension", "example": "place"})
    limit = fields.Integer(load_default=100, validate=validate.Range(1, MAX_LIMIT),
                           metadata={"description": "most groups to return, largest first"})


class StatsGroupSchema(Schema):
    key = fields.String(allow_none=True, metadata={"description": "the group's value: place code, indicator, year …"})
    label = fields.String(allow_none=True, metadata={"description": "the place's name, for group_by=place"})
    unit = fields.String(metadata={"description": "sums are only ever taken within one canonical unit"})
    count = fields.Integer()
    sum = fields.Float()
    min = fields.Float()
    max = fields.Float()
    facts_url = fields.String(allow_none=True, metadata={"description": "the /v1/facts query that lists the evidence"})


class StatsSchema(Schema):
    group_by = fields.String()
    truncated = fields.Boolean(metadata={"description": "true when more groups exist than `limit` returned"})
    rows = fields.List(fields.Nested(StatsGroupSchema))
