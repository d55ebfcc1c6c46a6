"""When: the year a number refers to, decided by named rules tried in order.

Each rule takes the number's `YearContext` and returns a year or None; the first year wins, and the
fact records the rule that gave it (`year_rule`, shown by the API under `provenance.why`). The README's
list of year rules is this registry's names and docstrings (a test holds them equal).

Two things hold across the rules: `X年以来` and `去年以来` run until the page's year (a fact "since 2018"
is as of now), and a year a number is compared with (比2015年, 比去年) is never its time.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .lexicon import CLAUSE_BREAK, FULL_STOPS, LEAD, TIME_LEAD, clause_bounds
from .numerals import DIGITS
from .places import load_gazetteer, short_names

# 2016年以前的结余资金: not the fact's time; 2017、2018两年: the last of two years counted, written without its 年
YEAR = re.compile(r"((?:19|20)\d{2})(?:年|(?<=[、和至到—-](?:19|20)\d{2})(?=[两三四五]年))(?!以前|之前)")
# 过去的一年 (the year just past): the year before, but on a page of November or December the year ending;
# 一年前…，两年前… (a year or two ago, counted back from the page's year)
RELATIVE_YEARS = {"今年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "本年": 0, "过去的一年": -1, "过去一年": -1,
                  "一年前": -1, "两年前": -2, "三年前": -3, "四年前": -4, "五年前": -5}
YEAR_ENDING_MONTH = 11


def _relative_word(word: str) -> str:
    """A relative year's pattern: 过去一年 not in 过去一年四季 (all year round, in the past), 三年前 not inside 十三年前."""
    if word.endswith("一年"):
        return word + "(?![四到半多])"
    if word.endswith("年前"):
        return r"(?<![\d一二两三四五六七八九十百几多])" + word
    return word


RELATIVE_WORD = "(?:" + "|".join(map(_relative_word, RELATIVE_YEARS)) + ")(?!前)"
# 比去年增长15%, 较上年增加: the year compared with is not the fact's year
RELATIVE = re.compile(r"(?<![比较于与])" + RELATIVE_WORD)
LAST_MONTH = re.compile(r"(?<![比较于与])上个?月")
# 现在已经繁殖了100多只: a clause that speaks of now is as of the page's year
NOW = re.compile(r"现在|目前|如今|当前|时至今日|迄今|眼下|现有(?![的基条政水标产])")  # 时至今日，洛川苹果总面积达到53万亩; 全村现有9户
# 2013年底，全乡有贫困户1024户，四年来累计减贫282户: a span that runs until now leaves the year behind too
# “十三五”期间, 十三五时期, 十二五末: the 11th to 19th five-year plans' periods, not 十三五规划 (a plan) nor 以来
PLAN_PERIOD = re.compile(r"十([一二三四五六七八九])五[”\"」]?(?:期间|时期|期末|末(?!以来))")
NOW_OR_SPAN = re.compile(NOW.pattern + r"|[一二两三四五六七八九十多几近\d]年来")
CHANGE_TO = re.compile(r"[至到]")
# 先后建成光伏电站79个, 陆续入住: what came about one after another over the years is as of now
SUCCESSIVELY = re.compile(r"先后|陆续")
# 据了解，去年…; 据统计，2021年…: the source of what follows, before the time a sentence opens with
REPORTED = r"(?:(?:据(?:了解|悉|统计|介绍|报道)|记者(?:从[^，,。\n]{1,20})?(?:了解到|获悉))[，,：:]?)?"
# 2016年底, 2016年上半年, 2016年3月: a part of a year written after it
IN_THE_YEAR = r"底|初|末|年初|年底|上半年|下半年|\d{1,2}月(?:底|份|初|末|\d{1,2}日)?"
SENTENCE_TIME = re.compile(
    r"^\s*" + LEAD + REPORTED + r"[“\"「]?" + TIME_LEAD + r"((?:19|20)\d{2})年"
    r"(?:以来|前三季度|第[一二三四]季度|" + IN_THE_YEAR + r")?[，,]")
# 从2016年到2018年, 全县累计…: a clause that opens with a span of years is as of its end
YEAR_SPAN = r"(?:从|自)?(?:19|20)\d{2}年?(?:到|至|—|-|～|~)((?:19|20)\d{2})年"  # 从2016年到2018年, 2013-2016年: to its end
YEARS_OPENING = re.compile(r"\s*" + YEAR_SPAN + r"(?:底|末)?[，,]")
# 2013-2016年贫困地区农村居民人均收入…: a sentence that opens with a span of years, as of its end for the sentences after it
SPAN_OPENING = re.compile(r"^\s*" + LEAD + REPORTED + YEAR_SPAN)
# 张家川县2014年易地扶贫搬迁工程共涉及…。此次审查为第二批，涉及368户: a sentence whose subject, a place, opens with
# the year it speaks of dates those after it as one that opens with the year does
SUBJECT_YEAR_OPENING = re.compile(r"^\s*" + LEAD + REPORTED + r"[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|旗|州|盟|乡|镇|村)"
                                  r"((?:19|20)\d{2})年度?(?![以来前后底初末至到—-]|\d)")
