"""/v1/claims and the `claim` of /v1/facts/<id>, through Flask's test client on both stores: on the seeds,
and on the seeds restated by other imagined papers (tests/claims/corpus.py), where figures are rounded,
contradicted and updated."""
from __future__ import annotations

import pytest


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def walk(client, url) -> list[dict]:
    rows = []
    while url:
        body = get(client, url)
        rows.extend(body["rows"])
        url = body["next_url"]
    return rows


def test_every_claim_once_and_its_evidence_states_its_figure(restated):
    claims = walk(restated, "/v1/claims?limit=97")
    assert len(claims) == len({c["id"] for c in claims}) > 300
    for claim in claims[::7]:
        facts = walk(restated, claim["evidence_url"] + "&limit=1000")
        assert len(facts) == claim["facts"] and min(f["id"] for f in facts) == claim["id"]
        assert len({f["provenance"]["doc"] for f in facts}) == claim["sources"]
        for fact in facts:
            assert (fact["place_code"], fact["year"], fact["unit"], fact["measure"]) == \
                (claim["place_code"], claim["year"], claim["unit"], claim["measure"])
        assert [e["id"] for e in claim["evidence"]] == sorted(f["id"] for f in facts)[:5]
        assert claim["value"] in {f["value"] for f in facts}


def test_a_rounded_restatement_corroborates_and_a_contradiction_conflicts(restated):
    corroborated = get(restated, "/v1/claims?sources__gte=3&limit=1000")["rows"]
    assert corroborated and all(c["sources"] >= 3 for c in corroborated)
    assert any(e["text"] != c["evidence"][0]["text"] for c in corroborated for e in c["evidence"]), \
        "a rounded figure joins its original"
    conflicting = walk(restated, "/v1/claims?conflict=true&limit=200")
    assert conflicting
    for claim in conflicting:
        assert claim["conflict"] and claim["conflicts_with"]
        assert len(claim["conflicts_with"]) == min(claim["conflicts"], 5)
        for other in claim["conflicts_with"]:
            body = get(restated, other["url"])
            assert claim["id"] in {c["id"] for c in body["conflicts_with"]}
            assert (body["place_code"], body["year"], body["measure"]) == \
                (claim["place_code"], claim["year"], claim["measure"])
            assert body["value"] != claim["value"]
    calm = get(restated, "/v1/claims?conflict=false&limit=1000")["rows"]
    assert calm and not any(c["conflicts_with"] for c in calm)


def test_a_fact_says_what_corroborates_and_contradicts_it(restated):
    claim = get(restated, "/v1/claims?conflict=true&sort=-sources&limit=1")["rows"][0]
    fact = get(restated, claim["evidence"][0]["url"])
    assert fact["claim"]["id"] == claim["id"] and fact["claim"]["url"] == claim["url"]
    against = fact["claim"]["conflicts_with"]
    assert against["count"] == claim["conflicts"] == len(against["claims"]) > 0
    others = [e for e in walk(restated, claim["evidence_url"]) if e["provenance"]["article"]["id"]
              != fact["provenance"]["article"]["id"]]
    assert fact["claim"]["corroborated_by"]["count"] == len(others)
    assert fact["claim"]["corroborated_by"]["url"] == claim["evidence_url"]


@pytest.mark.parametrize("query, holds", [
    ("place=吕梁市", lambda c: c["place_code"].startswith("1411")),
    ("year__gte=2018&year__lte=2019", lambda c: 2018 <= c["year"] <= 2019),
    ("unit=元&value__gte=1000万", lambda c: c["unit"] == "元" and c["value"] >= 1e7),
    ("unit=万元", lambda c: c["unit"] == "元"),
    ("indicator=investment", lambda c: c["indicator"] == "investment"),
    ("measure__contains=贫困", lambda c: "贫困" in c["measure"]),
    ("q=光伏", lambda c: any("光伏" in e["sentence"] for e in c["evidence"]) or c["facts"] > 5),
    ("doc=001_d72c54bd08c4aece.txt", lambda c: any(e["doc"] == "001_d72c54bd08c4aece.txt" for e in c["evidence"])
     or c["facts"] > 5),
])
def test_fact_filters_select_claims(restated, query, holds):
    rows = get(restated, f"/v1/claims?{query}&limit=1000")["rows"]
    assert rows and all(holds(c) for c in rows), query


def test_sorts_and_pages_hold_their_order(restated):
    rows = walk(restated, "/v1/claims?sort=-sources,value&limit=50")
    keys = [(-c["sources"], c["value"], c["id"]) for c in rows]
    assert keys == sorted(keys)


@pytest.mark.parametrize("query, parameter", [
    ("sources__gte=0", "sources__gte"), ("conflict=maybe", "conflict"), ("sort=bogus", "sort"),
    ("next=forged", "next"), ("limit=0", "limit"), ("place=没有这个地方", "place"), ("unit=furlong", "unit"),
    ("claim=x", "claim"),
])
def test_bad_parameters_are_a_400_naming_them(client, query, parameter):
    body = get(client, f"/v1/claims?{query}", 400)
    assert body["errors"][0]["parameter"] == parameter


def test_a_token_of_the_facts_is_refused_by_the_claims(client):
    token = get(client, "/v1/facts?limit=1")["next"]
    assert get(client, f"/v1/claims?next={token}", 400)["errors"][0]["parameter"] == "next"


def test_unknown_claims_are_404s(client):
    get(client, "/v1/claims/999999999", 404)
    get(client, "/v1/claims/99999999999999", 404)


def test_facts_filtered_by_conflict_are_those_of_conflicting_claims(restated):
    contradicted = {f["id"] for f in walk(restated, "/v1/facts?conflict=true&limit=1000")}
    expected = {f["id"] for c in walk(restated, "/v1/claims?conflict=true&limit=1000")
                for f in walk(restated, c["evidence_url"] + "&limit=1000")}
    assert contradicted == expected and contradicted
    rest = {f["id"] for f in walk(restated, "/v1/facts?conflict=false&limit=1000")}
    everything = {f["id"] for f in walk(restated, "/v1/facts?limit=1000")}
    assert rest == everything - contradicted


def test_on_the_seeds_a_fact_outside_any_claim_says_so(client):
    facts = get(client, "/v1/facts?limit=1000")["rows"]
    bare = next(f for f in facts if f["place_code"] is None or f["year"] is None or f["measure"] is None)
    assert get(client, bare["url"])["claim"] is None
    claimed = next(f for f in facts if f["place_code"] and f["year"] and f["measure"])
    body = get(client, claimed["url"])["claim"]
    assert body["id"] <= claimed["id"] and get(client, body["url"])["facts"] >= 1
