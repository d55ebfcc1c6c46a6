"""/v1/stats: counts, sums, minima and maxima of the filtered facts, grouped, each group linking to
the /v1/facts query that lists its evidence. Sums are only taken within one canonical unit."""
from __future__ import annotations

from flask import jsonify, request, url_for
from peewee import fn

from schemas.facts import StatsArgs, StatsSchema

from schemas.choices import canonical_units

from ..store.models import Fact, FactSummary, Indicator
from ..store.summary import NO_INDICATOR, NO_PLACE, NO_YEAR, OWN, PLACE, PLACE_INDICATOR, PLACE_YEAR, SUBTREE, scope_is
from . import bp
from .query import FactQuery, parse_args, place_filter, places_meant
from .taxonomy import OTHER, OTHER_LABEL

GROUP_FIELDS = {"place": Fact.place_code, "indicator": Fact.indicator, "year": Fact.year, "unit": Fact.unit,
                "dimension": Fact.dimension}
SUMMARY_FIELDS = {"place": FactSummary.place_code, "indicator": FactSummary.indicator, "year": FactSummary.year,
                  "unit": FactSummary.unit, "dimension": FactSummary.dimension}
MISSING = {"place": NO_PLACE, "indicator": NO_INDICATOR, "year": NO_YEAR}  # how the summary keeps a NULL key
# the filters the summary answers; any other (q, measure__contains, value bounds, sources …) reads the facts
SUMMARY_FILTERS = {"group_by", "limit", "place", "place_code", "indicator", "indicator__in", "year", "year__gte",
                   "year__lte", "dimension", "unit"}


def grouped(args: dict):
    """(key, unit) groups of the facts the filters select, largest first: key, group_unit, n, total, low,
    high_ and, for places, label; one more than `limit` if there are more. From the summary the job
    keeps (store/summary.py) when it can answer the filters, else from the facts."""
    return grouped_from_summary(args) if summary_answers(args) else grouped_from_facts(args)


def summary_answers(args: dict) -> bool:
    """Whether the summary holds what these filters ask: a unit as written (万元) is not in it."""
    return set(args) <= SUMMARY_FILTERS and ("unit" not in args or args["unit"] in canonical_units())


def grouped_from_summary(args: dict) -> list:
    """grouped() read from the summary rows: the same groups, in the same order, as from the facts. Groups
    of places read the rows of one place and unit (all of them, by year or by indicator) where those keep
    every field the filters name, else the places' own rows; other groups read the rows of the named
    place's subtree, or of the whole store, unless the places a name names lie one inside another."""
    s, group_by = FactSummary, args["group_by"]
    key = SUMMARY_FIELDS[group_by]
    if group_by == "place":
        scope, direct = _place_scope(args)
        if scope == PLACE_YEAR and not direct and "place" not in args and "place_code" not in args:
            return _places_over_years(args)  # every place: summing all their years is what costs
        conditions = [scope_is(scope), *_summary_conditions(args)]
    else:
        subtrees, direct = _subtrees(args), False
        conditions = [s.scope == SUBTREE, s.place_code.in_(subtrees)] if subtrees is not None else [s.scope == OWN]
        conditions += _summary_conditions(args, place=subtrees is None)
    if direct:  # each row is a group: read largest first from an index, no GROUP BY
        query = (s.select(key.alias("key"), s.unit.alias("group_unit"), s.count.alias("n"), s.total.alias("total"),
                          s.low.alias("low"), s.high.alias("high_"), s.place.alias("label"))
                 .where(*conditions).order_by(s.count.desc(), key, s.unit))
    else:
        n = fn.SUM(s.count)
        columns = [key.alias("key"), s.unit.alias("group_unit"), n.alias("n"), fn.SUM(s.total).alias("total"),
                   fn.MIN(s.low).alias("low"), fn.MAX(s.high).alias("high_")]
        if group_by == "place":
            columns.append(fn.MAX(s.place).alias("label"))
        query = (s.select(*columns).where(*conditions).group_by(key, s.unit)
                 .order_by(n.desc(), key, s.unit))  # a missing key ('', -1) first, as the facts' NULL
    rows = list(query.limit(args["limit"] + 1).objects())
    for row in rows:
        if group_by in MISSING and row.key == MISSING[group_by]:
            row.key = None
        row.n = int(row.n)
    return rows


PLACES_PER_ROUND = 250  # places whose years the first round sums, largest first; each round after sums twice as many


class PlaceGroup:
    """A group of group_by=place summed from a place's rows by year (the attributes grouped() gives)."""

    __slots__ = ("key", "group_unit", "n", "total", "low", "high_", "label")

    def __init__(self, key, group_unit, n, total, low, high_, label):
        self.key, self.group_unit, self.n, self.total = key, group_unit, int(n), total
        self.low, self.high_, self.label = low, high_, label