# “十三五”期间，我县共实施…。累计新建安置房4901套: a sentence that opens with a plan's period dates those after it
PLAN_OPENING = re.compile(r"^\s*" + LEAD + REPORTED + r"[“\"「]?" + PLAN_PERIOD.pattern)
# 2017年、2018年分两批实施…: a clause that opens with a list of years is as of the last
# (not 2015年、2016年建设的299座电站…, where the years only say when the stations were built)
YEARS_LISTED = re.compile(r"\s*" + TIME_LEAD + r"(?:(?:19|20)\d{2}年[、和])+((?:19|20)\d{2})年(?!\d|[\u4e00-\u9fff]{0,4}的)")
# 2016年，全村共有…; 2013年底，…: a year with a comma after it heads the clause that follows
HEADS_A_CLAUSE = re.compile(r"(?:" + IN_THE_YEAR + r")?[，,]")
UNNAMED_YEAR = re.compile(r"全年|当年|年内|本年度")
# 全镇13951户68202人，…，其中2014-2015年贫困户96户: the years of the parts that follow do not date the whole
PARTS_FOLLOW = re.compile(r"[，,；;：:（(]其中")
# 2016年建设的电站, 2015年、2016年建设的…: a year (or a list of them) that only describes a thing
ATTRIBUTE = re.compile(r"(?:[、和与](?:19|20)\d{2}年)*[\u4e00-\u9fff]{0,4}的")
# 2018年投入的334亿元资金中，南疆占92.3%: a share of what that year brought is of that year
AMONG = re.compile(r"(?:之|当)?中\s*$")
CLAUSE_OPENING_YEAR = re.compile(r"\s*" + TIME_LEAD + r"((?:19|20)\d{2})年(?![、和至到—-]|\d+(?!\d|月)|以前|之前)")  # not 2015年以前
SINCE = re.compile(r"以来|至今")  # 2016年以来, 2016年至今: from then until now
# 三年来, 近年来, 脱贫攻坚战打响以来: a span that runs until now
UNTIL_NOW = re.compile(r"以来|年来")
# 去年四月份，…; 今年，…: a sentence that opens with a relative year
RELATIVE_OPENING = re.compile(r"^\s*" + LEAD + REPORTED + r"[“\"「]?(" + RELATIVE_WORD + ")")
# 刚刚过去的2018年是…: the whole sentence looks back at that year
PAST_YEAR_OPENING = re.compile(r"^\s*" + LEAD + r"[“\"「]?(?:刚刚过去的|刚过去的)((?:19|20)\d{2})年")
# 方山县2018年脱贫攻坚工作总结显示: … — a clause ending in a colon introduces what that year's report says
COLON = re.compile(r"[：:]")
# 经过三年帮扶, 历经5年, 三年后: years said to pass after a time the sentence opened with
YEARS_PASSED = re.compile(r"(?:经过|历经|用了?)([一二两三四五六七八九十]{1,3}|\d{1,2})年|([一二两三四五六七八九十]{1,3}|\d{1,2})年(?:后|之后)")
# 2014年，…。3年后，…; 次年，…: a sentence that opens by moving on from the time of the one before
YEARS_LATER_OPENING = re.compile(r"\s*(?:([一二两三四五六七八九十]{1,3}|\d{1,2})年(?:后|之后)|(次年|翌年|第二年)(?![度级]))")
SMALL_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
PINNED_YEAR = re.compile(rf"((?:19|20)\d{{2}})年(?!以来|来|起|至今)[^{FULL_STOPS}\n]*今年|今年[^{FULL_STOPS}\n]*?((?:19|20)\d{{2}})年")
# 驻村日记 … 2017年4月13日,周五,晴,我和…: a day with its weekday near the top is the day the page was written
WEEKDAY_DATE = re.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日[,，、\s]*(?:星期|周|礼拜)[一二三四五六日天]")
WEEKDAY_DATE_REACH = 300
# 2020-07-27 15:52:29 来源:人民日报 …: a web page's time stamp at the start of a line near its top, even where
# the story runs on after it on the same line, or after a short source name (网络2017-11-21 23:59:59)
TIMESTAMP = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff]{0,6}((?:19|20)\d{2})-\d{1,2}-\d{1,2}[ \t\u3000]+\d{1,2}:\d{2}", re.M)
TIMESTAMP_REACH = 600
# 山盆镇2014年减贫摘帽工作总结 near the top: a year's summary is written in that year (its 今年 is that year)
SUMMARY_TITLE = re.compile(r"((?:19|20)\d{2})年[^\n。，,]{0,16}?总结")
SUMMARY_TITLE_REACH = 300
# 一是…, 四是…, 其三…, 第二，…: the next item of a list
ITEM_OPENING = re.compile(r"\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十]是?|第[一二三四五六七八九十][，,、])")
# 刚刚过去的2018年, 去年(2018年): the page is written the year after.
YEAR_BEFORE_PAGE = re.compile(r"(?:刚刚过去的|刚过去的|去年[(（]?)((?:19|20)\d{2})年")


