"""Mentions → facts: where (the place that governs a number) and when (the year it refers to).

Where: the place help goes to (向临县, 帮助沁县, 使沁县…) in the number's clause or earlier in its
sentence (and, in a story about its own place helping another, a help action whose clause names no
place), else the most specific place named in the number's own clause, else the sentence's subject
(the place it, or its part after a semicolon, opens with: 汾西县充分发挥…, 我市把…), else the place named
in its sentence, else the subject of the paragraph's last sentence that had one, else the place its
paragraph opens with, else the article's main place (from its headings, else its lead). 全村, 该镇
point back to the place of their level just named in the sentence; otherwise 全县, 该镇, 我市 stand for
the story's own county, town or city.
A count of the places its clause lists before it (吉县、乡宁、安泽三个县) is about their common parent.
The places of a background clause (在2016年完成信义镇三个电站的基础上,…) govern only the numbers inside it.
A story headlined about the whole country (全国…) has no main place.

When: a year written in the clause (not one a change starts from: 由2014年的10.3%降至1.27%), else the
page's year if the clause speaks of now (现在, 目前), else a time opening the sentence (2018年底,…;
刚刚过去的2018年是…), else the year of a clause that introduces the rest with a colon (2018年工作总结显示:…),
else a time opening an earlier clause (截至9月底,…; 从2016年到2018年,… for the span's end), else a
relative year (今年, 去年, 上年; not the year compared with: 比去年增长15%) against the page's year, else a
year written later in the sentence, else the page's year: its printed date, or the year the text pins
down (2020年…今年…, 刚刚过去的2018年, or a lead that opens with 2019年,). X年以来 and 去年以来 run until
the page's year; X年以前 is never the fact's time, nor is a year a number is compared with (比2015年).
"""
from __future__ import annotations

import re

from .places import DEPTH, Division, PlaceMention, PlaceResolver

