"""Latency and throughput of the public portal under the production server.

Builds its own demo database under var/bench/, starts gunicorn with production
settings on a free loopback port, warms up, measures, prints a table and stops
the server again. Every figure is also given relative to a static file served
by the same server in the same run, so machines can be compared.

    uv run python bench/run.py [--requests 400] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"

PAGES = [
    ("overview", "/"),
    ("quarter page", "/quartiere/schinkel/"),
    ("boundaries GeoJSON", "/api/v1/quarters/boundaries.geojson"),
]


def production_env() -> dict[str, str]:
    """Production settings on plain http: DEBUG off, own database and secret."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    secret_file = BENCH_DIR / "secret-key"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        secret_file.chmod(0o600)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "CACHE_URL"}
    }
    env.update(
        DEBUG="false",
        QUARTIER_TESTING="false",
        SECRET_KEY_FILE=str(secret_file),
        DATABASE_URL=f"sqlite:///{BENCH_DIR / 'quartier.sqlite3'}",
        MEDIA_ROOT=str(BENCH_DIR / "media"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare(env: dict[str, str]) -> None:
    print("Preparing var/bench/ (migrate, seed_demo, collectstatic) ...", flush=True)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo", "--password-file", str(BENCH_DIR / "demo-password.txt"))
    manage(env, "collectstatic", "--no-input", "-v", "0")


def static_css_path() -> str:
    """The hashed stylesheet URL from the manifest collectstatic wrote."""
    manifest = ROOT / "var" / "static" / "staticfiles.json"
    paths = json.loads(manifest.read_text(encoding="utf-8"))["paths"]
    return "/static/" + paths["css/quartier.css"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    env: dict[str, str], port: int, workers: int, threads: int, boot_seconds: int = 30
):
    log = open(BENCH_DIR / "gunicorn.log", "w", encoding="utf-8")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            # gthread keeps connections alive, as bin/demo serves the portal.
            "--threads",
            str(threads),
            "--keep-alive",
            "5",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()  # the server holds its own copy of the file
    deadline = time.monotonic() + boot_seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited, see {BENCH_DIR / 'gunicorn.log'}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                connection.close()
                return server
        except OSError:
            time.sleep(0.2)  # the server is still starting; not a measurement
    stop_server(server)
    raise SystemExit(f"gunicorn did not answer within {boot_seconds} s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()  # gunicorn's master stops its workers gracefully
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def server_cpu_seconds(server: subprocess.Popen) -> float | None:
    """User + system CPU of gunicorn's workers so far (Linux /proc), or None.

    Unlike latency this hardly depends on what else the machine is doing.
    """
    tick = os.sysconf("SC_CLK_TCK")
    try:
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text()
        total = 0
        for pid in children.split():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, ValueError, IndexError):
        return None
    return total / tick


@dataclass
class Result:
    name: str
    path: str
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    size: int = 0
    cpu_seconds: float | None = None

    @property
    def cpu_ms(self) -> float:
        """Server CPU per request: load-independent, unlike the latencies."""
        if self.cpu_seconds is None or not self.latencies_ms:
            return float("nan")
        return self.cpu_seconds * 1000 / len(self.latencies_ms)

    @property
    def p50(self) -> float:
        return percentile(self.latencies_ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.latencies_ms, 95)

    @property
    def rps(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(pct) - 1]


def measure(
    port: int, name: str, path: str, requests: int, concurrency: int, max_seconds: float
) -> Result:
    """`requests` GETs from `concurrency` keep-alive clients, stopping at the time limit."""
    result = Result(name, path)
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + max_seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        latencies, errors, size = [], 0, 0
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                errors += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            elapsed = (time.perf_counter() - started) * 1000
            if response.status != 200:
                errors += 1
            else:
                latencies.append(elapsed)
                size = len(body)
            if response.will_close:
                connection.close()
        connection.close()
        with lock:
            result.latencies_ms.extend(latencies)
            result.errors += errors
            result.size = size or result.size

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def print_table(results: list[Result], baseline: Result) -> None:
    header = (
        f"{'target':<20} {'n':>5} {'err':>4} {'KB':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'req/s':>8} {'CPU ms':>7}   {'p50 ×':>6} {'p95 ×':>6} {'req/s ×':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.name:<20} {len(r.latencies_ms):>5} {r.errors:>4} {r.size / 1024:>6.1f} "
            f"{r.p50:>8.1f} {r.p95:>8.1f} {r.rps:>8.0f} {r.cpu_ms:>7.1f}   "
            f"{r.p50 / baseline.p50:>6.1f} {r.p95 / baseline.p95:>6.1f} "
            f"{r.rps / baseline.rps:>8.2f}"
        )
    print(
        "\nCPU ms: gunicorn workers' CPU time per request.\n"
        "× columns: latency as a multiple of the static file's, req/s as a fraction of it."
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Load average (1 min) at the end: {load:.1f} on {os.cpu_count()} CPUs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="per target")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--max-seconds", type=float, default=60, help="per target")
    parser.add_argument("--warmup", type=int, default=30, help="requests per target")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker")
    parser.add_argument(
        "--skip-prepare", action="store_true", help="reuse var/bench/ as it is"
    )
    args = parser.parse_args()

    env = production_env()
    if not args.skip_prepare:
        prepare(env)
    targets = [("static file (base)", static_css_path()), *PAGES]
    port = free_port()
    server = start_server(env, port, args.workers, args.threads)
    try:
        for name, path in targets:
            warm = measure(port, name, path, args.warmup, args.concurrency, 30)
            if warm.errors or not warm.latencies_ms:
                raise SystemExit(f"{path} does not answer 200 (see var/bench/)")
        print(
            f"gunicorn: {args.workers} workers × {args.threads} threads, "
            f"{args.concurrency} keep-alive clients, {args.requests} requests per "
            f"target, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n"
        )
        results = []
        for name, path in targets:
            cpu_before = server_cpu_seconds(server)
            result = measure(
                port, name, path, args.requests, args.concurrency, args.max_seconds
            )
            cpu_after = server_cpu_seconds(server)
            if cpu_before is not None and cpu_after is not None:
                result.cpu_seconds = cpu_after - cpu_before
            results.append(result)
    finally:
        stop_server(server)
    print_table(results, results[0])
    overview = results[1]
    verdict = "met" if overview.p95 < 40 else "MISSED"
    print(f"Target overview p95 < 40 ms: {verdict} ({overview.p95:.1f} ms)")
    return 0 if not any(r.errors for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
