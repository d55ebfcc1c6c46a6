"""Normalisation on real snippets from the seeds: every view span maps back to its raw text."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.pipeline.normalise import normalise, to_simplified

CASES = [
    # (raw, normalised view)   id: what it shows
    ("臨汾:打好攻堅(jiān)戰(zhàn) 共圓小康夢(mèng)", "临汾:打好攻坚战 共圆小康梦"),
    ("省定貧困縣(xiàn)", "省定贫困县"),
    ("來(lái)源:臨汾新聞網(wǎng)", "来源:临汾新闻网"),
    ("乡(镇)干部", "乡(镇)干部"),
    ("(刘生锋 严晓声)", "(刘生锋 严晓声)"),
    ("投资１０００万元，占９５．９％", "投资1000万元，占95.9%"),
    ("森林覆盖率90℅以上，增长5﹪", "森林覆盖率90%以上，增长5%"),  # ℅ and ﹪ typed for %
    ("安装(APP)系统", "安装(APP)系统"),
    ("鄉寧縣易地移民搬遷見實效", "乡宁县易地移民搬迁见实效"),
    ("容量为500千【qiān】瓦，发电40.78万【wàn】千瓦时", "容量为500千瓦，发电40.78万千瓦时"),  # glosses in 【】
    ("电站均【jun1】投入运营", "电站均投入运营"),  # a tone written as a digit
    ("【图片】光伏电站", "【图片】光伏电站"),
    ("截至 2018 年末，贫困人口 1660 万人", "截至2018年末，贫困人口 1660 万人"),  # a date reads as one
    ("表1 人口统计", "表1 人口统计"),
    # a year in Chinese numerals reads as its digits; other numerals stay as they are
    ("到一九九三年仍有一百七十六万人", "到1993年仍有一百七十六万人"),
    ("二〇一九年、二00一年和二零二零年", "2019年、2001年和2020年"),
    ("三十一九九年", "三十一九九年"),
    # a full stop typed for a decimal point reads as one; a sentence that ends before a number does not
    ("销售额累计达到48。4亿元", "销售额累计达到48.4亿元"),
    ("全年投资48。2019年以来", "全年投资48。2019年以来"),
]


@pytest.mark.parametrize("raw,expected", CASES, ids=[c[0] for c in CASES])
def test_normalised_view(raw, expected):
    doc = normalise(raw)
    assert doc.text == expected


def test_a_word_cut_by_a_blank_line_is_joined():
    before = "项目签约仪式上,临县人民政府分别与山西铭信禽业有限公司、孝义市食品公司签订了合作协议;临县县委组织部与孝义市委组"
    after = "织部签订了打造有声党建阵地协议;临县人社局与孝义市人社局签订用工协议;临县工信局与孝义市工信局签订消费扶贫意向书。"
    doc = normalise(before + "\n\n" + after)
    assert "孝义市委组织部" in doc.text
    at = doc.text.index("组织部签订")
    start, end = doc.raw_span(at, at + 3)
    assert doc.raw[start:end] == "组\n\n织部"


def test_headlines_are_not_joined_to_the_body():
    raw = "临县扶贫车间生产忙\n\n连日来,山西鸿利来箱包皮具有限公司积极响应省、市、县复工复产文件精神,复工复产。"
    assert normalise(raw).text == raw


def test_a_meta_line_is_not_joined_to_the_body():
    raw = ("索 引 号:dyx025-/2023-1023009 发文机构:某县乡村振兴局 发布日期:2023年10月23日 标  题:某县持续深化东西部协作\n\n"
           "一是强化组织领导。先后召开县委常委会、县政府常务会研究部署东西部协作工作3次，制定了工作要点。")
    assert normalise(raw).text == raw


def test_a_gloss_inside_a_mention_stays_inside_its_raw_span():
    raw = "完成投資58671.29萬(wàn)元。"
    doc = normalise(raw)
    at = doc.text.index("58671")
    start, end = doc.raw_span(at, at + len("58671.29万元"))
    assert raw[start:end] == "58671.29萬(wàn)元"


def test_mojibake_is_flagged_not_repaired():
    raw = "贫困户??????脱贫,收入\ufffd增加"
    doc = normalise(raw)
    assert doc.text == raw
    assert [raw[s:e] for s, e in doc.flags["mojibake"]] == ["??????", "\ufffd"]


def test_simplified_conversion_keeps_length():
    text = "臺灣著名的乾燥麵條與瞭解後來發現"
    assert len(to_simplified(text)) == len(text)


@given(st.text(alphabet="臨汾縣鄉寧(jiān)（ǎ）abc１２％．℅﹪\n 萬元户人。,", max_size=80))
def test_every_view_character_maps_to_a_raw_character(raw):
    doc = normalise(raw)
    previous = -1
    for i in range(len(doc.text)):
        pos = doc.offsets.raw_index(i)
        assert pos > previous
        previous = pos
        start, end = doc.raw_span(i, i + 1)
        assert (start, end) == (pos, pos + 1)
