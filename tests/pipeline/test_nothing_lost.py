"""Never drop a page: whatever the layout makes of it, every quantity `kaoju parse` finds in a page's
text is a fact of some article, except in the lines the layout knows are not article text (a date and
source line, an editor's credit, a breadcrumb or toolbar, a photo credit)."""
from hypothesis import given, settings, strategies as st

from service.pipeline import extract_text
from service.pipeline.normalise import normalise
from service.pipeline.quantities import extract_quantities

# (text, whether it is article text) — headlines, subtitles, leads, bodies, short lines, fragments cut
# mid-sentence, and the lines a web page or a newspaper page sets around them
PARTS = [
    ("某县投资3000万元建设光伏电站", True),
    ("——记某村第一书记带领120户脱贫", True),
    ("本报讯（记者 赵某）全县投资3000万元，建成大棚40座。", True),
    ("新华社某地9月15日电 今年全省已有58万贫困人口搬迁。", True),
    ("某村全村共207户616人，第一书记到任后，", True),
    ("且报销700元。", True),
    ("全乡种植茶叶2000亩", True),
    ("今年全县新建住房1856套，总面积169768平方米，搬迁入住6829人；完成投资4.04亿元。", True),
    ("（上接第一版）据了解，全州搬迁7.44万人。", True),
    ("“今年帮扶产品的销售目标为600万元。”某某说。", True),
    ("（下转第二版）", True),
    ("□ 郭某", True),
    ("王某某 席某某 毛某 枉某", True),
    ("出版日期:2001年02月27日", False),
    ("本篇文章465字,读完约1分钟", False),
    ("2019-05-06 10:21:33 来源：某某日报", False),
    ("19.12.2017  09:29", False),
    ("责任编辑：张某", False),
    ("（责任编辑：李某 王某）", False),
    ("当前位置：首页 > 新闻 > 正文", False),
    ("字号：默认 超大 | 打印 |", False),
    ("图为村民在大棚里劳作。王某 摄", False),
]
BREAKS = ["\n", "\n\n", "\n\n\n", "\n \n"]


def quantities(text: str, start: int, end: int) -> set[tuple[int, int]]:
    """The raw spans of the quantities `kaoju parse` finds in text[start:end]."""
    doc = normalise(text[start:end])
    return {tuple(start + x for x in doc.raw_span(m.start, m.end)) for m in extract_quantities(doc.text)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PARTS), st.sampled_from(BREAKS)), min_size=1, max_size=14))
def test_every_figure_of_article_text_is_a_fact_of_some_article(parts):
    page, spans = "", []
    for (part, is_article_text), separator in parts:
        if is_article_text:
            spans.append((len(page), len(page) + len(part)))
        page += part + separator
    found = {(f.start, f.end) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    for start, end in spans:
        missing = quantities(page, start, end) - found
        assert not missing, (page[start:end], [page[s:e] for s, e in missing], page)


def test_headings_with_no_story_under_them_are_an_article_only_when_they_hold_a_figure():
    page = "本报讯 全县投资3000万元。\n\n某县新建大棚40座\n\n关键词：扶贫 大棚"
    articles = extract_text(page)
    assert [(a.title, [(f.text, f.in_title) for p in a.paragraphs for f in p.facts]) for a in articles] == [
        (None, [("3000万元", False)]), ("某县新建大棚40座", [("40座", True)])]
    assert [a.title for a in extract_text("本报讯 全县投资3000万元。\n\n相关新闻\n\n关键词：扶贫 大棚")] == [None]
