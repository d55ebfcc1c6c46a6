"""What a number counts: a short phrase from the words next to it (3864名贫困人口 → 贫困人口).

A noun phrase right after the number names it (11家企业, 600吨大豆, 10万元扶贫资金); else the words
before it do (投资3000万元); rates are named before (贫困发生率降至0.73%). The words and their parts of
speech come from jieba's dictionary, a few characters on each side (tagger.py).
"""
from __future__ import annotations

import re

from .tagger import tagger

WINDOW = 10
CUT_MARGIN = 4  # characters read before a window that does not start at its clause, whose first word is dropped
MAX_CHARS = 8
HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
# Words that never name the measured thing: function words, linking verbs, qualifiers.
NOT_A_MEASURE = {
    "的", "了", "和", "与", "及", "等", "在", "是", "为", "将", "都", "也", "就", "还", "又", "并", "已", "被", "把",
    "从", "到", "对", "以", "共", "约", "近", "达", "达到", "超过", "突破", "逾", "累计", "共计", "合计", "总计",
    "降至", "降到", "下降", "提高", "提高到", "增加", "增加到", "增长", "上升", "减少", "占", "有", "其中", "全部",
    "以上", "左右", "以下", "之多", "多", "余", "每", "年", "月", "日", "今年", "去年", "目前", "已经", "分别",
    "实现", "带动", "帮助", "解决", "完成", "涉及", "覆盖", "使", "让", "给", "向", "由", "于", "按", "按照", "一",
    "个", "人", "户", "名", "这", "那", "该", "全", "各", "每年", "每户", "每人", "人均", "年均", "平均",
    *(f"{a}{b}" for a in "全该本我各" for b in "省市县区镇乡村"),
}


# Parts of speech that can make up a measure: nouns, verbal and adjectival nouns, modifiers.
NOUNISH = ("n", "vn", "an", "ng", "nz", "b", "j", "l")


def _words(text: str) -> list[tuple[str, str]]:
    return tagger().lcut(text)


def _is_noun(word: str, flag: str) -> bool:
    return bool(HAN_WORD.match(word)) and word not in NOT_A_MEASURE and flag.startswith(NOUNISH)


def _is_modifier(word: str, flag: str) -> bool:
    """贫困 in 贫困人口, 就业 in 就业岗位: an adjective or verb right before a noun."""
    return bool(HAN_WORD.match(word)) and word not in NOT_A_MEASURE and flag[:1] in ("a", "v")


def _phrase(words: list[tuple[str, str]]) -> str | None:
    """Modifiers then nouns, at most three words, ending on a noun."""
    while words and not _is_noun(*words[-1]):
        words.pop()
    phrase = "".join(w for w, _ in words[-3:])
    return phrase[:MAX_CHARS] if len(phrase) >= 2 and any(_is_noun(*w) for w in words) else None


def _after(text: str, end: int, clause_end: int) -> str | None:
    words: list[tuple[str, str]] = []
    for word, flag in _words(text[end:min(clause_end, end + WINDOW)]):
        if _is_noun(word, flag) or (_is_modifier(word, flag) and not any(_is_noun(*w) for w in words)):
            words.append((word, flag))
            continue
        if not words and word in ("的", "以上", "左右", "多", "余", "之多"):
            continue
        break
    return _phrase(words)


def _before(text: str, start: int, clause_start: int) -> str | None:
    words: list[tuple[str, str]] = []
    modified = False
    window_start = max(clause_start, start - WINDOW - CUT_MARGIN)
    window = _words(text[window_start:start])
    if window_start > clause_start:
        window = window[1:]  # the window may cut a word (建档立卡 → 卡): its first word is dropped
    for word, flag in reversed(window):
        if _is_noun(word, flag) and not modified:
            words.insert(0, (word, flag))
            if len(words) == 3:
                break
        elif words and _is_modifier(word, flag) and not modified:
            words.insert(0, (word, flag))
            modified = True
        elif words:
            break
        elif _is_modifier(word, flag) and flag.startswith("v") and len(word) >= 2:
            return word  # 投资3000万元, 捐赠1000万元: the verb right before names the amount
    return _phrase(words)


def extract_measure(text: str, start: int, end: int, dimension: str, clause: tuple[int, int]) -> str | None:
    """A short phrase naming what the mention at [start, end) measures, or None.

    >>> extract_measure("带动1545户3864名贫困人口增收", 7, 12, "people", (0, 18))
    '贫困人口'
    >>> extract_measure("提供就业岗位2000个以上", 6, 11, "count", (0, 13))
    '就业岗位'
    """
    clause_start, clause_end = clause
    if dimension == "percent":
        return _before(text, start, clause_start) or _after(text, end, clause_end)
    return _after(text, end, clause_end) or _before(text, start, clause_start)
