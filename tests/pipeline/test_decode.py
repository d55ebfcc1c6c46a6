"""Decoding: each encoding we accept, and plain-words refusals for what is not text."""
import codecs

import pytest

from service.pipeline.decode import DecodeError, decode_bytes, decode_source

TEXT = "本报讯 孝义市政府向临县捐资1000万元，带动1545户3864名贫困人口增收。"
TRADITIONAL = "臨汾新聞網訊 今年以來，市委、市政府高度重視脫貧攻堅工作，投資58671.29萬元。"

GOOD = [
    ("utf-8", TEXT.encode("utf-8"), TEXT),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
    ("gb18030", TEXT.encode("gb18030"), TEXT),
    ("gbk", TEXT.encode("gbk"), TEXT),
    ("big5", TRADITIONAL.encode("big5"), TRADITIONAL),
    ("utf-16 with BOM", TEXT.encode("utf-16"), TEXT),
    ("utf-16-le without BOM, ASCII-rich", ("2018 report: " + TEXT).encode("utf-16-le"), "2018 report: " + TEXT),
    ("utf-16-le without BOM, Chinese", (TEXT + "\n").encode("utf-16-le"), TEXT + "\n"),
    ("utf-16-be without BOM, Chinese", (TEXT + "\n").encode("utf-16-be"), TEXT + "\n"),
    ("utf-16-le without BOM, traditional", ("\n" + TRADITIONAL).encode("utf-16-le"), "\n" + TRADITIONAL),
]


@pytest.mark.parametrize("name,data,expected", GOOD, ids=[g[0] for g in GOOD])
def test_decodes(name, data, expected):
    text, encoding = decode_bytes(data)
    assert text == expected
    assert encoding


BAD = [
    ("empty", b"", "empty"),
    ("whitespace", b"  \n\n", "whitespace"),
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    ("zip", b"PK\x03\x04" + bytes(100), "zip"),
    ("nul bytes", b"abc\x00\x01\x02\x00\x00defg\x00", "NUL"),
]


@pytest.mark.parametrize("name,data,reason", BAD, ids=[b[0] for b in BAD])
def test_refuses_with_a_reason(name, data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize("cut", [1, 2])
def test_a_utf8_page_cut_inside_its_last_character_keeps_every_whole_one(cut):
    data = TEXT.encode("utf-8")[:-cut]
    decoded = decode_source(data)
    assert (decoded.text, decoded.encoding) == (TEXT[:-1], "utf-8")
    assert f"last {3 - cut} byte" in decoded.warning


def test_a_whole_file_decodes_without_a_warning():
    assert decode_source(TEXT.encode("utf-8")) == (TEXT, "utf-8", None)


def test_bad_bytes_inside_the_text_are_not_taken_for_a_cut():
    data = TEXT.encode("utf-8")
    with pytest.raises(DecodeError):
        decode_source(data[:10] + b"\xff\xfe\x00\x01" * 20 + data[10:12])
