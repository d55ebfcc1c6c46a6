"""A fact's page says who else reported its figure and sets contradicting figures side by side; the
explorer filters to contradicted figures (on the seeds restated by other imagined papers)."""
import re

from .test_pages import page


def test_a_contradicted_fact_shows_both_figures_with_their_sentences(restated):
    claim = restated.get("/v1/claims?conflict=true&sort=-sources&limit=1").get_json()["rows"][0]
    fact_id = claim["evidence"][0]["id"]
    _, text = page(restated, f"/facts/{fact_id}")
    section = text[text.index('class="claim"'):]
    assert "另有" in section and "个来源报道了这个数字" in section
    assert "相互矛盾的数字" in section
    assert len(re.findall(r'<div class="side( conflicting)?"', section)) == 1 + claim["conflicts"]
    other = restated.get(claim["conflicts_with"][0]["url"]).get_json()
    for evidence in (claim["evidence"][0], other["evidence"][0]):
        assert f'<mark>{evidence["text"]}</mark>' in section
        assert f'href="/facts/{evidence["id"]}"' in section


def test_a_fact_no_one_else_reports_says_so(client):
    fact = client.get("/v1/facts?place=临县&year=2020&limit=1").get_json()["rows"][0]
    _, text = page(client, f"/facts/{fact['id']}")
    assert "没有其他来源报道这个数字" in text and "相互矛盾的数字" not in text


def test_the_explorer_filters_to_contradicted_figures(restated):
    api = restated.get("/v1/facts?conflict=true&limit=20").get_json()["rows"]
    _, text = page(restated, "/?conflict=true&limit=20")
    ids = [int(i) for i in re.findall(r'class="fact-link" href="/facts/(\d+)"', text)]
    assert ids == [f["id"] for f in api] and ids
    assert '<option value="true" selected>' in text
