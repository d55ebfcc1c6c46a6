"""Validated query arguments → peewee queries; opaque cursors bound to their filters."""
from __future__ import annotations

import base64
import hashlib
import json

from flask import jsonify, request, url_for
from marshmallow import ValidationError

from ..models import Article, Fact, Paragraph, Place, Source
from .problems import BadParameter, parameter_errors

CONTROL = ("limit", "next")


def parse_args(schema) -> dict:
    """Validate request.args with a schema; a repeated or bad parameter is a 400 naming it."""
    repeated = [k for k, v in request.args.lists() if len(v) > 1]
    if repeated:
        raise BadParameter("a parameter was given more than once",
                           [{"parameter": k, "message": "give this parameter once"} for k in repeated])
    try:
        return schema.load(request.args.to_dict())
    except ValidationError as exc:
        raise BadParameter("the query string has invalid parameters", parameter_errors(exc.messages)) from None


def filter_key(args: dict) -> str:
    """A short hash of the filters, so a cursor cannot be reused with other filters."""
    filters = {k: v for k, v in args.items() if k not in CONTROL}
    return hashlib.sha1(json.dumps(filters, sort_keys=True, default=str).encode()).hexdigest()[:12]


def encode_cursor(last_id: int, args: dict) -> str:
    payload = json.dumps({"after": last_id, "filters": filter_key(args)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(token: str, args: dict) -> int:
    try:
        payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        after, key = int(payload["after"]), payload["filters"]
    except (ValueError, KeyError, TypeError):
        raise BadParameter("the next token is not one this API gave out",
                           [{"parameter": "next", "message": "not a valid token"}]) from None
    if key != filter_key(args):
        raise BadParameter("the next token belongs to a query with other filters",
                           [{"parameter": "next", "message": "reuse a token only with the filters it came from"}])
    return after


def keyset_page(query, id_field, args: dict):
    """One page of `query` in id order after the `next` token: (rows, next token or None)."""
    if "next" in args:
        query = query.where(id_field > decode_cursor(args["next"], args))
    limit = args["limit"]
    rows = list(query.order_by(id_field).limit(limit + 1).objects())
    token = encode_cursor(rows[limit - 1].id, args) if len(rows) > limit else None
    return rows[:limit], token


def page_response(endpoint: str, rows: list[dict], token: str | None):
    """A list body with `next`/`next_url`, and the same link in a `Link: rel="next"` header."""
    next_url = url_for(endpoint, **{**request.args.to_dict(), "next": token}) if token else None
    response = jsonify({"rows": rows, "next": token, "next_url": next_url})
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


def places_named(name: str) -> list:
    """Places a user means by a name, a short name or a code (already in simplified script)."""
    return list(Place.select().where((Place.code == name) | (Place.name == name) | (Place.short_name == name)))


def subtree_codes(places: list):
    """A subquery of the codes of these places and of every place under them (roll-up)."""
    condition = None
    for place in places:
        term = Place.path.startswith(place.path)
        condition = term if condition is None else condition | term
    return Place.select(Place.code).where(condition)


def place_filter(name: str, field):
    """`field IN (codes of the named place's subtree)`, or a 400 naming `place`."""
    places = places_named(name)
    if not places:
        raise BadParameter(f"no place is named {name!r}",
                           [{"parameter": "place", "message": f"no place is named {name!r}; try /v1/places?q="}])
    return field.in_(subtree_codes(places))


FACT_COLUMNS = (Fact, Article.title, Article.date, Article.byline, Paragraph.index.alias("paragraph_index"),
                Source.name.alias("doc"))


class FactQuery:
    """The facts that match a set of validated filters, in id order, one keyset page at a time."""

    def __init__(self, args: dict):
        self.args = args

    def base(self):
        return (Fact.select(*FACT_COLUMNS)
                .join(Article, on=(Fact.article == Article.id))
                .switch(Fact).join(Paragraph, on=(Fact.paragraph == Paragraph.id))
                .switch(Fact).join(Source, on=(Fact.source == Source.id)))

    def where(self, query):
        a = self.args
        if "unit" in a:
            query = query.where((Fact.unit == a["unit"]) | (Fact.unit_written == a["unit"]))
        if "dimension" in a:
            query = query.where(Fact.dimension == a["dimension"])
        if "place" in a:
            query = query.where(place_filter(a["place"], Fact.place_code))
        if "year" in a:
            query = query.where(Fact.year == a["year"])
        if "year__gte" in a:
            query = query.where(Fact.year >= a["year__gte"])
        if "year__lte" in a:
            query = query.where(Fact.year <= a["year__lte"])
        if "value__gte" in a:
            query = query.where(Fact.value >= a["value__gte"])
        if "value__lte" in a:
            query = query.where(Fact.value <= a["value__lte"])
        if "indicator" in a:
            query = query.where(Fact.indicator == a["indicator"])
        if "indicator__in" in a:
            query = query.where(Fact.indicator.in_(a["indicator__in"]))
        if "qualifier" in a:
            query = query.where(Fact.qualifier == a["qualifier"])
        if "article" in a:
            query = query.where(Fact.article == a["article"])
        if "doc" in a:
            query = query.where(Source.name == a["doc"])
        if "q" in a:
            query = query.where(Fact.sentence.contains(a["q"]))
        if "measure__contains" in a:
            query = query.where(Fact.measure.contains(a["measure__contains"]))
        return query

    def page(self):
        """(rows, next token or None)."""
        return keyset_page(self.where(self.base()), Fact.id, self.args)

    def get(self, fact_id: int):
        return self.base().where(Fact.id == fact_id).objects().first()