@dataclass(frozen=True)
class YearContext:
    """A number at `position` in `sentence` (both in normalised text), on a page of `page_year`."""

    sentence: str
    position: int
    page_year: int | None
    earlier: str | None = None  # the nearest earlier sentence of its paragraph that speaks of a time
    page_month: int | None = None  # the month of the page's date, where it is known
    section_year: int | None = None  # the year of the section heading the number's paragraph falls under

    @functools.cached_property
    def clause(self) -> tuple[int, int]:
        return clause_bounds(self.sentence, 0, len(self.sentence), self.position)


class NoYear:
    """A rule's answer that the number has no year to find (a figure from before a change)."""

    def __repr__(self) -> str:
        return "NO_YEAR"


NO_YEAR = NoYear()
CHANGE_FROM = re.compile(r"[由从]")
CHANGE_VERB_TO = re.compile(r"(?:(?:增加|增长|上升|提高|提升|下降|降低|减少|减至|降至|升至|增至|降|升|增|减)?[至到]"
                            r"|(?:增加|增长|上升|提高|提升|下降|降低|减少)为)")  # 贫困发生率由1.33%下降为零


class Resolved(NamedTuple):
    """An answer and the name of the rule that gave it (both None when no rule answered)."""

    value: object
    rule: str | None


YearRule = Callable[[YearContext], "int | None"]


def year_in_clause(ctx: YearContext) -> int | None:
    """A year written in the number's clause before it (not a change's start: 由2014年的10.3%降至1.27%, nor the
    period in brackets after a title: 《山东省农村扶贫开发纲要》(2011—2020年)将…81个贫困村列入…)."""
    clause_start, _ = ctx.clause
    years = [y for y in YEAR.finditer(ctx.sentence, clause_start, ctx.position)
             if not _left_behind(ctx.sentence, y, ctx.position) and not _compared(ctx.sentence, y)
             and not _a_titles_period(ctx.sentence, y)]
    return _unless_since(ctx.sentence, years[-1], ctx.page_year, ctx.position) if years else None


def _a_titles_period(sentence: str, year: re.Match) -> bool:
    """《…纲要》(2011—2020年): a year in the brackets right after a title is the period the document covers."""
    opened = max(sentence.rfind("(", 0, year.start()), sentence.rfind("（", 0, year.start()))
    return opened > 0 and sentence[opened - 1] == "》" \
        and max(sentence.rfind(")", opened, year.start()), sentence.rfind("）", opened, year.start())) < 0


# 贫困人口从2013年底的10.92万人减少到2019年底的1.28万人: a change from a year written with it, to a year, to now
# (从2013年末的346万人减至目前的50.9万人) or to a figure of no time written (从2013年底的346万人减至9.6万人)
CHANGE_FROM_A_YEAR = re.compile(r"[由从]((?:19|20)\d{2})年[^，,；;。]{0,16}?" + CHANGE_VERB_TO.pattern
                                + r"(?:((?:19|20)\d{2})年|(目前|现在|如今|当前))?")


def parallel_change(ctx: YearContext) -> "int | None":
    """A change written without years in a clause after one from a year (贫困人口从2013年底的10.92万人减少到2019年底的1.28万人，贫困发生率从38.74%下降到4.25%) runs between the same: its start is of the first year, its end of the second, or of the page's when the first ran to now (减至目前的50.9万人); an end of no time is left to the rules after."""
    clause_start, clause_end = ctx.clause
    opener = list(CHANGE_FROM.finditer(ctx.sentence, clause_start, ctx.position))
    if not opener or YEAR.search(ctx.sentence, clause_start, clause_end):
        return None
    earlier = list(CHANGE_FROM_A_YEAR.finditer(ctx.sentence, 0, clause_start))
    if not earlier:
        return None
    if not CHANGE_VERB_TO.search(ctx.sentence, opener[-1].end(), ctx.position):
        return int(earlier[-1].group(1))
    ended, now = earlier[-1].group(2), earlier[-1].group(3)
    return int(ended) if ended else ctx.page_year if now else None