def _places_over_years(args: dict) -> list:
    """Places' groups over a range of years, largest first, without summing every place's years: places
    are taken in the order of their count over all years (an upper bound of their count over any range),
    in rounds of growing size, their years summed, until the next place's count over all years is below
    the last group the page holds (the threshold algorithm). Exactly the groups and order of a GROUP BY."""
    s, wanted = FactSummary, args["limit"] + 1
    year_conditions = _summary_conditions(args)
    bound_args = {k: v for k, v in args.items() if k not in ("year", "year__gte", "year__lte")}
    bounds = (s.select(s.place_code, s.unit, s.count).where(scope_is(PLACE), *_summary_conditions(bound_args))
              .order_by(s.count.desc(), s.place_code, s.unit).tuples())
    found: list[PlaceGroup] = []
    offset, size = 0, PLACES_PER_ROUND
    while True:
        batch = list(bounds.limit(size).offset(offset))
        offset += len(batch)
        if not batch:
            break
        pairs = {(code, unit) for code, unit, _ in batch}
        rows = (s.select(s.place_code, s.unit, fn.SUM(s.count), fn.SUM(s.total), fn.MIN(s.low), fn.MAX(s.high),
                         fn.MAX(s.place))
                .where(scope_is(PLACE_YEAR), s.place_code.in_(sorted({code for code, _ in pairs})), *year_conditions)
                .group_by(s.place_code, s.unit).tuples())
        found += [PlaceGroup(None if code == NO_PLACE else code, unit, n, total, low, high, label)
                  for code, unit, n, total, low, high, label in rows if (code, unit) in pairs]
        found.sort(key=_rank)
        del found[wanted:]
        if len(batch) < size or (len(found) == wanted and batch[-1][2] < found[-1].n):
            break
        size *= 2  # a page the first rounds did not settle needs many more places: fewer, larger rounds
    return found


def _rank(group: PlaceGroup) -> tuple:
    """largest first, then by place (the missing place first, as the facts' NULL), then by unit"""
    return -group.n, group.key is not None, group.key or "", group.group_unit


def _place_scope(args: dict) -> tuple[str, bool]:
    """The rows that group by place for these filters, and whether each is a group of its own: a place and
    unit's rows (filtered by place, unit, dimension), by year (a year or a range), by indicator, or the
    places' own rows when the filters name both a year and an indicator (a unit has one dimension, so
    for one year and one indicator each of those is a group too)."""
    years = {"year", "year__gte", "year__lte"} & set(args)
    indicators = {"indicator", "indicator__in"} & set(args)
    if years and indicators:
        return OWN, years == {"year"} and indicators == {"indicator"}
    if years:
        return PLACE_YEAR, years == {"year"}
    if indicators:
        return PLACE_INDICATOR, indicators == {"indicator"}
    return PLACE, True


def _subtrees(args: dict) -> list[str] | None:
    """The places whose subtree rows answer these filters (NO_PLACE: the whole store), or None when the
    places' own rows must: an exact place_code, or named places that nest."""
    if "place_code" in args:
        return None
    if "place" not in args:
        return [NO_PLACE]
    paths = sorted(p.path for p in places_meant(args["place"]))
    if any(b.startswith(a) for a, b in zip(paths, paths[1:])):
        return None
    return [path.rstrip("/").rsplit("/", 1)[-1] for path in paths]


def _summary_conditions(args: dict, place: bool = True) -> list:
    """The filters as conditions on summary rows; `place` and `place_code` only where the rows are places'
    own (a subtree's rows were chosen by them)."""
    s, a = FactSummary, args
    conditions = []
    if place and "place" in a:
        conditions.append(place_filter(a["place"], s.place_code))
    if "place_code" in a:
        conditions.append(s.place_code == a["place_code"])
    if "indicator" in a:
        conditions.append(s.indicator == a["indicator"])
    if "indicator__in" in a:
        conditions.append(s.indicator.in_(a["indicator__in"]))
    if "year" in a:
        conditions.append(s.year == a["year"])
    if "year__gte" in a:
        conditions.append(s.year >= a["year__gte"])
    if "year__lte" in a:
        conditions.append((s.year <= a["year__lte"]) & (s.year != NO_YEAR))
    if "dimension" in a:
        conditions.append(s.dimension == a["dimension"])
    if "unit" in a:
        conditions.append(s.unit == a["unit"])
    return conditions


def grouped_from_facts(args: dict):
    """grouped() by a GROUP BY over the facts the filters select."""
    key = GROUP_FIELDS[args["group_by"]]
    columns = [key.alias("key"), Fact.unit.alias("group_unit"), fn.COUNT(Fact.id).alias("n"),
               fn.SUM(Fact.value).alias("total"), fn.MIN(Fact.value).alias("low"), fn.MAX(Fact.value).alias("high_")]
    if args["group_by"] == "place":
        columns.append(fn.MAX(Fact.place).alias("label"))
    query = FactQuery(args)
    return (query.where(query.narrow()).select(*columns).group_by(key, Fact.unit)
            .order_by(fn.COUNT(Fact.id).desc(), key.asc(nulls="first"), Fact.unit).limit(args["limit"] + 1).objects())


def indicator_labels() -> dict[str, str]:
    """Indicator code → its label, for the groups of group_by=indicator."""
    labels = {row.code: row.label for row in Indicator.select(Indicator.code, Indicator.label)}
    labels.setdefault(OTHER, OTHER_LABEL)
    return labels


@bp.get("/stats")
def stats():
    args = parse_args(StatsArgs)
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
    request.environ["kaoju.rows"] = len(body)
    return jsonify(StatsSchema().dump({"group_by": args["group_by"], "truncated": truncated, "rows": body}))
