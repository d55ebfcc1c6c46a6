"""kaoju: quantity facts from Chinese news, served with provenance.

`create_app()` is the application factory gunicorn runs (`service:create_app()`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import store

if TYPE_CHECKING:  # Flask is imported when an app is built: `kaoju extract` never needs it
    from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the Flask app: settings, store, API. Nothing happens at import time, nothing is written."""
    from flask import Flask

    from .json_provider import OrjsonProvider

    app = Flask(__name__, instance_relative_config=False)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(DATABASE_URL=store.database_url(), MAX_CONTENT_LENGTH=64 * 1024)
    if test_config:
        app.config.update(test_config)
    # Serving never writes to the store: `kaoju init-db`, `kaoju extract` and `kaoju serve`'s master set
    # it up before any worker starts, so workers cannot race each other over DDL or reference data.
    store.open_database(app.config["DATABASE_URL"])

    @app.before_request
    def _connect():
        store.db.connect(reuse_if_open=True)

    @app.teardown_request
    def _close(exc):
        # A PostgreSQL connection goes back to its pool. A SQLite one stays open for the thread's next
        # request (opening one with its pragmas was 40 % of a single fact's time), unless this one failed.
        if not store.db.is_closed() and (exc is not None or store.is_postgres()):
            store.db.close()

    from . import api, web
    from .api import auth

    auth.init_app(app)  # before every other hook: nothing is revalidated or read for a request without a key
    api.init_app(app)
    web.init_app(app)
    return app
