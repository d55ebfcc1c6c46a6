"""A story's dateline, and the year it takes from what else is known of the page."""
import pytest
from hypothesis import given, strategies as st

from service.pipeline import extract_text
from service.pipeline.datelines import date_with_year, dateline


@pytest.mark.parametrize("paragraph, expected", [
    ("新华社成都9月15日电 题：某地搬迁58万人", (9, 15)),
    ("新华社兰州10月17日电(记者王某)记者获悉", (10, 17)),
    ("中新社拉萨11月7日电 (周某)会议在拉萨召开", (11, 7)),
    ("本报11月4日讯（记者 张某）日前", (11, 4)),
    ("某某网-某某客户端9月28日18时讯(记者 赵某)活动今日举行", (9, 28)),
    ("某某在线11月5日讯(某某日报记者 李某)", (11, 5)),
    ("本报北京2月29日电 记者从会上获悉", (2, 29)),
    ("某某特区报2019年1月20日讯 1月20日是大寒节气", (1, 20, 2019)),  # a dateline that prints its year
    ("本报2019年2月29日讯 记者获悉", None),  # 2019 has no 2月29日
    ("央广网井冈山10月12日消息(江西台记者高原)据报道", (10, 12)),
    ("9月15日，全县召开大会", None),  # a date opening a sentence files nothing
    ("全县在9月15日电视台的节目里", None),  # 电 of 电视台
    ("会议提出，新华社北京3月7日电", None),  # not at the opening of the paragraph
    ("本报13月4日讯 记者获悉", None),  # no such month
    ("本报2月30日讯 记者获悉", None),
])
def test_a_dateline_opens_a_paragraph(paragraph, expected):
    assert dateline(paragraph) == (expected if expected is None or len(expected) == 3 else (*expected, None))


@pytest.mark.parametrize("month, day, known, expected", [
    (9, 15, "2017", "2017-09-15"),
    (9, 15, "2017-09", "2017-09-15"),
    (10, 17, "2017-09", "2016-10-17"),  # filed in October, known to be dated September: the year before
    (9, 15, "2017-09-16", "2017-09-15"),
    (12, 30, "2018-01-02", "2017-12-30"),
    (3, 7, "2020-03-07", "2020-03-07"),
    (2, 29, "2019", "2016-02-29"),
    (9, 15, None, None),  # no year is known: no date
])
def test_a_dateline_takes_the_latest_year_not_after_what_is_known(month, day, known, expected):
    assert date_with_year(month, day, known) == expected


@given(st.integers(1, 12), st.integers(1, 31), st.dates(min_value=__import__("datetime").date(1950, 1, 1)))
def test_the_date_a_dateline_gives_is_never_after_what_is_known_nor_a_year_before_it(month, day, known):
    dated = date_with_year(month, day, known.isoformat())
    if dated is None:
        assert dateline(f"本报{month}月{day}日讯 记者获悉") is None
        return
    import datetime
    day_given = datetime.date.fromisoformat(dated)
    assert (day_given.month, day_given.day) == (month, day)
    assert day_given <= known
    # 2月29日 comes back within four years, or eight across a century that skips it (2196 → 2204)
    assert (known - day_given).days < 366 * (8 if (month, day) == (2, 29) else 1)


PAGE = "新华社成都9月15日电 记者从会上获悉，今年全省已有58万贫困人口实现易地扶贫搬迁，去年完成30万人。"


def test_a_dateline_dates_its_story_with_the_year_of_what_is_known():
    [article] = extract_text(PAGE, reference="2017-09-16")
    assert (article.date, article.dated_by) == ("2017-09-15", "dateline")
    assert [f.year for p in article.paragraphs for f in p.facts] == [2017, 2016]


def test_a_dateline_that_prints_its_year_dates_its_story_without_anything_known():
    [article] = extract_text("某某特区报2019年1月20日讯 1月20日，某县为贫困户送来种鸽120对。")
    assert (article.date, article.dated_by) == ("2019-01-20", "dateline")
    assert [f.year for p in article.paragraphs for f in p.facts] == [2019]


def test_without_a_known_year_a_dateline_dates_nothing():
    [article] = extract_text(PAGE)
    assert (article.date, article.dated_by) == (None, None)


def test_a_printed_date_line_is_the_pages_own_date():
    [article] = extract_text("某县扶贫\n\n2019-05-06 10:21:33 来源：某某日报\n\n" + PAGE, reference="2017-09-16")
    assert (article.date, article.dated_by) == ("2019-05-06", "page")
    assert [f.year for p in article.paragraphs for f in p.facts] == [2019, 2018]


@pytest.mark.parametrize("page, published, reference, year", [
    ("本报讯 上月全县投资1000万元。", "2019-01-15", None, 2018),
    ("本报讯 上月全县投资1000万元。", "2019-03", None, 2019),
    ("本报1月3日讯 上月全县投资1000万元。", None, "2019-01-20", 2018),  # the dateline's month
    ("某县扶贫\n\n2019-01-06 来源：某某日报\n\n上月全县投资1000万元。", None, None, 2018),  # a printed date line's
])
def test_last_month_is_read_against_the_month_of_the_page_s_date(page, published, reference, year):
    [article] = extract_text(page, published, reference)
    assert [f.year for p in article.paragraphs for f in p.facts] == [year]
