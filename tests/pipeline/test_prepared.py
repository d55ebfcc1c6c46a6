"""Prepared tables: derived once, then read from the cache; anything odd about the cache means deriving again."""
import os

import pytest

from service.pipeline import places, prepared, tagger


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("KAOJU_CACHE_DIR", str(folder))
    return folder


class Deriving:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def always(_):
    return True


def test_a_table_is_derived_once_then_read(cache, tmp_path):
    source = tmp_path / "data.txt"
    source.write_text("a")
    derive = Deriving({"word": [1, 2], "other": (3.5, "x")})
    assert prepared.cached("table", [str(source)], derive, always) == derive.value
    assert prepared.cached("table", [str(source)], derive, always) == derive.value
    assert derive.calls == 1 and len(list(cache.glob("table-*.marshal"))) == 1


def test_a_changed_source_derives_it_again_and_drops_the_old_copy(cache, tmp_path):
    source = tmp_path / "data.txt"
    source.write_text("a")
    prepared.cached("table", [str(source)], Deriving([1]), always)
    source.write_text("ab")
    os.utime(source, ns=(1, 1))
    derive = Deriving([2])
    assert prepared.cached("table", [str(source)], derive, always) == [2] and derive.calls == 1
    assert len(list(cache.glob("table-*.marshal"))) == 1


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe9" * 10])
def test_a_damaged_copy_is_derived_again(cache, tmp_path, damage):
    source = tmp_path / "data.txt"
    source.write_text("a")
    prepared.cached("table", [str(source)], Deriving([1]), always)
    (copy,) = cache.glob("table-*.marshal")
    copy.write_bytes(damage)
    derive = Deriving([1])
    assert prepared.cached("table", [str(source)], derive, always) == [1] and derive.calls == 1
    assert prepared.cached("table", [str(source)], derive, always) == [1] and derive.calls == 1


def test_a_copy_of_the_wrong_shape_is_derived_again(cache, tmp_path):
    prepared.cached("table", [], Deriving("a string"), always)
    derive = Deriving([1])
    assert prepared.cached("table", [], derive, lambda value: isinstance(value, list)) == [1] and derive.calls == 1


def test_without_a_usable_cache_the_table_is_still_derived(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KAOJU_CACHE_DIR", str(blocker / "cache"))
    assert prepared.cached("table", [], Deriving([1]), always) == [1]
    monkeypatch.setenv("KAOJU_CACHE_DIR", "off")
    assert prepared.cache_dir() is None and prepared.cached("table", [], Deriving([2]), always) == [2]


def test_the_cache_is_in_the_users_cache_folder_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("KAOJU_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert prepared.cache_dir() == tmp_path / "kaoju"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert prepared.cache_dir() == tmp_path / ".cache" / "kaoju"


def test_the_tagger_and_gazetteer_tables_read_back_equal_to_derived(cache):
    path = tagger.dictionary_path()
    derived = tagger.Tagger.tables(path)
    for _ in range(2):  # derived and kept, then read
        assert prepared.cached("tagger", [path], lambda: tagger.Tagger.tables(path),
                               tagger._valid) == derived
    source = places.resources.files(places.__package__).joinpath("gazetteer", "divisions.tsv.gz")
    derived = places._prepared(source)
    for _ in range(2):
        assert prepared.cached("gazetteer", [str(source)], lambda: places._prepared(source),
                               places._valid) == derived
