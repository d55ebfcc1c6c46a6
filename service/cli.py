"""The `kaoju` command: init-db, extract, export, keys, parse, serve."""
from __future__ import annotations

import csv
import json
import logging
import os
import sys

import click

from . import settings, store
from .reference import reference_data

DB_OPTION = click.option(
    "--db", "db_url", envvar="DATABASE_URL", default=store.DEFAULT_URL, show_default=True,
    help="Store URL: sqlite:///path.db or postgresql://user@host:port/name (env: DATABASE_URL).",
)


def _open(db_url: str) -> None:
    try:
        store.open_database(db_url)
        store.init_db(reference_data())
    except Exception as exc:
        raise click.ClickException(f"cannot open the store {db_url}: {exc}") from exc


def _parse_shard(value: str | None):
    if value is None:
        return None
    try:
        index, count = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter("write it as I/N, e.g. 0/4") from None
    if not 0 <= index < count:
        raise click.BadParameter("I must be at least 0 and less than N")
    return index, count


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kaoju")
def main():
    """kaoju (考据): extract quantity facts from Chinese news pages and serve them with provenance.

    Typical use: `kaoju extract seeds/` then `kaoju serve`, or `kaoju parse "投资3000余万元"`.
    """
    logging.basicConfig(level=settings.get("KAOJU_LOG_LEVEL"), format="%(levelname)s %(message)s")


@main.command("init-db")
@DB_OPTION
def init_db_command(db_url):
    """Create the store's tables and indexes (safe to repeat)."""
    _open(db_url)
    click.echo(f"store ready: {db_url}")


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@click.option("--force", is_flag=True, help="Re-extract sources that are already stored.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes that extract in parallel (default: the machine's cores).")
@click.option("--shard", metavar="I/N", callback=lambda ctx, param, value: _parse_shard(value),
              help="Take only shard I of N (0 ≤ I < N), split by content hash, so N machines can fill one store.")
@click.option("--meta", "meta_path", type=click.Path(exists=True, dir_okay=False, readable=True),
              help="JSONL file describing the sources, one object per line: `path` (as found under PATHS, "
                   "relative to a folder given, or the base name) and any of url, title, published "
                   "(YYYY, YYYY-MM or YYYY-MM-DD), outlet, section, language.")
def extract_command(paths, db_url, force, progress, workers, shard, meta_path):
    """Extract every file under PATHS (files or folders) into the store.

    Each source is stored whole or not at all (a commit takes the sources extracted in the last quarter
    second, up to 32, each in its own savepoint); a source already stored by this extractor version (with
    the same metadata) is skipped, so rerunning after a crash finishes the work without duplicates. Bad
    files and bad --meta lines are reported by name and reason and the job goes on; the exit code is 1
    when any failed.

    What is known of a page besides its text comes from --meta, or from a NAME.meta.json beside the
    file (the same fields, without `path`). Its `published` date dates the page: web pages seldom
    print their year, and 今年 or an undated sentence then takes it.

    A saved web page (.html, .htm, .shtml, or HTML by its first markup) is read for its article text
    (trafilatura: no navigation, comments or related links) and its own title, date, site name and
    canonical address, which fill what --meta does not give; the HTML is kept with the source.

    A crawl's WARC file (.warc, .warc.gz, or WARC by its first bytes) gives one source per successful
    HTML response, named FILE#RECORD-ID, at the address the crawler fetched.

    A page's date is, in this order: --meta's `published`; the page's own (its HTML metadata, or a
    date line it prints); a story's dateline (新华社成都9月15日电) with the year of what else is known;
    the date in its address; the day it was crawled. The store says which (published_source).
    """
    from .job import run_extraction
    from .pipeline import EXTRACTOR_VERSION
    from .store import runs

    meta = _load_meta(meta_path)
    _open(db_url)
    if progress is None:
        progress = sys.stderr.isatty()
    run_id = runs.start_run("extract", EXTRACTOR_VERSION)
    summary = run_extraction(list(paths), force=force, progress=progress, workers=workers or os.cpu_count() or 1,
                             shard=shard, meta=meta)
    runs.finish_run(run_id, sources=summary.sources, facts=summary.facts, skipped=summary.skipped,
                    failed=summary.failed)
    _report(summary, meta, meta_path)
    click.echo(summary.line(), err=True)
    sys.exit(1 if summary.failed or (meta and meta.errors) else 0)


def _load_meta(meta_path):
    from .source_meta import load_meta_file

    if not meta_path:
        return None
    try:
        return load_meta_file(meta_path)
    except OSError as exc:
        raise click.BadParameter(f"{meta_path} cannot be read: {exc.strerror or exc}", param_hint="--meta") from None


