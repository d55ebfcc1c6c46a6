"""Fuzz the live API from its own OpenAPI document with schemathesis (one command).

    python bench/fuzz_api.py [--examples 300]

Extracts seeds/ into a temporary SQLite store, serves it with `kaoju serve` on a free port and runs
schemathesis against /v1/openapi.json with every check but the two about how strict input
validation is (kaoju answers 400, naming the parameter, for values the schema cannot express as
invalid: an unknown place, a token it did not issue). Needs the `bench` extra (schemathesis).
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
from extract import machine  # noqa: E402

CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,"
          "response_schema_conformance,missing_required_header,unsupported_method,allow_header_conformance")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=300, help="examples per operation and phase (default 300)")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/fuzz.db"
        subprocess.run([BIN / "kaoju", "extract", str(ROOT / "seeds"), "--db", db, "--no-progress"], check=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([BIN / "kaoju", "serve", "--db", db, "--bind", f"127.0.0.1:{port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            result = subprocess.run([BIN / "schemathesis", "run", base + "/v1/openapi.json", "--url", base,
                                     "-n", str(args.examples), "--checks", CHECKS, "-w", "2",
                                     "--generation-deterministic"], cwd=tmp)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
