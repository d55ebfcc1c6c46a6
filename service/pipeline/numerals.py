"""Numerals as Chinese news writes them → numbers: 1,200 · 58671.29万 · 一千二百 · 两三万 · 三分之一.

`parse_numeral` returns (low, high) with high None for a single number, or None when the string
is not a numeral. It never raises on odd input.
"""
from __future__ import annotations

import functools
import json
import re
from importlib import resources

@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    """numbers.json: the words of numbers, the one place they are listed."""
    return json.loads(resources.files(__package__).joinpath("numbers.json").read_text(encoding="utf-8"))


DIGITS: dict[str, int] = vocabulary()["digits"]
SMALL_UNITS: dict[str, int] = vocabulary()["places"]
# 万 and 亿 inside a numeral; 兆 is read only as a multiplier after one (3兆日元), never inside (兆瓦)
BIG_UNITS: dict[str, int] = {**vocabulary()["large_places"], "兆": vocabulary()["multipliers"]["兆"]}
TENS: dict[str, int] = vocabulary()["tens"]
# 几百, 十几, 数千: a digit left vague — the first digit of a numeral two to nine, a later one one to nine
VAGUE_DIGITS = "".join(vocabulary()["vague_digits"])
MULTIPLIERS: dict[str, int] = vocabulary()["multipliers"]
CHINESE_CHARS = "".join([*DIGITS, *SMALL_UNITS, *BIG_UNITS, *TENS])
SPACES = re.compile(r"[ \u3000\xa0]")
LISTED_DIGITS = re.compile(r"(?<=[一二两三四五六七八九])、(?=[一二两三四五六七八九])")
DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")  # 48,6万: a scan's decimal comma (one or two digits after it: no thousands)
ARABIC = re.compile(r"(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?|\.\d+"  # thousands separators, ASCII or full width
                    rf"|{DECIMAL_COMMA.pattern}")
# 3万4千, 1亿2千万, 2亿3500万, 140万6500 (four digits after 万): digits with the places of speech between them
# (not 2万4, which may be 2.4万); 千 of 千米 is the unit's
MIXED = r"\d{1,4}万\d千(?![瓦克米伏])(?:\d百)?|\d{1,4}亿(?:\d千万|\d{1,4}万)|\d{1,4}万\d{4}(?![\d.])"
MIXED_SECTION = re.compile(r"(\d+)([亿万千百]+)")


def parse_arabic(text: str) -> float | None:
    """'1,200' → 1200.0; '96，480.50' → 96480.5; '58671.29' → 58671.29.

    >>> parse_arabic("1,200"), parse_arabic("96，480.50"), parse_arabic("48,6")
    (1200.0, 96480.5, 48.6)
    """
    if not ARABIC.fullmatch(text):
        return None
    if DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    return float(text.replace(",", "").replace("，", ""))


def parse_multiplier(text: str) -> int | None:
    """'万' → 10000; '千万' → 10**7; '万亿' → 10**12."""
    if not text:
        return 1
    value = 1
    for ch in text:
        if ch not in MULTIPLIERS:
            return None
        value *= MULTIPLIERS[ch]
    return value