def _report(summary, meta, meta_path) -> None:
    """Every bad --meta line, file that failed and warning, by name and reason, on stderr."""
    if meta:
        for line, reason in meta.errors:
            click.echo(f"failed: {meta_path}:{line}: {reason}", err=True)
        for line, reason in meta.unused():
            click.echo(f"warning: {meta_path}:{line}: {reason}", err=True)
    for path, reason in summary.failures:
        click.echo(f"failed: {path}: {reason}", err=True)
    for path, reason in summary.warnings:
        click.echo(f"warning: {path}: {reason}", err=True)


BROKER_OPTION = click.option(
    "--broker", envvar="KAOJU_BROKER_URL", required=True,
    help="Celery broker: amqp://guest:guest@127.0.0.1:5672// (RabbitMQ) or redis://127.0.0.1:6379/0 "
         "(env: KAOJU_BROKER_URL).")
META_OPTION = click.option(
    "--meta", "meta_path", type=click.Path(exists=True, dir_okay=False, readable=True),
    help="JSONL file describing the sources, as for `kaoju extract`.")


def _celery(broker: str):
    from .celery_settings import make_celery

    app = make_celery(broker)
    try:
        app.connection_for_write().ensure_connection(max_retries=2, interval_start=0.2, interval_step=0.5)
    except Exception as exc:
        raise click.ClickException(f"cannot reach the broker {broker}: {exc}") from exc
    return app


