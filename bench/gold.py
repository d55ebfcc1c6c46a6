"""Score the extractor on the seeds against the gold set in ../shared/gold (one command).

    python bench/gold.py [--misses N] [--numeral chinese]

Extracts seeds/ into a temporary SQLite store, exports the facts and runs the gold scorer.
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "gold" / "score.py"
BIN = Path(sys.executable).parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--numeral", choices=["arabic", "chinese"])
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit("make gold scores the seeds against the project's hand-checked gold set, which lives in the "
                 f"shared folder beside the repository ({SCORER.parent}); this checkout has no such folder, so "
                 "there is nothing to score against here")
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/gold.db"
        subprocess.run([BIN / "kaoju", "extract", str(ROOT / "seeds"), "--db", db, "--no-progress"], check=True)
        export = Path(tmp) / "facts.jsonl"
        with export.open("w") as out:
            subprocess.run([BIN / "kaoju", "export", "--db", db], check=True, stdout=out)
        command = [sys.executable, str(SCORER), str(export), "--misses", str(args.misses)]
        if args.numeral:
            command += ["--numeral", args.numeral]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
