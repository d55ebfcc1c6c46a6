"""Quantity mentions in normalised text: a numeral, its multiplier, its unit, its qualifier.

One compiled pattern finds candidates (regex first, no segmentation); small rules then drop
what is not a quantity (dates, ordinals, slogans, indefinite 一) and read qualifiers around it, and
join what belongs to one amount (35元8角五分, 三个半月, 四成半, 2万元-3万元). The classes it reads are
listed, with a table of cases each, in tests/pipeline/test_quantity_classes.py.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import asdict, dataclass

from .lexicon import clause_bounds
from .normalise import HAN
from .numerals import BIG_UNITS, DECIMAL_COMMA, DIGITS, MIXED, MULTIPLIERS, SMALL_UNITS, TENS, parse_fraction, \
    parse_multiplier, parse_numeral, vocabulary
from .units import Unit, load_units

log = logging.getLogger(__name__)

CN_DIGITS = "".join(DIGITS)
CN_CHARS = CN_DIGITS + "".join(SMALL_UNITS) + "".join(u for u in BIG_UNITS if u != "兆") + "".join(TENS)
MULTIPLIER_CHARS = "".join(MULTIPLIERS)
# 2,345,678 and 96，480.50 (groups of three after one to three digits); never 3，5个. 1 149 and 10 000 too:
# thousands set apart by a plain, no-break or thin space, as statistics are printed (groups of exactly three,
# the last not followed by another spaced digit, so 0351 123 4567 is no one number)
THOUSANDS_SPACE = "[ \u00a0\u2009\u202f]"
ARABIC = (r"(?:\d{1,3}(?:[,，]\d{3}(?!\d))+"
          rf"|\d{{1,3}}(?:{THOUSANDS_SPACE}\d{{3}})+(?!\d|{THOUSANDS_SPACE}\d)"
          rf"|{DECIMAL_COMMA.pattern}(?=[万亿])"  # 城乡劳动力48,6万人: a decimal comma, as scans print it, before a multiplier
          r"|\d+)(?:\.\d+)?")
# The spaces OCR leaves inside a number (二 百 三 十 户, 52.3 亿元): one at a time
GAP = r"[ \u3000]?"
# 千 before 瓦/克/米/伏 belongs to the unit (一百二十五万千瓦, 五百千克), not to the numeral; 几 stands for a
# digit (几百, 十几) and 数 opens a vague one (数千, 数十).
CN_CHAR = rf"(?:[{CN_CHARS.replace('千', '')}几]|千(?![瓦克米伏]))"
# 只有三、四百万元: two neighbouring digits listed with 、 before a multiplier are a range, written mid-sentence (not
# the items 一、 二、 of a list, which open a line or follow a mark)
LISTED_PAIR = rf"(?<=[{HAN}])(?:一、二|二、三|三、四|四、五|五、六|六、七|七、八|八、九)(?=[十百千万亿])"
CHINESE = rf"(?:{LISTED_PAIR}|(?:数(?=[十百千万亿]))?{CN_CHAR})(?:{GAP}{CN_CHAR})*(?:点[{CN_DIGITS}]+)?"
# Counters of places, read only after Arabic digits (52县, 3乡镇): 两县 is a phrase of the story
PLACE_COUNTERS = {"县", "乡镇", "乡", "镇", "村"}
# 数 in these words is not a vague digit: 人数, 户数, 总数千 …
NOT_VAGUE_BEFORE = set("无人户总次岁分指参系倍多少半件个基礼函变")
RANGE_SEPARATORS = "至到~～-－—"
# A minus sign: 负 before a number, or a dash where a number is expected after a verb, a linking word
# or punctuation (增长-3.2%, 为－5%, （-2%）), never after a quantity (2万元-3万元 is a range) or a letter.
# 下降3% stays 3 %: the verb says the direction, the number does not.
MINUS = r"(?:(?:(?<=[长降为是达至到值率幅于减增约近及和与或比温润速：:，,、；;（(“\s])|^)[-－−]|负|零下)"
# ￥500, US$5亿, 人民币3万: a currency written before a number that has no unit after it
CURRENCY_BEFORE: dict[str, str] = vocabulary()["currencies_before"]
# 零下5度, 气温-12度: 度 is a temperature here, not a kilowatt-hour
TEMPERATURE_WORDS = re.compile(r"气温|温度|最高|最低|零下|摄氏")

# Qualifier words around a mention, longest first: (word, qualifier).
BEFORE = [tuple(pair) for pair in vocabulary()["qualifiers_before"]]
AFTER = [tuple(pair) for pair in vocabulary()["qualifiers_after"]]
INSIDE: dict[str, str] = vocabulary()["qualifiers_inside"]
LINKING_VERBS = "占为是有达了"  # 约占15%, 超过了2800元: the qualifier before the verb or its 了
RELATIVE_TIME_AFTER = ("前", "后", "来", "以来", "内", "间", "里")
# Fixed expressions of official writing whose numeral counts nothing in the story.
SET_PHRASES = ("两头", "四套班子", "三支队伍", "两委", "两不愁", "三保障", "一把手", "一盘棋", "一条龙", "一站式",
               "一揽子", "两手抓", "三农", "五位一体", "四个全面", "两学一做", "三会一课", "一张蓝图", "八项规定", "一方面",
               "三次产业", "四处", "三类监测对象", "三类对象", "三类人员", "一件代发")
PRICE_END = "钱元块毛"  # 几毛钱一公斤, 3元一斤, 7块一斤
# 珠三角, 长三角, 金三角: a region, not three 角 of money
TRIANGLE_BEFORE = ("珠", "长", "金")
DURATIONS = {"年", "个月", "天", "小时", "个小时", "分钟", "个星期", "星期", "周"}
# (unit, the character after it) that make another word: 两周年 is an anniversary, 一季度 a quarter, 80年代 a decade
NOT_THE_UNIT = {("周", "年"), ("季", "度"), ("伏", "天"), ("村", "民"), ("村", "级"), ("县", "级"), ("县", "城"), ("县", "道"),
                ("乡", "道"), ("年", "代"),
                ("年", "级"), ("单", "元"), ("单", "位"), ("单", "独"), ("单", "身"), ("单", "价"),
                ("单", "项"), ("单", "据"), ("单", "个"), ("单", "次"),
                ("口", "子")}  # 五年级: a grade; 3单元: a block, not orders; 两口子: a couple; 965县道: a road's number
# 25万种植户, 300户种养大户: growers, not kinds (3种植物 and 3种养殖品种 are kinds)
GROWERS = re.compile(r"[植养]大?户")
POST_NOMINAL_END = "，。、；,;）)！？!?”"
# 33栋2单元11号, 5幢3层: a flat's address after a building's number
ADDRESS_AFTER = re.compile(r"[\d一二三四五六七八九十]+(?:单元|号|层|室|楼)")
# 逾百万元, 上千人, 不足百户, 近千万贫困人口: words that make a bare 百/千/万 an amount (百万人口大搬迁 is none)
BOUND_BEFORE = ("逾", "近", "超", "上", "约", "达", "过", "突破", "不足", "不到", "不满", "仅")
# 一 with these units is an article or an idiom (一批, 一次性, 一起, 一家人), not a count.
INDEFINITE_ONE_UNITS = {"批", "次", "起", "家", "片", "户"}
# A numeral after these is deictic, vague or a rank: 这两项, 几十米, 前三年, 老两口, 头一年.
NOT_AN_AMOUNT_BEFORE = ("第", "这", "那", "几", "前", "老", "每", "头")


@dataclass
class QuantityMention:
    """A quantity found in the normalised text; start/end are view offsets."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    qualifier: str
    unit: str
    unit_written: str
    dimension: str
    numeral: str
    iso: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