def change_start_value(ctx: YearContext) -> "int | NoYear | None":
    """The figure a change starts from (由搬迁前的不足500元上升到5000元) has no year unless one is written with it."""
    clause_start, clause_end = ctx.clause
    opener = list(CHANGE_FROM.finditer(ctx.sentence, clause_start, ctx.position))
    if not opener or any(YEAR.finditer(ctx.sentence, opener[-1].end(), ctx.position)):
        return None
    return NO_YEAR if CHANGE_VERB_TO.search(ctx.sentence, ctx.position, clause_end) else None


def relative_year_since_last_year(ctx: YearContext) -> int | None:
    """今年, 去年, 上年, 过去的一年, 三年前 before the number with no year or 现在 written since (a change's start left behind is none: 去年…由2017年的64个减至19个), against the page's year (去年以来 runs until it; 过去的一年 on a page of November or December is the year ending)."""
    relative = list(RELATIVE.finditer(ctx.sentence, 0, ctx.position))
    if not relative:
        return None
    since = ctx.sentence[relative[-1].end():ctx.position]
    written = [y for y in YEAR.finditer(ctx.sentence, relative[-1].end(), ctx.position)
               if not _compared(ctx.sentence, y)  # 去年…比2017年增长11%: a year compared with is no time
               and not _left_behind(ctx.sentence, y, ctx.position)]  # 去年…由2017年底的64个减至19个
    if written or NOW.search(since):
        return None
    return _relative(ctx, relative[-1].start())


def last_month(ctx: YearContext) -> int | None:
    """上月, 上个月 before the number with no year written since: the page's year, or the year before on a page of January."""
    months = list(LAST_MONTH.finditer(ctx.sentence, 0, ctx.position))
    if not months or ctx.page_year is None or YEAR.search(ctx.sentence, months[-1].end(), ctx.position):
        return None
    return ctx.page_year - 1 if ctx.page_month == 1 else ctx.page_year


def now_since_last_year(ctx: YearContext) -> int | None:
    """现在, 目前, 如今 before the number, with no year written between them (but a change's start it has left), is as of the page's year; on a page of January whose paragraph has just opened a sentence with the year before, as of that year (a year-end report)."""
    if ctx.page_year is None:
        return None
    now = list(NOW.finditer(ctx.sentence, 0, ctx.position))
    if not now or any(not _left_behind(ctx.sentence, y, ctx.position)
                      for y in YEAR.finditer(ctx.sentence, now[-1].end(), ctx.position)):
        return None
    if ctx.page_month == 1 and ctx.earlier and _opening_year(ctx.earlier, ctx.page_year) == ctx.page_year - 1:
        return ctx.page_year - 1
    return ctx.page_year


def five_year_plan(ctx: YearContext) -> int | None:
    """A five-year plan's period named before the number in its sentence, with no year written between them (“十三五”期间，四川省136.05万建档立卡贫困人口…; 十三五时期，贵州省共易地搬迁192万人), is as of the plan's last year (2020); not inside a title (《十三五期间金融扶贫工作计划》) nor before 以来."""
    plans = [p for p in PLAN_PERIOD.finditer(ctx.sentence, 0, ctx.position)
             if ctx.sentence.rfind("《", 0, p.start()) <= ctx.sentence.rfind("》", 0, p.start())]  # not in a title
    if not plans or YEAR.search(ctx.sentence, plans[-1].end(), ctx.position) \
            or SINCE.search(ctx.sentence, plans[-1].end(), ctx.position):
        return None  # 自…出台《十三五期间金融扶贫工作计划》以来: a title, and since then
    return plan_year(plans[-1])


def plan_year(period: re.Match) -> int:
    """The last year of the plan whose period (PLAN_PERIOD, PLAN_OPENING) was matched: 十三五期间 → 2020."""
    return plan_end(10 + DIGITS[period.group(1)])


def plan_end(n: int) -> int:
    """The last year of the nth five-year plan (the third began in 1966, after three years of adjustment).

    >>> plan_end(13), plan_end(11), plan_end(14)
    (2020, 2010, 2025)
    """
    return 1957 + 5 * (n - 1) if n <= 2 else 1970 + 5 * (n - 3)


def _opening_year(sentence: str, page_year: int | None) -> int | None:
    """The year a sentence opens with (2017年，…; 2017年我县计划…), if it opens with one."""
    whole = YearContext(sentence, len(sentence), page_year)
    return sentence_opening_time(whole) or (clause_opening_time(whole) if CLAUSE_OPENING_YEAR.match(sentence) else None)


