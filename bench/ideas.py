"""Idea list and idea detail timings, in process, cache off.

Usage (after `seed_demo` and `generate_ideas`):
    DEBUG=0 SECRET_KEY=x SECURE_SSL_REDIRECT=0 uv run python bench/ideas.py [--runs 200]

Prints p50/p95 per page in milliseconds. Django's test client runs the full middleware
stack and templates, without network or a server process in between.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from quartier.participation.models import Idea  # noqa: E402

DUMMY_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def measure(client: Client, urls: list[str], runs: int) -> list[float]:
    timings = []
    for i in range(runs):
        url = urls[i % len(urls)]
        start = time.perf_counter()
        response = client.get(url, headers={"host": "127.0.0.1"})
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    return timings


def report(name: str, timings: list[float]) -> None:
    timings = sorted(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{name:<34} n={len(timings):<5} p50={statistics.median(timings):6.1f} ms  p95={p95:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    print(
        f"ideas={Idea.objects.count()} comments={Idea.objects.model.comments.rel.related_model.objects.count()} db={settings.DATABASES['default']['ENGINE']}"
    )
    with override_settings(
        CACHES=DUMMY_CACHE, SECURE_SSL_REDIRECT=False, ALLOWED_HOSTS=["*"]
    ):
        client = Client()
        ids = list(
            Idea.objects.visible().order_by("?").values_list("pk", flat=True)[:50]
        )
        busiest = list(
            Idea.objects.visible()
            .order_by("-comment_count")
            .values_list("pk", flat=True)[:10]
        )
        pages = {
            "idea list (newest)": ["/mitmachen/ideen/"],
            "idea list (page 50)": ["/mitmachen/ideen/?seite=50"],
            "idea list (quarter, most supported)": [
                "/mitmachen/ideen/?quartier=schinkel&sortierung=unterstuetzt"
            ],
            "idea list (most discussed)": ["/mitmachen/ideen/?sortierung=diskutiert"],
            "idea detail (random)": [f"/mitmachen/ideen/{pk}/" for pk in ids],
            "idea detail (most comments)": [
                f"/mitmachen/ideen/{pk}/" for pk in busiest
            ],
        }
        for urls in pages.values():
            measure(client, urls, 5)  # warm-up
        for name, urls in pages.items():
            report(name, measure(client, urls, args.runs))


if __name__ == "__main__":
    main()
