"""A saved web page → the article text kaoju reads, and what the page says of itself.

trafilatura finds the main text and the page's metadata (title, date, site name, canonical address);
navigation, comments and related-article lists are left out. The text it gives, one paragraph per
blank-line separated block, is the source's "raw" text that every span points into; the HTML is
kept beside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .decode import DecodeError

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
# Markup at the start of a file, whatever its name: <!DOCTYPE html>, <html>, <head>, <body>
HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SENTENCE = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class Webpage:
    """The article text of a page, and its title, date (YYYY-MM-DD), site name and canonical address."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def is_webpage(path: str, text: str) -> bool:
    """An HTML page by its name (.html, .htm …) or by markup at its start."""
    return path.lower().endswith(HTML_SUFFIXES) or bool(HTML_START.match(text[:4096]))


def read_webpage(html: str) -> Webpage:
    """The article text and metadata of a page; DecodeError when no article text is found in it."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
    lines = [line.strip() for line in ((document.text or "") if document is not None else "").splitlines()]
    text = "\n\n".join(line for line in lines if line)
    if not any(SENTENCE.search(line) or len(line) > 40 for line in lines):  # 首页 | 国内: a menu, no article
        raise DecodeError("an HTML page with no article text in it (only navigation, scripts or markup)")
    published = document.date if document.date and DATE.fullmatch(document.date) else None
    return Webpage(text, _value(document.title), published, _value(document.sitename), _value(document.url))


def _value(text: str | None) -> str | None:
    return text.strip() or None if text else None