# 10个人民调解委员会, 28个人口较少民族: 个 counts the committees or peoples, 个人 is not the unit there; 两位数增长 counts digits, not people;
# 三五成群 is an idiom, not 30–50 %; 日照二类地区 names a class of area, not two of anything; 9部委 and 13部门
# count ministries and departments by their noun (as 9省 counts provinces), not by the measure word of 3部电影;
# 级 counts the steps of a stair (2556级钢梯, 218级藤梯), not a class or a grade (一级公路, 7级地震, 三级医院)
SURFACE_GUARDS = {"个人": "(?![民口])", "位": "(?!数)", "成": "(?!群)", "类": "(?!地区|区域)", "部": "(?![门委])",
                  "级": "(?=[^，。、；\\s\\d]{0,2}(?:梯|台阶|石阶))"}


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    units = "|".join(re.escape(s) + SURFACE_GUARDS.get(s, "") for s in load_units().surfaces_longest_first())
    currencies = "|".join(re.escape(c) for c in sorted(CURRENCY_BEFORE, key=len, reverse=True))
    number = rf"(?:{MIXED}|{ARABIC}|{CHINESE})"
    return re.compile(
        rf"""
        (?=[\d{CN_CHARS}几数成对半负\-－−￥¥$€£UHN人美港欧日英新])(?<![\d.{CN_CHARS}几])
        (?!\d{{3}}(?!\d)(?:(?<=(?<!\d)\d[,，]\d{{3}})|(?<=(?<!\d)\d\d[,，]\d{{3}})|(?<=(?<!\d)\d\d\d[,，]\d{{3}})))
        (?:
            (?P<fsign>负)?(?P<den>{ARABIC}|[{CN_CHARS}]+)分之{GAP}(?P<numr>{number})
          | (?P<snum>\d+)/(?P<sden>\d+)(?![\d/])
          | 成(?P<vlow>[百千万])上(?P<vhigh>[千万亿])(?P<vunit>{units})
          | (?P<discount>[一二三四五六七八九]{{1,2}}|对)折(?![腾叠合算旧射返线扣磨中服])
          | (?<![上下前后大多个每])半(?P<half>年|个月|个小时|小时|日(?![制报刊])|成(?![品本]))
          | (?P<one_half>一半)(?!儿)
          | (?P<cbefore>{currencies}){GAP}(?P<cnum>{ARABIC}|{CHINESE})(?P<cmult>[{MULTIPLIER_CHARS}]*)
            (?!{GAP}(?:[余多{CN_CHARS}几.,，\d]|{units}))
          | (?P<sign>{MINUS})?(?P<num>{number})
            (?:[×xX*](?P<times>{ARABIC}))?
            (?:(?P<mult1>[十百千万亿]*?)(?P<sep>——|--|[{re.escape(RANGE_SEPARATORS)}])(?P<num2>{number}))?
            (?P<q1>[余多来])?
            (?P<gap1>{GAP})
            (?P<mult>[{MULTIPLIER_CHARS}]*?)
            (?P<q2>[余多把来])?
            (?P<gap2>{GAP})
            (?P<unit>{units})
            (?:(?<![A-Za-z²³])(?![A-Za-z²³](?![A-Za-z]))|(?![A-Za-z²³]))
        )
        """,
        re.VERBOSE | re.MULTILINE,
    )


def extract_quantities(text: str, spaced: bool | None = None) -> list[QuantityMention]:
    """Every quantity mention in `text`, in order, with view offsets. `spaced`: whether the page the text
    comes from types a space after its numbers (see `spaces_its_numbers`); by default, whether the text does.

    >>> [(m.text, m.value, m.unit) for m in extract_quantities("投资3000余万元，带动1545户")]
    [('3000余万元', 30000000.0, '元'), ('1545户', 1545.0, '户')]
    """
    if in_another_language(text):
        return []
    found = []
    units = load_units()
    spaced = spaces_its_numbers(text) if spaced is None else spaced
    for m in _pattern().finditer(text):
        try:
            mention = _read(text, m, units, spaced)
        except (ValueError, ArithmeticError, KeyError) as exc:
            log.debug("dropped candidate %r: %s", m.group(0), exc)
            continue
        if mention is not None and not _inside_a_code(text, mention):
            found.append(mention)
    found += _bare_money(text, found, units, spaced)
    found += _bare_people(text, found, units, spaced)
    found += _sharing_the_unit_after(text, found)
    found.sort(key=lambda mention: mention.start)
    found = [_counter_of_time(text, mention, units) for mention in found]
    found = _with_coins(text, [_counter_of_people(text, mention, units) for mention in found if mention], units)
    return _merge_ranges(text, [_with_fraction_after(text, mention) for mention in found])


LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
HAN_CHAR = re.compile(f"[{HAN}]")


def in_another_language(text: str) -> bool:
    """A sentence of Latin words and no Chinese (a journal's English abstract, a bilingual caption) repeats the
    page's figures in another language: its numbers are none of the page's facts.

    >>> in_another_language("the incidence of poverty has dropped from 23.45% to 2.45%"), in_another_language("装机100 kW")
    (True, False)
    """
    return not HAN_CHAR.search(text) and len(LATIN_WORD.findall(text)) >= 3


# 编号:219627269, 邮编 673200: a label that says the number after it is a code
CODE_LABEL = re.compile(r"(?:编号|编码|代码|邮编|邮政编码|文号|证号|账号|帐号|序列号|工号|学号|书号|刊号|单号)\s*[:：]?\s*$")


