"""The API through Flask's test client, on both stores."""
import pytest

from ..conftest import SEEDS  # noqa: F401  (documents where the data comes from)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    return response


def test_facts_carry_provenance_that_quotes_the_raw_file(client, seed_raw):
    body = get(client, "/v1/facts?limit=1000").get_json()
    assert len(body["rows"]) > 300 and body["next"] is None
    for fact in body["rows"]:
        p = fact["provenance"]
        raw = seed_raw[p["doc"]]
        assert raw[p["start"]:p["end"]] == fact["text"] == p["text"]
        assert raw[p["sentence_start"]:p["sentence_end"]] == p["sentence"]
        assert p["article"]["id"] and p["paragraph"]["index"] >= 0


def test_walking_next_visits_every_fact_once(client):
    total = len(get(client, "/v1/facts?limit=1000").get_json()["rows"])
    seen, url = [], "/v1/facts?limit=37"
    while url:
        response = get(client, url)
        body = response.get_json()
        seen.extend(r["id"] for r in body["rows"])
        url = body["next_url"]
        if url:
            assert response.headers["Link"] == f'<{url}>; rel="next"'
    assert len(seen) == len(set(seen)) == total
    assert seen == sorted(seen)


FILTERS = [
    ("unit=元&value__gte=1e7", lambda f: f["unit"] == "元" and f["value"] >= 1e7),
    ("unit=元&value__gte=1000万", lambda f: f["unit"] == "元" and f["value"] >= 1e7),
    ("unit=万元", lambda f: f["unit_written"] == "万元"),
    ("dimension=people&value__lte=100", lambda f: f["dimension"] == "people" and f["value"] <= 100),
    ("year=2017", lambda f: f["year"] == 2017),
    ("year__gte=2018&year__lte=2019", lambda f: f["year"] is not None and 2018 <= f["year"] <= 2019),
    ("qualifier=over", lambda f: f["qualifier"] == "over"),
    ("doc=003_357cbda3da03d787.txt", lambda f: f["provenance"]["doc"] == "003_357cbda3da03d787.txt"),
    ("q=光伏", lambda f: "光伏" in f["provenance"]["sentence"]),
]


@pytest.mark.parametrize("query,check", FILTERS, ids=[f[0] for f in FILTERS])
def test_filters(client, query, check):
    rows = get(client, f"/v1/facts?limit=1000&{query}").get_json()["rows"]
    assert rows, query
    assert all(check(f) for f in rows)
    everything = get(client, "/v1/facts?limit=1000").get_json()["rows"]
    assert len(rows) == sum(1 for f in everything if check(f))


def test_article_filter_and_article_view(client, seed_raw):
    fact = get(client, "/v1/facts?limit=1&unit=元").get_json()["rows"][0]
    article_id = fact["provenance"]["article"]["id"]
    rows = get(client, f"/v1/facts?article={article_id}&limit=1000").get_json()["rows"]
    assert rows and all(r["provenance"]["article"]["id"] == article_id for r in rows)
    article = get(client, f"/v1/articles/{article_id}").get_json()
    raw = seed_raw[article["doc"]]
    assert article["fact_count"] == len(rows)
    for paragraph in article["paragraphs"]:
        assert raw[paragraph["start"]:paragraph["end"]] == paragraph["text"]
        for f in paragraph["facts"]:
            assert paragraph["start"] <= f["start"] < f["end"] <= paragraph["end"]
    index = fact["provenance"]["paragraph"]["index"]
    paragraph = get(client, fact["provenance"]["paragraph"]["url"]).get_json()
    assert paragraph["index"] == index and fact["id"] in [f["id"] for f in paragraph["facts"]]


def test_one_fact(client):
    """One fact is its row of the list, and the claim it is in."""
    fact = get(client, "/v1/facts?limit=1").get_json()["rows"][0]
    one = get(client, fact["url"]).get_json()
    claim = one.pop("claim")
    assert one == fact and (claim is None or claim["id"] <= fact["id"])


