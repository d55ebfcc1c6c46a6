"""Sorting, keyset pages, counts, streams, aggregates, caching, CORS, time limits, OpenAPI — on both stores."""
import csv
import io
import json

import pytest

from service import create_app, store

from ..conftest import SEEDS
from .test_facts import get

SORTS = ["id", "-id", "value,-id", "-value", "value,id", "year,-value", "-year,place", "place,-year", "indicator,unit,-value",
         "unit,-value,year", "-dimension,qualifier", "article,start", "-place,-indicator,-year,-value"]


@pytest.mark.parametrize("sort", SORTS)
def test_walking_next_visits_every_fact_once_in_order(client, sort):
    everything = get(client, "/v1/facts?limit=1000").get_json()["rows"]
    seen, rows, url = [], [], f"/v1/facts?limit=29&sort={sort}"
    while url:
        body = get(client, url).get_json()
        rows += body["rows"]
        url = body["next_url"]
    assert sorted(r["id"] for r in rows) == sorted(f["id"] for f in everything)
    assert len({r["id"] for r in rows}) == len(rows)
    in_one_page = get(client, f"/v1/facts?limit=1000&sort={sort}").get_json()["rows"]
    assert [r["id"] for r in rows] == [r["id"] for r in in_one_page]
    keys = [(k.lstrip("-"), k.startswith("-")) for k in sort.split(",")]
    first, descending = keys[0]
    column = [r["provenance"]["article"]["id"] if first == "article" else
              r["provenance"]["start"] if first == "start" else r[first] for r in rows]
    present = [v for v in column if v is not None]
    assert present == sorted(present, reverse=descending)
    assert column[len(present):] == [None] * (len(column) - len(present))  # NULLs last


def test_a_cursor_is_bound_to_its_sort(client):
    token = get(client, "/v1/facts?limit=2&sort=-value").get_json()["next"]
    body = get(client, f"/v1/facts?limit=2&sort=value&next={token}", 400).get_json()
    assert body["errors"][0]["parameter"] == "next"


def test_counts_only_when_asked(client):
    assert "count" not in get(client, "/v1/facts?limit=1").get_json()
    total = len(get(client, "/v1/facts?limit=1000&unit=元").get_json()["rows"])
    assert get(client, "/v1/facts?limit=1&unit=元&_count=exact").get_json()["count"] == total
    assert get(client, "/v1/facts?limit=1&unit=元&_count=estimated").get_json()["count"] > 0
    get(client, "/v1/facts?_count=roughly", 400)


def test_ndjson_and_csv_stream_the_whole_result_with_provenance(client, seed_raw):
    expected = get(client, "/v1/facts?limit=1000&sort=-value&dimension=people").get_json()["rows"]
    response = get(client, "/v1/facts?format=ndjson&sort=-value&dimension=people&limit=5")
    assert response.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert lines == expected
    response = get(client, "/v1/facts?format=csv&sort=-value&dimension=people")
    table = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [int(r["id"]) for r in table] == [r["id"] for r in expected]
    for row in table:
        assert seed_raw[row["doc"]][int(row["start"]):int(row["end"])] == row["text"]


STATS = ["place", "indicator", "year", "unit", "dimension"]


@pytest.mark.parametrize("group_by", STATS)
def test_stats_groups_link_to_their_evidence(client, group_by):
    body = get(client, f"/v1/stats?group_by={group_by}&limit=1000").get_json()
    total = len(get(client, "/v1/facts?limit=1000").get_json()["rows"])
    assert sum(g["count"] for g in body["rows"]) == total
    for group in body["rows"][:15]:
        if group["facts_url"] is None:
            continue
        evidence = get(client, group["facts_url"] + "&limit=1000").get_json()["rows"]
        assert len(evidence) == group["count"]
        assert {r["unit"] for r in evidence} == {group["unit"]}
        assert sum(r["value"] for r in evidence) == pytest.approx(group["sum"])
        assert min(r["value"] for r in evidence) == pytest.approx(group["min"])


def test_stats_say_when_more_groups_exist_than_the_limit(client):
    everything = get(client, "/v1/stats?group_by=unit&limit=1000").get_json()
    assert not everything["truncated"] and len(everything["rows"]) > 3
    first = get(client, "/v1/stats?group_by=unit&limit=3").get_json()
    assert first["truncated"] and first["rows"] == everything["rows"][:3]