def _inside_a_code(text: str, mention: QuantityMention) -> bool:
    """A number typed right after a Latin letter, with a Latin unit, is part of a code or of a forum's
    scrambled filler (b2 m1 A%), not an amount; GDP1000亿元 keeps its Chinese unit and stays. So is one
    a label calls a code (编号:219627269县人民政府…: a document's number, then the county's government), and one
    after a lone Latin letter, whatever its unit (X9003次中欧班列, G1234次列车: a train's number)."""
    before = text[max(0, mention.start - 2):mention.start]
    letter = before[-1:]
    if letter.isascii() and letter.isalpha():
        lone = len(before) < 2 or not (before[0].isascii() and before[0].isalpha())
        if lone or mention.unit_written.isascii():
            return True
    return CODE_LABEL.search(text, max(0, mention.start - 8), mention.start) is not None


HALF_UNIT_DIMENSIONS = {"mass", "length", "area", "volume", "duration"}
CN_ONES = "一二三四五六七八九"


def _with_fraction_after(text: str, mention: QuantityMention) -> QuantityMention:
    """A part written after the unit: 四成半 is 45 %, 六成八 68 %; 两吨半 is 2.5 吨, 一年半 1.5 年."""
    after = text[mention.end:mention.end + 2]
    if mention.high is not None or not after:
        return mention
    if mention.unit_written == "成":
        if after[0] == "半":
            return _extended(text, mention, 1, mention.value + 5)
        if after[0] in CN_ONES and (len(after) == 1 or after[1] not in CN_CHARS + "个成"):
            return _extended(text, mention, 1, mention.value + CN_ONES.index(after[0]) + 1)
        return mention
    if after[0] == "半" and mention.dimension in HALF_UNIT_DIMENSIONS and mention.unit_written[:1] not in "十百千万亿":
        numeral = parse_numeral(mention.text[:len(mention.text) - len(mention.unit_written)].rstrip("余多"))
        if numeral is not None and numeral[1] is None and numeral[0] == int(numeral[0]) > 0 \
                and mention.qualifier == "exact":
            return _extended(text, mention, 1, mention.value * (1 + 0.5 / numeral[0]))
    return mention


# 35元8角五分, 五块三毛钱, 一块二: the smaller coins after a sum in 元 or 块; 五美元又二十美分
COIN_DIGIT = r"[0-9一二两三四五六七八九]"
YUAN_COINS = re.compile(rf"(?:又|零)?(?:(?P<jiao>{COIN_DIGIT})[角毛](?:(?P<fen>{COIN_DIGIT})分)?|(?P<fen_only>{COIN_DIGIT})分)钱?"
                        rf"|(?P<tenth>{COIN_DIGIT})(?![\d{CN_CHARS}角毛分元块])")
CENTS = re.compile(rf"(?:又|零)?(?P<cents>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})美分")


def _with_coins(text: str, mentions: list[QuantityMention], units) -> list[QuantityMention]:
    """A sum in 元 (or 美元) followed by its 角 and 分 (美分) is one amount; the coins are not a mention of their own."""
    result: list[QuantityMention] = []
    for mention in mentions:
        if result and mention.start < result[-1].end:
            continue  # the coins of the amount before
        extended = mention
        if mention.high is None and mention.unit_written in ("元", "块", "圆"):
            coins = YUAN_COINS.match(text, mention.end)
            if coins and (coins.group("tenth") is None or mention.unit_written == "块"):
                tenths = _digit(coins.group("jiao") or coins.group("tenth"))
                hundredths = _digit(coins.group("fen") or coins.group("fen_only"))
                extended = _extended(text, mention, coins.end() - mention.end,
                                     mention.value + tenths * 0.1 + hundredths * 0.01)
        elif mention.high is None and mention.unit_written == "美元":
            cents = CENTS.match(text, mention.end)
            parsed = parse_numeral(cents.group("cents")) if cents else None
            if parsed is not None and parsed[0] < 100:
                extended = _extended(text, mention, cents.end() - mention.end, mention.value + parsed[0] / 100)
        result.append(extended)
    return result


def _digit(written: str | None) -> int:
    return 0 if written is None else int(written) if written.isdigit() else DIGITS[written]


# 三个半月, 2个多月, 一个多星期: 个 counts a time the noun after 半 or 多 names
COUNTED_TIME = re.compile(r"(?P<part>[多半])(?P<noun>月|小时|星期)")


def _counter_of_time(text: str, mention: QuantityMention, units) -> QuantityMention | None:
    """个 then 半 or 多 then 月, 小时 or 星期 counts months, hours or weeks (more than, or and a half);
    none when it says how long ago (两个多月后, 三个半月前)."""
    counted = COUNTED_TIME.match(text, mention.end) if mention.unit_written == "个" and mention.high is None else None
    if counted is None:
        return mention
    if text.startswith(RELATIVE_TIME_AFTER, counted.end()):
        return None
    unit = units["个" + counted.group("noun")]
    value = mention.value + (0.5 if counted.group("part") == "半" else 0)
    qualifier = "over" if counted.group("part") == "多" else mention.qualifier
    end = counted.end()
    return QuantityMention(mention.start, end, text[mention.start:end], _round(value * unit.factor), None, qualifier,
                           unit.canonical, unit.surface, unit.dimension, mention.numeral, unit.iso)


# 两个孩子, 511个贫困人口, 1个能人: 个 counting people; not 93个农民专业合作社, where the people name the body counted
PEOPLE_MODIFIERS = ("贫困|搬迁|建档立卡|农村|城乡|城镇|留守|困难|受益|脱贫|低收入|残疾|务工|外出|返乡|易地|低保|特困|五保|驻村|帮扶|基层|在校"
                    "|少数民族|[\u4e00-\u9fff]{1,3}?族"  # 5.3万傈僳族群众: a people's name
                    "|老区|山区|库区|[\u4e00-\u9fff]{2,3}(?=人民(?!币))")  # 226万老区人民, 300多万安康人民
PEOPLE_NOUNS = ("人口|群众|农民|劳动力|村民|居民|农牧民|牧民|移民|对象|人员|干部|党员|茶农|果农|菜农|药农|蔗农|棉农|烟农|菇农|渔民"
                "|学生|师生|教师|儿童|妇女|职工|工人|员工|老人|同胞|残疾人|人民(?![币日网政法检银医大代广公路街出解武调团军])")  # 5万学生, 42.4万农村在校师生, 300余职工 (not 游客, who come and go: 人次)
# 54个移民点, 14个村民组, 93个农民专业合作社: what the people's noun names after it, a body or a place, not people;
# 28个人口较少民族, 3个人口大县: the number of peoples or places of which the noun says how many live there
NOT_PEOPLE_AFTER = (r"(?!小组|委员会|代表大会|(?:专业)?合作社|合作组织|协会|联合会|企业|公司|夜校|学校|之家|工作站"
                    r"|安置|搬迁|点|区|小区|社区|新?村|新居|住房|工程|项目|基地|车间|组|较[少多]|大[省市县区镇乡村])")