@main.command("enqueue")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@DB_OPTION
@BROKER_OPTION
@META_OPTION
@click.option("--force", is_flag=True, help="Queue sources that are already stored, to be extracted again.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
def enqueue_command(paths, db_url, broker, meta_path, force, progress):
    """Queue every source under PATHS for `kaoju worker`s: one task per source, on the broker.

    The files are walked as `kaoju extract` walks them (the same kinds of file, size limit and metadata);
    a source already stored by this extractor version is skipped, a file that cannot be read is reported
    (and recorded in the store) here. A task carries the file's path, which every worker must be able to
    read at that path (shared storage), and its sha256: a worker that finds other bytes there reports it
    instead of extracting them. Prints what it queued and what it skipped.
    """
    from .pipeline import EXTRACTOR_VERSION
    from .store import runs
    from .tasks import enqueue

    meta = _load_meta(meta_path)
    _open(db_url)
    app = _celery(broker)
    if progress is None:
        progress = sys.stderr.isatty()
    run_id = runs.start_run("enqueue", EXTRACTOR_VERSION)
    queued = enqueue(app, list(paths), force=force, meta=meta, progress=progress)
    summary = queued.summary
    runs.finish_run(run_id, skipped=summary.skipped, failed=summary.failed, queued=queued.sent)
    _report(summary, meta, meta_path)
    line = f"{queued.sent} sources queued, {summary.skipped} skipped (already stored), {summary.failed} failed"
    if summary.duplicates:
        line += f", {summary.duplicates} files with the same content as another (queued once)"
    click.echo(line, err=True)
    sys.exit(1 if summary.failed or (meta and meta.errors) else 0)


@main.command("worker")
@DB_OPTION
@BROKER_OPTION
@click.option("--concurrency", type=click.IntRange(min=1), default=None,
              help="Processes that extract in parallel (default: the machine's cores).")
@click.option("--loglevel", default="WARNING", show_default=True, help="Celery's log level.")
def worker_command(db_url, broker, concurrency, loglevel):
    """Run a Celery worker that extracts what `kaoju enqueue` queued into the store.

    Each source is stored in one transaction and its task acknowledged only after the commit: a worker
    killed mid-task loses nothing and duplicates nothing (the task is delivered again). A source that
    kills or outlasts its worker KAOJU_MAX_ATTEMPTS times (KAOJU_TASK_TIME_LIMIT seconds each) is stored
    as failed, with its reason. Stop it with Ctrl-C or SIGTERM (it finishes the sources in hand).
    """
    import socket

    from .pipeline import EXTRACTOR_VERSION, warm_up
    from .store import runs
    from .tasks import RUN_ENV

    _open(db_url)
    os.environ["DATABASE_URL"] = db_url  # what each process of the pool opens
    app = _celery(broker)
    warm_up()  # loaded once here, shared by the pool's forked processes
    run_id = runs.start_run("worker", EXTRACTOR_VERSION)
    os.environ[RUN_ENV] = str(run_id)
    store.db.close()
    try:
        app.worker_main(["worker", "--concurrency", str(concurrency or os.cpu_count() or 1), "--pool", "prefork",
                         "--loglevel", loglevel, "--hostname", f"kaoju-{os.getpid()}@{socket.gethostname()}",
                         "--without-gossip", "--without-mingle"])
    finally:
        with store.db.connection_context():
            runs.finish_run(run_id)  # its counts are those its tasks added


@main.command("status")
@DB_OPTION
@click.option("--broker", envvar="KAOJU_BROKER_URL", default=None,
              help="The broker, to count the sources still queued (env: KAOJU_BROKER_URL).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
def status_command(db_url, broker, as_json):
    """Sources stored, failed, started by a worker and not yet stored, and queued; the rate of the last
    ten minutes and the time left at that rate; the last runs."""
    from .store import runs

    _open(db_url)
    with store.db.connection_context():
        found = runs.status()
    found["queued"] = _queued(broker) if broker else None
    rate = found["per_minute"]
    found["eta_minutes"] = round(found["queued"] / rate, 1) if found["queued"] and rate else None
    if as_json:
        click.echo(json.dumps(found, default=str, ensure_ascii=False))
        return
    queued = "?" if found["queued"] is None else found["queued"]
    click.echo(f"stored {found['stored']}  failed {found['failed']}  started {found['started']}  queued {queued}")
    eta = f", about {found['eta_minutes']} min left" if found["eta_minutes"] is not None else ""
    click.echo(f"rate {rate:.1f} sources/min over the last 10 min{eta}")
    for run in found["runs"]:
        ended = f"{run['ended_at']:%Y-%m-%d %H:%M:%S}" if run["ended_at"] else RUN_STATES[run["state"]]
        click.echo(f"{run['kind']:8s} {run['started_at']:%Y-%m-%d %H:%M:%S} → {ended}  {run['who']}  "
                   f"v{run['extractor_version']}  sources {run['sources']} facts {run['facts']} "
                   f"skipped {run['skipped']} failed {run['failed']} queued {run['queued']}")


RUN_STATES = {"running": "running", "gone": "gone: its process ended without finishing (killed?)",
              "elsewhere": "not ended (on another host: ask there)"}


def _queued(broker: str) -> int:
    """Messages waiting in the queue (not those a worker holds); 0 for a queue never filled."""
    from .celery_settings import queue

    app = _celery(broker)
    with app.connection_for_read() as connection:
        try:
            return connection.default_channel.queue_declare(queue=queue(), passive=True).message_count
        except connection.channel_errors:  # RabbitMQ: no such queue yet
            return 0


@main.command("export")
@DB_OPTION
@click.option("--table", type=click.Choice(["facts", "articles"]), default="facts", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--portable", is_flag=True,
              help="Facts in the order of their source's path and offsets, without the store's row ids (an "
                   "article is its index on its page): the same sources export the same bytes from any store.")
def export_command(db_url, table, fmt, portable):
    """Write the facts (in the gold file's field names) or the articles to stdout."""
    from .store.export import ARTICLE_FIELDS, FACT_FIELDS, article_rows, fact_rows, spreadsheet_cell

    _open(db_url)
    if portable and table != "facts":
        raise click.BadParameter("only the facts have a portable export", param_hint="--portable")
    rows, fields = (fact_rows(portable), FACT_FIELDS) if table == "facts" else (article_rows(), ARTICLE_FIELDS)
    if portable:
        fields = [name for name in fields if name != "id"]
    out = sys.stdout
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({name: spreadsheet_cell(value) for name, value in row.items()} for row in rows)
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


@main.group("keys")
def keys_group():
    """Make, list and revoke the API keys that KAOJU_AUTH=keys asks for, and sum their use.

    `kaoju keys create --name reports-app` prints a key once; the store keeps only a salted hash of it.
    """


def _expiry(ctx, param, value):
    if value is None:
        return None
    import datetime

    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("write the last day the key works as YYYY-MM-DD") from None
    if day < datetime.datetime.now(datetime.timezone.utc).date():
        raise click.BadParameter(f"{value} has passed")
    return day.isoformat()


def _key_name(ctx, param, value):
    value = (value or "").strip()
    if not value or len(value) > 100 or any(ch.isspace() or not ch.isprintable() for ch in value):
        raise click.BadParameter("a name of 1 to 100 printable characters without spaces, e.g. reports-app")
    return value


@keys_group.command("create")
@DB_OPTION
@click.option("--name", required=True, callback=_key_name, help="Who the key is for, e.g. reports-app (unique).")
@click.option("--scope", type=click.Choice(["read", "export"]), default="read", show_default=True,
              help="read: pages and aggregates; export: also NDJSON and CSV streams.")
@click.option("--expires", default=None, callback=_expiry, metavar="YYYY-MM-DD",
              help="The last day (UTC) the key works; default: until revoked.")
def keys_create_command(db_url, name, scope, expires):
    """Make a key and print it once (to stdout); the store keeps its salted hash, never the key."""
    from . import keys
    from .store import keys as stored_keys

    _open(db_url)
    key_id, key = keys.make_key()
    salt = keys.new_salt()
    try:
        stored_keys.create(name, scope, expires, key_id, salt, keys.hashed(keys.parse(key)[1], salt))
    except stored_keys.KeyProblem as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(key)
    click.echo(f"key {name!r} ({scope}{', until ' + expires if expires else ''}) made: it is shown this once; "
               f"send it as Authorization: Bearer <key>", err=True)


@keys_group.command("list")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per key instead of a table.")
def keys_list_command(db_url, as_json):
    """The keys, oldest first: name, scope, state, made, expires, last used (never the key)."""
    import datetime

    from .store import keys as stored_keys

    _open(db_url)
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    for key in stored_keys.listed():
        state = ("revoked" if key.revoked_at else "expired" if key.expires_on and key.expires_on < today
                 else "active")
        row = {"name": key.name, "scope": key.scope, "state": state, "created_at": str(key.created_at)[:19],
               "expires_on": key.expires_on, "last_used_at": str(key.last_used_at)[:19] if key.last_used_at else None}
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else
                   f"{key.name}\t{key.scope}\t{state}\tmade {row['created_at']}\texpires {key.expires_on or '-'}"
                   f"\tlast used {row['last_used_at'] or 'never'}")


@keys_group.command("revoke")
@DB_OPTION
@click.argument("name")
def keys_revoke_command(db_url, name):
    """Revoke the key named NAME: every worker refuses it from its next request."""
    from .store import keys as stored_keys

    _open(db_url)
    try:
        stored_keys.revoke(name)
    except stored_keys.KeyProblem as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"key {name!r} revoked", err=True)


