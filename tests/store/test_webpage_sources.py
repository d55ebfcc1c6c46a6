"""HTML pages through the job into the store and the API, on SQLite and PostgreSQL (pages written for
this test): the article text is the raw text spans point into, the page's metadata dates it."""
import json

from service import create_app
from service.job import run_extraction
from service.source_meta import load_meta_file
from service.store.models import Fact, Source

from ..pipeline.test_webpage import PAGE


def test_an_html_page_is_read_for_its_article_and_dated_by_its_metadata(empty_store, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE, encoding="utf-8")
    (pages / "saved.txt").write_text(PAGE.replace("某县", "乙县"), encoding="utf-8")  # HTML by its content
    (pages / "empty.htm").write_text("<html><body><nav>首页</nav></body></html>", encoding="utf-8")
    (pages / "plain.txt").write_text("本报讯 今年全县投资1000万元。", encoding="utf-8")
    summary = run_extraction([str(pages)])
    assert (summary.sources, summary.failed) == (3, 1)
    assert "no article text" in summary.failures[0][1] and summary.failures[0][0].endswith("empty.htm")
    source = Source.get(Source.name == "a.html")
    assert (source.format, source.title, source.published, source.published_source, source.outlet, source.url) == (
        "html", "某县扶贫成效显著", "2019-05-12", "page", "某某日报", "https://news.example.cn/2019/05/12/a1.html")
    assert source.original.startswith("<!DOCTYPE html>") and "<nav>" not in source.raw
    facts = list(Fact.select().where(Fact.source == source))
    assert {f.text for f in facts} == {"3000万元", "1200户", "0.5%", "200座", "2万元", "800余人", "2500元"}
    assert all(source.raw[f.start:f.end] == f.text for f in facts)
    assert {f.year for f in facts} == {2019}  # 今年 on a page dated 2019-05-12
    assert Source.get(Source.name == "saved.txt").format == "html"
    assert Source.get(Source.name == "plain.txt").format == "text"

    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()
    row = client.get("/v1/facts?q=3000万元").get_json()["rows"][0]
    assert row["provenance"]["source"] == {"name": "a.html", "url": "https://news.example.cn/2019/05/12/a1.html",
                                           "title": "某县扶贫成效显著", "published": "2019-05-12",
                                           "published_source": "page", "outlet": "某某日报"}


def test_what_the_user_gives_wins_over_what_the_page_says(empty_store, tmp_path):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "m.jsonl").write_text(json.dumps({"path": "a.html", "published": "2020-01-02", "title": "另一个"},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    run_extraction([str(tmp_path / "a.html")], meta=load_meta_file(str(tmp_path / "m.jsonl")))
    source = Source.get()
    assert (source.published, source.published_source, source.title, source.outlet) == (
        "2020-01-02", "meta", "另一个", "某某日报")
    assert {f.year for f in Fact.select()} == {2020}


def test_facts_and_articles_filter_on_the_outlet_and_the_publication_date(empty_store, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE, encoding="utf-8")  # 某某日报, 2019-05-12 (the page's own metadata)
    (pages / "b.txt").write_text("本报讯 今年全县投资1000万元。", encoding="utf-8")
    (pages / "c.txt").write_text("本报讯 今年全县新建大棚40座。", encoding="utf-8")
    (tmp_path / "m.jsonl").write_text(
        json.dumps({"path": "b.txt", "published": "2020-03", "outlet": "乙报"}, ensure_ascii=False) + "\n"
        + json.dumps({"path": "c.txt", "published": "2018"}, ensure_ascii=False) + "\n", encoding="utf-8")
    run_extraction([str(pages)], meta=load_meta_file(str(tmp_path / "m.jsonl")))
    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()

    def docs(url):
        response = client.get(url)
        assert response.status_code == 200, response.get_json()
        return sorted({row.get("doc") or row["provenance"]["doc"] for row in response.get_json()["rows"]})

    assert docs("/v1/facts?outlet=%E6%9F%90%E6%9F%90%E6%97%A5%E6%8A%A5") == ["a.html"]
    assert docs("/v1/facts?published__gte=2019-05-12") == ["a.html", "b.txt"]
    assert docs("/v1/facts?published__gte=2019-05-13") == ["b.txt"]
    assert docs("/v1/facts?published__gte=2020-03-31&published__lte=2020-03-01") == ["b.txt"]  # dated by month
    assert docs("/v1/facts?published__lte=2018-06-30") == ["c.txt"]  # dated by year
    assert docs("/v1/articles?published__gte=2019-01-01&published__lte=2019-12-31") == ["a.html"]
    assert docs("/v1/articles?outlet=%E4%B9%99%E6%8A%A5") == ["b.txt"]
    stats = client.get("/v1/stats?group_by=unit&published__lte=2019-12-31").get_json()
    assert sum(group["count"] for group in stats["rows"]) == 8  # a.html's 7 and c.txt's 1
    bad = client.get("/v1/facts?published__gte=2019-13-01")
    assert bad.status_code == 400 and bad.get_json()["errors"][0]["parameter"] == "published__gte"
