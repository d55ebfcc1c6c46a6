"""The read-only JSON API under /v1/, plus / and /healthz."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/v1")


def init_app(app) -> None:
    from . import articles, facts, http, meta, openapi, places, problems, stats, taxonomy  # noqa: F401  (routes register on import)

    problems.init_app(app)
    http.init_app(app)
    app.register_blueprint(bp)
    openapi.init_app(app)
    app.register_blueprint(meta.root)
