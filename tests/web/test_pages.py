"""The HTML pages through Flask's test client, on both stores: content negotiation, marks, frames."""
import re
import urllib.parse

from service import create_app

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def page(client, url, status=200):
    response = client.get(url, headers=HTML)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return response, response.get_data(as_text=True)


def test_root_is_json_for_curl_and_the_explorer_for_browsers(client):
    assert client.get("/").get_json()["links"]["explorer"] == "/"
    assert client.get("/", headers={"Accept": "application/json"}).is_json
    response, text = page(client, "/")
    assert response.mimetype == "text/html" and 'lang="zh-CN"' in text and "<form" in text


def test_the_explorer_lists_what_the_api_lists(client):
    query = {"place": "临县", "value__gte": "10", "sort": "-value", "limit": "5"}
    api = client.get("/v1/facts?" + urllib.parse.urlencode(query)).get_json()
    _, text = page(client, "/?" + urllib.parse.urlencode(query))
    links = re.findall(r'class="fact-link" href="/facts/(\d+)">([^<]+)</a>', text)
    assert [(int(i), t) for i, t in links] == [(r["id"], r["text"]) for r in api["rows"]]
    assert ('rel="next"' in text) == (api["next"] is not None)
    assert text.count("<mark>") == len(links)  # each mention marked in its sentence


def test_a_bad_parameter_is_shown_with_status_400(client):
    _, text = page(client, "/?year=twenty", 400)
    assert 'role="alert"' in text and "year" in text


def test_a_fact_page_marks_the_fact_and_underlines_the_others(client, seed_raw):
    fact = client.get("/v1/facts?limit=1&place=临县&sort=-value").get_json()["rows"][0]
    _, text = page(client, f"/facts/{fact['id']}")
    assert re.findall(r'<mark id="fact-\d+">([^<]+)</mark>', text) == [fact["text"]]
    paragraph = client.get(fact["provenance"]["paragraph"]["url"]).get_json()
    assert text.count('class="other-fact" href="/facts/') == len(paragraph["facts"]) - 1
    assert f'/articles/{fact["provenance"]["article"]["id"]}#fact-{fact["id"]}' in text
    _, missing = page(client, "/facts/99999999", 404)
    assert "找不到" in missing


def test_an_article_page_marks_every_fact(client):
    fact = client.get("/v1/facts?limit=1").get_json()["rows"][0]
    article_id = fact["provenance"]["article"]["id"]
    facts = client.get(f"/v1/facts?article={article_id}&limit=1000").get_json()["rows"]
    _, text = page(client, f"/articles/{article_id}")
    assert sorted(re.findall(r"<mark>([^<]+)</mark>", text)) == sorted(f["text"] for f in facts)


def test_only_embed_cards_may_be_framed_and_only_by_configured_origins(seeded_store, monkeypatch):
    monkeypatch.setenv("KAOJU_FRAME_ORIGINS", "https://tools.example.com, javascript:alert(1) 'unsafe-inline'")
    client = create_app({"DATABASE_URL": seeded_store}).test_client()
    full = client.get("/facts/1", headers=HTML)
    assert full.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in full.headers["Content-Security-Policy"]
    card = client.get("/facts/1?embed=1", headers=HTML)
    assert "X-Frame-Options" not in card.headers
    assert card.headers["Content-Security-Policy"].endswith("frame-ancestors 'self' https://tools.example.com")
    assert "<header" not in card.get_data(as_text=True) and "<mark" in card.get_data(as_text=True)
    assert client.get("/v1/facts/1").headers["X-Frame-Options"] == "DENY"


def test_a_browser_gets_an_html_page_when_the_store_fails(seeded_store, tmp_path):
    """Over budget (SQLite) or a store never set up: the explorer renders its error page, the API stays JSON."""
    broken = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'never-set-up.db'}"}).test_client()
    response, text = page(broken, "/?unit=元", 503)
    assert response.mimetype == "text/html" and 'role="alert"' in text
    assert broken.get("/v1/facts", headers=HTML).mimetype == "application/problem+json"
    response, text = page(broken, "/facts/1", 503)
    assert response.mimetype == "text/html"


def test_each_fact_links_to_the_page_it_was_read_from_if_a_browser_may_follow_it(empty_store, tmp_path):
    import json

    from service.job import run_extraction
    from service.source_meta import load_meta_file

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "web.txt").write_text("本报讯 今年全县投资1000万元。", encoding="utf-8")
    (pages / "forged.txt").write_text("本报讯 今年全乡投资2000万元。", encoding="utf-8")
    rows = [{"path": "web.txt", "url": "https://news.example.cn/2019/05/12/a1.html"},
            {"path": "forged.txt", "url": "javascript:alert(1)"}]
    (tmp_path / "m.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run_extraction([str(pages)], meta=load_meta_file(str(tmp_path / "m.jsonl")))
    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()
    _, text = page(client, "/")
    assert text.count('class="original"') == 1
    assert 'href="https://news.example.cn/2019/05/12/a1.html"' in text and "forged.txt" in text
    assert "javascript:" not in text
    forged = client.get("/v1/facts?doc=forged.txt").get_json()["rows"][0]
    _, text = page(client, f"/facts/{forged['id']}")
    assert 'href="javascript' not in text and 'class="original"' not in text
    web = client.get("/v1/facts?doc=web.txt").get_json()["rows"][0]
    _, text = page(client, f"/facts/{web['id']}")
    assert 'class="original" href="https://news.example.cn/2019/05/12/a1.html"' in text
