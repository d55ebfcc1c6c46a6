"""The extraction job on a real store (SQLite file and PostgreSQL): idempotence, atomicity, bad files."""
import shutil

import pytest

from service.store import writer
from service.reference import reference_data
from service.job import run_extraction
from service.api.query import subtree_codes
from service.store.models import Article, Fact, Paragraph, Place, Source, SourcePath, StoreInfo

from ..conftest import SEEDS
from .test_summary import assert_summary_equals_group_by


def counts():
    return Source.select().count(), Article.select().count(), Paragraph.select().count(), Fact.select().count()


def test_extracts_the_seeds_and_every_span_quotes_its_raw_text(empty_store, seed_raw):
    summary = run_extraction([str(SEEDS)])
    assert (summary.sources, summary.failed) == (5, 0)
    assert summary.facts == Fact.select().count() > 300
    for fact in Fact.select(Fact, Source.name).join(Source).objects():
        raw = seed_raw[fact.name]
        assert raw[fact.start:fact.end] == fact.text
        assert raw[fact.sentence_start:fact.sentence_end] == fact.sentence
        assert fact.sentence_start <= fact.start < fact.end <= fact.sentence_end
    for paragraph in Paragraph.select(Paragraph, Source.name).join(Article).join(Source).objects():
        assert seed_raw[paragraph.name][paragraph.start:paragraph.end] == paragraph.text


def test_a_rerun_skips_stored_sources_and_force_adds_no_duplicates(empty_store):
    run_extraction([str(SEEDS)])
    before = counts()
    version = StoreInfo.get_value("dataset_version")
    again = run_extraction([str(SEEDS)])
    assert (again.sources, again.skipped) == (0, 5)
    assert counts() == before
    assert StoreInfo.get_value("dataset_version") == version
    forced = run_extraction([str(SEEDS)], force=True)
    assert forced.sources == 5
    assert counts() == before
    assert StoreInfo.get_value("dataset_version") != version
    assert_summary_equals_group_by()  # each source of the batch replaced its own after the ones before it were counted


