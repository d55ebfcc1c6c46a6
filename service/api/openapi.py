"""The OpenAPI 3.1 document, generated from the marshmallow schemas, and the /docs page that shows
it (Swagger UI served from the installed package, no CDN)."""
from __future__ import annotations

import functools
from importlib.metadata import version

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Blueprint, jsonify

from schemas.articles import ArticleListArgs, ArticleSchema, ParagraphSchema
from schemas.claims import ClaimPageSchema, ClaimQueryArgs, ClaimSchema, FactDetailSchema
from schemas.errors import ProblemSchema
from schemas.facts import FactPageSchema, FactQueryArgs, FactSchema, StatsArgs, StatsSchema
from schemas.fields import CommaList, HumanNumber
from schemas.places import PlaceListArgs, PlaceSchema
from schemas.taxonomy import IndicatorSchema, UnitSchema

from . import bp

DOCS_URL = "/docs"


def _problem(description: str) -> dict:
    return {"description": description, "content": {"application/problem+json": {"schema": "Problem"}}}


def _json(schema, description: str = "OK", example=None) -> dict:
    content = {"schema": schema}
    if example is not None:
        content["example"] = example
    return {"description": description, "content": {"application/json": content}}


def _page(item_schema: str) -> dict:
    return {"type": "object", "properties": {
        "rows": {"type": "array", "items": {"$ref": f"#/components/schemas/{item_schema}"}},
        "next": {"type": ["string", "null"]}, "next_url": {"type": ["string", "null"]}}}


COMMON = {"304": {"description": "Not modified: the ETag in If-None-Match still holds"},
          "400": _problem("A query parameter is invalid; `errors` names it"),
          "401": _problem("KAOJU_AUTH=keys and the key is missing, unknown, revoked or expired (WWW-Authenticate: "
                          "Bearer)"),
          "429": _problem("More requests (KAOJU_RATE_LIMIT) or streams (KAOJU_STREAM_LIMIT) than this key or "
                          "address may make; Retry-After says when to come back"),
          "503": _problem("The store did not answer")}
ONE = {**COMMON, "404": _problem("No such item")}

FACT_EXAMPLE = {
    "id": 1, "url": "/v1/facts/1", "text": "1000万元", "value": 10000000.0, "high": None, "qualifier": "exact",
    "unit": "元", "unit_written": "万元", "dimension": "currency", "numeral": "arabic", "iso": "CNY",
    "measure": "现金", "indicator": "donation", "place": "临县", "place_code": "141124", "year": 2020,
    "extractor_version": "0.6.31",
    "provenance": {"doc": "000_dbe7da7130fec1f1.txt", "start": 83, "end": 89, "text": "1000万元",
                   "sentence": "活动的核心是实施“121”行动,即:向临县捐赠1000万元现金,…", "sentence_start": 60,
                   "sentence_end": 116, "normalised": "1000万元", "why": {"place": "help_receiver", "year": "year_of_page"},
                   "article": {"id": 1, "title": "孝义结对帮扶临县决战完胜脱贫攻坚实施“121”行动计划", "date": None,
                               "byline": "刘生锋 严晓声", "url": "/v1/articles/1"},
                   "paragraph": {"id": 1, "index": 0, "url": "/v1/articles/1/paragraphs/0"}}}


