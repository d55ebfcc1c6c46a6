"""The pipeline is the list STAGES, run in order; only its last stage maps spans back to the raw text."""
import dataclasses
import inspect

import pytest

from service.pipeline import STAGES, extract_text
from service.pipeline.stages import Page, run_stages

PAGE = "临县扶贫\n\n本报讯 2019年，臨縣投資(zī)1000萬元，建成大棚40座。"


def test_the_stages_in_order_each_saying_what_it_adds():
    assert [name for name, _ in STAGES] == ["normalise", "layout", "quantities", "places", "years", "measures",
                                            "indicators", "headlines", "map back"]
    for _, stage in STAGES:
        assert stage.__doc__ and stage.__doc__.strip()


def test_only_the_last_stage_turns_spans_into_raw_offsets():
    for name, stage in STAGES:
        assert ("raw_span" in inspect.getsource(stage)) == (name == "map back"), name


def test_each_stage_adds_its_layer_to_the_page():
    page = Page(PAGE)
    seen = []
    for name, stage in STAGES:
        stage(page)
        seen.append((name, page.doc is not None, bool(page.stories), bool(page.mentions), page.records != []))
    assert seen[0] == ("normalise", True, False, False, False)
    assert seen[2] == ("quantities", True, True, True, False)
    assert seen[-1] == ("map back", True, True, True, True)
    assert [(m.quantity.text, m.place.name, m.year) for m in page.mentions] == [("1000万元", "临县", 2019),
                                                                                 ("40座", "临县", 2019)]


def test_records_are_frozen_and_quote_the_raw_text():
    article = extract_text(PAGE)[0]
    heading, body = article.paragraphs
    assert (heading.kind, PAGE[heading.start:heading.end], heading.facts) == ("heading", "临县扶贫", [])
    fact = body.facts[0]
    assert PAGE[fact.start:fact.end] == fact.text == "1000萬元"
    for record in (article, body, fact, article.place):
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.start = 0


def test_a_headline_s_figures_are_facts_of_its_heading_paragraph():
    page = "平遥县12家企业捐资200万元\n\n本报讯 近日，平遥县12家企业向贫困村捐资200万元。"
    article = extract_text(page)[0]
    assert [(p.kind, [f.text for f in p.facts]) for p in article.paragraphs] == [
        ("heading", ["12家", "200万元"]), ("body", ["12家", "200万元"])]
    assert {f.place for p in article.paragraphs for f in p.facts} == {"平遥县"}


@pytest.mark.parametrize("page", [
    "平遥县扶贫\n\n本报讯 今年全县投资1000万元。\n\n图为村民在大棚里采摘，全村建成大棚200座。王强 摄\n\n全县脱贫300户。",
    "平遥县扶贫\n\n图为村民在大棚里采摘，全村建成大棚200座。王强 摄\n\n本报讯 今年全县投资1000万元。全县脱贫300户。",
])
def test_a_photo_caption_s_figures_are_facts_of_a_caption_paragraph(page):
    [article] = extract_text(page)
    kinds = {f.text: p.kind for p in article.paragraphs for f in p.facts}
    assert kinds == {"1000万元": "body", "200座": "caption", "300户": "body"}
    assert article.title == "平遥县扶贫" and article.byline is None


def test_a_page_of_one_long_caption_keeps_its_figures():
    page = "据介绍，东乡族自治县贫困人口从2013年底的10.92万人减少到2019年底的1.28万人。新华社记者 范培珅 摄"
    assert [f.text for a in extract_text(page) for p in a.paragraphs for f in p.facts] == ["10.92万人", "1.28万人"]


def test_a_headline_figure_restated_in_the_body_takes_the_body_s_place_and_year():
    page = "12家企业捐资200万元\n\n本报讯 2018年，平遥县12家企业向贫困村捐资200万元。今年再捐30万元。"
    heading, body = extract_text(page, "2019-03-01")[0].paragraphs
    assert [(f.text, f.place, f.year, f.year_rule) for f in heading.facts] == [
        ("12家", "平遥县", 2018, "restated_in_body"), ("200万元", "平遥县", 2018, "restated_in_body")]
    assert heading.facts[0].place_rule == "restated_in_body"


def test_a_year_the_headline_writes_with_its_figure_stays_when_the_body_restates_it():
    page = "仪陇2017年发放助学金8787万元\n\n本报讯 仪陇县今年累计发放各类助学资金8787万元，资助学生52350人次。"
    heading = extract_text(page)[0].paragraphs[0]
    assert [(f.text, f.place, f.year, f.place_rule, f.year_rule) for f in heading.facts] == [
        ("8787万元", "仪陇县", 2017, "restated_in_body", "year_in_clause")]


CUT_BY_A_HEADLINE = ("去年五月，村民王芳住院治疗，她没有想到服务这么周到。住院不用先交押金，而\n\n"
                     "好政策暖人心\n\n□ 李明\n\n且报销当天办好，住院费用花了2万多元。\n\n"
                     "全村今年种植红薯300亩。")


def test_a_paragraph_cut_by_a_headline_reads_its_years_from_where_it_began():
    facts = [f for article in run_stages(CUT_BY_A_HEADLINE, published="2019-03-01")
             for paragraph in article.paragraphs for f in paragraph.facts]
    assert [(f.text, f.year, f.year_rule) for f in facts] == [("2万多元", 2018, "earlier_sentence_time"),
                                                              ("300亩", 2019, "relative_year_since_last_year")]