BAD_REQUESTS = [
    ("/v1/facts?bogus=1", 400, "bogus"),
    ("/v1/facts?limit=0", 400, "limit"),
    ("/v1/facts?limit=1001", 400, "limit"),
    ("/v1/facts?limit=abc", 400, "limit"),
    ("/v1/facts?value__gte=lots", 400, "value__gte"),
    ("/v1/facts?year=twenty", 400, "year"),
    ("/v1/facts?qualifier=maybe", 400, "qualifier"),
    ("/v1/facts?next=garbage", 400, "next"),
    ("/v1/facts?unit=元&unit=户", 400, "unit"),
    ("/v1/articles?nope=1", 400, "nope"),
    ("/v1/facts/999999", 404, None),
    ("/v1/articles/999999", 404, None),
    ("/v1/articles/1/paragraphs/999", 404, None),
    ("/v1/no-such-thing", 404, None),
]

# Caught by a tester: empty values were dropped, repeated or doubled sort keys accepted, and values
# outside a closed vocabulary answered an empty 200.
BAD_REQUESTS_CAUGHT = [
    ("/v1/facts?limit=", 400, "limit"),
    ("/v1/facts?sort=", 400, "sort"),
    ("/v1/facts?format=", 400, "format"),
    ("/v1/facts?next=", 400, "next"),
    ("/v1/facts?unit=", 400, "unit"),
    ("/v1/facts?value__gte=", 400, "value__gte"),
    ("/v1/places?level=", 400, "level"),
    ("/v1/articles?date__lte=", 400, "date__lte"),
    ("/v1/stats?group_by=place&q=", 400, "q"),
    ("/v1/facts?sort=--value", 400, "sort"),
    ("/v1/facts?sort=value,value", 400, "sort"),
    ("/v1/facts?sort=value,-value", 400, "sort"),
    ("/v1/facts?sort=value,,year", 400, "sort"),
    ("/v1/facts?dimension=weight", 400, "dimension"),
    ("/v1/facts?indicator=growth", 400, "indicator"),
    ("/v1/facts?indicator__in=investment,growth", 400, "indicator__in"),
    ("/v1/facts?unit=furlong", 400, "unit"),
    ("/v1/stats?group_by=place&dimension=weight", 400, "dimension"),
    ("/v1/facts?value__gte=0 ", 400, "value__gte"),
]

GOOD_VOCABULARY = ["unit=元", "unit=万元", "unit=亿元", "unit=万亩", "unit=%", "unit=千瓦", "dimension=currency",
                   "indicator=other", "indicator__in=investment,other", "value__gte=两千万", "value__gte=1,000万",
                   "value__lte=-5", "sort=-value,year,id", "sort=id"]


@pytest.mark.parametrize("query", GOOD_VOCABULARY)
def test_every_value_of_a_closed_vocabulary_is_accepted(client, query):
    get(client, f"/v1/facts?{query}")


@pytest.mark.parametrize("url,status,parameter", BAD_REQUESTS + BAD_REQUESTS_CAUGHT,
                         ids=[b[0] for b in BAD_REQUESTS + BAD_REQUESTS_CAUGHT])
def test_errors_are_problem_json_naming_the_parameter(client, url, status, parameter):
    response = get(client, url, status)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    if parameter:
        assert parameter in [e["parameter"] for e in body["errors"]]


def test_a_cursor_cannot_be_reused_with_other_filters(client):
    token = get(client, "/v1/facts?limit=2&unit=元").get_json()["next"]
    body = get(client, f"/v1/facts?limit=2&unit=户&next={token}", 400).get_json()
    assert body["errors"][0]["parameter"] == "next"
    assert get(client, f"/v1/facts?limit=5&unit=元&next={token}").get_json()["rows"]


def test_writes_are_not_allowed(client):
    response = client.post("/v1/facts", json={})
    assert response.status_code == 405
    assert response.mimetype == "application/problem+json"


def test_index_and_health(client):
    links = get(client, "/").get_json()["links"]
    assert get(client, links["facts"]).get_json()["rows"] and get(client, links["claims"]).get_json()["rows"]
    assert get(client, "/healthz").get_json()["status"] == "ok"


def test_articles_list_pages(client):
    body = get(client, "/v1/articles?limit=3").get_json()
    assert len(body["rows"]) == 3 and body["next"]
    more = get(client, body["next_url"]).get_json()
    assert more["rows"][0]["id"] > body["rows"][-1]["id"]
    assert get(client, "/v1/articles?q=光伏").get_json()["rows"]