HELP = re.compile(r"帮扶|帮助|援建|捐赠|捐助|代销|扶持|结对")
BENEFICIARY = ("向", "为", "帮助", "给", "援助", "支援", "援建", "帮扶", "资助", "使")
YEAR = re.compile(r"((?:19|20)\d{2})年(?!以前|之前)")  # 2016年以前的结余资金: not the fact's time
RELATIVE_YEARS = {"今年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "本年": 0}
# 比去年增长15%, 较上年增加: the year compared with is not the fact's year
RELATIVE = re.compile(r"(?<![比较于与])(?:" + "|".join(RELATIVE_YEARS) + ")(?!前)")
# 现在已经繁殖了100多只: a clause that speaks of now is as of the page's year
NOW = re.compile(r"现在|目前|如今|当前")
CHANGE_TO = re.compile(r"[至到]")
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
# 本报讯（记者 王明）, 新华社太原3月5日电（记者 李华）: what a lead's first sentence may open with
LEAD = (r"(?:(?:本报讯|[\u4e00-\u9fff]{2,8}网讯|(?:新华社|中新社)[^，,。（(\n]{0,16}电)\s*)?"
        r"(?:[（(][^）)\n]{0,24}[）)]\s*)?")
# 预计到2020年, 截至2018年底: words that may lead a year opening a sentence or a clause
TIME_LEAD = r"(?:预计|计划|力争|争取)?(?:截至|截止|到|在|自|从|于)?"
SENTENCE_TIME = re.compile(
    r"^\s*" + LEAD + r"[“\"「]?" + TIME_LEAD + r"((?:19|20)\d{2})年"
    r"(?:底|初|末|年初|年底|以来|上半年|下半年|前三季度|第[一二三四]季度|\d{1,2}月(?:底|份|初|末)?)?[，,]")
# 从2016年到2018年, 全县累计…: a clause that opens with a span of years is as of its end
YEARS_OPENING = re.compile(r"\s*(?:从|自)?(?:19|20)\d{2}年?(?:到|至|—|-|～|~)((?:19|20)\d{2})年(?:底|末)?[，,]")
CLAUSE_OPENING_YEAR = re.compile(r"\s*" + TIME_LEAD + r"((?:19|20)\d{2})年(?![、和至到—-]|\d)")
SINCE = re.compile(r"以来")
SEGMENT_BREAK = re.compile(r"[；;]")
# What may stand before a sentence's subject: 同时, 近年来, 2018年, 截至9月底 …
SUBJECT_OPENING = re.compile(r"\s*" + LEAD + r"[“\"「]?(?:(?:同时|此外|另外|近年来|今年以来|目前|其中)[，,]?)?")
# 刚刚过去的2018年是…: the whole sentence looks back at that year
PAST_YEAR_OPENING = re.compile(r"^\s*" + LEAD + r"[“\"「]?(?:刚刚过去的|刚过去的)((?:19|20)\d{2})年")
# 方山县2018年脱贫攻坚工作总结显示: … — a clause ending in a colon introduces what that year's report says
COLON = re.compile(r"[：:]")
PINNED_YEAR = re.compile(r"((?:19|20)\d{2})年[^。！？!?]*今年|今年[^。！？!?]*?((?:19|20)\d{2})年")
NATIONWIDE = re.compile(r"全国|我国|中国")
# 在2016年完成信义镇三个电站的基础上, …: the places of a background clause do not govern what follows
BACKGROUND = re.compile(r"在[^，,。；;！？!?\n]{2,80}?基础上")
# 刚刚过去的2018年, 去年(2018年): the page is written the year after.
YEAR_BEFORE_PAGE = re.compile(r"(?:刚刚过去的|刚过去的|去年[(（]?)((?:19|20)\d{2})年")


def clause_bounds(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The clause of [start, end) that holds `position`: between punctuation marks."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, start, position)]
    after = CLAUSE_BREAK.search(text, position, end)
    return (before[-1] if before else start), (after.start() if after else end)


def resolve_year(sentence: str, position: int, page_year: int | None) -> int | None:
    """The year of a mention at `position` in `sentence`.

    >>> resolve_year("2016年全县投资3000万元", 9, None)
    2016
    >>> resolve_year("去年全县投资3000万元", 7, 2017)
    2016
    >>> resolve_year("全县投资3000万元", 4, 2019), resolve_year("全县投资3000万元", 4, None)
    (2019, None)
    """
    clause_start, clause_end = clause_bounds(sentence, 0, len(sentence), position)
    years = [y for y in YEAR.finditer(sentence, clause_start, position)
             if not _left_behind(sentence, y, position) and not _compared(sentence, y)]
    if years:
        return _unless_since(sentence, years[-1], page_year)
    if page_year is not None and NOW.search(sentence, clause_start, position):
        return page_year
    opening = SENTENCE_TIME.match(sentence) or PAST_YEAR_OPENING.match(sentence)
    if opening and opening.end() <= position:
        return _unless_since(sentence, opening, page_year)
    colons = list(COLON.finditer(sentence, 0, clause_start))
    if colons:
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, colons[-1].start())]
        introduced = [y for y in YEAR.finditer(sentence, breaks[-1] if breaks else 0, colons[-1].start())
                      if not _compared(sentence, y)]
        if introduced:
            return _unless_since(sentence, introduced[-1], page_year)
    heading = None
    for start in [0, *(m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, clause_start))]:
        m = YEARS_OPENING.match(sentence, start) or CLAUSE_OPENING_YEAR.match(sentence, start)
        if m and not _left_behind(sentence, m, position):
            heading = m  # 截至2018年9月底, … : a clause that opens with a year sets the time
    if heading is not None:
        return _unless_since(sentence, heading, page_year)
    relative = list(RELATIVE.finditer(sentence, 0, position))
    if relative and page_year is not None:
        _, relative_end = clause_bounds(sentence, 0, len(sentence), relative[-1].end())
        if SINCE.search(sentence, relative[-1].end(), relative_end):
            return page_year  # 去年以来: from last year until now
        return page_year + RELATIVE_YEARS[relative[-1].group(0)]
    later = next((y for y in YEAR.finditer(sentence, position) if not _compared(sentence, y)), None)
    if later:
        return _unless_since(sentence, later, page_year)  # 总投资250万元,2016年建成的电站
    return page_year


def _word_before(sentence: str, year: re.Match) -> str:
    return sentence[max(0, year.start(1) - 1):year.start(1)]


def _compared(sentence: str, year: re.Match) -> bool:
    """比2015年提高3个百分点: the year compared with is not the fact's."""
    return _word_before(sentence, year) in ("比", "较", "与")


def _left_behind(sentence: str, year: re.Match, position: int) -> bool:
    """由2014年的10.3%降至1.27%: a number after the change is no longer at the year it started from."""
    return _word_before(sentence, year) in ("由", "从", "自") and bool(CHANGE_TO.search(sentence, year.end(1), position))


def _unless_since(sentence: str, year: re.Match, page_year: int | None) -> int:
    """2018年…以来 means "from 2018 until now": the fact is as of the page's year."""
    _, clause_end = clause_bounds(sentence, 0, len(sentence), year.end(1))
    if page_year is not None and SINCE.search(sentence, year.end(1), clause_end):
        return page_year
    return int(year.group(1))


