"""/v1/indicators and /v1/units: what facts can be filtered by, with how many facts each has."""
from __future__ import annotations

import json

from flask import jsonify, url_for
from peewee import fn

from schemas.taxonomy import IndicatorSchema, UnitSchema

from ..store.models import Fact, Indicator
from . import bp

OTHER, OTHER_LABEL = "other", "其他"  # the indicator of facts no keyword explains (not a row of the taxonomy)


@bp.get("/indicators")
def list_indicators():
    """The indicator taxonomy, each with its fact count and a link to its facts."""
    counts = {row.indicator: row.n for row in Fact.select(Fact.indicator, fn.COUNT(Fact.id).alias("n"))
              .group_by(Fact.indicator).objects()}
    rows = [{"code": i.code, "label": i.label, "description": i.description,
             "dimensions": json.loads(i.dimensions), "keywords": json.loads(i.keywords),
             "fact_count": counts.get(i.code, 0), "facts_url": url_for("api.list_facts", indicator=i.code)}
            for i in Indicator.select().order_by(Indicator.id)]
    rows.append({"code": OTHER, "label": OTHER_LABEL, "description": "Facts no indicator's keywords explain.",
                 "dimensions": [], "keywords": [], "fact_count": counts.get("other", 0),
                 "facts_url": url_for("api.list_facts", indicator=OTHER)})
    return jsonify({"rows": IndicatorSchema(many=True).dump(rows)})


@bp.get("/units")
def list_units():
    """The canonical units facts are stored in, with the units as written that read as each."""
    query = (Fact.select(Fact.unit, Fact.dimension, Fact.unit_written, fn.COUNT(Fact.id).alias("n"))
             .group_by(Fact.unit, Fact.dimension, Fact.unit_written).order_by(Fact.dimension, Fact.unit))
    units: dict[tuple[str, str], dict] = {}
    for row in query.objects():
        unit = units.setdefault((row.unit, row.dimension), {
            "unit": row.unit, "dimension": row.dimension, "written": [], "fact_count": 0,
            "facts_url": url_for("api.list_facts", unit=row.unit)})
        unit["written"].append(row.unit_written)
        unit["fact_count"] += row.n
    return jsonify({"rows": UnitSchema(many=True).dump(list(units.values()))})
