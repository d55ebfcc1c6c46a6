"""Hostile inputs: each bad file is reported by name and reason, stored as a failed source, and never
stops the others. The corpus is written at test time (a 20 MB file does not belong in git)."""
import codecs
import hashlib
import io
import os
import socket
import threading
import zipfile

import pytest

from service.job import run_extraction
from service.store.models import Fact, Source

from ..conftest import SEEDS, write_page_variants

PAGE = (SEEDS / "000_dbe7da7130fec1f1.txt").read_text(encoding="utf-8")
TEXT = "本报讯 孝义市政府向临县捐资1000万元，带动1545户3864名贫困人口增收。"
TRADITIONAL = "臨汾新聞網訊 今年以來，市委、市政府高度重視脫貧攻堅工作，投資58671.29萬元。"


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("page.txt", TEXT)
    return buffer.getvalue()


def build_corpus(root):
    """name → bytes, plus the special entries (links, a big file); returns what each should do."""
    files = {
        "good.txt": PAGE.encode("utf-8"),
        "zz-copy-of-good.txt": PAGE.encode("utf-8"),  # stored once, as good.txt (the first path), with both paths
        "empty.txt": b"",
        "picture.png": b"\x89PNG\r\n\x1a\n" + os.urandom(512),
        "archive.zip": zip_bytes(),
        "nul.txt": b"abc\x00\x01\x02\x03" * 50,
        "truncated.txt": TEXT.encode("utf-8")[:-2],
        "gbk.txt": TEXT.encode("gbk"),
        "big5.txt": TRADITIONAL.encode("big5"),
        "utf16-bom.txt": TEXT.encode("utf-16"),
        "utf16le-nobom.txt": ("2018 report: " + TEXT).encode("utf-16-le"),
        "utf16le-nobom-chinese.txt": ("\n" + TRADITIONAL + "\n").encode("utf-16-le"),
        "utf16be-nobom-chinese.txt": ("\n" + TRADITIONAL + "\n").encode("utf-16-be"),
        "cut-last-character.txt": PAGE.encode("utf-8") + "元".encode("utf-8")[:2],
        "one-line.txt": ("全县投资3000万元，带动1545户增收，" * 60000).encode("utf-8")[: 1024 * 1024],
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    with open(root / "huge.txt", "wb") as handle:
        handle.write(("本报讯 全县投资3000万元。" * 100).encode("utf-8") * 6000)  # 21 MB
    (root / "loop").mkdir()
    os.symlink(root / "loop", root / "loop" / "again")  # a directory that contains itself
    os.symlink(root / "nowhere.txt", root / "dangling.txt")  # cannot be opened
    os.symlink(root / "self.txt", root / "self.txt")  # a link loop
    os.symlink("/proc/self/mem", root / "unreadable.txt")  # opens, then every read fails (EIO), even as root
    os.mkfifo(root / "pipe.txt")  # opening it to read would wait for a writer forever
    os.symlink("/dev/zero", root / "zeros.txt")  # says it holds 0 bytes and never ends
    os.symlink("/dev/null", root / "null.txt")
    os.symlink(root / "pipe.txt", root / "pipe-link.txt")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(root / "socket.txt"))
    locked = root / "locked.txt"
    locked.write_bytes(TEXT.encode("utf-8"))
    locked.chmod(0)  # unreadable unless the tests run as root, who may read anything
    return {
        "good.txt": "ok", "gbk.txt": "ok", "big5.txt": "ok", "utf16-bom.txt": "ok", "utf16le-nobom.txt": "ok",
        "one-line.txt": "ok", "truncated.txt": "ok", "cut-last-character.txt": "ok",
        "utf16le-nobom-chinese.txt": "ok", "utf16be-nobom-chinese.txt": "ok",
        "pipe.txt": "FIFO", "pipe-link.txt": "FIFO", "zeros.txt": "character device", "null.txt": "character device",
        "socket.txt": "socket",
        "empty.txt": "empty", "picture.png": "PNG", "archive.zip": "zip", "nul.txt": "NUL",
        "huge.txt": "MB limit", "dangling.txt": "cannot be read", "self.txt": "cannot be read",
        "unreadable.txt": "cannot be read", "locked.txt": "ok" if os.geteuid() == 0 else "cannot be read",
    }