def sentence_opening_time(ctx: YearContext) -> int | None:
    """A time the sentence opens with, before the number (2018年底，…; 刚刚过去的2018年是…), moved on by years said to pass before it (2015年，…，经过三年帮扶，… is 2018); not when a later clause before the number opens with a year of its own (2016年9月，…，2019年全村32家农家乐，接待游客2.5万人次)."""
    opening = SENTENCE_TIME.match(ctx.sentence) or PAST_YEAR_OPENING.match(ctx.sentence)
    if opening and opening.end() <= ctx.position:
        heading = _clause_heading(ctx, opening.end())
        if heading is not None or NOW_OR_SPAN.search(ctx.sentence, opening.end(), ctx.position):
            return None
        year = _unless_since(ctx.sentence, opening, ctx.page_year, ctx.position)
        passed = list(YEARS_PASSED.finditer(ctx.sentence, opening.end(), ctx.position))
        if passed and year != ctx.page_year:
            year += _small_number(passed[-1].group(1) or passed[-1].group(2))
        return year
    return None


def _small_number(written: str) -> int:
    """三 → 3, 两 → 2, 12 → 12, 十二 → 12 (a count of years)."""
    if written.isdigit():
        return int(written)
    if "十" in written:
        tens, _, ones = written.partition("十")
        return (SMALL_NUMBERS.get(tens, 1) if tens else 1) * 10 + (SMALL_NUMBERS.get(ones, 0) if ones else 0)
    return SMALL_NUMBERS[written]


def colon_introduction(ctx: YearContext) -> int | None:
    """The year of a clause that introduces the rest with a colon (方山县2018年工作总结显示：…)."""
    clause_start, _ = ctx.clause
    colons = list(COLON.finditer(ctx.sentence, 0, clause_start))
    if not colons:
        return None
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(ctx.sentence, 0, colons[-1].start())]
    introduced = [y for y in YEAR.finditer(ctx.sentence, breaks[-1] if breaks else 0, colons[-1].start())
                  if not _compared(ctx.sentence, y)]
    return _unless_since(ctx.sentence, introduced[-1], ctx.page_year, ctx.position) if introduced else None


def clause_opening_time(ctx: YearContext) -> int | None:
    """A time an earlier clause opens with (截至2018年9月底，…; 从2016年到2018年，… and 2017年、2018年分两批… are as of the last), unless 如今/目前 or a span until now (四年来) comes after it."""
    heading = _clause_heading(ctx)
    if heading is None or NOW_OR_SPAN.search(ctx.sentence, heading.end(), ctx.position):
        return None  # 2013年…，如今53个…: now, not then
    return _unless_since(ctx.sentence, heading, ctx.page_year, ctx.position)


def _clause_heading(ctx: YearContext, after: int = 0) -> re.Match | None:
    """The last year a clause of the sentence up to the number's opens with (one that starts at `after` or later)."""
    clause_start, _ = ctx.clause
    heading = None
    starts = [m.end() for m in CLAUSE_BREAK.finditer(ctx.sentence, after, clause_start)]
    for start in ([0] if after == 0 else []) + starts:
        m = (YEARS_OPENING.match(ctx.sentence, start) or YEARS_LISTED.match(ctx.sentence, start)
             or CLAUSE_OPENING_YEAR.match(ctx.sentence, start))
        if m and not _left_behind(ctx.sentence, m, ctx.position):
            heading = m
    return heading


def _relative(ctx: YearContext, start: int) -> int | None:
    relative = list(RELATIVE.finditer(ctx.sentence, start, ctx.position))
    if not relative or ctx.page_year is None:
        return None
    _, relative_end = clause_bounds(ctx.sentence, 0, len(ctx.sentence), relative[-1].end())
    if SINCE.search(ctx.sentence, relative[-1].end(), relative_end):
        return ctx.page_year
    word = relative[-1].group(0)
    if word.startswith("过去") and (ctx.page_month or 0) >= YEAR_ENDING_MONTH:
        return ctx.page_year  # 过去的一年 in December: the year about to end
    return ctx.page_year + RELATIVE_YEARS[word]


def year_earlier_in_sentence(ctx: YearContext) -> int | None:
    """A year written earlier in the sentence, in a clause before the number's (组织开展2022年护林员选聘工作，完成826名…), not one compared with, left behind by a change or by 如今/目前/四年来, or saying when a thing was made (2016年建设的299座电站已并网，9座…) unless the number is a part of that thing (2018年投入的资金中，南疆占92.3%); a year a change arrives at dates what follows it (增加到2023年的60.87亿元，较1985年增长109倍)."""
    clause_start, _ = ctx.clause
    years = [y for y in YEAR.finditer(ctx.sentence, 0, clause_start)
             if not _compared(ctx.sentence, y) and not _left_behind(ctx.sentence, y, ctx.position)
             and not _starts_a_change(ctx.sentence, y) and not _describes_a_thing(ctx.sentence, y)]
    if years and NOW_OR_SPAN.search(ctx.sentence, years[-1].end(), ctx.position):
        return None  # 2013年贫困发生率是8.79%，如今53个贫困县清零: now, not then
    return _unless_since(ctx.sentence, years[-1], ctx.page_year, ctx.position) if years else None


