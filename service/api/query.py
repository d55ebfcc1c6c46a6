"""Validated query arguments → peewee queries; opaque cursors bound to their filters."""
from __future__ import annotations

import collections
import functools
import hashlib
import json
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

from flask import current_app, has_request_context, jsonify, request, url_for
from marshmallow import ValidationError
from peewee import NodeList, Tuple, fn

from schemas.choices import canonical_units

from .. import keys, settings, store
from ..fact_shape import FACT_FIELDS as DECLARED_FIELDS
from ..store.export import fact_row_query
from ..store.models import Article, Claim, ClaimFact, Fact, Paragraph, Place, Source
from ..store.search import sentence_filter
from ..store import is_postgres
from . import tokens
from .http import dataset_version
from .problems import BadParameter, parameter_errors

CONTROL = ("limit", "next", "count", "format", "bom")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def parse_args(schema_class, drop_empty: bool = False) -> dict:
    """Validate request.args with a schema; a repeated, empty or bad parameter is a 400 naming it.

    `drop_empty` is for HTML forms, which submit every field, used or not."""
    schema = _schema(schema_class)
    limit = int(current_app.config.get("MAX_PARAMETERS") or settings.get("KAOJU_MAX_PARAMETERS"))
    given = request.args.copy()
    given.poplist(keys.PARAMETER)  # the key of a browser embed (api/auth.py), not a filter
    if len(given) > limit:
        raise BadParameter(f"a request may carry at most {limit} query parameters",
                           [{"parameter": "*", "message": f"send at most {limit} parameters"}])
    repeated = [k for k, v in given.lists() if len(v) > 1]
    if repeated:
        raise BadParameter("a parameter was given more than once",
                           [{"parameter": k, "message": "give this parameter once"} for k in repeated])
    control = [k for k, v in given.items() if CONTROL_CHARACTERS.search(v)]
    if control:
        raise BadParameter("a parameter holds control characters",
                           [{"parameter": k, "message": "remove control characters such as NUL"} for k in control])
    try:
        return schema.load({k: v for k, v in given.items() if v != "" or not drop_empty})
    except ValidationError as exc:
        raise BadParameter("the query string has invalid parameters", parameter_errors(exc.messages)) from None


@functools.lru_cache(maxsize=None)
def _schema(schema_class):
    """One instance of each argument schema, loading every request's arguments: building one copies
    each of its fields, half a millisecond a request."""
    return schema_class()


