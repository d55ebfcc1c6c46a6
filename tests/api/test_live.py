"""End to end: `kaoju extract` then the real gunicorn (via `kaoju serve`) on a free port, over HTTP."""
from ..conftest import fetch


def test_three_facts_with_provenance_over_http(live_server, seed_raw):
    status, headers, body = fetch(live_server + "/v1/facts?limit=3")
    assert status == 200 and len(body["rows"]) == 3
    assert headers["Link"].endswith('rel="next"')
    for fact in body["rows"]:
        p = fact["provenance"]
        assert seed_raw[p["doc"]][p["start"]:p["end"]] == fact["text"]


def test_bad_parameter_over_http(live_server):
    status, headers, body = fetch(live_server + "/v1/facts?value__gte=lots")
    assert status == 400
    assert headers["Content-Type"].startswith("application/problem+json")
    assert body["errors"] == [{"parameter": "value__gte",
                               "message": "'lots' is not a number (try 1e7, 10000000, 1000万 or 两千万)"}]


def test_the_readme_examples(live_server):
    """The calls the README shows, as curl -G --data-urlencode sends them."""
    from urllib.parse import urlencode

    status, _, body = fetch(live_server + "/v1/facts?" + urlencode({"unit": "元", "value__gte": "1000万"}))
    assert status == 200 and body["rows"] and all(r["value"] >= 1e7 for r in body["rows"])
    status, _, body = fetch(live_server + "/v1/articles/1")
    assert status == 200 and body["paragraphs"]
    status, _, body = fetch(live_server + "/v1/facts?" + urlencode({"q": "光伏", "year__gte": 2016}))
    assert status == 200 and all("光伏" in r["provenance"]["sentence"] for r in body["rows"])
