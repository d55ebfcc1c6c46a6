"""gunicorn settings for `kaoju serve`; each can be overridden on the command line or by env."""
import multiprocessing

from service.settings import get

workers = int(get("KAOJU_WORKERS") or min(4, multiprocessing.cpu_count() * 2))
# threaded workers keep telling the arbiter they are alive while a thread streams a long NDJSON/CSV
# export, so `timeout` only kills a worker that is truly stuck, not a big download
worker_class = "gthread"
threads = 4  # at most KAOJU_MAX_STREAMS (2) of them stream exports; the others answer pages and health checks
timeout = int(get("KAOJU_TIMEOUT"))
graceful_timeout = 20
keepalive = 5
accesslog = "-"
logger_class = "service.access_log.JsonAccessLogger"  # one JSON line per request, with its true status
# no control socket: its default path is one per user, so a second `kaoju serve` on the machine (a test,
# another store, a replica) would take the first one's; reload with kill -HUP instead
control_socket_disable = True
limit_request_line = 8190
limit_request_fields = 100
