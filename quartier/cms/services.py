from functools import partial

from django.db import transaction

from .models import Feedback
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