def test_stats_need_a_known_group(client):
    assert get(client, "/v1/stats", 400).get_json()["errors"][0]["parameter"] == "group_by"
    get(client, "/v1/stats?group_by=colour", 400)


def test_etag_revalidates_without_the_query(client):
    first = get(client, "/v1/facts?limit=3&unit=元")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get("/v1/facts?limit=3&unit=元", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["ETag"] == etag
    other = client.get("/v1/facts?limit=4&unit=元", headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_etag_changes_when_an_extraction_commits(seeded_store):
    from service.store.models import StoreInfo

    app = create_app({"DATABASE_URL": seeded_store})
    client = app.test_client()
    etag = get(client, "/v1/facts?limit=1").headers["ETag"]
    with store.db.connection_context():
        version = StoreInfo.get_value("dataset_version")
        StoreInfo.set("dataset_version", str(int(version) + 1))
    try:
        assert client.get("/v1/facts?limit=1", headers={"If-None-Match": etag}).status_code == 200
    finally:
        with store.db.connection_context():
            StoreInfo.set("dataset_version", version)


def test_cors_only_for_configured_origins(seeded_store):
    client = create_app({"DATABASE_URL": seeded_store, "CORS_ORIGINS": "https://tools.example.org"}).test_client()
    allowed = client.get("/v1/facts?limit=1", headers={"Origin": "https://tools.example.org"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://tools.example.org"
    assert "Link" in allowed.headers["Access-Control-Expose-Headers"]
    other = client.get("/v1/facts?limit=1", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in other.headers
    plain = create_app({"DATABASE_URL": seeded_store}).test_client()
    assert "Access-Control-Allow-Origin" not in plain.get("/v1/facts?limit=1", headers={"Origin": "https://x.org"}).headers


def test_security_headers_everywhere(client):
    for url in ("/", "/v1/facts?limit=1", "/v1/facts/0", "/healthz"):
        response = client.get(url)
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_query_over_its_time_budget_is_a_400(seeded_store):
    if seeded_store.startswith("postgresql"):
        client = create_app({"DATABASE_URL": seeded_store, "QUERY_TIMEOUT_MS": 1234}).test_client()
        get(client, "/healthz")
        with client.application.test_request_context():
            client.application.preprocess_request()
            assert store.db.execute_sql("SHOW statement_timeout").fetchone()[0] == "1234ms"
        return
    client = create_app({"DATABASE_URL": seeded_store, "QUERY_TIMEOUT_MS": 0}).test_client()
    body = get(client, "/v1/stats?group_by=place", 400).get_json()
    assert body["title"] == "Query too expensive"


def test_openapi_document_and_docs_page(client):
    spec = get(client, "/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    assert {"/v1/facts", "/v1/facts/{fact_id}", "/v1/articles/{article_id}", "/v1/places", "/v1/stats",
            "/v1/indicators", "/v1/units"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/v1/facts"]["get"]["parameters"]}
    assert {"value__gte", "place", "sort", "_count", "format", "next", "indicator__in"} <= names
    example = spec["paths"]["/v1/facts/{fact_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert example["example"]["text"] == "1000万元"
    page = get(client, "/docs/")
    assert b"swagger-ui" in page.data and b"http" not in page.data.split(b"<body")[0].replace(b"http-equiv", b"")
    assert get(client, "/docs/swagger-ui-bundle.js").data


def test_ready_and_healthy(client):
    assert get(client, "/healthz").get_json() == {"status": "ok"}
    assert get(client, "/readyz").get_json()["status"] == "ok"


def test_articles_by_place_and_date(client):
    rows = get(client, "/v1/articles?place=临汾市&limit=100").get_json()["rows"]
    assert rows and all(r["place_code"].startswith("1410") for r in rows)
    dated = get(client, "/v1/articles?date__gte=2017-10-01&date__lte=2017-10-31").get_json()["rows"]
    assert dated and all(r["date"].startswith("2017-10") for r in dated)
    assert not get(client, "/v1/articles?date__gte=2030-01-01").get_json()["rows"]


def test_too_many_parameters_or_too_big_a_body_is_refused_in_json(client):
    many = "&".join(f"p{i}=1" for i in range(41))
    body = get(client, f"/v1/facts?{many}", 400).get_json()
    assert "at most 40" in body["detail"] and body["errors"][0]["parameter"] == "*"
    response = client.post("/v1/facts", data=b"x" * (65 * 1024), content_type="application/octet-stream")
    assert response.status_code in (405, 413) and response.content_type == "application/problem+json"
    assert get(client, "/v1/facts?" + "&".join(f"p{i}=1" for i in range(3)), 400).get_json()["errors"][0]["parameter"]


def test_indicator_groups_carry_their_label(client):
    rows = get(client, "/v1/stats?group_by=indicator").get_json()["rows"]
    labels = {i["code"]: i["label"] for i in get(client, "/v1/indicators").get_json()["rows"]}
    assert rows and all(row["label"] == labels[row["key"]] for row in rows)


def test_csv_with_a_bom_for_spreadsheets(client):
    plain = get(client, "/v1/facts?format=csv&unit=元").data
    marked = get(client, "/v1/facts?format=csv&unit=元&bom=1").data
    assert marked == "\ufeff".encode() + plain and not plain.startswith("\ufeff".encode())
    assert get(client, "/v1/facts?format=ndjson&bom=1").data.startswith(b"{")


def test_headline_figures_are_marked_and_can_be_left_out(client):
    total = get(client, "/v1/facts?_count=exact&limit=1").get_json()["count"]
    titled = get(client, "/v1/facts?in_title=true&limit=1000").get_json()["rows"]
    body = get(client, "/v1/facts?in_title=false&_count=exact&limit=1").get_json()["count"]
    assert titled and len(titled) + body == total
    for fact in titled:
        assert fact["in_title"] is True
        article = get(client, fact["provenance"]["article"]["url"]).get_json()
        paragraph = article["paragraphs"][fact["provenance"]["paragraph"]["index"]]
        assert paragraph["kind"] == "heading"
    def body_of(fact):
        article = fact["provenance"]["article"]["id"]
        return get(client, f"/v1/facts?in_title=false&article={article}&limit=1000").get_json()["rows"]

    restated = [f for f in titled if any((g["value"], g["unit"]) == (f["value"], f["unit"]) for g in body_of(f))]
    assert restated  # a headline figure and the same figure in its body are both facts
    grouped = get(client, "/v1/stats?group_by=dimension&in_title=false").get_json()["rows"]
    assert sum(g["count"] for g in grouped) == body
    for bad in ("yes", "", "2"):
        problem = get(client, f"/v1/facts?in_title={bad}", 400).get_json()
        assert problem["errors"][0]["parameter"] == "in_title"


def test_a_village_a_new_page_names_can_be_asked_for_at_once(empty_store, tmp_path):
    """Place names are kept per dataset version: the commit that learns a village changes it."""
    from service.job import run_extraction

    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()
    assert client.get("/v1/facts", query_string={"place": "如意洼村"}).status_code == 400
    with store.db.connection_context():
        run_extraction([str(SEEDS)])
    found = client.get("/v1/facts", query_string={"place": "如意洼村"})
    assert found.status_code == 200 and found.get_json()["rows"]


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text(empty_store, tmp_path):
    from service.job import run_extraction

    page = tmp_path / "hostile.txt"
    page.write_text("某县扶贫\n\n=1+2，全县投资100万元。\n\n@SUM(A1)，新建大棚30座。\n", encoding="utf-8")
    assert run_extraction([str(page)]).facts == 2
    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()
    table = list(csv.DictReader(io.StringIO(get(client, "/v1/facts?format=csv").get_data(as_text=True))))
    assert [row["sentence"] for row in table] == ["'=1+2，全县投资100万元。", "'@SUM(A1)，新建大棚30座。"]
    assert [row["text"] for row in table] == ["100万元", "30座"]  # what does not open like a formula is as it was
    rows = get(client, "/v1/facts").get_json()["rows"]
    assert [r["provenance"]["sentence"] for r in rows] == ["=1+2，全县投资100万元。", "@SUM(A1)，新建大棚30座。"]
