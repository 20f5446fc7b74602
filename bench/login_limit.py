"""Failed sign-ins counted across gunicorn workers (issue 11.8).

Starts gunicorn with production settings and N workers on the bench database,
sends wrong passwords for one account on fresh connections (so they spread over the
workers), then the right one, and prints how many attempts reached the password check.
With a shared cache at most the limit (5 in 5 minutes) get through and the right
password after them is refused as well.

    uv run python bench/login_limit.py [--workers 2] [--attempts 20]
"""

from __future__ import annotations

import argparse
import http.client
import re
import subprocess
import sys
import urllib.parse

from run import BENCH_DIR, ROOT, free_port, production_env, start_server, stop_server

EMAIL = "limit@quartier.example"
PASSWORD = "richtig-und-lang-genug-42"  # noqa: S105 - a throwaway bench account
LIMITED = re.compile(r"Too many failed login attempts|Zu viele")


def sign_in(port: int, password: str) -> tuple[int, bool]:
    """One attempt on its own connection: (status, rate limited?)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/konto/login/")
    response = connection.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not found:
        raise SystemExit(f"GET /konto/login/ answered {response.status}, no form")
    token = found.group(1)
    connection.close()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": EMAIL, "password": password}
    )
    connection.request(
        "POST",
        "/konto/login/",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://127.0.0.1:{port}/konto/login/",
        },
    )
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    return response.status, bool(LIMITED.search(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--attempts", type=int, default=20)
    parser.add_argument("--port", type=int, default=0, help="default: a free one")
    args = parser.parse_args()
    env = production_env()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", _CREATE_USER],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = args.port or free_port()
    server = start_server(env, port, workers=args.workers, threads=1, boot_seconds=120)
    try:
        reached = sum(not sign_in(port, "falsch")[1] for _ in range(args.attempts))
        status, limited = sign_in(port, PASSWORD)
    finally:
        stop_server(server)
    print(f"gunicorn workers:            {args.workers}")
    print(f"wrong passwords sent:        {args.attempts}")
    print(f"reached the password check:  {reached}  (limit 5 per 5 minutes)")
    print(
        "right password afterwards:   "
        + ("refused (limited)" if limited else f"accepted (HTTP {status})")
    )
    print(f"log: {BENCH_DIR / 'gunicorn.log'}")


_CREATE_USER = f"""
from allauth.account.models import EmailAddress
from django.core.cache import cache
from quartier.accounts.models import User
cache.clear()
user, _ = User.objects.get_or_create(email={EMAIL!r})
user.set_password({PASSWORD!r})
user.save()
EmailAddress.objects.update_or_create(
    user=user, email={EMAIL!r}, defaults={{"verified": True, "primary": True}}
)
"""

if __name__ == "__main__":
    main()
