"""/v1/facts: filtered, paged facts with provenance; /v1/facts/<id>: one fact."""
from __future__ import annotations

from flask import jsonify

from schemas.facts import FactQueryArgs, FactSchema

from . import bp
from .problems import NotFound
from .query import FactQuery, page_response, parse_args
from .serialise import fact_body


@bp.get("/facts")
def list_facts():
    """Facts matching the query-string filters, 50 a page; follow `next_url` for more."""
    args = parse_args(FactQueryArgs())
    rows, token = FactQuery(args).page()
    return page_response("api.list_facts", FactSchema(many=True).dump([fact_body(r) for r in rows]), token)


@bp.get("/facts/<int:fact_id>")
def get_fact(fact_id: int):
    row = FactQuery({}).get(fact_id)
    if row is None:
        raise NotFound(f"there is no fact {fact_id}")
    return jsonify(FactSchema().dump(fact_body(row)))
