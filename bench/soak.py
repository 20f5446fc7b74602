"""Soak: a steady request rate over the main pages and a form, for minutes on end.

Uses bench/run.py's database (var/bench/, production settings) and server, sends
`--rate` requests per second for `--minutes` (default 30) in a fixed rotation of pages
plus a login form post (CSRF token from the page, wrong password: the form answers 200
with an error, then with the rate-limit message), and prints every minute the requests,
errors (5xx, refused or timed-out connections) and each gunicorn worker's resident
memory. Passes (exit 0) with zero errors; memory is printed, not judged: a worker whose
RSS climbs minute after minute is what to look for.

    uv run python bench/soak.py [--minutes 30] [--rate 5] [--skip-prepare]
"""

from __future__ import annotations

import argparse
import http.client
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import free_port, prepare, production_env, start_server, stop_server

PAGES = [
    "/",
    "/quartiere/schinkel/",
    "/veranstaltungen/",
    "/mitmachen/ideen/",
    "/akteure/",
    "/massnahmen/",
    "/konto/login/",
]
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def worker_rss_mb(server) -> dict[int, float]:
    """Resident memory of each gunicorn worker (children of the master), in MB."""
    rss = {}
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text()
    except OSError:
        return rss
    for pid in map(int, children.split()):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue  # a worker restarting right now
        if match := re.search(r"VmRSS:\s+(\d+) kB", status):
            rss[pid] = int(match.group(1)) / 1024
    return rss


class Browser:
    """One keep-alive connection with a cookie jar of one cookie kind: enough here."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def send(self, method: str, path: str, body: str = "") -> tuple[int, bytes]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}/konto/login/"
        try:
            self.connection.request(method, path, body=body or None, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # reconnect on the next request
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--rate", type=float, default=5, help="requests per second")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--skip-prepare", action="store_true")
    args = parser.parse_args()

    env = {**production_env(), "QUARTIER_LOG_LEVEL": "WARNING"}  # figures, not logs
    if not args.skip_prepare:
        prepare(env)
    port = free_port()
    server = start_server(env, port, workers=args.workers, threads=2)
    browser = Browser(port)
    requests = errors = 0
    interval = 1 / args.rate
    started = time.monotonic()
    end = started + args.minutes * 60
    next_report = started + 60
    step = 0
    print(f"{'minute':>6} {'requests':>9} {'errors':>7}  worker RSS (MB)")
    print(
        f"{0:>6} {0:>9} {0:>7}  {sorted(round(v, 1) for v in worker_rss_mb(server).values())}"
    )
    try:
        while time.monotonic() < end:
            due = started + step * interval
            if (wait := due - time.monotonic()) > 0:
                time.sleep(wait)  # a steady rate, not as fast as possible
            path = PAGES[step % len(PAGES)]
            try:
                status, content = browser.send("GET", path)
                if path == "/konto/login/" and (token := TOKEN.search(content)):
                    requests += 1
                    status, _ = browser.send(
                        "POST",
                        path,
                        "csrfmiddlewaretoken="
                        + token.group(1).decode()
                        + "&login=soak%40example.org&password=falsch",
                    )
                errors += status >= 500
            except (OSError, http.client.HTTPException):
                errors += 1
            requests += 1
            step += 1
            if time.monotonic() >= next_report:
                minute = round((time.monotonic() - started) / 60)
                rss = sorted(round(v, 1) for v in worker_rss_mb(server).values())
                print(f"{minute:>6} {requests:>9} {errors:>7}  {rss}", flush=True)
                next_report += 60
    finally:
        rss = sorted(round(v, 1) for v in worker_rss_mb(server).values())
        stop_server(server)
    print(
        f"{requests} requests in {args.minutes:g} min at {args.rate:g}/s: "
        f"{errors} errors; worker RSS at the end {rss} MB"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