def test_every_bad_file_is_reported_and_the_good_ones_stored(empty_store, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = build_corpus(corpus)
    summary = run_extraction([str(corpus)], workers=2)
    assert summary.sources + summary.failed == len(expected) and summary.duplicates == 1
    reasons = {os.path.basename(path): reason for path, reason in summary.failures}
    stored = {s.name: s for s in Source.select()}
    for name, outcome in expected.items():
        assert name in stored, f"{name} left no trace in the store"
        if outcome == "ok":
            assert stored[name].status == "ok", (name, stored[name].error)
        elif outcome != "either":
            assert stored[name].status == "failed" and outcome in reasons[name], (name, reasons.get(name))
            assert stored[name].error == reasons[name]
    assert summary.failed == sum(1 for s in stored.values() if s.status == "failed")
    assert stored["gbk.txt"].encoding == "gb18030" and stored["big5.txt"].encoding.startswith("big5")
    assert "1545户" in {f.text for f in stored["gbk.txt"].facts}
    assert "58671.29萬元" in {f.text for f in stored["big5.txt"].facts}
    assert stored["one-line.txt"].facts.count() > 1000
    assert "58671.29萬元" in {f.text for f in stored["utf16le-nobom-chinese.txt"].facts}
    assert stored["utf16be-nobom-chinese.txt"].encoding == "utf-16-be"
    cut = stored["cut-last-character.txt"]
    assert cut.raw == PAGE and "last 2 bytes" in cut.warning
    assert cut.facts.count() == stored["good.txt"].facts.count() > 40
    assert stored["truncated.txt"].warning and stored["good.txt"].warning is None
    assert sorted(os.path.basename(p.path) for p in stored["good.txt"].paths) == ["good.txt", "zz-copy-of-good.txt"]
    for source in stored.values():
        if source.status == "ok":
            for fact in source.facts:
                assert source.raw[fact.start:fact.end] == fact.text


def test_a_file_that_changes_while_the_job_reads_it_is_stored_consistently(empty_store, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    target = corpus / "changing.txt"
    target.write_text("本报讯 全县投资1万元。", encoding="utf-8")
    write_page_variants(corpus, 30)
    stop = threading.Event()

    def keep_rewriting():
        n = 0
        while not stop.is_set():
            target.write_text(f"本报讯 全县投资{n}万元。" * 200, encoding="utf-8")
            n += 1

    writer = threading.Thread(target=keep_rewriting)
    writer.start()
    try:
        summary = run_extraction([str(corpus)])
    finally:
        stop.set()
        writer.join()
    assert summary.sources + summary.failed == 31
    for source in Source.select().where(Source.status == "ok"):
        # read mid-write, a file may end inside a character: the hash is of the bytes read, the text of its
        # whole characters, and the warning says so
        cut = (source.warning or "").startswith("the file ends inside a character")
        assert cut or hashlib.sha256(source.raw.encode(source.encoding)).hexdigest() == source.sha256
        for fact in source.facts:
            assert source.raw[fact.start:fact.end] == fact.text


def test_the_command_exits_1_and_names_each_bad_file(tmp_path):
    from click.testing import CliRunner

    from service.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(PAGE, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = CliRunner().invoke(main, ["extract", str(corpus), "--db", f"sqlite:///{tmp_path / 'k.db'}",
                                       "--workers", "1"])
    assert result.exit_code == 1
    assert "empty.txt: the file is empty" in result.output and "picture.png: the file is a PNG image" in result.output
    assert "1 sources extracted" in result.output and "2 failed" in result.output


def test_utf8_bom_and_crlf_keep_their_offsets(empty_store, tmp_path):
    page = tmp_path / "bom.txt"
    page.write_bytes(codecs.BOM_UTF8 + TEXT.replace("，", "\r\n").encode("utf-8"))
    run_extraction([str(page)])
    source = Source.get(Source.name == "bom.txt")
    assert source.encoding == "utf-8-sig"
    assert [source.raw[f.start:f.end] for f in source.facts.order_by(Fact.start)] == ["1000万元", "1545户", "3864名"]


@pytest.mark.parametrize("spec", ["0/2", "1/2"])
def test_shards_split_a_corpus_without_overlap(empty_store, tmp_path, spec):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_page_variants(corpus, 12)
    index, count = (int(x) for x in spec.split("/"))
    mine = run_extraction([str(corpus)], shard=(index, count))
    other = run_extraction([str(corpus)], shard=(1 - index, count))
    assert mine.sources + other.sources == 12 and mine.other_shards == 12 - mine.sources
    assert Source.select().count() == 12
    again = run_extraction([str(corpus)])
    assert again.skipped == 12
