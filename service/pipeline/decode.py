"""Raw bytes → text, with the encoding named; refuses what is not text, in plain words."""
from __future__ import annotations

import codecs

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
    """UTF-16 without a BOM shows as NUL bytes in every other position."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    for encoding, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
        if nuls >= half * 0.3:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text, encoding
    return None


def _refuse_nul():
    raise DecodeError("the file holds NUL bytes, so it is binary data rather than text")
