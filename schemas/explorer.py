"""Query arguments of the explorer page (GET /): the facts filters, a page size, and the chart's grouping."""
from __future__ import annotations

from marshmallow import fields, validate

from .facts import GROUPS, FactQueryArgs
from .fields import Text


class ExplorerArgs(FactQueryArgs):
    """What the filter form sends; the same names and rules as /v1/facts, so a page's URL reads like the API's."""

    limit = fields.Integer(load_default=20, validate=validate.Range(1, 200))
    group_by = Text(load_default="place", validate=validate.OneOf(GROUPS))
    format = Text(load_default="json", validate=validate.OneOf(["json"]))
