"""Page layout: which blocks open stories, which are kickers, sub-heads, captions and bylines."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.pipeline import extract_text
from service.pipeline.layout import SENTENCE_MAX, layout, split_sentences

PAGE = "\n\n".join([
    "“一张图”强化产业支撑",                                     # kicker
    "某县做足脱贫“成色”",                                       # title (ends with a quote)
    "本报讯 时值数九,天寒地冻。走进某县某镇贫困户家,屋墙上挂着明白卡,全县投资3000万元。",
    "抓班子夯实战斗堡垒",                                       # a sub-head inside the story
    "全村157户462人,其中贫困户56户,村集体收入达到20万元,群众满意度不断提升。",
    "(张三 李四)",                                             # byline: the story ends
    "图为村民领取慰问品。王五 摄",                              # caption
    "县",                                                       # a one-character block is a headline, not a kicker
    "党建引领促发展 富民强村谱新篇",
    "——某县某村抓“三基建设”促脱贫攻坚纪实",
    "□ 路小飞",                                                 # byline under the headline opens the story
    "某村位于某镇,距离县城30公里,全村共有耕地170亩,村里发展了特色种植和养殖产业。",
])


def test_stories_titles_kickers_subtitles_and_bylines():
    articles = layout(PAGE)
    assert [(a.title, a.kicker, a.subtitle, a.byline) for a in articles] == [
        ("某县做足脱贫“成色”", "“一张图”强化产业支撑", None, "张三 李四"),
        ("党建引领促发展 富民强村谱新篇", "县", "某县某村抓“三基建设”促脱贫攻坚纪实", "路小飞"),
    ]
    first = articles[0]
    assert PAGE[first.start:].startswith("某县做足脱贫")
    assert PAGE[first.body_start:].startswith("本报讯")
    texts = [PAGE[p.start:p.end] for p in first.paragraphs]
    assert "抓班子夯实战斗堡垒" in texts
    assert not any("摄" in t for a in articles for t in (PAGE[p.start:p.end] for p in a.paragraphs))


def test_sentences_split_after_closing_punctuation():
    (article,) = layout("标题\n\n本报讯 第一句。第二句!“第三句。”第四句")
    (paragraph,) = article.paragraphs
    text = "本报讯 第一句。第二句!“第三句。”第四句"
    page = "标题\n\n" + text
    assert [page[s:e] for s, e in paragraph.sentences] == ["本报讯 第一句。", "第二句!", "“第三句。”", "第四句"]


def test_a_half_width_full_stop_between_words_ends_a_sentence_but_not_a_number():
    text = "已有1200多年的种植历史.至2019年底,种植面积达131.43万亩.全市……www.gov.cn"
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "已有1200多年的种植历史.", "至2019年底,种植面积达131.43万亩.", "全市……www.gov.cn"]


def test_a_story_without_a_headline_after_a_finished_one_is_a_fragment():
    page = "标题\n\n本报讯 正文第一段,内容很长很长很长很长很长很长很长很长。(张三)\n\n接着上文继续叙述的一段文字,内容很长很长很长很长很长很长。"
    articles = layout(page)
    assert [a.fragment for a in articles] == [False, True]


def test_a_story_cut_mid_sentence_is_joined_with_its_continuation():
    page = "\n\n".join([
        "某县结对帮扶",
        "本报讯 近日,两地举行了结对帮扶活动。活动的核心是向某县捐赠1000万元现金,帮助某县",
        "本报讯 5月12日,某县召开大会,部署卫生整治工作,各乡镇要统一思想。",
        "(张三 李四)",
        "脱贫攻坚以及经济社会发展各项工作的支持和帮助表示感谢,这是继续的文字。",
    ])
    first, second = layout(page)
    assert first.title == "某县结对帮扶" and not second.title
    assert first.continued_at == [page.index("脱贫攻坚以及")]
    assert [page[p.start:p.end][:6] for p in first.paragraphs] == ["本报讯 近日", "脱贫攻坚以及"]
    assert not second.fragment and second.byline == "张三 李四"


@given(st.text(alphabet="全县投资3000万元,，。 \n", max_size=3000))
def test_sentences_tile_the_text_and_stay_bounded(text):
    spans = split_sentences(text, 0, len(text))
    assert all(end - start <= SENTENCE_MAX for start, end in spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    covered = "".join(text[s:e] for s, e in spans)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_a_run_on_line_is_cut_after_clause_marks():
    line = "全县投资3000万元，" * 200
    spans = split_sentences(line, 0, len(line))
    assert len(spans) > 1 and all(line[s:e].endswith("，") for s, e in spans)
    assert "".join(line[s:e] for s, e in spans) == line


DATELINES = [
    ("2017-10-17 09:07:20 来源:临汾新闻网", "2017-10-17", "临汾新闻网"),
    ("2019年3月8日 来源：人民日报", "2019-03-08", "人民日报"),
    ("2019年3月8日 星期五", "2019-03-08", None),
    ("2020/6/18 08:30", "2020-06-18", None),
    ("发布时间：2019-05-06 10:21:33  来源：河南日报", "2019-05-06", "河南日报"),
    ("来源：人民网 | 2019年5月6日", "2019-05-06", "人民网"),
    ("2019年3月8日，记者来到某县某村，看到村民正在收获土豆。", None, None),  # a story's opening, not a date line
    ("05.11.2018  14:20", "2018-11-05", None),  # day, month, year, as some sites print it
    ("2019-07-21 08:15:02热度:88°C", "2019-07-21", None),  # a page counter after the date
    ("31.13.2018", None, None),  # no such month: not a date
    ("2020-12-03 15:22:53 作者: 十三五易地扶贫", "2020-12-03", None),  # a site's author field of no name
    ("2020-12-03 15:22:53 作者：张伟 来源：新华网", "2020-12-03", "新华网"),
    ("来源: 发布日期:2020-06-26浏览(10)人次 投稿收藏", "2020-06-26", None),  # empty source, counter, buttons
    ("发布时间:2021-04-01 10:52:09 审核编辑:本站小编下载该Word文档收藏本文", "2021-04-01", None),
    ("收藏本文，分享给朋友", None, None),  # buttons' words in a sentence: no meta line
    ("本文来源: 中国江苏网", None, "中国江苏网"),  # the source line a reprint prints
    ("- 发布时间:2014-08-25 01:31:22 来源:科技日报 责任编辑:罗伯特", "2014-08-25", "科技日报"),  # a list's dash before it
    ("《 人民日报 》( 2022年01月05日 14 版)", "2022-01-05", "《人民日报》"),  # a paper's name, date and page
]


def test_a_reprint_is_dated_by_the_paper_it_cites_at_its_foot():
    page = "某县扶贫车间\n\n本报讯 安平镇设立了7个扶贫车间，1000多名贫困人口将在附近就业。\n\n《人民日报》(2018年7月25日,第13版)"
    article = layout(page)[0]
    assert (article.date, article.source_name) == ("2018-07-25", "《人民日报》")


@pytest.mark.parametrize("line,date,source", DATELINES, ids=[d[0] for d in DATELINES])
def test_a_date_line_dates_the_page(line, date, source):
    page = "\n\n".join([line, "某县扶贫", "本报讯 全县投资3000万元,带动300户增收。"])
    article = layout(page)[0]
    assert (article.date, article.source_name) == (date, source)


REPORTS = [
    ("政府工作报告\n  ——2019年1月4日在某县第十六届人民代表大会第三次会议上\n  县长王某某\n  一、2018年工作回顾\n"
     "  过去一年，全县实现地区生产总值197.4亿元。", "2019-01-04"),
    ("政府工作报告\n（2018年12月26日在某县第十六届人民代表大会第四次会议上）\n\n2018年，全县实现生产总值109亿元。",
     "2018-12-26"),
    ("2019年某县人民政府工作报告\n——在某县第十七届人民代表大会第四次会议上县长王某某(2020年1月8日)\n"
     "各位代表：2019年，全县地方财政收入1.88亿元。", "2020-01-08"),
    ("某县扶贫\n\n2019年1月4日在某县召开会议，会上全县投资3000万元。", None),  # a story's opening, not the delivery line
    # a page that flattened title, delivery line and opening into one line: the delivery after the title's dash
    ("2019年某县人民政府工作报告(全文)——在某县第十七届人民代表大会第四次会议上县长王某某(2020年1月8日)各位代表:现在，"
     "我代表县人民政府向大会作工作报告。全县贫困人口减至887户。", "2020-01-08"),
]


@pytest.mark.parametrize("page,date", REPORTS, ids=[f"{i}-{r[1]}" for i, r in enumerate(REPORTS)])
def test_a_report_is_dated_by_the_day_it_was_delivered(page, date):
    assert (layout(page)[0].date, layout(page)[0].dated_by) == (date, "page" if date else None)


def test_a_web_page_title_and_meta_line_without_blank_lines():
    page = ("河南兰考：从“风沙口”到“致富路”\n发布时间：2019-05-06 10:21:33  来源：河南日报  作者：张伟\n\n"
            "　　兰考县位于河南省东部，曾是国家级贫困县。2018年实现产值150亿元。")
    [article] = layout(page)
    assert (article.title, article.date, article.source_name, article.byline) == \
        ("河南兰考：从“风沙口”到“致富路”", "2019-05-06", "河南日报", "张伟")
    assert page[article.body_start:].startswith("兰考县位于")


def test_a_story_that_jumps_picks_up_where_its_jump_line_says():
    page = "\n\n".join([
        "悬崖村搬进新家",
        "本报讯（记者 赵磊 通讯员 钱鹏）5月13日，84户贫困户搬进县城安置点。（下转第二版）",
        "产业发展带动增收",
        "本报讯 今年以来，某县发展马铃薯种植12万亩。",
        "（上接第一版）据了解，全州今年计划完成易地扶贫搬迁7.44万人。",
    ])
    first, second = layout(page)
    assert (first.title, first.byline, second.title) == ("悬崖村搬进新家", "赵磊 钱鹏", "产业发展带动增收")
    assert [page[p.start:p.end][:6] for p in first.paragraphs] == ["本报讯（记者", "（上接第一版"]
    assert first.continued_at == [page.index("（上接第一版）")]
    assert len(second.paragraphs) == 1


def test_photo_news_takes_its_credit_line_as_byline():
    page = "\n\n".join([
        "扶贫车间生产忙",
        "连日来,某公司积极复工复产,加紧生产。目前有80多名操作工人。",
        "陈平 摄",
        "图为村民领取慰问品。王五 摄",  # a caption with words is only a caption
    ])
    [article] = layout(page)
    assert (article.title, article.byline) == ("扶贫车间生产忙", "陈平")


def test_a_line_of_four_names_or_more_is_a_byline_not_a_title():
    page = "\n\n".join([
        "海南:特色产业摘贫帽 绿水青山助小康",
        "王庆芳 席秀琴 毛雷 枉源 于新怡",
        "近年来,5399个特色产业脱贫项目在海南落地,覆盖贫困人口122.75万人次。",
    ])
    [article] = layout(page)
    assert (article.title, article.byline) == ("海南:特色产业摘贫帽 绿水青山助小康", "王庆芳 席秀琴 毛雷 枉源 于新怡")
    assert layout("产业兴 百姓富 乡村美\n\n近年来,全县建成扶贫车间12个。")[0].title == "产业兴 百姓富 乡村美"


def test_a_headline_under_a_finished_untitled_story_is_its_title():
    page = "\n\n".join([
        "本报讯 2018年6月,某村建设容量为600千瓦的光伏电站投入运营。",
        "如今,光伏板沐浴着阳光,照亮脱贫摘帽的康庄大道。(任建忠 郭雪梅)",
        "某区:光伏产业“照亮”百姓脱贫路",     # printed under the story it belongs to
        "市供销合作社 开展春节慰问活动",
        "本报讯(记者 张小梅) 腊月寒冬,朔风凛凛,帮扶村却是暖意洋洋。",
    ])
    first, second = layout(page)
    assert (first.title, first.byline) == ("某区:光伏产业“照亮”百姓脱贫路", "任建忠 郭雪梅")
    assert first.start == page.index("某区:光伏") > first.body_start == 0
    assert (second.title, second.kicker, second.byline) == ("市供销合作社 开展春节慰问活动", None, "张小梅")


def test_a_heading_set_into_the_middle_of_its_story_and_one_printed_under_it():
    page = "\n\n".join([
        "本报讯 某县脱贫攻坚成效明显。",
        "(张三)",
        "采访某村贫困户高春花还有些难度。去年她住院治疗,住院不用像以前那样不压钱不让看,而",
        "“好政策让我们脱了贫”",
        "□ 杨应平",
        "且报销在出院当天就全部办理好了,自己仅花了700元。",
        "为平凡的坚守点赞",
        "——记某村第一书记郭建功",
        "□ 郭晋",
        "下一个栏目的标语",
    ])
    articles = layout(page)
    story = articles[1]
    assert (story.title, story.byline, story.fragment) == ("“好政策让我们脱了贫”", "杨应平", False)
    assert story.body_start == page.index("采访某村") < story.start == page.index("“好政策")
    assert [page[p.start:p.end][:2] for p in story.paragraphs] == ["采访", "且报"]
    # headings with no story under them and none above to take are kept, headings alone: their figures count
    assert [(a.title, a.byline, a.paragraphs) for a in articles[2:]] == [("为平凡的坚守点赞", "郭晋", []),
                                                                          ("下一个栏目的标语", None, [])]


def test_a_heading_printed_under_its_story_takes_that_story_back_from_the_one_above():
    page = "\n\n".join([
        "党建引领促发展",
        "——某县野则河村纪实",
        "□ 路小飞",
        "野则河村位于某镇,全村共有耕地170亩,村里发展了特色种植产业。",
        "村两委抓发展,通过会议研究,共为集体经济增收6万元。",
        "2016年,郭建功来到岔口村担任驻村第一书记,致力于脱贫攻坚工作。",
        "岔口村包含两个自然村,全村共207户616人。",
        "为平凡的坚守点赞",
        "——记岔口村第一书记郭建功",
        "□ 郭晋",
    ])
    above, story = layout(page)
    assert (story.title, story.byline) == ("为平凡的坚守点赞", "郭晋")
    assert story.body_start == page.index("2016年") < story.start
    assert [page[p.start:p.end][:2] for p in above.paragraphs] == ["野则", "村两"]
    assert above.end == page.index("6万元。") + 4


def test_the_body_starts_after_the_byline_under_the_headline():
    page = "\n\n".join(["党建引领促发展", "□ 路小飞", "野则河村位于某镇,全村共有耕地170亩。"])
    [article] = layout(page)
    assert article.body_start == page.index("野则河村")


PIECES = ["为平凡的坚守点赞", "——记岔口村第一书记郭建功", "□ 郭晋", "(张三 李四)", "陈平 摄", "图为村民。王五 摄",
          "本报讯（记者 赵磊）全县投资3000万元。", "岔口村全村共207户616人,郭建功任第一书记,", "且报销700元。",
          "（下转第二版）", "（上接第一版）据了解,全州搬迁7.44万人。", "发布时间：2019-05-06 10:21:33  来源：河南日报",
          "2019年3月8日 星期五", "在习近平新时代中国特色社会主义思想指引下 新时代新作为新篇章 弘扬吕梁精神 攻坚深度贫困"]


@given(st.lists(st.sampled_from(PIECES), max_size=25), st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n"]), min_size=25,
                                                                max_size=25))
def test_any_arrangement_of_page_parts_lays_out_into_disjoint_articles(pieces, breaks):
    page = "".join(piece + sep for piece, sep in zip(pieces, breaks))
    articles = layout(page)
    paragraphs = sorted((p.start, p.end) for a in articles for p in [*a.paragraphs, *a.captions])
    assert all(0 <= start < end <= len(page) for start, end in paragraphs)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(paragraphs, paragraphs[1:]))
    for article in articles:
        assert article.paragraphs or article.heading_spans or article.captions  # never a page dropped
        assert not article.paragraphs or article.body_start == article.paragraphs[0].start
        assert all(start < end for p in article.paragraphs[:1] for start, end in p.sentences)


BYLINES = [("□ 杨应平", "杨应平"), ("□ 新华社记者 柴海亮 吕梦琦 原勋", "柴海亮 吕梦琦 原勋"), ("本报记者 马丽", "马丽"),
           ("记者：张华", "张华"), ("文/图 王强", "王强"), ("文/何天文 李凡 汪军", "何天文 李凡 汪军"),
           ("◎李 彬(本刊记者)", "李 彬"), ("南方周末记者 张笛扬发自河南兰考", "张笛扬")]


@pytest.mark.parametrize("line,byline", BYLINES, ids=[b[0] for b in BYLINES])
def test_a_byline_line_under_the_headline(line, byline):
    page = "\n\n".join(["宁夏西海固：移民新村展新颜", line, "走进某村,一排排砖瓦房整齐划一,共安置移民群众856户。"])
    [article] = layout(page)
    assert (article.title, article.byline) == ("宁夏西海固：移民新村展新颜", byline)


CREDITED = [
    "责任编辑：张三\n今年全县投资1000万元，带动300户脱贫。",
    "编辑：刘一 校对：陈二\n今年全县投资1000万元，带动300户脱贫。",
    "今年全县投资1000万元，带动300户脱贫。\n（责任编辑：李四 王五）",
    "【责编：赵六】\n\n今年全县投资1000万元，带动300户脱贫。",
]


@pytest.mark.parametrize("page", CREDITED)
def test_an_editor_s_credit_line_never_takes_the_story_with_it(page):
    [article] = layout(page)
    body = [page[p.start:p.end] for p in article.paragraphs]
    assert body == ["今年全县投资1000万元，带动300户脱贫。"]


@pytest.mark.parametrize("title", ["某县扶贫车间开工", "某县扶贫车间开工,带动300人就业"])  # one comma between halves
def test_a_headline_typed_right_above_its_first_paragraph(title):
    page = f"{title}\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。"
    [article] = layout(page)
    assert article.title == title
    assert page[article.body_start:].startswith("今年，某县")


@pytest.mark.parametrize("page", [
    "今年全县投资1000万元带动贫困\n户300户脱贫。",            # hard-wrapped: the first line is the longest
    "全县今年投资1000万元，带动贫困户300户脱贫，群众\n满意度不断提升。",
    "全县今年，投资1000万元，带动\n贫困户300户脱贫，群众满意度不断提升。",  # two commas: no headline
])
def test_a_hard_wrapped_paragraph_keeps_its_first_line(page):
    [article] = layout(page)
    assert article.title is None and page[article.paragraphs[0].start:article.paragraphs[0].end] == page


def test_a_web_page_s_lines_that_end_a_sentence_are_paragraphs():
    page = "某县扶贫车间开工\n2012年，某县建成车间12个。\n近日，全县带动就业300人，人均\n增收2000元。\n\n记者 王强"
    [article] = layout(page)
    assert [page[p.start:p.end] for p in article.paragraphs] == [
        "2012年，某县建成车间12个。", "近日，全县带动就业300人，人均\n增收2000元。"]
    assert [p.follows_on for p in article.paragraphs] == [False, True]


def test_a_year_in_the_line_above_does_not_date_a_web_page_s_paragraph():
    page = "助学\n\n发布时间：2017-09-04\n2012年，晋江市筹资178万元。\n近日，晋江市发放助学金22.2万元。"
    years = {f.text: (f.year, f.year_rule) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert years == {"178万元": (2012, "sentence_opening_time"), "22.2万元": (2017, "year_of_page")}


CHROME = [
    "当前位置：首页 > 新闻 > 正文\n某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "首页>地方>扶贫\n某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n字号：大 中 小 | 打印 |\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n扫一扫在手机打开当前页",
    "资讯|滚动| 上海| 社会| 国内\n\n某县扶贫车间开工\n\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n\n字号变大| 字号变小\n\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n来源:\n【打印文本】\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "5034\n\n某县扶贫车间开工\n\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "本篇文章512字,读完约2分钟\n某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n(来源:网站编辑 2020-04-12 17:20)\n文章正文\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n\n2010年10月15日14:53 | 中国发展门户网 www.chinagate.cn | 给编辑写信 字号:T|T\n\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "2019-02-12 第06版:六版\n某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n"
    "评论一下\n评论 0人参与,0条评论\n还没有评论,快来抢沙发吧!",
    "某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n查看详细>>\n发表评论\n"
    "已有0条评论,共10174人参与",
    "切换到宽版\n  • 1752阅读\n  • 4回复\n\n某县扶贫车间开工\n\n上一主题 下一主题\n \n只看楼主 倒序阅读 0 发表于: 2018-10-23\n\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n    2021-01-12 10:19:00  来源:人民日报  作者:温素威\n    1\n\n    乡村干部报网\n    微信公众号\n\n"
    "    乡村干部报网\n    官方微博\n\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "close\n\n某县扶贫车间开工\n\n 《小康》 ● 中国小康网   2018-07-16 10:51:22\n\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\narrow",
    "上一主题 下一主题\n离线admin\n \n\n只看楼主 倒序阅读 0 发表于: 2002-01-27\n第2版(要闻)\n专栏:\n\n  某县扶贫车间开工\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n快速回复\n限200 字节\n \n上一个 下一个",
    "X扫一扫,关注吃喝微信订阅号\n\n吃喝玩乐网官方微信订阅号:\n\n查看: 3934|回复: 36\n\n某县扶贫车间开工\n\n \nUID 467436\n"
    "发表于 2020-2-21 09:45 | 显示全部楼层 来自: 四川省 移动数据上网公共出口\n\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n\n63d0f703918fa0ec9afa8c3ea26b65e83c6ddbc3.jpg",
    "某县扶贫车间开工\n\n2017-12-02 09:59IP属地 陕西渭南5790西部网\n广告\n广告\n\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "中乡网\n\n热门关键词:  杏林镇  怀远县  莲花寺  请输入关键词  龙扬镇\n\n某县扶贫车间开工\n\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n| 当前新闻共有0条评论 | 分享到: |",
    "某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n已有0人发表了评论",
    "今日某县>新闻>某县扶贫车间开工\n\n某县扶贫车间开工\n\n  发布时间:2019-09-29 22:10来源: 作者:\n"
    "今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。",
    "某县扶贫车间开工\n今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。\n电话:(香港)852-2564 0768\n"
    "(深圳)86-755-83518792 83518734\n地址:香港九龙观塘道332号",
]


@pytest.mark.parametrize("page", CHROME)
def test_a_web_page_s_breadcrumb_and_toolbar_never_title_a_story(page):
    [article] = layout(page)
    assert article.title == "某县扶贫车间开工"
    assert [page[p.start:p.end] for p in article.paragraphs] == ["今年，某县建成扶贫车间12个。全县带动就业300人，人均增收2000元。"]


@pytest.mark.parametrize("marker", ["新闻推荐", "相关阅读", "相关链接:", "最新新闻", "| 24小时新闻排行榜 | 更多>> |",
                                    "更多 24小时排行榜"])
def test_a_list_of_other_stories_ends_the_story_above_it(marker):
    page = f"某县扶贫车间开工\n今年，某县建成扶贫车间12个。\n{marker}\n记者日前到北方某县采访，驱车百余公里。"
    first, *teasers = layout(page)
    assert first.title == "某县扶贫车间开工"
    assert [page[p.start:p.end] for p in first.paragraphs] == ["今年，某县建成扶贫车间12个。"]
    assert [page[p.start:p.end] for a in teasers for p in a.paragraphs] == ["记者日前到北方某县采访，驱车百余公里。"]


def test_a_story_that_opens_with_the_word_of_a_toolbar_is_still_a_story():
    page = "字号老店年销售额达500万元，带动100户增收。"
    [article] = layout(page)
    assert [page[p.start:p.end] for p in article.paragraphs] == [page]


def test_a_line_ending_in_the_photo_s_date_in_brackets_is_a_caption():
    page = ("直面贫困角落\n本文来源: 中国江苏网\n美姑县马依村的几名孩子站在村里的一处空地上(3月25日摄)。\n"
            "国家统计局数据显示，目前全国农村尚有7017万贫困人口。")
    [article] = layout(page)
    assert [page[c.start:c.end] for c in article.captions] == ["美姑县马依村的几名孩子站在村里的一处空地上(3月25日摄)。"]
    assert [page[p.start:p.end] for p in article.paragraphs] == ["国家统计局数据显示，目前全国农村尚有7017万贫困人口。"]


def test_a_dated_caption_with_the_agency_s_credit_after_it_is_a_caption():
    page = ("南疆巨变\n2019年，全县减少贫困人口2万人。\n在泽普县桐安乡，搬迁户在新居中聊天(8月16日摄)。新华社记者丁磊摄\n"
            "坐在客厅里，60岁的老人讲起以前的苦日子。")
    [article] = layout(page)
    assert [page[c.start:c.end] for c in article.captions] == ["在泽普县桐安乡，搬迁户在新居中聊天(8月16日摄)。新华社记者丁磊摄"]
    assert [page[p.start:p.end] for p in article.paragraphs][-1] == "坐在客厅里，60岁的老人讲起以前的苦日子。"


@pytest.mark.parametrize("caption", [
    "拼版照片上图：独龙族群众通过藤篾桥出行（资料照片）；下图：独龙江乡的新桥（2020年10月29日摄，无人机照片）。新华社发",
    "上图为村里新建的安置点，下图为村民的老房子。",
    "村民在茶园里采摘春茶。（刘生锋 摄）",
])
def test_a_line_that_points_at_a_picture_or_ends_with_its_credit_is_a_caption(caption):
    page = f"下山记\n怒江州26.96万贫困人口全部脱贫。\n{caption}\n在棉谷村住了近30年，她第一个搬了家。"
    [article] = layout(page)
    assert [page[c.start:c.end] for c in article.captions] == [caption]
    assert [page[p.start:p.end] for p in article.paragraphs][-1] == "在棉谷村住了近30年，她第一个搬了家。"


@pytest.mark.parametrize("page, title, paragraph", [
    # a byline line typed right above the headline is a block of its own
    ("湖北日报全媒记者 彭磊 通讯员 李理\n特别的“考题”\n1000多户贫困户，贷款1.1亿元，能如期还上吗？潜江市扶贫办说。",
     "特别的“考题”", "1000多户贫困户，贷款1.1亿元，能如期还上吗？潜江市扶贫办说。"),
    # a headline of two parts meeting at an exclamation mark
    ("财政厅下达补助资金172.94亿元！四川50个重点帮扶县获单独补助\n近日，财政厅提前下达2023年衔接推进乡村振兴补助资金172.94亿元。",
     "财政厅下达补助资金172.94亿元！四川50个重点帮扶县获单独补助", "近日，财政厅提前下达2023年衔接推进乡村振兴补助资金172.94亿元。"),
])
def test_the_line_above_a_web_story_is_its_title(page, title, paragraph):
    [article] = layout(page)
    assert article.title == title
    assert [page[p.start:p.end] for p in article.paragraphs] == [paragraph]


def test_a_web_page_sub_heading_is_a_paragraph_of_its_own():
    page = ("吉林汪清：小木耳长成大产业\n新华社长春5月18日电 位于长白山脚下的吉林省汪清县是刚刚摘帽的国家级扶贫开发重点县。\n"
            "“小木耳”带动1万多人脱贫\n在汪清县鸡冠乡大北沟村，红鸡冠黑木耳专业农场里整齐摆放的菌包上，一朵朵木耳冒出。\n")
    [article] = layout(page)
    assert [page[p.start:p.end] for p in article.paragraphs][1:] == \
        ["“小木耳”带动1万多人脱贫", "在汪清县鸡冠乡大北沟村，红鸡冠黑木耳专业农场里整齐摆放的菌包上，一朵朵木耳冒出。"]


def test_a_hard_wrapped_line_still_runs_on_into_the_next():
    page = "某县扶贫\n\n本报讯 全县今年共投入\n扶贫资金3000万元，带动\n贫困户1545户增收。"
    [article] = layout(page)
    assert [page[p.start:p.end] for p in article.paragraphs] == ["本报讯 全县今年共投入\n扶贫资金3000万元，带动\n贫困户1545户增收。"]
