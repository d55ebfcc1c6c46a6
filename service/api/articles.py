"""/v1/articles: articles with their paragraphs, spans and facts."""
from __future__ import annotations

import json

from flask import jsonify, url_for
from peewee import JOIN, fn

from schemas.articles import ArticleListArgs, ArticleSchema, ParagraphSchema

from ..store.models import Article, Fact, Paragraph, Source
from . import bp
from .problems import NotFound
from .serialise import source_ref
from .query import keyset_page, page_response, parse_args, place_filter, source_filters


def _article_query():
    return (Article.select(Article, Source.name.alias("doc"), Source.url.alias("source_url"),
                           Source.title.alias("source_title"), Source.published.alias("published"),
                           Source.published_source.alias("published_source"), Source.outlet.alias("outlet"),
                           fn.COUNT(Fact.id).alias("fact_count"))
            .join(Source, on=(Article.source == Source.id))
            .switch(Article).join(Fact, join_type=JOIN.LEFT_OUTER, on=(Fact.article == Article.id))
            .group_by(Article.id, Source.name, Source.url, Source.title, Source.published, Source.published_source,
                      Source.outlet))


def _article_body(row, paragraphs=None) -> dict:
    body = {
        "id": row.id, "url": url_for("api.get_article", article_id=row.id), "doc": row.doc,
        "source": source_ref(row), "title": row.title,
        "subtitle": row.subtitle, "kicker": row.kicker, "byline": row.byline, "date": row.date,
        "source_name": row.source_name, "place": row.place, "place_code": row.place_code, "year": row.year,
        "start": row.start, "body_start": row.body_start, "end": row.end,
        "fragment": row.fragment, "continued_at": json.loads(row.continued_at or "[]"),
        "fact_count": row.fact_count,
    }
    if paragraphs is not None:
        body["paragraphs"] = paragraphs
    return body


def _paragraph_body(paragraph, facts) -> dict:
    return {
        "id": paragraph.id, "index": paragraph.index, "start": paragraph.start, "end": paragraph.end,
        "text": paragraph.text, "mojibake": paragraph.mojibake, "kind": paragraph.kind,
        "sentences": [{"index": i, "start": start, "end": end,
                       "text": paragraph.text[start - paragraph.start:end - paragraph.start]}
                      for i, (start, end) in enumerate(json.loads(paragraph.sentences or "[]"))],
        "facts": [{"id": f.id, "start": f.start, "end": f.end, "text": f.text, "value": f.value, "unit": f.unit,
                   "url": url_for("api.get_fact", fact_id=f.id)} for f in facts],
    }


@bp.get("/articles")
def list_articles():
    """Articles in id order, 50 a page; filters: doc, outlet, published range, q (title or text), place, date range."""
    args = parse_args(ArticleListArgs)
    query = _article_query()
    query = source_filters(query, args)
    if "q" in args:
        matching = Paragraph.select(Paragraph.article).where(Paragraph.text.contains(args["q"]))
        query = query.where(Article.title.contains(args["q"]) | Article.id.in_(matching))
    if "place" in args:
        query = query.where(place_filter(args["place"], Article.place_code))
    if "date__gte" in args:
        query = query.where(Article.date >= args["date__gte"].isoformat())
    if "date__lte" in args:
        query = query.where(Article.date <= args["date__lte"].isoformat())
    rows, token = keyset_page(query, Article.id, args)
    return page_response("api.list_articles", ArticleSchema(many=True).dump([_article_body(r) for r in rows]), token)


@bp.get("/articles/<int(max=9223372036854775807):article_id>")
def get_article(article_id: int):
    row = _article_query().where(Article.id == article_id).objects().first()
    if row is None:
        raise NotFound(f"there is no article {article_id}")
    paragraphs = list(Paragraph.select().where(Paragraph.article == article_id).order_by(Paragraph.index))
    facts = list(Fact.select(Fact.id, Fact.paragraph, Fact.start, Fact.end, Fact.text, Fact.value, Fact.unit)
                 .where(Fact.article == article_id).order_by(Fact.start))
    by_paragraph: dict[int, list] = {}
    for fact in facts:
        by_paragraph.setdefault(fact.paragraph_id, []).append(fact)
    body = _article_body(row, [_paragraph_body(p, by_paragraph.get(p.id, [])) for p in paragraphs])
    return jsonify(ArticleSchema().dump(body))


@bp.get("/articles/<int(max=9223372036854775807):article_id>/paragraphs/<int(max=9223372036854775807):index>")
def get_paragraph(article_id: int, index: int):
    paragraph = Paragraph.get_or_none((Paragraph.article == article_id) & (Paragraph.index == index))
    if paragraph is None:
        raise NotFound(f"article {article_id} has no paragraph {index}")
    facts = Fact.select().where(Fact.paragraph == paragraph.id).order_by(Fact.start)
    return jsonify(ParagraphSchema().dump(_paragraph_body(paragraph, facts)))
