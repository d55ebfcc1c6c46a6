"""A story's dateline (新华社成都9月15日电, 本报11月4日讯) and the date it gives once a year is known.

Wire stories and web reports open with where and on which day they were filed, but not the year:
that comes from what else is known of the page (a published year, the date in its address, the day
it was crawled). The date is the latest day with that month and day not after what is known.
"""
from __future__ import annotations

import datetime
import re
from typing import NamedTuple

# The opening of a lead, up to its date and 电/讯: 新华社成都9月15日电, 华龙网-新重庆客户端9月28日18时讯,
# 本报11月4日讯, 中新社拉萨11月7日电, 深圳特区报2019年1月20日讯, 央广网井冈山10月12日消息. No sentence mark may come before it: it opens
# the paragraph.
DATELINE = re.compile(r"\s*[^\s，。,；;：:！？!?“”\"]{0,24}?(?<!\d)(?:(?P<year>(?:19|20)\d{2})年)?"
                      r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:\d{1,2}时)?(?:电|讯|消息)(?=[\s（(：:，,]|题|记者|\d{1,2}月|$)")  # 讯 1月20日: the view closes the space


class Filed(NamedTuple):
    """The day a dateline gives, and its year when the dateline prints one (深圳特区报2019年1月20日讯)."""

    month: int
    day: int
    year: int | None = None


def dateline(paragraph: str) -> Filed | None:
    """The day of the dateline a paragraph opens with, or None.

    >>> dateline("新华社成都9月15日电 题：四川已易地扶贫搬迁58万贫困人口"), dateline("9月15日，全县召开大会")
    (Filed(month=9, day=15, year=None), None)
    """
    match = DATELINE.match(paragraph)
    if not match:
        return None
    month, day = int(match.group("month")), int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else None
    return Filed(month, day, year) if _real_day(year or 2000, month, day) else None  # 2000 has a 2月29日


def date_with_year(month: int, day: int, known: str | None) -> str | None:
    """YYYY-MM-DD for this month and day: the latest such day not after `known` (YYYY, YYYY-MM or
    YYYY-MM-DD), or None when nothing is known.

    >>> date_with_year(9, 15, "2017"), date_with_year(12, 30, "2018-01-02"), date_with_year(3, 7, "2020-03-07")
    ('2017-09-15', '2017-12-30', '2020-03-07')
    """
    if not known or not _real_day(2000, month, day):
        return None
    parts = [int(p) for p in known.split("-")]
    year = parts[0]
    if len(parts) > 1 and (month, day) > (parts[1], parts[2] if len(parts) > 2 else 31):
        year -= 1
    while not _real_day(year, month, day):  # 2月29日 filed in a year that has none: the leap year before
        year -= 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
