"""Fuzz the live API on both stores (one command):

    python bench/fuzz_api.py [--examples 500] [--tokens 2000] [--backend sqlite|postgres|both] [--auth]

For each store: extracts seeds/ into a fresh SQLite file or PostgreSQL database, serves it with
`kaoju serve` on a free port and runs
- schemathesis against /v1/openapi.json with every check (status codes, content types, headers and
  response schemas as documented, schema-valid requests accepted, schema-violating ones refused), in
  every phase, with bench/fuzz_hooks.py supplying what no schema can express (a real place name, no
  `next` token) to the positive cases only;
- a token fuzzer of its own: real `next` tokens edited, truncated, re-signed with another key, forged
  with hostile payloads, or taken to another endpoint or other filters; every one must be a 400 problem
  naming `next`.
Prints the machine, the requests and the failures of each; exits 1 if anything failed. Needs the
`bench` extra (schemathesis): `make fuzz` installs it.
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
from machine import machine  # noqa: E402

PG_ADMIN_URL = os.environ.get("KAOJU_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/postgres")
TOKEN_SOURCES = ["/v1/facts?limit=2", "/v1/facts?limit=2&sort=-value,year", "/v1/facts?limit=3&sort=place,-id",
                 "/v1/places?limit=2", "/v1/places?limit=2&q=%E5%8E%BF", "/v1/articles?limit=2",
                 "/v1/claims?limit=2", "/v1/claims?limit=2&sort=-sources,value"]


def get(url: str):
    """(status, parsed body or None) of a GET; errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            status, headers, data = response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        status, headers, data = exc.code, exc.headers, exc.read()
    try:
        body = json.loads(data) if "json" in (headers.get("Content-Type") or "") else None
    except ValueError:
        body = None
    return status, body


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def mutations(token: str, rng: random.Random):
    """Ways a client might tamper with a token: each yields a text the server never issued."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.="
    body, _, mac = token.partition(".")
    at = rng.randrange(len(token))
    hostile = [2**64, -2**70, 1e308, float("inf"), "", "x" * 1000, [], {}, None, True, [[[]]], {"k": 1}]
    payload = {"e": rng.choice(["api.list_facts", "api.list_places", "api.list_articles", "api.list_claims"]),
               "k": [rng.choice(hostile) for _ in range(rng.randrange(3))], "id": rng.choice(hostile + [1, 0, -1]),
               "f": rng.choice(["", "x" * 12, None])}
    forged = json.dumps(payload).encode()
    return [
        token[:at] + rng.choice(alphabet.replace(token[at], "")) + token[at + 1:],
        token[:at] + token[at + 1:],
        token[:at] + rng.choice(alphabet) + token[at:],
        token[:rng.randrange(1, len(token))],
        mac + "." + body,
        body,
        token + "." + mac,
        b64(forged) + "." + mac,
        b64(forged) + "." + b64(hmac.new(b"guessed", forged, hashlib.sha256).digest()[:16]),
        b64(os.urandom(rng.randrange(1, 200))) + "." + b64(os.urandom(16)),
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 300))),
    ]


def fuzz_tokens(base: str, count: int, seed: int = 13) -> tuple[int, list[str]]:
    """`count` tampered tokens; returns (requests, failures)."""
    rng = random.Random(seed)
    issued = []
    for source in TOKEN_SOURCES:
        status, body = get(base + source)
        if status == 200 and body and body.get("next"):
            issued.append((source, body["next"]))
    failures, requests = [], 0
    if not issued:
        return 0, ["no list endpoint gave out a next token"]
    while requests < count:
        source, token = rng.choice(issued)
        candidates = mutations(token, rng)
        for target, other_token in issued:  # a real token, borrowed by another endpoint or other filters
            if target != source:
                candidates.append(other_token if rng.random() < 0.5 else token)
                break
        for tampered in candidates:
            target = source if rng.random() < 0.8 else rng.choice(issued)[0]
            if (target, tampered) in issued:
                continue
            url = base + target + "&next=" + urllib.parse.quote(tampered, safe="")
            status, body = get(url)
            requests += 1
            errors = (body or {}).get("errors") or []
            if status != 400 or not any(e.get("parameter") == "next" for e in errors):
                failures.append(f"{status} for {url[:200]}")
    return requests, failures


class Served:
    """A store filled from seeds/ and `kaoju serve` over it, torn down on exit."""

    def __init__(self, backend: str, tmp: str, auth: bool = False):
        self.backend, self.tmp, self.pg_name, self.auth = backend, tmp, None, auth
        self.key = None

    def __enter__(self):
        if self.backend == "sqlite":
            self.db = f"sqlite:///{self.tmp}/fuzz.db"
        else:
            import psycopg

            self.pg_name = f"kaoju_fuzz_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{self.pg_name}"')
            self.db = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + self.pg_name
        subprocess.run([BIN / "kaoju", "extract", str(ROOT / "seeds"), "--db", self.db, "--no-progress"], check=True,
                       capture_output=True)
        env = dict(os.environ)
        if self.auth:
            made = subprocess.run([BIN / "kaoju", "keys", "create", "--name", "fuzz", "--scope", "export", "--db",
                                   self.db], check=True, capture_output=True, text=True)
            self.key = made.stdout.strip()
            env["KAOJU_AUTH"] = "keys"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{port}"
        self.log = open(Path(self.tmp) / f"serve-{self.backend}.log", "wb")
        self.server = subprocess.Popen([BIN / "kaoju", "serve", "--db", self.db, "--bind", f"127.0.0.1:{port}"],
                                       stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True, env=env)
        for _ in range(150):
            try:
                urllib.request.urlopen(self.base + "/readyz", timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"kaoju serve did not start on {self.backend}")

    def __exit__(self, *exc):
        os.killpg(self.server.pid, signal.SIGTERM)
        self.server.wait(timeout=30)
        self.log.close()
        if self.pg_name:
            import psycopg

            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


def run_schemathesis(base: str, examples: int, cwd: str, extra: tuple[str, ...] = ()) -> tuple[int, int, str]:
    """(test cases generated, failures, the summary) of one schemathesis run with every check."""
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "fuzz_hooks",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([BIN / "schemathesis", "run", base + "/v1/openapi.json", "--url", base,
                             "-n", str(examples), "--checks", "all", "-w", "2", "--generation-deterministic", *extra],
                            cwd=cwd, env=env, capture_output=True, text=True)
    output = result.stdout + result.stderr
    generated = re.search(r"(\d+) generated", output)
    failures = re.search(r"(\d+) found (\d+) unique failures", output)
    summary = output[output.rfind("SUMMARY"):] if "SUMMARY" in output else output[-3000:]
    count = int(failures.group(2)) if failures else (0 if result.returncode == 0 else 1)
    return int(generated.group(1)) if generated else 0, count, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=500, help="examples per operation and phase (default 500)")
    parser.add_argument("--tokens", type=int, default=2000, help="tampered tokens per store (default 2000)")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--auth", action="store_true",
                        help="serve with KAOJU_AUTH=keys: schemathesis with an export key (every check), then "
                             "without a key (every answer but the open ones must be a 401)")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    failed = False
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        if args.auth:
            failed = fuzz_with_keys(backend, args.examples) or failed
            continue
        with tempfile.TemporaryDirectory() as tmp, Served(backend, tmp) as served:
            started = time.monotonic()
            cases, schema_failures, summary = run_schemathesis(served.base, args.examples, tmp)
            requests, token_failures = fuzz_tokens(served.base, args.tokens)
            print(f"{backend}: schemathesis {cases} test cases, {schema_failures} failures; "
                  f"token fuzzer {requests} requests, {len(token_failures)} failures "
                  f"({time.monotonic() - started:.0f} s)")
            if schema_failures:
                print(summary)
            for line in token_failures[:20]:
                print("  token:", line)
            failed = failed or bool(schema_failures or token_failures)
    sys.exit(1 if failed else 0)


def fuzz_with_keys(backend: str, examples: int) -> bool:
    """KAOJU_AUTH=keys: with a key, 0 failures of every check; without one, 401 for every request but the
    open ones and CORS preflights (OPTIONS), read from schemathesis's HAR report. True if anything failed."""
    with tempfile.TemporaryDirectory() as tmp, Served(backend, tmp, auth=True) as served:
        started = time.monotonic()
        cases, keyed_failures, summary = run_schemathesis(served.base, examples, tmp,
                                                          ("-H", f"Authorization: Bearer {served.key}"))
        print(f"{backend}, KAOJU_AUTH=keys, with a key: schemathesis {cases} test cases, {keyed_failures} failures")
        if keyed_failures:
            print(summary)
        har = Path(tmp) / "keyless.har"
        cases, _, _ = run_schemathesis(served.base, max(10, examples // 10), tmp,
                                       ("--exclude-checks", "positive_data_acceptance,missing_required_header,"
                                        "ignored_auth", "--report", "har", "--report-har-path", str(har)))
        entries = json.loads(har.read_text())["log"]["entries"] if har.exists() else []
        open_paths = ("/v1/openapi.json", "/healthz", "/readyz", "/docs")
        wrong = [f"{e['response']['status']} {e['request']['method']} {e['request']['url'][:160]}" for e in entries
                 if e["response"]["status"] != 401 and e["request"]["method"] != "OPTIONS"  # CORS preflight: open
                 and not urllib.parse.urlsplit(e["request"]["url"]).path.startswith(open_paths)]
        print(f"{backend}, KAOJU_AUTH=keys, without a key: {len(entries)} requests, {len(wrong)} not a 401 "
              f"({time.monotonic() - started:.0f} s)")
        for line in wrong[:20]:
            print("  keyless:", line)
        return bool(keyed_failures or wrong or not entries)


if __name__ == "__main__":
    main()
