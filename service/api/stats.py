"""/v1/stats: counts, sums, minima and maxima of the filtered facts, grouped, each group linking to
the /v1/facts query that lists its evidence. Sums are only taken within one canonical unit."""
from __future__ import annotations

from flask import jsonify, request, url_for
from peewee import fn

from schemas.facts import StatsArgs, StatsSchema

from ..store.models import Fact, Indicator
from . import bp
from .query import FactQuery, parse_args
from .taxonomy import OTHER, OTHER_LABEL

GROUP_FIELDS = {"place": Fact.place_code, "indicator": Fact.indicator, "year": Fact.year, "unit": Fact.unit,
                "dimension": Fact.dimension}


def grouped(args: dict):
    """(key, unit) groups of the facts the filters select, largest first: key, group_unit, n, total, low,
    high_ and, for places, label; one more than `limit` if there are more."""
    key = GROUP_FIELDS[args["group_by"]]
    columns = [key.alias("key"), Fact.unit.alias("group_unit"), fn.COUNT(Fact.id).alias("n"),
               fn.SUM(Fact.value).alias("total"), fn.MIN(Fact.value).alias("low"), fn.MAX(Fact.value).alias("high_")]
    if args["group_by"] == "place":
        columns.append(fn.MAX(Fact.place).alias("label"))
    query = FactQuery(args)
    return (query.where(query.narrow()).select(*columns).group_by(key, Fact.unit)
            .order_by(fn.COUNT(Fact.id).desc(), key, Fact.unit).limit(args["limit"] + 1).objects())


def indicator_labels() -> dict[str, str]:
    """Indicator code → its label, for the groups of group_by=indicator."""
    labels = {row.code: row.label for row in Indicator.select(Indicator.code, Indicator.label)}
    labels.setdefault(OTHER, OTHER_LABEL)
    return labels


@bp.get("/stats")
def stats():
    args = parse_args(StatsArgs())
    rows = list(grouped(args))
    truncated = len(rows) > args["limit"]
    rows = rows[:args["limit"]]
    filters = {k: v for k, v in request.args.items() if k not in ("group_by", "limit")}
    labels = indicator_labels() if args["group_by"] == "indicator" else {}
    body = []
    for row in rows:
        link = None
        if row.key is not None:
            name = "place_code" if args["group_by"] == "place" else args["group_by"]
            link = url_for("api.list_facts", **{**filters, name: row.key, "unit": row.group_unit})
        label = labels.get(row.key) if labels else getattr(row, "label", None)
        body.append({"key": None if row.key is None else str(row.key), "label": label,
                     "unit": row.group_unit, "count": row.n, "sum": row.total, "min": row.low, "max": row.high_,
                     "facts_url": link})
    return jsonify(StatsSchema().dump({"group_by": args["group_by"], "truncated": truncated, "rows": body}))