def _describes_a_thing(sentence: str, year: re.Match) -> bool:
    """2016年建设的电站: the year says when a thing was made, unless the clause names it as a whole whose
    part the number is (2018年投入的资金中，…占92.3%)."""
    if not ATTRIBUTE.match(sentence, year.end()) or CHANGE_TO.fullmatch(sentence, year.start() - 1, year.start()):
        return False  # 增加到2023年的60.87亿元，较1985年增长109倍: where a change arrived, not a thing's making
    _, clause_end = clause_bounds(sentence, 0, len(sentence), year.end())
    return not AMONG.search(sentence, 0, clause_end)


def year_later_in_sentence(ctx: YearContext) -> int | None:
    """A year written later in the sentence (总投资250万元，2016年建成的电站), not one a change starts from (由2000年的…), one that heads a clause of its own, or any after it (总人口558户，…，2016年，全村共有…; 乡镇有42个，…，2015年人均纯收入6420元; 全省曾有56个贫困县，…，陕西2017年实现4个县摘帽、2018年…) or one of the parts after 其中 (全镇1193户，其中2016年已脱贫170户)."""
    parts = PARTS_FOLLOW.search(ctx.sentence, ctx.position)
    for later in YEAR.finditer(ctx.sentence, ctx.position, parts.start() if parts else len(ctx.sentence)):
        if _compared(ctx.sentence, later) or _starts_a_change(ctx.sentence, later):
            continue
        if HEADS_A_CLAUSE.match(ctx.sentence, later.end()) \
                or (_opens_counted_clause(ctx.sentence, later) and not _unnamed_year(ctx)):
            return None  # 陕西2017年实现4个县摘帽、2018年实现23个…: the years of later items are theirs
        return _unless_since(ctx.sentence, later, ctx.page_year, ctx.position)
    return None


@functools.lru_cache(maxsize=1)
def _clause_lead() -> re.Pattern:
    """陕西2017年…, 全县2016年…, 该镇到2018年…: what may stand before the year opening a clause (a province by the
    short name the gazetteer gives it, a deictic, a name ending in a division's suffix, then a time word)."""
    gazetteer = load_gazetteer()
    provinces = "|".join(short_names(d.name, d.level)[0] for d in gazetteer.divisions.values() if d.level == "province")
    return re.compile(rf"(?:{provinces}|[全该我本][省市县区州旗镇乡村]|[\u4e00-\u9fff]{{1,8}}[省市县区州旗镇乡村])?"
                      + TIME_LEAD)


def _opens_counted_clause(sentence: str, year: re.Match) -> bool:
    """…乡镇有42个，…，2015年果农人均纯收入高达6420元: a year that opens a later clause with figures of its
    own, after its subject if any (全省曾有56个贫困县，…，陕西2017年实现4个县摘帽), dates those, not the numbers
    before it (2016年建成的电站, with none, describes them)."""
    clause_start, clause_end = clause_bounds(sentence, 0, len(sentence), year.start(1))
    item_start = max(clause_start, sentence.rfind("、", clause_start, year.start(1)) + 1)  # …、2018年实现23个县…
    return clause_start > 0 and _clause_lead().fullmatch(sentence[item_start:year.start(1)].strip()) is not None \
        and re.search(r"\d", sentence[year.end():clause_end]) is not None


def _unnamed_year(ctx: YearContext) -> bool:
    """全年新增就业300人，2016年培训1000人次: a clause that speaks of a year it does not name takes the one named next."""
    start, end = clause_bounds(ctx.sentence, 0, len(ctx.sentence), ctx.position)
    return UNNAMED_YEAR.search(ctx.sentence, start, end) is not None


