"""The API keeps answering, with whole sources only, while `kaoju extract` writes to the same store."""
import subprocess
import sys
from pathlib import Path

from service import create_app

from ..conftest import write_page_variants
from .test_facts import get

BIN = Path(sys.executable).parent


def test_reads_during_a_job_succeed_and_only_ever_grow(empty_store, tmp_path):
    (tmp_path / "corpus").mkdir()
    corpus = write_page_variants(tmp_path / "corpus", 48)  # long enough for several commits of a batch
    client = create_app({"DATABASE_URL": empty_store}).test_client()
    job = subprocess.Popen([BIN / "kaoju", "extract", str(corpus), "--db", empty_store, "--workers", "2",
                            "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    counts, reads = [], 0
    while job.poll() is None or reads < 5:
        total = get(client, "/v1/facts?limit=5&sort=-value&_count=exact").get_json()["count"]
        pages = get(client, "/v1/articles?limit=100").get_json()["rows"]
        stats = get(client, "/v1/stats?group_by=year&limit=1000").get_json()
        assert not stats["truncated"]
        assert sum(group["count"] for group in stats["rows"]) >= total  # later reads see at least as much
        assert get(client, "/readyz").status_code == 200
        counts.append(total)
        reads += 1
        assert len({a["id"] for a in pages}) == len(pages)
    assert job.wait() == 0, job.stderr.read()
    assert counts == sorted(counts), "a read saw fewer facts than an earlier one"
    assert counts[-1] == get(client, "/v1/facts?limit=1&_count=exact").get_json()["count"] > 0
    assert len(set(counts)) > 2, f"the reads did not overlap the job: {counts}"
