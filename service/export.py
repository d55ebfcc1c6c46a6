"""Rows for `kaoju export`: facts in the gold file's field names, articles in the articles' shape."""
from __future__ import annotations

import json
from typing import Iterator

from .models import Article, Fact, Paragraph, Source

FACT_FIELDS = ["id", "doc", "article", "paragraph", "start", "end", "text", "value", "high", "qualifier", "unit",
               "unit_written", "dimension", "numeral", "measure", "indicator", "place", "place_code", "place_rule",
               "year", "year_rule"]
ARTICLE_FIELDS = ["id", "doc", "title", "subtitle", "kicker", "start", "body_start", "end", "byline", "date",
                  "place", "year",
                  "source_name", "fragment_of", "continued_at"]


def fact_rows(batch: int = 2000) -> Iterator[dict]:
    """Every fact, in id order, streamed in batches so memory stays flat."""
    query = (Fact.select(Fact, Source.name, Paragraph.index)
             .join(Source, on=(Fact.source == Source.id))
             .switch(Fact).join(Paragraph, on=(Fact.paragraph == Paragraph.id))
             .order_by(Fact.id))
    for fact in query.objects().iterator():
        yield {
            "id": fact.id, "doc": fact.name, "article": fact.article_id, "paragraph": fact.index,
            "start": fact.start, "end": fact.end, "text": fact.text, "value": fact.value, "high": fact.high,
            "qualifier": fact.qualifier, "unit": fact.unit, "unit_written": fact.unit_written,
            "dimension": fact.dimension, "numeral": fact.numeral, "measure": fact.measure, "indicator": fact.indicator, "place": fact.place,
            "place_code": fact.place_code, "place_rule": fact.place_rule,
            "year": fact.year, "year_rule": fact.year_rule,
        }


def article_rows() -> Iterator[dict]:
    """Every article, in id order; a fragment names the article before it on the same page."""
    query = (Article.select(Article, Source.name).join(Source).order_by(Article.id))
    previous: dict[int, int] = {}
    for article in query.objects().iterator():
        yield {
            "id": article.id, "doc": article.name, "title": article.title, "subtitle": article.subtitle,
            "kicker": article.kicker, "start": article.start, "body_start": article.body_start,
            "end": article.end, "byline": article.byline, "date": article.date,
            "source_name": article.source_name, "place": article.place, "year": article.year,
            "fragment_of": previous.get(article.source_id) if article.fragment else None,
            "continued_at": json.loads(article.continued_at or "[]"),
        }
        previous[article.source_id] = article.id
