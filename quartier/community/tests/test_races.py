import threading

import pytest
from django.db import connection

from quartier.community import services
from quartier.community.models import HelpPost

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_posts_cannot_pass_the_daily_limit(quarter, resident):
    from django.db import connections

    barrier = threading.Barrier(services.MAX_HELP_POSTS_PER_DAY + 2)
    errors = []

    def post(index):
        try:
            barrier.wait()
            services.help_post_create(
                author=resident,
                quarter=quarter,
                kind="offer",
                category="other",
                title=f"Parallel {index}",
                text="x",
            )
        except services.RateLimitExceeded as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=(i,))
        for i in range(services.MAX_HELP_POSTS_PER_DAY + 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (
        HelpPost.objects.filter(author=resident).count()
        == services.MAX_HELP_POSTS_PER_DAY
    )
    assert len(errors) == 2
