"""Where: the place that governs a number, decided by named rules tried in order.

`PLACE_RULES` are tried first to last and the first place found wins; `PLACE_REFINEMENTS` then may put
another place in its stead. Each is a small function with a one-line docstring, the fact records the
rule that gave its place (`place_rule`, shown by the API under `provenance.why`), and the README's
list is these registries' names and docstrings (a test holds them equal). `PlaceAttribution` holds
what the rules share on a page: the place mentions, the article's main place, the place helped.
When: see years.py.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Callable, Iterator

from .layout import HEADLINE_MAX
from .lexicon import CLAUSE_BREAK, CLAUSE_MARKS, FULL_STOPS, LEAD, LIST_MARK, SEMICOLONS, SENTENCE_MAX, TIME_LEAD, \
    clause_bounds
from .places import DEPTH, TOWN_OFFICE, Division, PlaceMention, PlaceResolver
from .quantities import extract_quantities
from .years import Resolved

HELP = re.compile(r"帮扶|帮助|援建|捐赠|捐助|代销|扶持|结对")
# 与福州市仓山区携手攻坚, 上海市对口帮扶大姚县, 东西部扶贫协作: one place helping, or partnered with, another
HELP_LINK = re.compile(r"帮扶|援建|援助|支援|协作|携手|结对|援藏|援疆|援青")
# 对口援藏项目, 援疆资金: aid to a province the word names, as if the sentence named it as the place helped
AIDED_PROVINCE = {"援藏": "54", "援疆": "65", "援青": "63"}
BENEFICIARY = ("向", "为", "帮助", "给", "援助", "支援", "援建", "帮扶", "资助", "使", "支持", "下达", "拨付")
SEGMENT_BREAK = re.compile(f"[{SEMICOLONS}]")
NOT_FOR = set("作成认称评列定视名改分因以行")  # 作为, 成为, 被评为 …: not 为 (for)
# 向泽州县财政局申报补助资金: a place's office asked for something, not a place helped; 向广东输出劳务人员: a market
# labour or goods go to
ASKED = re.compile(rf"[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{0,8}}?(?:申报|申请|争取|汇报|请示|输出|出口|出售|推销)")
# What may stand before a sentence's subject: 同时, 近年来, 2018年, 截至9月底 …, and the frame of a report
# (记者从县扶贫办了解到，截至9月底，皋兰县…)
REPORT_FRAME = (r"(?:(?:(?:记者|笔者)(?:(?:从|据|在)[^，,。；;：:\n]{1,30}?)?|(?:从|据|在)[^，,。；;：:\n]{1,30}?)"
                r"(?:了解到|获悉|得知|获知|消息)[，,：:]?)?")  # 记者从省扶贫办获悉，…; 记者了解到，…
TIME_FRAME = (r"(?:(?:截至|截止)[^，,。；;\n]{1,12}?[，,]|(?:19|20)\d{2} ?年(?:底|初|末|上半年|\d{1,2}月(?:底|份)?)?[，,]?"
              r"|\d{1,2}月\d{1,2}日[，,])?")  # 2020年孟连县完成…: a year, with or without a comma, before the subject
SINCE_LEAD = r"(?:近几年|近些年|多年|几年|这些年|近\d{1,2}年|(?:19|20)\d{2}年)(?:来|以来)"  # 近几年来，走马镇…
LOCATED = r"(?:(?:位于|地处|坐落在|坐落于)[^，,。；;\n]{1,20}?的)?"  # 位于太行山东麓的临城县…: where the subject lies
SUBJECT_OPENING = re.compile(r"\s*" + LEAD + r"[“\"「]?" + REPORT_FRAME + TIME_FRAME
                             + r"(?:(?:同时|此外|另外|因此|为此|随后|此后|首先|其次|再次|最后|最终|近年来|今年以来|目前|其中|今年|去年"
                             + r"|近日|日前|近期|当天|当日|会上|会议上|这两天|这几天|连日来|眼下|如今|当前"
                             + r"|据了解|据悉|据介绍|据统计|" + SINCE_LEAD + r")[，,]*)?"
                             + LOCATED)
# 这里是贵州最大的安置点, 这里的群众…: a sentence whose subject is the place just named (not 这里面)
HERE = re.compile(r"这里(?!面)")
NATIONWIDE = re.compile(r"全国|我国|中国")
QUOTED = re.compile(r"\s*" + LEAD + r"[“「\"]")  # a sentence that opens a quotation
# …工作队。”伊川县委书记李新红表示。: a short sentence right after a quotation that says who spoke it
SPEAKER = re.compile(rf"[^“”「」\"{CLAUSE_MARKS}{FULL_STOPS}\n]{{2,30}}?(?:说|表示|介绍|说道|坦言|感慨|告诉记者)[{FULL_STOPS}]?\s*$")
# 来宾市委常委、金秀瑶族自治县县委书记韦德斌说，2016年，该县…: who speaks, before what they say
SPOKEN_BY = re.compile(rf"[^“”「」\"{CLAUSE_MARKS}{FULL_STOPS}\n]{{2,30}}?(?:说|表示|介绍|指出|透露|坦言|告诉记者)[，,：:]")
# 甲县、乙县分别投资30万元、20万元: the figures after it go to the places before it, in order
PAIRED = re.compile(r"分别|依次")
# 安置了661户2350人，他们来自石月亮乡和马吉乡的15个村寨: where people came from, after the number
ORIGIN = re.compile(r"来自|搬迁自|迁自|从(?=[^，,。；;\n]{2,20}?(?:搬迁|搬出|迁出|搬来|迁来|搬下))")  # 从七棵树村搬迁出来的
# An amount's digits: not a year, a date or a time (总投资250万元，2016年建成的信义镇…)
AMOUNT_DIGITS = r"\d+(?:\.\d+)?(?![\d.年月日时])"
# 800万元用于甲园、300万元用于乙村…: where an item of a list opens with an amount, the places after it are its
NEXT_ITEM = re.compile(rf"[{LIST_MARK}，,；;]\s*(?={AMOUNT_DIGITS})")
# 覆盖全部832个重点县，以及享受片区政策的新疆阿克苏地区7个市县: a clause that adds another item to a list
ANOTHER_ITEM = re.compile(r"[，,]以及")
# 5家企业入选…基地，叩官镇某公司就是其中之一: a clause naming one of what the number counts is an example of them
ONE_OF_THEM = re.compile(rf"[，,；;](?=[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{0,30}}其中之一)")
# 1448个贫困村出列、剩余13个贫困县和涿鹿县…摘帽: a place named after a later number that a list joins to this
# one belongs to that item
LATER_NUMBER = re.compile(rf"(?<![\d.]){AMOUNT_DIGITS}")
DIGITS_RUN = re.compile(r"[\d.]*")
LIST_JOINER = re.compile(rf"{LIST_MARK}|以及|和|及")
AMONG_THEM = re.compile(r"[，,；;：:]其中")  # …1623户，其中闽宁镇1539户: the parts of a whole just counted
# …共涉及6个村368户。其中：陈阳村58户、天河村69户…: a sentence of the parts (or, after 其中：, a clause of them)
PARTS_OPENING = re.compile(r"\s*其中")
PARTS_AFTER = ("其中：", "其中:")
# 在2016年完成信义镇三个电站的基础上, …: the places of a background clause do not govern what follows
BACKGROUND = re.compile(rf"在[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{2,80}}?基础上")
# 新识别贫困户12户55人（洪广镇11户53人，隆源村1户2人），2020年计划脱贫261户: the places of a breakdown in brackets
# speak only for the figures inside them
ASIDE = re.compile(r"[(（][^()（）\n]{0,120}?\d[^()（）\n]{0,120}?[)）]")  # with figures: not 四地州(喀什地区、和田地区…)
# 人代会在贵阳开幕，…2019年贵州省计划减少农村贫困人口110万人，18个县…: where a meeting is held is not what it speaks of
VENUE = re.compile(rf"在([^{CLAUSE_MARKS}{FULL_STOPS}\n在]{{2,16}}?)(?:隆重|正式|顺利)?(?:召开|举行|举办|开幕|闭幕)")
# 贫困发生率为49%，比全州高出11个百分点: the place a figure is compared with is not the place it is about
COMPARED_WITH = re.compile(r"(?:比|较|高于|低于|多于|少于|快于|慢于|距离?)$")  # and 距离织金县城16公里的阿作村: a distance from it
# 二是抓实项目建设。, 四是深化互动交流。: the short heading sentence of a list's item
ITEM_HEADING = re.compile(rf"\s*(?:[一二三四五六七八九十]{{1,2}}是|[（(][一二三四五六七八九十]{{1,2}}[)）])[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{2,14}}[。.]\s*")
# 汶上县鑫众种植农民专业合作社成立后，盘活120亩…: a cooperative named after its county or town
COOPERATIVE = re.compile(r"[\u4e00-\u9fff]{2,14}?合作社")
# 像大北沟村这样建起了百万袋规模农场的村就达65个: an example of many, not the place they are counted in
LIKE_THIS = re.compile(r"(?:这样|那样|一样)")
LIKE = ("像", "与", "和", "同", "跟")  # 像马如龙这样, 与朱岗村一样: a place a sentence compares its subject with
# 平遥县、祁县两县 …: places listed and then counted as one group (两县, 三个乡镇, 两地)
GROUP_COUNT = re.compile(r"(两|[二三四五六七八九十]|\d{1,2})个?(?:县区|县市|区县|乡镇|县|市|区|乡|镇|村|地)")
LIST_JOINER = re.compile(r"[、和与及]?")
LISTED_BETWEEN = re.compile(r"[、和及]")  # not 与: 襄垣与沁县结对 pairs two places, it does not list them
# 9个县(市、区)包括靖宇县、大安市…: a count, then the places it counts
LISTED_AFTER = re.compile(r"[^，,。；;：:\n]{1,16}?[，,]?(?:包括|分别是|分别为|依次是|依次为|即)[：:]?")
CUT_SHORT = re.compile(r"等(?:最后|首批|其他|其余|共|近|约)?$")  # 吉县、乡宁等5个县, 紫云县等最后9个贫困县
# 龙江等10个县(市)退出贫困县序列: the places a headline names before 等 and a count are examples of a group
EXAMPLES_OF_A_GROUP = re.compile(r"等(?:最后|首批)?(?:[\d一二两三四五六七八九十]+个?|地)")
GROUP_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _deictic_fits(word: str, division: Division) -> bool:
    """全省 points back to a 省, never to 北京市 or 宁夏回族自治区 named before it (of the same level); 全县 to a 县,
    never to a district (仓山区累计投入…，全县贫困发生率…: the story's county, not 仓山区)."""
    return division.name.endswith(word)


def _city_of_a_county(text: str, position: int, division: Division) -> bool:
    """南雄市电子商务公共服务中心提供的数据显示，2018年全市…: 全市 and 该市 point back to a county-level city as well."""
    return division.level == "county" and division.name.endswith("市") and text[position] in "全该" \
        and text[position + 1] == "市"


def _cut_at(text: str, start: int, end: int, *marks: re.Pattern) -> int:
    """Where the first of these marks begins in [start, end), else end."""
    return min([m.start() for m in (mark.search(text, start, end) for mark in marks) if m] + [end])


class PlaceAttribution:
    """Decides the place of each number on one page."""

    def __init__(self, resolver: PlaceResolver):
        self.resolver = resolver
        self.background = [m.span() for m in BACKGROUND.finditer(resolver.text)] \
            + [m.span() for m in ASIDE.finditer(resolver.text)]
        self.venues = [m.span(1) for m in VENUE.finditer(resolver.text)]
        self.groups = self._groups()
        self._sentence_before: dict[tuple[str, int], list[Division]] = {}
        self.helpers: dict[str, set[str]] = {}  # a story's main place → the provinces that help it (helpers_of)

    def _groups(self) -> list[tuple[int, set[str], Division]]:
        """(start, codes, common parent) of each run of places listed and counted as one (平遥县、祁县两县)."""
        text, groups = self.resolver.text, []
        for count in GROUP_COUNT.finditer(text):
            listed, at = [], count.start()
            for m in reversed(self.resolver.in_span(max(0, at - 60), at)):
                if m.end != at and not (m.end + 1 == at and LIST_JOINER.fullmatch(text[m.end:at])):
                    break
                listed.insert(0, m)
                at = m.start
            written = count.group(1)
            number = int(written) if written.isdigit() else GROUP_NUMBERS[written]
            if len(listed) >= 2 and len(listed) == number:
                parent = self._common_parent([m.division for m in listed])
                if parent is not None:
                    groups.append((listed[0].start, {m.division.code for m in listed}, parent))
        return groups

    def _common_parent(self, divisions: list[Division]) -> Division | None:
        """The deepest division that holds all of these (of one level), or None."""
        if len({d.level for d in divisions}) != 1:
            return None
        return self._lowest_common(divisions)

    def main_place(self, headings: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> Division | None:
        """The article's place: the most specific in its headings (of places it lists, the one that holds them),
        else the one its body names most.

        A headline province or prefecture yields to the place inside it that the body names most, more often than
        itself and twice or more or in its first paragraph (临夏：特色养殖铺富路 over a story of 布楞沟村; not to one
        example among its places, each named once, further on: 广东下达3亿中央财政资金 … 对…广州市增城区…进行奖励).
        A headline about the whole country (全国农村贫困人口减少1386万人, 又有8省市贫困县全部摘帽) or listing provinces
        (川藏及河北江西 26县脱贫) has none: a province its body names is one part of the story, not its place; nor has
        a story whose first paragraph speaks for the country and whose body names no place twice.
        """
        for start, end in headings:
            mentions = self.resolver.in_span(start, end)
            found = self.resolver.most_specific(mentions)
            if found is not None:
                if found.level == "province" and any(len({m.division.code for m in run}) >= 2 and found.code in
                                                     {m.division.code for m in run} for run in self._runs(mentions)):
                    return None  # 川藏及河北江西 26县脱贫: a headline listing provinces is the country's story
                found = self._listed_parent(mentions, found) or found
                if EXAMPLES_OF_A_GROUP.match(self.resolver.text, mentions[-1].end):
                    return self._holder_of_examples(found, paragraphs)
                if found.level in ("province", "prefecture"):
                    counts = self._named_counts(paragraphs)
                    body = self._most_named(paragraphs, counts)
                    most = max(n for n, _ in counts.values()) if counts else 0
                    if body is not None and self._contains(found, body) and most > counts.get(found.code, [0])[0] \
                            and (most >= 2 or self._opens_with(paragraphs, body)):
                        return body  # 湖北某县：…, 临夏：…, a story about one of the places inside: that place
                return found
        if any(NATIONWIDE.search(self.resolver.text, start, end) or PROVINCES_COUNTED.search(self.resolver.text, start, end)
               for start, end in headings):
            return None
        counts = self._named_counts(paragraphs)
        found = self._opening_area(paragraphs, counts, self._most_named(paragraphs, counts))
        if found is not None and max(n for n, _ in counts.values()) == 1 and paragraphs \
                and self.speaks_for_the_country(*paragraphs[0]):
            return None  # 国家统计局…公布…普查公报，…我国脱贫攻坚成效 …(…新疆阿克苏地区7个市县): a national story
        return found

    def _opening_area(self, paragraphs: list[tuple[int, int]], counts: dict[str, list],
                      found: Division | None) -> Division | None:
        """A place the first paragraph names, and the body as often as the deeper one inside it that the first
        paragraph does not (10个贫困县摘帽…，这是新疆维吾尔自治区…的任务 over 英乃喀什村, one of its examples), is the story's."""
        if found is None or not paragraphs or self._opens_with(paragraphs[:1], found):
            return found
        opening = {m.division.code for m in self.resolver.in_span(*paragraphs[0])}
        tied = [d for n, d in counts.values() if n == counts[found.code][0] and d.code in opening and self._contains(d, found)]
        return max(tied, key=lambda d: d.depth) if tied else found

    def _opens_with(self, paragraphs: list[tuple[int, int]], place: Division) -> bool:
        """Whether the first paragraph names the place or one inside it."""
        return bool(paragraphs) and any(m.division.code == place.code or self._contains(place, m.division)
                                        for m in self.resolver.in_span(*paragraphs[0]))

    def _holder_of_examples(self, example: Division, paragraphs: list[tuple[int, int]]) -> Division | None:
        """龙江等10个县(市)退出贫困县序列: a headline about a group its places are examples of is about the place
        the body names most that holds them (黑龙江省), else the one right above them."""
        counts = self._named_counts(paragraphs)
        holders = [(n, d) for n, d in counts.values() if self._contains(d, example)]
        if holders:
            return max(holders, key=lambda held: held[0])[1]
        return self.resolver.division(example.parent)

    def _listed_parent(self, mentions: list[PlaceMention], deepest: Division) -> Division | None:
        """河南新县、沈丘县、新蔡县退出贫困县: a headline that lists its deepest places is about the place that holds them."""
        for run in self._runs(mentions):
            listed = {m.division.code: m.division for m in run}
            if len(listed) >= 2 and deepest.code in listed:
                return self._common_parent(list(listed.values()))
        return None

    def _named_counts(self, paragraphs: list[tuple[int, int]]) -> dict[str, list]:
        """code → [how often the paragraphs name it, the division]; places listed together (喀什、和田、阿克苏地区)
        count once, for the place that holds them."""
        counts: dict[str, list] = {}
        for start, end in paragraphs:
            mentions = self.resolver.in_span(start, end)
            starts = [m.start for m in mentions]
            for run in self._runs(mentions):
                listed = {m.division.code: m.division for m in run}
                parent = self._common_parent(list(listed.values())) if len(listed) >= 2 else None
                within = mentions[bisect.bisect_left(starts, run[0].start):bisect.bisect_left(starts, run[-1].end)]
                named = [parent] if parent is not None else [m.division for m in within if m.end <= run[-1].end]
                for division in named:
                    entry = counts.setdefault(division.code, [0, division])
                    entry[0] += 1
        return counts

    def _most_named(self, paragraphs: list[tuple[int, int]], counts: dict[str, list] | None = None) -> Division | None:
        """The place the paragraphs name most often, the deeper of two named as often; of several as deep
        named as often, the place that holds them; the one place inside it named but once less, twice or more
        (驻五台县豆村镇香峪村工作队…依托豆村镇…: 香峪村, its chains naming the town with it every time)."""
        counts = self._named_counts(paragraphs) if counts is None else counts
        if not counts:
            return None
        most = max(n for n, _ in counts.values())
        tied = [d for n, d in counts.values() if n == most]
        deepest = [d for d in tied if d.depth == max(t.depth for t in tied)]
        if len(deepest) > 1:  # 为甲村…；为乙村…；为丙村…, each named once: the place that holds them all
            common = self._lowest_common(deepest)  # 北京、天津、河北… (three or more with none) are the country's;
            return common if common is not None or len(deepest) >= 3 else deepest[0]  # of two, the one named first
        found = deepest[0]
        inside = [d for n, d in counts.values() if n == most - 1 and n >= 2 and self._contains(found, d)]
        return inside[0] if len(inside) == 1 else found

    def _lowest_common(self, divisions: list[Division]) -> Division | None:
        """The deepest division that holds all of these, whatever their levels."""
        common = None
        for links in zip(*(self.resolver.ancestors(d) for d in divisions)):
            if len({d.code for d in links}) > 1:
                break
            common = links[0]
        return common

    def article_place(self, main: Division | None) -> Division | None:
        """An article is filed under a county (or the prefecture or province it is about): a story
        about 岔口村 is a 交城县 story, while its facts keep the village."""
        if main is None or main.depth <= DEPTH["county"]:
            return main
        return self.resolver.at_level(main, "county") or main

    def sub_heading(self, start: int, end: int, main: Division | None = None) -> tuple[bool, Division | None]:
        """Whether the span is a sub-heading inside a story (a short line with no sentence's end: A, 三合村：“空壳村”念好
        “养猪经”), and the place it opens with before a colon, of which the paragraphs under it speak; not one that
        holds the story's own place (河北：食用菌鼓起张北农民“钱袋子”, a headline repeated in a story about 张北县)."""
        text = self.resolver.text
        line = text[start:end].strip()
        if not line or len(line) > HEADLINE_MAX or "\n" in line or any(mark in line for mark in FULL_STOPS):
            return False, None
        at, last = start + len(text[start:end]) - len(text[start:end].lstrip()), None
        for m in self.resolver.in_span(at, end):  # 修文县三合村：…: the chain of places it opens with, its last
            if m.start != at:
                break
            last, at = m, m.end
        if last is None or not text.startswith(("：", ":"), at) or main is not None and self._contains(last.division, main):
            return True, None
        return True, last.division

    def paragraph_place(self, sentences: list[tuple[int, int]], main: Division | None) -> Division | None:
        """The place a paragraph opens with: its first sentence's subject, else the place that sentence names
        (before any it says people came from, the parts it breaks a whole into after 其中, or a list of amounts
        after its first; of several places as deep, the one that holds them);
        for a paragraph that opens with a quotation naming none, those of the sentence after the quotation,
        which says who spoke (“我们家管理二十多亩茶园……” 58岁的李兴国是鹤峰县走马镇的村民)."""
        if not sentences:
            return None
        start, end = sentences[0]
        found = self._subject(start, end, main, None)
        if found is None:
            listed = self._only_a_list(start, end)  # 北京、天津、河北…: a list with no common parent opens with none
            # …，搬迁群众来自夏门镇: not where the story is; 永宁县识别出…，其中闽宁镇…、胜利乡…: the whole, not a part
            # 投入1500万元…，800万元用于甲…、300万元用于乙镇…: the total's, not a part's
            cut = _cut_at(self.resolver.text, start, end, ORIGIN, AMONG_THEM, NEXT_ITEM)
            found = self._common_parent(listed) if listed else self._named(start, cut, main)
            if found is not None and not listed:  # 300万元用于甲镇乙村…、200万元用于丙镇丁村…: the place holding them
                deepest = {m.division.code: m.division for m in self.resolver.in_span(start, cut)
                           if m.division.depth == found.depth}
                found = (self._lowest_common(list(deepest.values())) or found) if len(deepest) > 1 else found
        if found is None and len(sentences) > 1 and QUOTED.match(self.resolver.text, start, end):
            text = self.resolver.text
            closing = next((k for k, (s_start, s_end) in enumerate(sentences[:4]) if "”" in text[s_start:s_end]
                            or "」" in text[s_start:s_end]), None)
            if closing is not None and closing + 1 < len(sentences):
                start, end = sentences[closing + 1]
                found = self._subject(start, end, main, None) or self._named(start, end, main)
        if found is not None and main is not None and found.level in ("province", "prefecture") \
                and self._contains(found, main):
            return main  # a paragraph that opens with 全省 or the prefecture is still about the story's place
        return found

    def subjects(self, sentences: list[tuple[int, int]], main: Division | None,
                 paragraph: Division | None) -> list[tuple[Division | None, Division | None]]:
        """For each sentence of a paragraph: the place it opens with as its subject (汾西县充分发挥…,
        我市把…), and the subject it inherits from the last earlier sentence that had one (NO_PLACE after
        one that opens with the whole country: 2018年，全国有125个贫困县脱贫。“农村1000多万贫困人口…”), up to
        the heading of a list's next item (…嘉定区选派…。四是狠抓产业合作。引入…: none); a sentence of the parts of
        a whole (其中：陈阳村58户、天河村69户…) hands on no subject of its own."""
        result, carried = [], None
        for k, (start, end) in enumerate(sentences):
            subject = self._subject(start, end, main, paragraph)
            result.append((subject, self._speaker_of(sentences, k, main, paragraph) or carried))
            if ITEM_HEADING.fullmatch(self.resolver.text, start, end):
                carried = None  # 四是深化互动交流。: a new item of a list begins, about the paragraph's place again
            elif subject is None and self._opens_with_the_country(start, end):
                carried = NO_PLACE
            elif not self._examples(start, end, main, paragraph) and not PARTS_OPENING.match(self.resolver.text, start):
                carried = (subject and self.handed_on((start, end), subject, main)) \
                    or self._later_clause_subject(start, end, main, paragraph, carried) or carried
        return result

    def handed_on(self, sentence: tuple[int, int], subject: Division, main: Division | None) -> Division:
        """The place a sentence with this subject hands on to the next: its subject, or the place it helps."""
        return self._helped_by(*sentence, subject, main) or subject

    def _helped_by(self, start: int, end: int, subject: Division, main: Division | None) -> Division | None:
        """广东江门市对口帮扶广西龙州县，为龙州…公司提供1000万元。公司目前有240多名员工: a sentence whose subject
        helps another place in its first clause hands on the place helped, where what follows happens (not in a
        story about the helper's work elsewhere, 孝义篇: 孝义市帮助临县…。驻村工作队挑选了91名干部)."""
        text = self.resolver.text
        opening = SUBJECT_OPENING.match(text, start, end)  # 2015年，四川省食药监局开始对口帮扶红原县
        helped = self._beneficiary(start, _cut_at(text, opening.end() if opening else start, end, CLAUSE_BREAK))
        if helped is None or helped.code == subject.code or self._contains(helped, subject):
            return None
        at_home = main is not None and (subject.code == main.code or self._contains(main, subject))
        return None if at_home and not self._contains(main, helped) else helped

    def _speaker_of(self, sentences: list[tuple[int, int]], k: int, main: Division | None,
                    story: Division | None) -> Division | None:
        """“建设85个光伏发电站，相当于…工作队。”伊川县委书记李新红表示。: a quotation that names no place speaks
        for the place of the one the next sentence says spoke it, in each of its sentences (“…打工。…今年我种了
        中药材18亩…。”奉节县长安乡五坝村的村民丁敬明说。)."""
        text = self.resolver.text

        def closes(j: int) -> bool:
            return text[sentences[j][0]:sentences[j][1]].rstrip().endswith(("”", "」"))

        mark = max(text.rfind(quote, sentences[0][0], sentences[k][1]) for quote in "“「\"")
        if mark < 0:
            return None  # no quotation in the paragraph so far
        first = k
        while first > 0 and sentences[first][0] > mark:
            first -= 1  # back to the sentence of the last opening mark
        opened = next((j for j in range(k, first - 1, -1) if QUOTED.match(text, *sentences[j])), None)
        if opened is None or any(closes(j) for j in range(opened, k)):
            return None  # no quotation open at this sentence
        closed = next((j for j in range(k, len(sentences)) if closes(j)), None)
        if closed is None or closed + 1 >= len(sentences) \
                or self.resolver.in_span(sentences[opened][0], sentences[closed][1]):
            return None
        s_start, s_end = sentences[closed + 1]
        return self._subject(s_start, s_end, main, story) if SPEAKER.fullmatch(text, s_start, s_end) else None

    def _later_clause_subject(self, start: int, end: int, main: Division | None, story: Division | None,
                              carried: "Division | NoPlace | None") -> Division | None:
        """易地扶贫搬迁工程是…重中之重，洪家院村易地扶贫搬迁居民点自今年6月1日开工建设以来…: a sentence of no
        subject of its own whose later clauses open with one place, inside the subject carried so far, hands that
        place on, the deeper one it has turned to (not the first of the parts it lists after 其中)."""
        if not isinstance(carried, Division):
            return None
        text = self.resolver.text
        found = {subject.code: subject for clause in CLAUSE_BREAK.finditer(text, start, end)
                 if not PARTS_OPENING.match(text, clause.end()) and not text.endswith(PARTS_AFTER, start, clause.end())
                 and (subject := self._subject(clause.end(), end, main, story)) is not None}
        if len(found) != 1:
            return None  # 永和县与尧都区结对，大宁县与侯马市结对: examples, not where the paragraph turns
        turned = next(iter(found.values()))
        return turned if turned.depth > carried.depth and self._contains(carried, turned) else None

    def _opens_with_the_country(self, start: int, end: int) -> bool:
        """2018年，全国有125个贫困县…: the sentence's subject, after its time, is the whole country."""
        text = self.resolver.text
        at = CLAUSE_SUBJECT_LEAD.match(text, start, end).end()
        if at < end and text[at] in "，,":
            at += 1
        return COUNTRY_SUBJECT.match(text, at, end) is not None

    def _examples(self, start: int, end: int, main: Division | None, story: Division | None) -> bool:
        """宁远县通过…；江华针对…: parts of a sentence that each open with a place of their own are examples of
        what the paragraph speaks of, and leave its subject to the sentences after them."""
        parts = [start, *(m.end() for m in SEGMENT_BREAK.finditer(self.resolver.text, start, end)), end]
        if len(parts) <= 2:
            return False
        openers = {self._subject(a, b, main, story) for a, b in zip(parts, parts[1:]) if b > a}
        return None not in openers and len(openers) >= 2

    def _subject(self, start: int, end: int, main: Division | None, story: Division | None) -> Division | None:
        """The place chain a sentence opens with, deepest last: 交城县野则河村…, 该县五里岗街道…, 我市…; for a list
        of places of one level (宁远、新田、江华等7个县…), their common parent; for a cooperative named after its
        county or town (汶上县鑫众种植农民专业合作社…), the story's place within it (南陈村)."""
        opening = SUBJECT_OPENING.match(self.resolver.text, start, end)
        at = opening.end() if opening else start
        spoken = SPOKEN_BY.match(self.resolver.text, at, end)
        if spoken is not None and (said := self._subject(spoken.end(), end, main, story)) is not None:
            return said  # the place of what a speaker says, not of the speaker's office
        subject = None
        deictic = next((d for d in self.resolver.deictics(at, min(end, at + 4)) if d[0] == at), None)
        if deictic is not None:
            word = self.resolver.text[deictic[2] - 1]
            subject, at = self.resolver.of_the_story(story or main, deictic[1], word, at), deictic[2]
        elif (here := HERE.match(self.resolver.text, at)) is not None and not self._placed_here(here.end(), end):
            return self._named_last(None, at)  # 这里是贵州最大的…安置点，共建安置房148栋: the place named just before
        first = at
        for m in self.resolver.in_span(at, end):
            if m.start != at or (subject is not None and not self._contains(subject, m.division)):
                break
            subject, at = m.division, m.end
            office = TOWN_OFFICE.match(self.resolver.text, at) if subject.level == "town" else None
            at = office.end() if office else at  # 龙眠街道办事处黄燕村…
        home = story or main
        if subject is not None and subject.level in ("county", "town") and home is not None \
                and self._contains(subject, home) and COOPERATIVE.match(self.resolver.text, at):
            return home  # 汶上县鑫众种植农民专业合作社…, in a story about 南陈村: a cooperative of the story's place
        if subject is not None and LISTED_BETWEEN.match(self.resolver.text, at):
            # 宁远、新田、江华等7个县…: a sentence that opens with a list is about the places listed together
            run = next(self._runs(self.resolver.in_span(first, end)), [])
            listed = {m.division.code: m.division for m in run}
            if len(listed) >= 2:
                common = self._common_parent(list(listed.values()))
                if common is not None and home is not None and self._contains(home, common) \
                        and EXAMPLES_OF_A_GROUP.match(self.resolver.text, run[-1].end):
                    return home  # 龙江、克东等10个县完成了…: examples of a group the story's place holds
                return common
        return subject

    def place(self, sentence: tuple[int, int], position: int, paragraph: Division | None,
              main: Division | None, helped: Division | None = None,
              subject: tuple[Division | None, Division | None] = (None, None),
              count: float | None = None) -> Division | None:
        """The place that governs a number at `position` (view offset) in `sentence` (see `place_why`)."""
        return self.place_why(sentence, position, paragraph, main, helped, subject, count).value

    def place_why(self, sentence: tuple[int, int], position: int, paragraph: Division | None,
                  main: Division | None, helped: Division | None = None,
                  subject: tuple[Division | None, Division | None] = (None, None),
                  count: float | None = None, earlier: Division | None = None,
                  section: Division | None = None) -> Resolved:
        """The place that governs a number, and the rule that gave it: the first of PLACE_RULES that
        answers, then PLACE_REFINEMENTS in turn, each of which may put another place in its stead.

        `helped`: in a story about its own place helping another, the place helped. `subject`: the
        sentence's own subject and the one it inherits (see `subjects`). `count`: the value of a count
        (三个, 2座), which may count the places listed before it. `earlier`: the place the paragraphs
        typed right above this one left off with (their last subject, else the place one opened with).
        `section`: the place the sub-heading the paragraph falls under opens with (三合村：…).
        """
        ctx = PlaceContext(self, sentence, position, paragraph, main, helped, subject, count, earlier, section)
        for rule in PLACE_RULES:
            found = rule(ctx)
            if found is NO_PLACE:
                return Resolved(None, rule.__name__)
            if found is not None:
                answer = Resolved(found, rule.__name__)
                break
        else:
            return Resolved(None, None)
        if answer.rule in (listed_places.__name__, paired_list.__name__):
            return answer
        for refinement in PLACE_REFINEMENTS:
            instead = refinement(ctx, answer)
            if instead is NO_PLACE:
                return Resolved(None, refinement.__name__)
            if instead is not None:
                answer = Resolved(instead, refinement.__name__)
        return answer

    def _enumerated(self, sentence: tuple[int, int], position: int, count: float | None) -> Division | None:
        """吉县、乡宁、安泽三个县: a count of the places its clause lists before it is about their common parent, as is
        a count of more than the list names written right after it (甘孜州、阿坝州和凉山州木里县32个贫困县)."""
        if count is None or count < 2 or count != int(count):
            return None
        c_start, _ = clause_bounds(self.resolver.text, *sentence, position)
        mentions = self.resolver.in_span(c_start, position)
        if not mentions:
            return None
        # 吉县、乡宁等5个县: 等 says the list is cut short, so the count may be larger than the list
        etc = CUT_SHORT.search(self.resolver.text, c_start, position)
        items = list(self._runs(mentions))[-1]
        if etc is not None and items[-1].end == etc.start():
            if len(items) > 1:
                if count < len(items):
                    return None
                common = self._common_parent([m.division for m in items])
                # 黑龙江省龙江、克东等10个国贫县: examples of more than they name, all inside the place named
                # before them, may lie beyond the examples' own parent
                holders = [m.division for m in self.resolver.in_span(sentence[0], position)
                           if all(m.division.code != i.division.code and self._contains(m.division, i.division)
                                  for i in items)]
                wider = holders[-1] if holders and count > len(items) else None
                return wider if wider is not None and (common is None or self._contains(wider, common)) else common
            # 贵州宣布紫云县等最后9个贫困县: one example of the places counted; the place named before it in the
            # sentence that holds it (记者从广西壮族自治区政府获悉，龙胜各族自治县等14个贫困县…), else the place one
            # level above it
            only = items[0].division
            holders = [m.division for m in self.resolver.in_span(sentence[0], position)
                       if self._contains(m.division, only) and m.division.code != only.code]
            holder = holders[-1] if holders else self.resolver.division(only.parent)
            # 批准日喀则市谢通门县等19个县: 日喀则市 has 18 counties, so the 19 lie in the region above it
            return self._with_room(holder, position, count)
        listed = {m.division.code: m.division for m in mentions}
        if len(listed) == count:
            return self._common_parent(list(listed.values()))
        # 四川藏区包含甘孜州、阿坝州和凉山州木里县32个贫困县: more than the list names, all of them inside it
        in_list = {m.division.code: m.division for m in items}
        if len(in_list) >= 2 and count > len(in_list) and items[-1].end == position:
            return self._lowest_common(list(in_list.values()))
        return None

    def _with_room(self, holder: Division | None, position: int, count: float) -> Division | None:
        """The holder, or the nearest place above it, that the gazetteer gives room for the divisions counted
        at `position` (19个县 do not fit in a prefecture of 18)."""
        counted = DIVISIONS_COUNTED.match(self.resolver.text, position)
        if holder is None or counted is None:
            return holder
        level = COUNTED_LEVEL[counted.group(1)]
        return next((above for above in reversed(self.resolver.ancestors(holder)) if self._has_room(above, level, count)),
                    holder)

    def _has_room(self, division: Division, level: str, count: float) -> bool:
        """Whether the gazetteer gives the division room for `count` divisions of `level` (铜川市 has 4 counties);
        a division learned from the page is taken at its word."""
        gazetteer = self.resolver.gazetteer
        return division.code not in gazetteer.divisions or gazetteer.holds(division.code, level) >= count

    def _listed_after(self, sentence: tuple[int, int], position: int, count: float | None) -> list[Division]:
        """9个县(市、区)包括靖宇县、大安市…: the places a count lists after it with 包括, 分别是, 依次为 or 即, else none."""
        if count is None or count < 2:
            return []
        lead = LISTED_AFTER.match(self.resolver.text, position, sentence[1])
        runs = self._runs(self.resolver.in_span(lead.end(), sentence[1])) if lead else iter(())
        items = next(runs, [])
        if not items or items[0].start != lead.end() or len({m.division.code for m in items}) < 2:
            return []
        return [m.division for m in items]

    def _only_a_list(self, start: int, end: int) -> list[Division]:
        """The places a span lists, when it names nothing but that list (南疆四地州，是阿克苏地区、喀什地区、和田地区和
        克孜勒苏柯尔克孜自治州的合称), else none."""
        runs = list(self._runs(self.resolver.in_span(start, end)))
        if len(runs) != 1 or len({m.division.code for m in runs[0]}) < 2:
            return []
        return [m.division for m in runs[0]]

    def _runs(self, mentions: list[PlaceMention]) -> Iterator[list[PlaceMention]]:
        """The mentions as lists, first to last: places joined by 、/和/及 are one list (甲村、乙村和丙村), and a
        chain written together (芒康县戈波乡, 甘洛县斯觉镇依乌村) is one item of it, standing for its deepest place."""
        text, run = self.resolver.text, []
        for m in mentions:
            last = run[-1] if run else None
            if last is not None and m.start == last.end and self._contains(last.division, m.division):
                run[-1] = PlaceMention(last.start, m.end, text[last.start:m.end], [m.division.code],
                                       m.division.level, division=m.division)
            elif last is not None and (LISTED_BETWEEN.fullmatch(text[last.end:m.start]) or m.start == last.end
                                       and last.division.level == m.division.level == "province"):
                run.append(m)  # 川藏及河北江西: provinces written one after another are listed too
            else:
                if run:
                    yield run
                run = [m]
        if run:
            yield run

    def _beneficiary(self, start: int, end: int) -> Division | None:
        """向临县捐资, 帮助沁县: the place money or help goes to governs the number, not the giver; help to
        places listed together (资助甲村、乙村、丙村…) goes to their common parent."""
        mentions = self.resolver.in_span(start, end)
        marked = [self._listed_from(mentions[k:]) for k, m in enumerate(mentions) if self._receives_help(m)]
        return self.resolver.most_specific(marked) if marked else None

    def _listed_from(self, mentions: list[PlaceMention]) -> PlaceMention:
        """The first item of the list the mentions open with (a chain written together counts as its deepest
        place), or one standing for the places of one level listed (甲村、乙村和丙村) by their common parent."""
        items = next(self._runs(mentions))  # only the first list: the help marked goes to it
        parent = self._common_parent([m.division for m in items]) \
            if len({m.division.code for m in items}) >= 2 else None
        if parent is None:
            return items[0]
        return PlaceMention(items[0].start, items[-1].end, self.resolver.text[items[0].start:items[-1].end],
                            [parent.code], parent.level, division=parent)

    def _receives_help(self, mention: PlaceMention) -> bool:
        """向临县捐资, 帮助沁县: marked as the place helped (not 向泽州县财政局申报, an authority asked)."""
        text = self.resolver.text
        marked = [marker for marker in BENEFICIARY if text.endswith(marker, max(0, mention.start - len(marker)), mention.start)]
        if marked == ["为"] and text[mention.start - 2:mention.start - 1] in NOT_FOR:
            return False  # 作为陕西…的源发地, 被评为…: 为 of another word
        return bool(marked) and ASKED.match(text, mention.end) is None

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

    def helpers_of(self, headings: list[tuple[int, int]], sentences: list[tuple[int, int]],
                   main: Division | None) -> None:
        """Record, as `helpers` of the story's place, the provinces whose places a story about `main` says help it
        (临洮县…与福州市仓山区携手攻坚; 上海市对口帮扶大姚县): a sentence that speaks of help or partnership and names
        both the story's place (or aid to its province: 上海市对口援藏项目1582个 in a story about 日喀则) and a place of
        another province, not one it says is helped (东莞市向河池市捐赠…; 上海市与喀什行署签订…，加大了支援援疆工作的力度),
        which the headings do not name (杭州实施454个项目帮扶黔东南和恩施州群众 is the helper's story)."""
        home = self.resolver.at_level(main, "province")
        if main is None or home is None:
            return
        text, found = self.resolver.text, set()
        headlined = {province.code for start, end in headings for m in self.resolver.in_span(start, end)
                     if (province := self.resolver.at_level(m.division, "province")) is not None}
        for start, end in sentences:
            link = HELP_LINK.search(text, start, end)
            if not link:
                continue
            mentions = self.resolver.in_span(start, end)
            aided = {AIDED_PROVINCE[word] for word in AIDED_PROVINCE if word in text[start:end]}
            if home.code not in aided and \
                    not any(m.division.code == main.code or self._contains(main, m.division) for m in mentions):
                continue
            found |= {province.code for d in (m.division for m in mentions if not self._receives_help(m))
                      if (province := self.resolver.at_level(d, "province")) is not None
                      and province.code != home.code and province.code not in headlined | aided}
        self.helpers.setdefault(main.code, set()).update(found)

    def speaks_for_the_country(self, start: int, end: int) -> bool:
        """The span names the whole country (全国…, 中央决定…), or a clause of it opens with several provinces (截至8月底，28个省(市、区)累计发放…): a paragraph ending so leaves no place to go on with."""
        text = self.resolver.text
        if COUNTRY_SUBJECT.search(text, start, end) is not None:
            return True
        return any(PROVINCES_SUBJECT.match(text, at) for _, at in clause_openings(text, start, end))

    def _contains(self, outer: Division, inner: Division) -> bool:
        return outer.code != inner.code and f"/{outer.code}/" in self.resolver.path(inner)

    def _named(self, start: int, end: int, main: Division | None, story: Division | None = None) -> Division | None:
        """The most specific place named in [start, end), preferring the story's (else the article's) own places; a background
        clause's places count only when the span ends inside that clause (a number within it)."""
        named = [m for m in self.resolver.in_span(start, end) if not any(
            b_start <= m.start < b_end and not b_start < end <= b_end for b_start, b_end in self.background)]
        elsewhere = [m for m in named if not any(v_start <= m.start < v_end for v_start, v_end in self.venues)]
        named = elsewhere or named  # a venue speaks only for a span that names no other place
        mentions, text = list(named), self.resolver.text
        for position, level, deictic_end in self.resolver.deictics(start, end):
            division = self.deictic_place(position, level, deictic_end, named, main, story)
            if division is not None:
                mentions.append(PlaceMention(position, deictic_end, "", [division.code], level,
                                             deictic=True, division=division))
        mentions = [m for m in mentions if not COMPARED_WITH.search(text, max(0, m.start - 2), m.start)
                    and not (text[m.start - 1:m.start] in LIKE and LIKE_THIS.match(text, m.end))]
        mentions.sort(key=lambda m: m.start)
        home = story or main
        if home is not None:
            own = [m for m in mentions if m.division.code == home.code or self._contains(home, m.division)]
            if own:
                return self.resolver.most_specific(own)
        return self.resolver.most_specific(mentions)

    def deictic_place(self, position: int, level: str, end: int, named: list[PlaceMention], main: Division | None,
                      story: Division | None) -> Division | None:
        """岔口村…, 全村共207户: a deictic points back to the place of its level just named (among `named`), else
        the story's, else (a village, a town, or any 该X) the one named last in the sentences just before."""
        text = self.resolver.text
        word = text[end - 1]
        earlier = [m.division for m in named if m.start < position and (
            m.division.level == level and _deictic_fits(word, m.division) or _city_of_a_county(text, position, m.division))] \
            or [d for d in self._in_sentence_before(level, position) if _deictic_fits(word, d)]
        division = earlier[-1] if earlier else self.resolver.of_the_story(story or main, level, word, position)
        if division is None and (level in ("village", "town") or text[position] == "该"):
            division = self._named_last(level, position)  # 该县: the county just named, in any story
        return division

    def _in_sentence_before(self, level: str, position: int) -> list[Division]:
        """The places of this level named earlier in the sentence (江西于都…，覆盖了全县123个贫困村: 于都县).
        No sentence is longer than SENTENCE_MAX, so the search for its start looks no further back."""
        key = (level, position)
        if key not in self._sentence_before:  # each number's spans revisit the same deictics
            text, reach = self.resolver.text, max(0, position - SENTENCE_MAX)
            start = max(reach, *(text.rfind(mark, reach, position) + 1 for mark in FULL_STOPS + "\n"))
            self._sentence_before[key] = [m.division for m in self.resolver.in_span(start, position)
                                          if m.division.level == level or _city_of_a_county(text, position, m.division)]
        return self._sentence_before[key]

    def _placed_here(self, start: int, end: int) -> bool:
        """这里是四川渠县渠南乡大山村的…: 这里 said to be places written one after another before 的, which name it."""
        at = start + 1 if self.resolver.text.startswith("是", start) else None
        for m in self.resolver.in_span(start, end) if at is not None else ():
            if m.start != at:
                break
            at = m.end
        return at is not None and at > start + 1 and self.resolver.text.startswith("的", at)

    def _named_last(self, level: str | None, position: int, reach: int = 400) -> Division | None:
        """The place of this level (of any, for None) named last within `reach` characters before `position`."""
        before = [m.division for m in self.resolver.in_span(max(0, position - reach), position)
                  if level is None or m.division.level == level]
        return before[-1] if before else None


class PlaceContext:
    """A number at `position` in `sentence` (view offsets) and what the page knows around it."""

    def __init__(self, attribution: PlaceAttribution, sentence: tuple[int, int], position: int,
                 paragraph: Division | None, main: Division | None, helped: Division | None,
                 subject: tuple[Division | None, Division | None], count: float | None,
                 earlier: Division | None = None, section: Division | None = None):
        self.attribution, self.sentence, self.position = attribution, sentence, position
        self.paragraph, self.main, self.helped, self.count = paragraph, main, helped, count
        self.earlier, self.section = earlier, section
        self.story = paragraph or main
        self.clause = clause_bounds(attribution.resolver.text, *sentence, position)
        self.sentence_subject, self.carried = subject

    @functools.cached_property
    def part_start(self) -> int:
        """Where the number's part of the sentence begins: after the last semicolon before it."""
        text = self.attribution.resolver.text
        return max((m.end() for m in SEGMENT_BREAK.finditer(text, self.sentence[0], self.position)),
                   default=self.sentence[0])

    @functools.cached_property
    def part_end(self) -> int:
        """Where the number's part of the sentence ends: at the first semicolon after it."""
        after = SEGMENT_BREAK.search(self.attribution.resolver.text, self.position, self.sentence[1])
        return after.start() if after else self.sentence[1]

    @functools.cached_property
    def own(self) -> Division | None:
        """The subject of the number's part of the sentence: 其中,岢岚县…;静乐县新建加工厂3座 — each part
        after a semicolon may open with a subject of its own; a part with none after parts that opened
        with different places belongs to the place that holds them, and one after a first part whose subject
        helps another place to the place it hands on (上海市对口帮扶大姚县投入…；已拨付使用资金2405.4万元: 大姚县).
        Found only when a rule asks."""
        if self.part_start == self.sentence[0]:
            return self.sentence_subject
        own = self.attribution._subject(self.part_start, self.sentence[1], self.main, self.story)
        if own is not None:
            return own
        text = self.attribution.resolver.text
        starts = [self.sentence[0], *(m.end() for m in SEGMENT_BREAK.finditer(text, self.sentence[0], self.part_start))]
        earlier = {d.code: d for d in (self.attribution._subject(start, self.sentence[1], self.main, self.story)
                                       for start in starts) if d is not None}
        if len(earlier) >= 2:  # 甲村的田地里…；乙村的广场上…；投资3000万元…: the place that holds them all
            return self.attribution._lowest_common(list(earlier.values())) or self.sentence_subject
        subject = self.sentence_subject
        return self.attribution.handed_on(self.sentence, subject, self.main) if subject is not None else None

    @functools.cached_property
    def item(self) -> tuple[int, int]:
        """The number's clause, or where the clause lists amounts and what each is for (800万元用于甲园、300万元
        用于乙村…) or counts joined in a list (1448个贫困村出列、剩余13个贫困县和涿鹿县…), the number's own item of it."""
        text = self.attribution.resolver.text
        start, end = self.clause
        if self.position > start and text[self.position - 1] == LIST_MARK:
            start = self.position
        after = NEXT_ITEM.search(text, self.position, end)
        end = after.start() if after else end
        own_end = DIGITS_RUN.match(text, self.position).end()
        later = LATER_NUMBER.search(text, own_end, end)
        joined = LIST_JOINER.search(text, own_end, later.start()) if later else None
        return start, joined.start() if joined else end

    @functools.cached_property
    def clause_subject(self) -> Division | None:
        """The subject of the nearest clause before the number's, after its part's first, that opens with a place
        inside the place the part opens with, beside it (山西省政府已拨款…，贵州省集中打造…，四川省则提出打造…，
        带动上千个…: each clause with a subject of its own) or above it (昌江的经验在全省推广，海南教育扶贫移民工程
        累计投入近14亿元，建设24所思源实校: the province's schools)."""
        text, own = self.attribution.resolver.text, self.own
        if own is None:
            return None
        starts = [m.end() for m in CLAUSE_BREAK.finditer(text, self.part_start, self.clause[0])]
        for start in reversed(starts):
            found = self.attribution._subject(start, self.sentence[1], self.main, self.story)
            if found is not None:
                beside = found.level == own.level and found.code != own.code
                related = self.attribution._contains(own, found) or self.attribution._contains(found, own)
                return found if related or beside else None
        return None

    def named(self, start: int, end: int) -> Division | None:
        return self.attribution._named(start, end, self.main, self.story)


PlaceRule = Callable[[PlaceContext], "Division | None"]


class NoPlace:
    """A rule's answer that the number is about no one place (the whole country)."""

    def __repr__(self) -> str:
        return "NO_PLACE"


NO_PLACE = NoPlace()
# 全国已选聘生态护林员37万余人, 我国农村贫困人口减少1386万人: the country opening a clause as its subject
# 8个省市, 22个省区市, 六省, 8个东部省(市), 19个援疆省市: a count of provinces, which only the whole country holds
REGION = r"东中部|东部|西部|中部|中西部|东北|沿海"  # of the country: several provinces
PROVINCES = r"省份|省区市|省市区|省区|省市"
COUNT_DIGITS = r"[\d一二两三四五六七八九十百几多余]+"
PROVINCES_COUNTED = re.compile(rf"{COUNT_DIGITS}个?(?:{REGION})?(?:{PROVINCES}|省(?![长委级内外里政份会城定属直重管派扶贫际道辖乡示财]))"
                               rf"|{COUNT_DIGITS}个[\u4e00-\u9fff]{{1,3}}?(?:{PROVINCES})"  # 19个援疆省市, 四个对口省市
                               rf"|{COUNT_DIGITS}个[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{1,12}}?的(?:{PROVINCES})")  # 两个仍有贫困县的省份
PROVINCE_LEVEL_DIVISIONS = 34  # 23 provinces, 5 autonomous regions, 4 municipalities, Hong Kong and Macao
PROVINCES_BEFORE = re.compile(rf"(?:{PROVINCES})(?:共有|有|达|共|达到)$")
COUNTRY_RIGHT_BEFORE = re.compile(r"(?:全国|我国|全?中国)(?:共有|共|有|已有)?$")  # 是中国592个重点县之一
# 布拖县是国家挂牌督战的52个贫困县之一, 国务院扶贫办挂牌督战的52个贫困县之一: one of a set the country names
COUNTRY_SET = re.compile(rf"(?:国家|全国|我国|中国|国务院|中央)(?!级)[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{0,10}}的$")
ONE_OF = re.compile(rf"[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{0,14}}?之一")
# 中央决定将2300元作为…, 全世界藏族人口约750万, 中国农村贫困人口减少5000多万; not 全国最大的…基地 or 全国首个…, which rank a place among the country's
COUNTRY_SUBJECT = re.compile(r"(?:全国|我国|全中国|全世界|全球|中国(?=农村|贫困人口|农民|居民|城乡|城镇|已|累计|共|每年|目前|将|要|计划))(?![最首第]|唯一|率先|领先|前列)|中央(?=决定|财政|政府|安排|下达|拨付|投入)|国家(?=制定|规定)")
# 国家林业局利用中央财政补助资金45亿元, 财政部下达…, 我部下达各地…: a ministry or agency of the central government (not
# 财政部门, 国家级, 国家开发银行), which acts for the whole country
CENTRAL_AGENCY = re.compile(r"(?:中国)?(?:国家[\u4e00-\u9fff]{1,8}?(?:局|委员会|委|办公室|办)|国务院[\u4e00-\u9fff]{0,10}?(?:办公室|办)|国务院|我部"
                            r"|(?:财政|农业农村|民政|教育|商务|水利|交通运输|自然资源|人力资源和?社会保障|人社|住房和?城乡建设"
                            r"|科技|工业和信息化|文化和旅游|生态环境)部)(?!门)")
# 东部9省市向协作地区拨付资金208.9亿元, 东部地区采购…: several provinces together, the subject of the clause
# 东部9省市, 中国民族八省(区), 西部地区, 东部各省市: several provinces (the eight of the minority peoples written 八省(区))
PROVINCES_SUBJECT = re.compile(rf"(?:中国|我国|全国)?(?:民族)?(?:{REGION})?(?:地区)?(?:[\d一二三四五六七八九十]+个?|各)"
                               rf"(?:{PROVINCES}|省[(（][区市、]+[)）])|(?:按照|按)?(?:{REGION})地区")  # 按照东中部地区人均7000元…的标准


def nationwide(ctx: PlaceContext) -> "Division | NoPlace | None":
    """A figure of a clause that opens with the whole country (截至目前，全国已选聘生态护林员37万余人) or the world (全世界藏族人口约750万; 中国农村贫困人口减少5000多万), with several provinces (东部9省市向协作地区拨付…), or with a ministry of the central government (国家林业局利用中央财政补助资金45亿元; 中国国务院于2011年启动…，每年拨款160多亿元) or a standard the country sets (国家制定的脱贫标准是贫困发生率低于2%), no place named between them, written right after 全国 (确定的全国832个贫困县), one of a set the country names (是国家挂牌督战的52个贫困县之一), or a count of provinces (河北、山西等8个省市; 省份有23个，包括北京、天津…), is about no one place (not 占全国的10%)."""
    text = ctx.attribution.resolver.text
    resolver = ctx.attribution.resolver
    if ctx.count is not None and ctx.count <= PROVINCE_LEVEL_DIVISIONS and PROVINCES_COUNTED.match(text, ctx.position):
        return NO_PLACE  # not 全市330个省、市重点项目: the country has 34 provinces, regions and municipalities
    if COUNTRY_RIGHT_BEFORE.search(text, max(ctx.clause[0], ctx.position - 6), ctx.position) \
            or _counts_provinces_listed(ctx):
        return NO_PLACE  # 国务院扶贫办确定的全国832个贫困县; 降至3%的省份有23个，包括北京、天津…
    if ctx.count is not None and COUNTRY_SET.search(text, max(ctx.clause[0], ctx.position - 16), ctx.position) \
            and ONE_OF.match(text, ctx.position):
        return NO_PLACE
    opening = CLAUSE_SUBJECT_LEAD.match(text, ctx.clause[0]).end()  # where the number's clause may name its subject
    if CENTRAL_AGENCY.match(text, opening) and not resolver.in_span(opening, ctx.position) \
            and not resolver.deictics(opening, ctx.position):
        return NO_PLACE  # 国家林业局利用中央财政补助资金45亿元; not 国家发改委下达我省资金3亿元
    if not COUNTRY_SUBJECT.search(text, ctx.sentence[0], ctx.position) \
            and not PROVINCES_SUBJECT.search(text, ctx.sentence[0], ctx.position) \
            and not CENTRAL_AGENCY.search(text, ctx.sentence[0], ctx.position):
        return None
    for start, at in reversed(_clause_openings(ctx)):
        if at < ctx.position and (COUNTRY_SUBJECT.match(text, at) or PROVINCES_SUBJECT.match(text, at)):
            return NO_PLACE if not resolver.in_span(at, ctx.position) else None
        if at < ctx.position and CENTRAL_AGENCY.match(text, at):  # 中国国务院…启动…，每年拨款160多亿元
            return NO_PLACE if not resolver.in_span(at, ctx.position) and not resolver.deictics(at, ctx.position) else None
        if resolver.in_span(start, ctx.position):
            return None  # a nearer clause names a place of its own
    return None


def listed_places(ctx: PlaceContext) -> Division | None:
    """A count of the places its clause lists before it, or after it (9个县包括靖宇县、大安市…), belongs to their common parent (吉县、乡宁、安泽三个县; 吉县、乡宁等5个县), one example's (贵州宣布紫云县等最后9个贫困县), or examples' of more than they name (黑龙江省龙江、克东等10个国贫县), to the place named before them that holds them, or the nearest above it with room for them all (批准日喀则市谢通门县等19个县: 日喀则市 has 18)."""
    found = ctx.attribution._enumerated(ctx.sentence, ctx.position, ctx.count)
    listed = ctx.attribution._listed_after(ctx.sentence, ctx.position, ctx.count) if found is None else []
    return found or (ctx.attribution._lowest_common(listed) if listed else None)


def _counts_provinces_listed(ctx: PlaceContext) -> bool:
    """省份有23个，包括北京、天津…: a count of provinces written after the word, or of a list of places in no one province."""
    text = ctx.attribution.resolver.text
    if ctx.count is None:
        return False
    if PROVINCES_BEFORE.search(text, max(ctx.clause[0], ctx.position - 6), ctx.position):
        return True
    listed = ctx.attribution._listed_after(ctx.sentence, ctx.position, ctx.count)
    return bool(listed) and ctx.attribution._lowest_common(listed) is None


def paired_list(ctx: PlaceContext) -> Division | None:
    """分别/依次 pair the places listed before them with the figures after, in order (甲县、乙县分别投资30万元、20万元)."""
    text = ctx.attribution.resolver.text
    s_start, s_end = ctx.sentence
    markers = list(PAIRED.finditer(text, s_start, ctx.position))
    if not markers:
        return None
    marker = markers[-1]
    listed: list[Division] = []
    for m in ctx.attribution.resolver.in_span(s_start, marker.start()):
        if all(d.code != m.division.code for d in listed):
            listed.append(m.division)
    figures = [marker.end() + q.start for q in extract_quantities(text[marker.end():s_end])]
    if len(listed) < 2 or len(listed) != len(figures) or len({d.level for d in listed}) != 1 \
            or ctx.position not in figures:
        return None
    return listed[figures.index(ctx.position)]


def named_right_before(ctx: PlaceContext) -> Division | None:
    """A place written right before the number (沁县31个贫困村), or pointed back to there (宋家沟村成为全县8个中心安置村之一:
    the county; 该县31个), is the place it counts."""
    resolver = ctx.attribution.resolver
    before = resolver.in_span(ctx.clause[0], ctx.position)
    if before and before[-1].end == ctx.position:
        return before[-1].division
    deictic = _deictic_right_before(ctx)
    if deictic is None or resolver.text[deictic[0]] not in "全该我本":
        return None  # not 县里, 这个村
    return ctx.attribution.deictic_place(*deictic, resolver.in_span(ctx.sentence[0], deictic[0]), ctx.main, ctx.story)


def help_receiver(ctx: PlaceContext) -> Division | None:
    """The place help goes to in the number's clause or earlier in its part of the sentence (向临县捐资, 帮助沁县, 使沁县…)."""
    c_start, c_end = ctx.clause
    return ctx.attribution._beneficiary(c_start, c_end) or ctx.attribution._beneficiary(ctx.part_start, ctx.position)


def named_in_clause_before(ctx: PlaceContext) -> Division | None:
    """The most specific place named in the number's clause before it (the story's own places first); in a list of amounts and what each is for, in its own item."""
    return ctx.named(ctx.item[0], ctx.position)


def named_in_clause(ctx: PlaceContext) -> Division | None:
    """The most specific place named anywhere in the number's clause (its own item, in a list of amounts: 300万元用于淇滩镇三壶瓶村…), up to where it says where people came from (90户300多人都是从七棵树村搬迁出来的) or a list's next item opens with a place of its own (32个贫困村退出销号、莲花县脱贫摘帽)."""
    start, end = ctx.item
    return ctx.named(start, _next_item_of_its_own(ctx, _cut_at(ctx.attribution.resolver.text, ctx.position, end, ORIGIN)))


def clause_subject(ctx: PlaceContext) -> Division | None:
    """A place inside the sentence's subject, beside it or above it, that an earlier clause of the number's part opens with takes over from it (河北坝上地区…，地处坝上的张北县平均海拔1400多米，平均日照数2799小时; 山西省…，四川省则提出…，带动上千个…; 昌江的经验在全省推广，海南教育扶贫移民工程累计投入近14亿元，建设24所思源实校)."""
    return ctx.clause_subject


def sentence_subject(ctx: PlaceContext) -> Division | None:
    """The place the sentence, or its part after a semicolon, opens with as subject (汾西县充分发挥…, 我市把…), after what says where it was learned (记者了解到，…); for 这里, the place named just before (…调研柏杨林街道安置点。记者了解到，这里是贵州单体规模最大的安置点，共建安置房148栋), unless places written before 的 say where it is (这里是四川渠县渠南乡大山村的集中安置点)."""
    return ctx.own


def named_in_sentence_before(ctx: PlaceContext) -> Division | None:
    """The most specific place named in the number's part of the sentence before it; not where a meeting was held when it names another (人代会在贵阳开幕，…贵州省计划…，18个县…), nor a place the figure is compared with (比全州高出11个百分点) or one given as an example of many (像大北沟村这样…的村就达65个)."""
    return ctx.named(ctx.part_start, ctx.position)


def named_in_sentence(ctx: PlaceContext) -> Division | None:
    """The most specific place named anywhere in the number's part of the sentence, up to where it says where people came from (安置661户，他们来自马吉乡…), another amount begins (投入1500万元…，800万元用于甲村…), a clause gives one of them as an example (5家企业入选…，叩官镇某公司就是其中之一), breaks the whole into its parts (贫困发生率均超过了18%，其中怒江州…) or adds another item (覆盖832个重点县，以及新疆阿克苏地区7个市县; 32个贫困村退出销号、莲花县脱贫摘帽), unless the items after it name no place and a clause after the last of them does (10个贫困县摘帽、800个贫困村退出…，这是新疆维吾尔自治区确定的任务); never one of the divisions the number counts (14个县区中，龙胜、…宁明9个县…)."""
    text = ctx.attribution.resolver.text
    whole = _cut_at(text, ctx.position, ctx.part_end, ORIGIN, ONE_OF_THEM, ANOTHER_ITEM, AMONG_THEM)
    end = _cut_at(text, ctx.position, whole, NEXT_ITEM)
    if end < whole and _summed_up_after(ctx, end, whole):
        end = whole
    found = ctx.named(ctx.part_start, _next_item_of_its_own(ctx, end))
    counted = _divisions_counted(ctx)
    if found is not None and counted is not None and found.depth >= counted[1]:
        return None
    return found


def _summed_up_after(ctx: PlaceContext, cut: int, end: int) -> bool:
    """10个贫困县摘帽、800个贫困村退出、59万人脱贫，这是新疆…确定的任务: items of a list that open with amounts and
    name no place, summed up by a clause after the last of them that names one, are all that place's."""
    resolver = ctx.attribution.resolver
    amounts = list(LATER_NUMBER.finditer(resolver.text, cut, end))
    clause = CLAUSE_BREAK.search(resolver.text, amounts[-1].end(), end) if amounts else None
    return clause is not None and not resolver.in_span(cut, clause.start()) and bool(resolver.in_span(clause.end(), end))


def _next_item_of_its_own(ctx: PlaceContext, end: int) -> int:
    """Where the list item after the number's begins, when it opens with a place of its own and the number's item names
    none after it (32个贫困村退出销号、莲花县脱贫摘帽: 莲花县 is the next item's subject), else `end`."""
    text, resolver = ctx.attribution.resolver.text, ctx.attribution.resolver
    mark = text.find(LIST_MARK, ctx.position, end)
    if mark < 0 or resolver.in_span(ctx.position, mark):
        return end
    return mark if any(m.start == mark + 1 for m in resolver.in_span(mark + 1, end)) else end


def _divisions_counted(ctx: PlaceContext) -> tuple[re.Match, int] | None:
    """The count of divisions the number is (14个县区, 3个乡镇; 国家级贫困县有280多个), and the depth of the level it counts."""
    if ctx.count is None:
        return None
    text = ctx.attribution.resolver.text
    counted = DIVISIONS_COUNTED.match(text, ctx.position)
    if counted is None and COUNT_ALONE.match(text, ctx.position):
        counted = DIVISIONS_BEFORE.search(text, max(ctx.clause[0], ctx.position - 8), ctx.position)
    return (counted, DEPTH[COUNTED_LEVEL[counted.group(1)]]) if counted else None


def named_in_earlier_part(ctx: PlaceContext) -> Division | None:
    """The most specific place named in the sentence's first part, before the number's (为冕宁县…发放奖学金，一等奖600元/人；二等奖550元/人); not one a later part names as what it worked on (…；完成西营村养老院改造工程；投资270余万元…)."""
    if ctx.part_start == ctx.sentence[0]:
        return None
    first = SEGMENT_BREAK.search(ctx.attribution.resolver.text, ctx.sentence[0], ctx.part_start)
    return ctx.named(ctx.sentence[0], first.start())


def earlier_subject(ctx: PlaceContext) -> "Division | NoPlace | None":
    """The subject of the paragraph's last earlier sentence that had one, or none after one that opened with the whole country (2018年，全国有125个贫困县脱贫。“农村1000多万贫困人口…”), or the place helped after one whose subject helps another in its first clause, in a story not about the helper (江门市对口帮扶龙州县，…。公司目前有240多名员工); for a quotation that names no place, the subject of the sentence after it that says who spoke (“建设85个光伏发电站…。”伊川县委书记李新红表示。)."""
    return ctx.carried


def paragraph_opening(ctx: PlaceContext) -> Division | None:
    """The place the number's paragraph opens with (its first sentence's subject, else the common parent of the places it lists and nothing else, else a place it names)."""
    return ctx.paragraph


def earlier_paragraph(ctx: PlaceContext) -> Division | None:
    """A paragraph that names no place, typed on the line under another (a web page's, no blank line between), goes on with the place the lines above left off with (“今年我们将…”虞伟说 after 白衣村)."""
    return ctx.earlier


def section_place(ctx: PlaceContext) -> Division | None:
    """A paragraph that names no place under a sub-heading that opens with one (三合村：“空壳村”念好“养猪经” / …。2012年，在外创业的村民刘永平返乡创业，先后投资2000万元), until the next sub-heading, is about that place, unless that place holds the story's own (河北：食用菌鼓起张北农民“钱袋子” repeated in the body of a story about 张北县)."""
    return ctx.section


def article_place(ctx: PlaceContext) -> Division | None:
    """The article's main place: from its headings, else the place its body names most (none for 全国…)."""
    return ctx.main


PLACE_RULES: list[PlaceRule] = [nationwide, listed_places, paired_list, named_right_before, help_receiver, named_in_clause_before, named_in_clause,
                                clause_subject, sentence_subject, named_in_sentence_before, named_in_sentence, named_in_earlier_part,
                                earlier_subject, paragraph_opening, earlier_paragraph, section_place, article_place]
SENTENCE_NAMED_RULES = {r.__name__ for r in (named_in_sentence_before, named_in_sentence)}
NAMED_RULES = {r.__name__ for r in (named_right_before, named_in_clause_before, named_in_clause, clause_subject, sentence_subject,
                                    named_in_sentence_before, named_in_sentence, named_in_earlier_part,
                                    earlier_subject)}


def shared_by_listed_places(ctx: PlaceContext, answer: Resolved) -> Division | None:
    """A place of a group listed and counted earlier in the sentence (平遥县、祁县两县…) gives the group's figures to their common parent."""
    if answer.value is None:
        return None
    for start, codes, parent in ctx.attribution.groups:
        if ctx.sentence[0] <= start < ctx.position and answer.value.code in codes:
            return parent
    return None


def shared_by_places_listed_together(ctx: PlaceContext, answer: Resolved) -> "Division | NoPlace | None":
    """A figure after places of one level listed together in its clause (为甲村和乙村7名学生, 甲县、乙县共投资…, 甲县A乡、B乡和乙县C乡的45个村), or earlier in its part of the sentence when it was found there (南部四地州(喀什地区、和田地区…)累计实施项目…，落实资金…), belongs to their common parent, or to the one that holds the others (泉州市及洛江、永春、德化，市县两级共落实资金5857.5万元); after places of several provinces listed together, to no one place (位于广西、云南、西藏三个省，…边境线总长9080公里; 组织了中国光彩事业怒江、宁夏、南疆…，总投资500多个承包项目; 其中：湖南、浙江资金…；援疆项目已开工1076个; 达到80%以上的有6个省市，分别为黑龙江省、山西省…)."""
    if answer.value is None:
        return None
    start = ctx.sentence[0] if answer.rule == named_in_earlier_part.__name__ \
        else ctx.part_start if answer.rule in SENTENCE_NAMED_RULES else ctx.clause[0]
    end = ctx.sentence[1] if answer.rule == named_in_sentence.__name__ else ctx.position  # or after it, when found there
    mentions = ctx.attribution.resolver.in_span(start, end)
    last = next((m for m in reversed(mentions) if m.division.code == answer.value.code), None)
    runs = ctx.attribution._runs(mentions)
    holding = next((run for run in runs if last is not None and any(m.start <= last.start < m.end for m in run)), [])
    listed = {m.division.code: m.division for m in holding}
    if len(listed) < 2:
        return None
    holder = next((d for d in listed.values()
                   if all(o.code == d.code or ctx.attribution._contains(d, o) for o in listed.values())), None)
    if holder is not None:
        return holder  # 泉州市及洛江、永春、德化，市县两级共落实资金5857.5万元: a place listed with its own parts
    resolver = ctx.attribution.resolver
    if len({resolver.at_level(d, "province").code for d in listed.values()}) > 1:
        return NO_PLACE  # 位于广西、云南、西藏三个省，…边境线总长9080公里; 怒江、宁夏…: places of several provinces
    return ctx.attribution._common_parent(list(listed.values()))


def story_within_area(ctx: PlaceContext, answer: Resolved) -> Division | None:
    """A province or prefecture named around a story about one of its places (占全省的四分之一, 吕梁山护工…), not right before the number (贵州省2.5万名护林员), yields to the story's place, unless the sentence opens with it by name as its subject (今年，晋中市提出…) or a clause before the number opens with it (2016年全市拆迁…, 截至目前，凉山州…, 在范村乡，…), or an earlier sentence of the paragraph did (全省…。其中，…), or 全县/全市 stands before the number in its clause (是全县117个贫困村之一), or the number counts divisions below it (作为山西省14个首批摘帽贫困县之一, 在吕梁市的8个县设有…) or the place's own things one of which is the subject (临沂市…是山东省脱贫攻坚…两个主战场之一)."""
    named, story = answer.value, ctx.story
    if answer.rule not in NAMED_RULES or story is None or not ctx.attribution._contains(named, story) \
            or answer.rule == named_right_before.__name__:
        return None
    if ctx.own is not None and ctx.own.code == named.code and any(
            m.division.code == named.code for m in ctx.attribution.resolver.in_span(ctx.sentence[0], ctx.position)):
        return None
    if _opens_a_clause(ctx, named) or answer.rule == earlier_subject.__name__:
        return None  # an earlier sentence opened with it as its subject (全省…。其中，…就业4.94万人)
    text = ctx.attribution.resolver.text
    if any(text[at] == "全" and level == named.level and text[end:end + 1] != "的" and text[at - 1:at] != "占"
           for at, level, end in ctx.attribution.resolver.deictics(ctx.clause[0], ctx.position)):
        return None  # 是全县117个贫困村之一: the whole county, said so (not 占全省的四分之一, a share of it)
    if ctx.count is not None and (COUNTED_DIVISIONS.match(text, ctx.position) or ONE_OF.match(text, ctx.position)):
        return None  # 作为山西省2017年14个首批脱贫摘帽贫困县之一: a count of the named place's own divisions, or of
        # things of its own one of which the sentence's subject is (是山东省…两个主战场之一)
    if named.level in ("province", "prefecture") or (ctx.main is not None and story.code == ctx.main.code):
        return story
    return None


# The nouns a count of divisions ends with, and the level of what each counts (not 县委, 村级, 镇长…)
COUNTED_LEVEL = {"县区": "county", "县市": "county", "区县": "county", "乡镇": "town", "县": "county", "乡": "town",
                 "镇": "town", "行政村": "village", "村": "village"}
DIVISION_NOUN = "|".join(COUNTED_LEVEL)
NOT_A_DIVISION_AFTER = "(?![委级城域长政民干直属])"  # 县直单位: the county's own offices
# 14个脱贫摘帽县区, 3个乡镇: the level of the divisions a number counts
DIVISIONS_COUNTED = re.compile(rf"[\d一二两三四五六七八九十百]+[余多]?(?:个[^{CLAUSE_MARKS}{FULL_STOPS}{LIST_MARK}和与及到\n]{{0,6}}?)?"
                               rf"({DIVISION_NOUN})" + NOT_A_DIVISION_AFTER)  # not 大棚40座分布在静升镇, 232个村级服务点和县…
# 国家级贫困县有280多个: the divisions named right before a count that names nothing after it (not 全县有…, a deictic)
DIVISIONS_BEFORE = re.compile(rf"(?<![全该本我各这此每一])({DIVISION_NOUN}){NOT_A_DIVISION_AFTER}(?:共有|有|达到|达|共|为)$")
COUNT_ALONE = re.compile(r"[\d一二两三四五六七八九十百]+(?:\.\d+)?[余多]?个(?![\u4e00-\u9fff])")
# 14个首批脱贫摘帽贫困县, 3个乡镇: a count of divisions (up to the noun they end with)
COUNTED_DIVISIONS = re.compile(rf"[^{CLAUSE_MARKS}{FULL_STOPS}\n]{{1,14}}?(?:{DIVISION_NOUN})(?:之一)?(?=[{CLAUSE_MARKS}{FULL_STOPS}\n]|$)"
                               rf"|[\d一二两三四五六七八九十百千几]+个?(?:{DIVISION_NOUN}){NOT_A_DIVISION_AFTER}")  # 吕梁市的8个县设有…
# What may stand before the subject of a clause: 2016年全市…, 截至目前，凉山州… (the comma ends a clause)
CLAUSE_SUBJECT_LEAD = re.compile(r"\s*" + LEAD + r"[“\"「]?(?:而|但|且)?(?:" + TIME_LEAD + r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|初|末)?"
                                 r"|今年|去年|目前|当前|如今)?在?")


def clause_openings(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, where its subject may stand) of each clause of text[start:end], first to last."""
    starts = [start, *(m.end() for m in CLAUSE_BREAK.finditer(text, start, end))]
    return [(at, CLAUSE_SUBJECT_LEAD.match(text, at).end()) for at in starts]


def _clause_openings(ctx: PlaceContext) -> list[tuple[int, int]]:
    """(start, where its subject may stand) of each clause of the sentence up to the number, first to last."""
    return clause_openings(ctx.attribution.resolver.text, ctx.sentence[0], ctx.position)


def _opens_a_clause(ctx: PlaceContext, division: Division) -> bool:
    """Whether a clause of the sentence up to the number opens with this place, by name or as 全市/该县."""
    resolver = ctx.attribution.resolver
    for _, at in _clause_openings(ctx):
        if any(m.start == at and m.division.code == division.code for m in resolver.in_span(at, ctx.position)):
            return True
        if any(position == at and resolver.at_level(ctx.story, level) == division
               for position, level, _ in resolver.deictics(at, min(ctx.position, at + 4))):
            return True
    return False


BENEFIT = re.compile(r"受益|脱贫|摆脱贫困")  # …等工程，3万多户13.6万人直接受益: those the help reached


def help_given_elsewhere(ctx: PlaceContext, answer: Resolved) -> Division | None:
    """In a story about its own place helping another, help given before the number in a clause that names
    no place goes to the place helped (帮助解决实际困难500余个; not 91名干部作为驻村帮扶队员), as do the people
    its clause says benefit (东莞的帮扶资金主要用于…。通过实施…等工程，3万多户13.6万人直接受益)."""
    helped, main = ctx.helped, ctx.main
    if helped is None or main is None or answer.value is None or answer.value.code != main.code:
        return None
    c_start, c_end = ctx.clause
    text = ctx.attribution.resolver.text
    if ctx.attribution._named(c_start, c_end, main) is None and (
            HELP.search(text, ctx.sentence[0], ctx.position) or BENEFIT.search(text, ctx.position, c_end)):
        return helped
    return None


# 依托寨子村传统铸造业、大营钢材市场、西营村商贸物流等解决了322户, 实施甲乡凤凰新区、乙乡移民新村、丙乡羌桂新区三个
# 安置点: items of a list that 等 or a count closes
# 包括绿春县在内的31个县: what the count includes, named between 包括 and 在内
INCLUDED = re.compile(rf"包括([^{CLAUSE_MARKS}{FULL_STOPS}\n]{{1,30}}?)(?:等)?在内")
EXAMPLES_LISTED = re.compile(rf"[^{CLAUSE_MARKS}{FULL_STOPS}\n]*?(?:{LIST_MARK}[^{CLAUSE_MARKS}{FULL_STOPS}{LIST_MARK}\n]+){{2,}}?"
                             rf"(?:等|[\d一二两三四五六七八九十]+个)")


def examples_in_a_list(ctx: PlaceContext, answer: Resolved) -> Division | None:
    """A place named within one item of a list of things that 等 or a count closes (依托寨子村铸造业、大营钢材市场、西营村商贸物流等解决了322户; 实施贡川乡凤凰新区、乙圩乡移民新村、羌圩乡羌桂新区三个安置点，计划安置1800多户) is where one of them lies, not the number's place: the story's place it lies within (not a place the list opens with, 信义镇归化、小神头、新山湾三个村, which holds them all)."""
    named, story = answer.value, ctx.story
    if answer.rule not in NAMED_RULES or named is None or story is None or not ctx.attribution._contains(story, named):
        return None
    text, resolver = ctx.attribution.resolver.text, ctx.attribution.resolver
    mention = next((m for m in reversed(resolver.in_span(ctx.sentence[0], ctx.position)) if m.division.code == named.code), None)
    if mention is None:
        return None
    clause_start = clause_bounds(text, *ctx.sentence, mention.start)[0]
    listed = EXAMPLES_LISTED.match(text, clause_start, ctx.position)
    if listed is None or listed.end() <= mention.end:
        return None
    marks = [clause_start + i + 1 for i, char in enumerate(text[clause_start:listed.end()]) if char == LIST_MARK]
    items = [clause_start, *marks, listed.end()]
    for start, end in zip(items[1:], items[2:]):  # not the first: 信义镇归化、小神头、新山湾三个村 are all the town's
        inside = [m for m in resolver.in_span(start, end) if m.division.code == named.code]
        if inside and end - inside[-1].end > 2:  # the item says more than the place's name: a thing there
            return story
    return None


def _included(ctx: PlaceContext) -> list[tuple[int, int]]:
    """The spans of the number's clause before it that name members of what it counts (包括木协乡在内的7个乡、45个行政村)."""
    text = ctx.attribution.resolver.text
    return [match.span(1) for match in INCLUDED.finditer(text, ctx.clause[0], ctx.position)]


def _counted_by_deictic(ctx: PlaceContext, division: Division) -> bool:
    """全县48个乡镇: the text itself gives the county (named by the deictic right before the count) so many,
    whatever room the gazetteer, written after towns were merged, has for them."""
    deictic = _deictic_right_before(ctx)
    return deictic is not None and deictic[1] == division.level


def _deictic_right_before(ctx: PlaceContext) -> tuple[int, str, int] | None:
    """(position, level, end) of the deictic written right before the number (全县48个, 该县31个), else None; none is
    longer than four characters."""
    deictics = ctx.attribution.resolver.deictics(max(ctx.clause[0], ctx.position - 4), ctx.position)
    return next((d for d in deictics if d[2] == ctx.position), None)


def above_the_divisions_counted(ctx: PlaceContext, answer: Resolved) -> "Division | NoPlace | None":
    """A count of divisions is of the place above them, never of one of them (龙湖村的邓大庆…，带动5个村912户: not 龙湖村 but its town; 阜平县是我省10个深度贫困县之一: the province; 云南省政府批准包括绿春县在内的31个县: the province the sentence names, the deepest with room for them all — 包括陕西省铜川市印台区等在内的29个县 is the province's, for 铜川市 has but 4; 5个自然村 and 赤溪村辖1个中心村 lie in a village; more counties or towns than any place above holds are the country's: 井冈山是592个国定贫困县中第一个…, and so are more than the place found above them holds: 主要投向832个脱贫县…，并向…甘肃、青海两省予以倾斜), nor of a place named as one of the members it includes (对包括木协乡在内的“三岩片区”7个乡、45个行政村实施搬迁: not 木协乡's 45 villages); a count right after the deictic of its place is that place's whatever room the gazetteer, written after towns were merged, has for them (全县48个乡镇: 南江县, which holds 32 today)."""
    counted = _divisions_counted(ctx)
    if answer.value is None or counted is None or re.search("自然|中心", counted[0].group(0)):
        return None  # 5个自然村, 赤溪村辖1个中心村: parts of a village
    depth = counted[1]
    resolver = ctx.attribution.resolver
    included = _included(ctx)
    members = [m for m in resolver.in_span(ctx.clause[0], ctx.position)
               if any(start <= m.start and m.end <= end for start, end in included)]
    member = any(m.division.code == answer.value.code for m in members)
    if answer.value.depth < depth and not member:  # a place above them, unless it has no room for so many (…832个脱贫县…青海省)
        level = COUNTED_LEVEL[counted[0].group(1)]
        if level == "village" or ctx.attribution._has_room(answer.value, level, ctx.count) \
                or _counted_by_deictic(ctx, answer.value):
            return None
        return next((d for d in reversed(resolver.ancestors(answer.value))
                     if ctx.attribution._has_room(d, level, ctx.count)), NO_PLACE)
    above = [level for _, level, _ in resolver.deictics(ctx.clause[0], ctx.position) if DEPTH[level] < depth]
    if above:
        return resolver.at_level(answer.value, above[-1])  # 阜平县是我省10个深度贫困县之一: the province's
    level, count = COUNTED_LEVEL[counted[0].group(1)], ctx.count

    def room(d: Division) -> bool:  # 包括铜川市印台区等在内的29个县: 铜川市 has 4 counties, 陕西省 has room for 29
        return ctx.attribution._has_room(d, level, count)
    named = [m.division for m in resolver.in_span(ctx.sentence[0], ctx.position)
             if m.division.depth < depth and ctx.attribution._contains(m.division, answer.value) and m not in members]
    if named:  # 云南省政府批准包括绿春县在内的31个县退出: the province named above it, not the county's prefecture
        return max((d for d in named if room(d)), key=lambda d: d.depth, default=max(named, key=lambda d: d.depth))
    above_it = [d for d in reversed(resolver.ancestors(answer.value)) if d.depth < depth]
    if above_it and level != "village" and not any(room(d) for d in above_it):
        return NO_PLACE  # 井冈山是…592个国定贫困县中第一个…: more than its province holds, the country's (the
        # gazetteer lists every town and county, not every village)
    return next((d for d in above_it if room(d)), None)


def helped_from_another_province(ctx: PlaceContext, answer: Resolved) -> Division | None:
    """In a story about a place another province's places help (临洮县…与福州市仓山区携手攻坚; 上海市对口帮扶大姚县), a figure of a helper (仓山区累计投入帮扶资金1.83亿元，带动5791户…; 派出上海7名医生) is about the place helped, the story's."""
    main, named = ctx.main, answer.value
    if main is None or named is None or ctx.helped is not None:
        return None  # 东莞市连续18年对口帮扶河池市: a story about its own place helping
    resolver = ctx.attribution.resolver
    province = resolver.at_level(named, "province")
    if province is None or province.code not in ctx.attribution.helpers.get(main.code, ()) \
            or resolver.at_level(main, "province") == province:
        return None
    story = ctx.story
    return story if story is not None and (story.code == main.code or ctx.attribution._contains(main, story)) else main


PLACE_REFINEMENTS = [shared_by_listed_places, shared_by_places_listed_together, story_within_area,
                     help_given_elsewhere, examples_in_a_list, above_the_divisions_counted,
                     helped_from_another_province]
