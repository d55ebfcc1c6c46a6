"""A saved web page → the article text kaoju reads, and what the page says of itself.

trafilatura finds the main text and the page's metadata (title, date, site name, canonical address);
navigation, comments and related-article lists are left out. The text it gives, one paragraph per
blank-line separated block, is the source's "raw" text that every span points into; the HTML is
kept beside it.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

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
    """The article text and metadata of a page; DecodeError when no article text is found in it.

    A page trafilatura cannot read (markup nested deeper than its parser goes) is read as plain text,
    so its words are not lost."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its "discarding data" notes are not the user's
    # favor_precision: a short story's page is not taken whole, menus included; extensive_search off: a
    # date only from the page's markup, never guessed from its text (茶叶2000亩 made 2000-01-01); the date
    # line a page prints is read by the layout
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                           favor_precision=True, date_extraction_params={"extensive_search": False})
    lines = _lines((document.text or "") if document is not None else "")
    if not _has_article(lines):
        lines = _lines(_plain_text(html))
    if not _has_article(lines):
        raise DecodeError("an HTML page with no article text in it (only navigation, scripts or markup)")
    if document is None:
        return Webpage("\n\n".join(lines))
    published = document.date if document.date and DATE.fullmatch(document.date) else None
    return Webpage("\n\n".join(lines), _value(document.title), published, _value(document.sitename),
                   _value(document.url))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _has_article(lines: list[str]) -> bool:
    """Some line reads as a sentence; 首页 | 国内 is a menu, no article."""
    return any(SENTENCE.search(line) or len(line) > 40 for line in lines)


class _TextOnly(HTMLParser):
    """The text of a page outside scripts and styles, a line per block element."""

    SKIPPED = {"script", "style", "noscript", "template", "head"}
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def _plain_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def _value(text: str | None) -> str | None:
    return text.strip() or None if text else None
