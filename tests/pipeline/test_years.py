"""Year rules, one table row or more each: (sentence, the mention, page year, year, rule that gives it).

Sentences are written for these tests from the patterns of Chinese reporting, not taken from the seeds.
"""
import re
from pathlib import Path

import pytest

from service.pipeline import extract_text
from service.pipeline.layout import split_sentences
from service.pipeline.years import YEAR_RULES, resolve_year_why, section_year, speaks_of_a_time

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")

YEARS = [
    # the period in brackets after a title is the document's, not the figure's
    ("在2011年，《农村扶贫开发纲要》(2011—2020年)将5个乡镇81个贫困村列入规划", "81个", 2014, 2011, "sentence_opening_time"),
    ("《农村扶贫开发纲要》(2011—2020年)将81个贫困村列入规划", "81个", 2014, 2014, "year_of_page"),
    ("2019年全乡新修道路12公里", "12公里", 2021, 2019, "year_in_clause"),
    ("2017、2018两年全县累计投入资金500万元", "500万元", 2019, 2018, "year_in_clause"),  # two years, the last without 年
    ("过去的一年，全县新建大棚200座", "200座", 2020, 2019, "relative_year_since_last_year"),  # the year just past
    ("过去一年四季都穿一件皮袄，65岁的马志祥说", "65岁", 2017, 2017, "year_of_page"),  # 一年四季: all year round
    ("三年前，全村有贫困户40户", "40户", 2020, 2017, "relative_year_since_last_year"),  # counted back from the page
    ("十三年前，全村有贫困户50户", "50户", 2020, 2020, "year_of_page"),  # not 三年前 inside 十三年前
    ("黄连村总人口558户，2015年以前，800多人在外务工", "800多人", None, None, None),  # before that year, not in it
    ("贫困发生率由2015年的8.2%降至0.5%", "0.5%", 2020, 2020, "year_of_page"),
    ("目前，移民年人均纯收入已由搬迁前的不足500元上升到5000元以上", "500元", 2015, None, "change_start_value"),
    ("2020年9月，剩余贫困人口全部脱贫，贫困发生率由1.33%下降为零", "1.33%", 2020, None, "change_start_value"),
    ("2016年茶青价格从原来的2.4元增加到10元，每亩茶园收入从2000多元增加到6000元", "2000多元", 2017, None,
     "change_start_value"),  # a change's start, not of the year the sentence opens with
    ("自2016年以来累计投入资金8000万元", "8000万元", 2020, 2020, "year_in_clause"),
    ("自2015年被确定为示范县以来，已建成服务点232个", "232个", None, None, None),  # since then, on a page of no year
    # a change written without years after one between two years runs between the same
    ("贫困人口从2013年底的10.92万人减少到2019年底的1.28万人，贫困发生率从38.74%下降到4.25%", "38.74%", 2020, 2013,
     "parallel_change"),
    ("贫困人口从2013年底的10.92万人减少到2019年底的1.28万人，贫困发生率从38.74%下降到4.25%", "4.25%", 2020, 2019,
     "parallel_change"),
    ("贫困人口从2013年末的346万人减至目前的50.9万人，贫困发生率从9.2%下降至1.38%", "9.2%", 2019, 2013,
     "parallel_change"),
    ("贫困人口从2013年末的346万人减至目前的50.9万人，贫困发生率从9.2%下降至1.38%", "1.38%", 2019, 2019,
     "parallel_change"),
    ("贫困人口从2013年底的346万人减至9.6万人，贫困发生率从9.21%降至0.27%", "9.21%", 2020, 2013, "parallel_change"),
    ("贫困人口从2013年底的346万人减至9.6万人，贫困发生率从9.21%降至0.27%", "0.27%", 2020, 2020, "year_of_page"),
    ("2011年收入6920元；到了2012年收入升至7938元，茶农收入提高到3752.3元", "3752.3元", None, 2012, "clause_opening_time"),
    ("比2017年增加了300户", "300户", 2019, 2019, "year_of_page"),
    ("就业规模459.4万人，超过2021年全年水平", "459.4万人", 2022, 2022, "year_of_page"),  # a year compared with
    ("2013年贫困发生率是8.79%，如今53个贫困县清零", "53个", 2020, 2020, "now_since_last_year"),
    ("2013年贫困发生率是8.79%，如今53个贫困县清零", "53个", None, None, None),  # now, not then
    ("合作社现在已有社员85户", "85户", 2018, 2018, "now_since_last_year"),
    ("上月全县新增就业岗位300个", "300个", 2019, 2019, "last_month"),
    ("上个月，合作社分红8万元", "8万元", 2020, 2020, "last_month"),
    ("比上月增加就业岗位300个", "300个", 2019, 2019, "year_of_page"),
    ("全镇目前共有光伏电站6座", "6座", 2019, 2019, "now_since_last_year"),
    # a five-year plan's period dates its figures to the plan's last year; not the plan's name, nor 以来
    ("“十三五”期间，四川省136.05万建档立卡贫困人口搬进了新家园", "136.05万", 2021, 2020, "five_year_plan"),
    ("十一五期间，全省共投入财政扶贫资金85.6亿元", "85.6亿元", None, 2010, "five_year_plan"),
    ("黔西南州2018年度156297人搬迁入住，标志着“十三五”期间338506人搬迁入住任务提前完成", "338506人", 2019, 2020,
     "five_year_plan"),
    ("编制了《“十三五”易地扶贫搬迁规划》，全省已有58万贫困人口实现搬迁", "58万", 2017, 2017, "year_of_page"),
    ("“十三五”期间计划搬迁5万人，2017年已搬迁3万人", "3万人", 2018, 2017, "year_in_clause"),
    ("自省联社出台《十三五期间金融扶贫工作计划》以来，该行已累计发放贷款20177万元", "20177万元", 2017, 2017, "year_of_page"),
    ("2018年，村里建成加工厂，目前已形成产业链，预计年收益2万元", "2万元", 2020, 2020, "now_since_last_year"),
    ("目前，2016年建成的电站年发电60万度", "60万度", 2019, 2016, "year_in_clause"),
    ("2019年，全村集体收入30万元，预计今年达到50万元", "50万元", 2020, 2020, "relative_year_since_last_year"),
    ("2019年，全村集体收入30万元，预计今年达到50万元", "30万元", 2020, 2019, "sentence_opening_time"),
    ("2019年，全村集体收入30万元，预计今年收入50万元，其中茶叶占60%", "60%", 2020, 2020,
     "relative_year_since_last_year"),
    ("今年2018年的标准提高到3000元", "3000元", 2019, 2018, "year_in_clause"),
    ("至2022年，全县人均收入达到1.5万元", "1.5万元", 2018, 2022, "sentence_opening_time"),
    ("人均收入由搬迁前的不足800元增加到6000元", "800元", 2021, None, "change_start_value"),
    ("人均收入由搬迁前的不足800元增加到6000元", "6000元", 2021, 2021, "year_of_page"),
    ("贫困发生率由2016年的9.1%降至0.6%", "9.1%", 2020, 2016, "year_in_clause"),
    ("收入占比由2010年的20%提高到现在的45%，户均增收2万元", "户均增收2万元"[4:], 2019, 2019, "now_since_last_year"),
    ("2017年底，全县贫困人口减少到1200人", "1200人", 2019, 2017, "sentence_opening_time"),
    ("2016年12月29日，该安置点共安置贫困户46户", "46户", None, 2016, "sentence_opening_time"),  # a full date
    # a later clause before the number opens with a year of its own: that one
    ("2016年9月，茶园被评为最美茶园，2019年全村32家农家乐，接待游客2.5万人次", "2.5万人次", 2020, 2019,
     "clause_opening_time"),
    ("刚刚过去的2018年是脱贫关键之年，全县减贫5000人", "5000人", None, 2018, "sentence_opening_time"),
    ("预计到2022年，全县茶园面积将达到3万亩", "3万亩", 2020, 2022, "sentence_opening_time"),
    ("该县2016年扶贫工作报告显示：全年投入专项资金1500万元", "1500万元", 2017, 2016, "colon_introduction"),
    ("全县上下齐心协力，截至2019年底，已搬迁安置400户", "400户", 2020, 2019, "clause_opening_time"),
    ("2014年10月成立酒厂，仅2017年就卖掉3万多斤，纯收入7万余元", "7万余元", 2019, 2017, "clause_opening_time"),
    ("从2014年到2018年，全市累计培训劳动力2万人次", "2万人次", 2019, 2018, "clause_opening_time"),
    ("去年全村人均收入增加1800元", "1800元", 2021, 2020, "relative_year_since_last_year"),
    # a year compared with (比2017年) does not stop 去年 from dating what follows it
    ("去年，全县农村人均纯收入达10700元，比2017年增长11%", "11%", 2019, 2018, "relative_year_since_last_year"),
    ("今年新建蔬菜大棚60座", "60座", 2019, 2019, "relative_year_since_last_year"),
    ("去年，全村人均收入增加1800元", "1800元", 2021, 2020, "relative_year_since_last_year"),
    ("去年以来，全县发放小额信贷3000万元", "3000万元", 2018, 2018, "relative_year_since_last_year"),
    ("比去年增长12%", "12%", 2018, 2018, "year_of_page"),
    ("2015年，全村有贫困户31户，经过三年帮扶，已有27户脱贫", "27户", 2020, 2018, "sentence_opening_time"),
    ("2015年，全村有贫困户31户，经过三年帮扶，已有27户脱贫", "31户", 2020, 2015, "sentence_opening_time"),
    ("2016年，全村种植果树300亩，三年后亩产达到2000斤", "2000斤", 2020, 2019, "sentence_opening_time"),
    ("电站建成后，截至2019年6月底，累计发电30万度", "30万度", 2020, 2019, "clause_opening_time"),
    ("2017年与邻县12个村结对帮扶以来，累计投入资金500万元", "12个", 2019, 2017, "year_in_clause"),
    ("2017年与邻县12个村结对帮扶以来，累计投入资金500万元", "500万元", 2019, 2019, "clause_opening_time"),
    ("全年销售农产品3.5亿元，是2019年的1.4倍", "3.5亿元", 2020, 2020, "year_of_page"),
    ("全年销售农产品3.5亿元，是2019年的1.4倍", "1.4倍", 2020, 2020, "year_of_page"),
    ("收入是2016年同期的两倍多，达到4万元", "4万元", 2018, 2018, "year_of_page"),
    ("总投资450万元，于2016年建成投产", "450万元", 2019, 2016, "year_later_in_sentence"),
    ("黄连村总人口558户，2016年，全村共有低收入困难户145户", "558户", 2018, 2018, "year_of_page"),  # 2016年， heads its clause
    ("黄连村总人口558户，2016年，全村共有低收入困难户145户", "145户", 2018, 2016, "clause_opening_time"),
    ("2019年脱贫6户18人，全村现有9户34人未脱贫", "9户", 2020, 2020, "now_since_last_year"),  # 现有: now
    # a span that runs until now leaves the year a clause opened with behind
    ("2013年底全乡有建档立卡贫困户1024户，四年来累计减贫282户", "282户", 2018, 2018, "year_of_page"),
    ("2013年底全乡有建档立卡贫困户1024户，四年来累计减贫282户", "1024户", 2018, 2013, "year_in_clause"),
    # a year opening a later clause with figures of its own dates those, not the numbers before it
    ("乡镇有42个，芒果成为9.5万农户的主要收入来源，2015年果农人均纯收入高达6420元", "42个", 2017, 2017, "year_of_page"),
    ("乡镇有42个，芒果成为9.5万农户的主要收入来源，2015年果农人均纯收入高达6420元", "6420元", 2017, 2015,
     "year_in_clause"),
    ("全村共有耕地2100亩", "2100亩", 2017, 2017, "year_of_page"),
    ("全村共有耕地2100亩", "2100亩", None, None, None),
    ("为解决饮水问题，2017年、2018年分两批实施工程，免费为120户安装净水设备", "120户", 2019, 2018,
     "clause_opening_time"),
    ("2015年、2016年建设的86座电站已全部并网，另有5座正在建设", "5座", 2017, 2017, "year_of_page"),
    ("全区2018年投入的33.4亿元扶贫资金中，南部四地州占92.3%", "92.3%", 2019, 2018, "year_earlier_in_sentence"),
    ("2021年末，全市监测对象16369户，占2020年末脱贫人口总数的13.99%", "13.99%", 2022, 2021, "sentence_opening_time"),
    ("截至去年12月，全县贫困村由2017年底的64个减至19个", "19个", 2019, 2018, "relative_year_since_last_year"),
    ("截至去年12月，全县贫困村由2017年底的64个减至19个", "64个", 2019, 2017, "year_in_clause"),
    ("目前，全县贫困发生率由2014年的10.3%降至1.2%", "1.2%", 2019, 2019, "now_since_last_year"),
    ("组织开展2022年生态护林员选聘工作，完成826名生态护林员聘用工作", "826名", 2023, 2022, "year_earlier_in_sentence"),
    ("2016年至今已累计投入产业扶贫资金263.44亿元，实施产业扶贫项目2069个", "2069个", 2018, 2018,
     "year_earlier_in_sentence"),  # 至今: from then until now
    ("2016年至今已累计投入产业扶贫资金263.44亿元", "263.44亿元", 2018, 2018, "year_in_clause"),
    # a year heading a later clause of its own, after its subject, and the years of the items after it, are theirs
    ("全省曾有56个贫困县，经过多年努力，陕西2017年实现4个县摘帽、2018年实现23个县摘帽、2019年作为关键一年，剩余29个全部摘帽",
     "56个", 2020, 2020, "year_of_page"),
    ("全县有贫困户1000户，全县2016年脱贫300户", "1000户", 2018, 2018, "year_of_page"),
    # a year a change arrives at dates what follows it, not the year it was compared with
    ("地区生产总值从1985年的5534万元增加到2023年的60.87亿元，较1985年增长109倍", "109倍", 2024, 2023,
     "year_earlier_in_sentence"),
]

