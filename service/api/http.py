"""HTTP behaviour around every API response: time limits, ETags and 304s, cache and security
headers, CORS for the configured origins."""
from __future__ import annotations

import hashlib

from flask import current_app, g, request

from .. import keys, settings, store
from ..store.models import StoreInfo

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def dataset_version() -> str:
    """The store's dataset version, read once per request (the ETag and the place names' cache key)."""
    if "dataset_version" not in g:
        g.dataset_version = StoreInfo.get_value("dataset_version") or "0"
    return g.dataset_version


def dataset_etag() -> str:
    """Changes whenever an extraction run commits, and with the request's path and query."""
    return hashlib.sha1(f"{dataset_version()}\n{request.full_path}".encode()).hexdigest()[:20]


def renew_time_limit() -> None:
    """A fresh time budget, for each batch of a long streamed export."""
    store.limit_query_time(current_app.config["QUERY_TIMEOUT_MS"])


def init_app(app) -> None:
    configured = app.config.get("QUERY_TIMEOUT_MS")
    timeout_ms = int(configured if configured is not None else settings.get("KAOJU_QUERY_TIMEOUT_MS"))
    app.config["QUERY_TIMEOUT_MS"] = timeout_ms
    cache_control = app.config.get("CACHE_CONTROL") or settings.get("KAOJU_CACHE_CONTROL")

    @app.before_request
    def _bound_and_revalidate():
        store.limit_query_time(timeout_ms)
        if request.method == "GET" and request.path.startswith("/v1/") and request.if_none_match:
            etag = dataset_etag()
            if request.if_none_match.contains_weak(etag):
                return "", 304, {"ETag": f'W/"{etag}"', "Cache-Control": cache_control}
        return None

    @app.after_request
    def _audit(response):
        """What the access log's audit fields say of this request (access_log.py): route and filters."""
        if request.url_rule is not None:
            request.environ["kaoju.route"] = request.url_rule.rule
        filters = {k: v for k, v in request.args.items() if k != keys.PARAMETER}
        if filters:
            request.environ["kaoju.filters"] = filters
        if response.is_json and not response.is_streamed and request.path.startswith("/v1/") \
                and "kaoju.rows" not in request.environ and response.status_code == 200:
            request.environ["kaoju.rows"] = 1
        return response

    @app.after_request
    def _headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if "frame-ancestors 'self'" in response.headers.get("Content-Security-Policy", ""):
            del response.headers["X-Frame-Options"]  # an embed card: CSP names who may frame it
        if (request.method == "GET" and request.path.startswith("/v1/") and response.status_code == 200
                and not response.is_streamed):
            response.set_etag(dataset_etag(), weak=True)
            response.headers["Cache-Control"] = cache_control
        return response

    origins = [o.strip() for o in (app.config.get("CORS_ORIGINS") or settings.get("KAOJU_CORS_ORIGINS")).split(",")
               if o.strip()]
    if app.extensions["kaoju"].get("auth") == "keys" and "*" in origins:
        origins.remove("*")  # with keys, only the origins the operator names may call from a browser
        app.logger.warning("KAOJU_CORS_ORIGINS: `*` is ignored while KAOJU_AUTH=keys; name the origins")
    if origins:
        from flask_cors import CORS

        CORS(app, resources={r"/v1/*": {"origins": origins}}, methods=["GET"], allow_headers=["Authorization"],
             expose_headers=["Link", "ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
                             "Retry-After"])