PEOPLE_COUNTED = re.compile(rf"(?:孩子|小孩|儿子|女儿|子女|学生|老人|干部|党员|工人|员工|家庭成员|能人|儿童|妇女|青年|"
                            rf"(?:{PEOPLE_MODIFIERS}){{0,3}}(?:{PEOPLE_NOUNS})){NOT_PEOPLE_AFTER}")


def _counter_of_people(text: str, mention: QuantityMention, units) -> QuantityMention:
    """个 before a noun for people (两个孩子) counts people (人)."""
    if mention.unit_written != "个" or not PEOPLE_COUNTED.match(text, mention.end):
        return mention
    people = units["人"]
    return QuantityMention(mention.start, mention.end, mention.text, mention.value, mention.high, mention.qualifier,
                           people.canonical, mention.unit_written, people.dimension, mention.numeral, people.iso)


# 分别高出6.4和1.1个百分点: a bare number joined to the next, which writes the rate's unit for both
SHARED_UNIT_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[和与及、]\s*$")
SHARED_UNITS = {"个百分点", "%", "倍"}


def _sharing_the_unit_after(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """The bare number before one with a rate's unit (6.4和1.1个百分点), as a mention of that unit."""
    shared = []
    for mention in found:
        written = WRITTEN_RATE.fullmatch(mention.text)  # 1.1个百分点, 21.2%: digits, then the unit alone
        before = SHARED_UNIT_BEFORE.search(text, max(0, mention.start - 12), mention.start)
        if written and mention.unit_written in SHARED_UNITS and mention.high is None and before \
                and float(written.group(1)) and not any(m.start <= before.start(1) < m.end for m in found):
            value = float(before.group(1)) * mention.value / float(written.group(1))
            shared.append(QuantityMention(before.start(1), before.end(1), before.group(1), _round(value), None, "exact",
                                          mention.unit, mention.unit_written, mention.dimension, "arabic", mention.iso))
    return shared


WRITTEN_RATE = re.compile(r"(\d+(?:\.\d+)?)(?:个百分点|%|倍)")


def _extended(text: str, mention: QuantityMention, extra: int, value: float) -> QuantityMention:
    end = mention.end + extra
    return QuantityMention(mention.start, end, text[mention.start:end], _round(value), None, mention.qualifier,
                           mention.unit, mention.unit_written, mention.dimension, mention.numeral, mention.iso)


# 资金达900万, 收入300多万: an amount of money written without 元
# (贫困人口由64万减少到9万, 收入由3万增加到5万: the figures of a change, each written without its unit)
# A number with a multiplier and no unit after it (300多万, 6.8万): its unit comes from the words around it
# 投资1个亿, 两个多亿: speech puts 个 before 亿, which is still the multiplier
# 三百万农民, 两万多贫困户, 近千万贫困人口: Chinese digits before the multiplier, too
BARE_NUMBER = (rf"(?<![\d.{CN_CHARS}数几])(?P<num>{ARABIC}|[一二两三四五六七八九十]{{1,3}}(?=个多?亿)"
               rf"|[一二两三四五六七八九十百千]{{1,4}}?(?=[余多]?[万亿]))(?:个(?=多?亿))?"
               rf"(?P<gap>[ \u3000](?=[余多]?[万亿]))?"  # 9899 万: only on a page that spaces its numbers
               rf"(?P<q>[余多])?(?P<mult>[万亿]+)(?P<q2>[余多])?")
BARE_AMOUNT = re.compile(
    rf"{BARE_NUMBER}(?=[{POST_NOMINAL_END}\s]|$|(?:减少|增加|下降|上升|增长|提高|降|升|增|减)?[至到])")
MONEY_WORDS = re.compile(r"资金|投资|投入|收入|资产|产值|销售额|营业额|利润|金额|费用|款|工资|补贴|补助|分红|收益|营收|信贷|融资|经费|增收")
BARE_ANYWHERE = re.compile(BARE_NUMBER)
PEOPLE_WORDS = re.compile(r"人口|群众|农民|劳动力|村民|居民|农牧民|牧民|移民|减贫|脱贫")


# 总投资380万在5个村…: an amount right after the word for the money it is needs no punctuation after it
MONEY_RIGHT_BEFORE = re.compile(rf"(?:{MONEY_WORDS.pattern})(?:达|为|了|约|有)?$")
PEOPLE_RIGHT_BEFORE = re.compile(rf"(?:{PEOPLE_WORDS.pattern})(?:达|为|了|约|有)?$")  # 贫困人口有五百三十万


def _bare_money(text: str, found: list[QuantityMention], units, spaced: bool = False) -> list[QuantityMention]:
    """Amounts with a multiplier and no unit whose clause speaks of money just before them are in 元, of
    people (贫困人口由64万减少到9万) in 人."""
    extra = []
    for m in BARE_ANYWHERE.finditer(text):
        if any(f.start < m.end() and m.start() < f.end for f in found) or (m.group("gap") and not spaced):
            continue
        if not BARE_AMOUNT.match(text, m.start()):
            if not re.match(r"[\dA-Za-z.%]", text[m.end():m.end() + 1]):
                if MONEY_RIGHT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                    extra += _bare_mention(text, m, units["元"])
                elif PEOPLE_RIGHT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                    extra += _bare_mention(text, m, units["人"])  # 年度脱贫人口100万的目标
            continue
        clause_start, _ = clause_bounds(text, 0, len(text), m.start())
        window = max(clause_start, m.start() - 12)
        words = [(w.end(), "元") for w in MONEY_WORDS.finditer(text, window, m.start())]
        words += [(w.end(), "人") for w in PEOPLE_WORDS.finditer(text, window, m.start())]
        if not words:
            continue
        unit = max(words)[1]  # the nearest word says what is counted: 收入 → 元, 贫困人口 → 人
        extra += _bare_mention(text, m, units[unit])
    return extra


def _bare_mention(text: str, m: re.Match, unit: Unit) -> list[QuantityMention]:
    """The mention of a number with a multiplier and no unit written (BARE_AMOUNT, BARE_PEOPLE), in `unit`."""
    multiplier = parse_multiplier(m.group("mult"))
    parsed = parse_numeral(m.group("num"))
    if multiplier is None or parsed is None:
        return []
    if not any(ch.isdigit() or ch in CN_DIGITS or ch == "十" for ch in m.group("num")) \
            and not text[max(0, m.start() - 2):m.start()].endswith(BOUND_BEFORE):
        return []  # 百万人口大搬迁: a figure of speech; 近千万贫困人口 is an amount
    qualifier = INSIDE.get(m.group("q") or m.group("q2") or "", "exact")
    written = m.group("mult") + (unit.canonical if unit.canonical in ("人", "户") else "")
    numeral = "arabic" if m.group("num")[0].isdigit() else "chinese"
    return [_mention(text, m.start(), m.end(), _round(parsed[0] * multiplier), None, qualifier, unit, written,
                     numeral)]


# 58万贫困人口, 84.36万搬迁群众, 2万贫困农民: a count of people written without 人, its noun after it;
# 6.8万贫困户, 9.5万农户, 25万种植户: of households written without 户
# 7.5万来自深度贫困家庭的劳动力, 123万生活在深山区的群众: where they come from or live, between number and noun
# 71万搬出大山的贫困人口, 20万有劳动能力的贫困人口: or what they did or have, in a short clause ending in 的
WHERE_THEY_ARE = (r"(?:(?:来自|生活在|居住在|分布在)[^，。；;,、\s\d]{1,14}?的?"
                  r"|(?![元亩吨户人个株头只斤米套间座])[^，。；;,、\s\d“”\"（）()]{2,8}?的)")
BARE_PEOPLE = re.compile(rf"{BARE_NUMBER}(?=(?:{WHERE_THEY_ARE})?(?:{PEOPLE_MODIFIERS}){{0,3}}"
                         rf"(?:(?P<people>{PEOPLE_NOUNS})|(?P<households>农户|农牧户|贫困户|搬迁户|脱贫户|种植户|养殖户|种养户)))")
# 400余村民就业, 3000余贫困群众借此脱贫: a count of people with no multiplier and no 人 or 名, its noun right after it
PLAIN_PEOPLE = re.compile(rf"(?<![\d.{CN_CHARS}])(?!(?:19|20)\d\d(?![\d余多]))(?P<num>[1-9]\d+)(?P<q>[余多])?"
                          rf"(?=(?:{PEOPLE_MODIFIERS}){{0,3}}(?:{PEOPLE_NOUNS}){NOT_PEOPLE_AFTER})")


def _bare_people(text: str, found: list[QuantityMention], units, spaced: bool = False) -> list[QuantityMention]:
    """Amounts with a multiplier followed by a noun for people (贫困人口, 群众, 农民) count people (人), by
    one for households (贫困户, 农户) households (户); a plain number right before people (400余村民) counts them."""
    extra = []
    for m in BARE_PEOPLE.finditer(text):
        if not any(f.start < m.end() and m.start() < f.end for f in found) and (spaced or not m.group("gap")):
            extra += _bare_mention(text, m, units["人" if m.group("people") else "户"])
    for m in PLAIN_PEOPLE.finditer(text):
        if not any(f.start < m.end() and m.start() < f.end for f in [*found, *extra]):
            extra.append(_mention(text, m.start(), m.end(), float(m.group("num")), None,
                                  INSIDE.get(m.group("q") or "", "exact"), units["人"], "人", "arabic"))
    return extra


def _read(text: str, m: re.Match, units, spaced: bool = False) -> QuantityMention | None:
    start, end = m.start(), m.end()
    if m.group("den") is not None:
        value = parse_fraction(m.group("den"), m.group("numr"))
        if value is None:
            return None
        kind = "arabic" if m.group("den")[0].isdigit() else "chinese"
        return _mention(text, start, end, -value if m.group("fsign") else value, None, "exact", units["%"], "%", kind)
    if m.group("snum") is not None:
        den = int(m.group("sden"))
        if not den or den > 1000 or int(m.group("snum")) >= den:
            return None
        return _mention(text, start, end, int(m.group("snum")) / den * 100, None, "exact", units["%"], "%", "arabic")
    if m.group("discount") is not None:  # 八折 pays 80 % of the price, 七五折 75 %, 对折 half
        digits = [DIGITS[ch] for ch in m.group("discount")] if m.group("discount") != "对" else [5]
        return _mention(text, start, end, digits[0] * 10 + (digits[1] if len(digits) > 1 else 0), None, "exact",
                        units["%"], "%", "chinese")
    if m.group("half") is not None:  # 半年, 半个月, 半成, 半日 (a day: 日 alone is a date's, not a unit)
        unit = units["天" if m.group("half") == "日" else m.group("half")]
        if unit.surface in DURATIONS and text[end:end + 3].lstrip("多余").startswith(RELATIVE_TIME_AFTER):
            return None  # 半年来, 半年多来, 半年后: relative time
        return _mention(text, start, end, _round(0.5 * unit.factor), None, "exact", unit, m.group("half"), "chinese")
    if m.group("cbefore") is not None:  # ￥500, 人民币3万
        parsed = parse_numeral(m.group("cnum"))
        multiplier = parse_multiplier(m.group("cmult"))
        if parsed is None or parsed[1] is not None or multiplier is None:
            return None
        kind = "arabic" if m.group("cnum")[0].isdigit() else "chinese"
        if kind == "chinese" and len(m.group("cnum")) == 1 and not m.group("cmult"):
            return None  # 美元一 … is no amount
        return _mention(text, start, end, _round(parsed[0] * multiplier), None, "exact",
                        units[CURRENCY_BEFORE[m.group("cbefore")]], m.group("cmult") + m.group("cbefore"), kind)
    if m.group("one_half") is not None:  # 一半的村民: half of them
        return _mention(text, start, end, 50, None, "exact", units["%"], "%", "chinese")
    if m.group("vlow") is not None:  # 成千上万名: from the first to ten times the second
        low, high = parse_multiplier(m.group("vlow")), parse_multiplier(m.group("vhigh")) * 10
        unit = units[m.group("vunit")]
        return _mention(text, start, end, _round(low * unit.factor), _round(high * unit.factor), "approx", unit,
                        m.group("vunit"), "chinese") if high > low * 10 else None
    num, num2, unit_surface = m.group("num"), m.group("num2"), m.group("unit")
    unit = units[unit_surface]
    kind = "arabic" if num[0].isdigit() else "chinese"
    if not _gaps_allowed(text, m, spaced) or (unit_surface in PLACE_COUNTERS and kind == "chinese"):
        return None
    unit = _currency_written_before(text, start, unit, units)
    if unit_surface == "块" and (PIECES.match(text, end) or PIECES_BEFORE.search(text, max(0, start - 6), start)):
        unit = units.second_reading["块"]  # 12块多晶硅太阳能面板, 3块地, 光伏组件548块: pieces, not 元
    if unit_surface == "度" and TEMPERATURE_WORDS.search(text, max(0, start - 6), start + 2):
        unit = units["℃"]
    vague = num[0] == "数" or "几" in num
    if num[0] == "数" and start and text[start - 1] in NOT_VAGUE_BEFORE:
        return None
    parsed = parse_numeral(num)
    if parsed is None:
        return None
    low, high = parsed
    if kind == "chinese" and not _is_real_chinese_number(text, m, num, unit):
        return None
    if kind == "chinese" and not num2 and num in "百千万亿" and start and text[start - 1] == "上":
        start, high, vague = start - 1, low * 10, True  # 上百人, 上万名: as many as that, short of ten times it
    if m.group("times"):
        low = low * float(m.group("times"))
    multiplier = parse_multiplier(m.group("mult"))
    if multiplier is None:
        return None
    if num2:
        second = parse_numeral(num2)
        if m.group("mult1"):  # 2万—3万元: each end carries its own multiplier
            first = parse_multiplier(m.group("mult1"))
            if first is None:
                return None
            low = low * first / multiplier
        if second is None or second[1] is not None:
            return None
        if not m.group("mult1"):
            low = _shared_multiplier(num, num2, low, second[0])
            if multiplier > 1 and low >= second[0]:
                low = low / multiplier  # 6000到2万欧元: the low end is written in full
        if second[0] <= low:
            return None
        high = second[0]
    qualifier = INSIDE.get(m.group("q2") or m.group("q1") or "", "exact")
    if high is not None:
        qualifier = "approx" if vague else "range"
    if _is_not_a_quantity(text, m, low, unit, num2):
        return None
    factor = multiplier * unit.factor
    if m.group("sign"):
        low = -low
    value = _round(low * factor)
    high_value = _round(high * factor) if high is not None else None
    return _mention(text, start, end, value, high_value, qualifier, unit, _written_multiplier(m, kind) + unit_surface,
                    kind)


def _currency_written_before(text: str, start: int, unit: Unit, units) -> Unit:
    """港币500万元, 新台币 52.3亿元: 元 after a number counts the currency named before it."""
    if unit.canonical != "元" or unit.surface not in ("元", "圆"):
        return unit
    before = text[max(0, start - 4):start].rstrip(" \u3000")
    return next((u for u in _other_currencies(units) if before.endswith(u.surface)), unit)


@functools.lru_cache(maxsize=4)
def _other_currencies(units) -> tuple[Unit, ...]:
    """The currencies other than 元 that a name before a number may give it, longest name first."""
    return tuple(sorted((u for u in units.by_surface.values() if u.dimension == "currency" and u.canonical != "元"
                         and u.factor == 1), key=lambda u: -len(u.surface)))


def _gaps_allowed(text: str, m: re.Match, spaced: bool = False) -> bool:
    """A space inside a mention is OCR's only where nothing else could be meant: before a multiplier
    (300 万元) or a percent sign, in a numeral spaced out itself (二 百 三 十 户), or in text that
    spaces its numbers (共 56 户; 60 人, 4.2 吨 … on a page that does so throughout), or after the word the unit
    ends (贫困户74 户); never a lone 表1 人口."""
    if not (m.group("gap1") or m.group("gap2")):
        return True
    if m.group("gap1") and m.group("mult") and not m.group("gap2"):
        return True
    if m.group("unit") in ("%", "‰") or m.group("unit").isascii() or re.search(r"\s", m.group("num")):
        return True
    if m.start() > 0 and text[m.start() - 1] == m.group("unit")[-1]:
        return True  # 贫困户74 户: the word before the number names what the unit counts
    return (m.start() > 0 and text[m.start() - 1] in " \u3000") or spaced


SPACED_NUMBER = re.compile(r"\d[ \u3000][\u4e00-\u9fff]")
SPACED_NUMBERS_MIN = 4


def spaces_its_numbers(text: str) -> bool:
    """Whether the text types a space after its numbers as a rule (吸收贫困人口60 人, 销售4.2 吨, 使8 个贫困村…, a
    typeset page), not once (表1 人口)."""
    return len(SPACED_NUMBER.findall(text)) >= SPACED_NUMBERS_MIN


def _shared_multiplier(num: str, num2: str, low: float, high: float) -> float:
    """A multiplier written only on a range's high end applies to both ends: 三至五万 is 30000–50000,
    一百到一百二十万 is 1000000–1200000, 三至五百 is 300–500; 八千至一万 keeps 8000 (scaled, the low end
    would pass the high one).

    >>> _shared_multiplier("三", "五万", 3, 50000), _shared_multiplier("八千", "一万", 8000, 10000)
    (30000, 8000)
    """
    ending = num2[len(num2.rstrip("万亿")):]  # 万 and 亿 multiply what comes before them
    if not ending and len(num) == 1 and len(num2) == 2 and num2[-1] in "千百":
        ending = num2[-1]  # 三至五百: one digit each, the place written once
    if not ending or len(ending) == len(num2) or num.endswith(("万", "亿")):
        return low
    scale = parse_multiplier(ending)
    return low * scale if scale and low * scale <= high else low


def _written_multiplier(m: re.Match, kind: str) -> str:
    """The multiplier the unit was written with: 3200万元 and 三千二百万元 are both in 万元 (a Chinese
    numeral's closing 万 or 亿 is its multiplier; 千, 百 and 十 are its digits).

    >>> [_written_multiplier(m, "chinese") for m in _pattern().finditer("三千二百万元，两亿元，三千元")]
    ['万', '亿', '']
    """
    if m.group("mult") or kind != "chinese":
        return m.group("mult") or ""
    num = m.group("num2") or m.group("num")
    return num[len(num.rstrip("万亿")):]


def _round(value: float) -> float:
    """Twelve significant digits: 65.6亿 is 6560000000, not the float product's 6559999999.999999."""
    return float(f"{value:.12g}")


def _mention(text, start, end, value, high, qualifier, unit: Unit, written, kind) -> QuantityMention:
    if qualifier == "exact":
        qualifier = _qualifier_around(text, start, end)
    return QuantityMention(start, end, text[start:end], value, high, qualifier, unit.canonical, written,
                           unit.dimension, kind, unit.iso)


def _qualifier_around(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 4):start]
    if before[-1:] in LINKING_VERBS and len(before) > 1:
        before = before[:-1]  # 约占15%, 约为3万元
    for word, qualifier in BEFORE:
        if before.endswith(word):
            if word == "近" and (before[-2:] in NEAR_NOT_NEARLY or before[-2:-1] in ("将", "接")):
                continue
            return qualifier
    if before.endswith("上") and text[start:start + 1] in "百千万亿":
        return "over"  # 上万名学生, 上千人: as many as, and more
    if before.endswith("过") and before[-2:-1] not in "经通超度越跨穿渡闯熬不" and text[start:start + 1] in "百千万亿":
        return "over"  # 收入过万元, 产值过亿元: past it (not 经过, nor 过 marking a verb's aspect before 3次)
    after = text[end:end + 2]
    for word, qualifier in AFTER:
        if after.startswith(word):
            return qualifier
    if after[:1] in INSIDE and text[start:end].endswith(tuple(DURATIONS)):
        return INSIDE[after[:1]]  # 1年多, 3个月余
    if after[:1] == "多" and text[start:end].endswith(MORE_AFTER) and text[end + 1:end + 2] in MORE_ENDS:
        return "over"  # 两成多, 3吨多的: more than that much (not 3000万元多用于…)
    return "exact"