# (paragraph, the mention, page year, year, rule): the rules that read the sentences before the number's own
PARAGRAPH_YEARS = [
    ("1947年,李新安建起了洛川县第一块果园。时至今日,洛川苹果总面积达到53万亩。", "53万亩", 2020, 2020, "now_since_last_year"),
    ("2016年，全县完成技能培训3100人次。依托培训，带动1.2万人就业。", "1.2万人", 2017, 2016, "earlier_sentence_time"),
    ("一年前，工作队决定在村里种植西瓜。当年，2亩西瓜销售收入2万余元。", "2亩", 2020, 2019, "earlier_sentence_time"),
    ("2014年，全县还有贫困人口77350人。3年后，兰考的贫困发生率降至1.27%。", "1.27%", 2020, 2017, "earlier_sentence_time"),
    ("2014年，全县还有贫困人口77350人。次年，全县投入资金5000万元。", "5000万元", 2020, 2015, "earlier_sentence_time"),
    ("【金融精准扶贫】 2020年，永州市累计发放扶贫小额信贷38.58亿元。扶贫开发贷款15.98亿元。", "15.98亿元", None, 2020,
     "earlier_sentence_time"),  # a yearbook entry's label before the year the paragraph opens with
    ("1996年，闽宁镇开始建设。6万多名农民陆续搬入闽宁镇。", "6万多名", 2018, 2018, "year_of_page"),  # one after another
    ("去年五月，她住院治疗。住院费用花了2万多元。", "2万多元", 2019, 2018, "earlier_sentence_time"),
    ("据了解，去年，全县中药产业总产值60亿元。其中，蕲艾种植面积8.7万亩。", "8.7万亩", 2017, 2016, "earlier_sentence_time"),
    ("据统计，2021年，37家中央单位选派干部120人。累计投入帮扶资金15.36亿元。", "15.36亿元", 2022, 2021,
     "earlier_sentence_time"),
    ("乡政府2018年工作总结显示：全乡新建大棚40座。村集体收入达到12万元。", "12万元", 2019, 2018,
     "earlier_sentence_time"),
    ("“十三五”期间，我县共实施易地扶贫搬迁5347户。累计新建安置房4901套。", "4901套", None, 2020, "earlier_sentence_time"),
    ("张家川县2014年易地扶贫搬迁工程共涉及911户。此次审查为第二批，涉及368户2193人。", "368户", None, 2014,
     "earlier_sentence_time"),  # a place's year, right after it as the sentence's subject
    ("张家川县2014年以来共搬迁911户。此次审查为第二批，涉及368户2193人。", "368户", None, None, None),  # since then
    ("2013-2016年全县农民收入年均增长12.8%。其中，重点村人均收入8355元。", "8355元", None, 2016, "earlier_sentence_time"),
    ("2016年，全县苹果面积达到20万亩。先后建成村级光伏电站60个。", "60个", 2017, 2017, "year_of_page"),
    ("2016年，全县苹果面积达到20万亩。先后建成村级光伏电站60个。收益的60%用于扶贫。", "60%", 2017, 2017,
     "year_of_page"),
    ("2017年，村里实施了饮水工程。三年来，共搬迁54户。", "54户", 2019, 2019, "year_of_page"),
    ("2017年，村里实施了饮水工程。目前，全村共有合作社5个。全村脱贫120人。", "120人", 2019, 2019, "year_of_page"),
    ("全村种植红薯300亩，比2016年增加一倍。亩产提高到5000斤。", "5000斤", 2018, 2018, "year_of_page"),
    # a report read out in 2018: its section heading dates what it reviews
    ("一、2017年工作回顾\n一年来，全县经济平稳发展。预计全年完成地区生产总值65.8亿元。", "65.8亿元", 2018, 2017,
     "section_heading_year"),
    ("二、2018年工作安排\n全年计划新建大棚400座。", "400座", None, 2018, "section_heading_year"),
]


