"""The HTML side: an explorer at /, a fact's page at /facts/<id> (embeddable with ?embed=1) and an
article's page at /articles/<id>, rendered on the server from the same queries as the API."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static", static_url_path="/assets")


def init_app(app) -> None:
    from . import views  # noqa: F401  (routes register on import)

    views.init_app(app)
    app.register_blueprint(bp)