def test_article_paragraphs_carry_their_sentences(client, seed_raw):
    article = get(client, "/v1/articles/1").get_json()
    raw = seed_raw[article["doc"]]
    for paragraph in article["paragraphs"]:
        assert paragraph["sentences"]
        for sentence in paragraph["sentences"]:
            assert raw[sentence["start"]:sentence["end"]] == sentence["text"]
            assert paragraph["start"] <= sentence["start"] < sentence["end"] <= paragraph["end"]
        for fact in paragraph["facts"]:
            assert any(s["start"] <= fact["start"] and fact["end"] <= s["end"] for s in paragraph["sentences"])


def test_place_filter_rolls_up_to_the_places_below(client):
    everything = get(client, "/v1/facts?limit=1000").get_json()["rows"]
    in_lvliang = [f for f in everything if f["place_code"] and f["place_code"].startswith("1411")]
    assert in_lvliang
    for name in ("吕梁市", "吕梁", "1411"):
        rows = get(client, f"/v1/facts?limit=1000&place={name}").get_json()["rows"]
        assert sorted(r["id"] for r in rows) == sorted(f["id"] for f in in_lvliang)
    county = get(client, "/v1/facts?limit=1000&place=临县").get_json()["rows"]
    assert county and all(r["place_code"].startswith("141124") for r in county)
    assert {r["place"] for r in county} >= {"临县"}
    body = get(client, "/v1/facts?place=Atlantis", 400).get_json()
    assert body["errors"][0]["parameter"] == "place"


@pytest.mark.parametrize("name", ["城关镇", "太平镇", "东城街道"])
def test_a_name_many_places_share_filters_by_all_of_them(client, name):
    from service.store.models import Fact, Place

    paths = [p.path for p in Place.select(Place.path).where(Place.name == name)]
    assert len(paths) > 30
    codes = {p.code for p in Place.select(Place.code, Place.path) if p.path.startswith(tuple(paths))}
    expected = sorted(f.id for f in Fact.select(Fact.id).where(Fact.place_code.in_(sorted(codes))))
    rows = get(client, f"/v1/facts?limit=1000&place={name}").get_json()["rows"]
    assert sorted(r["id"] for r in rows) == expected
    get(client, f"/v1/articles?place={name}")
    get(client, f"/v1/stats?group_by=place&place={name}")
    get(client, f"/v1/facts?place={name}&format=ndjson")


@pytest.mark.parametrize("listed", [0, 1000])
def test_a_place_filter_answers_the_same_with_its_codes_listed_or_selected_by_path(client, monkeypatch, listed):
    from service.api import query
    from service.store.models import Fact, Place

    monkeypatch.setattr(query, "MAX_LISTED_CODES", listed)  # PostgreSQL is given the codes up to this many
    monkeypatch.setattr(query, "_NAMED", {})
    for name in ("吕梁市", "临县", "山西省", "城关镇"):
        paths = tuple(p.path for p in Place.select(Place.path).where((Place.name == name) | (Place.short_name == name)))
        codes = sorted(p.code for p in Place.select(Place.code, Place.path) if p.path.startswith(paths))
        expected = sorted(f.id for f in Fact.select(Fact.id).where(Fact.place_code.in_(codes)))
        rows = get(client, f"/v1/facts?limit=1000&place={name}&sort=-value").get_json()["rows"]
        assert sorted(r["id"] for r in rows) == expected
        assert [r["value"] for r in rows] == sorted((r["value"] for r in rows), reverse=True)
        body = get(client, f"/v1/stats?group_by=year&place={name}&limit=1000").get_json()
        groups = body["rows"]
        assert not body["truncated"]
        assert sum(g["count"] for g in groups) == len(expected)


