"""Source metadata rows (--meta, sidecars): what is accepted, and every bad row named by line and field."""
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from service.source_meta import MetaError, SourceMeta, load_meta_file, parse_meta, read_sidecar

GOOD = [
    ({"path": "a.txt"}, ("a.txt", SourceMeta())),
    ({"path": "a.txt", "published": "2020"}, ("a.txt", SourceMeta(published="2020"))),
    ({"path": "a.txt", "published": "2020-10"}, ("a.txt", SourceMeta(published="2020-10"))),
    ({"path": "a.txt", "published": " 2020-10-17 "}, ("a.txt", SourceMeta(published="2020-10-17"))),
    ({"path": "d/a.txt", "url": "http://x.cn/1.html", "title": "标题", "outlet": "新华社", "section": "要闻",
      "language": "zh-Hant"},
     ("d/a.txt", SourceMeta("http://x.cn/1.html", "标题", None, "新华社", "要闻", "zh-Hant"))),
    ({"path": "a.txt", "url": None}, ("a.txt", SourceMeta())),
]

BAD = [
    ([], "expected a JSON object"),
    ("a.txt", "expected a JSON object"),
    ({}, "field 'path' is missing"),
    ({"path": ""}, "field 'path' is empty"),
    ({"path": "  "}, "field 'path' is empty"),
    ({"path": 3}, "field 'path' must be a string"),
    ({"path": "a", "published": 2020}, "field 'published' must be a string"),
    ({"path": "a", "published": "2020/10/17"}, "write YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"path": "a", "published": "17.10.2020"}, "write YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"path": "a", "published": "2020-13"}, "not a date"),
    ({"path": "a", "published": "2021-02-29"}, "not a date"),
    ({"path": "a", "published": "1850"}, "outside 1900"),
    ({"path": "a", "published": "９０２０"}, "write YYYY"),
    ({"path": "a", "date": "2020"}, "unknown field 'date'"),
    ({"path": "a", "url": ["x"]}, "field 'url' must be a string"),
    ({"path": "a", "title": "x\x00y"}, "NUL character"),
    ({"path": "a", "title": "长" * 2001}, "longer than 2000"),
]


@pytest.mark.parametrize("row, expected", GOOD)
def test_good_rows(row, expected):
    assert parse_meta(row) == expected


@pytest.mark.parametrize("row, message", BAD)
def test_bad_rows_say_which_field_and_why(row, message):
    with pytest.raises(MetaError, match=message):
        parse_meta(row)


@settings(suppress_health_check=[HealthCheck.too_slow])  # drawing is slow only on a busy machine
@given(st.dictionaries(st.sampled_from(["path", "url", "title", "published", "outlet", "x"]),
                       st.one_of(st.none(), st.text(max_size=12), st.integers(), st.booleans())))
def test_any_object_is_accepted_or_refused_with_a_reason(row):
    try:
        path, meta = parse_meta(row)
    except MetaError as exc:
        assert str(exc)
    else:
        assert path and isinstance(meta, SourceMeta)


def test_canonical_json_changes_only_with_the_metadata():
    assert SourceMeta().as_json() is None
    assert SourceMeta(published="2020").as_json() == SourceMeta(published="2020").as_json() == '{"published": "2020"}'
    assert SourceMeta(published="2020").as_json() != SourceMeta(published="2021").as_json()


def test_a_meta_file_keeps_good_rows_and_names_the_line_of_each_bad_one(tmp_path):
    meta = tmp_path / "meta.jsonl"
    meta.write_bytes(b"\n".join([
        json.dumps({"path": "a.txt", "published": "2020-10-17"}).encode(),
        b"{not json",
        b"",
        json.dumps({"path": "b.txt", "published": "yesterday"}).encode(),
        b"\xff\xfe",
        json.dumps({"path": "./a.txt", "published": "2019"}).encode(),
        json.dumps({"path": "sub/c.txt", "url": "http://x.cn/c"}).encode(),
    ]) + b"\n")
    loaded = load_meta_file(str(meta))
    assert [line for line, _ in loaded.errors] == [2, 4, 5, 6]
    assert "not JSON" in loaded.errors[0][1]
    assert "published" in loaded.errors[1][1]
    assert "not UTF-8" in loaded.errors[2][1]
    assert "described already on line 1" in loaded.errors[3][1]
    root = tmp_path / "pages"
    assert loaded.for_path(str(root / "a.txt"), [str(root)]) == SourceMeta(published="2020-10-17")
    assert loaded.for_path(str(root / "sub" / "c.txt"), [str(root)]) == SourceMeta(url="http://x.cn/c")
    assert loaded.for_path(str(root / "other.txt"), [str(root)]) is None
    assert loaded.unused() == []


def test_rows_that_name_no_file_are_listed(tmp_path):
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"path": "gone.txt", "published": "2020"}\n', encoding="utf-8")
    assert load_meta_file(str(meta)).unused() == [(1, "no file under the given paths is 'gone.txt'")]


@pytest.mark.parametrize("sidecar", ["page.txt.meta.json", "page.meta.json"])
def test_a_sidecar_beside_the_file(tmp_path, sidecar):
    page = tmp_path / "page.txt"
    page.write_text("x", encoding="utf-8")
    assert read_sidecar(str(page)) == (None, None)
    (tmp_path / sidecar).write_text('{"published": "2018-05"}', encoding="utf-8")
    assert read_sidecar(str(page)) == (SourceMeta(published="2018-05"), None)


def test_a_bad_sidecar_is_a_reason_not_an_error(tmp_path):
    page = tmp_path / "page.txt"
    (tmp_path / "page.meta.json").write_text('{"path": "page.txt"}', encoding="utf-8")
    meta, problem = read_sidecar(str(page))
    assert meta is None and "page.meta.json: unknown field 'path'" in problem


def test_a_byte_order_mark_before_the_first_row_is_not_an_error(tmp_path):
    meta = tmp_path / "meta.jsonl"
    meta.write_bytes(b'\xef\xbb\xbf{"path": "a.txt", "published": "2020"}\n{"path": "b.txt"}\n')
    loaded = load_meta_file(str(meta))
    assert loaded.errors == [] and sorted(loaded.rows) == ["a.txt", "b.txt"]


def test_a_meta_path_that_is_not_a_regular_file_is_refused_without_reading(tmp_path):
    import os

    fifo = tmp_path / "meta.fifo"
    os.mkfifo(fifo)
    for path in (str(fifo), "/dev/zero", str(tmp_path)):
        with pytest.raises(OSError):
            load_meta_file(path)
