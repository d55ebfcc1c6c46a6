"""The `kaoju` command: parse, export, init-db, help."""
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from service.cli import main

from .conftest import SEEDS


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def test_parse_prints_one_json_line_per_mention():
    result = run("parse", "去年全县投资3000余万元，带动1545户3864名贫困人口增收")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["text"], r["value"], r["unit"], r["qualifier"]) for r in rows] == [
        ("3000余万元", 30000000.0, "元", "over"), ("1545户", 1545.0, "户", "exact"), ("3864名", 3864.0, "人", "exact")]


def test_parse_reads_stdin_and_keeps_raw_offsets():
    text = "臨汾投資58671.29萬(wàn)元"
    rows = [json.loads(line) for line in run("parse", input=text).output.splitlines()]
    assert [text[r["start"]:r["end"]] for r in rows] == ["58671.29萬(wàn)元"]


def test_extract_then_export_facts_and_articles(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    result = run("extract", str(SEEDS), "--db", db, "--no-progress")
    assert result.exit_code == 0
    assert "5 sources extracted" in result.output
    facts = [json.loads(line) for line in run("export", "--db", db).output.splitlines()]
    assert facts and {"doc", "start", "end", "text", "value", "unit", "qualifier", "place", "year", "measure",
                      "id", "article", "paragraph", "high"} <= set(facts[0])
    table = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").output)))
    assert len(table) == len(facts)
    articles = [json.loads(line) for line in run("export", "--db", db, "--table", "articles").output.splitlines()]
    assert {"id", "doc", "title", "start", "body_start", "end", "byline", "date", "fragment_of"} <= set(articles[0])


def test_a_csv_export_writes_text_that_opens_like_a_formula_as_text(tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "hostile.txt").write_text("=HYPERLINK(1)\n\n-某县投资100万元。\n", encoding="utf-8")
    assert run("extract", str(tmp_path / "pages"), "--db", db, "--no-progress").exit_code == 0
    facts = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").output)))
    assert [(f["text"], f["sentence"]) for f in facts] == [("100万元", "'-某县投资100万元。")]
    exported = run("export", "--db", db, "--format", "csv", "--table", "articles").output
    articles = list(csv.DictReader(io.StringIO(exported)))
    assert [a["title"] for a in articles] == ["'=HYPERLINK(1)"]
    assert json.loads(run("export", "--db", db).output)["sentence"] == "-某县投资100万元。"


def test_extract_reports_bad_files_and_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"), "--db", f"sqlite:///{tmp_path / 'k.db'}")
    assert result.exit_code == 1
    assert "empty.txt: the file is empty" in result.output


def test_a_bad_store_url_is_a_clear_error(tmp_path):
    result = run("init-db", "--db", "mysql://nobody@nowhere/x")
    assert result.exit_code != 0
    assert "only sqlite:/// and postgresql://" in result.output


def test_help_explains_the_commands():
    output = run("--help").output
    for command in ("extract", "export", "parse", "serve", "init-db"):
        assert command in output


def test_parse_refuses_bytes_that_are_not_text_without_a_traceback():
    result = CliRunner().invoke(main, ["parse"], input=b"\xff\xfe\x00\xd8\x00\xd8")
    assert result.exit_code == 1 and "stdin:" in result.output and "Traceback" not in result.output
    cut = CliRunner().invoke(main, ["parse"], input="投资3000万元".encode() + b"\xe5")
    assert cut.exit_code == 0 and '"3000万元"' in cut.output and "last 1 byte was left out" in cut.output


def test_extract_reports_each_bad_file_once(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "good.txt").write_text("本报讯 全县投资1000万元。", encoding="utf-8")
    result = subprocess.run([Path(sys.executable).parent / "kaoju", "extract", str(corpus), "--db",
                             f"sqlite:///{tmp_path / 'k.db'}", "--workers", "1", "--no-progress"],
                            capture_output=True, text=True, env={**os.environ, "KAOJU_LOG_LEVEL": "INFO"})
    assert result.returncode == 1
    assert result.stderr.count("empty.txt") == 1, result.stderr


def test_extract_meta_reports_bad_lines_and_unmatched_rows(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("本报讯 今年全县投资1000万元。", encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"path": "a.txt", "published": "2020"}\n{"path": "b.txt", "published": "20"}\n'
                    '{"path": "gone.txt"}\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'k.db'}"
    result = run("extract", str(pages), "--db", db, "--meta", str(meta), "--no-progress")
    assert result.exit_code == 1
    assert f"failed: {meta}:2: field 'published' is '20'" in result.output
    assert f"warning: {meta}:3: no file under the given paths is 'gone.txt'" in result.output
    assert "1 sources extracted" in result.output
    facts = [json.loads(line) for line in run("export", "--db", db).output.splitlines()]
    assert [(f["text"], f["year"]) for f in facts] == [("1000万元", 2020)]


def test_extract_meta_must_be_a_readable_file(tmp_path):
    result = run("extract", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'k.db'}", "--meta", str(tmp_path))
    assert result.exit_code == 2 and "--meta" in result.output
    result = run("extract", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'k.db'}", "--meta", "/dev/zero")
    assert result.exit_code == 2 and "/dev/zero cannot be read: it is not a regular file" in result.output
    assert "--meta" in run("extract", "--help").output
