"""Numerals, table-driven: (text, low, high)."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.pipeline.numerals import parse_chinese, parse_fraction, parse_numeral

NUMERALS = [
    ("一", 1, None), ("二", 2, None), ("两", 2, None), ("俩", 2, None), ("十", 10, None), ("十一", 11, None),
    ("二十", 20, None), ("二十五", 25, None), ("一百", 100, None), ("一百零五", 105, None), ("三百", 300, None),
    ("一千", 1000, None), ("一千二百", 1200, None), ("一千二", 1200, None), ("三千零五十", 3050, None),
    ("一万", 10000, None), ("两万五", 25000, None), ("十万", 100000, None), ("一百万", 1000000, None),
    ("一千万", 10000000, None), ("一亿", 100000000, None), ("一亿二千万", 120000000, None),
    ("十二亿", 1200000000, None), ("万", 10000, None), ("千", 1000, None), ("廿", 20, None),
    ("壹佰", 100, None), ("叁仟", 3000, None), ("零点五", 0.5, None), ("三点一四", 3.14, None),
    ("两三", 2, 3), ("三四万", 30000, 40000), ("两三万", 20000, 30000), ("四五十", 40, 50),
    ("十七八", 17, 18), ("一两", 1, 2), ("五六百", 500, 600), ("七八千", 7000, 8000),
    ("1", 1, None), ("1,200", 1200, None), ("58671.29万", 586712900, None), ("10.2亿", 1020000000, None),
    ("3千万", 30000000, None), ("0.5", 0.5, None), ("1.7万", 17000, None), ("3万亿", 3e12, None),
]
NOT_NUMERALS = ["", "临县", "十三五x", "一是", "abc", "1,2,3", "万万万x"]


@pytest.mark.parametrize("text,low,high", NUMERALS, ids=[n[0] for n in NUMERALS])
def test_numerals(text, low, high):
    assert parse_numeral(text) == (pytest.approx(low), None if high is None else pytest.approx(high))


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_not_numerals(text):
    assert parse_numeral(text) is None


FRACTIONS = [("三", "一", 100 / 3), ("四", "一", 25), ("百", "五十", 50), ("千", "三", 0.3), ("10", "1", 10)]


@pytest.mark.parametrize("den,num,percent", FRACTIONS)
def test_fractions_are_percentages(den, num, percent):
    assert parse_fraction(den, num) == pytest.approx(percent)


DIGIT_WORDS = "零一二三四五六七八九"


def spell(n: int) -> str:
    """A plain reference speller for 1..99999999 (the textbook reading)."""
    def below_10000(x):
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = x // size % 10
            if d:
                if zero and out:
                    out += "零"
                out += DIGIT_WORDS[d] + unit
                zero = False
            else:
                zero = True
        return out
    high, low = divmod(n, 10000)
    if not high:
        return below_10000(low)
    text = below_10000(high) + "万"
    if low:
        text += ("零" if low < 1000 else "") + below_10000(low)
    return text


@given(st.integers(1, 99_999_999))
def test_spelled_numbers_read_back(n):
    assert parse_chinese(spell(n)) == (float(n), None)


def test_the_vocabulary_of_numbers_is_consistent():
    from service.pipeline.numerals import vocabulary

    words = vocabulary()
    assert sorted(set(words["digits"].values())) == list(range(10))
    for place, value in {**words["places"], **words["large_places"]}.items():
        assert words["multipliers"].get(place, value) == value
    assert set(words["large_places"]) <= set(words["multipliers"])
    qualifiers = {"over", "under", "approx"}
    for word, qualifier in words["qualifiers_before"] + words["qualifiers_after"]:
        assert qualifier in qualifiers, word
    assert set(words["qualifiers_inside"].values()) <= qualifiers
    from service.pipeline.units import load_units

    canonical = {u.canonical for u in load_units().by_surface.values() if u.dimension == "currency"}
    assert set(words["currencies_before"].values()) <= canonical