@pytest.mark.parametrize("sentence,mention,page,year,rule", YEARS, ids=[f"{r[0]}|{r[2]}" for r in YEARS])
def test_year_rules(sentence, mention, page, year, rule):
    assert resolve_year_why(sentence, sentence.index(mention), page) == (year, rule)


@pytest.mark.parametrize("paragraph,mention,page,year,rule", PARAGRAPH_YEARS,
                         ids=[f"{r[0]}|{r[1]}" for r in PARAGRAPH_YEARS])
def test_year_rules_reading_the_paragraph(paragraph, mention, page, year, rule):
    at = paragraph.index(mention)
    spans = split_sentences(paragraph, 0, len(paragraph))
    index = next(i for i, (s, e) in enumerate(spans) if s <= at < e)
    timed = [paragraph[s:e] for s, e in spans[:index] if speaks_of_a_time(paragraph[s:e])]
    sections = [section_year(paragraph[s:e]) for s, e in spans[:index] if section_year(paragraph[s:e])]
    start, end = spans[index]
    assert resolve_year_why(paragraph[start:end], at - start, page, timed[-1] if timed else None,
                            section=sections[-1] if sections else None) == (year, rule)


def test_a_paragraph_that_opens_with_years_passing_moves_on_from_the_paragraph_before():
    page = ("兰考脱贫\n\n本报讯 2014年，兰考县还有贫困人口77350人，贫困发生率为10.2%。\n"
            "3年后，兰考的贫困发生率降至1.27%，达到了脱贫要求。\n全县新建道路300公里。")
    facts = {f.text: f for a in extract_text(page, "2020-05-21") for p in a.paragraphs for f in p.facts}
    assert (facts["1.27%"].year, facts["1.27%"].year_rule) == (2017, "earlier_sentence_time")
    assert facts["300公里"].year == 2020  # a paragraph that does not move on starts afresh