def earlier_sentence_time(ctx: YearContext) -> int | None:
    """The time the paragraph's nearest earlier sentence that speaks of one opens with or introduces with a colon (2016年，培训3100人次。依托培训，带动1.2万人 is 2016; moved on by the years the number's sentence opens by saying have passed: 2014年，…。3年后，贫困发生率降至1.27% is 2017, 次年 one, also where that sentence opens a paragraph of its own after the one it moves on from), the end of a span of years it opens with (2013-2016年…年均增长12.8%。其中，重点县…8355元 is 2016) or of a plan's period (“十三五”期间，我县…。累计新建安置房4901套 is 2020) or the year its subject, a place, opens with (张家川县2014年易地扶贫搬迁工程共涉及…。此次审查为第二批，涉及368户 is 2014), not before the opening of a list's item (三是…。2018年…。四是…。实施退耕还林5.5万亩), and as of now after one that opens with a span until now (1992年以来，…。全县…10080户), unless the number's own sentence speaks of a time (三年来, 先后) or its clause does after it (6万多名农民陆续搬入)."""
    sentence = ctx.earlier
    if sentence is None or speaks_of_a_time(ctx.sentence[:ctx.position]):
        return None
    _, clause_end = clause_bounds(ctx.sentence, 0, len(ctx.sentence), ctx.position)
    if SUCCESSIVELY.search(ctx.sentence, ctx.position, clause_end) or UNTIL_NOW.search(ctx.sentence, ctx.position, clause_end):
        return None  # 6万多名…农民陆续走出大山: one after another over the years, not in the year before
    whole = YearContext(sentence, len(sentence), ctx.page_year)
    relative = RELATIVE_OPENING.match(sentence)
    if relative:
        return _relative(whole, relative.start(1))
    opening = SENTENCE_TIME.match(sentence)
    if opening and SINCE.search(sentence, opening.end(1), opening.end()):
        return ctx.page_year  # 1992年以来，先后被列为…。全县贫困人口10080户: as of now, not 1992
    span, plan, subject = SPAN_OPENING.match(sentence), PLAN_OPENING.match(sentence), SUBJECT_YEAR_OPENING.match(sentence)
    year = sentence_opening_time(whole) or colon_introduction(whole) or clause_opening_time(whole) \
        or (int(span.group(1)) if span else None) or (plan_year(plan) if plan else None) \
        or (int(subject.group(1)) if subject else None)
    later = YEARS_LATER_OPENING.match(ctx.sentence)
    if year is not None and later is not None and later.end() <= ctx.position:
        year += _small_number(later.group(1)) if later.group(1) else 1  # 2014年，…。3年后，…降至1.27% is 2017
    return year


def opens_an_item(sentence: str) -> bool:
    """三是选聘生态护林员。2018年全县选聘90名。四是实施退耕还林…: a sentence that opens the next item of a list
    takes no time from the items before it."""
    return ITEM_OPENING.match(sentence) is not None


def speaks_of_a_time(sentence: str) -> bool:
    """Whether a sentence says when: a year (not one compared with), 今年/去年, 目前, 先后, 以来, 年来, or a
    five-year plan's period it opens with (“十三五”期间，…)."""
    years = [y for y in YEAR.finditer(sentence) if not _compared(sentence, y)]
    return bool(years or RELATIVE.search(sentence) or NOW.search(sentence) or SUCCESSIVELY.search(sentence)
                or UNTIL_NOW.search(sentence) or PLAN_OPENING.match(sentence))


# 一、2017年工作回顾, （二）2018年主要工作: a report's section heading, which dates the paragraphs under it
SECTION_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．])?\s*"
                             r"((?:19|20)\d{2})年度?(?:[\u4e00-\u9fff]{0,6}?(?:工作)?(?:回顾|总结|成效|情况|进展|成绩|安排|计划|打算|目标|任务|思路)"
                             r"|[\u4e00-\u9fff ]{0,24}?(?:统计公报|工作报告|年报)(?: (?:19|20)\d{2})?)"  # 2019年长顺县国民经济和社会发展统计公报 (2019: its year repeated)
                             r"[A-Za-z\s]{0,4}$")


def section_year(sentence: str) -> int | None:
    """The year of a report's section heading (一、2017年工作回顾), else None."""
    m = SECTION_HEADING.match(sentence)
    return int(m.group(1)) if m else None


def section_heading_year(ctx: YearContext) -> int | None:
    """The year of the report's section heading the paragraph falls under (一、2017年工作回顾), in a report read out a year later, or of the report's own title (2019年长顺县国民经济和社会发展统计公报, printed in 2020)."""
    return ctx.section_year


def year_of_page(ctx: YearContext) -> int | None:
    """The page's year: that of its date (given, printed, a dateline, its address or its crawl), else the year its text pins down."""
    return ctx.page_year


YEAR_RULES: list[YearRule] = [year_in_clause, parallel_change, change_start_value, relative_year_since_last_year,
                              last_month, now_since_last_year, five_year_plan,
                              sentence_opening_time, colon_introduction, clause_opening_time, year_earlier_in_sentence,
                              year_later_in_sentence,
                              earlier_sentence_time, section_heading_year, year_of_page]


def resolve_year_why(sentence: str, position: int, page_year: int | None, earlier: str | None = None,
                     page_month: int | None = None, section: int | None = None) -> Resolved:
    """The year of a mention at `position` in `sentence`, and the rule that gave it.

    >>> resolve_year_why("去年全县投资3000万元", 7, 2017)
    Resolved(value=2016, rule='relative_year_since_last_year')
    >>> resolve_year_why("上月全县投资3000万元", 7, 2019, page_month=1)
    Resolved(value=2018, rule='last_month')
    """
    ctx = YearContext(sentence, position, page_year, earlier, page_month, section)
    for rule in YEAR_RULES:
        year = rule(ctx)
        if year is NO_YEAR:
            return Resolved(None, rule.__name__)
        if year is not None:
            return Resolved(year, rule.__name__)
    return Resolved(None, None)


