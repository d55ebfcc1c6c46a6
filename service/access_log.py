"""gunicorn's access log as one JSON object per request, built with json.dumps (a quote or a
backslash in a request line cannot break the line), with the request's true outcome: a stream that
failed after its 200 header was sent is logged once, with the status its error would have had. It is
also the audit trail: the key's name (never the key: `_key=` in a request line is redacted), the route,
the filters and the rows returned, which `kaoju keys usage` sums."""
from __future__ import annotations

import json
import traceback

from gunicorn.glogging import Logger

from .keys import redact

OUTCOME_KEY = "kaoju.status"  # set in the WSGI environ by a response that failed after its headers went out
AUDIT_KEYS = {"key": "kaoju.key", "route": "kaoju.route", "filters": "kaoju.filters", "rows": "kaoju.rows"}


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        sent = int(str(atoms.get("s", "0")).split()[0] or 0)
        line = {"remote": atoms.get("h"), "request": redact(atoms.get("r") or ""),
                "status": environ.get(OUTCOME_KEY, sent), "bytes": atoms.get("B"), "ms": atoms.get("M")}
        line.update((name, environ[key]) for name, key in AUDIT_KEYS.items() if key in environ)
        if OUTCOME_KEY in environ:
            line["sent_status"] = sent
            line["complete"] = False
        try:
            self.access_log.info(json.dumps(line, ensure_ascii=False))
        except Exception:
            self.error(traceback.format_exc())


def usage(lines) -> dict[str, dict]:
    """Per key name (`-` for none): requests, statuses, rows and milliseconds, summed from access log lines."""
    totals: dict[str, dict] = {}
    for text in lines:
        try:
            line = json.loads(text)
        except ValueError:
            continue
        if not isinstance(line, dict) or "status" not in line:
            continue
        total = totals.setdefault(str(line.get("key") or "-"), {"requests": 0, "statuses": {}, "rows": 0, "ms": 0.0})
        total["requests"] += 1
        status = str(line.get("status"))
        total["statuses"][status] = total["statuses"].get(status, 0) + 1
        total["rows"] += int(line.get("rows") or 0) if str(line.get("rows") or 0).isdigit() else 0
        total["ms"] += float(line.get("ms") or 0) if isinstance(line.get("ms"), (int, float)) else 0.0
    return dict(sorted(totals.items()))