def test_a_changed_file_replaces_its_old_extraction(empty_store, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("本报讯 全县投资1000万元。", encoding="utf-8")
    run_extraction([str(page)])
    page.write_text("本报讯 全县投资2000万元，带动300户。", encoding="utf-8")
    run_extraction([str(page)])
    assert Source.select().count() == 1
    assert sorted(f.text for f in Fact.select()) == ["2000万元", "300户"]


def test_bad_files_are_recorded_by_name_and_reason_and_the_rest_goes_on(empty_store, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS / "000_dbe7da7130fec1f1.txt", corpus / "good.txt")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (corpus / "nul.txt").write_bytes(b"abc\x00\x01\x02\x03\x00\x00\x00")
    (corpus / "gbk.txt").write_bytes("本报讯 全县投资1000万元，带动1545户。".encode("gbk"))
    summary = run_extraction([str(corpus), str(tmp_path / "missing.txt")])
    assert summary.sources == 2
    failures = {path.rsplit("/", 1)[-1]: reason for path, reason in summary.failures}
    assert set(failures) == {"empty.txt", "picture.png", "nul.txt", "missing.txt"}
    assert "empty" in failures["empty.txt"] and "PNG" in failures["picture.png"]
    assert "no such file" in failures["missing.txt"]
    failed = {s.name: s.error for s in Source.select().where(Source.status == "failed")}
    assert set(failed) == set(failures)
    gbk = Source.get(Source.name == "gbk.txt")
    assert gbk.encoding == "gb18030" and "1545户" in [f.text for f in gbk.facts]


def test_a_crash_inside_a_source_leaves_nothing_of_it(empty_store, monkeypatch):
    calls = {"n": 0}
    real = writer.store_learned_places

    def crash_on_third_source(articles):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated crash after the articles were inserted")
        real(articles)

    monkeypatch.setattr(writer, "store_learned_places", crash_on_third_source)
    with pytest.raises(RuntimeError):
        run_extraction([str(SEEDS)])
    assert Source.select().count() == 2  # the two stored before it in the same commit are kept
    assert Fact.select().count() == sum(s.facts.count() for s in Source.select())
    assert Article.select().count() == sum(s.articles.count() for s in Source.select())
    assert_summary_equals_group_by()  # the source rolled back is not counted
    monkeypatch.setattr(writer, "store_learned_places", real)
    rerun = run_extraction([str(SEEDS)])
    assert (rerun.sources, rerun.skipped) == (3, 2)
    clean_total = Fact.select().count()
    assert Source.select().count() == 5
    assert clean_total == sum(s.facts.count() for s in Source.select())
    assert_summary_equals_group_by()


def test_a_store_from_schema_1_is_migrated(empty_store):
    from playhouse.migrate import SchemaMigrator, migrate

    from service import store

    with store.db.connection_context():
        migrator = SchemaMigrator.from_database(store.db.obj)
        migrate(migrator.drop_index("article", "article_place_code"), migrator.drop_index("fact", "fact_place_code"),
                migrator.drop_index("fact", "fact_indicator"), migrator.drop_index("fact", "fact_place_code_value"))
        migrate(*(migrator.drop_column(table, column) for table, column in (
            ("article", "continued_at"), ("paragraph", "sentences"),
            ("article", "place"), ("article", "place_code"), ("article", "year"), ("fact", "place_code"),
            ("fact", "indicator"))))
        StoreInfo.set("schema_version", "1")
    store.init_db(reference_data())
    with store.db.connection_context():
        assert StoreInfo.get_value("schema_version") == str(store.SCHEMA_VERSION)
        columns = {c.name for c in store.db.get_columns("paragraph")} | {c.name for c in store.db.get_columns("article")}
        columns |= {c.name for c in store.db.get_columns("fact")}
        assert {"sentences", "continued_at", "place", "place_code", "year", "indicator"} <= columns
        assert run_extraction([str(SEEDS)]).facts > 300


def test_workers_store_the_same_facts_as_one_process(empty_store, tmp_path):
    one = run_extraction([str(SEEDS)])
    facts_one = sorted((f.source.name, f.start, f.end, f.value, f.unit, f.place, f.year) for f in
                       Fact.select(Fact, Source).join(Source))
    assert one.sources == 5
    parallel = run_extraction([str(SEEDS)], force=True, workers=2)
    assert (parallel.sources, parallel.failed) == (5, 0)
    facts_two = sorted((f.source.name, f.start, f.end, f.value, f.unit, f.place, f.year) for f in
                       Fact.select(Fact, Source).join(Source))
    assert facts_two == facts_one
    assert run_extraction([str(SEEDS)], workers=2).skipped == 5


def test_a_town_the_gazetteer_lacks_is_stored_under_its_county_with_its_village(empty_store, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("汾阳扶贫\n\n本报讯 汾阳市向阳乡田村今年种植核桃500亩。", encoding="utf-8")
    run_extraction([str(page)])
    town = Place.get(Place.code == "141182-向阳乡")
    village = Place.get(Place.name == "田村")
    assert (town.level, town.parent_code, village.level, village.parent_code) == \
        ("town", "141182", "village", town.code)
    assert village.path.startswith(town.path) and town.path.startswith(Place.get(Place.code == "141182").path)
    fact = Fact.get()
    assert (fact.text, fact.place_code) == ("500亩", village.code)
    assert [f.text for f in Fact.select().where(Fact.place_code.in_(subtree_codes([town])))] == ["500亩"]


def test_a_new_gazetteer_revision_updates_the_short_names_of_a_store(empty_store):
    from service import store

    Place.update(short_name="新疆维吾尔").where(Place.code == "65").execute()
    StoreInfo.set("gazetteer_version", "an older revision")
    store.init_db(reference_data())
    assert Place.get(Place.code == "65").short_name == "新疆"
    assert Place.select().where(Place.code == "65").count() == 1


def _copy_seed(target, name="000_dbe7da7130fec1f1.txt"):
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEEDS / name, target)
    return target


def test_identical_files_are_one_source_with_every_path_and_the_summary_counts_what_was_stored(
        empty_store, tmp_path):
    corpus = tmp_path / "corpus"
    for copy in range(20):
        for seed in sorted(SEEDS.glob("*.txt")):
            _copy_seed(corpus / f"copy{copy:02d}" / seed.name, seed.name)
    summary = run_extraction([str(corpus)], workers=2)
    assert (summary.sources, summary.duplicates, summary.failed) == (5, 95, 0)
    assert summary.facts == Fact.select().count() and summary.articles == Article.select().count()
    assert Source.select().count() == 5 and SourcePath.select().count() == 100
    assert {s.path.split("/")[-2] for s in Source.select()} == {"copy00"}
    again = run_extraction([str(corpus)])
    assert (again.sources, again.skipped, again.duplicates) == (0, 5, 95)


def test_the_stored_name_of_identical_files_does_not_depend_on_the_order_they_came_in(empty_store, tmp_path):
    first, second, third = (_copy_seed(tmp_path / d / f"{d}.txt") for d in ("a", "b", "c"))
    run_extraction([str(third)])
    assert Source.get().name == "c.txt"
    run_extraction([str(second), str(first)])
    source = Source.get()
    assert (Source.select().count(), source.name) == (1, "a.txt")
    assert sorted(p.path for p in source.paths) == [str(p) for p in (first, second, third)]
    run_extraction([str(third)], force=True)
    assert Source.get().name == "a.txt" and SourcePath.select().count() == 3


def test_a_copy_that_changes_leaves_the_other_copies_with_their_source(empty_store, tmp_path):
    corpus = tmp_path / "corpus"
    first, second = (_copy_seed(corpus / d / "page.txt") for d in ("a", "b"))
    run_extraction([str(corpus)])
    facts = Fact.select().count()
    first.write_text("本报讯 全县投资2000万元，带动300户。", encoding="utf-8")
    run_extraction([str(corpus)])
    sources = {s.path: s for s in Source.select()}
    assert set(sources) == {str(first), str(second)}
    assert sources[str(second)].facts.count() == facts
    assert sorted(f.text for f in sources[str(first)].facts) == ["2000万元", "300户"]
    second.unlink()
    first.write_text("本报讯 全县投资3000万元。", encoding="utf-8")
    run_extraction([str(first)])
    assert [f.text for f in Fact.select().join(Source).where(Source.path == str(first))] == ["3000万元"]


def test_a_store_from_schema_8_gets_the_paths_of_its_sources(empty_store):
    from service import store

    run_extraction([str(SEEDS)])
    SourcePath.delete().execute()
    StoreInfo.set("schema_version", "8")
    store.init_db(reference_data())
    assert sorted(p.path for p in SourcePath.select()) == sorted(s.path for s in Source.select())


def test_a_store_from_schema_13_marks_the_figures_of_its_headings(empty_store):
    from playhouse.migrate import SchemaMigrator, migrate

    from service import store

    run_extraction([str(SEEDS)])
    titled = sorted(f.id for f in Fact.select().where(Fact.in_title))
    assert titled
    with store.db.connection_context():
        migrate(SchemaMigrator.from_database(store.db.obj).drop_column("fact", "in_title"))
        StoreInfo.set("schema_version", "13")
    store.init_db(reference_data())
    assert sorted(f.id for f in Fact.select().where(Fact.in_title)) == titled