def filter_key(args: dict) -> str:
    """A short hash of the filters and sort, so a cursor cannot be reused with other ones."""
    filters = {k: v for k, v in args.items() if k not in CONTROL}
    return hashlib.sha1(json.dumps(filters, sort_keys=True, default=str).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class SortKey:
    name: str
    field: object
    descending: bool


def parse_sort(text: str | None, allowed: dict) -> tuple[list[SortKey], bool | None]:
    """`-value,year` → sort keys, and the direction of `id` when the sort names it (`-id`: True).

    `id` is always the final tie-break; keys after it could never matter, so they are dropped.
    """
    keys: list[SortKey] = []
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        name = part.lstrip("-")
        if name not in allowed:
            raise BadParameter(f"cannot sort by {name!r}", [{
                "parameter": "sort", "message": f"sort by {', '.join(sorted(allowed))}; prefix - for descending"}])
        if name == "id":
            return keys, part.startswith("-")
        if any(k.name == name for k in keys):
            continue
        keys.append(SortKey(name, allowed[name], part.startswith("-")))
    return keys, None


def nullable(field) -> bool:
    """False only for a column declared NOT NULL: its sort needs no NULLs-last term and can use an index."""
    return getattr(field, "null", True) is not False


class KeysetPager:
    """Pages of a query in a multi-key order (NULLs last, id as the final tie-break), resumed from an
    opaque token that holds the last row's keys. The database compares the keys, so the order is the
    same on every page whatever the backend's collation."""

    def __init__(self, query, keys: list[SortKey], id_field, args: dict, descending_id: bool = False,
                 rows_for=None):
        """`rows_for(ids)`, when given, fetches the full rows of a page: `query` then only has to find
        the ids (often from an index alone), and the wide rows are read for one page's ids only."""
        self.keys = keys
        self.rows_for = rows_for
        self.id_field = id_field
        self.args = args
        self.descending_id = descending_id
        self.query = query.select_extend(*(k.field.alias(f"sort_key{i}") for i, k in enumerate(keys)))

    def ordered(self, query):
        order = []
        for key in self.keys:
            if nullable(key.field):
                order.append(key.field.is_null())
            order.append(key.field.desc() if key.descending else key.field.asc())
        order.append(self.id_field.desc() if self.descending_id else self.id_field.asc())
        return query.order_by(*order)

    def after(self, values: list, last_id: int):
        """Rows that come after a row with these key values and id."""
        if (all(v is not None and not nullable(k.field) for k, v in zip(self.keys, values))
                and all(k.descending == self.descending_id for k in self.keys)):
            # one direction, no NULLs: a row-value comparison, which both stores answer by seeking an index
            left = Tuple(*(k.field for k in self.keys), self.id_field)
            right = Tuple(*values, last_id)
            return (left < right) if self.descending_id else (left > right)
        clauses, same = [], None
        for key, value in zip(self.keys, values):
            f = key.field
            if value is None:
                later, equal = None, f.is_null()
            else:
                later = (f < value) if key.descending else (f > value)
                if nullable(f):
                    later = f.is_null() | later
                equal = f == value
            if later is not None:
                clauses.append(later if same is None else same & later)
            same = equal if same is None else same & equal
        last = (self.id_field < last_id) if self.descending_id else (self.id_field > last_id)
        clauses.append(last if same is None else same & last)
        condition = functools.reduce(operator.or_, clauses)
        if self.keys and values[0] is not None and not nullable(self.keys[0].field):
            first = self.keys[0]
            bound = (first.field <= values[0]) if first.descending else (first.field >= values[0])
            condition = bound & condition  # redundant, but lets the index seek: deep pages cost what the first does
        return condition

    def page(self, limit: int):
        query = self.query
        if "next" in self.args:
            values, last_id = self.decode(self.args["next"])
            query = query.where(self.after(values, last_id))
        rows = self._fetch(self.ordered(query).limit(limit + 1))
        token = self.encode(rows[limit - 1]) if len(rows) > limit else None
        return self.complete(rows[:limit]), token

    def _fetch(self, query) -> list:
        """The rows of a page: only ids and sort keys when the full rows come from rows_for (tuples are
        cheaper than model objects), else the objects the caller reads."""
        if self.rows_for is None:
            return list(query.objects())
        cursor = query.model._meta.database.execute(query)
        row_type = _row_type(tuple(column[0] for column in cursor.description))
        return [row_type(*values) for values in cursor.fetchall()]

    def complete(self, rows: list) -> list:
        """The full rows for a page found by the narrow query, in its order."""
        if self.rows_for is None or not rows:
            return rows
        full = {row.id: row for row in self.rows_for([row.id for row in rows])}
        return [full[row.id] for row in rows if row.id in full]

    def stream(self, batch: int = 1000, before_batch=None):
        """Every row, in order, fetched one keyset page at a time: memory stays flat."""
        values = last_id = None
        while True:
            if before_batch is not None:
                before_batch()
            query = self.query if last_id is None else self.query.where(self.after(values, last_id))
            rows = self._fetch(self.ordered(query).limit(batch))
            yield from self.complete(rows)
            if len(rows) < batch:
                return
            values = [getattr(rows[-1], f"sort_key{i}") for i in range(len(self.keys))]
            last_id = rows[-1].id

    def encode(self, row) -> str:
        values = [getattr(row, f"sort_key{i}") for i in range(len(self.keys))]
        return tokens.sign({"e": request.endpoint, "k": values, "id": row.id, "f": filter_key(self.args)})

    def decode(self, token: str):
        return tokens.verify(token, request.endpoint, filter_key(self.args), len(self.keys))


def keyset_page(query, id_field, args: dict):
    """One page of `query` in id order after the `next` token: (rows, next token or None)."""
    return KeysetPager(query, [], id_field, args).page(args["limit"])


def page_response(endpoint: str, rows: list[dict], token: str | None, extra: dict | None = None):
    """A list body with `next`/`next_url`, and the same link in a `Link: rel="next"` header."""
    request.environ["kaoju.rows"] = len(rows)  # the audit line's rows (access_log.py)
    next_url = url_for(endpoint, **{**request.args.to_dict(), "next": token}) if token else None
    response = jsonify({"rows": rows, "next": token, "next_url": next_url, **(extra or {})})
    if next_url:
        response.headers["Link"] = f'<{next_url}>; rel="next"'
    return response


MAX_PLACES_NAMED = 1000


class NamedPlace(NamedTuple):
    code: str
    path: str


_NAMED: dict[tuple, list] = {}  # (store, dataset version, what) → places_named(name), listed_subtree(paths)
NAMED_CACHE_SIZE = 4096


def places_named(name: str) -> list[NamedPlace]:
    """Places a user means by a name, a short name or a code (already in simplified script): one
    query, however many places share the name (城关镇 names 88). Kept per dataset version, which every
    commit that can add a place (a village a page names) changes."""
    return _kept_per_version(("named", name), lambda: _query_places(name))


def _kept_per_version(key: tuple, compute):
    """compute(), kept per store and dataset version in a request, asked afresh outside one (a script, a test)."""
    if not has_request_context():
        return compute()
    key = (current_app.config["DATABASE_URL"], id(store.db.obj), dataset_version(), *key)
    found = _NAMED.get(key, _NAMED)  # the dict itself stands for "not kept": None may be an answer
    if found is _NAMED:
        found = compute()
        if len(_NAMED) >= NAMED_CACHE_SIZE:
            _NAMED.clear()
        _NAMED[key] = found
    return found


def _query_places(name: str) -> list[NamedPlace]:
    condition = (Place.code == name) | (Place.name == name) | (Place.short_name == name)
    plain = autonomous_plain_name(name)
    if plain is not None:
        condition = condition | plain
    return [NamedPlace(*row) for row in Place.select(Place.code, Place.path).where(condition)
            .limit(MAX_PLACES_NAMED + 1).tuples()]


def autonomous_plain_name(name: str):
    """怒江州, 贡山县: an autonomous prefecture or county written as its short name and a plain suffix;
    None when the name cannot be one."""
    suffix = {"州": "自治州", "县": "自治县", "旗": "自治旗"}.get(name[-1:])
    if suffix is None or len(name) < 3:
        return None
    return (Place.short_name == name[:-1]) & Place.name.endswith(suffix)


def subtree_codes(places: list):
    """A subquery of the codes of these places and of every place under them (roll-up). The terms are
    joined by one flat OR: nesting one OR inside the next overflows SQLite's parser at about 90 places."""
    terms = []
    for place in places:
        if is_postgres():
            terms.append(Place.path % (place.path + "%"))  # LIKE (paths are digits, /, Han), index place_path_pattern
        else:
            # "0" follows "/": the range is the path's subtree and seeks the index
            terms.append((Place.path >= place.path) & (Place.path < place.path[:-1] + "0"))
    return Place.select(Place.code).where(NodeList(terms, " OR ", parens=True))


MAX_LISTED_CODES = 1000


def place_filter(name: str, field, parameter: str = "place"):
    """`field IN (codes of the named place's subtree)`, or a 400 naming the parameter. PostgreSQL is given
    the codes themselves when there are not too many: it cannot tell how many places a path prefix
    selects (it guessed 4 for a prefecture's 168), and so how many facts; given the codes, it knows each
    one's facts from its statistics and picks the plan that fits (a page of a prefecture's largest
    amounts among 10^7 facts: 220 ms → 9 ms)."""
    places = places_meant(name, parameter)
    if is_postgres():
        codes = _kept_per_version(("subtree", *sorted(p.path for p in places)), lambda: _listed_subtree(places))
        if codes is not None:
            return field.in_(codes)
    return field.in_(subtree_codes(places))


def _listed_subtree(places: list) -> list[str] | None:
    """The codes of these places' subtrees, or None when there are more than MAX_LISTED_CODES."""
    codes = [code for (code,) in subtree_codes(places).limit(MAX_LISTED_CODES + 1).tuples()]
    return sorted(codes) if len(codes) <= MAX_LISTED_CODES else None


def places_meant(name: str, parameter: str = "place") -> list:
    """The places a filter's name names (places_named), or a 400 naming the parameter when it names none
    or too many."""
    places = places_named(name)
    if not places:
        raise BadParameter(f"no place is named {name!r}",
                           [{"parameter": parameter, "message": f"no place is named {name!r}; try /v1/places?q="}])
    if len(places) > MAX_PLACES_NAMED:
        raise BadParameter(f"more than {MAX_PLACES_NAMED} places are named {name!r}", [{
            "parameter": parameter,
            "message": f"more than {MAX_PLACES_NAMED} places share this name; give a code from /v1/places?q="}])
    return places


SOURCE_FILTERS = ("doc", "outlet", "published__gte", "published__lte")


def source_filters(query, a: dict):
    """doc, outlet and the published range, on a query joined to Source. A page dated by month or year
    only (2019-05, 2019) matches a bound on any day of it: the bound is cut to the page date's length."""
    if "doc" in a:
        query = query.where(Source.name == a["doc"])
    if "outlet" in a:
        query = query.where(Source.outlet == a["outlet"])
    if "published__gte" in a:
        bound = a["published__gte"].isoformat()
        query = query.where(Source.published >= fn.SUBSTR(bound, 1, fn.LENGTH(Source.published)))
    if "published__lte" in a:
        bound = a["published__lte"].isoformat()
        query = query.where(Source.published <= fn.SUBSTR(bound, 1, fn.LENGTH(Source.published)))
    return query


class FactQuery:
    """The facts that match a set of validated filters, in id order, one keyset page at a time."""

    def __init__(self, args: dict):
        self.args = args

    def narrow(self):
        """Only the facts' ids, joined to Source only when a filter needs it: what pages and counts scan."""
        query = Fact.select(Fact.id)
        if any(name in self.args for name in SOURCE_FILTERS):
            query = query.join(Source, on=(Fact.source == Source.id))
        return query

    def rows(self, ids: list[int]) -> list:
        """The full rows (with article, paragraph and source) of these facts, as named tuples read straight
        from the cursor: the SQL is built once per number of ids, no model object is made."""
        if not ids:
            return []
        cursor = store.db.execute_sql(_fact_rows_sql(type(store.db.obj).__name__, len(ids)), list(ids))
        names = tuple(column[0] for column in cursor.description)
        row_type = _row_type(names)
        flags = [i for i, name in enumerate(names) if name in BOOLEAN_COLUMNS]
        rows = []
        for values in cursor.fetchall():
            if flags:
                values = list(values)
                for i in flags:
                    values[i] = None if values[i] is None else bool(values[i])
            rows.append(row_type(*values))
        return rows

    def base(self):
        return fact_row_query()

    def where(self, query):
        a = self.args
        if "unit" in a:  # a canonical unit (元: every amount of money in 元), else the unit as written (万元)
            unit = a["unit"]
            query = query.where(Fact.unit == unit if unit in canonical_units() else Fact.unit_written == unit)
        if "dimension" in a:
            query = query.where(Fact.dimension == a["dimension"])
        if "place" in a:
            query = query.where(place_filter(a["place"], Fact.place_code))
        if "place_code" in a:
            query = query.where(Fact.place_code == a["place_code"])
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
        if "in_title" in a:
            query = query.where(Fact.in_title == a["in_title"])
        query = source_filters(query, a)
        if "q" in a:
            query = query.where(sentence_filter(Fact.id, Fact.sentence, a["q"]))
        if "measure__contains" in a:
            query = query.where(Fact.measure.contains(a["measure__contains"]))
        if "claim" in a:
            query = query.where(Fact.id.in_(ClaimFact.select(ClaimFact.fact).where(ClaimFact.claim == a["claim"])))
        if "conflict" in a:
            contradicted = (ClaimFact.select(ClaimFact.fact).join(Claim, on=(ClaimFact.claim == Claim.id))
                            .where(Claim.conflicts > 0))
            query = query.where(Fact.id.in_(contradicted) if a["conflict"] else Fact.id.not_in(contradicted))
        return query

    SORTABLE = {"id": Fact.id, "value": Fact.value, "year": Fact.year, "place": Fact.place, "unit": Fact.unit,
                "indicator": Fact.indicator, "dimension": Fact.dimension, "qualifier": Fact.qualifier,
                "article": Fact.article, "start": Fact.start}

    def pager(self) -> KeysetPager:
        keys, id_descending = parse_sort(self.args.get("sort"), self.SORTABLE)
        if id_descending is None:
            # ties are broken by id in the direction of the last key, so one index on (key, id) serves the order
            id_descending = bool(keys) and keys[-1].descending
        return KeysetPager(self.where(self.narrow()), keys, Fact.id, self.args, descending_id=id_descending,
                           rows_for=self.rows)

    def page(self):
        """(rows, next token or None)."""
        return self.pager().page(self.args["limit"])

    def count(self) -> int:
        return self.where(self.narrow()).count()

    def get(self, fact_id: int):
        found = self.rows([fact_id])
        return found[0] if found else None


BOOLEAN_COLUMNS = {f.name for f in DECLARED_FIELDS if f.type is bool}


@functools.lru_cache(maxsize=128)
def _fact_rows_sql(backend: str, count: int) -> str:
    """The SQL of fact_row_query() for `count` ids, in the dialect of `backend` (its parameters are the ids)."""
    return fact_row_query().where(Fact.id.in_(list(range(count)))).sql()[0]


@functools.lru_cache(maxsize=32)
def _row_type(names: tuple[str, ...]):
    """A named tuple type per set of columns, made once (peewee's namedtuples() makes one per query)."""
    return collections.namedtuple("Row", names, rename=True)
