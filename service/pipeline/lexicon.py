"""The vocabulary the stages share: the punctuation that ends a sentence or a clause, what may open a
lead, what may lead a year. One definition each, so "sentence" and "clause" mean the same thing to
layout, quantities, places, years, measures and indicators."""
from __future__ import annotations

import re

FULL_STOPS = "。！？!?"  # end a sentence
CLAUSE_MARKS = "，,；;：:"  # end a clause inside a sentence
SEMICOLONS = "；;"  # end a part of a sentence that may have a subject of its own
LIST_MARK = "、"  # between the items of a list
CLOSING_QUOTES = "”’」』"  # may follow a full stop inside its sentence
SENTENCE_MAX = 600  # a run-on "sentence" (a page with no full stops) is cut into pieces no longer than this
# Punctuation that ends a clause (and so a sentence, a paragraph line).
CLAUSE_BREAK = re.compile(rf"[{CLAUSE_MARKS}{FULL_STOPS}\n]")
# 本报讯（记者 王明）, 新华社太原3月5日电（记者 李华）, 湖南日报4月12日讯, 湖北日报讯, 昆明信息港讯 记者李丽朱:
# what a lead's first sentence may open with (not 通讯, 资讯, 喜讯 …, which are words)
LEAD = (r"(?:(?:本报讯|[\u4e00-\u9fff]{2,8}(?<![通资喜音死电简])讯|(?:新华社|中新社)[^，,。（(\n]{0,16}电"
        r"|[\u4e00-\u9fff][\u4e00-\u9fff·—-]{1,14}?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:\d{1,2}时)?(?:讯|消息|电))\s*)?"  # 湖南日报4月12日讯, 贵阳9月27日电
        r"(?:[（(][^）)\n]{0,24}[）)]\s*|(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,3}(?:[、\s]+[\u4e00-\u9fff]{2,3})*\s+"
        r"|【[^】\n]{1,16}】\s*)?")  # 【金融精准扶贫】 2020年，永州市…: a yearbook entry's label
# 预计到2020年, 截至2018年底: words that may lead a year opening a sentence or a clause
TIME_LEAD = r"(?:仅|光|预计|计划|力争|争取)?(?:截至|截止|到了|到|至|在|自|从|于)?"  # 仅2017年就卖掉…, 到了2012年


def clause_bounds(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The clause of [start, end) that holds `position`: between punctuation marks.

    >>> clause_bounds("全县投资3000万元，带动1545户", 0, 18, 13)
    (11, 18)
    """
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, start, position)]
    after = CLAUSE_BREAK.search(text, position, end)
    return (before[-1] if before else start), (after.start() if after else end)
