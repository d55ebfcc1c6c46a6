"""Errors as RFC 9457 problem details: one exception type, one body builder."""
from __future__ import annotations

import peewee
from flask import Response, current_app, has_request_context, json
from werkzeug.exceptions import HTTPException

from schemas.errors import ProblemSchema

PROBLEM_TYPE = "application/problem+json"


class ApiError(Exception):
    """An error a client caused or can act on; `errors` names the parameters at fault."""

    status = 400
    title = "Bad request"
    retry_after: int | None = None

    def __init__(self, detail: str, errors: list[dict] | None = None, status: int | None = None,
                 headers: dict | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}
        if status is not None:
            self.status = status


class BadParameter(ApiError):
    title = "Invalid query parameter"


class NotFound(ApiError):
    status = 404
    title = "Not found"


class Unauthorized(ApiError):
    """No key, or one that does not open this API (unknown, revoked, expired)."""

    status = 401
    title = "Unauthorized"

    def __init__(self, detail: str, error: str | None = "invalid_token"):
        challenge = 'Bearer realm="kaoju"' + (f', error="{error}"' if error else "")
        super().__init__(detail, headers={"WWW-Authenticate": challenge})


class Forbidden(ApiError):
    """A key that may not do this (its scope)."""

    status = 403
    title = "Forbidden"


class TooMany(ApiError):
    """A client over its limit; Retry-After says when to come back."""

    status = 429
    title = "Too many requests"


class Busy(ApiError):
    """The server is doing as much of this as it allows; the client should retry after a while."""

    status = 503
    title = "Busy"
    retry_after = 5


def problem(status: int, title: str, detail: str, errors: list[dict] | None = None) -> Response:
    """Build every error response: problem+json, or the HTML error page when a browser asked for one
    of the HTML pages (the web module registers it)."""
    pages = current_app.extensions.get("kaoju", {}).get("error_page") if has_request_context() else None
    if pages is not None and pages[0]():
        return pages[1](status, title, detail)
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return Response(json.dumps(ProblemSchema().dump(body), ensure_ascii=False), status=status,
                    mimetype=PROBLEM_TYPE)


def _store_errors() -> tuple[type[Exception], ...]:
    """What the store can raise: peewee's wrapped errors, and the drivers' own, which escape peewee's
    wrapper while a cursor is being read (SQLite's `interrupted` after the first rows)."""
    import sqlite3

    errors: list[type[Exception]] = [peewee.DatabaseError, peewee.InterfaceError, sqlite3.Error]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:
        pass
    return tuple(errors)


STORE_ERRORS = _store_errors()


def is_over_time_budget(exc: BaseException) -> bool:
    """The query was stopped by its time budget (SQLite's progress handler, PostgreSQL's statement_timeout)."""
    text = str(exc).lower()
    return "interrupted" in text or "statement timeout" in text or "canceling statement" in text


def store_problem(exc: BaseException) -> Response:
    """A store error as the client should see it: 400 when the query ran over its time budget, else 503."""
    if is_over_time_budget(exc):
        return problem(400, "Query too expensive",
                       "the query ran out of its time budget; narrow the filters or lower limit")
    response = problem(503, "Store unavailable",
                       "the store did not answer or is not set up (run kaoju init-db); try again shortly")
    response.headers["Retry-After"] = "5"
    return response


def parameter_errors(messages: dict) -> list[dict]:
    """marshmallow's {field: [messages]} → [{parameter, message}], unknown fields said plainly."""
    out = []
    for name, msgs in sorted(messages.items()):
        for msg in msgs if isinstance(msgs, list) else [str(msgs)]:
            if msg == "Unknown field.":
                msg = "unknown parameter"
            out.append({"parameter": name, "message": str(msg)})
    return out


def init_app(app) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        response = problem(exc.status, exc.title, exc.detail, exc.errors)
        if exc.retry_after:
            response.headers["Retry-After"] = str(exc.retry_after)
        response.headers.update(exc.headers)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException):
        response = problem(exc.code or 500, exc.name, exc.description or exc.name)
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value  # Allow on 405, Retry-After …
        return response

    def _store_error(exc: Exception):
        response = store_problem(exc)
        if response.status_code >= 500:
            app.logger.exception("store error")
        return response

    for error_type in STORE_ERRORS:
        app.register_error_handler(error_type, _store_error)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        app.logger.exception("unhandled error")
        return problem(500, "Internal server error", "the server failed to answer; the error has been logged")
