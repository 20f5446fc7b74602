"""Fill the database with many fictional ideas and comments, for bench/ideas.py."""

import datetime as dt
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from quartier.accounts.models import User
from quartier.participation.models import Category, Comment, Idea
from quartier.quarters.models import Quarter

BATCH = 5000


class Command(BaseCommand):
    help = "Creates N ideas and M comments (default 50,000 and 500,000) marked as bench data."

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, default=50_000)
        parser.add_argument("--comments", type=int, default=500_000)
        parser.add_argument("--seed", type=int, default=4)

    def handle(self, *args, ideas: int, comments: int, seed: int, **options):
        rng = random.Random(seed)  # noqa: S311 - fake data, not security
        quarters = list(Quarter.objects.all())
        if not quarters:
            self.stderr.write("Run seed_demo first: ideas need quarters.")
            return
        categories = list(Category.objects.all()) or [None]
        authors = list(User.objects.all()[:200])
        points = {q.pk: q.shape.representative_point() for q in quarters}
        now = timezone.now()
        statuses = [s for s, _label in Idea.Status.choices]
        with transaction.atomic():
            for start in range(0, ideas, BATCH):
                rows = []
                for i in range(start, min(start + BATCH, ideas)):
                    quarter = rng.choice(quarters)
                    status = rng.choice(statuses)
                    point = points[quarter.pk] if i % 3 == 0 else None
                    rows.append(
                        Idea(
                            quarter=quarter,
                            author=rng.choice(authors),
                            title=f"Bench-Idee {i}",
                            description="Erzeugter Text für Lasttests. " * 5,
                            category=rng.choice(categories),
                            status=status,
                            answer="Erzeugte Antwort."
                            if status == "not_possible"
                            else "",
                            longitude=point.x if point else None,
                            latitude=point.y if point else None,
                            support_count=rng.randint(0, 200),
                            created_at=now - dt.timedelta(minutes=i),
                        )
                    )
                Idea.objects.bulk_create(rows)
            idea_ids = list(
                Idea.objects.filter(title__startswith="Bench-Idee").values_list(
                    "pk", flat=True
                )
            )
            for start in range(0, comments, BATCH):
                rows = [
                    Comment(
                        idea_id=rng.choice(idea_ids),
                        author=rng.choice(authors),
                        body="Erzeugter Kommentar.",
                        created_at=now - dt.timedelta(seconds=i),
                    )
                    for i in range(start, min(start + BATCH, comments))
                ]
                Comment.objects.bulk_create(rows)
            # Counters as the services would have kept them.
            from django.db.models import Count, OuterRef, Subquery
            from django.db.models.functions import Coalesce

            counts = (
                Comment.objects.filter(idea=OuterRef("pk"))
                .values("idea")
                .annotate(n=Count("pk"))
                .values("n")
            )
            Idea.objects.filter(pk__in=idea_ids).update(
                comment_count=Coalesce(Subquery(counts), 0)
            )
        self.stdout.write(f"{ideas} ideas and {comments} comments created.")