def test_every_rule_has_a_docstring_and_a_table_row():
    for rule in YEAR_RULES:
        assert rule.__doc__ and rule.__doc__.strip(), rule.__name__
    assert {r.__name__ for r in YEAR_RULES} == {row[4] for row in YEARS + PARAGRAPH_YEARS if row[4]}


def test_a_year_written_later_is_not_taken_from_the_start_of_a_change():
    sentence = "占农村人口的三分之一，比重由2000年的20%增加到40%"
    assert resolve_year_why(sentence, sentence.index("三分之一"), 2017) == (2017, "year_of_page")


def test_the_readme_lists_the_year_rules_in_order():
    block = re.search(r"<!-- year rules:.*?-->\n(.*?)\n<!-- /year rules -->", README, re.S)
    expected = "\n".join(f"{i}. `{r.__name__}`: {r.__doc__.strip()}" for i, r in enumerate(YEAR_RULES, 1))
    assert block is not None and block.group(1) == expected, "README's year rules differ; paste:\n" + expected


@pytest.mark.parametrize("earlier, month, year", [
    ("2017年我县计划搬迁1856户。", 1, 2017),  # a January page reporting on the year just ended
    ("2017年，全县实施搬迁1856户。", 1, 2017),
    ("2017年我县计划搬迁1856户。", 2, 2018),  # from February on, now is the page's year
    ("2018年我县计划搬迁1856户。", 1, 2018),  # the paragraph speaks of the page's own year
    ("全县计划搬迁1856户。", 1, 2018),
    (None, 1, 2018),
])
def test_now_on_a_page_of_january_after_the_year_before_is_that_year(earlier, month, year):
    sentence = "截至目前，已全面完成建设任务，完成投资4亿元"
    found = resolve_year_why(sentence, sentence.index("4亿元"), 2018, earlier, page_month=month)
    assert found == (year, "now_since_last_year")


