"""The read-only JSON API under /v1/, plus / and /healthz."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/v1")


def init_app(app) -> None:
    import threading

    from .. import settings

    # Streamed exports per process: each holds a thread for as long as the client reads, so they are
    # bounded to leave threads for pages and health checks (KAOJU_MAX_STREAMS).
    streams = int(app.config.get("MAX_STREAMS") or settings.get("KAOJU_MAX_STREAMS"))
    app.extensions.setdefault("kaoju", {})["stream_slots"] = threading.BoundedSemaphore(max(1, streams))
    from . import articles, claims, facts, http, meta, openapi, places, problems, stats, taxonomy  # noqa: F401  (routes register on import)

    from . import limits

    problems.init_app(app)
    limits.init_app(app)
    http.init_app(app)
    app.register_blueprint(bp)
    openapi.init_app(app)
    app.register_blueprint(meta.root)
