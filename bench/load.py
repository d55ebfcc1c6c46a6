"""One closed-loop HTTP load generator for the benchmarks (bench/api.py, bench/compare.py): threads on
keep-alive connections, each sending its next request when the last one is answered. Pure Python, so a
benchmark needs nothing installed beyond the project; it shares the machine's cores with the server,
which a ratio taken in the same run cancels out."""
import http.client
import socket
import statistics
import threading
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port: int, path: str, connection: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    if own:
        connection.close()
    return response.status, body


def load(port: int, path: str, connections: int, seconds: float) -> dict:
    """Closed loop: each thread sends its next request when the last one is answered."""
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + seconds

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            status, _ = fetch(port, path, connection)
            mine.append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors[0] += 1
        connection.close()
        latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    return {"rps": len(latencies) / elapsed, "p50": statistics.median(latencies),
            "p99": latencies[max(0, int(len(latencies) * 0.99) - 1)], "errors": errors[0]}
