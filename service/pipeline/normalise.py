"""Raw text → the normalised view every later stage reads, with its offset map.

Each step substitutes characters one for one or deletes them, so the view always maps back to
exactly the raw characters it came from (see document.OffsetMap).
"""
from __future__ import annotations

import functools
import re

from .document import Document, ViewBuilder

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# A pinyin gloss: Latin letters (with tone marks, or a tone's digit: jun1) in parentheses or in 【】,
# right after a Han character. Real parentheses hold Han text (乡(镇)) or names ((刘生锋 严晓声)) and are kept.
SYLLABLE = r"[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,8}[1-5]?"
PINYIN_GLOSS = re.compile(
    rf"(?<=[{HAN}])(?:[(（]{SYLLABLE}(?:\s{SYLLABLE})?[)）]|【{SYLLABLE}(?:\s{SYLLABLE})?】)"
)
TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
# 截至 2018 年末: a space set inside a date (typeset pages) is not read, so the date reads as one
SPACE = "[ \u00a0\u2009\u202f]"  # a space, a no-break space, a thin space
SPACE_IN_A_DATE = re.compile(rf"{SPACE}(?:(?<=[0-9].)(?=[年月日])|(?<=[{HAN}].)(?=[0-9]{{1,4}}{SPACE}?[年月日]))")

# A body block that ends mid-word, then a blank line, then a block that goes on with the word.
CUT_WORD = re.compile(rf"(?<=[{HAN}])(\n[ \t\u3000]*){{1,3}}\n(?=[{HAN}])")
MIN_CUT_BLOCK = 40
LEAD_MARKERS = ("本报讯", "新华社", "据", "记者", "□")
# 发布日期:2023年10月23日 文  号: 标  题:…: a page's meta line, whose last field may end without a stop, is no body block
META_LABEL = re.compile(r"(?:时间|日期)[:：]\s*\d{4}|来源[:：]")

MOJIBAKE = re.compile(rf"(?<=[{HAN}，。、])\?{{2,}}|\?{{2,}}(?=[{HAN}])|\ufffd+")


# 二〇一九年, 一九九三年, 二00一年: a year in Chinese numerals reads as its digits, one for one
# 全省扶贫产品销售额累计达到48。4亿元: a full stop typed for the decimal point, between digits before a unit
DECIMAL_FULL_STOP = re.compile(r"(?<=\d)。(?=\d{1,3}[万亿%元])")
CHINESE_YEAR = re.compile(r"(?<![〇○零0-9一二三四五六七八九十百千万])(?:一九|二[〇○零0])[〇○零0一二三四五六七八九]{2}(?=年)")
YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")

# Variant characters OpenCC's t2s leaves as they are (陜西 is 陕西), one for one
VARIANTS = str.maketrans({"陜": "陕"})


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed the same length as the input.

    OpenCC converts by phrase; a phrase that changes length is converted character by character.

    >>> to_simplified("臨汾新聞網"), to_simplified("陜西")
    ('临汾新闻网', '陕西')
    """
    converter = _t2s()
    out = []
    for line in text.splitlines(keepends=True):
        converted = converter.convert(line).translate(VARIANTS)
        if len(converted) != len(line):
            converted = "".join(_single(converter, ch) for ch in line)
        out.append(converted)
    return "".join(out)


def _single(converter, ch: str) -> str:
    converted = converter.convert(ch).translate(VARIANTS)
    return converted if len(converted) == 1 else ch


def is_gloss(match: re.Match) -> bool:
    """A gloss carries a tone mark or is a lone lowercase syllable; `(AB)` abbreviations are kept."""
    inner = match.group(0)[1:-1]
    return any(c in TONE_MARKS for c in inner) or inner.islower()


# Full-width digits, letters, ％ and ． read as their half-width forms (one for one); so do the small
# percent sign ﹪ and ℅ (care of), which Chinese pages type for % (森林覆盖率90℅以上).
HALF_WIDTH = {
    code: code - 0xFEE0
    for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0E]
} | {0xFE6A: ord("%"), 0x2105: ord("%")}


def cut_word_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of line breaks that cut a word in two between two long body blocks."""
    spans = []
    for m in CUT_WORD.finditer(text):
        before_start = text.rfind("\n", 0, m.start()) + 1
        after_end = text.find("\n", m.end())
        after_end = len(text) if after_end < 0 else after_end
        before = text[before_start:m.start()].strip()
        after = text[m.end():after_end].strip()
        if len(before) < MIN_CUT_BLOCK or len(after) < MIN_CUT_BLOCK:
            continue
        if after.startswith(LEAD_MARKERS) or before.endswith(("摄",)) or META_LABEL.search(before):
            continue
        spans.append((m.start(), m.end()))
    return spans


def _delete(text: str, spans: list[tuple[int, int]]):
    """The text without the given sorted, disjoint spans, and its offset map."""
    builder = ViewBuilder(text)
    pos = 0
    for start, end in spans:
        builder.keep_range(pos, start)
        pos = end
    builder.keep_range(pos, len(text))
    return builder.build()


def normalise(raw: str) -> Document:
    """Build the normalised Document of a decoded raw text."""
    simplified = CHINESE_YEAR.sub(lambda m: m.group(0).translate(YEAR_DIGITS), to_simplified(raw).translate(HALF_WIDTH))
    simplified = DECIMAL_FULL_STOP.sub(".", simplified)  # one character for one: the offsets stay as they are
    glosses = [(m.start(), m.end()) for m in PINYIN_GLOSS.finditer(simplified) if is_gloss(m)]
    spaces = [(m.start(), m.end()) for m in SPACE_IN_A_DATE.finditer(simplified)]
    text, offsets = _delete(simplified, sorted(glosses + spaces))
    joins = cut_word_breaks(text)
    if joins:
        text, inner = _delete(text, joins)
        offsets = offsets.compose(inner)
    flags = {"mojibake": [offsets.to_raw(m.start(), m.end()) for m in MOJIBAKE.finditer(text)]}
    return Document(raw=raw, text=text, offsets=offsets, flags=flags)
