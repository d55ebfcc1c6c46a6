"""WARC files through the job into the store, on SQLite and PostgreSQL: every successful HTML response is
a source known by its record id, at its target URI, dated by its crawl where nothing better says when.
The crawls are written here with warcio, from pages of this test's own words."""
import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from service import create_app
from service.job import run_extraction
from service.store.models import Fact, Source
from service.warc import html_records, is_warc


def page(title: str, body: str, head: str = "") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}<title>{title}</title></head><body>'
            f'<nav><a href="/">首页</a> | <a href="/news">新闻</a></nav><article><h1>{title}</h1>{body}</article>'
            f'<footer>版权所有 某某网</footer></body></html>').encode()


WIRE = ("http://news.example.cn/2019/0306/a.html", "200 OK", "text/html; charset=utf-8",
        page("某县扶贫工作", "<p>新华社某地3月5日电 今年全县投资1000万元，去年带动300户脱贫。</p>"
                         "<p>全县共有贫困村12个，已全部出列。</p>"), "2019-03-07T08:00:00Z")
UNDATED = ("http://news.example.cn/list/b.html", "200 OK", "text/html",
           page("某乡产业", "<p>本报讯 今年全乡种植茶叶2000亩，带动贫困户150户增收。</p>"), "2020-06-01T10:00:00Z")
MARKED = ("http://news.example.cn/list/c.html", "200 OK", "text/html",
          page("某村合作社", "<p>今年合作社分红8万元，惠及村民90户。</p>",
               '<meta property="article:published_time" content="2018-11-02T09:00:00+08:00">'),
          "2020-06-01T10:00:00Z")
IMAGE = ("http://news.example.cn/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n", "2020-06-01T10:00:00Z")
MISSING = ("http://news.example.cn/gone.html", "404 Not Found", "text/html", page("找不到", "<p>页面不存在，投资9亿元。</p>"),
           "2020-06-01T10:00:00Z")


def write_warc(path, records, gz=True):
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for uri, status, content_type, payload, date in records:
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"), warc_headers_dict={"WARC-Date": date}))
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers, warc_headers_dict={"WARC-Date": date}))
    return path


@pytest.mark.parametrize("gz", [True, False])
def test_every_html_page_of_a_crawl_is_a_source_dated_in_order_of_trust(empty_store, tmp_path, gz):
    (tmp_path / "crawls").mkdir()
    crawl = write_warc(tmp_path / "crawls" / ("crawl.warc.gz" if gz else "crawl.warc"),
                       [WIRE, UNDATED, MARKED, IMAGE, MISSING], gz)
    summary = run_extraction([str(tmp_path / "crawls")])
    assert (summary.sources, summary.failed) == (3, 0)
    sources = {s.url: s for s in Source.select()}
    assert sorted(sources) == [WIRE[0], UNDATED[0], MARKED[0]]  # no image, no 404 page
    assert {(s.published, s.published_source) for s in sources.values()} == {
        ("2019-03-05", "dateline"), ("2020-06-01", "crawl"), ("2018-11-02", "page")}
    for source in sources.values():
        assert source.path.startswith(str(crawl) + "#urn:uuid:") and source.name.startswith(crawl.name + "#urn:uuid:")
        assert source.format == "html" and source.original.startswith("<!DOCTYPE html>")
        assert "首页" not in source.raw and "版权所有" not in source.raw
        for fact in Fact.select().where(Fact.source == source):
            assert source.raw[fact.start:fact.end] == fact.text
    years = sorted((f.text, f.year) for f in Fact.select())
    assert years == [("1000万元", 2019), ("12个", 2019), ("150户", 2020), ("2000亩", 2020), ("300户", 2018),
                     ("8万元", 2018), ("90户", 2018)]

    again = run_extraction([str(tmp_path / "crawls")])
    assert (again.sources, again.skipped, again.failed) == (0, 3, 0)
    assert Fact.select().count() == 7

    client = create_app({"DATABASE_URL": empty_store, "TESTING": True}).test_client()
    row = client.get("/v1/facts?q=2000亩").get_json()["rows"][0]
    assert row["provenance"]["source"]["url"] == UNDATED[0]
    assert row["provenance"]["source"]["published_source"] == "crawl"


def test_a_broken_or_empty_crawl_fails_by_name_and_the_rest_goes_on(empty_store, tmp_path):
    tmp_path = tmp_path / "crawls"
    tmp_path.mkdir()
    write_warc(tmp_path / "good.warc.gz", [WIRE])
    whole = (tmp_path / "good.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[:len(whole) // 2])
    write_warc(tmp_path / "images.warc", [IMAGE, MISSING], gz=False)
    (tmp_path / "fake.warc").write_text("本报讯 今年全县投资1000万元。", encoding="utf-8")
    summary = run_extraction([str(tmp_path)])
    failed = dict((path.rsplit("/", 1)[-1], reason) for path, reason in summary.failures)
    assert sorted(failed) == ["cut.warc.gz", "fake.warc", "images.warc"]
    assert "no HTML page" in failed["images.warc"]
    assert "WARC" in failed["cut.warc.gz"] and "WARC" in failed["fake.warc"]
    assert summary.sources == 1 and Source.select().where(Source.status == "ok").count() == 1


def test_a_crawl_is_known_by_its_first_bytes_whatever_its_name(tmp_path):
    write_warc(tmp_path / "crawl.bin", [WIRE])
    write_warc(tmp_path / "plain.dat", [WIRE], gz=False)
    (tmp_path / "text.gz").write_bytes(gzip.compress("本报讯 今年全县投资1000万元。".encode()))
    assert is_warc(str(tmp_path / "crawl.bin")) and is_warc(str(tmp_path / "plain.dat"))
    assert not is_warc(str(tmp_path / "text.gz"))
    [record] = html_records(str(tmp_path / "crawl.bin"), 1 << 20)
    assert (record.uri, record.crawled) == (WIRE[0], "2019-03-07")
