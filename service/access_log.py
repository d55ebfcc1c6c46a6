"""gunicorn's access log as one JSON object per request, built with json.dumps (a quote or a
backslash in a request line cannot break the line), with the request's true outcome: a stream that
failed after its 200 header was sent is logged once, with the status its error would have had."""
from __future__ import annotations

import json
import traceback

from gunicorn.glogging import Logger

OUTCOME_KEY = "kaoju.status"  # set in the WSGI environ by a response that failed after its headers went out


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        sent = int(str(atoms.get("s", "0")).split()[0] or 0)
        line = {"remote": atoms.get("h"), "request": atoms.get("r"), "status": environ.get(OUTCOME_KEY, sent),
                "bytes": atoms.get("B"), "ms": atoms.get("M")}
        if OUTCOME_KEY in environ:
            line["sent_status"] = sent
            line["complete"] = False
        try:
            self.access_log.info(json.dumps(line, ensure_ascii=False))
        except Exception:
            self.error(traceback.format_exc())
