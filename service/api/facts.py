"""/v1/facts: filtered, sorted, paged facts with provenance; /v1/facts/<id>: one fact."""
from __future__ import annotations

import csv
import io
import itertools
import json
import threading
from dataclasses import dataclass

from flask import Response, current_app, jsonify, request, stream_with_context

from schemas.facts import FactQueryArgs

from ..access_log import OUTCOME_KEY
from ..keys import redact
from ..store.export import FACT_FIELDS, flat_fact, spreadsheet_cell
from ..store import is_postgres
from . import bp
from .auth import require
from .limits import client
from .claims import fact_claim
from .http import renew_time_limit
from .problems import STORE_ERRORS, Busy, NotFound, store_problem
from .query import FactQuery, page_response, parse_args
from .serialise import fact_body

STREAM_BATCH = 1000  # rows read per keyset query of a streamed export, each with a fresh time budget
CSV_COLUMNS = [*FACT_FIELDS, "url"]  # `kaoju export`'s columns, and the fact's API address


@bp.get("/facts")
def list_facts():
    """Facts matching the query-string filters, a page at a time; follow `next_url` for more."""
    args = parse_args(FactQueryArgs)
    query = FactQuery(args)
    if args["format"] != "json":
        require("export")
        kaoju = current_app.extensions["kaoju"]
        slot = StreamSlot(kaoju["stream_slots"], kaoju.get("client_streams"), client())
        try:
            response = _stream(query, args["format"], args["bom"], on_done=slot.release)
        except BaseException:
            slot.release()
            raise
        response.call_on_close(slot.release)
        return response
    rows, token = query.page()
    extra = {"count": _count(query, args["count"])} if "count" in args else None
    return page_response("api.list_facts", [fact_body(r) for r in rows], token, extra)


@bp.get("/facts/<int(max=9223372036854775807):fact_id>")
def get_fact(fact_id: int):
    row = FactQuery({}).get(fact_id)
    if row is None:
        raise NotFound(f"there is no fact {fact_id}")
    return jsonify({**fact_body(row), "claim": fact_claim(fact_id)})


def _count(query: FactQuery, how: str) -> int:
    """Exact count, or PostgreSQL's planner estimate (SQLite always counts exactly)."""
    if how == "estimated" and is_postgres():
        sql, params = query.where(query.narrow()).sql()
        plan = query.base().model._meta.database.execute_sql("EXPLAIN (FORMAT JSON) " + sql, params).fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        return int(plan[0]["Plan"]["Plan Rows"])
    return query.count()


class StreamSlot:
    """One of the process's export slots, and one of the client's when KAOJU_STREAM_LIMIT is set
    (api/limits.py), taken now and given back once: when the stream ends or when the server closes the
    response, whichever comes first."""

    def __init__(self, slots, clients=None, who: str | None = None):
        self.in_redis = clients.take(who) if clients is not None else False
        if not slots.acquire(blocking=False):
            if clients is not None:
                clients.give_back(who, self.in_redis)
            raise Busy("this server is already streaming as many exports as it allows; try again shortly, "
                       "or ask for pages (format=json)")
        self.slots, self.clients, self.who = slots, clients, who
        self.held = True
        self.lock = threading.Lock()

    def release(self) -> None:
        with self.lock:
            if self.held:
                self.held = False
                self.slots.release()
                if self.clients is not None:
                    self.clients.give_back(self.who, self.in_redis)


def _stream(query: FactQuery, fmt: str, bom: bool = False, on_done=None) -> Response:
    """The whole filtered result, one keyset batch at a time, as NDJSON or CSV.

    The first batch is read before the response starts, so a query over its time budget is still a
    400. A batch that fails later cannot change the status that was sent: the stream then ends with an
    error record (NDJSON: `{"error": problem}`; CSV: a row `error,<title>,<detail>`), and the access log
    records the status the error would have had.
    """
    batches = query.pager().stream(batch=STREAM_BATCH, before_batch=renew_time_limit)
    first = list(itertools.islice(batches, 1))
    rows = _guarded(itertools.chain(first, batches), on_done)

    def ndjson():
        for row in rows:
            if isinstance(row, StreamFailure):
                yield json.dumps({"error": row.body}, ensure_ascii=False) + "\n"
                return
            yield json.dumps(fact_body(row), ensure_ascii=False) + "\n"

    def table():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        if bom:
            buffer.write("\ufeff")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            if isinstance(row, StreamFailure):
                writer.writerow(["error", row.body["title"], row.body["detail"]])
                yield buffer.getvalue()
                return
            cells = map(spreadsheet_cell, flat_fact(row).values())
            writer.writerow([*cells, f"{request.script_root}/v1/facts/{row.id}"])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()

    if fmt == "ndjson":
        return Response(stream_with_context(ndjson()), mimetype="application/x-ndjson")
    return Response(stream_with_context(table()), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=facts.csv"})


@dataclass
class StreamFailure:
    """Where a streamed export stopped, and the problem body that says why."""

    body: dict


def _guarded(rows, on_done=None):
    """The rows, then a StreamFailure instead of an exception if reading the store fails midway; the
    failure is logged once and its status left for the access log. `on_done` runs when the rows end."""
    sent = 0
    environ = request.environ
    try:
        for row in rows:
            yield row
            sent += 1
            environ["kaoju.rows"] = sent
    except STORE_ERRORS as exc:
        problem = store_problem(exc)
        request.environ[OUTCOME_KEY] = problem.status_code
        current_app.logger.warning("streamed export %s stopped after %d rows: %s", redact(request.full_path), sent,
                                   exc)
        yield StreamFailure(json.loads(problem.get_data()))
    finally:
        if on_done is not None:
            on_done()
