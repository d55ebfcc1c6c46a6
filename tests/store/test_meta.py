"""Source metadata through the job into the store and the API, on SQLite and PostgreSQL."""
import json

from service import create_app
from service.job import run_extraction
from service.store.models import Fact, Source
from service.source_meta import MetaFile, load_meta_file

PAGE = "本报讯 今年全县投资1000万元，去年带动300户脱贫。"


def write_meta(path, *rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return load_meta_file(str(path))


def years():
    return sorted((f.text, f.year, f.year_rule) for f in Fact.select())


def test_published_dates_a_page_that_prints_no_year(empty_store, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(PAGE, encoding="utf-8")
    run_extraction([str(pages)])
    assert {year for _, year, _ in years()} == {None}
    meta = write_meta(tmp_path / "meta.jsonl", {"path": "a.txt", "published": "2020-10-17", "url": "http://x.cn/a"})
    summary = run_extraction([str(pages)], meta=meta)
    assert (summary.sources, summary.skipped) == (1, 0)  # new metadata: extracted again, replacing the old
    assert years() == [("1000万元", 2020, "relative_year_since_last_year"),
                       ("300户", 2019, "relative_year_since_last_year")]
    source = Source.get()
    assert (source.url, source.published, Source.select().count()) == ("http://x.cn/a", "2020-10-17", 1)
    again = run_extraction([str(pages)], meta=write_meta(tmp_path / "meta.jsonl",
                                                          {"path": "a.txt", "published": "2020-10-17",
                                                           "url": "http://x.cn/a"}))
    assert (again.sources, again.skipped) == (0, 1)
    assert Fact.select().count() == 2


def test_a_sidecar_describes_its_file_and_is_not_a_source(empty_store, tmp_path):
    tmp_path = tmp_path / "pages"  # the SQLite store lives in tmp_path itself
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2018", "title": "标题"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text(PAGE, encoding="utf-8")  # same bytes: one source, a's metadata
    summary = run_extraction([str(tmp_path)])
    assert (summary.sources, summary.duplicates, summary.failed) == (1, 1, 0)
    assert [(s.name, s.published, s.title) for s in Source.select()] == [("a.txt", "2018", "标题")]
    assert {year for _, year, _ in years()} == {2018, 2017}


def test_the_meta_file_inside_the_folder_is_not_a_source(empty_store, tmp_path):
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    meta = write_meta(tmp_path / "meta.jsonl", {"path": "a.txt", "published": "2016"})
    summary = run_extraction([str(tmp_path)], meta=meta)
    assert (summary.sources, summary.failed) == (1, 0)
    assert [s.name for s in Source.select()] == ["a.txt"]


def test_a_bad_sidecar_is_a_warning_and_the_file_is_still_extracted(empty_store, tmp_path):
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "yesterday"}', encoding="utf-8")
    summary = run_extraction([str(tmp_path)], meta=MetaFile("none"))
    assert (summary.sources, summary.facts) == (1, 2)
    assert summary.warnings and "a.meta.json" in summary.warnings[0][1] and "published" in summary.warnings[0][1]


def test_the_api_shows_the_source_of_a_fact_and_an_article(empty_store, tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    run_extraction([str(tmp_path)], meta=write_meta(tmp_path / "m.jsonl", {
        "path": "a.txt", "published": "2020-10", "url": "http://x.cn/a", "title": "一篇"}))
    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()
    fact = client.get("/v1/facts?limit=1").get_json()["rows"][0]
    expected = {"name": "a.txt", "url": "http://x.cn/a", "title": "一篇", "published": "2020-10",
                "published_source": "meta", "outlet": None}
    assert fact["provenance"]["source"] == expected
    assert client.get(f"/v1/facts/{fact['id']}").get_json()["provenance"]["source"] == expected
    article = client.get(fact["provenance"]["article"]["url"]).get_json()
    assert article["source"] == expected


def test_a_date_line_printed_on_the_page_dates_and_credits_it_unless_the_user_says_otherwise(empty_store, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("某县扶贫\n\n2017-10-17 09:07:20 来源:某某新闻网\n\n" + PAGE, encoding="utf-8")
    (pages / "b.txt").write_text("某县扶贫\n\n2017-10-17 09:07:20 来源:某某新闻网\n\n" + PAGE + "。", encoding="utf-8")
    run_extraction([str(pages)], meta=write_meta(tmp_path / "m.jsonl", {"path": "b.txt", "published": "2019-01"}))
    a, b = Source.get(Source.name == "a.txt"), Source.get(Source.name == "b.txt")
    assert (a.published, a.published_source, a.outlet) == ("2017-10-17", "page", "某某新闻网")
    assert (b.published, b.published_source, b.outlet) == ("2019-01", "meta", "某某新闻网")


def test_a_dateline_and_the_date_in_the_address_date_a_page_the_user_gave_no_date(empty_store, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    wire = "新华社某地9月15日电 今年全县投资1000万元，去年带动300户脱贫。"
    for name in ("wire.txt", "plain.txt", "printed.txt", "monthly.txt", "unknown.txt"):
        body = {"wire.txt": wire, "printed.txt": "某县扶贫\n\n2019-05-06 10:21:33 来源：某某日报\n\n" + wire}
        (pages / name).write_text(body.get(name, PAGE + name), encoding="utf-8")
    run_extraction([str(pages)], meta=write_meta(
        tmp_path / "m.jsonl",
        {"path": "wire.txt", "url": "http://news.example.cn/2017/0916/a.html"},
        {"path": "plain.txt", "url": "http://news.example.cn/html/2018-03/02/content_1.htm"},
        {"path": "printed.txt", "url": "http://news.example.cn/2017/0916/b.html"},
        {"path": "monthly.txt", "url": "http://news.example.cn/zhzx/201909/00000664.html"}))
    dated = {s.name: (s.published, s.published_source) for s in Source.select()}
    assert dated == {"wire.txt": ("2017-09-15", "dateline"), "plain.txt": ("2018-03-02", "url"),
                     "printed.txt": ("2019-05-06", "page"), "monthly.txt": ("2019-09", "url"),
                     "unknown.txt": (None, None)}
    assert sorted((f.source.name, f.text, f.year) for f in Fact.select() if f.source.name != "unknown.txt") == [
        ("monthly.txt", "1000万元", 2019), ("monthly.txt", "300户", 2018),
        ("plain.txt", "1000万元", 2018), ("plain.txt", "300户", 2017),
        ("printed.txt", "1000万元", 2019), ("printed.txt", "300户", 2018),
        ("wire.txt", "1000万元", 2017), ("wire.txt", "300户", 2016)]
