"""What a figure's wording allows, which figures agree, and which conflict (service/corroboration.py)."""
from __future__ import annotations

import math
import random
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from service.corroboration import MAX_RATIO, Evidence, compatible, conflicts, group, step_of


def fact(i, value, text, qualifier="exact", article=None, source=None, high=None):
    return Evidence.of(i, source if source is not None else i, article if article is not None else i, value, high,
                       qualifier, text)


@pytest.mark.parametrize("value, text, step", [
    (1.2e8, "1.2亿元", 1e7),
    (1.23e8, "1.23亿元", 1e6),
    (3e7, "3000万元", 1e7),
    (1545, "1545户", 1),
    (95.9, "95.9%", 0.1),
    (300000, "三十万", 1e5),
    (23000000, "两千三百万元", 1e6),
    (71209000, "7120.9萬(wàn)元", 1e3),
    (1545, "1,545户", 1),
    (1149, "1 149户", 1),
    (1e4, "10 000元", 1e4),
    (0.73, "0.73%", 0.01),
    (1.5, "1.50亩", 0.01),
])
def test_the_step_is_the_unit_of_the_last_digit_written(value, text, step):
    assert step_of(value, text) == pytest.approx(step)


@pytest.mark.parametrize("a, b, agree", [
    (("1.2亿元", 1.2e8), ("1.23亿元", 1.23e8), True),  # a rounding of the other
    (("3000余万元", 3e7, "over"), ("3050万元", 3.05e7), True),
    (("3000余万元", 3e7, "over"), ("4100万元", 4.1e7), False),  # 余 stays under the next unit
    (("272个", 272), ("270个", 270), True),  # 270 may be 272 rounded
    (("272个", 272), ("250个", 250), False),
    (("1545户", 1545), ("1544户", 1544), False),  # exact figures agree only when equal
    (("96%", 96), ("95.9%", 95.9), True),
    (("96%", 96), ("95.4%", 95.4), False),
    (("3000万元", 3e7), ("3200万元", 3.2e7), False),  # a round figure is a rounding of no more than 5 %
    (("约3000万元", 3e7, "approx"), ("3400万元", 3.4e7), True),
    (("超过1000人", 1000, "over"), ("5000人", 5000), True),  # a bound includes what it bounds
    (("超过1000人", 1000, "over"), ("900人", 900), False),
    (("不到1000人", 1000, "under"), ("900人", 900), True),
    (("不到1000人", 1000, "under"), ("1200人", 1200), False),
    (("两三万元", 20000, "range", 30000), ("2.5万元", 25000), True),
    (("两三万元", 20000, "range", 30000), ("4万元", 40000), False),
    (("0户", 0), ("0户", 0), True),
])
def test_compatible(a, b, agree):
    def make(i, spec):
        text, value, *rest = spec
        return fact(i, value, text, rest[0] if rest else "exact", high=rest[1] if len(rest) > 1 else None)

    assert compatible(make(1, a), make(2, b)) is agree
    assert compatible(make(2, b), make(1, a)) is agree


@given(st.integers(100, 10**9), st.integers(2, 4))
def test_a_figure_rounded_to_fewer_digits_agrees_with_it(number, kept):
    """A figure rounded to two significant digits or more agrees with it. One digit is not assumed to be a
    rounding: 100 for 106 is 6 % off, more than ROUNDING_SHARE."""
    exact = Decimal(number)
    exponent = exact.adjusted() - kept + 1
    rounded = exact.quantize(Decimal(1).scaleb(exponent), rounding="ROUND_HALF_UP")
    written = f"{rounded:.{max(-exponent, 0)}f}"
    assert compatible(fact(1, float(exact), f"{number}元"), fact(2, float(rounded), f"{written}元"))


@given(st.integers(1, 10**9), st.integers(1, 10**9))
def test_different_exact_integers_never_agree(a, b):
    """Exact figures with no trailing zero are what they say."""
    if a % 10 and b % 10 and a != b:
        assert not compatible(fact(1, a, f"{a}人"), fact(2, b, f"{b}人"))


EVIDENCE = st.lists(st.tuples(st.sampled_from([100, 120, 123, 250, 272, 270, 3000, 3050, 0.5]),
                              st.sampled_from(["exact", "approx", "over", "under"]), st.integers(1, 4)),
                    min_size=1, max_size=12)


def _facts(drawn):
    words = {"exact": "{}", "approx": "{}", "over": "{}余", "under": "{}"}
    return [fact(i + 1, value, words[q].format(value) + "个", q, article=article, source=article)
            for i, (value, q, article) in enumerate(drawn)]


@given(EVIDENCE, st.randoms())
def test_claims_split_the_facts_into_agreeing_groups_whatever_their_order(drawn, rnd):
    facts = _facts(drawn)
    claims = group(facts)
    assert sorted(e.id for c in claims for e in c.facts) == [e.id for e in facts]
    for c in claims:
        assert c.low < c.high or c.low == c.high == 0
        for e in c.facts:
            assert max(e.low, c.low) <= min(e.high, c.high)
        assert c.id == min(e.id for e in c.facts)
    shuffled = list(facts)
    rnd.shuffle(shuffled)
    assert [[e.id for e in c.facts] for c in group(shuffled)] == [[e.id for e in c.facts] for c in claims]


@given(EVIDENCE)
def test_conflicts_are_mutual_between_claims_of_different_articles_not_far_apart(drawn):
    claims = group(_facts(drawn))
    by_id = {c.id: c for c in claims}
    for claim, others in conflicts(claims).items():
        for other in others:
            assert claim in conflicts(claims)[other]
            a, b = by_id[claim], by_id[other]
            assert {e.article for e in a.facts} != {e.article for e in b.facts}
            values = sorted([a.consensus()[0], b.consensus()[0]])
            assert values[0] > 0 and values[1] / values[0] <= MAX_RATIO


def test_three_sources_say_272_one_says_270_and_one_says_250():
    claims = group([fact(1, 272, "272个"), fact(2, 272, "272个"), fact(3, 272, "272个"), fact(4, 270, "270个"),
                    fact(5, 250, "250个")])
    assert [[e.id for e in c.facts] for c in claims] == [[1, 2, 3, 4], [5]]
    assert claims[0].consensus() == (272, "most_sources")
    assert conflicts(claims) == {1: {5}, 5: {1}}


def test_the_most_precise_figure_wins_when_as_many_sources_back_each():
    claims = group([fact(1, 1.2e8, "1.2亿元"), fact(2, 1.23e8, "1.23亿元")])
    assert len(claims) == 1 and claims[0].consensus() == (1.23e8, "most_precise")


def test_an_article_stating_two_figures_for_one_wording_accuses_no_one():
    """投资 for two projects of one county in one story: a third story's figure matching neither is not a
    conflict with them, nor are they with each other."""
    claims = group([fact(1, 7.1209e7, "7120.9万元", article=1), fact(2, 1.2e8, "1.2亿元", article=1),
                    fact(3, 9e7, "9000万元", article=2)])
    assert len(claims) == 3 and all(not others for others in conflicts(claims).values())


def test_figures_far_apart_are_different_quantities_not_a_conflict():
    claims = group([fact(1, 7437, "7437人"), fact(2, 1132, "1132人")])
    assert conflicts(claims) == {1: set(), 2: set()}
    assert math.isclose(7437 / 1132, 6.57, rel_tol=0.01)
