"""/ (links to the resources) and /healthz (the process is up and the store answers)."""
from __future__ import annotations

from flask import Blueprint, jsonify, url_for

from ..models import StoreInfo

root = Blueprint("root", __name__)


@root.get("/")
def index():
    return jsonify({
        "name": "kaoju",
        "description": "Quantity facts from Chinese news, each with the exact characters it was read from.",
        "links": {
            "facts": url_for("api.list_facts"),
            "articles": url_for("api.list_articles"),
            "places": url_for("api.list_places"),
            "indicators": url_for("api.list_indicators"),
            "units": url_for("api.list_units"),
            "health": url_for("root.healthz"),
        },
    })


@root.get("/healthz")
def healthz():
    return jsonify({"status": "ok", "dataset_version": StoreInfo.get_value("dataset_version")})
