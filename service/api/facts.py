"""/v1/facts: filtered, paged facts with provenance; /v1/facts/<id>: one fact."""
from __future__ import annotations

from flask import jsonify, request, url_for

from schemas.facts import FactPageSchema, FactQueryArgs, FactSchema

from . import bp
from .problems import NotFound
from .query import FactQuery, parse_args
from .serialise import fact_body


@bp.get("/facts")
def list_facts():
    """Facts matching the query-string filters, 50 a page; follow `next_url` for more."""
    args = parse_args(FactQueryArgs())
    rows, token = FactQuery(args).page()
    next_url = None
    if token:
        params = request.args.to_dict()
        params["next"] = token
        next_url = url_for("api.list_facts", **params)
    body = FactPageSchema().dump({"rows": [fact_body(r) for r in rows], "next": token, "next_url": next_url})
    response = jsonify(body)
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


@bp.get("/facts/<int:fact_id>")
def get_fact(fact_id: int):
    row = FactQuery({}).get(fact_id)
    if row is None:
        raise NotFound(f"there is no fact {fact_id}")
    return jsonify(FactSchema().dump(fact_body(row)))
