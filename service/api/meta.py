"""The JSON index of the resources (GET / for non-browsers), /healthz and /readyz."""
from __future__ import annotations

from flask import Blueprint, jsonify, url_for

from ..store.models import StoreInfo
from ..store import SCHEMA_VERSION

root = Blueprint("root", __name__)


def index_document() -> dict:
    """What GET / answers a client that does not ask for HTML: links to every resource."""
    return {
        "name": "kaoju",
        "description": "Quantity facts from Chinese news, each with the exact characters it was read from.",
        "links": {
            "facts": url_for("api.list_facts"),
            "articles": url_for("api.list_articles"),
            "places": url_for("api.list_places"),
            "indicators": url_for("api.list_indicators"),
            "units": url_for("api.list_units"),
            "stats": url_for("api.stats", group_by="place"),
            "claims": url_for("api.list_claims"),
            "openapi": url_for("api.openapi_document"),
            "docs": "/docs/",
            "health": url_for("root.healthz"),
            "ready": url_for("root.readyz"),
            "explorer": url_for("web.explorer"),
        },
    }


@root.get("/healthz")
def healthz():
    """The process is up."""
    return jsonify({"status": "ok"})


@root.get("/readyz")
def readyz():
    """The store answers and its schema is the one this code expects."""
    try:
        stored = StoreInfo.get_value("schema_version")
    except Exception:
        return jsonify({"status": "unavailable", "detail": "the store does not answer"}), 503
    if stored != str(SCHEMA_VERSION):
        return jsonify({"status": "unavailable",
                        "detail": f"schema {stored}, expected {SCHEMA_VERSION}: run kaoju init-db"}), 503
    return jsonify({"status": "ok", "schema_version": SCHEMA_VERSION,
                    "dataset_version": StoreInfo.get_value("dataset_version")})