@pytest.mark.parametrize("month, year", [(1, 2018), (2, 2019), (12, 2019), (None, 2019)])
def test_last_month_on_a_page_of_january_is_in_the_year_before(month, year):
    sentence = "上月全县新增就业岗位300个"
    assert resolve_year_why(sentence, sentence.index("300个"), 2019, page_month=month) == (year, "last_month")


def test_a_page_without_a_date_is_dated_by_the_full_date_its_text_opens_with():
    from service.pipeline.years import page_year

    text = "\n2016年12月29日，鸟瞰金寨县果子园乡白纸棚村扶贫移民安置点，该安置点共安置贫困户46户，175人。\n\n今年该县建设安置点310处。"
    assert page_year(text, None) == 2016
    # under a title line typed right above it, too (not a title that opens with a year of its own)
    text = "河北张家口：光伏廊道助脱贫\n2018年8月19日，位于宣化区北侧山坡上的一处光伏发电场。目前，全区已完成总投资60亿元。"
    assert page_year(text, None) == 2018


@pytest.mark.parametrize("text, year", [
    ("某县扶贫\n2020-07-27 15:52:29 来源:人民日报 重庆市丰都县的西瓜丰收了。今年,40余户村民种植西瓜。", 2020),
    ("某县扶贫\n\n2018-12-18 09:48:42 李向娟 来源:东南网  我来说两句\n\n改革开放初期,赤溪村有280多户村民。", 2018),
    ("某县扶贫\n\n全县有280多户村民。电话: 2020-07-27 15:52 以后再联系", None),  # not at the start of a line
])
def test_a_time_stamp_opening_a_line_near_the_top_dates_a_page_with_no_other_date(text, year):
    from service.pipeline.years import page_year

    assert page_year(text, None) == year


