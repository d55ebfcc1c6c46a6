"""Flat rows of the store: facts for `kaoju export` and the API's CSV (one shape, in the gold file's
field names), articles in the articles' shape."""
from __future__ import annotations

import json
from typing import Iterator

from ..fact_shape import FACT_FIELDS as DECLARED
from .models import Article, Fact, Paragraph, Source

# A fact with where it was read: what every query for whole fact rows selects (the API's too)
FACT_ROW_COLUMNS = (Fact, Article.title, Article.date, Article.byline, Article.index.alias("article_index"),
                    Paragraph.index.alias("paragraph_index"),
                    Source.name.alias("doc"), Source.url.alias("source_url"), Source.title.alias("source_title"),
                    Source.published.alias("published"), Source.published_source.alias("published_source"),
                    Source.outlet.alias("outlet"))
FACT_FIELDS = ["id", "doc", "article", "article_title", "paragraph", *(f.name for f in DECLARED), "source_url",
               "published"]


def fact_row_query():
    """Facts joined to their article, paragraph and source, selecting FACT_ROW_COLUMNS."""
    return (Fact.select(*FACT_ROW_COLUMNS)
            .join(Article, on=(Fact.article == Article.id))
            .switch(Fact).join(Paragraph, on=(Fact.paragraph == Paragraph.id))
            .switch(Fact).join(Source, on=(Fact.source == Source.id)))


# What a spreadsheet opening a CSV file takes for the start of a formula (=SUM(…), +1, -1, @cmd, a tab or a
# carriage return before one): a cell of text from a page must never run as one when a user opens the export
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A CSV cell: text that opens like a formula (a page can say anything: =HYPERLINK(…)，投资100万元) is
    written after an apostrophe, which a spreadsheet shows as text; numbers and other text are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def flat_fact(row) -> dict:
    """A row of fact_row_query() as FACT_FIELDS, in order."""
    flat = {"id": row.id, "doc": row.doc, "article": row.article_id, "article_title": row.title,
            "paragraph": row.paragraph_index}
    flat.update((f.name, getattr(row, f.name)) for f in DECLARED)
    flat.update(source_url=row.source_url, published=row.published)
    return flat
ARTICLE_FIELDS = ["id", "doc", "title", "subtitle", "kicker", "start", "body_start", "end", "byline", "date",
                  "place", "year",
                  "source_name", "fragment_of", "continued_at"]


def fact_rows(portable: bool = False) -> Iterator[dict]:
    """Every fact, streamed so memory stays flat: in id order, or `portable`: in the order of their
    source's path and their offsets, each article by its place on its page, without the store's row ids,
    so that two stores that hold the same sources (one filled by `kaoju extract`, one by workers in
    whatever order) export the same bytes."""
    query = fact_row_query()
    query = query.order_by(Source.path, Fact.start, Fact.end, Fact.id) if portable else query.order_by(Fact.id)
    for row in query.objects().iterator():
        flat = flat_fact(row)
        if portable:
            del flat["id"]
            flat["article"] = row.article_index
        yield flat


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
