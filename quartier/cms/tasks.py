from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Feedback


@task()
def send_feedback_notification(feedback_id: int) -> None:

    feedback = Feedback.objects.get(pk=feedback_id)
    admin_url = settings.SITE_URL + reverse("feedback:edit", args=[feedback.pk])
    body = "\n\n".join(
        part
        for part in [
            feedback.message,
            _("Seite: %(url)s") % {"url": feedback.page_url}
            if feedback.page_url
            else "",
            _("Von: %(name)s <%(email)s>")
            % {"name": feedback.name, "email": feedback.email}
            if feedback.email or feedback.name
            else "",
            _("Bearbeiten: %(url)s") % {"url": admin_url},
        ]
        if part
    )
    send_mail(
        subject=_("Neue Rückmeldung: %(kind)s") % {"kind": feedback.get_kind_display()},
        message=body,
        from_email=None,
        recipient_list=settings.QUARTIER_FEEDBACK_EMAILS,
    )