@pytest.mark.parametrize("text, year", [
    # 今年 and a year pin the page only within one paragraph
    ("今年以来,我镇脱贫攻坚取得成效,现汇报如下:\n\n一、基本情况\n\n全镇13951户,其中2014-2015年贫困户96户。", None),
    # a year a span starts from is not the year 今年 is (自2013年以来…，经过今年的努力)
    ("全国脱贫\n\n自2013年以来累计减少贫困人口9300多万，经过今年的努力，剩余贫困人口将如期脱贫。", None),
    # a year's summary titled near the top is written in that year
    ("篇一:山盆镇2014年减贫摘帽工作总结\n\n今年是我镇扶贫开发任务最繁重的一年。", 2014),
])
def test_the_year_a_page_s_text_pins_down(text, year):
    from service.pipeline.years import page_year

    assert page_year(text, None) == year


def test_a_year_of_the_parts_after_qizhong_does_not_date_the_whole():
    sentence = "全镇13951户68202人，其中2014-2015年贫困户96户475人"
    assert resolve_year_why(sentence, sentence.index("13951户"), 2018) == (2018, "year_of_page")
    assert resolve_year_why(sentence, sentence.index("96户"), 2018) == (2015, "year_in_clause")


def test_a_sentence_after_one_that_opens_with_a_span_until_now_is_as_of_now():
    earlier = "1992年以来,先后被列为国家扶贫试点县、吉林省首批国家级贫困县。"
    sentence = "全县档内贫困人口10080户16932人,贫困村74个。"
    assert resolve_year_why(sentence, 8, 2020, earlier) == (2020, "earlier_sentence_time")
    assert resolve_year_why(sentence, 8, None, earlier) == (None, None)


