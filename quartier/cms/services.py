from functools import partial

from django.db import transaction
from wagtail.models import Locale

from quartier.quarters.models import Quarter

from .models import Feedback, QuarterIndexPage, QuarterPage
from .tasks import send_feedback_notification


@transaction.atomic
def feedback_create(
    *, kind: str, message: str, page_url: str = "", name: str = "", email: str = ""
) -> Feedback:
    """Store a feedback message; queue the notification to staff after commit."""
    feedback = Feedback.objects.create(
        kind=kind, message=message, page_url=page_url, name=name, email=email
    )
    transaction.on_commit(
        partial(send_feedback_notification.enqueue, feedback_id=feedback.pk)
    )
    return feedback


def feedback_release_for_account(*, user, emails: frozenset[str]) -> None:
    """Before `user`'s account is deleted: remove the messages sent from its addresses."""
    Feedback.objects.filter(email__in=emails).delete()


def quarter_page_create(
    *, quarter: Quarter, teaser: str = "", intro: str = "", publish: bool = True
) -> QuarterPage:
    """The "Mehr erfahren" page of a new quarter, under the default language's index.

    Called by `quarters.services.quarter_create` (inside its transaction), which then
    grants the team its rights on the page. Raises if no QuarterIndexPage exists.
    """
    index = QuarterIndexPage.objects.get(locale=Locale.get_default())
    page = QuarterPage(
        title=quarter.name,
        slug=quarter.slug,
        quarter=quarter,
        teaser=teaser or quarter.name,
        intro=intro or quarter.name,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