@functools.lru_cache(maxsize=1)
def build_spec() -> dict:
    plugin = MarshmallowPlugin()
    spec = APISpec(
        title="kaoju", version=version("kaoju"), openapi_version="3.1.0", plugins=[plugin],
        info={"description": "Quantity facts extracted from Chinese news, each pointing back to the exact "
                             "characters it was read from (`raw[start:end] == text`). Errors are RFC 9457 "
                             "problem details. Lists page with an opaque `next` token."})
    plugin.map_to_openapi_type(HumanNumber, "string", None)
    plugin.map_to_openapi_type(CommaList, "string", None)
    for name, schema in (("Problem", ProblemSchema), ("Fact", FactSchema), ("FactPage", FactPageSchema),
                         ("Paragraph", ParagraphSchema), ("Article", ArticleSchema), ("Place", PlaceSchema),
                         ("Indicator", IndicatorSchema), ("Unit", UnitSchema), ("Stats", StatsSchema),
                         ("FactDetail", FactDetailSchema), ("Claim", ClaimSchema), ("ClaimPage", ClaimPageSchema)):
        spec.components.schema(name, schema=schema)
    query = lambda schema: [{"in": "query", "schema": schema}]  # noqa: E731
    spec.components.security_scheme("key", {"type": "http", "scheme": "bearer",
                                            "description": "a key from `kaoju keys create`, when KAOJU_AUTH=keys"})
    spec.path("/v1/facts", operations={"get": {
        "summary": "Facts, filtered, sorted and paged", "parameters": query(FactQueryArgs),
        "responses": {**COMMON, "403": _problem("A key of scope read asked for format=ndjson or csv"), "200": {"description": "A page of facts, or the whole result as NDJSON or CSV",
                                        "content": {"application/json": {"schema": "FactPage",
                                                                         "example": {"rows": [FACT_EXAMPLE],
                                                                                     "next": None,
                                                                                     "next_url": None}},
                                                    "application/x-ndjson": {"schema": {"type": "string"}},
                                                    "text/csv": {"schema": {"type": "string"}}}}}}})
    spec.path("/v1/facts/{fact_id}", operations={"get": {
        "summary": "One fact with its provenance and the claim it is in",
        "parameters": [{"in": "path", "name": "fact_id", "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}}],
        "responses": {**ONE, "200": _json("FactDetail", example={**FACT_EXAMPLE, "claim": None})}}})
    spec.path("/v1/claims", operations={"get": {
        "summary": "Claims: the facts that state one figure, with its consensus value, its sources and the claims "
                   "that contradict it", "parameters": query(ClaimQueryArgs),
        "responses": {**COMMON, "200": _json("ClaimPage")}}})
    spec.path("/v1/claims/{claim_id}", operations={"get": {
        "summary": "One claim with its evidence",
        "parameters": [{"in": "path", "name": "claim_id", "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}}],
        "responses": {**ONE, "200": _json("Claim")}}})
    spec.path("/v1/articles", operations={"get": {
        "summary": "Articles", "parameters": query(ArticleListArgs),
        "responses": {**COMMON, "200": _json(_page("Article"))}}})
    spec.path("/v1/articles/{article_id}", operations={"get": {
        "summary": "One article with its paragraphs, sentences and the spans of its facts",
        "parameters": [{"in": "path", "name": "article_id", "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}}],
        "responses": {**ONE, "200": _json("Article")}}})
    spec.path("/v1/articles/{article_id}/paragraphs/{index}", operations={"get": {
        "summary": "One paragraph with its sentences and facts",
        "parameters": [{"in": "path", "name": n, "required": True,
                        "schema": {"type": "integer", "minimum": 0, "maximum": 2**63 - 1}}
                       for n in ("article_id", "index")],
        "responses": {**ONE, "200": _json("Paragraph")}}})
    spec.path("/v1/places", operations={"get": {
        "summary": "Places by name (either script), level or parent, with fact counts",
        "parameters": query(PlaceListArgs), "responses": {**COMMON, "200": _json(_page("Place"))}}})
    spec.path("/v1/places/{code}", operations={"get": {
        "summary": "One place with its ancestors, children and fact counts",
        "parameters": [{"in": "path", "name": "code", "required": True, "schema": {"type": "string"},
                        "example": "141124"}],
        "responses": {**ONE, "200": _json("Place")}}})
    spec.path("/v1/indicators", operations={"get": {
        "summary": "The indicator taxonomy with fact counts",
        "responses": {**COMMON, "200": _json(_page("Indicator"))}}})
    spec.path("/v1/units", operations={"get": {
        "summary": "Canonical units with the units as written and fact counts",
        "responses": {**COMMON, "200": _json(_page("Unit"))}}})
    spec.path("/v1/stats", operations={"get": {
        "summary": "Aggregates of the filtered facts, grouped; sums within one canonical unit",
        "parameters": query(StatsArgs), "responses": {**COMMON, "200": _json("Stats")}}})
    document = spec.to_dict()
    for path, operations in document["paths"].items():
        if path != "/v1/openapi.json":
            for operation in operations.values():
                operation["security"] = [{}, {"key": []}]  # open when KAOJU_AUTH=off, a key when keys
    return document


@bp.get("/openapi.json")
def openapi_document():
    return jsonify(build_spec())


def init_app(app) -> None:
    """Serve Swagger UI at /docs from flask-swagger-ui's bundled files."""
    from flask_swagger_ui import get_swaggerui_blueprint

    docs: Blueprint = get_swaggerui_blueprint(DOCS_URL, "/v1/openapi.json", config={"app_name": "kaoju"})
    app.register_blueprint(docs, url_prefix=DOCS_URL)