def resolve_year(sentence: str, position: int, page_year: int | None) -> int | None:
    """The year of a mention at `position` in `sentence`.

    >>> resolve_year("2016年全县投资3000万元", 9, None)
    2016
    >>> resolve_year("去年全县投资3000万元", 7, 2017)
    2016
    >>> resolve_year("全县投资3000万元", 4, 2019), resolve_year("全县投资3000万元", 4, None)
    (2019, None)
    """
    return resolve_year_why(sentence, position, page_year).value


# 比2015年, 超过2021年全年水平: the words before a year it is compared with
# 比2015年, 超过2021年; 占2020年末脱贫人口总数的13.99%: a share of that year's total, taken now
COMPARED_WITH = re.compile(r"(?:比|较|与|超过|超出|高于|低于|多于|少于|相当于|好于|占)$")
# 是2019年的1.3倍: the year after 的 a multiple is reckoned from
MULTIPLE_OF = re.compile(r"(?:同期)?的(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+(?:点[一二三四五六七八九〇零]+)?)多?倍")


def _word_before(sentence: str, year: re.Match) -> str:
    return sentence[max(0, year.start(1) - 1):year.start(1)]


def _compared(sentence: str, year: re.Match) -> bool:
    """比2015年提高3个百分点, 是2019年的1.3倍, 超过2021年全年水平: the year compared with is not the fact's."""
    return COMPARED_WITH.search(sentence, max(0, year.start(1) - 3), year.start(1)) is not None \
        or bool(MULTIPLE_OF.match(sentence, year.end()))


def _starts_a_change(sentence: str, year: re.Match) -> bool:
    """由2000年的20%增加到40%: the year a change starts from dates its first figure only."""
    return _word_before(sentence, year) in ("由", "从")


def _left_behind(sentence: str, year: re.Match, position: int) -> bool:
    """由2014年的10.3%降至1.27%: a number after the change is no longer at the year it started from."""
    return _word_before(sentence, year) in ("由", "从", "自") and bool(CHANGE_TO.search(sentence, year.end(1), position))


def _unless_since(sentence: str, year: re.Match, page_year: int | None, position: int) -> int | None:
    """2018年…以来 means "from 2018 until now": the fact is as of the page's year (none on a page of no
    known year), unless the number is inside the phrase, part of what began then (2018年与沁县31个村结对以来:
    31 villages in 2018)."""
    _, clause_end = clause_bounds(sentence, 0, len(sentence), year.end(1))
    since = SINCE.search(sentence, year.end(1), clause_end)
    if since and not year.end(1) <= position < since.start():
        return page_year
    return int(year.group(1))


def page_year(text: str, known_date: str | None) -> int | None:
    """The year a page is written in: its known date (published, or printed), else a day written with its
    weekday near its top, the year the text pins down, a time stamp opening a line near its top, or the date
    its first paragraph opens with (under a title line of its own, too), else None.

    >>> page_year("…2020年脱贫攻坚总体思路、今年重点工作…", None)
    2020
    >>> page_year("标题\\n\\n2019年,襄垣县委、县政府高度重视脱贫攻坚工作,坚决贯彻中央和省、市委关于脱贫攻坚的决策部署。", None)
    2019
    >>> page_year("标题\\n2018年8月19日,位于县城北侧山坡上的一处光伏发电场。近年来,该区加大光伏廊道建设力度。", None)
    2018
    >>> page_year("驻村日记 2017年4月13日,周五,晴。走访贫困户李元科,属2002年8月14日滑坡搬迁户,今年初养猪一头。", None)
    2017
    >>> page_year("双辽脱贫\\n网络2017-11-21 23:59:59\\n今年，全市种植花生230亩。", None)
    2017
    """
    if known_date:
        return int(known_date[:4])
    weekday = WEEKDAY_DATE.search(text, 0, WEEKDAY_DATE_REACH)
    if weekday:
        return int(weekday.group(1))
    pinned = PINNED_YEAR.search(text)
    if pinned:
        return int(pinned.group(1) or pinned.group(2))
    before = YEAR_BEFORE_PAGE.search(text)
    if before:
        return int(before.group(1)) + 1
    summary = SUMMARY_TITLE.search(text, 0, SUMMARY_TITLE_REACH)
    if summary:
        return int(summary.group(1))
    stamp = TIMESTAMP.search(text, 0, TIMESTAMP_REACH)
    if stamp:
        return int(stamp.group(1))
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if len(block) > 40:
            body = next((line.strip() for line in block.split("\n") if len(line.strip()) > 40), block)
            opening = SENTENCE_TIME.match(block) or SENTENCE_TIME.match(body)
            return int(opening.group(1)) if opening else None
    return None