# 两成多, 1倍多, 3吨多: units of an amount that 多 right after may qualify, where a clause or 的 follows it
MORE_AFTER = ("成", "倍", "吨", "斤", "公斤", "米", "公里", "元", "块", "亩", "平方米")
MORE_ENDS = "，,。；;、的）)！!？?\n"


# 从08年起, 编号007: an amount never opens with a zero
LEADING_ZERO = re.compile(r"0\d")
# 十年九旱, 三年五载: the second numeral of a four-character idiom and a word that is no unit
IDIOM_SECOND_HALF = re.compile(r"[二三四五六七八九十][\u4e00-\u9fff](?<![个年月日天周岁人户元万千百亿次倍成名位只头的])")
# 近 in these words means near (a place) or recent, not nearly (an amount): 靠近万亩基地, 最近3天
NEAR_NOT_NEARLY = ("最近", "附近", "靠近", "邻近", "临近")
# 有五幢居民楼、一幢村委办公楼, 两个、一个: the item before the 、 holds an amount (not 一个少数民族、一个地区: a list of
# indefinite 一)
LISTED_AMOUNT = re.compile(rf"[\d{CN_DIGITS.replace('一', '')}十百千万][^、，,。；;：:\s]*$")


def _is_real_chinese_number(text: str, m: re.Match, num: str, unit: Unit) -> bool:
    """Drop bare multipliers (千家万户), indefinite 一 (一个方案), and set phrases."""
    inside = m.group("q1") or m.group("q2")
    if not any(ch in DIGITS or ch in "廿卅几数" for ch in num) and num[0] not in "十拾" and not inside:
        # 千家万户 is a set phrase; 逾百万元, 上千人, 突破万元 and 不足百户 are amounts.
        before = text[max(0, m.start() - 2):m.start()]
        if not before.endswith(BOUND_BEFORE) or before in NEAR_NOT_NEARLY or text.startswith("千家万户", m.start()):
            return False  # 靠近万亩基地: near a large base, not nearly ten thousand mu
    if num == "一" and not m.group("mult"):
        after = text[m.end():m.end() + 1]
        before = text[m.start() - 1:m.start()] if m.start() else ""
        counts_time = m.group("unit") == "个" and COUNTED_TIME.match(text, m.end())
        coins = m.group("unit") == "块" and YUAN_COINS.match(text, m.end())
        half = after == "半" and unit.dimension in HALF_UNIT_DIMENSIONS
        # 五幢居民楼、一幢村委办公楼: the item before the 、 (within a short reach) holds an amount
        listed = before == "、" and LISTED_AMOUNT.search(text, max(0, m.start() - 40), m.start() - 1) is not None
        if after and after not in POST_NOMINAL_END and not half and not listed and not counts_time and not coins:
            return False  # 一个方案, 一个少数民族、一个地区 (一米半, 一个多月 and 一块二 are amounts)
        if m.group("unit") in INDEFINITE_ONE_UNITS or (before == "的" and unit.dimension == "count") or before == "同":
            return False  # 增添了浓墨重彩的一笔, 全县的一个贫困村: after 的, 一 is an article; 同一天, 同一个: the same
    if len(num) == 1 and m.start() >= 2 and text[m.start() - 2] in CN_DIGITS.replace("一", "") \
            and text[m.start() - 1] not in CN_CHARS and not (text[m.start() - 1] == "年" and m.group("unit") == "次"):
        return False  # 三番五次, 七上八下: a four-character idiom with two numerals (not 分五年三次兑现)
    if len(num) == 1 and m.group("unit") in ("年", "天", "日", "月") and IDIOM_SECOND_HALF.match(text, m.end()):
        return False  # 十年九旱, 三年五载: the first half of such an idiom (两年三个月 is a length of time)
    return True


