"""Rows from the store → the dicts the response schemas dump, with links."""
from __future__ import annotations

from flask import request

from ..fact_shape import API_FIELDS


def source_ref(row) -> dict:
    """SourceRefSchema's shape from a row that selected the source's name as `doc`."""
    return {"name": row.doc, "url": row.source_url, "title": row.source_title, "published": row.published,
            "published_source": row.published_source, "outlet": row.outlet}


def fact_body(row) -> dict:
    """A fact with its provenance nested, never optional: exactly FactSchema's shape (a test holds it
    to that), built directly because dumping through marshmallow doubled the cost of a page."""
    root = request.script_root
    article_url = f"{root}/v1/articles/{row.article_id}"
    return {
        "id": row.id,
        "url": f"{root}/v1/facts/{row.id}",
        **{f.name: getattr(row, f.name) for f in API_FIELDS},
        "extractor_version": row.extractor_version,
        "provenance": {
            "doc": row.doc, "start": row.start, "end": row.end, "text": row.text, "sentence": row.sentence,
            "sentence_start": row.sentence_start, "sentence_end": row.sentence_end,
            "normalised": row.normalised,
            "why": {"place": row.place_rule, "year": row.year_rule},
            "source": source_ref(row),
            "article": {"id": row.article_id, "title": row.title, "date": row.date, "byline": row.byline,
                        "url": article_url},
            "paragraph": {"id": row.paragraph_id, "index": row.paragraph_index,
                          "url": f"{article_url}/paragraphs/{row.paragraph_index}"},
        },
    }
