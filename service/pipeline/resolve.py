"""Mentions → facts: the year a number refers to (place and measure come in later stages)."""
from __future__ import annotations

import re

YEAR = re.compile(r"((?:19|20)\d{2})年")
RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1, "当年": 0, "本年": 0}
RELATIVE = re.compile("|".join(RELATIVE_YEARS))


def resolve_year(sentence: str, position: int, article_date: str | None) -> int | None:
    """The year of a mention at `position` in `sentence`: the nearest year written before it,
    else the first after it, else a relative year (今年, 去年) against the article's date.

    >>> resolve_year("2016年全县投资3000万元", 9, None)
    2016
    >>> resolve_year("去年全县投资3000万元", 7, "2017-10-17")
    2016
    """
    before = [m for m in YEAR.finditer(sentence, 0, position)]
    if before:
        return int(before[-1].group(1))
    base = int(article_date[:4]) if article_date else None
    relative = [m for m in RELATIVE.finditer(sentence, 0, position)]
    if relative and base is not None:
        return base + RELATIVE_YEARS[relative[-1].group(0)]
    after = YEAR.search(sentence, position)
    if after:
        return int(after.group(1))
    return None