def page_year(text: str, printed_date: str | None) -> int | None:
    """The year a page is written in: printed, else pinned by the text, else None.

    >>> page_year("…2020年脱贫攻坚总体思路、今年重点工作…", None)
    2020
    >>> page_year("标题\\n\\n2019年,襄垣县委、县政府高度重视脱贫攻坚工作,坚决贯彻中央和省、市委关于脱贫攻坚的决策部署。", None)
    2019
    """
    if printed_date:
        return int(printed_date[:4])
    pinned = PINNED_YEAR.search(text)
    if pinned:
        return int(pinned.group(1) or pinned.group(2))
    before = YEAR_BEFORE_PAGE.search(text)
    if before:
        return int(before.group(1)) + 1
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if len(block) > 40:
            opening = SENTENCE_TIME.match(block)
            return int(opening.group(1)) if opening else None
    return None


class PlaceAttribution:
    """Decides the place of each number on one page."""

    def __init__(self, resolver: PlaceResolver):
        self.resolver = resolver
        self.background = [m.span() for m in BACKGROUND.finditer(resolver.text)]

    def main_place(self, headings: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> Division | None:
        """The article's place: the most specific in its headings, else the one its body names most.

        A headline about the whole country (全国农村贫困人口减少1386万人) has none: a province its body
        names is one part of the story, not its place.
        """
        for start, end in headings:
            found = self.resolver.most_specific(self.resolver.in_span(start, end))
            if found is not None:
                return found
        if any(NATIONWIDE.search(self.resolver.text, start, end) for start, end in headings):
            return None
        counts: dict[str, list] = {}
        for start, end in paragraphs:
            for m in self.resolver.in_span(start, end):
                entry = counts.setdefault(m.division.code, [0, m.division])
                entry[0] += 1
        if not counts:
            return None
        return max(counts.values(), key=lambda e: (e[0], e[1].depth))[1]

    def article_place(self, main: Division | None) -> Division | None:
        """An article is filed under a county (or the prefecture or province it is about): a story
        about 岔口村 is a 交城县 story, while its facts keep the village."""
        if main is None or main.depth <= DEPTH["county"]:
            return main
        return self.resolver.at_level(main, "county") or main

    def paragraph_place(self, sentences: list[tuple[int, int]], main: Division | None) -> Division | None:
        """The place a paragraph opens with: its first sentence's subject, else the place that sentence names."""
        if not sentences:
            return None
        start, end = sentences[0]
        found = self._subject(start, end, main, None) or self._named(start, end, main)
        if found is not None and main is not None and found.level in ("province", "prefecture") \
                and self._contains(found, main):
            return main  # a paragraph that opens with 全省 or the prefecture is still about the story's place
        return found

    def subjects(self, sentences: list[tuple[int, int]], main: Division | None,
                 paragraph: Division | None) -> list[tuple[Division | None, Division | None]]:
        """For each sentence of a paragraph: the place it opens with as its subject (汾西县充分发挥…,
        我市把…), and the subject it inherits from the last earlier sentence that had one."""
        result, carried = [], None
        for start, end in sentences:
            subject = self._subject(start, end, main, paragraph)
            result.append((subject, carried))
            carried = subject or carried
        return result

    def _subject(self, start: int, end: int, main: Division | None, story: Division | None) -> Division | None:
        """The place chain a sentence opens with, deepest last: 交城县野则河村…, 该县五里岗街道…, 我市…"""
        opening = SUBJECT_OPENING.match(self.resolver.text, start, end)
        at = opening.end() if opening else start
        subject = None
        deictic = next((d for d in self.resolver.deictics(at, min(end, at + 2)) if d[0] == at), None)
        if deictic is not None:
            subject, at = self.resolver.at_level(story or main, deictic[1]), at + 2
        for m in self.resolver.in_span(at, end):
            if m.start != at or (subject is not None and not self._contains(subject, m.division)):
                break
            subject, at = m.division, m.end
        return subject

    def place(self, sentence: tuple[int, int], position: int, paragraph: Division | None,
              main: Division | None, helped: Division | None = None,
              subject: tuple[Division | None, Division | None] = (None, None),
              count: float | None = None) -> Division | None:
        """The place that governs a number at `position` (view offset) in `sentence`.

        `helped`: in a story about its own place helping another, a help action (帮助, 捐赠, 代销 …)
        before the number, in a clause that names no place, went to the place helped. `subject`: the
        sentence's own subject and the one it inherits (see `subjects`). `count`: the value of a count
        (三个, 2座), which may count the places listed before it (吉县、乡宁、安泽三个县: their prefecture).
        """
        listed = self._enumerated(sentence, position, count)
        if listed is not None:
            return listed
        found = self._governing(sentence, position, paragraph, main, subject)
        s_start, s_end = sentence
        if helped is not None and main is not None and found is not None and found.code == main.code:
            c_start, c_end = clause_bounds(self.resolver.text, s_start, s_end, position)
            # 帮助解决实际困难500余个 is help given; 91名干部作为驻村帮扶队员 are the helper's own people
            if self._named(c_start, c_end, main) is None and HELP.search(self.resolver.text, s_start, position):
                return helped
        return found

    def _governing(self, sentence: tuple[int, int], position: int, paragraph: Division | None,
                   main: Division | None, subject: tuple[Division | None, Division | None]) -> Division | None:
        s_start, s_end = sentence
        c_start, c_end = clause_bounds(self.resolver.text, s_start, s_end, position)
        story = paragraph or main
        beneficiary = self._beneficiary(c_start, c_end) or self._beneficiary(s_start, position)
        if beneficiary is not None:
            return beneficiary
        own, carried = subject
        segment = max((m.end() for m in SEGMENT_BREAK.finditer(self.resolver.text, s_start, position)), default=None)
        if segment is not None:  # 其中,岢岚县…;静乐县新建加工厂3座,年加工能力2万吨: each part has its own subject
            own = self._subject(segment, s_end, main, story) or own
        named = (self._named(c_start, position, main, story) or self._named(c_start, c_end, main, story)
                 or own or self._named(s_start, position, main, story) or self._named(s_start, s_end, main, story)
                 or carried)
        if named is None:
            return story
        if story is not None and self._contains(named, story) and (
                named.level in ("province", "prefecture") or (main is not None and story.code == main.code)):
            return story  # 全省, 吕梁市 around a story about one of its counties: the county governs
        return named  # a paragraph opened by a village, then a sentence about its whole district: the district

    def _enumerated(self, sentence: tuple[int, int], position: int, count: float | None) -> Division | None:
        """吉县、乡宁、安泽三个县: a count of the places its clause lists before it is about their common parent."""
        if count is None or count < 2 or count != int(count):
            return None
        c_start, _ = clause_bounds(self.resolver.text, *sentence, position)
        listed = {m.division.code: m.division for m in self.resolver.in_span(c_start, position)}
        if len(listed) != count or len({d.level for d in listed.values()}) != 1:
            return None
        chains = [self.resolver.ancestors(d) for d in listed.values()]
        common = None
        for links in zip(*chains):
            if len({d.code for d in links}) > 1:
                break
            common = links[0]
        return common

    def _beneficiary(self, start: int, end: int) -> Division | None:
        """向临县捐资, 帮助沁县: the place money or help goes to governs the number, not the giver."""
        marked = [m for m in self.resolver.in_span(start, end) if self._receives_help(m)]
        return self.resolver.most_specific(marked) if marked else None

    def _receives_help(self, mention: PlaceMention) -> bool:
        text = self.resolver.text
        return any(text.endswith(marker, max(0, mention.start - len(marker)), mention.start) for marker in BENEFICIARY)

    def helped_place(self, paragraphs: list[tuple[int, int]], main: Division | None) -> Division | None:
        """A story about its own place helping another (帮助沁县, 使沁县…, twice or more): the one helped."""
        counts: dict[str, list] = {}
        for start, end in paragraphs:
            for m in self.resolver.in_span(start, end):
                if self._receives_help(m):
                    counts.setdefault(m.division.code, [0, m.division])[0] += 1
        if not counts or main is None:
            return None
        n, division = max(counts.values(), key=lambda e: e[0])
        if n < 2 or division.code == main.code or self._contains(division, main) or self._contains(main, division):
            return None
        return division

    def _contains(self, outer: Division, inner: Division) -> bool:
        return outer.code != inner.code and f"/{outer.code}/" in self.resolver.path(inner)

    def _named(self, start: int, end: int, main: Division | None, story: Division | None = None) -> Division | None:
        """The most specific place named in [start, end), preferring the story's own places; a background
        clause's places count only when the span ends inside that clause (a number within it)."""
        named = [m for m in self.resolver.in_span(start, end) if not any(
            b_start <= m.start < b_end and not b_start < end <= b_end for b_start, b_end in self.background)]
        mentions = list(named)
        for position, level in self.resolver.deictics(start, end):
            # 岔口村…, 全村共207户: a deictic points back to the place of its level just named, else the story's
            earlier = [m.division for m in named if m.start < position and m.division.level == level]
            division = earlier[-1] if earlier else self.resolver.at_level(story or main, level)
            if division is not None:
                mentions.append(PlaceMention(position, position + 2, "", [division.code], level,
                                             deictic=True, division=division))
        mentions.sort(key=lambda m: m.start)
        if story is not None:
            own = [m for m in mentions if m.division.code == story.code or self._contains(story, m.division)]
            if own:
                return self.resolver.most_specific(own)
        return self.resolver.most_specific(mentions)
