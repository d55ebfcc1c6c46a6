"""Raw bytes → text, with the encoding named; refuses what is not text, in plain words."""
from __future__ import annotations

import codecs
from typing import NamedTuple

from charset_normalizer import from_bytes

# Encodings we accept from the detector, mapped to the name we store.
CHINESE_ENCODINGS = {
    "utf_8": "utf-8",
    "gb18030": "gb18030",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5",
    "big5hkscs": "big5hkscs",
    "cp950": "big5",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "hz": "hz",
}

BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF document",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
}


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why in plain words."""


class Decoded(NamedTuple):
    """A file's text, the encoding it was read in, and what was left out (`None` when nothing was)."""

    text: str
    encoding: str
    warning: str | None = None


def decode_source(data: bytes) -> Decoded:
    """Decode a file's bytes, keeping what can be read: a UTF-8 file cut inside its last character keeps
    every whole character, with a warning that says how many bytes were left out.

    >>> decode_source("本报讯".encode()[:-1])
    Decoded(text='本报', encoding='utf-8', warning='the file ends inside a character: its last 2 bytes were left out')
    """
    try:
        text, encoding = decode_bytes(data)
        return Decoded(text, encoding)
    except DecodeError:
        kept = _cut_utf8(data)
        if kept is None:
            raise
        dropped = len(data) - len(kept)
        return Decoded(kept.decode("utf-8"), "utf-8",
                       f"the file ends inside a character: its last {dropped} byte{'s were' if dropped > 1 else ' was'} "
                       "left out")


def _cut_utf8(data: bytes) -> bytes | None:
    """The bytes before an incomplete UTF-8 sequence at the very end, when all before it is valid UTF-8."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.end != len(data) or len(data) - exc.start > 3:
            return None
        kept = data[:exc.start]
    if not kept.strip() or b"\x00" in kept:
        return None
    return kept


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) for a file's bytes, or raise DecodeError.

    >>> decode_bytes("临县".encode("gb18030"))[1] in ("gb18030", "big5")
    True
    >>> decode_bytes(codecs.BOM_UTF8 + "本报讯".encode())
    ('本报讯', 'utf-8-sig')
    """
    if not data.strip():
        raise DecodeError("the file is empty" if not data else "the file holds only whitespace")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise DecodeError(f"the file is {what}, not text")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text:
            return _bomless_utf16(data) or _refuse_nul()
        return text, "utf-8"
    if b"\x00" in data:
        return _bomless_utf16(data) or _refuse_nul()
    best = from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if best is None:
        raise DecodeError("the bytes are not valid text in UTF-8, GB18030, Big5 or UTF-16")
    name = CHINESE_ENCODINGS.get(best.encoding, best.encoding)
    return _strict(data, name), name


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"the bytes are not valid {encoding} (byte {exc.start} cannot be read)") from None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: its NUL bytes (the high byte of every ASCII character: digits, spaces, line
    breaks) all fall on one side of each pair, odd positions for little-endian, even for big-endian.
    A Chinese page has few of them, so their side tells, not their number."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    for encoding, nuls, others in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nuls and not others:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _mostly_readable(text):
                return text, encoding
    return None


def _mostly_readable(text: str) -> bool:
    """Nearly all characters are printable or whitespace, as text is and binary read as UTF-16 is not."""
    readable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return readable >= 0.95 * len(text)


def _refuse_nul():
    raise DecodeError("the file holds NUL bytes, so it is binary data rather than text")