@keys_group.command("usage")
@click.option("--log", "log", type=click.File("r", encoding="utf-8", errors="replace"), default="-",
              show_default=True, help="The access log of `kaoju serve` (one JSON line per request).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per key instead of a table.")
def keys_usage_command(log, as_json):
    """Sum the access log per key: requests, by status, rows returned, time (lines without a key count under
    `-`, other lines are skipped)."""
    from .access_log import usage

    for name, total in usage(log).items():
        if as_json:
            click.echo(json.dumps({"key": name, **total}, ensure_ascii=False))
        else:
            statuses = " ".join(f"{code}×{n}" for code, n in sorted(total["statuses"].items()))
            click.echo(f"{name}\t{total['requests']} requests\t{statuses}\t{total['rows']} rows\t"
                       f"{total['ms']:.0f} ms")


@main.command("parse")
@click.argument("text", required=False)
def parse_command(text):
    """Print the quantity mentions of TEXT (or of stdin), one JSON line each.

    Offsets are into the text as given; `value` is in the canonical `unit`. Stdin is decoded as the job
    decodes a file (UTF-8, GB18030, Big5, UTF-16); bytes that are not text are refused with the reason.
    """
    from .pipeline.decode import DecodeError, decode_source
    from .pipeline.normalise import normalise
    from .pipeline.quantities import extract_quantities

    if text is None:
        data = sys.stdin.buffer.read()
        if not data.strip():
            return
        try:
            text, _, warning = decode_source(data)
        except DecodeError as exc:
            raise click.ClickException(f"stdin: {exc}") from None
        if warning:
            click.echo(f"warning: stdin: {warning}", err=True)
    doc = normalise(text)
    for mention in extract_quantities(doc.text):
        start, end = doc.raw_span(mention.start, mention.end)
        row = {"start": start, "end": end, "text": text[start:end], "value": mention.value,
               "high": mention.high, "qualifier": mention.qualifier, "unit": mention.unit,
               "unit_written": mention.unit_written, "dimension": mention.dimension,
               "numeral": mention.numeral, "iso": mention.iso}
        click.echo(json.dumps(row, ensure_ascii=False))


@main.command("serve", context_settings={"ignore_unknown_options": True})
@click.option("--bind", default="127.0.0.1:8000", show_default=True, help="Address for gunicorn to listen on.")
@DB_OPTION
@click.argument("gunicorn_args", nargs=-1, type=click.UNPROCESSED)
def serve_command(bind, db_url, gunicorn_args):
    """Serve the API with gunicorn (extra arguments go to gunicorn)."""
    from .api import auth, limits

    try:
        auth.mode(app=None)
        limits.configured({})
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    _open(db_url)
    os.environ["DATABASE_URL"] = db_url
    argv = ["gunicorn", "--config", "python:service.gunicorn_conf", "--bind", bind, *gunicorn_args,
            "service:create_app()"]
    click.echo(f"kaoju API on http://{bind}/ (store: {db_url})", err=True)
    os.execvp(sys.executable, [sys.executable, "-m", *argv])
