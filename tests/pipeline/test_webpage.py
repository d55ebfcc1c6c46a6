"""A saved web page → its article text and metadata (pages written for this test)."""
import pytest

from service.pipeline.decode import DecodeError
from service.pipeline.webpage import is_webpage, read_webpage

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县扶贫成效显著 - 某某日报</title>
<meta property="og:site_name" content="某某日报">
<meta property="article:published_time" content="2019-05-12T08:00:00+08:00">
<link rel="canonical" href="https://news.example.cn/2019/05/12/a1.html"></head>
<body><nav><a href="/">首页</a> | <a href="/gn">国内</a> 热门：某地投资100亿元建设新城</nav>
<article><h1>某县扶贫成效显著</h1>
<p>本报讯 今年以来，某县投入扶贫资金3000万元，带动1200户贫困户增收，全县贫困发生率降至0.5%。</p>
<p>该县还新建蔬菜大棚200座，每座年收益约2万元，吸纳当地群众就业800余人，人均月收入达到2500元以上。</p>
</article>
<div class="comments"><p>网友评论：希望明年再投资5000万元！</p></div>
<ul class="related"><li><a href="/b.html">相关阅读：邻县发放补贴300万元</a></li></ul></body></html>"""


def test_the_article_text_and_what_the_page_says_of_itself():
    page = read_webpage(PAGE)
    assert (page.title, page.published, page.outlet, page.url) == (
        "某县扶贫成效显著", "2019-05-12", "某某日报", "https://news.example.cn/2019/05/12/a1.html")
    assert "3000万元" in page.text and "2500元" in page.text
    assert "100亿元" not in page.text and "5000万元" not in page.text and "300万元" not in page.text
    assert "\n\n" in page.text  # one block per paragraph, as layout reads them


@pytest.mark.parametrize("path,text,expected", [
    ("a.html", "本报讯", True), ("a.HTM", "", True), ("a.shtml", "", True),
    ("a.txt", "<!DOCTYPE html><html>", True), ("a.txt", "  <html lang='zh'>", True),
    ("a.txt", "<!-- saved -->\n<html>", True), ("a.txt", "本报讯 <b>加粗</b>", False), ("a.txt", "<htmlx>", False),
])
def test_a_page_is_html_by_its_name_or_its_first_markup(path, text, expected):
    assert is_webpage(path, text) is expected


def test_a_page_with_no_article_text_is_refused_in_plain_words():
    with pytest.raises(DecodeError, match="no article text"):
        read_webpage("<html><head><script>var a = 1;</script></head><body><nav>首页</nav></body></html>")


def test_markup_nested_too_deep_for_the_parser_is_read_as_plain_text():
    page = "<html><body>" + "<div>" * 3000 + "<p>本报讯 全县投资3000万元，带动1200户增收。</p>" + "</div>" * 3000 + "</body></html>"
    assert read_webpage(page).text == "本报讯 全县投资3000万元，带动1200户增收。"


def test_scripts_and_styles_are_never_text():
    page = ("<html><head><style>p{color:red}</style></head><body>" + "<div>" * 300
            + "<script>var total = '投资9亿元。';</script><p>本报讯 全县新建大棚40座。</p>" + "</div>" * 300 + "</body></html>")
    assert read_webpage(page).text == "本报讯 全县新建大棚40座。"