def _section(text: str) -> int | None:
    """A numeral below 万: 一千二百, 十五, 三百零五, 一千二 (= 1200)."""
    if not text:
        return 0
    total = 0
    number = None
    last_unit = None
    for ch in text:
        if ch in DIGITS:
            if number is not None and number != 0 and DIGITS[ch] != 0:
                return None
            number = DIGITS[ch]
        elif ch in TENS:
            total += TENS[ch]
            number = None
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if last_unit is not None and unit >= last_unit:
                return None
            total += (1 if number is None else number) * unit
            number = None
            last_unit = unit
        else:
            return None
    if number:
        # 一千二 means 1200: a trailing digit counts in the unit below the last one.
        total += number * (last_unit // 10 if last_unit and last_unit >= 100 and text[-2] in SMALL_UNITS else 1)
    return total


def _chinese_value(text: str) -> int | None:
    for big in ("兆", "亿", "万"):
        if big in text:
            head, _, tail = text.partition(big)
            high = _chinese_value(head) if head else 1
            if high is None:
                return None
            low = _chinese_value(tail) if tail else 0
            if low is None:
                return None
            if tail and tail[0] not in "零〇" and len(tail) == 1 and tail in DIGITS:
                low *= BIG_UNITS[big] // 10  # 两万五 = 25000
            return high * BIG_UNITS[big] + low
    return _section(text)


def _range_pair(text: str) -> tuple[str, str] | None:
    """两三万 → ('两万', '三万'); 四五十 → ('四十', '五十'); 十七八 → ('十七', '十八'); 三五天 → ('三', '五')."""
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in DIGITS and b in DIGITS and DIGITS[a] and (DIGITS[b] == DIGITS[a] + 1 or a + b == "三五"):
            if i > 0 and text[i - 1] in DIGITS:
                continue
            return text[:i] + a + text[i + 2:], text[:i] + b + text[i + 2:]
    return None


def parse_chinese(text: str) -> tuple[float, float | None] | None:
    """Chinese numeral → (low, high).

    >>> parse_chinese("一千二百")
    (1200.0, None)
    >>> parse_chinese("两三万")
    (20000.0, 30000.0)
    """
    if "点" in text:
        whole, _, decimals = text.partition("点")
        head = parse_chinese(whole) if whole else (0.0, None)
        if head is None or head[1] is not None or not decimals or any(ch not in DIGITS for ch in decimals):
            return None
        return float(f"{int(head[0])}.{''.join(str(DIGITS[ch]) for ch in decimals)}"), None
    if text and text[0] in VAGUE_DIGITS or "几" in text:
        return _vague(text)
    if not text or any(ch not in CHINESE_CHARS for ch in text):
        return None
    if len(text) >= 2 and all(ch in DIGITS for ch in text) and any(ch in "〇零" for ch in text):
        return float("".join(str(DIGITS[ch]) for ch in text)), None  # 二〇〇: written digit by digit
    pair = _range_pair(text)
    if pair:
        low, high = _chinese_value(pair[0]), _chinese_value(pair[1])
        if low is None or high is None:
            return None
        return float(low), float(high)
    value = _chinese_value(text)
    return None if value is None else (float(value), None)


def _vague(text: str) -> tuple[float, float] | None:
    """几百万 → (2000000, 9000000); 十几 → (11, 19); 数千 → (2000, 9000): the digits it may stand for.
    A vague digit must stand before or after a place (几个 is no amount)."""
    at = [i for i, ch in enumerate(text) if ch in VAGUE_DIGITS]
    if len(at) != 1 or ("数" in text and at[0] != 0):
        return None
    i = at[0]
    near = text[i + 1:i + 2] + text[i - 1:i] if i else text[i + 1:i + 2]
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in near):
        return None
    low = _chinese_value(text[:i] + ("二" if i == 0 else "一") + text[i + 1:])
    high = _chinese_value(text[:i] + "九" + text[i + 1:])
    return None if low is None or high is None else (float(low), float(high))


def parse_fraction(denominator: str, numerator: str) -> float | None:
    """X分之Y as a percentage: 三分之一 → 33.33…; 百分之五 → 5."""
    den = parse_numeral(denominator)
    num = parse_numeral(numerator)
    if not den or not num or not den[0]:
        return None
    return num[0] / den[0] * 100


def parse_numeral(text: str) -> tuple[float, float | None] | None:
    """Any numeral: Arabic with a multiplier, Chinese, or a mix (1.7万, 3千万, 两千, 3万4千).

    >>> parse_numeral("58671.29万"), parse_numeral("3万4千"), parse_numeral("1亿2千万"), parse_numeral("48,6万")
    ((586712900.0, None), (34000.0, None), (120000000.0, None), (486000.0, None))
    """
    text = SPACES.sub("", text)  # 二 百 三 十: the spaces OCR leaves between characters
    text = LISTED_DIGITS.sub("", text)  # 三、四百万: the digits of a range listed with 、
    if re.fullmatch(MIXED, text):
        ones = re.search(r"(?<=万)\d{4}$", text)
        return float(sum(int(digits) * parse_multiplier(places) for digits, places in MIXED_SECTION.findall(text))
                     + (int(ones.group(0)) if ones else 0)), None
    m = re.fullmatch(rf"((?:\d{{1,3}}(?:[,，]\d{{3}})+|\d+)(?:\.\d+)?|{DECIMAL_COMMA.pattern})([{''.join(MULTIPLIERS)}]*)", text)
    if m:
        base = parse_arabic(m.group(1))
        factor = parse_multiplier(m.group(2))
        if base is None or factor is None:
            return None
        return round(base * factor, 6), None
    return parse_chinese(text)