def test_places_search_in_either_script_with_counts(client):
    for q in ("乡宁", "鄉寧"):
        rows = get(client, f"/v1/places?q={q}").get_json()["rows"]
        assert [r["name"] for r in rows if r["level"] == "county"] == ["乡宁县"]
    county = get(client, "/v1/places/141124").get_json()
    assert [a["name"] for a in county["ancestors"]] == ["山西省", "吕梁市"]
    assert county["fact_count_total"] >= county["fact_count"] > 0
    assert any(c["level"] == "town" for c in county["children"])
    towns = get(client, "/v1/places?parent=141124&level=town&limit=5").get_json()
    assert len(towns["rows"]) == 5 and towns["next"]
    get(client, "/v1/places/999999", 404)
    get(client, "/v1/places?level=planet", 400)



def test_an_autonomous_division_is_found_by_its_plain_name(client):
    for q in ("怒江州", "怒江", "怒江傈僳族自治州"):
        rows = get(client, f"/v1/places?q={q}&level=prefecture").get_json()["rows"]
        assert [r["name"] for r in rows] == ["怒江傈僳族自治州"], q
    rows = get(client, "/v1/places?q=贡山县").get_json()["rows"]
    assert [r["code"] for r in rows] == ["533324"]
    get(client, "/v1/facts?place=贡山县", 200)
    get(client, "/v1/facts?place=临州", 400)


def test_indicators_and_units_list_what_facts_can_be_filtered_by(client):
    indicators = get(client, "/v1/indicators").get_json()["rows"]
    codes = {i["code"] for i in indicators}
    assert {"investment", "donation", "poverty_population", "other"} <= codes
    total = len(get(client, "/v1/facts?limit=1000").get_json()["rows"])
    assert sum(i["fact_count"] for i in indicators) == total
    investment = next(i for i in indicators if i["code"] == "investment")
    rows = get(client, investment["facts_url"] + "&limit=1000").get_json()["rows"] if "?" in investment["facts_url"] \
        else get(client, investment["facts_url"]).get_json()["rows"]
    assert rows and all(r["indicator"] == "investment" for r in rows)
    both = get(client, "/v1/facts?limit=1000&indicator__in=investment,donation").get_json()["rows"]
    assert {r["indicator"] for r in both} == {"investment", "donation"}
    get(client, "/v1/facts?indicator__in=investment,,donation", 400)
    units = get(client, "/v1/units").get_json()["rows"]
    money = next(u for u in units if u["unit"] == "元")
    assert money["dimension"] == "currency" and "万元" in money["written"]
    assert sum(u["fact_count"] for u in units) == total


def test_the_lvliang_investment_query(client):
    rows = get(client, "/v1/facts?limit=1000&place=吕梁市&indicator=investment").get_json()["rows"]
    assert rows and all(r["place_code"].startswith("1411") and r["indicator"] == "investment" for r in rows)
    assert len({r["place"] for r in rows}) > 2


def test_fact_bodies_have_exactly_the_documented_shape(client):
    from schemas.claims import FactDetailSchema
    from schemas.facts import FactSchema

    rows = get(client, "/v1/facts?limit=200&sort=-value").get_json()["rows"]
    assert rows and FactSchema(many=True).dump(rows) == rows
    one = get(client, f"/v1/facts/{rows[0]['id']}").get_json()
    assert FactDetailSchema().dump(one) == one and {**rows[0], "claim": one["claim"]} == one
    for row in rows[:20]:
        assert get(client, row["url"]).get_json()["id"] == row["id"]
        assert get(client, row["provenance"]["paragraph"]["url"]).status_code == 200


def test_every_fact_says_which_rules_gave_its_place_and_year(client):
    from service.pipeline.resolve import PLACE_REFINEMENTS, PLACE_RULES
    from service.pipeline.years import YEAR_RULES

    from service.pipeline.stages import RESTATED

    names = {"year": {r.__name__ for r in YEAR_RULES} | {RESTATED},
             "place": {r.__name__ for r in PLACE_RULES + PLACE_REFINEMENTS} | {RESTATED}}
    rows = get(client, "/v1/facts?limit=1000").get_json()["rows"]
    assert rows
    for row in rows:
        for field in ("place", "year"):
            rule = row["provenance"]["why"][field]
            assert rule is None or rule in names[field], row["id"]
            assert row[field] is None or rule is not None, row["id"]
    for field in ("place", "year"):
        assert len({row["provenance"]["why"][field] for row in rows}) >= 4