def _is_not_a_quantity(text: str, m: re.Match, low: float, unit: Unit, num2: str | None) -> bool:
    """Dates, ordinals, relative time, slogans and names that look like quantities."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 1):start]
    after = text[end:end + 2]
    if before and before in NOT_AN_AMOUNT_BEFORE and text[start - 2:start] != "提前":
        return True  # 前3年, 第5批; but 提前2个月完成: ahead of time by that much
    surface = m.group("unit")
    if surface == "角" and before in TRIANGLE_BEFORE and m.group("num") == "三":
        return True
    if m.group("num") == "一" and unit.dimension != "currency" and before and before in PRICE_END:
        return True  # 几毛钱一公斤, 3元一斤: what a price is per, not an amount
    if LEADING_ZERO.match(m.group("num")):
        return True  # 从08年起: a year written short, or a code; an amount never opens with a zero
    written_digit_by_digit = m.group("num")[0].isdigit() or all(ch in DIGITS for ch in m.group("num"))
    if surface == "年" and written_digit_by_digit and (1000 <= low <= 2999 or low >= 10000) and not (m.group("q1") or m.group("q2")):
        return True  # 2018年: a year; 202223年: a year a conversion garbled, no one counts ten thousand years in digits
    if surface in DURATIONS and (after.lstrip("多余").startswith(RELATIVE_TIME_AFTER) or _recent(text, start)):
        return True  # 3年多来, 两年来, 近三年: relative time
    if surface in DURATIONS and m.group("num") == "一" and before == "的":
        return True  # 4月份的一天, 难忘的一年: a day, not a length of time
    if ORDINAL_LIST.search(text, max(0, start - 8), start) \
            or (surface in ("类", "级") and CLASSES_LISTED.search(text, max(0, start - 2), start)):
        return True  # 第1、2批; 一、二类对象
    if (surface, after[:1]) in NOT_THE_UNIT or (surface in ("周", "季") and m.group("num") == "四") \
            or (surface == "种" and GROWERS.match(text, end)) or (surface == "期" and before == "年"):
        return True  # 两周年, 一季度, 三伏天, 村庄四周, 一年四季; 民生周刊2012年50期: an issue's number
    if surface == "期" and PHASE_OF_A_WORK.match(text, end) and not m.group("num")[0].isdigit():
        return True  # 项目二期工程: the second phase of the works, not two of them
    if surface in ("栋", "幢", "号楼") and ADDRESS_AFTER.match(text, end):
        return True  # 安置点2号点33栋2单元11号: an address, not 33 buildings
    if (after[:1] == "一" and (unit.dimension == "count" or m.group("num") == "一")) \
            or (after[:1] == "1" and m.group("num") == "1"):
        return True  # 五个一批, 一户一码, 1乡1品: a slogan, not a count
    if (surface in DURATIONS or unit.dimension == "count") and after.startswith(("行动", "计划", "规划", "攻坚", "牌")):
        return True  # 三年行动计划, 二十项行动: a programme's name; 打好三张牌: a figure of speech
    if any(text.startswith(phrase, start) for phrase in SET_PHRASES):
        return True
    if FIVE_YEAR_PLAN.match(text, start):
        return True  # 十三五期间: the 13th five-year plan, not 13 to 15
    if (surface == "届" and CONGRESS_AFTER.match(text, end)) \
            or (surface == "次" and CONGRESS_BEFORE.search(text, max(0, start - 8), start) and SESSION_AFTER.match(text, end)):
        return True  # 县十六届人大二次会议: which congress and which of its sessions, not how many
    if surface == "个" and text.startswith(("亿", "多亿"), end):
        return True  # 1个亿 is a hundred million (BARE_NUMBER), not one of something
    if surface == "成" and (low > 10 or text.startswith("一成不变", start)):
        return True
    if unit.dimension != "currency" and m.group("num") in FINANCIAL_DIGITS:
        return True  # 伍家台贡茶: one financial digit writes a sum of money, before any other unit 伍 or 陆 is a name
    return _inside_short_quote(text, start, end) or (surface in DURATIONS and _in_a_column_name(text, start, end))


COLUMN_NAME_MAX = 12  # 砥砺奋进的五年|记者蹲点贫困村: the column's name before the bar of a headline
COLUMN_BARS = "|丨｜"


def _in_a_column_name(text: str, start: int, end: int) -> bool:
    """砥砺奋进的五年|记者蹲点贫困村, 辉煌70年丨…: a short phrase opening a line before a bar names the paper's column,
    and a length of time in it (五年) is part of that name (a table's cell 300户|1200人 is no phrase; asked of durations)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:line_start + COLUMN_NAME_MAX + 1]  # the bar, if any, lies within the name's reach
    bar = min((line_start + at for at in (head.find(b) for b in COLUMN_BARS) if at >= 0), default=-1)
    if bar < end or "\n" in text[line_start:bar]:
        return False
    words = re.sub(rf"[^{HAN}]", "", text[line_start:start] + text[end:bar])
    return len(words) >= 3


# 二期工程, 三期项目: which phase of the works a Chinese numeral before 期 names
PHASE_OF_A_WORK = re.compile(r"工程|项目|建设|安置|扩建")
FINANCIAL_DIGITS = "壹贰叁肆伍陆柒捌玖拾佰仟"
# What 块 counts when it is no money: panels, bricks, plots of land
PIECES = re.compile(r"(?:多晶硅|单晶硅|太阳能|光伏|电池|组件|面板|展板|[板砖石瓦匾牌碑屏表]|玻璃|土地|耕地|林地|宅基地|菜地|[地田])")
# …or what is written right before them (光伏组件548块, 太阳能板300块; not 各地300块, which is money)
PIECES_BEFORE = re.compile(r"(?:组件|面板|展板|[板砖瓦匾碑]|玻璃|土地|耕地|林地|宅基地|菜地)$")
CONGRESS = r"人大|人民代表大会|人民政府|政府|政协|党代会|委员会|常委会|代表大会|中央|县委|市委|省委|党委"
# 十六届人大, 十九届四中全会, 十三届全国人大代表
CONGRESS_AFTER = re.compile(rf"(?:[一二三四五六七八九十]中)?(?:全国|省|市|县)?(?:{CONGRESS}|全会)")
CONGRESS_BEFORE = re.compile(rf"(?:{CONGRESS}|届)$")
SESSION_AFTER = re.compile(r"会议|全会|全体会议")
FIVE_YEAR_PLAN = re.compile(r"十[一二三四五六]五(?![个人名户岁])")
ORDINAL_LIST = re.compile(r"第[\d一二三四五六七八九十]+[,，、和及]$")
CLASSES_LISTED = re.compile(r"[一二三四五六七八九十]、$")  # 一、二类对象, 一、二级公路: classes, not a count


def _recent(text: str, start: int) -> bool:
    """近三年, 近5年, 过去5年, 最后一天: the last few years, the last day (将近三年, 推迟了近1个月 are lengths of time)."""
    if text.endswith(("过去", "过去的", "最后"), 0, start):
        return True
    return text[start - 1:start] == "近" and text[start - 2:start - 1] not in ("将", "接", "了", "达", "为")  # 推迟了近1个月: nearly


QUOTES = {"“": "”", "「": "」", "《": "》", "\"": "\"", "【": "】"}  # 【砥砺奋进的五年】: a column's name


SPOKEN = re.compile(r"[。！？!?，,；;]")  # a quotation holding a sentence's marks is speech


def _couplet(quoted: str) -> bool:
    """就业一人，脱贫一户: two halves of a few characters each, as long as each other and written without digits,
    make a slogan, not speech (“种了3亩，收了2吨” is said)."""
    halves = re.split(r"[，,]", quoted)
    if re.search(r"\d", quoted) or len(halves) != 2 or any(SPOKEN.search(half) for half in halves):
        return False
    return 2 <= len(halves[0]) <= 6 and len(halves[0]) == len(halves[1])


def _inside_short_quote(text: str, start: int, end: int, longest: int = 12) -> bool:
    """True when the mention sits inside a quoted name of a few characters (“三张牌”) or a book title."""
    title_open = text.rfind("《", 0, start)
    if title_open >= 0 and text.rfind("》", title_open, start) < 0 and text.find("》", end) >= 0:
        return True
    window = text[max(0, start - longest):start]
    for opening, closing in QUOTES.items():
        at = window.rfind(opening)
        if at < 0 or closing in window[at + 1:] and opening != closing:
            continue
        close_at = text.find(closing, end, end + longest)
        open_at = start - len(window) + at
        if close_at >= 0 and (close_at - open_at) <= longest + 2 and (
                not SPOKEN.search(text, open_at + 1, close_at)  # “去年一共收入7万元。” is said, not a name
                or _couplet(text[open_at + 1:close_at])):
            return True
    return False


def _merge_ranges(text: str, mentions: list[QuantityMention]) -> list[QuantityMention]:
    """十元至十五元, 2万元-3万元 and 5%——6% are one range mention."""
    merged: list[QuantityMention] = []
    for mention in mentions:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.high is None
            and prev.unit == mention.unit
            and (text[prev.end:mention.start] in ("——", "--")
                 or mention.start - prev.end == 1 and text[prev.end] in RANGE_SEPARATORS)
            and mention.value > prev.value
        ):
            merged[-1] = QuantityMention(prev.start, mention.end, text[prev.start:mention.end], prev.value,
                                         mention.value, "range", prev.unit, prev.unit_written, prev.dimension,
                                         prev.numeral, prev.iso)
            continue
        merged.append(mention)
    return merged
