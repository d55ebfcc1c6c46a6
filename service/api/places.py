"""/v1/places: the gazetteer and the villages the texts named, with their fact counts."""
from __future__ import annotations

from flask import jsonify, url_for
from peewee import fn

from schemas.places import PlaceListArgs, PlaceSchema

from ..store.models import Fact, Place
from . import bp
from .problems import NotFound
from .query import autonomous_plain_name, keyset_page, page_response, parse_args, subtree_codes


def _ref(place) -> dict:
    return {"code": place.code, "name": place.name, "level": place.level,
            "url": url_for("api.get_place", code=place.code)}


def _counts(codes: list[str]) -> dict[str, int]:
    if not codes:
        return {}
    query = (Fact.select(Fact.place_code, fn.COUNT(Fact.id).alias("n"))
             .where(Fact.place_code.in_(codes)).group_by(Fact.place_code))
    return {row.place_code: row.n for row in query.objects()}


def _body(place, counts: dict[str, int]) -> dict:
    return {"id": place.id, "code": place.code, "name": place.name, "short_name": place.short_name,
            "level": place.level, "parent_code": place.parent_code,
            "url": url_for("api.get_place", code=place.code), "fact_count": counts.get(place.code, 0)}


@bp.get("/places")
def list_places():
    """Places by name (either script), level or parent, with the number of facts attributed to each."""
    args = parse_args(PlaceListArgs)
    query = Place.select()
    if "q" in args:
        condition = Place.name.contains(args["q"]) | Place.short_name.contains(args["q"])
        plain = autonomous_plain_name(args["q"])
        query = query.where(condition if plain is None else condition | plain)
    if "level" in args:
        query = query.where(Place.level == args["level"])
    if "parent" in args:
        query = query.where(Place.parent_code == args["parent"])
    rows, token = keyset_page(query, Place.id, args)
    counts = _counts([p.code for p in rows])
    return page_response("api.list_places", PlaceSchema(many=True).dump([_body(p, counts) for p in rows]), token)


@bp.get("/places/<path:code>")
def get_place(code: str):
    """One place with its ancestors, its children and its fact counts (own and rolled up)."""
    place = Place.get_or_none(Place.code == code)
    if place is None:
        raise NotFound(f"there is no place with code {code!r}")
    codes = [c for c in place.path.strip("/").split("/") if c and c != place.code]
    ancestors = {p.code: p for p in Place.select().where(Place.code.in_(codes))} if codes else {}
    children = list(Place.select().where(Place.parent_code == place.code).order_by(Place.code).limit(1000))
    body = _body(place, _counts([place.code]))
    body["fact_count_total"] = Fact.select().where(Fact.place_code.in_(subtree_codes([place]))).count()
    body["ancestors"] = [_ref(ancestors[c]) for c in codes if c in ancestors]
    body["children"] = [_ref(c) for c in children]
    return jsonify(PlaceSchema().dump(body))