def test_the_next_item_of_a_list_takes_no_time_from_the_items_before_it():
    from service.pipeline import extract_text

    page = "生态扶贫\n\n三是选聘生态护林员。2018年全县选聘生态护林员90名。四是实施退耕还林补偿。实施退耕还林5.5万亩。"
    years = {f.text: (f.year, f.year_rule) for a in extract_text(page, published="2020-05-01")
             for p in a.paragraphs for f in p.facts}
    assert years == {"90名": (2018, "year_in_clause"), "5.5万亩": (2020, "year_of_page")}


def test_a_year_in_chinese_numerals_dates_its_figures_and_stays_as_written():
    from service.pipeline import extract_text

    page = "新疆扶贫\n\n本报讯 到一九九三年，新疆仍有贫困人口176万人。二〇一九年，全区脱贫53万人。"
    facts = {f.text: f for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert (facts["176万人"].year, facts["53万人"].year) == (1993, 2019)
    assert "一九九三年" in facts["176万人"].sentence


def test_a_report_s_section_heading_dates_the_paragraphs_under_it_until_the_next():
    from service.pipeline import extract_text

    page = ("政府工作报告\n\n各位代表:\n\n一、2017年工作回顾\n\n一年来,全县经济平稳发展。全年完成地区生产总值65.8亿元。\n\n"
            "二、2018年工作安排\n\n全年计划新建大棚400座。")
    facts = {f.text: (f.year, f.year_rule) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts["65.8亿元"] == (2017, "section_heading_year") and facts["400座"] == (2018, "section_heading_year")


def test_a_report_s_title_dates_what_it_reports():
    from service.pipeline import extract_text

    page = ("2019年长顺县国民经济和社会发展统计公报\n\n长顺县统计局\n\n(2020年7月10日)\n\n"
            "年末户籍人口273393人，比上年新增1547人。")
    facts = {f.text: (f.year, f.year_rule) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts["273393人"] == (2019, "section_heading_year")


def test_a_report_s_title_dates_what_it_reports_with_its_year_repeated_after_it():
    from service.pipeline import extract_text

    page = ("2019年长顺县国民经济和社会发展 统计公报 2019\n\n长顺县统计局\n\n(2020年7月10日)\n\n"
            "人均地区生产总值42189元，比上年增长11.0%。")
    facts = {f.text: (f.year, f.year_rule) for a in extract_text(page) for p in a.paragraphs for f in p.facts}
    assert facts["42189元"] == (2019, "section_heading_year")


def test_the_year_just_past_is_the_year_ending_on_a_page_of_december():
    sentence = "过去的一年，全县新建大棚200座"
    at = sentence.index("200座")
    assert resolve_year_why(sentence, at, 2019, page_month=12) == (2019, "relative_year_since_last_year")
    assert resolve_year_why(sentence, at, 2020, page_month=1) == (2019, "relative_year_since_last_year")
